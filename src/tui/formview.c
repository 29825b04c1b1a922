#include "tui/formview.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lineedit.h"
#include "rules.h"
#include "text.h"
#include "tui/dialog.h"
#include "tui/draw.h"

#define FV_DEFAULT_CHARS 64
#define FV_DEFAULT_HEIGHT 4
#define FV_ERR_MIN_ROOM 16   /* columns needed to show an error inline */
#define FV_REF_WIDTH 30
#define FV_DATE_WIDTH 17     /* "2021年07月01日" and the cursor */

struct fv_fstate {
    struct fv_field def;
    lineedit le;          /* text-like types */
    int choice;
    int64_t ref_id;
    char *ref_text;
    bool bval;
    bool hidden;
    bool edited;          /* changed by the user since focus came in */
    char *clean;          /* value at the last fv_mark_clean */
    char *entered;        /* value when focus came in */
    char *err;
    char *getbuf;         /* fv_get's copy of a text value */
    bool getbuf_ok;
    int ew;               /* editor width at the last draw */
};

struct formview {
    tui_app *app;
    const struct fv_ops *ops;
    void *ctx;
    int n;
    struct fv_fstate *f;
    int focus;
    bool cleaned_once;
    int scroll;
    int cur_y, cur_x;
};

static bool is_text_type(enum fv_type t)
{
    return t != FV_CHOICE && t != FV_REF && t != FV_BOOL;
}

static bool valid_field(const formview *fv, int i)
{
    return fv && i >= 0 && i < fv->n;
}

static size_t max_chars(const struct fv_field *d)
{
    return d->max_chars ? d->max_chars : FV_DEFAULT_CHARS;
}

static int field_height(const struct fv_field *d)
{
    if (d->type != FV_MULTILINE)
        return 1;
    return d->height > 0 ? d->height : FV_DEFAULT_HEIGHT;
}

/* A comparable snapshot of a field's value (malloc'ed, may be NULL). */
static char *value_dup(const formview *fv, int i)
{
    const struct fv_fstate *f = &fv->f[i];
    char buf[64];
    switch (f->def.type) {
    case FV_CHOICE:
        snprintf(buf, sizeof buf, "%d", f->choice);
        return strdup(buf);
    case FV_BOOL:
        return strdup(f->bval ? "1" : "0");
    case FV_REF: {
        const char *t = f->ref_text ? f->ref_text : "";
        size_t len = strlen(t) + 32;
        char *s = malloc(len);
        if (s)
            snprintf(s, len, "%" PRId64 "\x1f%s", f->ref_id, t);
        return s;
    }
    default:
        return le_get(&f->le);
    }
}

static bool same_value(const formview *fv, int i, const char *snap)
{
    char *v = value_dup(fv, i);
    bool same = strcmp(v ? v : "", snap ? snap : "") == 0;
    free(v);
    return same;
}

static void set_str(char **dst, const char *s)
{
    free(*dst);
    *dst = s ? strdup(s) : NULL;
}

static void snapshot_entered(formview *fv, int i)
{
    free(fv->f[i].entered);
    fv->f[i].entered = value_dup(fv, i);
    fv->f[i].edited = false;
}

/* The value of field i changed: drop its error and cached text. */
static void touched(formview *fv, int i)
{
    struct fv_fstate *f = &fv->f[i];
    f->getbuf_ok = false;
    set_str(&f->err, NULL);
}

/* After a programmatic change: before the first fv_mark_clean the set
 * value is the clean one; an unedited focused field takes it as its
 * entry value so that leaving it does not count as a change. */
static void after_set(formview *fv, int i)
{
    touched(fv, i);
    if (!fv->cleaned_once) {
        free(fv->f[i].clean);
        fv->f[i].clean = value_dup(fv, i);
    }
    if (i == fv->focus && !fv->f[i].edited)
        snapshot_entered(fv, i);
}

/* ---- life cycle ---- */

