#ifndef SYNCTOP_CNCURSES_SHIM_H
#define SYNCTOP_CNCURSES_SHIM_H

// Wide-character ncurses: cchar_t, wget_wch, waddnwstr and extended colour pairs.
#define NCURSES_WIDECHAR 1
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif

#include <locale.h>
#include <langinfo.h>
#include <signal.h>
#include <unistd.h>
#include <stdio.h>
#include <wchar.h>
#include <ncursesw/curses.h>

// Swift cannot import function-like macros, attribute constants or the mutable globals
// (stdscr, COLORS, COLOR_PAIRS) under strict concurrency, so they are wrapped here.

static inline WINDOW *cn_stdscr(void) { return stdscr; }

// From <term.h>, which is not included: its macros (lines, columns, ...) would clash.
// `synctop info` reads terminfo with it without taking over the screen.
extern int setupterm(const char *term, int filedes, int *errret);
static inline int cn_colors(void) { return COLORS; }

// Mouse (`--mouse`): the button masks are macros.
static inline mmask_t cn_mouse_mask(void) { return BUTTON1_PRESSED | BUTTON1_CLICKED | BUTTON4_PRESSED | BUTTON5_PRESSED; }
static inline int cn_mouse_kind(mmask_t state) {
    if (state & BUTTON4_PRESSED) return 1;   /* wheel up */
    if (state & BUTTON5_PRESSED) return 2;   /* wheel down */
    if (state & (BUTTON1_PRESSED | BUTTON1_CLICKED)) return 3; /* left click */
    return 0;
}
static inline int cn_color_pairs(void) { return COLOR_PAIRS; }

static inline attr_t cn_a_normal(void) { return A_NORMAL; }
static inline attr_t cn_a_bold(void) { return A_BOLD; }
static inline attr_t cn_a_dim(void) { return A_DIM; }
static inline attr_t cn_a_underline(void) { return A_UNDERLINE; }
static inline attr_t cn_a_reverse(void) { return A_REVERSE; }
static inline attr_t cn_a_color(void) { return A_COLOR; }

static inline int cn_getmaxy(WINDOW *w) { return getmaxy(w); }
static inline int cn_getmaxx(WINDOW *w) { return getmaxx(w); }

// Sets the window's current attributes and an extended (int) colour pair.
static inline int cn_set_style(WINDOW *w, attr_t attrs, int pair) {
    return wattr_set(w, attrs, 0, &pair);
}

// Moves and writes `n` wide characters in one call (one run of same-styled cells).
static inline int cn_put(WINDOW *w, int y, int x, const wchar_t *s, int n) {
    if (wmove(w, y, x) == ERR) return ERR;
    return waddnwstr(w, s, n);
}

// Reads back one cell (tests): its first character, attributes and extended pair.
static inline int cn_cell_at(WINDOW *w, int y, int x, wchar_t *ch, attr_t *attrs, int *pair) {
    cchar_t cc;
    wchar_t text[CCHARW_MAX + 1];
    short shortPair = 0;
    if (mvwin_wch(w, y, x, &cc) == ERR) return ERR;
    if (getcchar(&cc, text, attrs, &shortPair, pair) == ERR) return ERR;
    *ch = text[0];
    return OK;
}

// Reads back one row as text (tests); continuation halves of wide characters are skipped.
static inline int cn_row_text(WINDOW *w, int y, wchar_t *buffer, int n) {
    return mvwinnwstr(w, y, 0, buffer, n);
}

// wcwidth is declared by <wchar.h> only under _XOPEN_SOURCE, which the Glibc module was not
// built with; the symbol is always in libc, so declare it here for the draw path.
extern int wcwidth(wchar_t c);
static inline int cn_wcwidth(wchar_t c) { return wcwidth(c); }

static inline const char *cn_codeset(void) { return nl_langinfo(CODESET); }

// struct sigaction differs between libcs (glibc hides sa_handler in a union behind a
// macro), so handlers are installed and chained through these helpers.
static inline int cn_install_handler(int sig, void (*handler)(int, siginfo_t *, void *),
                                     int flags, struct sigaction *previous) {
    struct sigaction sa;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_SIGINFO | flags;
    sa.sa_sigaction = handler;
    return sigaction(sig, &sa, previous);
}

static inline int cn_restore_handler(int sig, const struct sigaction *previous) {
    return sigaction(sig, previous, NULL);
}

// Calls a previously installed handler (ncurses' SIGWINCH handler) from ours.
static inline void cn_chain_handler(const struct sigaction *previous, int sig, siginfo_t *info, void *context) {
    if (previous->sa_flags & SA_SIGINFO) {
        if (previous->sa_sigaction) previous->sa_sigaction(sig, info, context);
    } else if (previous->sa_handler != SIG_DFL && previous->sa_handler != SIG_IGN && previous->sa_handler) {
        previous->sa_handler(sig);
    }
}

// One line on stderr after a crash, with write(2) only (async-signal-safe): which signal,
// that the terminal is back, and how to get a backtrace next time.
static inline void cn_write_crash_note(int sig, int backtrace) {
    const char *name;
    switch (sig) {
    case SIGSEGV: name = "SIGSEGV"; break;
    case SIGILL: name = "SIGILL"; break;
    case SIGTRAP: name = "SIGTRAP"; break;
    case SIGABRT: name = "SIGABRT"; break;
    case SIGBUS: name = "SIGBUS"; break;
    case SIGFPE: name = "SIGFPE"; break;
    default: name = "a crash signal"; break;
    }
    const char *head = "\nsynctop crashed (";
    const char *tail = backtrace ? "); the terminal is restored. Swift's backtrace follows.\n"
        : "); the terminal is restored. Run with SYNCTOP_BACKTRACE=1 for a backtrace (it takes ~30 s).\n";
    const char *parts[] = { head, name, tail };
    for (int i = 0; i < 3; i++) {
        size_t n = 0;
        while (parts[i][n]) n++;
        ssize_t ignored = write(2, parts[i], n);
        (void)ignored;
    }
}

// Default action, then raise: the signal is blocked inside its handler, so it lands (and
// ends the process) as soon as the handler returns.
static inline void cn_default_and_raise(int sig) {
    signal(sig, SIG_DFL);
    raise(sig);
}

#endif
