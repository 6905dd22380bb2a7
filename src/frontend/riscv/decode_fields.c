/*
 * Field helpers named by `!function=` in the defs/riscv .decode specs.
 *
 * The generated decoders and disassemblers call these to finish decoding an
 * immediate or a register number.  They must be pure (the disassembler calls
 * them with ctx == NULL).  RISC-V Unprivileged ISA (20191213): 2.3 (B/J/U
 * immediates are multiples of 2 / 4096) and 16.2 Table 16.2 (the 3-bit
 * register fields of compressed instructions name x8..x15 / f8..f15).
 */
#include "decode-riscv32.h"
#include "decode-riscv16.h"

int rv_ex_shift_1(DisasCtx *ctx, int x)
{
    (void)ctx;
    return (int)((unsigned)x << 1);
}

int rv_ex_shift_2(DisasCtx *ctx, int x)
{
    (void)ctx;
    return (int)((unsigned)x << 2);
}

int rv_ex_shift_3(DisasCtx *ctx, int x)
{
    (void)ctx;
    return (int)((unsigned)x << 3);
}

int rv_ex_shift_4(DisasCtx *ctx, int x)
{
    (void)ctx;
    return (int)((unsigned)x << 4);
}

int rv_ex_shift_12(DisasCtx *ctx, int x)
{
    (void)ctx;
    return (int)((unsigned)x << 12);
}

int rv_ex_rvc_reg(DisasCtx *ctx, int x)
{
    (void)ctx;
    return 8 + x;
}