static int next_focusable(const formview *fv, int from, int dir, bool wrap)
{
    int i = from;
    for (int k = 0; k < fv->n; k++) {
        i += dir;
        if (i < 0 || i >= fv->n) {
            if (!wrap)
                return -1;
            i = (i + fv->n) % fv->n;
        }
        const struct fv_fstate *f = &fv->f[i];
        if (!f->hidden && f->def.type != FV_READONLY)
            return i;
    }
    return -1;
}

formview *fv_new(tui_app *app, const struct fv_field *fields, int n,
                 const struct fv_ops *ops, void *ctx)
{
    formview *fv = calloc(1, sizeof *fv);
    if (!fv)
        return NULL;
    fv->app = app;
    fv->ops = ops;
    fv->ctx = ctx;
    fv->n = n > 0 ? n : 0;
    fv->cur_y = -1;
    fv->focus = -1;
    fv->f = calloc((size_t)(fv->n ? fv->n : 1), sizeof *fv->f);
    if (!fv->f) {
        free(fv);
        return NULL;
    }
    for (int i = 0; i < fv->n; i++) {
        struct fv_fstate *f = &fv->f[i];
        f->def = fields[i];
        le_init(&f->le, f->def.type == FV_MULTILINE, max_chars(&f->def));
        f->clean = value_dup(fv, i);
        f->ew = 40;
    }
    int first = next_focusable(fv, -1, 1, false);
    fv->focus = first >= 0 ? first : (fv->n ? 0 : -1);
    if (fv->focus >= 0)
        snapshot_entered(fv, fv->focus);
    return fv;
}

void fv_free(formview *fv)
{
    if (!fv)
        return;
    for (int i = 0; i < fv->n; i++) {
        struct fv_fstate *f = &fv->f[i];
        le_free(&f->le);
        free(f->ref_text);
        free(f->clean);
        free(f->entered);
        free(f->err);
        free(f->getbuf);
    }
    free(fv->f);
    free(fv);
}

/* ---- values ---- */

void fv_set(formview *fv, int field, const char *utf8)
{
    if (!valid_field(fv, field))
        return;
    struct fv_fstate *f = &fv->f[field];
    const char *s = utf8 ? utf8 : "";
    switch (f->def.type) {
    case FV_CHOICE:
        for (int k = 0; k < f->def.nchoices; k++)
            if (strcmp(f->def.choices[k], s) == 0)
                f->choice = k;
        break;
    case FV_BOOL:
        f->bval = strcmp(s, "是") == 0;
        break;
    case FV_REF:
        set_str(&f->ref_text, s);
        break;
    default:
        le_set(&f->le, s);
        break;
    }
    after_set(fv, field);
}

const char *fv_get(formview *fv, int field)
{
    if (!valid_field(fv, field))
        return "";
    struct fv_fstate *f = &fv->f[field];
    switch (f->def.type) {
    case FV_CHOICE:
        if (f->choice >= 0 && f->choice < f->def.nchoices)
            return f->def.choices[f->choice];
        return "";
    case FV_BOOL:
        return f->bval ? "是" : "否";
    case FV_REF:
        return f->ref_text ? f->ref_text : "";
    default:
        if (!f->getbuf_ok) {
            free(f->getbuf);
            f->getbuf = le_get(&f->le);
            f->getbuf_ok = f->getbuf != NULL;
        }
        return f->getbuf ? f->getbuf : "";
    }
}

void fv_set_choice(formview *fv, int field, int index)
{
    if (!valid_field(fv, field) || fv->f[field].def.type != FV_CHOICE)
        return;
    if (index < 0 || index >= fv->f[field].def.nchoices)
        index = 0;
    fv->f[field].choice = index;
    after_set(fv, field);
}

int fv_choice(const formview *fv, int field)
{
    return valid_field(fv, field) ? fv->f[field].choice : -1;
}

void fv_set_ref(formview *fv, int field, int64_t id, const char *text)
{
    if (!valid_field(fv, field))
        return;
    fv->f[field].ref_id = id;
    set_str(&fv->f[field].ref_text, text ? text : "");
    after_set(fv, field);
}

