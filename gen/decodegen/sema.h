/*
 * decodegen's semantic passes, run in this order by main.c:
 *
 *   dg_sema_defs     duplicate names, %field and &argset definitions  (sema.c)
 *   dg_layout_all    bits, fields and argument sets of every @format
 *                    and pattern, templates                            (layout.c)
 *   dg_check_groups  empty groups, overlaps outside { }, group masks  (groups.c)
 *   dg_check_names   one argument set per trans_ name, one prototype
 *                    per !function helper                              (sema.c)
 *
 * Each reports every error it finds through diag_error and marks the
 * offending definition bad so later passes do not repeat the complaint.
 */
#ifndef DG_SEMA_H
#define DG_SEMA_H

#include "ast.h"

void dg_sema_defs(DgProgram *p);
void dg_layout_all(DgProgram *p);
void dg_check_groups(DgProgram *p);
void dg_check_names(DgProgram *p);

/*
 * Parses template T against argument set ARGS, expanding {@} to MNEMONIC.
 * Appends DgPiece* to PIECES (may be NULL to only check).  Reports the first
 * error (once per template) and returns false on error.
 */
bool dg_template_parse(DgTemplate *t, const DgArgSet *args,
                       const char *mnemonic, PtrVec *pieces);

/* Reports attribute E as unknown, or as not allowed on WHAT ("a pattern"). */
void dg_bad_attr(const DgElem *e, const char *what);

/* "bit 5", "bits 14..12", "bits 31..25, 11..7" for a mask. */
char *dg_describe_bits(uint32_t mask);

#endif
