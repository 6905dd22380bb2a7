/*
 * ioctl(2) for terminals and generic file descriptors.
 *
 * riscv64 and x86-64 both take their terminal ioctls and structures from
 * the asm-generic headers (include/uapi/asm-generic/ioctls.h, termbits.h
 * with struct termios of 36 bytes and termios2 of 44, struct winsize of
 * 8), and both use the asm-generic _IOC encoding, so a known request is
 * passed to the host with the same number; rvtcg checks the guest memory
 * its argument names (size and direction from the table below).  Like
 * qemu-riscv64 (linux-user/syscall.c do_ioctl), a request not in the
 * table is not passed on blindly: it fails with ENOTTY, and rvtcg says so
 * on stderr (once per request).
 */
#include <fcntl.h>
#include <linux/fs.h>
#include <linux/sockios.h>
#include <stdio.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>
#include <termios.h>
#include <unistd.h>

#include "guest_mem.h"
#include "log.h"
#include "sys_fsutil.h"
#include "syscall.h"

enum {
    IO_VAL,      /* no argument, or an integer by value */
    IO_IN,       /* the kernel reads SIZE bytes at the argument */
    IO_OUT,      /* the kernel writes SIZE bytes */
    IO_INOUT,    /* both */
};

typedef struct SysIoctl {
    uint32_t cmd;
    uint8_t kind;
    uint8_t size;
} SysIoctl;

/* The guest's request numbers (asm-generic/ioctls.h); the host's are
 * the same (checked below against the host headers). */
