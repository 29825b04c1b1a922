#include "tui/listview.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lineedit.h"
#include "tui/app.h"
#include "tui/draw.h"
#include "tui/key.h"

#define LV_FILTER_LABEL "筛选："
#define LV_FILTER_MAX 80
/* Body height assumed before the first draw tells us the real one. */
#define LV_DEFAULT_PAGE 20

struct lv_row {
    int64_t id;
    int mark;
    char **cells;
};

struct lv_rowset {
    int ncols;
    int n, cap;
    struct lv_row *rows;
};

struct listview {
    const struct lv_column *cols;
    int ncols;
    const struct lv_source *src;
    void *ctx;

    long count;
    long cursor;
    long top;             /* first row in view */
    int page;             /* rows in view (from the last draw) */

    struct lv_rowset cache;
    long cache_off;       /* cache holds rows [cache_off, cache_off+n) */

    char *filter;         /* applied filter, never NULL */
    lineedit fle;         /* the filter line while editing */
    bool filtering;

    bool failed;          /* last query failed: the list shows errmsg */
    char errmsg[512];

    int *widths;          /* scratch for drawing: widths, mins, picks */
    int *mins;
    bool *picks;
    int fcur_y, fcur_x;   /* terminal cursor on the filter line */
};

/* ---- rowsets ---- */

static void rowset_clear(struct lv_rowset *rs)
{
    for (int i = 0; i < rs->n; i++) {
        for (int c = 0; c < rs->ncols; c++)
            free(rs->rows[i].cells[c]);
        free(rs->rows[i].cells);
    }
    rs->n = 0;
}

static void rowset_free(struct lv_rowset *rs)
{
    rowset_clear(rs);
    free(rs->rows);
    rs->rows = NULL;
    rs->cap = 0;
}

int lv_rowset_add(struct lv_rowset *rs, int64_t id, int mark,
                  const char *const *cells)
{
    if (rs->n == rs->cap) {
        int cap = rs->cap ? rs->cap * 2 : 64;
        struct lv_row *r = realloc(rs->rows, (size_t)cap * sizeof *r);
        if (!r)
            return -1;
        rs->rows = r;
        rs->cap = cap;
    }
    struct lv_row *row = &rs->rows[rs->n];
    row->cells = calloc((size_t)(rs->ncols ? rs->ncols : 1),
                        sizeof *row->cells);
    if (!row->cells)
        return -1;
    for (int c = 0; c < rs->ncols; c++) {
        const char *s = cells && cells[c] ? cells[c] : "";
        row->cells[c] = strdup(s);
        if (!row->cells[c]) {
            for (int k = 0; k < c; k++)
                free(row->cells[k]);
            free(row->cells);
            return -1;
        }
    }
    row->id = id;
    row->mark = mark;
    rs->n++;
    return 0;
}

/* ---- life cycle ---- */

listview *lv_new(const struct lv_column *cols, int ncols,
                 const struct lv_source *src, void *ctx)
{
    listview *lv = calloc(1, sizeof *lv);
    if (!lv)
        return NULL;
    lv->cols = cols;
    lv->ncols = ncols;
    lv->src = src;
    lv->ctx = ctx;
    lv->page = LV_DEFAULT_PAGE;
    lv->cache.ncols = ncols;
    lv->filter = strdup("");
    size_t nc = (size_t)(ncols > 0 ? ncols : 1);
    lv->widths = calloc(nc, sizeof *lv->widths);
    lv->mins = calloc(nc, sizeof *lv->mins);
    lv->picks = calloc(nc, sizeof *lv->picks);
    lv->fcur_y = lv->fcur_x = -1;
    le_init(&lv->fle, false, LV_FILTER_MAX);
    if (!lv->filter || !lv->widths || !lv->mins || !lv->picks) {
        lv_free(lv);
        return NULL;
    }
    return lv;
}

void lv_free(listview *lv)
{
    if (!lv)
        return;
    rowset_free(&lv->cache);
    free(lv->filter);
    free(lv->widths);
    free(lv->mins);
    free(lv->picks);
    le_free(&lv->fle);
    free(lv);
}

/* ---- the window of fetched rows ---- */

