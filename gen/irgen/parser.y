/*
 * irgen's grammar for defs/ir/ops.def (docs/ir.md has the full description).
 *
 *   regset NAME = { REG... }
 *   NAME TYPES ( OUTS = INS ) [ CONSTS ] FLAGS [CONSTRAINT-SET]
 *       CONSTRAINT-SET                      (indented continuation line)
 *
 *   CONSTRAINT-SET := HOST [CLASS] [+FEATURE...] : CONS,... = CONS,...
 *                     [scratch CONS,...] [clobber { REG... }]
 *
 * The grammar only shapes the lines; the names (types, flags, kinds,
 * registers, constraint words) are resolved and checked in check*.c, which
 * can give specific messages.  After a syntax error the parser skips to the
 * end of the line and goes on, so one run reports every bad line.
 */
%code requires {
#include "ast.h"

typedef struct IrgenNum {
    long value;
    SrcLoc loc;
} IrgenNum;

typedef struct IrgenSig {
    PtrVec *outs, *ins;
} IrgenSig;
}

%{
#include "ast.h"

#include <stdio.h>
#include <string.h>

int irgen_yylex(void);
int irgen_lex_open(const char *path);
void irgen_lex_close(void);
const char *irgen_lex_file(void);
static void irgen_yyerror(const char *msg);

static IrgenFile *cur_file;
static IrgenOp *last_op;        /* continuation lines attach to it */
static bool after_error;        /* the last opcode line was bad */
static IrgenOp *line_op;        /* the op the current line defines */

static SrcLoc loc_of(int line, int col)
{
    SrcLoc l = { irgen_lex_file(), line, col };
    return l;
}

static PtrVec *vec_new(void)
{
    return irgen_vec_new();
}
%}

%define api.prefix {irgen_yy}
%define parse.error detailed
%locations

%union {
    IrgenName *name;
    IrgenNum num;
    PtrVec *vec;
    IrgenSig sig;
    IrgenOperand *operand;
    IrgenConst *cst;
    IrgenOp *op;
    IrgenConsSet *set;
    IrgenCons *cons;
    IrgenConsItem *item;
    IrgenRegSpec *regs;
    IrgenRegItem *regitem;
}

%token END 0 "end of file"
%token NEWLINE "end of line"
%token INDENT "indented line"
%token REGSET "'regset'"
%token SCRATCH "'scratch'"
%token CLOBBER "'clobber'"
%token <name> IDENT "identifier"
%token <num> NUMBER "number"
%token <num> BADCHAR "invalid character"

%type <vec> typelist operands operands_opt consts constlist flags flaglist
%type <vec> feats conslist conslist1 scratch_opt regitems
%type <sig> sig
%type <operand> operand
%type <name> type_opt class_opt
%type <num> var_opt
%type <cst> const
%type <op> ophead
%type <set> consset
%type <cons> cons
%type <item> consitem
%type <regs> regspec clobber_opt
%type <regitem> regitem

%%

file
    : %empty
    | file line
    ;

line
    : NEWLINE                           { line_op = NULL; }
    | REGSET IDENT '=' regspec NEWLINE {
            IrgenRegSet *rs = irgen_new(sizeof(*rs));
            rs->name = *$2;
            rs->spec = $4;
            vec_push(&cur_file->regsets, rs);
        }
    | ophead NEWLINE                    { line_op = NULL; }
    | ophead consset NEWLINE            { vec_push(&$1->sets, $2); line_op = NULL; }
    | INDENT consset NEWLINE {
            if (last_op)
                vec_push(&last_op->sets, $2);
            else if (!after_error)
                diag_error($2->loc, "constraint set outside an opcode definition");
        }
    | error NEWLINE {
            /* an opcode cut by the error is not checked, and its
               continuation lines are dropped with it */
            if (line_op)
                line_op->broken = true;
            line_op = NULL;
            last_op = NULL;
            after_error = true;
            yyerrok;
        }
    ;

ophead
    : IDENT typelist sig consts flags {
            IrgenOp *op = irgen_op_new($1);
            op->types = *$2;
            op->outs = *$3.outs;
            op->ins = *$3.ins;
            op->consts = *$4;
            op->flags = *$5;
            vec_push(&cur_file->ops, op);
            last_op = op;
            line_op = op;
            after_error = false;
            $$ = op;
        }
    ;

typelist
    : IDENT                             { $$ = vec_new(); vec_push($$, $1); }
    | typelist ',' IDENT                { $$ = $1; vec_push($$, $3); }
    ;

sig
    : '(' ')'                           { $$.outs = vec_new(); $$.ins = vec_new(); }
    | '(' operands_opt '=' operands_opt ')' { $$.outs = $2; $$.ins = $4; }
    ;

operands_opt
    : %empty                            { $$ = vec_new(); }
    | operands
    ;