int64_t fv_ref(const formview *fv, int field)
{
    return valid_field(fv, field) ? fv->f[field].ref_id : 0;
}

void fv_set_bool(formview *fv, int field, bool v)
{
    if (!valid_field(fv, field))
        return;
    fv->f[field].bval = v;
    after_set(fv, field);
}

bool fv_bool(const formview *fv, int field)
{
    return valid_field(fv, field) && fv->f[field].bval;
}

bool fv_dirty(const formview *fv)
{
    for (int i = 0; i < fv->n; i++)
        if (!same_value(fv, i, fv->f[i].clean))
            return true;
    return false;
}

void fv_mark_clean(formview *fv)
{
    for (int i = 0; i < fv->n; i++) {
        free(fv->f[i].clean);
        fv->f[i].clean = value_dup(fv, i);
    }
    fv->cleaned_once = true;
    if (fv->focus >= 0)
        snapshot_entered(fv, fv->focus);
}

void fv_set_error(formview *fv, int field, const char *msg)
{
    if (valid_field(fv, field))
        set_str(&fv->f[field].err, msg && *msg ? msg : NULL);
}

const char *fv_error(const formview *fv, int field)
{
    return valid_field(fv, field) ? fv->f[field].err : NULL;
}

void fv_error_at(formview *fv, int field, const char *msg)
{
    if (!valid_field(fv, field))
        return;
    fv_set_error(fv, field, msg);
    fv_set_focus(fv, field);
}

const char *fv_label(const formview *fv, int field)
{
    return valid_field(fv, field) && fv->f[field].def.label
           ? fv->f[field].def.label : "";
}

int fv_field_named(const char *const *names, int n, const char *name)
{
    for (int i = 0; name && i < n; i++)
        if (names[i] && strcmp(names[i], name) == 0)
            return i;
    return -1;
}

/* ---- validation ---- */

static bool blank_text(const char *s)
{
    for (; *s; s++)
        if (*s != ' ' && *s != '\t' && *s != '\n')
            return false;
    return true;
}

static bool field_empty(formview *fv, int i)
{
    const struct fv_fstate *f = &fv->f[i];
    switch (f->def.type) {
    case FV_CHOICE:
        return fv_get(fv, i)[0] == '\0';
    case FV_REF:
        return f->ref_id == 0 && blank_text(fv_get(fv, i));
    case FV_BOOL:
        return false;
    default:
        return blank_text(fv_get(fv, i));
    }
}

static bool integer_text(const char *s)
{
    if (*s == '-')
        s++;
    if (!*s)
        return false;
    for (; *s; s++)
        if (*s < '0' || *s > '9')
            return false;
    return true;
}

/* Built-in checks, then the screen's. Sets or clears the error;
 * normalizes a lenient date. Returns true if the field is fine. */
static bool check_field(formview *fv, int i)
{
    struct fv_fstate *f = &fv->f[i];
    char msg[256] = "";
    if (f->hidden || f->def.type == FV_READONLY) {
        set_str(&f->err, NULL);
        return true;
    }
    bool empty = field_empty(fv, i);
    if (empty && f->def.required) {
        snprintf(msg, sizeof msg, "必填");
    } else if (!empty) {
        const char *v = fv_get(fv, i);
        switch (f->def.type) {
        case FV_DATE: {
            char norm[11];
            if (rules_date_normalize(v, norm)) {
                if (strcmp(norm, v) != 0) {
                    le_set(&f->le, norm);
                    f->getbuf_ok = false;
                }
            } else {
                snprintf(msg, sizeof msg,
                         "日期格式应为 YYYY-MM-DD，如 2021-07-01");
            }
            break;
        }
        case FV_PHONE:
            if (!rules_phone_valid(v))
                snprintf(msg, sizeof msg,
                         "电话号码格式不对：手机 11 位，座机如 010-12345678");
            break;
        case FV_IDNUM: {
            char today[11];
            enum idnum_result r =
                rules_idnum_check(v, rules_today(today), NULL);
            if (r != IDNUM_OK)
                rules_idnum_message(r, v, msg, sizeof msg);
            if (r != IDNUM_OK && !msg[0])
                snprintf(msg, sizeof msg, "公民身份号码不正确");
            break;
        }
        case FV_NUMBER:
            if (!integer_text(v))
                snprintf(msg, sizeof msg, "应为整数");
            break;
        default:
            break;
        }
    }
    if (!msg[0] && fv->ops && fv->ops->validate) {
        char own[256] = "";
        const char *m = fv->ops->validate(fv->ctx, fv, i, own, sizeof own);
        if (m && *m)
            snprintf(msg, sizeof msg, "%s", m);
    }
    set_str(&f->err, msg[0] ? msg : NULL);
    return msg[0] == '\0';
}

