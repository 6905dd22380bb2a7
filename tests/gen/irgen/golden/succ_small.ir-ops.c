/*
 * The IR opcode table (ir_op_info) and the x86-64 constraint table
 * (ir_cons_x86_64) built from ops.def; see ir-ops.h.
 */
#include "ir-ops.h"

/* The masks the generator computed agree with the enums. */
_Static_assert(IR_TM_I32 == 1u << IR_I32, "type mask order");
_Static_assert(IR_TM_I64 == 1u << IR_I64, "type mask order");
_Static_assert(IR_TM_F32 == 1u << IR_F32, "type mask order");
_Static_assert(IR_TM_F64 == 1u << IR_F64, "type mask order");
_Static_assert(IR_TM_VOID == 1u << IR_VOID, "type mask order");
_Static_assert(IR_X86_XMM0 == 16 && IR_X86_NB_REGS == 32, "register numbering");

const char *const ir_type_names[IR_TYPE_COUNT] = {
    [IR_I32] = "i32",
    [IR_I64] = "i64",
    [IR_F32] = "f32",
    [IR_F64] = "f64",
    [IR_VOID] = "void",
};

const char *const ir_const_kind_names[IR_CK_COUNT] = {
    [IR_CK_U32] = "u32",
    [IR_CK_U64] = "u64",
    [IR_CK_I64] = "i64",
    [IR_CK_OFFSET] = "offset",
    [IR_CK_COND] = "cond",
    [IR_CK_MEMOP] = "memop",
    [IR_CK_LABEL] = "label",
    [IR_CK_HELPER] = "helper",
    [IR_CK_BARRIER] = "barrier",
    [IR_CK_ROUND] = "round",
    [IR_CK_FMANEG] = "fmaneg",
};

const char *const ir_x86_reg_names[IR_X86_NB_REGS] = {
    [IR_X86_RAX] = "rax",
    [IR_X86_RCX] = "rcx",
    [IR_X86_RDX] = "rdx",
    [IR_X86_RBX] = "rbx",
    [IR_X86_RSP] = "rsp",
    [IR_X86_RBP] = "rbp",
    [IR_X86_RSI] = "rsi",
    [IR_X86_RDI] = "rdi",
    [IR_X86_R8] = "r8",
    [IR_X86_R9] = "r9",
    [IR_X86_R10] = "r10",
    [IR_X86_R11] = "r11",
    [IR_X86_R12] = "r12",
    [IR_X86_R13] = "r13",
    [IR_X86_R14] = "r14",
    [IR_X86_R15] = "r15",
    [IR_X86_XMM0] = "xmm0",
    [IR_X86_XMM1] = "xmm1",
    [IR_X86_XMM2] = "xmm2",
    [IR_X86_XMM3] = "xmm3",
    [IR_X86_XMM4] = "xmm4",
    [IR_X86_XMM5] = "xmm5",
    [IR_X86_XMM6] = "xmm6",
    [IR_X86_XMM7] = "xmm7",
    [IR_X86_XMM8] = "xmm8",
    [IR_X86_XMM9] = "xmm9",
    [IR_X86_XMM10] = "xmm10",
    [IR_X86_XMM11] = "xmm11",
    [IR_X86_XMM12] = "xmm12",
    [IR_X86_XMM13] = "xmm13",
    [IR_X86_XMM14] = "xmm14",
    [IR_X86_XMM15] = "xmm15",
};

