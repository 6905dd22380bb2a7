/*
 * Smoke test of the memory lowering, running real code (suite jit):
 * ld_guest/st_guest for every type, size, sign and byte order at every
 * byte offset, with guest_base 0 (a bare [addr]), a displacement and one
 * that needs the guest-base register; ld_env/st_env; IR_MO_ALIGN (UD2 on
 * a misaligned address); every atomic op at every size and byte order,
 * against C.
 */
#include <check.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ir-build.h"
#include "op_runner.h"
#include "check_run.h"

static uint8_t mem[64] __attribute__((aligned(16)));
static const uintptr_t bases[] = { 0, 0x12345000, 0x7f0000000000ull };
static Jit *jits[3];

static void setup(void)
{
    for (int i = 0; i < 3; i++)
        jits[i] = runner_jit(~0u, bases[i]);
}

static void teardown(void)
{
    for (int i = 0; i < 3; i++)
        jit_free(jits[i]);
}

static void fill(void)
{
    for (int i = 0; i < 64; i++)
        mem[i] = (uint8_t)(0x81 + 37 * i);
}

static uint64_t guest_addr(int base, unsigned off)
{
    return (uint64_t)(uintptr_t)&mem[off] - bases[base];
}

static uint64_t read_bytes(const uint8_t *p, unsigned size, bool be)
{
    uint64_t v = 0;
    for (unsigned i = 0; i < size; i++)
        v |= (uint64_t)p[be ? size - 1 - i : i] << (8 * i);
    return v;
}

static uint64_t extend(uint64_t v, unsigned size, bool sign, IrType t)
{
    if (sign && size < 8 && (v >> (8 * size - 1)) & 1)
        v |= ~0ull << (8 * size);
    return t == IR_I32 || t == IR_F32 ? (uint32_t)v : v;
}

static const IrType types[] = { IR_I32, IR_I64, IR_F32, IR_F64 };

/* _i: base (0..2) */
START_TEST(guest_load_store)
{
    Jit *jit = jits[_i];
    unsigned run_no = 0;
    for (size_t ti = 0; ti < 4; ti++) {
        IrType t = types[ti];
        bool fp = t == IR_F32 || t == IR_F64;
        for (unsigned sz = 0; sz < 4; sz++) {
            unsigned size = 1u << sz;
            if (fp && size != (t == IR_F64 ? 8u : 4u))
                continue;
            for (unsigned flags = 0; flags < 4; flags++) {
                bool sign = flags & 1, be = flags & 2;
                if (fp && sign)
                    continue;
                IrMemOp mop = sz | (sign ? IR_MO_SIGN : 0) | (be ? IR_MO_BE : 0);
                for (unsigned off = 0; off < 9; off++) {
                    fill();
                    OpSpec ld = { .opc = IR_OP_ld_guest, .type = t, .out_type = t,
                                  .in_type = { IR_I64 }, .k = { mop } };
                    OpRun run = { .in = { guest_addr(_i, off) }, .rot = run_no++,
                                  .mxcsr = 0x1f80 };
                    uint64_t want = extend(read_bytes(&mem[off], size, be), size,
                                           sign, t);
                    uint64_t got = runner_run(jit, &ld, &run).out;
                    ck_assert_msg(got == want, "ld_guest.%s mop %#x +%u: %#llx != %#llx",
                                  ir_type_names[t], mop, off,
                                  (unsigned long long)got, (unsigned long long)want);

                    uint64_t v = 0x0123456789abcdefull * (off + 1) ^ (sz << 7);
                    if (t == IR_I32 && size == 8)
                        continue;           /* an i32 has no 8 bytes to store */
                    for (unsigned cm = 0; cm < (fp ? 1u : 2u); cm++) {
                        uint8_t before[64];
                        fill();
                        memcpy(before, mem, 64);
                        OpSpec st = { .opc = IR_OP_st_guest, .type = t,
                                      .in_type = { t, IR_I64 }, .k = { mop } };
                        uint64_t vv = cm ? (uint64_t)(int64_t)(int16_t)v : v;
                        OpRun srun = { .in = { vv, guest_addr(_i, off) },
                                       .const_mask = cm, .rot = run_no++,
                                       .mxcsr = 0x1f80 };
                        runner_run(jit, &st, &srun);
                        for (unsigned i = 0; i < size; i++) {
                            unsigned k = be ? size - 1 - i : i;
                            before[off + k] = (uint8_t)(vv >> (8 * i));
                        }
                        ck_assert_msg(memcmp(before, mem, 64) == 0,
                                      "st_guest.%s mop %#x +%u const %u",
                                      ir_type_names[t], mop, off, cm);
                    }
                }
            }
        }
    }
}
END_TEST