static const SysIoctl sys_ioctls[] = {
    { 0x5401, IO_OUT, 36 },     /* TCGETS, struct termios */
    { 0x5402, IO_IN, 36 },      /* TCSETS */
    { 0x5403, IO_IN, 36 },      /* TCSETSW */
    { 0x5404, IO_IN, 36 },      /* TCSETSF */
    { 0x5405, IO_OUT, 18 },     /* TCGETA, struct termio */
    { 0x5406, IO_IN, 18 },      /* TCSETA */
    { 0x5407, IO_IN, 18 },      /* TCSETAW */
    { 0x5408, IO_IN, 18 },      /* TCSETAF */
    { 0x5409, IO_VAL, 0 },      /* TCSBRK */
    { 0x540A, IO_VAL, 0 },      /* TCXONC */
    { 0x540B, IO_VAL, 0 },      /* TCFLSH */
    { 0x540C, IO_VAL, 0 },      /* TIOCEXCL */
    { 0x540D, IO_VAL, 0 },      /* TIOCNXCL */
    { 0x540E, IO_VAL, 0 },      /* TIOCSCTTY */
    { 0x540F, IO_OUT, 4 },      /* TIOCGPGRP */
    { 0x5410, IO_IN, 4 },       /* TIOCSPGRP */
    { 0x5411, IO_OUT, 4 },      /* TIOCOUTQ */
    { 0x5412, IO_IN, 1 },       /* TIOCSTI */
    { 0x5413, IO_OUT, 8 },      /* TIOCGWINSZ, struct winsize */
    { 0x5414, IO_IN, 8 },       /* TIOCSWINSZ */
    { 0x5415, IO_OUT, 4 },      /* TIOCMGET */
    { 0x5416, IO_IN, 4 },       /* TIOCMBIS */
    { 0x5417, IO_IN, 4 },       /* TIOCMBIC */
    { 0x5418, IO_IN, 4 },       /* TIOCMSET */
    { 0x5419, IO_OUT, 4 },      /* TIOCGSOFTCAR */
    { 0x541A, IO_IN, 4 },       /* TIOCSSOFTCAR */
    { 0x541B, IO_OUT, 4 },      /* FIONREAD */
    { 0x541D, IO_VAL, 0 },      /* TIOCCONS */
    { 0x5420, IO_IN, 4 },       /* TIOCPKT */
    { 0x5421, IO_IN, 4 },       /* FIONBIO */
    { 0x5422, IO_VAL, 0 },      /* TIOCNOTTY */
    { 0x5423, IO_IN, 4 },       /* TIOCSETD */
    { 0x5424, IO_OUT, 4 },      /* TIOCGETD */
    { 0x5425, IO_VAL, 0 },      /* TCSBRKP */
    { 0x5427, IO_VAL, 0 },      /* TIOCSBRK */
    { 0x5428, IO_VAL, 0 },      /* TIOCCBRK */
    { 0x5429, IO_OUT, 4 },      /* TIOCGSID */
    { 0x802C542A, IO_OUT, 44 }, /* TCGETS2, struct termios2 */
    { 0x402C542B, IO_IN, 44 },  /* TCSETS2 */
    { 0x402C542C, IO_IN, 44 },  /* TCSETSW2 */
    { 0x402C542D, IO_IN, 44 },  /* TCSETSF2 */
    { 0x80045430, IO_OUT, 4 },  /* TIOCGPTN */
    { 0x40045431, IO_IN, 4 },   /* TIOCSPTLCK */
    { 0x80045432, IO_OUT, 4 },  /* TIOCGDEV */
    { 0x80045438, IO_OUT, 4 },  /* TIOCGPKT */
    { 0x80045439, IO_OUT, 4 },  /* TIOCGPTLCK */
    { 0x80045440, IO_OUT, 4 },  /* TIOCGEXCL */
    { 0x5441, IO_VAL, 0 },      /* TIOCGPTPEER (flags by value) */
    { 0x5450, IO_VAL, 0 },      /* FIONCLEX */
    { 0x5451, IO_VAL, 0 },      /* FIOCLEX */
    { 0x5452, IO_IN, 4 },       /* FIOASYNC */
    { 0x5460, IO_OUT, 8 },      /* FIOQSIZE, loff_t */
    { 0x545C, IO_VAL, 0 },      /* TIOCMIWAIT */
    { 0x5437, IO_VAL, 0 },      /* TIOCVHANGUP */
    { 0x5456, IO_OUT, 36 },     /* TIOCGLCKTRMIOS */
    { 0x5457, IO_IN, 36 },      /* TIOCSLCKTRMIOS */
    /* include/uapi/linux/fs.h */
    { 0x00000001, IO_INOUT, 4 },/* FIBMAP */
    { 0x00000002, IO_OUT, 4 },  /* FIGETBSZ */
    { 0x40049409, IO_VAL, 0 },  /* FICLONE (source fd by value) */
    { 0x4020940D, IO_IN, 32 },  /* FICLONERANGE, file_clone_range */
    { 0x80086601, IO_OUT, 4 },  /* FS_IOC_GETFLAGS (the kernel uses an int) */
    { 0x40086602, IO_IN, 4 },   /* FS_IOC_SETFLAGS */
    { 0x80087601, IO_OUT, 4 },  /* FS_IOC_GETVERSION */
    { 0x80081272, IO_OUT, 8 },  /* BLKGETSIZE64 */
    { 0x00001260, IO_OUT, 8 },  /* BLKGETSIZE (unsigned long) */
    { 0x00001268, IO_OUT, 4 },  /* BLKSSZGET */
    { 0x0000127B, IO_OUT, 4 },  /* BLKPBSZGET */
    /* include/uapi/asm-generic/sockios.h, linux/sockios.h: ints, and
     * struct ifreq (40 bytes on LP64, no pointers in these requests) */
    { 0x8901, IO_IN, 4 },       /* FIOSETOWN */
    { 0x8902, IO_IN, 4 },       /* SIOCSPGRP */
    { 0x8903, IO_OUT, 4 },      /* FIOGETOWN */
    { 0x8904, IO_OUT, 4 },      /* SIOCGPGRP */
    { 0x8905, IO_OUT, 4 },      /* SIOCATMARK */
    { 0x8910, IO_INOUT, 40 },   /* SIOCGIFNAME */
    { 0x8913, IO_INOUT, 40 },   /* SIOCGIFFLAGS */
    { 0x8915, IO_INOUT, 40 },   /* SIOCGIFADDR */
    { 0x8917, IO_INOUT, 40 },   /* SIOCGIFDSTADDR */
    { 0x8919, IO_INOUT, 40 },   /* SIOCGIFBRDADDR */
    { 0x891B, IO_INOUT, 40 },   /* SIOCGIFNETMASK */
    { 0x8921, IO_INOUT, 40 },   /* SIOCGIFMTU */
    { 0x8927, IO_INOUT, 40 },   /* SIOCGIFHWADDR */
    { 0x8933, IO_INOUT, 40 },   /* SIOCGIFINDEX */
};