const IrConsSet ir_cons_x86_64[] = {
    [0] = { /* move, class int */
        .features = 0, .clobber = 0, .next = -1,
        .nb_out = 1, .nb_in = 1, .nb_scratch = 0, .where = "tests/gen/irgen/succ_small.def:13",
        .args = {
        /* out d: r */
        { .regs = IR_X86_ANY_GPR, .cls = IR_RC_GPR, .fixed = 0, .newreg = 0, .imm = 0, .tie = -1 },
        /* in s: r imm */
        { .regs = IR_X86_ANY_GPR, .cls = IR_RC_GPR, .fixed = 0, .newreg = 0, .imm = IR_IMM_ANY, .tie = -1 },
        },
    },
    [1] = { /* move, class fp */
        .features = 0, .clobber = 0, .next = -1,
        .nb_out = 1, .nb_in = 1, .nb_scratch = 0, .where = "tests/gen/irgen/succ_small.def:14",
        .args = {
        /* out d: x */
        { .regs = IR_X86_ANY_XMM, .cls = IR_RC_XMM, .fixed = 0, .newreg = 0, .imm = 0, .tie = -1 },
        /* in s: x */
        { .regs = IR_X86_ANY_XMM, .cls = IR_RC_XMM, .fixed = 0, .newreg = 0, .imm = 0, .tie = -1 },
        },
    },
    [2] = { /* add, class int */
        .features = 0, .clobber = 0, .next = -1,
        .nb_out = 1, .nb_in = 2, .nb_scratch = 0, .where = "tests/gen/irgen/succ_small.def:17",
        .args = {
        /* out d: r */
        { .regs = IR_X86_ANY_GPR, .cls = IR_RC_GPR, .fixed = 0, .newreg = 0, .imm = 0, .tie = 0 },
        /* in a: 0 */
        { .regs = IR_X86_ANY_GPR, .cls = IR_RC_GPR, .fixed = 0, .newreg = 0, .imm = 0, .tie = 0 },
        /* in b: r s32 */
        { .regs = IR_X86_ANY_GPR, .cls = IR_RC_GPR, .fixed = 0, .newreg = 0, .imm = IR_IMM_S32, .tie = -1 },
        },
    },
    [3] = { /* shl, class int */
        .features = IR_X86F_BMI1 | IR_X86F_BMI2, .clobber = 0, .next = 4,
        .nb_out = 1, .nb_in = 2, .nb_scratch = 0, .where = "tests/gen/irgen/succ_small.def:21",
        .args = {
        /* out d: r */
        { .regs = IR_X86_ANY_GPR, .cls = IR_RC_GPR, .fixed = 0, .newreg = 0, .imm = 0, .tie = -1 },
        /* in a: r */
        { .regs = IR_X86_ANY_GPR, .cls = IR_RC_GPR, .fixed = 0, .newreg = 0, .imm = 0, .tie = -1 },
        /* in n: r u8 */
        { .regs = IR_X86_ANY_GPR, .cls = IR_RC_GPR, .fixed = 0, .newreg = 0, .imm = IR_IMM_U8, .tie = -1 },
        },
    },
    [4] = { /* shl, class int */
        .features = 0, .clobber = 0, .next = -1,
        .nb_out = 1, .nb_in = 2, .nb_scratch = 0, .where = "tests/gen/irgen/succ_small.def:22",
        .args = {
        /* out d: r */
        { .regs = IR_X86_ANY_GPR, .cls = IR_RC_GPR, .fixed = 0, .newreg = 0, .imm = 0, .tie = 0 },
        /* in a: 0 */
        { .regs = IR_X86_ANY_GPR, .cls = IR_RC_GPR, .fixed = 0, .newreg = 0, .imm = 0, .tie = 0 },
        /* in n: {rcx} u8 */
        { .regs = 0x00000002u, .cls = IR_RC_GPR, .fixed = 1, .newreg = 0, .imm = IR_IMM_U8, .tie = -1 },
        },
    },
    [5] = { /* rem, class int */
        .features = 0, .clobber = 0x00000001u, .next = -1,
        .nb_out = 1, .nb_in = 2, .nb_scratch = 2, .where = "tests/gen/irgen/succ_small.def:26",
        .args = {
        /* out d: & {rdx} */
        { .regs = 0x00000004u, .cls = IR_RC_GPR, .fixed = 1, .newreg = 1, .imm = 0, .tie = -1 },
        /* in a: {rax} */
        { .regs = 0x00000001u, .cls = IR_RC_GPR, .fixed = 1, .newreg = 0, .imm = 0, .tie = -1 },
        /* in b: r */
        { .regs = IR_X86_ANY_GPR, .cls = IR_RC_GPR, .fixed = 0, .newreg = 0, .imm = 0, .tie = -1 },
        /* scratch -: r */
        { .regs = IR_X86_ANY_GPR, .cls = IR_RC_GPR, .fixed = 0, .newreg = 1, .imm = 0, .tie = -1 },
        /* scratch -: x */
        { .regs = IR_X86_ANY_XMM, .cls = IR_RC_XMM, .fixed = 0, .newreg = 1, .imm = 0, .tie = -1 },
        },
    },
    [6] = { /* brcond, class int */
        .features = 0, .clobber = 0, .next = -1,
        .nb_out = 0, .nb_in = 2, .nb_scratch = 0, .where = "tests/gen/irgen/succ_small.def:30",
        .args = {
        /* in a: r */
        { .regs = IR_X86_ANY_GPR, .cls = IR_RC_GPR, .fixed = 0, .newreg = 0, .imm = 0, .tie = -1 },
        /* in b: r u32 */
        { .regs = IR_X86_ANY_GPR, .cls = IR_RC_GPR, .fixed = 0, .newreg = 0, .imm = IR_IMM_U32, .tie = -1 },
        },
    },
    [7] = { /* ld, class int */
        .features = 0, .clobber = 0, .next = -1,
        .nb_out = 1, .nb_in = 1, .nb_scratch = 0, .where = "tests/gen/irgen/succ_small.def:32",
        .args = {
        /* out d: r */
        { .regs = IR_X86_ANY_GPR, .cls = IR_RC_GPR, .fixed = 0, .newreg = 0, .imm = 0, .tie = -1 },
        /* in addr: r */
        { .regs = IR_X86_ANY_GPR, .cls = IR_RC_GPR, .fixed = 0, .newreg = 0, .imm = 0, .tie = -1 },
        },
    },
    [8] = { /* ld, class fp */
        .features = 0, .clobber = 0, .next = -1,
        .nb_out = 1, .nb_in = 1, .nb_scratch = 0, .where = "tests/gen/irgen/succ_small.def:33",
        .args = {
        /* out d: x */
        { .regs = IR_X86_ANY_XMM, .cls = IR_RC_XMM, .fixed = 0, .newreg = 0, .imm = 0, .tie = -1 },
        /* in addr: r */
        { .regs = IR_X86_ANY_GPR, .cls = IR_RC_GPR, .fixed = 0, .newreg = 0, .imm = 0, .tie = -1 },
        },
    },
    [9] = { /* call, class int */
        .features = 0, .clobber = IR_X86_REGSET_CALLEE_CLOBBERED, .next = -1,
        .nb_out = 1, .nb_in = 3, .nb_scratch = 0, .where = "tests/gen/irgen/succ_small.def:37",
        .args = {
        /* out ret: {rax} */
        { .regs = 0x00000001u, .cls = IR_RC_GPR, .fixed = 1, .newreg = 0, .imm = 0, .tie = -1 },
        /* in args: {rdi} */
        { .regs = 0x00000080u, .cls = IR_RC_GPR, .fixed = 1, .newreg = 0, .imm = 0, .tie = -1 },
        /* in args: {rsi} */
        { .regs = 0x00000040u, .cls = IR_RC_GPR, .fixed = 1, .newreg = 0, .imm = 0, .tie = -1 },
        /* in args: {rdx} */
        { .regs = 0x00000004u, .cls = IR_RC_GPR, .fixed = 1, .newreg = 0, .imm = 0, .tie = -1 },
        },
    },
    [10] = { /* call, class void */
        .features = 0, .clobber = IR_X86_REGSET_CALLEE_CLOBBERED, .next = -1,
        .nb_out = 1, .nb_in = 3, .nb_scratch = 0, .where = "tests/gen/irgen/succ_small.def:37",
        .args = {
        /* out ret: {rax} */
        { .regs = 0x00000001u, .cls = IR_RC_GPR, .fixed = 1, .newreg = 0, .imm = 0, .tie = -1 },
        /* in args: {rdi} */
        { .regs = 0x00000080u, .cls = IR_RC_GPR, .fixed = 1, .newreg = 0, .imm = 0, .tie = -1 },
        /* in args: {rsi} */
        { .regs = 0x00000040u, .cls = IR_RC_GPR, .fixed = 1, .newreg = 0, .imm = 0, .tie = -1 },
        /* in args: {rdx} */
        { .regs = 0x00000004u, .cls = IR_RC_GPR, .fixed = 1, .newreg = 0, .imm = 0, .tie = -1 },
        },
    },
    [11] = { /* fence, class void */
        .features = 0, .clobber = 0, .next = -1,
        .nb_out = 0, .nb_in = 0, .nb_scratch = 0, .where = "tests/gen/irgen/succ_small.def:40",
    },
    [12] = { /* cvt, class int */
        .features = 0, .clobber = 0, .next = -1,
        .nb_out = 1, .nb_in = 1, .nb_scratch = 1, .where = "tests/gen/irgen/succ_small.def:41",
        .args = {
        /* out d: r */
        { .regs = IR_X86_ANY_GPR, .cls = IR_RC_GPR, .fixed = 0, .newreg = 0, .imm = 0, .tie = -1 },
        /* in a: x */
        { .regs = IR_X86_ANY_XMM, .cls = IR_RC_XMM, .fixed = 0, .newreg = 0, .imm = 0, .tie = -1 },
        /* scratch -: x */
        { .regs = IR_X86_ANY_XMM, .cls = IR_RC_XMM, .fixed = 0, .newreg = 1, .imm = 0, .tie = -1 },
        },
    },
    [13] = { /* fma, class fp */
        .features = 0, .clobber = 0, .next = -1,
        .nb_out = 1, .nb_in = 3, .nb_scratch = 0, .where = "tests/gen/irgen/succ_small.def:42",
        .args = {
        /* out d: x */
        { .regs = IR_X86_ANY_XMM, .cls = IR_RC_XMM, .fixed = 0, .newreg = 0, .imm = 0, .tie = 0 },
        /* in a: 0 */
        { .regs = IR_X86_ANY_XMM, .cls = IR_RC_XMM, .fixed = 0, .newreg = 0, .imm = 0, .tie = 0 },
        /* in b: x */
        { .regs = IR_X86_ANY_XMM, .cls = IR_RC_XMM, .fixed = 0, .newreg = 0, .imm = 0, .tie = -1 },
        /* in c: x */
        { .regs = IR_X86_ANY_XMM, .cls = IR_RC_XMM, .fixed = 0, .newreg = 0, .imm = 0, .tie = -1 },
        },
    },
};