/* Focus leaves field i: validate it if it changed, then tell the
 * screen about a valid change. */
static void leave_field(formview *fv, int i)
{
    if (!valid_field(fv, i))
        return;
    struct fv_fstate *f = &fv->f[i];
    bool changed = !same_value(fv, i, f->entered);
    if (changed || f->edited) {
        bool ok = check_field(fv, i);
        if (ok && !same_value(fv, i, f->entered) && fv->ops &&
            fv->ops->changed)
            fv->ops->changed(fv->ctx, fv, i);
    }
    free(f->entered);
    f->entered = NULL;
    f->edited = false;
}

static void enter_field(formview *fv, int i)
{
    fv->focus = i;
    if (valid_field(fv, i))
        snapshot_entered(fv, i);
}

/* A choice, bool or reference changed in place: it counts at once
 * (e.g. a yes/no that shows another field), not when focus leaves. */
static void commit_in_place(formview *fv, int i)
{
    touched(fv, i);
    fv->f[i].edited = true;
    leave_field(fv, i);
    if (fv->focus == i)
        snapshot_entered(fv, i);
}

int fv_validate_all(formview *fv)
{
    int cur = fv->focus;
    if (valid_field(fv, cur)) {
        leave_field(fv, cur);
        if (fv->focus == cur)
            snapshot_entered(fv, cur);
    }
    int first = -1;
    for (int i = 0; i < fv->n; i++)
        if (!check_field(fv, i) && first < 0)
            first = i;
    if (first >= 0 && first != fv->focus)
        enter_field(fv, first);
    return first;
}

int fv_focus(const formview *fv)
{
    return fv->focus;
}

void fv_set_focus(formview *fv, int field)
{
    if (!valid_field(fv, field) || field == fv->focus)
        return;
    leave_field(fv, fv->focus);
    enter_field(fv, field);
}

void fv_set_hidden(formview *fv, int field, bool hidden)
{
    if (!valid_field(fv, field))
        return;
    fv->f[field].hidden = hidden;
    if (hidden) {
        set_str(&fv->f[field].err, NULL);
        if (field == fv->focus) {
            int j = next_focusable(fv, field, 1, true);
            if (j >= 0)
                enter_field(fv, j);
        }
    }
}

/* ---- keys ---- */

static void status(formview *fv, const char *msg)
{
    if (fv->app)
        tui_app_status(fv->app, "%s", msg);
}

static int move_focus(formview *fv, int dir, bool wrap)
{
    int j = next_focusable(fv, fv->focus, dir, wrap);
    if (j < 0)
        return TUI_HANDLED;
    int from = fv->focus;
    leave_field(fv, from);
    /* changed() may have hidden the target. */
    if (fv->f[j].hidden)
        j = next_focusable(fv, from, dir, true);
    enter_field(fv, j >= 0 ? j : from);
    return TUI_HANDLED | TUI_REDRAW;
}

static bool is_digit(uint32_t c)
{
    return c >= '0' && c <= '9';
}

/* Per-type character filter; may rewrite *c. NULL if allowed, else the
 * status message. */
