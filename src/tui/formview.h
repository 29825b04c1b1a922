/* A form of labelled, typed fields. Text-like fields are edited with the
 * pure line editor (src/lineedit.h); choices cycle with Left/Right/Space
 * and open a filtered picker with Enter; reference fields (e.g. a
 * branch) call back into the screen to pick. Each field is validated
 * when the cursor leaves it and again on save; the message is shown
 * next to the field (to its right, or on the row below when there is no
 * room), in the error style, until the value changes. The form keeps
 * the typed text across terminal resizes; it scrolls vertically when it
 * has more rows than the area. A choice, yes/no or reference change
 * counts at once (validate, then changed()), not when the cursor leaves,
 * so that e.g. a yes/no can show another field immediately. */
#ifndef ZB_TUI_FORMVIEW_H
#define ZB_TUI_FORMVIEW_H

#include <curses.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "tui/app.h"

enum fv_type {
    FV_TEXT,       /* one line */
    FV_MULTILINE,  /* `height` rows, Enter inserts a newline */
    FV_DATE,       /* YYYY-MM-DD; lenient forms normalized on leaving */
    FV_NUMBER,     /* digits, optional leading '-' */
    FV_PHONE,      /* digits, spaces, '-', '+' */
    FV_IDNUM,      /* digits and X, upper-cased */
    FV_CHOICE,     /* one of `choices`; index 0 may be "" = none */
    FV_REF,        /* a record picked through ops->pick: id + text */
    FV_BOOL,       /* 是/否, Space toggles */
    FV_READONLY    /* shown, not editable (e.g. member number) */
};

struct fv_field {
    const char *label;
    enum fv_type type;
    size_t max_chars;       /* text types; 0 = 64 */
    int width;              /* editor width in columns; 0 = auto */
    int height;             /* FV_MULTILINE rows; 0 = 4 */
    bool required;          /* empty -> "必填" */
    const char *const *choices;  /* FV_CHOICE */
    int nchoices;
    const char *placeholder;     /* dim text when empty, e.g. "YYYY-MM-DD" */
};

typedef struct formview formview;

struct fv_ops {
    /* Field-level validation after the built-in one (required, date
     * format, allowed characters) passed. Return NULL if fine, or a
     * message (copy into msg, or return a static string). */
    const char *(*validate)(void *ctx, formview *fv, int field,
                            char *msg, size_t msgsz);
    /* The value of `field` changed and the cursor left it: the screen
     * may fill in other fields (e.g. birth date from the ID number). */
    void (*changed)(void *ctx, formview *fv, int field);
    /* FV_REF: open a picker; return true if the value changed (set it
     * with fv_set_ref). */
    bool (*pick)(void *ctx, formview *fv, int field);
};

formview *fv_new(tui_app *app, const struct fv_field *fields, int n,
                 const struct fv_ops *ops, void *ctx);
void fv_free(formview *fv);

/* Values. Text types: UTF-8 strings. Setting a value does not make the
 * form dirty until fv_mark_clean has been called once (set initial
 * values, then fv_mark_clean). */
void fv_set(formview *fv, int field, const char *utf8);
/* Current text of a field (valid until the field changes). FV_CHOICE:
 * the label; FV_REF: the display text; FV_BOOL: "是"/"否". */
const char *fv_get(formview *fv, int field);
void fv_set_choice(formview *fv, int field, int index);
int fv_choice(const formview *fv, int field);
void fv_set_ref(formview *fv, int field, int64_t id, const char *text);
int64_t fv_ref(const formview *fv, int field);
void fv_set_bool(formview *fv, int field, bool v);
bool fv_bool(const formview *fv, int field);
/* Hides/shows a field (e.g. 失联日期 only when 失联 is 是). */
void fv_set_hidden(formview *fv, int field, bool hidden);

bool fv_dirty(const formview *fv);
void fv_mark_clean(formview *fv);

/* Error message at a field (NULL clears). */
void fv_set_error(formview *fv, int field, const char *msg);
const char *fv_error(const formview *fv, int field);
/* msg at field, which gets the focus (field -1: nothing). */
void fv_error_at(formview *fv, int field, const char *msg);
/* The field's label ("" for a bad index). */
const char *fv_label(const formview *fv, int field);
/* A model names the field it refuses ("start_date"): the form field
 * whose name that is in names (n entries, one per field, NULL = no
 * model field), or -1 (name NULL or unknown). */
int fv_field_named(const char *const *names, int n, const char *name);
/* Validates every visible field; returns the first bad field (focused)
 * or -1 if all are fine. */
int fv_validate_all(formview *fv);

int fv_focus(const formview *fv);
void fv_set_focus(formview *fv, int field);

void fv_draw(formview *fv, WINDOW *w, int y, int x, int h, int wd);
/* Editing and navigation keys: Tab/Down next field, S-Tab/Up previous
 * (in a multi-line field Up/Down move by row until its edge), line
 * editing keys (Left, Right, Home, End, Backspace, Delete, Ctrl-A/E/K/U/
 * W), Left/Right/Space cycling choices, Enter opening a picker (choice
 * with more than 2 entries, or ref). Returns TUI_* flags;
 * TUI_UNHANDLED for keys it does not use (F2, Esc, F10, ...). */
int fv_key(formview *fv, int key);
void fv_cursor_pos(const formview *fv, int *y, int *x);

#endif
