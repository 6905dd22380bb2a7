/*
 * Memory layout shared by the generated test programs (dt_asm.c) and the
 * comparator (dt_compare.c).
 *
 * For each case the program writes one record of DT_REC_BYTES to stdout:
 * 64-bit little-endian words, slot 0 the case index, slots 1..31 x1..x31,
 * 32..63 f0..f31 (raw 64 bits), 64 fcsr, then the DT_BUF_BYTES data buffer
 * that memory instructions address.  The buffer is the record's tail, so
 * one write() dumps everything.
 *
 * The input record of a case (in .data) has the same first 65 slots (slot 0
 * the case index, x1..x31, f0..f31, fcsr), then the address of the next
 * case's code and the initial buffer contents.
 */
#ifndef DT_LAYOUT_H
#define DT_LAYOUT_H

enum {
    DT_SLOT_ID = 0,
    DT_SLOT_X = 0,          /* x[i] at slot i, i = 1..31 */
    DT_SLOT_F = 32,         /* f[i] at slot 32 + i */
    DT_SLOT_FCSR = 64,
    DT_SLOT_BUF = 65,       /* output: the data buffer */
    DT_BUF_BYTES = 64,
    DT_REC_SLOTS = DT_SLOT_BUF + DT_BUF_BYTES / 8,
    DT_REC_BYTES = DT_REC_SLOTS * 8,

    DT_IN_NEXT = 65,        /* input: address of the next case */
    DT_IN_MEM = 66,         /* input: initial buffer, DT_BUF_BYTES */
    DT_IN_SLOTS = DT_IN_MEM + DT_BUF_BYTES / 8,
};

#endif