static const char *refuse_char(const struct fv_fstate *f, uint32_t *c)
{
    switch (f->def.type) {
    case FV_IDNUM:
        if (*c == 'x')
            *c = 'X';
        return is_digit(*c) || *c == 'X' ? NULL
               : "此字段只能输入数字和 X";
    case FV_PHONE:
        return is_digit(*c) || *c == ' ' || *c == '-' || *c == '+' ||
               *c == '(' || *c == ')' || *c == 0x8F6C /* 转 */ ? NULL
               : "此字段只能输入数字、空格和 - + ( ) 转";
    case FV_NUMBER:
        if (is_digit(*c))
            return NULL;
        if (*c == '-' && f->le.cursor == 0 &&
            !(f->le.len > 0 && f->le.buf[0] == '-'))
            return NULL;
        return "此字段只能输入数字（负号只能在最前面）";
    case FV_DATE:
        return is_digit(*c) || *c == '-' || *c == '/' || *c == '.' ||
               *c == 0x5E74 || *c == 0x6708 || *c == 0x65E5 /* 年月日 */
               ? NULL : "此字段只能输入数字和 - / . 年 月 日";
    default:
        return NULL;
    }
}

static const struct { int key; enum le_op op; } edit_keys[] = {
    { TUI_FN(KEY_LEFT), LE_LEFT }, { TUI_FN(KEY_RIGHT), LE_RIGHT },
    { TUI_FN(KEY_HOME), LE_HOME }, { TUI_FN(KEY_END), LE_END },
    { TUI_CTRL('a'), LE_HOME }, { TUI_CTRL('e'), LE_END },
    { TUI_FN(KEY_BACKSPACE), LE_BACKSPACE }, { 127, LE_BACKSPACE },
    { TUI_CTRL('h'), LE_BACKSPACE },
    { TUI_FN(KEY_DC), LE_DELETE }, { TUI_CTRL('d'), LE_DELETE },
    { TUI_CTRL('k'), LE_KILL_TO_END }, { TUI_CTRL('u'), LE_KILL_TO_START },
    { TUI_CTRL('w'), LE_KILL_WORD_BACK },
};

static bool text_key(int key)
{
    return key >= 0 && key < TUI_KEY_FN && tui_key_is_text(key);
}

static int text_field_key(formview *fv, int i, int key)
{
    struct fv_fstate *f = &fv->f[i];
    const int done = TUI_HANDLED | TUI_REDRAW;
    bool multi = f->def.type == FV_MULTILINE;

    if (key == TUI_KEY_ENTER) {
        if (!multi)
            return move_focus(fv, 1, true);
        key = '\n';
    } else {
        for (size_t k = 0; k < sizeof edit_keys / sizeof edit_keys[0]; k++) {
            if (edit_keys[k].key != key)
                continue;
            if (f->def.type == FV_READONLY)
                return done;
            size_t len = f->le.len;
            le_apply(&f->le, edit_keys[k].op, f->ew);
            if (len != f->le.len) {
                touched(fv, i);
                f->edited = true;
            }
            return done;
        }
        if (!text_key(key))
            return TUI_UNHANDLED;
    }
    if (f->def.type == FV_READONLY)
        return done;
    uint32_t c = (uint32_t)key;
    const char *why = c == '\n' ? NULL : refuse_char(f, &c);
    if (why) {
        status(fv, why);
        return done;
    }
    if (le_insert(&f->le, c)) {
        touched(fv, i);
        f->edited = true;
    } else if (f->le.len >= max_chars(&f->def)) {
        char m[64];
        snprintf(m, sizeof m, "此字段最多 %zu 个字", max_chars(&f->def));
        status(fv, m);
    }
    return done;
}