_Static_assert(TCGETS == 0x5401 && TCSETSF == 0x5404 && TCFLSH == 0x540B &&
               TIOCSCTTY == 0x540E && TIOCGPGRP == 0x540F &&
               TIOCGWINSZ == 0x5413 && FIONREAD == 0x541B &&
               FIONBIO == 0x5421 && TIOCGSID == 0x5429 &&
               TIOCGPTN == 0x80045430 && TIOCSPTLCK == 0x40045431 &&
               FIONCLEX == 0x5450 && FIOCLEX == 0x5451 &&
               FIOQSIZE == 0x5460,
               "host ioctl numbers differ from asm-generic/ioctls.h");
_Static_assert(sizeof(struct winsize) == 8, "struct winsize");
_Static_assert(SIOCGIFINDEX == 0x8933 && SIOCGIFHWADDR == 0x8927 &&
               SIOCATMARK == 0x8905 && FIOGETOWN == 0x8903,
               "host socket ioctl numbers");
_Static_assert(FICLONE == 0x40049409 && FICLONERANGE == 0x4020940D &&
               FS_IOC_GETFLAGS == 0x80086601 && BLKGETSIZE64 == 0x80081272 &&
               BLKPBSZGET == 0x127B && FIGETBSZ == 2,
               "host fs ioctl numbers");

/* Is FD not an open descriptor? */
static bool fd_bad(int fd)
{
    return fcntl(fd, F_GETFD) < 0 && errno == EBADF;
}

static const SysIoctl *ioctl_find(uint32_t cmd)
{
    for (size_t i = 0; i < sizeof sys_ioctls / sizeof *sys_ioctls; i++)
        if (sys_ioctls[i].cmd == cmd)
            return &sys_ioctls[i];
    return NULL;
}

/* Says "unsupported ioctl" once per request (every time with -d unimp). */
static void ioctl_warn(uint32_t cmd)
{
    static uint32_t warned[32];
    static unsigned nwarned;
    if (!(rt_log_mask & RT_LOG_UNIMP)) {
        for (unsigned i = 0; i < nwarned; i++)
            if (warned[i] == cmd)
                return;
        if (nwarned < 32)
            warned[nwarned++] = cmd;
    }
    fprintf(stderr, "rvtcg: unsupported ioctl 0x%x\n", cmd);
}

int64_t sys_ioctl(RtThread *t, const uint64_t *a)
{
    (void)t;
    int fd = (int)a[0];
    /* The request is an unsigned int in the kernel (fs/ioctl.c). */
    uint32_t cmd = (uint32_t)a[1];
    uint64_t arg = a[2];
    const SysIoctl *io = ioctl_find(cmd);
    if (!io) {
        if (fd_bad(fd))
            return -EBADF;
        ioctl_warn(cmd);
        return -ENOTTY;
    }
    int64_t r;
    switch (io->kind) {
    case IO_VAL:
        r = syscall(SYS_ioctl, fd, (unsigned long)cmd, (unsigned long)arg);
        break;
    default:
        if ((io->kind != IO_OUT && !mem_read_ok(arg, io->size)) ||
            (io->kind != IO_IN && mem_prepare_write(arg, io->size) != 0)) {
            /* The fd's error first: EBADF, or ENOTTY for a non-tty. */
            if (fd_bad(fd))
                return -EBADF;
            return -EFAULT;
        }
        r = syscall(SYS_ioctl, fd, (unsigned long)cmd, g2h(arg));
        break;
    }
    /* Terminal ioctls that wait (TCSETSW, TCSBRK) restart on a signal. */
    return sys_host_ret_restart(r);
}
