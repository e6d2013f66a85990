// Thin shim over libedit's native API (Debian: libedit-dev).
//
// el_set, el_get and history are variadic and cannot be called from Swift;
// each use meting needs is wrapped here in a static inline function. This
// module provides no stable Swift API; MetingShell's LineEditor wraps it.
#ifndef METING_CEDITLINE_SHIM_H
#define METING_CEDITLINE_SHIM_H
#include <stdio.h>
#include <wchar.h>
#include <histedit.h>

typedef char *(*meting_prompt_fn)(EditLine *);
typedef unsigned char (*meting_command_fn)(EditLine *, int);

// stdin/stdout/stderr are mutable C globals that Swift 6 will not touch.
static inline EditLine *meting_el_init(const char *name) {
  return el_init(name, stdin, stdout, stderr);
}
static inline int meting_el_set_prompt(EditLine *el, meting_prompt_fn fn, char esc) {
  return el_set(el, EL_PROMPT_ESC, fn, esc);
}
static inline int meting_el_set_editor(EditLine *el, const char *mode) {
  return el_set(el, EL_EDITOR, mode);
}
static inline int meting_el_set_signal(EditLine *el, int on) {
  return el_set(el, EL_SIGNAL, on);
}
static inline int meting_el_set_history(EditLine *el, History *h) {
  return el_set(el, EL_HIST, history, h);
}
static inline int meting_el_add_function(EditLine *el, const char *name, const char *help,
                                         meting_command_fn fn) {
  return el_set(el, EL_ADDFN, name, help, fn);
}
static inline int meting_el_bind(EditLine *el, const char *key, const char *command) {
  return el_set(el, EL_BIND, key, command, NULL);
}
static inline int meting_el_set_clientdata(EditLine *el, void *data) {
  return el_set(el, EL_CLIENTDATA, data);
}
static inline void *meting_el_get_clientdata(EditLine *el) {
  void *data = NULL;
  el_get(el, EL_CLIENTDATA, &data);
  return data;
}
static inline int meting_el_set_getc(EditLine *el, el_rfunc_t fn) {
  return el_set(el, EL_GETCFN, fn);
}
static inline int meting_el_refresh(EditLine *el) {
  return el_set(el, EL_REFRESH);
}

static inline int meting_history_setsize(History *h, int size) {
  HistEvent ev;
  return history(h, &ev, H_SETSIZE, size);
}
static inline int meting_history_setunique(History *h, int unique) {
  HistEvent ev;
  return history(h, &ev, H_SETUNIQUE, unique);
}
static inline int meting_history_enter(History *h, const char *line) {
  HistEvent ev;
  return history(h, &ev, H_ENTER, line);
}
#endif