static int choice_key(formview *fv, int i, int key)
{
    struct fv_fstate *f = &fv->f[i];
    int n = f->def.nchoices;
    const int done = TUI_HANDLED | TUI_REDRAW;
    if (n <= 0)
        return key == TUI_KEY_ENTER ? move_focus(fv, 1, true)
               : text_key(key) ? done : TUI_UNHANDLED;
    int step = 0;
    if (key == TUI_FN(KEY_LEFT))
        step = -1;
    else if (key == TUI_FN(KEY_RIGHT) || key == ' ')
        step = 1;
    if (step) {
        f->choice = ((f->choice + step) % n + n) % n;
        commit_in_place(fv, i);
        return done;
    }
    if (key == TUI_KEY_ENTER || text_key(key)) {
        if (n <= 2)
            return key == TUI_KEY_ENTER ? move_focus(fv, 1, true) : done;
        if (!fv->app)
            return done;
        /* A typed character becomes the picker's first filter key. */
        if (key != TUI_KEY_ENTER)
            unget_wch((wchar_t)key);
        int k = tui_pick(fv->app, f->def.label, f->def.choices, n,
                         f->choice);
        if (k >= 0 && k != f->choice) {
            f->choice = k;
            commit_in_place(fv, i);
        }
        return done;
    }
    return TUI_UNHANDLED;
}

static int bool_key(formview *fv, int i, int key)
{
    const int done = TUI_HANDLED | TUI_REDRAW;
    if (key == ' ' || key == TUI_FN(KEY_LEFT) || key == TUI_FN(KEY_RIGHT)) {
        fv->f[i].bval = !fv->f[i].bval;
        commit_in_place(fv, i);
        return done;
    }
    if (key == TUI_KEY_ENTER)
        return move_focus(fv, 1, true);
    return text_key(key) ? done : TUI_UNHANDLED;
}

static int ref_key(formview *fv, int i, int key)
{
    struct fv_fstate *f = &fv->f[i];
    const int done = TUI_HANDLED | TUI_REDRAW;
    if (key == TUI_KEY_ENTER || text_key(key)) {
        /* edited: the picker's fv_set_ref must not become the entry
         * value, or leaving the field would not see a change */
        bool was = f->edited;
        f->edited = true;
        if (fv->ops && fv->ops->pick && fv->ops->pick(fv->ctx, fv, i))
            commit_in_place(fv, i);
        else
            f->edited = was;
        return done;
    }
    if (key == TUI_FN(KEY_BACKSPACE) || key == TUI_FN(KEY_DC)) {
        if (f->ref_id != 0 || (f->ref_text && *f->ref_text)) {
            f->ref_id = 0;
            set_str(&f->ref_text, "");
            commit_in_place(fv, i);
        }
        return done;
    }
    return TUI_UNHANDLED;
}

int fv_key(formview *fv, int key)
{
    if (!valid_field(fv, fv->focus))
        return TUI_UNHANDLED;
    int i = fv->focus;
    struct fv_fstate *f = &fv->f[i];

    if (key == TUI_KEY_TAB)
        return move_focus(fv, 1, true);
    if (key == TUI_FN(KEY_BTAB))
        return move_focus(fv, -1, true);
    if (key == TUI_FN(KEY_DOWN) || key == TUI_FN(KEY_UP)) {
        bool down = key == TUI_FN(KEY_DOWN);
        if (f->def.type == FV_MULTILINE &&
            le_apply(&f->le, down ? LE_DOWN : LE_UP, f->ew))
            return TUI_HANDLED | TUI_REDRAW;
        return move_focus(fv, down ? 1 : -1, false);
    }
    switch (f->def.type) {
    case FV_CHOICE:
        return choice_key(fv, i, key);
    case FV_BOOL:
        return bool_key(fv, i, key);
    case FV_REF:
        return ref_key(fv, i, key);
    default:
        return text_field_key(fv, i, key);
    }
}

/* ---- layout and drawing ---- */

static int label_width(const formview *fv)
{
    int lw = 0;
    for (int i = 0; i < fv->n; i++) {
        const struct fv_field *d = &fv->f[i].def;
        int w = text_width(d->label ? d->label : "") + 2 +
                (d->required ? 1 : 0);
        if (w > lw)
            lw = w;
    }
    return lw;
}