static const struct lv_row *row_at(const listview *lv, long pos)
{
    if (pos < lv->cache_off || pos >= lv->cache_off + lv->cache.n)
        return NULL;
    return &lv->cache.rows[pos - lv->cache_off];
}

static void set_failed(listview *lv, const char *msg)
{
    lv->failed = true;
    snprintf(lv->errmsg, sizeof lv->errmsg, "%s",
             msg && *msg ? msg : "读取列表失败");
}

/* Makes the cache cover rows [from, to) (clamped to count), fetching a
 * window of about two pages around them when it does not. */
static int ensure_rows(listview *lv, long from, long to, zb_err *err)
{
    if (to > lv->count)
        to = lv->count;
    if (from < 0)
        from = 0;
    if (from >= to)
        return 0;
    if (from >= lv->cache_off && to <= lv->cache_off + lv->cache.n)
        return 0;

    int page = lv->page > 0 ? lv->page : 1;
    long off = from - page / 2;
    if (off < 0)
        off = 0;
    long limit = (long)page * 2;
    if (limit < to - off)
        limit = to - off;
    if (off + limit > lv->count)
        limit = lv->count - off;

    struct lv_rowset rs = { .ncols = lv->ncols };
    zb_err e = { .msg = "" };
    if (lv->src->fetch(lv->ctx, lv->filter, off, (int)limit, &rs, &e) < 0) {
        rowset_free(&rs);
        set_failed(lv, e.msg);
        if (err)
            *err = e;
        return -1;
    }
    rowset_free(&lv->cache);
    lv->cache = rs;
    lv->cache_off = off;
    return 0;
}

static long max_top(const listview *lv)
{
    long m = lv->count - lv->page;
    return m > 0 ? m : 0;
}

/* Clamps the cursor, scrolls it into view, fetches what is in view. */
static int settle(listview *lv, zb_err *err)
{
    if (lv->count <= 0) {
        lv->count = 0;
        lv->cursor = lv->top = 0;
        return 0;
    }
    if (lv->cursor >= lv->count)
        lv->cursor = lv->count - 1;
    if (lv->cursor < 0)
        lv->cursor = 0;
    if (lv->cursor < lv->top)
        lv->top = lv->cursor;
    if (lv->cursor >= lv->top + lv->page)
        lv->top = lv->cursor - lv->page + 1;
    if (lv->top > max_top(lv))
        lv->top = max_top(lv);
    if (lv->top < 0)
        lv->top = 0;
    return ensure_rows(lv, lv->top, lv->top + lv->page, err);
}

/* Count and window under the current filter; pos_id (if not 0) is a
 * record to keep the cursor on. */
static int query(listview *lv, int64_t keep_id, zb_err *err)
{
    zb_err e = { .msg = "" };
    rowset_clear(&lv->cache);
    lv->cache_off = 0;
    lv->failed = false;
    lv->errmsg[0] = '\0';

    long n = 0;
    if (lv->src->count(lv->ctx, lv->filter, &n, &e) < 0) {
        lv->count = 0;
        lv->cursor = lv->top = 0;
        set_failed(lv, e.msg);
        if (err)
            *err = e;
        return -1;
    }
    lv->count = n > 0 ? n : 0;
    if (keep_id != 0 && lv->src->locate) {
        long pos = -1;
        if (lv->src->locate(lv->ctx, lv->filter, keep_id, &pos, &e) < 0) {
            set_failed(lv, e.msg);
            lv->count = 0;
            settle(lv, NULL);
            if (err)
                *err = e;
            return -1;
        }
        if (pos >= 0 && pos < lv->count) {
            /* Keep the record at the same screen row if possible. */
            long rel = lv->cursor - lv->top;
            lv->cursor = pos;
            lv->top = pos - rel;
        }
    }
    return settle(lv, err);
}

int lv_reload(listview *lv, zb_err *err)
{
    return query(lv, lv_selected_id(lv), err);
}

/* ---- filter ---- */

static void apply_filter_text(listview *lv, const char *text, bool keep)
{
    char *f = strdup(text ? text : "");
    if (!f)
        return;
    int64_t id = keep ? lv_selected_id(lv) : 0;
    free(lv->filter);
    lv->filter = f;
    if (!keep)
        lv->cursor = lv->top = 0;
    query(lv, id, NULL);
}