const IrOpInfo ir_op_info[] = {
    [IR_OP_mark] = {  /* side,meta */
        .name = "mark", .where = "tests/gen/irgen/succ_small.def:9",
        .flags = IR_OPF_SIDE | IR_OPF_META,
        .types = IR_TM_VOID,
        .nb_out = 0, .nb_in = 0, .nb_const = 1, .var_out = 0, .var_in = 0,
        .const_kinds = { IR_CK_U64 },
        .arg_names = { "pc" },
        .cons_x86_64 = { -1, -1, -1 },
    },
    [IR_OP_move] = {  /* - */
        .name = "move", .where = "tests/gen/irgen/succ_small.def:12",
        .flags = 0,
        .types = IR_TM_ANY,
        .nb_out = 1, .nb_in = 1, .nb_const = 0, .var_out = 0, .var_in = 0,
        .arg_types = { IR_TM_OP, IR_TM_OP },
        .arg_names = { "d", "s" },
        .cons_x86_64 = { 0, 1, -1 },
    },
    [IR_OP_add] = {  /* fold,commut */
        .name = "add", .where = "tests/gen/irgen/succ_small.def:17",
        .flags = IR_OPF_FOLD | IR_OPF_COMMUT,
        .types = IR_TM_INT,
        .nb_out = 1, .nb_in = 2, .nb_const = 0, .var_out = 0, .var_in = 0,
        .arg_types = { IR_TM_OP, IR_TM_OP, IR_TM_OP },
        .arg_names = { "d", "a", "b" },
        .cons_x86_64 = { 2, -1, -1 },
    },
    [IR_OP_shl] = {  /* fold */
        .name = "shl", .where = "tests/gen/irgen/succ_small.def:20",
        .flags = IR_OPF_FOLD,
        .types = IR_TM_INT,
        .nb_out = 1, .nb_in = 2, .nb_const = 0, .var_out = 0, .var_in = 0,
        .arg_types = { IR_TM_OP, IR_TM_OP, IR_TM_OP },
        .arg_names = { "d", "a", "n" },
        .cons_x86_64 = { 3, -1, -1 },
    },
    [IR_OP_rem] = {  /* fold */
        .name = "rem", .where = "tests/gen/irgen/succ_small.def:25",
        .flags = IR_OPF_FOLD,
        .types = IR_TM_INT,
        .nb_out = 1, .nb_in = 2, .nb_const = 0, .var_out = 0, .var_in = 0,
        .arg_types = { IR_TM_OP, IR_TM_OP, IR_TM_OP },
        .arg_names = { "d", "a", "b" },
        .cons_x86_64 = { 5, -1, -1 },
    },
    [IR_OP_brcond] = {  /* side,branch,bb_end */
        .name = "brcond", .where = "tests/gen/irgen/succ_small.def:29",
        .flags = IR_OPF_SIDE | IR_OPF_BRANCH | IR_OPF_BB_END,
        .types = IR_TM_INT,
        .nb_out = 0, .nb_in = 2, .nb_const = 2, .var_out = 0, .var_in = 0,
        .arg_types = { IR_TM_OP, IR_TM_I64 },
        .const_kinds = { IR_CK_COND, IR_CK_LABEL },
        .arg_names = { "a", "b", "c", "target" },
        .cons_x86_64 = { 6, -1, -1 },
    },
    [IR_OP_ld] = {  /* side,fault */
        .name = "ld", .where = "tests/gen/irgen/succ_small.def:31",
        .flags = IR_OPF_SIDE | IR_OPF_FAULT,
        .types = IR_TM_ANY,
        .nb_out = 1, .nb_in = 1, .nb_const = 2, .var_out = 0, .var_in = 0,
        .arg_types = { IR_TM_OP, IR_TM_I64 },
        .const_kinds = { IR_CK_MEMOP, IR_CK_OFFSET },
        .arg_names = { "d", "addr", "mop", "ofs" },
        .cons_x86_64 = { 7, 8, -1 },
    },
    [IR_OP_call] = {  /* side,call,rglob,wglob */
        .name = "call", .where = "tests/gen/irgen/succ_small.def:36",
        .flags = IR_OPF_SIDE | IR_OPF_CALL | IR_OPF_RGLOB | IR_OPF_WGLOB,
        .types = IR_TM_I64 | IR_TM_VOID,
        .nb_out = 1, .nb_in = 3, .nb_const = 2, .var_out = 1, .var_in = 1,
        .arg_types = { IR_TM_OP, IR_TM_INT, IR_TM_INT, IR_TM_INT },
        .const_kinds = { IR_CK_HELPER, IR_CK_U32 },
        .arg_names = { "ret", "args", "args", "args", "fn", "flags" },
        .cons_x86_64 = { 9, -1, 10 },
    },
    [IR_OP_fence] = {  /* side */
        .name = "fence", .where = "tests/gen/irgen/succ_small.def:40",
        .flags = IR_OPF_SIDE,
        .types = IR_TM_VOID,
        .nb_out = 0, .nb_in = 0, .nb_const = 1, .var_out = 0, .var_in = 0,
        .const_kinds = { IR_CK_BARRIER },
        .arg_names = { "kind" },
        .cons_x86_64 = { -1, -1, 11 },
    },
    [IR_OP_cvt] = {  /* fpenv */
        .name = "cvt", .where = "tests/gen/irgen/succ_small.def:41",
        .flags = IR_OPF_FPENV,
        .types = IR_TM_INT,
        .nb_out = 1, .nb_in = 1, .nb_const = 1, .var_out = 0, .var_in = 0,
        .arg_types = { IR_TM_OP, IR_TM_FP },
        .const_kinds = { IR_CK_ROUND },
        .arg_names = { "d", "a", "rm" },
        .cons_x86_64 = { 12, -1, -1 },
    },
    [IR_OP_fma] = {  /* fpenv */
        .name = "fma", .where = "tests/gen/irgen/succ_small.def:42",
        .flags = IR_OPF_FPENV,
        .types = IR_TM_FP,
        .nb_out = 1, .nb_in = 3, .nb_const = 2, .var_out = 0, .var_in = 0,
        .arg_types = { IR_TM_OP, IR_TM_OP, IR_TM_OP, IR_TM_OP },
        .const_kinds = { IR_CK_FMANEG, IR_CK_I64 },
        .arg_names = { "d", "a", "b", "c", "neg", "bias" },
        .cons_x86_64 = { -1, 13, -1 },
    },
};

_Static_assert(sizeof(ir_op_info) / sizeof(ir_op_info[0]) == IR_OP_COUNT,
               "one ir_op_info entry per opcode");
_Static_assert(sizeof(ir_cons_x86_64) / sizeof(ir_cons_x86_64[0]) ==
               IR_CONS_X86_64_COUNT, "constraint table size");
