// The libedit (native histedit API) calls ecs-tutor uses, wrapped because el_set, el_get and
// history are variadic and Swift cannot call variadic C functions.
// Never include <readline/readline.h>: that is GNU readline, with different layouts.
#ifndef CLIBEDIT_SHIM_H
#define CLIBEDIT_SHIM_H

#include <histedit.h>
#include <stdio.h>
#include <locale.h>
#include <langinfo.h>
#include <sys/ioctl.h>
#include <unistd.h>

typedef char *(*clibedit_prompt_fn)(EditLine *);
typedef unsigned char (*clibedit_command_fn)(EditLine *, int);

static inline FILE *clibedit_stdin(void) { return stdin; }
static inline FILE *clibedit_stdout(void) { return stdout; }
static inline FILE *clibedit_stderr(void) { return stderr; }

// --- editor ---------------------------------------------------------------------------------

static inline int clibedit_set_prompt_esc(EditLine *el, clibedit_prompt_fn fn, char esc) {
  return el_set(el, EL_PROMPT_ESC, fn, esc);
}
static inline int clibedit_set_editor(EditLine *el, const char *mode) {
  return el_set(el, EL_EDITOR, mode);
}
static inline int clibedit_set_signal(EditLine *el, int on) { return el_set(el, EL_SIGNAL, on); }
static inline int clibedit_set_clientdata(EditLine *el, void *data) {
  return el_set(el, EL_CLIENTDATA, data);
}
static inline void *clibedit_get_clientdata(EditLine *el) {
  void *data = NULL;
  if (el_get(el, EL_CLIENTDATA, &data) != 0) return NULL;
  return data;
}
static inline int clibedit_bind(EditLine *el, const char *key, const char *cmd) {
  return el_set(el, EL_BIND, key, cmd, (const char *)NULL);
}
static inline int clibedit_addfn(EditLine *el, const char *name, const char *help,
                                 clibedit_command_fn fn) {
  return el_set(el, EL_ADDFN, name, help, fn);
}
/// `stty` for the edit-mode terminal settings, e.g. ("-d", "-isig").
static inline int clibedit_setty(EditLine *el, const char *a, const char *b) {
  return el_set(el, EL_SETTY, a, b, (const char *)NULL);
}
/// Sets (or, with "", removes) one of the terminal capabilities libedit uses, e.g. ("dc", "").
static inline int clibedit_settc(EditLine *el, const char *name, const char *value) {
  return el_set(el, EL_SETTC, name, value, (const char *)NULL);
}
static inline int clibedit_set_hist(EditLine *el, History *h) {
  return el_set(el, EL_HIST, history, h);
}

// --- history --------------------------------------------------------------------------------

static inline int clibedit_history_setsize(History *h, int size) {
  HistEvent ev;
  return history(h, &ev, H_SETSIZE, size);
}
static inline int clibedit_history_setunique(History *h, int on) {
  HistEvent ev;
  return history(h, &ev, H_SETUNIQUE, on);
}
static inline int clibedit_history_enter(History *h, const char *line) {
  HistEvent ev;
  return history(h, &ev, H_ENTER, line);
}
static inline int clibedit_history_load(History *h, const char *path) {
  HistEvent ev;
  return history(h, &ev, H_LOAD, path);
}
static inline int clibedit_history_save_fp(History *h, FILE *fp) {
  HistEvent ev;
  return history(h, &ev, H_SAVE_FP, fp);
}
static inline int clibedit_history_clear(History *h) {
  HistEvent ev;
  return history(h, &ev, H_CLEAR);
}
/// Oldest-to-newest walk: `first` starts at the oldest entry (H_LAST), then H_PREV moves newer.
static inline const char *clibedit_history_step(History *h, int first) {
  HistEvent ev;
  if (history(h, &ev, first ? H_LAST : H_PREV) < 0) return NULL;
  return ev.str;
}

// --- terminal -------------------------------------------------------------------------------

/// Columns of the terminal on `fd`, or 0 when it is not a terminal.
static inline int clibedit_terminal_columns(int fd) {
  struct winsize ws;
  if (ioctl(fd, TIOCGWINSZ, &ws) != 0) return 0;
  return ws.ws_col;
}

#endif
