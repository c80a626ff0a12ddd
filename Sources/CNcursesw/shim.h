#ifndef MSR_CNCURSESW_SHIM_H
#define MSR_CNCURSESW_SHIM_H
/* The wide-character API (add_wch, cchar_t) is only declared when this is set before curses.h. */
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <ncursesw/curses.h>

/// COLOR_PAIR is a macro.
static inline int msr_color_pair(int n) { return COLOR_PAIR(n); }
/// A_BOLD is a macro.
static inline attr_t msr_attr_bold(void) { return A_BOLD; }
/// getmaxyx is a macro that assigns to its arguments.
static inline void msr_getmaxyx(WINDOW *w, int *y, int *x) { int yy, xx; getmaxyx(w, yy, xx); *y = yy; *x = xx; }

#endif