static void filter_from_editor(listview *lv)
{
    char *t = le_get(&lv->fle);
    if (!t)
        return;
    if (strcmp(t, lv->filter) != 0)
        apply_filter_text(lv, t, false);
    free(t);
}

void lv_filter_start(listview *lv)
{
    lv->filtering = true;
    le_set(&lv->fle, lv->filter);
}

bool lv_filtering(const listview *lv)
{
    return lv->filtering;
}

const char *lv_filter(const listview *lv)
{
    return lv->filter;
}

void lv_set_filter(listview *lv, const char *filter)
{
    le_set(&lv->fle, filter ? filter : "");
    apply_filter_text(lv, filter, false);
}

/* ---- keys ---- */

static int move_to(listview *lv, long pos)
{
    if (lv->count == 0)
        return TUI_HANDLED;
    lv->cursor = pos;
    settle(lv, NULL);
    return TUI_HANDLED | TUI_REDRAW;
}

static int move_key(listview *lv, int key, bool letters)
{
    int page = lv->page > 1 ? lv->page - 1 : 1;
    if (key == TUI_FN(KEY_UP) || (letters && key == 'k'))
        return move_to(lv, lv->cursor - 1);
    if (key == TUI_FN(KEY_DOWN) || (letters && key == 'j'))
        return move_to(lv, lv->cursor + 1);
    if (key == TUI_FN(KEY_PPAGE)) {
        lv->top -= page;
        return move_to(lv, lv->cursor - page);
    }
    if (key == TUI_FN(KEY_NPAGE)) {
        lv->top += page;
        if (lv->top > max_top(lv))
            lv->top = max_top(lv);
        return move_to(lv, lv->cursor + page);
    }
    if (key == TUI_FN(KEY_HOME) || (letters && key == 'g'))
        return move_to(lv, 0);
    if (key == TUI_FN(KEY_END) || (letters && key == 'G'))
        return move_to(lv, lv->count - 1);
    return TUI_UNHANDLED;
}

static int filter_key(listview *lv, int key)
{
    const int done = TUI_HANDLED | TUI_REDRAW;
    if (key == TUI_KEY_ENTER) {
        lv->filtering = false;
        return done;
    }
    if (key == TUI_KEY_ESC) {
        lv->filtering = false;
        le_clear(&lv->fle);
        if (lv->filter[0])
            apply_filter_text(lv, "", true);
        return done;
    }
    /* The list still moves under the filter line. */
    if (key == TUI_FN(KEY_UP) || key == TUI_FN(KEY_DOWN) ||
        key == TUI_FN(KEY_PPAGE) || key == TUI_FN(KEY_NPAGE))
        return move_key(lv, key, false);

    static const struct { int key; enum le_op op; } ops[] = {
        { TUI_FN(KEY_LEFT), LE_LEFT }, { TUI_FN(KEY_RIGHT), LE_RIGHT },
        { TUI_FN(KEY_HOME), LE_HOME }, { TUI_FN(KEY_END), LE_END },
        { TUI_CTRL('a'), LE_HOME }, { TUI_CTRL('e'), LE_END },
        { TUI_FN(KEY_BACKSPACE), LE_BACKSPACE }, { 127, LE_BACKSPACE },
        { TUI_CTRL('h'), LE_BACKSPACE },
        { TUI_FN(KEY_DC), LE_DELETE }, { TUI_CTRL('d'), LE_DELETE },
        { TUI_CTRL('k'), LE_KILL_TO_END }, { TUI_CTRL('u'), LE_KILL_TO_START },
        { TUI_CTRL('w'), LE_KILL_WORD_BACK },
    };
    for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++) {
        if (ops[i].key == key) {
            le_apply(&lv->fle, ops[i].op, 0);
            filter_from_editor(lv);
            return done;
        }
    }
    if (key >= 0 && key < TUI_KEY_FN && tui_key_is_text(key)) {
        if (le_insert(&lv->fle, (uint32_t)key))
            filter_from_editor(lv);
        return done;
    }
    return TUI_UNHANDLED;
}

int lv_key(listview *lv, int key)
{
    if (lv->filtering)
        return filter_key(lv, key);
    return move_key(lv, key, true);
}

/* ---- queries ---- */

int64_t lv_selected_id(const listview *lv)
{
    const struct lv_row *r = lv->count ? row_at(lv, lv->cursor) : NULL;
    return r ? r->id : 0;
}

