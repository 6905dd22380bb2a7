/*
 * The IR optimizer: one forward pass over a translation block that folds
 * constants, propagates copies, simplifies algebra, tracks known bits and
 * folds branches, then dead-code elimination.  Every rewrite belongs to a
 * named rule (OPT_RULE_*, names in opt_rule_names) that can be turned off
 * for bisecting (rvtcg --opt-disable=NAME,... ; rvtcg-irbackend too).
 * docs/optimizer.md lists the rules with examples.
 */
#ifndef OPT_H
#define OPT_H

#include <stdbool.h>
#include <stdint.h>

#include "ir.h"

/* The rules (opt_rules.def): OPT_RULE_FOLD, OPT_RULE_DCE, ... */
typedef enum OptRule {
#define OPT_RULE(e, name, what) OPT_RULE_##e,
#include "opt_rules.def"
#undef OPT_RULE
    OPT_RULE_COUNT
} OptRule;

typedef struct OptConfig {
    uint64_t disabled;   /* bit r set: rule r is off */
    bool enabled;        /* false: opt_run does nothing */
} OptConfig;

/* Turns rule R off (for tests and tools). */
static inline void opt_rule_disable(OptConfig *cfg, OptRule r)
{
    cfg->disabled |= (uint64_t)1 << r;
}

/* Every rule on. */
static inline OptConfig opt_config_default(void)
{
    return (OptConfig){ .disabled = 0, .enabled = true };
}

/* Optimizes CTX in place; the result is semantically equal IR (same
 * outputs, globals, memory effects, exits).  Verified in debug builds. */
void opt_run(IrCtx *ctx, const OptConfig *cfg);

/* The number of rules and their names ("fold", "copyprop", ...). */
unsigned opt_rule_count(void);
const char *opt_rule_name(unsigned rule);
/* Turns off the comma-separated rules in LIST ("all" = every rule); false
 * (and *bad = the offending name) for an unknown name. */
bool opt_disable_rules(OptConfig *cfg, const char *list, const char **bad);

#endif