/* ld_env reads input slot 1 at a byte offset; st_env writes output slot 0. */
START_TEST(env_load_store)
{
    Jit *jit = jits[0];
    const uint64_t in = 0xf1e2d3c4b5a69788ull;
    for (size_t ti = 0; ti < 4; ti++) {
        IrType t = types[ti];
        bool fp = t == IR_F32 || t == IR_F64;
        for (unsigned sz = 0; sz < 4; sz++) {
            unsigned size = 1u << sz;
            if (fp && size != (t == IR_F64 ? 8u : 4u))
                continue;
            for (unsigned sign = 0; sign < (fp ? 1u : 2u); sign++) {
                IrMemOp mop = sz | (sign ? IR_MO_SIGN : 0);
                for (unsigned off = 0; off + size <= 8; off += size) {
                    uint8_t bytes[8];
                    memcpy(bytes, &in, 8);
                    OpSpec ld = { .opc = IR_OP_ld_env, .type = t, .out_type = t,
                                  .k = { 8 + off, mop } };
                    OpRun run = { .in = { 0, in }, .rot = off, .mxcsr = 0x1f80 };
                    ck_assert_uint_eq(runner_run(jit, &ld, &run).out,
                                      extend(read_bytes(bytes + off, size, false),
                                             size, sign, t));
                    OpSpec st = { .opc = IR_OP_st_env, .type = t,
                                  .in_type = { t }, .k = { 64 + off, mop } };
                    for (unsigned cm = 0; cm < (fp ? 1u : 2u); cm++) {
                        if (t == IR_I32 && size == 8)
                            break;
                        OpRun srun = { .in = { cm ? 0xffffffff80000000ull : in },
                                       .const_mask = cm, .rot = off + cm,
                                       .mxcsr = 0x1f80 };
                        uint64_t v = srun.in[0];
                        uint64_t mask = size == 8 ? ~0ull : ((1ull << (8 * size)) - 1);
                        uint64_t want = (v & mask) << (8 * off);
                        ck_assert_uint_eq(runner_run(jit, &st, &srun).out, want);
                    }
                }
            }
        }
    }
}
END_TEST

START_TEST(aligned_ok)
{
    fill();
    for (unsigned sz = 1; sz < 4; sz++) {
        OpSpec ld = { .opc = IR_OP_ld_guest, .type = IR_I64, .out_type = IR_I64,
                      .in_type = { IR_I64 }, .k = { sz | IR_MO_ALIGN } };
        OpRun run = { .in = { guest_addr(0, 16) }, .mxcsr = 0x1f80 };
        ck_assert_uint_eq(runner_run(jits[0], &ld, &run).out,
                          read_bytes(&mem[16], 1u << sz, false));
    }
}
END_TEST

/* _i: size log2 1..3; a misaligned IR_MO_ALIGN access executes UD2 */
START_TEST(misaligned_traps)
{
    OpSpec ld = { .opc = IR_OP_ld_guest, .type = IR_I64, .out_type = IR_I64,
                  .in_type = { IR_I64 }, .k = { (unsigned)_i | IR_MO_ALIGN } };
    OpRun run = { .in = { guest_addr(0, 16 + (1u << _i) / 2) }, .mxcsr = 0x1f80 };
    runner_run(jits[0], &ld, &run);
}
END_TEST

static uint64_t atomic_ref(IrOpcode opc, uint64_t old, uint64_t v, unsigned size,
                           uint64_t cmpv)
{
    unsigned bits = 8 * size;
    uint64_t m = size == 8 ? ~0ull : (1ull << bits) - 1;
    int64_t so = (int64_t)(extend(old & m, size, true, IR_I64));
    int64_t sv = (int64_t)(extend(v & m, size, true, IR_I64));
    switch (opc) {
    case IR_OP_cmpxchg: return ((old & m) == (cmpv & m)) ? v : old;
    case IR_OP_xchg: return v;
    case IR_OP_fetch_add: return old + v;
    case IR_OP_fetch_and: return old & v;
    case IR_OP_fetch_or: return old | v;
    case IR_OP_fetch_xor: return old ^ v;
    case IR_OP_fetch_smin: return so < sv ? old : v;
    case IR_OP_fetch_smax: return so > sv ? old : v;
    case IR_OP_fetch_umin: return (old & m) < (v & m) ? old : v;
    default: return (old & m) > (v & m) ? old : v;
    }
}