static int auto_width(const struct fv_fstate *f)
{
    const struct fv_field *d = &f->def;
    int maxc = (int)(max_chars(d) > 1000 ? 1000 : max_chars(d));
    switch (d->type) {
    case FV_DATE:
        return FV_DATE_WIDTH;
    case FV_NUMBER:
    case FV_PHONE:
    case FV_IDNUM:
        return maxc + 1;
    case FV_CHOICE: {
        int w = 4;
        for (int k = 0; k < d->nchoices; k++) {
            int cw = text_width(d->choices[k]) + 2;
            if (cw > w)
                w = cw;
        }
        return w;
    }
    case FV_REF:
        return FV_REF_WIDTH;
    case FV_BOOL:
        return 4;
    default:
        return maxc * 2 + 1;
    }
}

struct fv_slot {
    int top, rows;     /* form rows: first and count (0 when hidden) */
    int ew;            /* editor width */
    bool err_below;
};

static void layout(formview *fv, struct fv_slot *s, int lw, int wd,
                   int *total)
{
    int avail = wd - lw - 1;
    if (avail < 1)
        avail = 1;
    int y = 0;
    for (int i = 0; i < fv->n; i++) {
        struct fv_fstate *f = &fv->f[i];
        s[i].top = y;
        s[i].rows = 0;
        s[i].err_below = false;
        int ew = f->def.width > 0 ? f->def.width : auto_width(f);
        if (ew > avail)
            ew = avail;
        s[i].ew = ew;
        if (f->hidden)
            continue;
        f->ew = ew;
        s[i].rows = field_height(&f->def);
        if (f->err && wd - (lw + 1 + ew + 1) < FV_ERR_MIN_ROOM) {
            s[i].err_below = true;
            s[i].rows++;
        }
        y += s[i].rows;
    }
    *total = y;
}

static void draw_label(formview *fv, int i, WINDOW *w, int y, int x,
                       int lw)
{
    const struct fv_field *d = &fv->f[i].def;
    char buf[256];
    snprintf(buf, sizeof buf, "%s%s：", d->required ? "*" : "",
             d->label ? d->label : "");
    tui_put(w, y, x, buf, lw, TEXT_RIGHT, tui_style(STYLE_NORMAL));
}

/* Draws one editor row of field i; sets the cursor when focused. */
static void draw_single(formview *fv, int i, WINDOW *w, int y, int x0,
                        int ew)
{
    struct fv_fstate *f = &fv->f[i];
    bool focused = i == fv->focus;
    bool ro = f->def.type == FV_READONLY;
    attr_t a = ro ? tui_style(STYLE_NORMAL)
               : tui_style(focused ? STYLE_FIELD_FOCUS : STYLE_FIELD);
    const char *v = fv_get(fv, i);

    if (!*v && f->def.placeholder && !ro) {
        tui_put(w, y, x0, f->def.placeholder, ew, TEXT_LEFT, a | A_DIM);
        if (focused) {
            fv->cur_y = y;
            fv->cur_x = x0;
        }
        return;
    }
    if (!focused || !is_text_type(f->def.type) || ro) {
        tui_put(w, y, x0, v, ew, TEXT_LEFT, a);
        if (focused && !ro) {
            fv->cur_y = y;
            fv->cur_x = x0;
        }
        return;
    }
    size_t max = (size_t)ew * 2 + 2;
    uint32_t *buf = calloc(max, sizeof *buf);
    if (!buf)
        return;
    int ccol = 0;
    size_t n = le_view(&f->le, ew, buf, max, &ccol);
    tui_put32(w, y, x0, buf, n, a);
    free(buf);
    fv->cur_y = y;
    fv->cur_x = x0 + ccol;
}