long lv_cursor(const listview *lv)
{
    return lv->cursor;
}

long lv_count(const listview *lv)
{
    return lv->count;
}

void lv_set_cursor(listview *lv, long pos)
{
    if (lv->count == 0)
        return;
    lv->cursor = pos;
    settle(lv, NULL);
}

bool lv_select_id(listview *lv, int64_t id)
{
    long pos = -1;
    zb_err e;
    if (!id || !lv->src->locate ||
        lv->src->locate(lv->ctx, lv->filter, id, &pos, &e) != 0 || pos < 0)
        return false;
    lv_set_cursor(lv, pos);
    return true;
}

const char *lv_selected_cell(const listview *lv, int col)
{
    const struct lv_row *r = lv->count ? row_at(lv, lv->cursor) : NULL;
    if (!r || col < 0 || col >= lv->ncols)
        return NULL;
    return r->cells[col];
}

void lv_position_text(const listview *lv, char *out, size_t outsz)
{
    if (!outsz)
        return;
    if (lv->count == 0)
        snprintf(out, outsz, "共 0 条");
    else
        snprintf(out, outsz, "第 %ld/%ld 条", lv->cursor + 1, lv->count);
}

void lv_cursor_pos(const listview *lv, int *y, int *x)
{
    if (lv->filtering && lv->fcur_y >= 0) {
        *y = lv->fcur_y;
        *x = lv->fcur_x;
    } else {
        *y = -1;
        *x = 0;
    }
}

/* ---- drawing ---- */

/* Takes up to `excess` columns from the chosen columns, in proportion
 * to what each has above its min. Returns what could not be taken. */
static int shrink(int *wv, const int *minv, const bool *pick, int n,
                  int excess)
{
    int slack = 0;
    for (int i = 0; i < n; i++)
        if (pick[i])
            slack += wv[i] - minv[i];
    if (slack <= 0 || excess <= 0)
        return excess;
    if (slack <= excess) {
        for (int i = 0; i < n; i++)
            if (pick[i])
                wv[i] = minv[i];
        return excess - slack;
    }
    int taken = 0;
    for (int i = 0; i < n; i++) {
        if (!pick[i])
            continue;
        int cut = (int)((long)excess * (wv[i] - minv[i]) / slack);
        wv[i] -= cut;
        taken += cut;
    }
    /* Rounding leftovers, one column at a time from the widest. */
    while (taken < excess) {
        int best = -1;
        for (int i = 0; i < n; i++)
            if (pick[i] && wv[i] > minv[i] &&
                (best < 0 || wv[i] - minv[i] > wv[best] - minv[best]))
                best = i;
        if (best < 0)
            break;
        wv[best]--;
        taken++;
    }
    return excess - taken;
}

/* Column widths for a row of wd columns; returns how many columns fit. */
static int layout_columns(listview *lv, int wd)
{
    int n = lv->ncols;
    int *wv = lv->widths;
    int *minv = lv->mins;
    bool *pick = lv->picks;

    for (int c = 0; c < n; c++) {
        const struct lv_column *col = &lv->cols[c];
        int w = text_width(col->title ? col->title : "");
        /* The whole fetched window, so widths do not jump while the
         * cursor moves inside it. */
        for (int r = 0; r < lv->cache.n; r++) {
            int cw = text_width(lv->cache.rows[r].cells[c]);
            if (cw > w)
                w = cw;
        }
        int mn = col->min > 0 ? col->min : 1;
        if (col->max > 0 && w > col->max)
            w = col->max;
        if (w < mn)
            w = mn;
        wv[c] = w;
        minv[c] = col->max > 0 && mn > col->max ? col->max : mn;
    }

    int total = n > 0 ? n - 1 : 0;
    for (int c = 0; c < n; c++)
        total += wv[c];
    int excess = total - wd;
    if (excess > 0) {
        for (int c = 0; c < n; c++)
            pick[c] = lv->cols[c].flex;
        excess = shrink(wv, minv, pick, n, excess);
    }
    if (excess > 0) {
        for (int c = 0; c < n; c++)
            pick[c] = !lv->cols[c].flex;
        excess = shrink(wv, minv, pick, n, excess);
    }
    int shown = n;
    while (excess > 0 && shown > 1) {
        shown--;
        excess -= wv[shown] + 1;
    }
    if (excess > 0 && shown == 1)
        wv[0] = wd;   /* one column, cut to the width */
    return shown;
}

