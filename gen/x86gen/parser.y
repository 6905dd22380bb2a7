/*
 * x86gen grammar for defs/x86_64/encodings.def: one form per line,
 *
 *   MNEMONIC FORM OPERANDS OP/EN ENCODING [FEATURE]
 *
 * e.g.  add  r64_m64  r64, m64  RM  REX.W 03 /r
 * The grammar only groups tokens; check.c gives them meaning, so most
 * mistakes are reported with a precise message rather than "syntax error".
 * After a syntax error the parser skips to the next line and goes on.
 */
%define api.pure full
%define parse.error verbose
%locations
%param {yyscan_t scanner}
%parse-param {const char *file}

%code requires {
#include "ast.h"
#ifndef YY_TYPEDEF_YY_SCANNER_T
#define YY_TYPEDEF_YY_SCANNER_T
typedef void *yyscan_t;
#endif
}

%code provides {
int yylex(YYSTYPE *lvalp, YYLTYPE *llocp, yyscan_t scanner);
void yyerror(YYLTYPE *llocp, yyscan_t scanner, const char *file,
             const char *msg);
}

%code {
static SrcLoc loc_of(const char *file, YYLTYPE l)
{
    return (SrcLoc){ file, l.first_line, l.first_column };
}

/* The position just after token L (for "missing ..." errors). */
static SrcLoc loc_after(const char *file, YYLTYPE l)
{
    return (SrcLoc){ file, l.last_line, l.last_column + 1 };
}

static PtrVec *new_vec(void)
{
    return x86gen_keep(xcalloc(1, sizeof(PtrVec)));
}
}

%union {
    char *str;
    int num;
    PtrVec *vec;
    X86genOperand *op;
    X86genItem *item;
    X86genForm *form;
}

%token NEWLINE "end of line"
%token <str> IDENT "name"
%token <str> WORD "prefix"
%token <str> OPEN "op/en letters"
%token <str> NUM "number"
%token <num> HEX "hex byte"
%token <num> SLASH_DIGIT "/digit"
%token PLUS_R "+r"
%token PLUS_CC "+cc"
%token SLASH_R "/r"

%type <vec> operands oplist encoding
%type <op> operand
%type <item> item
%type <form> form
%type <str> formname

%%

file
    : %empty
    | file line
    ;

line
    : NEWLINE
    | form NEWLINE                  { x86gen_form_add($1); }
    | error NEWLINE                 { yyerrok; }
    ;

form
    : IDENT formname operands OPEN encoding
        {
            X86genForm *f = x86gen_keep(xcalloc(1, sizeof(*f)));
            f->loc = loc_of(file, @1);
            f->mnemonic = $1;
            f->form = $2;
            f->form_loc = loc_of(file, @2);
            f->operands = *$3;
            f->open = $4;
            f->open_loc = loc_of(file, @4);
            f->items = *$5;
            f->end_loc = loc_after(file, @$);
            $$ = f;
        }
    | form '[' IDENT ']'
        {
            $$ = $1;
            if ($$->feature)
                diag_error(loc_of(file, @2), "more than one [feature]");
            $$->feature = $3;
            $$->feature_loc = loc_of(file, @3);
        }
    ;

formname
    : IDENT                         { $$ = $1; }
    | '-'                           { $$ = NULL; }
    ;

operands
    : %empty                        { $$ = new_vec(); }
    | oplist                        { $$ = $1; }
    ;

oplist
    : operand                       { $$ = new_vec(); vec_push($$, $1); }
    | oplist ',' operand            { $$ = $1; vec_push($$, $3); }
    ;

operand
    : IDENT                         { $$ = x86gen_operand_new($1, loc_of(file, @1)); }
    | NUM                           { $$ = x86gen_operand_new($1, loc_of(file, @1)); }
    ;

encoding
    : %empty                        { $$ = new_vec(); }
    | encoding item                 { $$ = $1; vec_push($$, $2); }
    ;

item
    : HEX
        { $$ = x86gen_item_new(X86GEN_I_HEX, $1, NULL, loc_of(file, @1)); }
    | PLUS_R
        { $$ = x86gen_item_new(X86GEN_I_PLUS_R, 0, "+r", loc_of(file, @1)); }
    | PLUS_CC
        { $$ = x86gen_item_new(X86GEN_I_PLUS_CC, 0, "+cc", loc_of(file, @1)); }
    | SLASH_R
        { $$ = x86gen_item_new(X86GEN_I_SLASH_R, 0, "/r", loc_of(file, @1)); }
    | SLASH_DIGIT
        { $$ = x86gen_item_new(X86GEN_I_DIGIT, $1, NULL, loc_of(file, @1)); }
    | WORD
        { $$ = x86gen_item_new(X86GEN_I_WORD, 0, $1, loc_of(file, @1)); }
    | IDENT
        { $$ = x86gen_item_new(X86GEN_I_WORD, 0, $1, loc_of(file, @1)); }
    | OPEN
        { $$ = x86gen_item_new(X86GEN_I_WORD, 0, $1, loc_of(file, @1)); }
    ;

%%

void yyerror(YYLTYPE *llocp, yyscan_t scanner, const char *file,
             const char *msg)
{
    (void)scanner;
    diag_error(loc_of(file, *llocp), "%s", msg);
}
