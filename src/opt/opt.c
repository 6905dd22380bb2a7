/*
 * The optimizer's driver and rule table: opt_run() verifies its input, runs
 * the forward pass (forward.c: folding, propagation, simplification, known
 * bits, branch folding) and dead-code elimination (dce.c), compacting and
 * verifying after each pass in debug builds.  Rules are listed once, in
 * opt_rules.def; a rule is turned off by its bit in OptConfig.disabled.
 */
#include "opt.h"

#include <string.h>

#include "ir_verify.h"
#include "opt_int.h"

_Static_assert(OPT_RULE_COUNT <= 64, "OptConfig.disabled has 64 bits");

static const char *const rule_names[OPT_RULE_COUNT] = {
#define OPT_RULE(e, name, what) [OPT_RULE_##e] = name,
#include "opt_rules.def"
#undef OPT_RULE
};

unsigned opt_rule_count(void)
{
    return OPT_RULE_COUNT;
}

const char *opt_rule_name(unsigned rule)
{
    return rule < OPT_RULE_COUNT ? rule_names[rule] : NULL;
}

bool opt_disable_rules(OptConfig *cfg, const char *list, const char **bad)
{
    static _Thread_local char bad_name[64];
    const char *p = list;
    while (*p) {
        size_t n = strcspn(p, ",");
        if (n) {
            bool found = false;
            if (n == 3 && !strncmp(p, "all", 3)) {
                cfg->disabled |= OPT_RULE_COUNT == 64
                                     ? ~(uint64_t)0
                                     : ((uint64_t)1 << OPT_RULE_COUNT) - 1;
                found = true;
            }
            for (unsigned r = 0; r < OPT_RULE_COUNT && !found; r++)
                if (strlen(rule_names[r]) == n && !strncmp(p, rule_names[r], n)) {
                    cfg->disabled |= (uint64_t)1 << r;
                    found = true;
                }
            if (!found) {
                if (bad) {
                    size_t k = n < sizeof bad_name - 1 ? n : sizeof bad_name - 1;
                    memcpy(bad_name, p, k);
                    bad_name[k] = 0;
                    *bad = bad_name;
                }
                return false;
            }
        }
        p += n;
        if (*p == ',')
            p++;
    }
    return true;
}

void opt_run(IrCtx *ctx, const OptConfig *cfg)
{
    if (!cfg || !cfg->enabled)
        return;
    IR_VERIFY_DEBUG(ctx, "opt input");
    opt_forward(ctx, cfg);
    ir_compact(ctx);
    ir_note_labels(ctx);
    IR_VERIFY_DEBUG(ctx, "opt forward pass");
    if (!(cfg->disabled >> OPT_RULE_DCE & 1)) {
        opt_dce(ctx, cfg);
        ir_compact(ctx);
        ir_note_labels(ctx);
        IR_VERIFY_DEBUG(ctx, "opt dce");
    }
}
