/*
 * The guest's signal frame (linux arch/riscv/kernel/signal.c): building it
 * when a handler is invoked (setup_rt_frame, get_sigframe), tearing it
 * down in rt_sigreturn, and the alternate signal stack (kernel/signal.c
 * do_sigaltstack, sas_ss_flags, on_sig_stack).
 *
 * The frame is struct rt_sigframe { siginfo; ucontext } (sig_internal.h),
 * 16-aligned below the stack pointer or at the top of the sigaltstack
 * with SA_ONSTACK.  The handler gets a0 = sig, a1 = &info, a2 = &uc,
 * ra = the sigreturn trampoline (sigaction.c), sp = the frame.
 * rt_sigreturn restores x1..x31, pc, f0..f31, fcsr, the mask and the
 * sigaltstack from the frame at sp.
 */
#include <errno.h>
#include <stddef.h>
#include <string.h>

#include "guest_mem.h"
#include "rt_signal.h"
#include "sig_internal.h"
#include "syscall.h"

/* on_sig_stack(): sp within (ss_sp, ss_sp + ss_size] */
static bool on_alt(const RtSigThread *s, uint64_t sp)
{
    if ((uint32_t)s->alt_flags & G_SS_AUTODISARM)
        return false;
    return s->alt_size && sp > s->alt_sp && sp - s->alt_sp <= s->alt_size;
}

/* sas_ss_flags() */
static int ss_flags(const RtSigThread *s, uint64_t sp)
{
    if (!s->alt_size)
        return G_SS_DISABLE;
    return on_alt(s, sp) ? G_SS_ONSTACK : 0;
}

int sig_do_sigaltstack(RtThread *t, const GuestStack *ss, GuestStack *oss,
                       uint64_t sp)
{
    RtSigThread *s = &t->sig;
    if (oss) {
        memset(oss, 0, sizeof *oss);
        oss->ss_sp = s->alt_sp;
        oss->ss_size = s->alt_size;
        oss->ss_flags = ss_flags(s, sp) |
                        (int32_t)((uint32_t)s->alt_flags & G_SS_AUTODISARM);
    }
    if (!ss)
        return 0;
    if (on_alt(s, sp))
        return -EPERM;
    uint32_t mode = (uint32_t)ss->ss_flags & ~G_SS_AUTODISARM;
    if (mode != G_SS_DISABLE && mode != G_SS_ONSTACK && mode != 0)
        return -EINVAL;
    uint64_t base = ss->ss_sp, size = ss->ss_size;
    if (mode == G_SS_DISABLE)
        base = size = 0;
    else if (size < G_MINSIGSTKSZ)
        return -ENOMEM;
    s->alt_sp = base;
    s->alt_size = size;
    s->alt_flags = ss->ss_flags;
    return 0;
}

bool sig_setup_frame(RtThread *t, int sig, const siginfo_t *si,
                     const GuestSigaction *act)
{
    RvCpu *cpu = &t->cpu;
    RtSigThread *s = &t->sig;
    uint64_t sp = cpu->x[2];
    const uint64_t size = sizeof(GuestRtSigframe);

    /* get_sigframe: overflowing the alternate stack gives a bad frame */
    if (on_alt(s, sp) && !on_alt(s, sp - size))
        return false;
    if ((act->flags & G_SA_ONSTACK) && ss_flags(s, sp) == 0)
        sp = s->alt_sp + s->alt_size;
    uint64_t fa = (sp - size) & ~(uint64_t)15;
    if (fa > sp || mem_prepare_write(fa, size) != 0)
        return false;

    GuestRtSigframe f;
    memset(&f, 0, sizeof f);
    memcpy(f.info, si, sizeof f.info);
    /* __save_altstack (the old sp), then SS_AUTODISARM clears it */
    f.uc.uc_stack.ss_sp = s->alt_sp;
    f.uc.uc_stack.ss_size = s->alt_size;
    f.uc.uc_stack.ss_flags = ss_flags(s, cpu->x[2]) |
                             (int32_t)((uint32_t)s->alt_flags &
                                       G_SS_AUTODISARM);
    if ((uint32_t)s->alt_flags & G_SS_AUTODISARM) {
        s->alt_sp = s->alt_size = 0;
        s->alt_flags = G_SS_DISABLE;
    }
    f.uc.uc_sigmask = s->has_saved_mask ? s->saved_mask : sig_blocked(t);
    s->has_saved_mask = 0;
    GuestSigcontext *mc = &f.uc.uc_mcontext;
    mc->gregs[0] = cpu->pc;
    for (int i = 1; i < 32; i++)
        mc->gregs[i] = cpu->x[i];
    memcpy(mc->f, cpu->f, sizeof mc->f);
    mc->fcsr = (cpu->frm << 5) | (cpu->fflags & 31);
    memcpy(g2h(fa), &f, size);

    cpu->x[1] = sig_trampoline();
    cpu->x[2] = fa;
    cpu->x[10] = (uint64_t)sig;
    cpu->x[11] = fa + offsetof(GuestRtSigframe, info);
    cpu->x[12] = fa + offsetof(GuestRtSigframe, uc);
    cpu->pc = act->handler;
    cpu->res_addr = RV_NO_RESERVATION;
    return true;
}

/* rt_sigreturn(2): the frame is at sp (the handler's sp on entry). */
int64_t sys_rt_sigreturn(RtThread *t, const uint64_t *a)
{
    (void)a;
    RvCpu *cpu = &t->cpu;
    uint64_t fa = cpu->x[2];
    GuestRtSigframe f;
    if (!mem_read_ok(fa, sizeof f)) {
        rt_signal_raise_sync(t, SIGSEGV, SI_KERNEL, 0);
        return SYS_RET_KEEP;
    }
    memcpy(&f, g2h(fa), sizeof f);
    const GuestSigcontext *mc = &f.uc.uc_mcontext;
    cpu->pc = mc->gregs[0];
    for (int i = 1; i < 32; i++)
        cpu->x[i] = mc->gregs[i];
    memcpy(cpu->f, mc->f, sizeof cpu->f);
    cpu->frm = (mc->fcsr >> 5) & 7;
    cpu->fflags = mc->fcsr & 31;
    cpu->res_addr = RV_NO_RESERVATION;
    sig_set_blocked(t, f.uc.uc_sigmask);
    /* restore_altstack: errors other than EFAULT are ignored */
    sig_do_sigaltstack(t, &f.uc.uc_stack, NULL, cpu->x[2]);
    sig_recheck(t);
    return SYS_RET_KEEP;
}
