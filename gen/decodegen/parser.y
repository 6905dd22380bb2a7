/*
 * decodegen's grammar.  A file is a list of lines and groups:
 *
 *   %field  PIECE... [!attr...]            field definition
 *   &argset IDENT... [!attr...]            argument set
 *   @format ELEM...                        format
 *   name    ELEM...                        pattern
 *   { ... }   [ ... ]                      overlapping / non-overlapping group
 *
 * where ELEM is a bit run, an inline field, %field, member=%field,
 * member=const, &argset, @format or !attr[=value].  The grammar only shapes
 * lines; which element may appear where, and what it means, is checked by
 * the semantic passes (sema.c, layout.c) so their messages can be specific.
 * After a syntax error the parser skips to the end of the line and goes on.
 */
%{
#include "ast.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

int dg_yylex(void);
static void dg_yyerror(const char *msg);
extern char dg_lex_badchar[8];
const char *dg_lex_file(void);

static PtrVec *top_items;
%}

%define api.prefix {dg_yy}
%define parse.error verbose
%locations

%union {
    DgElem *elem;
    PtrVec *vec;
    DgItem *item;
}

%token END 0 "end of file"
%token NEWLINE "end of line"
%token <elem> BITS "bit pattern"
%token <elem> INLINE "inline field"
%token <elem> PIECE "field piece"
%token <elem> FIELDREF "%field"
%token <elem> RENAME "member=%field"
%token <elem> CONST "member=constant"
%token <elem> ARGREF "&argset"
%token <elem> FMTREF "@format"
%token <elem> ATTR "!attribute"
%token <elem> IDENT "identifier"
%token <elem> STRING "string"
%token BADCHAR "invalid character"
%token BADSTRING "unterminated string"

%type <vec> items elems fieldelems argelems
%type <item> item
%type <elem> elem attr

%%

file
    : items                     { top_items = $1; }
    ;

items
    : %empty                    { $$ = dg_vec_new(); }
    | items item                { $$ = $1; if ($2) vec_push($$, $2); }
    ;

item
    : NEWLINE                   { $$ = NULL; }
    | FIELDREF fieldelems NEWLINE { dg_def_field($1, $2); $$ = NULL; }
    | ARGREF argelems NEWLINE   { dg_def_argset($1, $2); $$ = NULL; }
    | FMTREF elems NEWLINE      { dg_def_format($1, $2); $$ = NULL; }
    | IDENT elems NEWLINE       { $$ = dg_def_pattern($1, $2); }
    | '{' items '}'             {
                                    SrcLoc l = { dg_lex_file(), @1.first_line, @1.first_column };
                                    $$ = dg_item_new(DG_ITEM_OVERLAP, l);
                                    for (size_t i = 0; i < $2->len; i++)
                                        vec_push(&$$->items, $2->items[i]);
                                }
    | '[' items ']'             {
                                    SrcLoc l = { dg_lex_file(), @1.first_line, @1.first_column };
                                    $$ = dg_item_new(DG_ITEM_NONOVERLAP, l);
                                    for (size_t i = 0; i < $2->len; i++)
                                        vec_push(&$$->items, $2->items[i]);
                                }
    | error NEWLINE             { $$ = NULL; yyerrok; }
    ;

fieldelems
    : %empty                    { $$ = dg_vec_new(); }
    | fieldelems PIECE          { $$ = $1; vec_push($$, $2); }
    | fieldelems attr           { $$ = $1; vec_push($$, $2); }
    ;

argelems
    : %empty                    { $$ = dg_vec_new(); }
    | argelems IDENT            { $$ = $1; vec_push($$, $2); }
    | argelems attr             { $$ = $1; vec_push($$, $2); }
    ;

elems
    : %empty                    { $$ = dg_vec_new(); }
    | elems elem                { $$ = $1; vec_push($$, $2); }
    ;

elem
    : BITS | INLINE | FIELDREF | RENAME | CONST | ARGREF | FMTREF | attr
    ;

attr
    : ATTR                      { $$ = $1; $$->vkind = DG_AV_NONE; }
    | ATTR '=' IDENT            {
                                    $$ = $1;
                                    $$->vkind = DG_AV_IDENT;
                                    $$->value = $3->text;
                                    $$->vloc = $3->loc;
                                }
    | ATTR '=' STRING           {
                                    $$ = $1;
                                    $$->vkind = DG_AV_STRING;
                                    $$->value = $3->text;
                                    $$->vloc = $3->vloc;
                                }
    ;

%%

static void dg_yyerror(const char *msg)
{
    SrcLoc l = { dg_lex_file(), dg_yylloc.first_line, dg_yylloc.first_column };
    if (dg_yychar == BADCHAR)
        diag_error(l, "syntax error: invalid character '%s'", dg_lex_badchar);
    else if (dg_yychar == BADSTRING)
        diag_error(l, "syntax error: unterminated string");
    else
        diag_error(l, "%s", msg);
}

bool dg_parse_file(const char *path)
{
    FILE *fp = fopen(path, "r");
    if (!fp) {
        SrcLoc l = { path, 0, 0 };
        diag_error(l, "cannot open: %s", strerror(errno));
        return false;
    }
    dg_lex_begin(path, fp);
    top_items = NULL;
    dg_yyparse();
    if (top_items)
        for (size_t i = 0; i < top_items->len; i++)
            vec_push(&dg_prog.top, top_items->items[i]);
    dg_lex_end();
    fclose(fp);
    return true;
}
