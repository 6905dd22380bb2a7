/*
 * CodeBuf: a plain byte sink over a caller-provided memory range.
 *
 * The x86-64 emitters (generated x86-emit.c, x86_enc.c, x86_short.c) write
 * machine code through these helpers.  A CodeBuf never writes outside
 * [start, end): a write that does not fit sets `overflow` and is dropped
 * (an instruction may then be cut short), so the caller tests cb->overflow
 * once after emitting a whole translation block, throws the block away,
 * makes room and translates again.  Mapping, W^X and flushing belong to the code cache
 * that owns the memory, not to this type.
 *
 * exec_delta is the distance from the bytes being written to the address
 * they will execute at: 0 normally, and rx - rw when the code cache writes
 * through one mapping (RW) and runs another (RX) in W^X mode.  Encoders
 * that depend on the instruction's own address (rip-relative operands,
 * branches to absolute targets) use cb_exec_ptr().
 */
#ifndef X86_CODEBUF_H
#define X86_CODEBUF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

typedef struct CodeBuf {
    uint8_t *start;  /* first byte of the range */
    uint8_t *ptr;    /* next byte to write */
    uint8_t *end;    /* one past the last usable byte */
    bool overflow;   /* an emit did not fit; bytes were dropped */
    intptr_t exec_delta; /* execution address - write address (W^X), else 0 */
} CodeBuf;

static inline void cb_init(CodeBuf *cb, void *mem, size_t size)
{
    cb->start = cb->ptr = (uint8_t *)mem;
    cb->end = cb->start + size;
    cb->overflow = false;
    cb->exec_delta = 0;
}

/* The address the next byte will execute at. */
static inline uintptr_t cb_exec_ptr(const CodeBuf *cb)
{
    return (uintptr_t)cb->ptr + (uintptr_t)cb->exec_delta;
}

/* Bytes written so far (the offset of the next byte). */
static inline size_t cb_offset(const CodeBuf *cb)
{
    return (size_t)(cb->ptr - cb->start);
}

static inline size_t cb_remaining(const CodeBuf *cb)
{
    return (size_t)(cb->end - cb->ptr);
}

/* True if N more bytes fit; otherwise marks the buffer as overflowed. */
static inline bool cb_reserve(CodeBuf *cb, size_t n)
{
    if (cb_remaining(cb) >= n)
        return true;
    cb->overflow = true;
    return false;
}

/* Writes N bytes at ptr (all or nothing). */
static inline void cb_emit_bytes(CodeBuf *cb, const void *p, size_t n)
{
    if (!cb_reserve(cb, n))
        return;
    memcpy(cb->ptr, p, n);
    cb->ptr += n;
}

static inline void cb_emit8(CodeBuf *cb, uint8_t v)
{
    if (cb_reserve(cb, 1))
        *cb->ptr++ = v;
}

/* Multi-byte values are little-endian, as x86 immediates are. */
static inline void cb_emit16(CodeBuf *cb, uint16_t v)
{
    uint8_t b[2] = { (uint8_t)v, (uint8_t)(v >> 8) };
    cb_emit_bytes(cb, b, 2);
}

static inline void cb_emit32(CodeBuf *cb, uint32_t v)
{
    uint8_t b[4];
    for (int i = 0; i < 4; i++)
        b[i] = (uint8_t)(v >> (8 * i));
    cb_emit_bytes(cb, b, 4);
}

static inline void cb_emit64(CodeBuf *cb, uint64_t v)
{
    uint8_t b[8];
    for (int i = 0; i < 8; i++)
        b[i] = (uint8_t)(v >> (8 * i));
    cb_emit_bytes(cb, b, 8);
}

/* Overwrites a 32-bit little-endian value already emitted at P (patching). */
static inline void cb_patch32(uint8_t *p, uint32_t v)
{
    for (int i = 0; i < 4; i++)
        p[i] = (uint8_t)(v >> (8 * i));
}

#endif
