/*
 * The DisasCtx of the decodegen unit test (tests/gen/test_decodegen.c):
 * every generated succ_* decoder includes it (--decoder-include) before
 * its header, as the translator's decoders include their own context.
 */
#ifndef TEST_CTX_H
#define TEST_CTX_H

struct DisasCtx {
    int hart;       /* returned by the parameter field helper param_hart() */
};

#endif
