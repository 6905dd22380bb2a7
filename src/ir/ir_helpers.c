/*
 * The helper registry: the textual IR names the helper of a `call` op, and
 * ir_parse() finds the IrHelper by that name here.  Programs register their
 * helpers once at start-up (the frontend its FP and CSR helpers, tests
 * their own); lookups may then come from any thread.
 */
#include "ir_text.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static pthread_mutex_t helper_lock = PTHREAD_MUTEX_INITIALIZER;
static const IrHelper **helpers;
static size_t nb_helpers, cap_helpers;

static const IrHelper *find_locked(const char *name)
{
    for (size_t i = 0; i < nb_helpers; i++)
        if (!strcmp(helpers[i]->name, name))
            return helpers[i];
    return NULL;
}

/* The text form names helpers with plain identifiers. */
static int name_is_identifier(const char *s)
{
    if (!s || !*s)
        return 0;
    for (const char *c = s; *c; c++)
        if (!((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') ||
              *c == '_' || (c != s && *c >= '0' && *c <= '9')))
            return 0;
    return 1;
}

void ir_helper_register(const IrHelper *h)
{
    if (!h || !name_is_identifier(h->name)) {
        fprintf(stderr, "rvtcg: ir_helper_register: a helper's name must be "
                "an identifier ([A-Za-z_][A-Za-z0-9_]*)\n");
        abort();
    }
    pthread_mutex_lock(&helper_lock);
    const IrHelper *old = find_locked(h->name);
    if (old && old != h) {
        fprintf(stderr, "rvtcg: two helpers named %s\n", h->name);
        abort();
    }
    if (!old) {
        if (nb_helpers == cap_helpers) {
            cap_helpers = cap_helpers ? cap_helpers * 2 : 32;
            helpers = realloc(helpers, cap_helpers * sizeof(*helpers));
            if (!helpers)
                abort();
        }
        helpers[nb_helpers++] = h;
    }
    pthread_mutex_unlock(&helper_lock);
}

const IrHelper *ir_helper_find(const char *name)
{
    pthread_mutex_lock(&helper_lock);
    const IrHelper *h = find_locked(name);
    pthread_mutex_unlock(&helper_lock);
    return h;
}