/* Draws the visible rows [from, to) of a multi-line editor at y0. */
static void draw_multi(formview *fv, int i, WINDOW *w, int y0, int x0,
                       int ew, int hgt, int from, int to)
{
    struct fv_fstate *f = &fv->f[i];
    bool focused = i == fv->focus;
    attr_t a = tui_style(focused ? STYLE_FIELD_FOCUS : STYLE_FIELD);
    size_t max = (size_t)ew * 2 + 2;
    uint32_t **rows = calloc((size_t)hgt, sizeof *rows);
    uint32_t *cells = calloc((size_t)hgt * max, sizeof *cells);
    if (!rows || !cells) {
        free(rows);
        free(cells);
        return;
    }
    for (int r = 0; r < hgt; r++)
        rows[r] = cells + (size_t)r * max;
    int cr = 0, cc = 0;
    le_view_rows(&f->le, ew, hgt, rows, max, &cr, &cc);
    bool empty = f->le.len == 0 && f->def.placeholder;
    for (int r = from; r < to; r++) {
        if (empty && r == 0) {
            tui_put(w, y0 + r, x0, f->def.placeholder, ew, TEXT_LEFT,
                    a | A_DIM);
            continue;
        }
        size_t n = 0;
        while (n < max && rows[r][n] != 0)
            n++;
        tui_blank(w, y0 + r, x0, ew, a);
        tui_put32(w, y0 + r, x0, rows[r], n, a);
    }
    if (focused && cr >= from && cr < to) {
        fv->cur_y = y0 + cr;
        fv->cur_x = x0 + cc;
    }
    free(rows);
    free(cells);
}

void fv_draw(formview *fv, WINDOW *w, int y, int x, int h, int wd)
{
    attr_t normal = tui_style(STYLE_NORMAL);
    fv->cur_y = -1;
    fv->cur_x = 0;
    if (h <= 0 || wd <= 0)
        return;
    for (int r = 0; r < h; r++)
        tui_blank(w, y + r, x, wd, normal);
    if (fv->n == 0)
        return;

    int lw = label_width(fv);
    if (lw > wd / 2)
        lw = wd / 2;
    struct fv_slot *s = calloc((size_t)fv->n, sizeof *s);
    if (!s)
        return;
    int total = 0;
    layout(fv, s, lw, wd, &total);

    /* Keep the focused field in view. */
    if (total <= h) {
        fv->scroll = 0;
    } else {
        if (fv->scroll > total - h)
            fv->scroll = total - h;
        if (fv->scroll < 0)
            fv->scroll = 0;
        if (valid_field(fv, fv->focus)) {
            const struct fv_slot *fs = &s[fv->focus];
            if (fs->top + fs->rows > fv->scroll + h)
                fv->scroll = fs->top + fs->rows - h;
            if (fs->top < fv->scroll || fs->rows > h)
                fv->scroll = fs->top;
        }
    }

    int x0 = x + lw + 1;
    for (int i = 0; i < fv->n; i++) {
        struct fv_fstate *f = &fv->f[i];
        if (!s[i].rows)
            continue;
        int fy = y + s[i].top - fv->scroll;   /* may be above y */
        int fh = field_height(&f->def);
        int ew = s[i].ew;
        if (fy >= y + h || fy + s[i].rows <= y)
            continue;
        if (fy >= y)
            draw_label(fv, i, w, fy, x, lw);
        if (f->def.type == FV_MULTILINE) {
            int from = fy < y ? y - fy : 0;
            int to = fy + fh > y + h ? y + h - fy : fh;
            if (from < to)
                draw_multi(fv, i, w, fy, x0, ew, fh, from, to);
        } else if (fy >= y) {
            draw_single(fv, i, w, fy, x0, ew);
        }
        if (!f->err)
            continue;
        int ey = s[i].err_below ? fy + fh : fy;
        int ex = s[i].err_below ? x0 : x0 + ew + 1;
        int room = x + wd - ex;
        if (ey < y || ey >= y + h || room <= 0)
            continue;
        int mw = text_width(f->err);
        tui_put(w, ey, ex, f->err, mw < room ? mw : room, TEXT_LEFT,
                tui_style(STYLE_ERROR));
    }
    free(s);
}

void fv_cursor_pos(const formview *fv, int *y, int *x)
{
    *y = fv->cur_y;
    *x = fv->cur_x;
}