operands
    : operand                           { $$ = vec_new(); vec_push($$, $1); }
    | operands ',' operand              { $$ = $1; vec_push($$, $3); }
    ;

operand
    : IDENT type_opt var_opt {
            $$ = irgen_new(sizeof(*$$));
            $$->name = *$1;
            $$->type = $2;
            $$->var_max = (int)$3.value;
            $$->var_loc = $3.loc;
        }
    ;

type_opt
    : %empty                            { $$ = NULL; }
    | ':' IDENT                         { $$ = $2; }
    ;

var_opt
    : %empty                            { $$.value = 0; $$.loc = loc_of(0, 0); }
    | '*' NUMBER {
            $$ = $2;
            if ($$.value == 0)
                $$.value = -1;      /* "*0": reported by the checker */
        }
    ;

consts
    : %empty                            { $$ = vec_new(); }
    | '[' constlist ']'                 { $$ = $2; }
    ;

constlist
    : const                             { $$ = vec_new(); vec_push($$, $1); }
    | constlist ',' const               { $$ = $1; vec_push($$, $3); }
    ;

const
    : IDENT ':' IDENT {
            $$ = irgen_new(sizeof(*$$));
            $$->name = *$1;
            $$->kind = *$3;
            $$->kind_id = -1;
        }
    ;

flags
    : '-'                               { $$ = vec_new(); }
    | flaglist
    ;

flaglist
    : IDENT                             { $$ = vec_new(); vec_push($$, $1); }
    | flaglist ',' IDENT                { $$ = $1; vec_push($$, $3); }
    ;

consset
    : IDENT class_opt feats ':' conslist '=' conslist scratch_opt clobber_opt {
            $$ = irgen_set_new($1, $1->loc);
            $$->cls = $2;
            $$->feats = *$3;
            $$->outs = *$5;
            $$->ins = *$7;
            $$->scratch = *$8;
            $$->clobber = $9;
        }
    ;

class_opt
    : %empty                            { $$ = NULL; }
    | IDENT
    ;

feats
    : %empty                            { $$ = vec_new(); }
    | feats '+' IDENT                   { $$ = $1; vec_push($$, $3); }
    ;

conslist
    : %empty                            { $$ = vec_new(); }
    | conslist1
    ;

conslist1
    : cons                              { $$ = vec_new(); vec_push($$, $1); }
    | conslist1 ',' cons                { $$ = $1; vec_push($$, $3); }
    ;

cons
    : consitem {
            $$ = irgen_cons_new($1->loc);
            vec_push(&$$->items, $1);
        }
    | cons consitem                     { $$ = $1; vec_push(&$$->items, $2); }
    ;

consitem
    : IDENT {
            $$ = irgen_item_new(IRGEN_ITEM_WORD, $1->loc);
            $$->word = $1->s;
        }
    | NUMBER {
            $$ = irgen_item_new(IRGEN_ITEM_ALIAS, $1.loc);
            $$->num = $1.value;
        }
    | '&' {
            $$ = irgen_item_new(IRGEN_ITEM_NEW, loc_of(@1.first_line, @1.first_column));
        }
    | regspec {
            $$ = irgen_item_new(IRGEN_ITEM_REGS, $1->loc);
            $$->regs = $1;
        }
    ;

scratch_opt
    : %empty                            { $$ = vec_new(); }
    | SCRATCH conslist1                 { $$ = $2; }
    ;

clobber_opt
    : %empty                            { $$ = NULL; }
    | CLOBBER regspec                   { $$ = $2; }
    ;

regspec
    : '{' regitems '}' {
            $$ = irgen_regspec_new(loc_of(@1.first_line, @1.first_column));
            $$->items = *$2;
        }
    ;

regitems
    : %empty                            { $$ = vec_new(); }
    | regitems regitem                  { $$ = $1; vec_push($$, $2); }
    ;

regitem
    : IDENT {
            $$ = irgen_new(sizeof(*$$));
            $$->first = *$1;
        }
    | IDENT '-' IDENT {
            $$ = irgen_new(sizeof(*$$));
            $$->first = *$1;
            $$->last = $3;
        }
    ;

%%

static void irgen_yyerror(const char *msg)
{
    SrcLoc l = loc_of(irgen_yylloc.first_line, irgen_yylloc.first_column);
    if (irgen_yychar == BADCHAR) {
        int c = (int)irgen_yylval.num.value;
        if (c >= 0x20 && c < 0x7f)
            diag_error(l, "invalid character '%c'", c);
        else
            diag_error(l, "invalid character 0x%02x", c);
    } else {
        diag_error(l, "%s", msg);
    }
}

bool irgen_parse(const char *path, IrgenFile *file)
{
    if (!irgen_lex_open(path))
        return false;
    cur_file = file;
    file->path = path;
    last_op = line_op = NULL;
    after_error = false;
    irgen_yyparse();
    irgen_lex_close();
    return true;
}