static attr_t row_attr(const struct lv_row *row, bool cursor)
{
    if (cursor)
        return tui_style(STYLE_CURSOR);
    switch (row ? row->mark : LV_MARK_NONE) {
    case LV_MARK_DIM:
        return tui_style(STYLE_DIM);
    case LV_MARK_WARN:
        return tui_style(STYLE_WARN);
    case LV_MARK_GOOD:
        return tui_style(STYLE_MARK);
    default:
        return tui_style(STYLE_NORMAL);
    }
}

static void draw_filter_line(listview *lv, WINDOW *w, int y, int x, int wd)
{
    attr_t a = tui_style(STYLE_NORMAL);
    int lw = text_width(LV_FILTER_LABEL);
    if (lw > wd)
        lw = wd;
    tui_put(w, y, x, LV_FILTER_LABEL, lw, TEXT_LEFT, a);
    int ew = wd - lw;
    lv->fcur_y = -1;
    if (ew <= 0)
        return;
    uint32_t *buf = malloc(((size_t)ew + 1) * sizeof *buf);
    if (!buf)
        return;
    int ccol = 0;
    size_t n = le_view(&lv->fle, ew, buf, (size_t)ew + 1, &ccol);
    tui_put32(w, y, x + lw, buf, n, a);
    free(buf);
    lv->fcur_y = y;
    lv->fcur_x = x + lw + ccol;
}

void lv_draw(listview *lv, WINDOW *w, int y, int x, int h, int wd)
{
    attr_t normal = tui_style(STYLE_NORMAL);
    lv->fcur_y = -1;
    if (h <= 0 || wd <= 0)
        return;
    for (int r = 0; r < h; r++)
        tui_blank(w, y + r, x, wd, normal);

    int body = h - 1 - (lv->filtering ? 1 : 0);
    if (body < 1)
        body = 1;
    if (body != lv->page) {
        lv->page = body;
        settle(lv, NULL);
    } else if (!lv->failed) {
        ensure_rows(lv, lv->top, lv->top + lv->page, NULL);
    }

    int shown = layout_columns(lv, wd);
    attr_t ha = tui_style(STYLE_HEADER);
    tui_blank(w, y, x, wd, ha);
    int cx = x;
    for (int c = 0; c < shown && cx < x + wd; c++) {
        int cw = lv->widths[c];
        if (cx + cw > x + wd)
            cw = x + wd - cx;
        tui_put(w, y, cx, lv->cols[c].title ? lv->cols[c].title : "", cw,
                lv->cols[c].align, ha);
        cx += lv->widths[c] + 1;
    }

    if (h >= 2) {
        int body_y = y + 1;
        int rows_h = h - 1 - (lv->filtering ? 1 : 0);
        if (lv->count == 0 || lv->failed) {
            const char *msg = lv->failed ? lv->errmsg
                              : lv->filter[0] ? "没有符合条件的记录"
                              : "暂无记录";
            attr_t a = tui_style(lv->failed ? STYLE_ERROR : STYLE_DIM);
            if (rows_h > 0)
                tui_put(w, body_y + (rows_h - 1) / 2, x, msg, wd,
                        TEXT_CENTER, a);
        } else {
            for (int r = 0; r < rows_h; r++) {
                long pos = lv->top + r;
                if (pos >= lv->count)
                    break;
                const struct lv_row *row = row_at(lv, pos);
                attr_t a = row_attr(row, pos == lv->cursor);
                tui_blank(w, body_y + r, x, wd, a);
                if (!row)
                    continue;
                cx = x;
                for (int c = 0; c < shown && cx < x + wd; c++) {
                    int cw = lv->widths[c];
                    if (cx + cw > x + wd)
                        cw = x + wd - cx;
                    tui_put(w, body_y + r, cx, row->cells[c], cw,
                            lv->cols[c].align, a);
                    cx += lv->widths[c] + 1;
                }
            }
        }
    }
    if (lv->filtering && h >= 2)
        draw_filter_line(lv, w, y + h - 1, x, wd);
}
