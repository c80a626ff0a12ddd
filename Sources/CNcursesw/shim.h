#ifndef MSR_CNCURSESW_SHIM_H
#define MSR_CNCURSESW_SHIM_H
/* The wide-character API (add_wch, cchar_t) is only declared when this is set before curses.h. */
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <langinfo.h>
#include <stdio.h>
#include <wchar.h>
#include <ncursesw/curses.h>

/* Each wrapper below exists because Swift cannot import the C macro (or, for the global
   variables, because Swift 6 refuses unsynchronised access to a mutable C global). */

/// COLOR_PAIR is a macro.
static inline int msr_color_pair(int n) { return COLOR_PAIR(n); }
/// getmaxyx is a macro that assigns to its arguments.
static inline void msr_getmaxyx(WINDOW *w, int *y, int *x) { int yy, xx; getmaxyx(w, yy, xx); *y = yy; *x = xx; }

/// stdscr is a mutable global variable.
static inline WINDOW *msr_stdscr(void) { return stdscr; }
/// COLORS is a mutable global variable.
static inline int msr_colors(void) { return COLORS; }
/// COLOR_PAIRS is a mutable global variable.
static inline int msr_color_pairs(void) { return COLOR_PAIRS; }
/// stdout is a mutable global variable (newterm's output stream).
static inline FILE *msr_stdout(void) { return stdout; }
/// stdin is a mutable global variable (newterm's input stream).
static inline FILE *msr_stdin(void) { return stdin; }
/// Whether the terminal can move the cursor (terminfo `cup`): tigetstr answers "absent" with
/// NULL and "not a string capability" with (char *)-1, a pointer Swift cannot compare with.
static inline int msr_can_address_cursor(void) { char *s = tigetstr("cup"); return s != NULL && s != (char *)-1; }

/// wcwidth is declared by <wchar.h> only under _XOPEN_SOURCE, one of the pkg-config flags
/// SwiftPM drops; the terminal measures characters with it exactly as ncurses does.
static inline int msr_wcwidth(wchar_t c) { extern int wcwidth(wchar_t); return wcwidth(c); }

/// A_NORMAL is a macro.
static inline attr_t msr_attr_normal(void) { return A_NORMAL; }
/// A_BOLD is a macro.
static inline attr_t msr_attr_bold(void) { return A_BOLD; }
/// A_DIM is a macro.
static inline attr_t msr_attr_dim(void) { return A_DIM; }
/// A_ITALIC is a macro.
static inline attr_t msr_attr_italic(void) { return A_ITALIC; }
/// A_UNDERLINE is a macro.
static inline attr_t msr_attr_underline(void) { return A_UNDERLINE; }
/// A_REVERSE is a macro.
static inline attr_t msr_attr_reverse(void) { return A_REVERSE; }

/// BUTTON1_PRESSED is a macro built from NCURSES_MOUSE_MASK.
static inline mmask_t msr_button1_pressed(void) { return BUTTON1_PRESSED; }
/// BUTTON1_RELEASED is a macro built from NCURSES_MOUSE_MASK.
static inline mmask_t msr_button1_released(void) { return BUTTON1_RELEASED; }
/// BUTTON1_CLICKED is a macro built from NCURSES_MOUSE_MASK.
static inline mmask_t msr_button1_clicked(void) { return BUTTON1_CLICKED; }
/// BUTTON2_PRESSED is a macro built from NCURSES_MOUSE_MASK.
static inline mmask_t msr_button2_pressed(void) { return BUTTON2_PRESSED; }
/// BUTTON2_RELEASED is a macro built from NCURSES_MOUSE_MASK.
static inline mmask_t msr_button2_released(void) { return BUTTON2_RELEASED; }
/// BUTTON2_CLICKED is a macro built from NCURSES_MOUSE_MASK.
static inline mmask_t msr_button2_clicked(void) { return BUTTON2_CLICKED; }
/// BUTTON3_PRESSED is a macro built from NCURSES_MOUSE_MASK.
static inline mmask_t msr_button3_pressed(void) { return BUTTON3_PRESSED; }
/// BUTTON3_RELEASED is a macro built from NCURSES_MOUSE_MASK.
static inline mmask_t msr_button3_released(void) { return BUTTON3_RELEASED; }
/// BUTTON3_CLICKED is a macro built from NCURSES_MOUSE_MASK.
static inline mmask_t msr_button3_clicked(void) { return BUTTON3_CLICKED; }
/// BUTTON4_PRESSED (wheel up) is a macro built from NCURSES_MOUSE_MASK.
static inline mmask_t msr_button4_pressed(void) { return BUTTON4_PRESSED; }
/// BUTTON5_PRESSED (wheel down) is a macro built from NCURSES_MOUSE_MASK.
static inline mmask_t msr_button5_pressed(void) { return BUTTON5_PRESSED; }
/// BUTTON_SHIFT is a macro built from NCURSES_MOUSE_MASK.
static inline mmask_t msr_button_shift(void) { return BUTTON_SHIFT; }
/// BUTTON_CTRL is a macro built from NCURSES_MOUSE_MASK.
static inline mmask_t msr_button_ctrl(void) { return BUTTON_CTRL; }
/// BUTTON_ALT is a macro built from NCURSES_MOUSE_MASK.
static inline mmask_t msr_button_alt(void) { return BUTTON_ALT; }
/// REPORT_MOUSE_POSITION is a macro built from NCURSES_MOUSE_MASK.
static inline mmask_t msr_report_mouse_position(void) { return REPORT_MOUSE_POSITION; }
/// ALL_MOUSE_EVENTS is a macro built from REPORT_MOUSE_POSITION.
static inline mmask_t msr_all_mouse_events(void) { return ALL_MOUSE_EVENTS; }

#endif