static const IrOpcode atomics[] = {
    IR_OP_cmpxchg, IR_OP_xchg, IR_OP_fetch_add, IR_OP_fetch_and, IR_OP_fetch_or,
    IR_OP_fetch_xor, IR_OP_fetch_smin, IR_OP_fetch_smax, IR_OP_fetch_umin,
    IR_OP_fetch_umax,
};

/* _i: op * 3 + base */
START_TEST(atomic_ops)
{
    static const uint64_t v[] = { 0, 1, 0x7f, 0x80, 0xff, 0x8000, 0xffff,
                                  0x7fffffff, 0x80000000, 0xffffffff,
                                  0x8000000000000000ull, ~0ull,
                                  0x0123456789abcdefull };
    const size_t nv = sizeof v / sizeof v[0];
    IrOpcode opc = atomics[_i / 3];
    int base = _i % 3;
    unsigned run_no = 0;
    for (int w = 0; w < 2; w++) {
        IrType t = w ? IR_I64 : IR_I32;
        for (unsigned sz = 0; sz < (w ? 4u : 3u); sz++) {
            unsigned size = 1u << sz;
            for (unsigned flags = 0; flags < 4; flags++) {
                bool sign = flags & 1, be = flags & 2;
                IrMemOp mop = sz | (sign ? IR_MO_SIGN : 0) | (be ? IR_MO_BE : 0) |
                              IR_MO_ALIGN;
                for (size_t i = 0; i < nv; i++) {
                    for (size_t j = 0; j < nv; j += 2) {
                        uint64_t old = v[i], val = v[j];
                        uint64_t cmpv = (j & 2) ? old : old ^ 1;
                        fill();
                        uint8_t before[64];
                        for (unsigned b = 0; b < size; b++)
                            mem[8 + (be ? size - 1 - b : b)] = (uint8_t)(old >> (8 * b));
                        memcpy(before, mem, 64);
                        OpSpec spec = { .opc = opc, .type = t, .out_type = t,
                                        .in_type = { IR_I64, t, t }, .k = { mop } };
                        OpRun run = { .in = { guest_addr(base, 8) }, .rot = run_no++,
                                      .mxcsr = 0x1f80 };
                        if (opc == IR_OP_cmpxchg) {
                            run.in[1] = cmpv;
                            run.in[2] = val;
                        } else {
                            run.in[1] = val;
                        }
                        uint64_t got = runner_run(jits[base], &spec, &run).out;
                        uint64_t want = extend(read_bytes(&before[8], size, be),
                                               size, sign, t);
                        ck_assert_msg(got == want, "%s.%s mop %#x old %#llx v %#llx: "
                                      "result %#llx, want %#llx", ir_op_info[opc].name,
                                      ir_type_names[t], mop, (unsigned long long)old,
                                      (unsigned long long)val, (unsigned long long)got,
                                      (unsigned long long)want);
                        uint64_t nw = atomic_ref(opc, old, val, size, cmpv);
                        for (unsigned b = 0; b < size; b++)
                            before[8 + (be ? size - 1 - b : b)] = (uint8_t)(nw >> (8 * b));
                        ck_assert_msg(memcmp(before, mem, 64) == 0,
                                      "%s.%s mop %#x old %#llx v %#llx: memory",
                                      ir_op_info[opc].name, ir_type_names[t], mop,
                                      (unsigned long long)old, (unsigned long long)val);
                    }
                }
            }
        }
    }
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("jit_mem");
    TCase *tc = tcase_create("mem");
    tcase_add_unchecked_fixture(tc, setup, teardown);
    tcase_set_timeout(tc, 120);
    tcase_add_loop_test(tc, guest_load_store, 0, 3);
    tcase_add_test(tc, env_load_store);
    tcase_add_test(tc, aligned_ok);
    tcase_add_loop_test_raise_signal(tc, misaligned_traps, SIGILL, 1, 4);
    tcase_add_loop_test(tc, atomic_ops, 0, 3 * (int)(sizeof atomics / sizeof atomics[0]));
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return ck_run(suite());
}
