#include "lineedit.h"

#include <stdlib.h>
#include <string.h>

#include "text.h"

/* ---- buffer ---- */

void le_init(lineedit *le, bool multiline, size_t max_chars)
{
    memset(le, 0, sizeof *le);
    le->multiline = multiline;
    le->max_chars = max_chars;
}

void le_free(lineedit *le)
{
    free(le->buf);
    le->buf = NULL;
    le->len = le->cap = le->cursor = 0;
    le->hscroll = le->vscroll = 0;
}

void le_clear(lineedit *le)
{
    le->len = le->cursor = 0;
    le->hscroll = le->vscroll = 0;
}

static int reserve(lineedit *le, size_t need)
{
    if (need <= le->cap)
        return 0;
    size_t cap = le->cap ? le->cap : 16;
    while (cap < need)
        cap *= 2;
    uint32_t *nb = realloc(le->buf, cap * sizeof *nb);
    if (!nb)
        return -1;
    le->buf = nb;
    le->cap = cap;
    return 0;
}

/* Characters the buffer never holds: C0/C1 controls (bar '\n' in
 * multi-line mode), surrogates and values beyond Unicode. */
static bool acceptable(const lineedit *le, uint32_t c)
{
    if (c == '\n')
        return le->multiline;
    if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0))
        return false;
    if ((c >= 0xd800 && c <= 0xdfff) || c > 0x10ffff)
        return false;
    return true;
}

static bool full(const lineedit *le)
{
    return le->max_chars && le->len >= le->max_chars;
}

static size_t next_g(const lineedit *le, size_t i)
{
    return text_next_grapheme(le->buf, le->len, i);
}

static size_t prev_g(const lineedit *le, size_t i)
{
    return text_prev_grapheme(le->buf, le->len, i);
}

/* After an insertion the cursor may have ended up inside a cluster
 * (e.g. a base letter typed before an orphan combining mark). */
static void snap_cursor(lineedit *le)
{
    if (le->cursor == 0 || le->cursor >= le->len)
        return;
    size_t start = prev_g(le, le->cursor);
    size_t end = next_g(le, start);
    if (end > le->cursor)
        le->cursor = end;
}

static void erase(lineedit *le, size_t from, size_t to)
{
    memmove(le->buf + from, le->buf + to, (le->len - to) * sizeof *le->buf);
    le->len -= to - from;
    le->cursor = from;
}

int le_set(lineedit *le, const char *utf8)
{
    size_t n = utf8 ? strlen(utf8) : 0;
    if (reserve(le, n + 1) < 0)
        return -1;   /* the old content stays */
    le_clear(le);
    for (size_t i = 0; i < n && !full(le);) {
        uint32_t c;
        i += text_decode(utf8 + i, n - i, &c);
        if (acceptable(le, c))
            le->buf[le->len++] = c;
    }
    le->cursor = le->len;
    return 0;
}

char *le_get(const lineedit *le)
{
    return text_from32(le->buf, le->len);
}

size_t le_get_buf(const lineedit *le, char *out, size_t outsz)
{
    size_t k = 0;
    if (outsz == 0)
        return 0;
    for (size_t i = 0; i < le->len; i++) {
        char tmp[4];
        size_t n = text_encode(le->buf[i], tmp);
        if (k + n >= outsz)
            break;
        memcpy(out + k, tmp, n);
        k += n;
    }
    out[k] = '\0';
    return k;
}

bool le_insert(lineedit *le, uint32_t c)
{
    if (!acceptable(le, c) || full(le) || reserve(le, le->len + 1) < 0)
        return false;
    memmove(le->buf + le->cursor + 1, le->buf + le->cursor,
            (le->len - le->cursor) * sizeof *le->buf);
    le->buf[le->cursor++] = c;
    le->len++;
    snap_cursor(le);
    return true;
}

bool le_insert_utf8(lineedit *le, const char *utf8)
{
    bool changed = false;
    size_t n = utf8 ? strlen(utf8) : 0;
    /* Refused characters (e.g. the newline of a pasted line) are
     * skipped, the rest goes in. */
    for (size_t i = 0; i < n && !full(le);) {
        uint32_t c;
        i += text_decode(utf8 + i, n - i, &c);
        if (le_insert(le, c))
            changed = true;
    }
    return changed;
}

/* ---- words ---- */

enum { CL_SPACE, CL_WORD, CL_CJK };

static bool is_cjk(uint32_t c)
{
    return (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff) ||
           (c >= 0xf900 && c <= 0xfaff) || (c >= 0x20000 && c <= 0x3ffff) ||
           c == 0x3007;
}

/* A cluster's class is its base character's. */
static int char_class(uint32_t c)
{
    if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
        (c >= 'A' && c <= 'Z'))
        return CL_WORD;
    if (is_cjk(c))
        return CL_CJK;
    return CL_SPACE;
}

static size_t word_left(const lineedit *le, size_t i)
{
    while (i > 0 && char_class(le->buf[prev_g(le, i)]) == CL_SPACE)
        i = prev_g(le, i);
    if (i == 0)
        return 0;
    int cl = char_class(le->buf[prev_g(le, i)]);
    while (i > 0 && char_class(le->buf[prev_g(le, i)]) == cl)
        i = prev_g(le, i);
    return i;
}

static size_t word_right(const lineedit *le, size_t i)
{
    while (i < le->len && char_class(le->buf[i]) == CL_SPACE)
        i = next_g(le, i);
    if (i >= le->len)
        return le->len;
    int cl = char_class(le->buf[i]);
    while (i < le->len && char_class(le->buf[i]) == cl)
        i = next_g(le, i);
    return i;
}

/* ---- logical lines ---- */

static size_t line_start(const lineedit *le, size_t i)
{
    if (!le->multiline)
        return 0;
    while (i > 0 && le->buf[i - 1] != '\n')
        i--;
    return i;
}

static size_t line_end(const lineedit *le, size_t i)
{
    if (!le->multiline)
        return le->len;
    while (i < le->len && le->buf[i] != '\n')
        i++;
    return i;
}

/* ---- wrapped rows ----
 * A row is buf[start, end); `next` is where the following row starts.
 * The end of the buffer and a '\n' take one column for the cursor, so a
 * line that fills the width exactly continues on an empty row where the
 * cursor can be shown. */

struct row {
    size_t start, end, next;
    bool hard;   /* ended by '\n' */
    bool last;
};

static int cluster_width(const lineedit *le, size_t i, size_t j)
{
    return text_width32(le->buf, i, j);
}

static struct row layout_row(const lineedit *le, size_t start, int width)
{
    struct row r = { start, start, start, false, false };
    int col = 0;
    size_t i = start;
    for (;;) {
        if (i >= le->len || le->buf[i] == '\n') {
            if (col > 0 && col + 1 > width) {
                r.end = r.next = i;   /* wraps before the cursor cell */
                return r;
            }
            r.end = i;
            if (i >= le->len) {
                r.next = i;
                r.last = true;
            } else {
                r.next = i + 1;
                r.hard = true;
            }
            return r;
        }
        size_t j = next_g(le, i);
        int w = cluster_width(le, i, j);
        if (col > 0 && col + w > width) {
            r.end = r.next = i;
            return r;
        }
        col += w;
        i = j;
    }
}

/* The row holding position pos (the last row starting at or before it;
 * a position at a soft wrap is shown at the start of the next row). */
static struct row find_row(const lineedit *le, size_t pos, int width,
                           int *index, struct row *prev)
{
    struct row r = layout_row(le, 0, width), before = r;
    int k = 0;
    while (!r.last) {
        struct row nx = layout_row(le, r.next, width);
        if (nx.start > pos)
            break;
        before = r;
        r = nx;
        k++;
    }
    if (index)
        *index = k;
    if (prev)
        *prev = before;
    return r;
}

/* The position in row r whose column is closest to col (not past it). */
static size_t pos_at_col(const lineedit *le, struct row r, int col)
{
    size_t limit = r.end;
    if (!r.hard && !r.last && r.end > r.start)
        limit = prev_g(le, r.end);  /* r.end itself shows on the next row */
    size_t i = r.start;
    int c = 0;
    while (i < limit) {
        size_t j = next_g(le, i);
        int w = cluster_width(le, i, j);
        if (c + w > col)
            break;
        c += w;
        i = j;
    }
    return i;
}

static bool move_vertical(lineedit *le, bool down, int width)
{
    if (!le->multiline)
        return false;
    if (width < 1)
        width = 1;
    int k;
    struct row prev;
    struct row r = find_row(le, le->cursor, width, &k, &prev);
    int col = cluster_width(le, r.start, le->cursor);
    struct row target;
    if (down) {
        if (r.last)
            return false;
        target = layout_row(le, r.next, width);
    } else {
        if (k == 0)
            return false;
        target = prev;
    }
    size_t pos = pos_at_col(le, target, col);
    if (pos == le->cursor)
        return false;
    le->cursor = pos;
    return true;
}

/* ---- edits and motions ---- */

static bool move_to(lineedit *le, size_t pos)
{
    if (pos == le->cursor)
        return false;
    le->cursor = pos;
    return true;
}

static bool delete_range(lineedit *le, size_t from, size_t to)
{
    if (from >= to)
        return false;
    erase(le, from, to);
    return true;
}

bool le_apply(lineedit *le, enum le_op op, int width)
{
    size_t c = le->cursor;
    switch (op) {
    case LE_LEFT:
        return move_to(le, prev_g(le, c));
    case LE_RIGHT:
        return move_to(le, next_g(le, c));
    case LE_WORD_LEFT:
        return move_to(le, word_left(le, c));
    case LE_WORD_RIGHT:
        return move_to(le, word_right(le, c));
    case LE_HOME:
        return move_to(le, line_start(le, c));
    case LE_END:
        return move_to(le, line_end(le, c));
    case LE_BACKSPACE:
        return delete_range(le, prev_g(le, c), c);
    case LE_DELETE:
        return delete_range(le, c, next_g(le, c));
    case LE_KILL_TO_END: {
        size_t e = line_end(le, c);
        if (e == c && e < le->len)
            e++;  /* at the end of a line: join the next one */
        return delete_range(le, c, e);
    }
    case LE_KILL_TO_START:
        return delete_range(le, line_start(le, c), c);
    case LE_KILL_WORD_BACK:
        return delete_range(le, word_left(le, c), c);
    case LE_UP:
        return move_vertical(le, false, width);
    case LE_DOWN:
        return move_vertical(le, true, width);
    }
    return false;
}

/* ---- views ---- */

struct out32 {
    uint32_t *p;
    size_t n, max;
};

static void put(struct out32 *o, uint32_t c)
{
    if (o->n < o->max)
        o->p[o->n++] = c;
}

/* Emits the cluster buf[i, j) occupying columns [s, s+w) of a window
 * [lo, hi): whole if it fits (and there is room for all its code
 * points), else the visible columns as spaces. Zero-width clusters
 * are not drawn: they would combine with whatever precedes them. */
static void emit_cluster(const lineedit *le, size_t i, size_t j, int s, int w,
                         int lo, int hi, struct out32 *o)
{
    if (w <= 0 || s + w <= lo || s >= hi)
        return;
    if (s >= lo && s + w <= hi && o->max - o->n >= j - i) {
        for (size_t k = i; k < j; k++)
            put(o, text_safe_char(le->buf[k]));
        return;
    }
    int a = s < lo ? lo : s, b = s + w > hi ? hi : s + w;
    for (int k = a; k < b; k++)
        put(o, ' ');
}

size_t le_view(lineedit *le, int width, uint32_t *out, size_t max,
               int *cursor_col)
{
    if (width < 1) {
        if (cursor_col)
            *cursor_col = 0;
        return 0;
    }
    int total = text_width32(le->buf, 0, le->len);
    int cc = text_width32(le->buf, 0, le->cursor);
    int gw = 1;
    if (le->cursor < le->len) {
        gw = cluster_width(le, le->cursor, next_g(le, le->cursor));
        if (gw < 1)
            gw = 1;
    }
    if (gw > width)
        gw = width;
    /* Context kept on either side of the cursor when scrolling. */
    int margin = width / 5;
    if (margin > 5)
        margin = 5;
    while (margin > 0 && width < gw + 2 * margin)
        margin--;
    int lo = cc + gw + margin - width;  /* least hscroll */
    int hi = cc - margin;               /* greatest hscroll */
    if (le->hscroll < lo)
        le->hscroll = lo;
    if (le->hscroll > hi)
        le->hscroll = hi;
    /* Never scroll further than needed to show the end. */
    if (le->hscroll > total + 1 - width)
        le->hscroll = total + 1 - width;
    if (le->hscroll < 0)
        le->hscroll = 0;

    struct out32 o = { out, 0, max };
    int h = le->hscroll, col = 0;
    for (size_t i = 0; i < le->len && col < h + width;) {
        size_t j = next_g(le, i);
        int w = cluster_width(le, i, j);
        emit_cluster(le, i, j, col, w, h, h + width, &o);
        col += w;
        i = j;
    }
    int drawn = col - h;
    if (drawn < 0)
        drawn = 0;
    for (int k = drawn; k < width; k++)
        put(&o, ' ');
    if (cursor_col)
        *cursor_col = cc - h;
    return o.n;
}

void le_view_rows(lineedit *le, int width, int height, uint32_t **rows,
                  size_t max, int *cursor_row, int *cursor_col)
{
    if (width < 1)
        width = 1;
    if (height < 1)
        height = 1;
    int k;
    struct row cr = find_row(le, le->cursor, width, &k, NULL);
    int ccol = cluster_width(le, cr.start, le->cursor);
    if (k < le->vscroll)
        le->vscroll = k;
    if (k >= le->vscroll + height)
        le->vscroll = k - height + 1;
    /* Pull the view back when the text got shorter. */
    int nrows = 1;
    for (struct row r = layout_row(le, 0, width); !r.last;
         r = layout_row(le, r.next, width))
        nrows++;
    if (le->vscroll > nrows - height)
        le->vscroll = nrows - height > 0 ? nrows - height : 0;

    struct row r = layout_row(le, 0, width);
    bool more = true;
    for (int skip = 0; skip < le->vscroll && !r.last; skip++)
        r = layout_row(le, r.next, width);
    for (int y = 0; y < height; y++) {
        struct out32 o = { rows[y], 0, max };
        int col = 0;
        if (more) {
            for (size_t i = r.start; i < r.end;) {
                size_t j = next_g(le, i);
                int w = cluster_width(le, i, j);
                emit_cluster(le, i, j, col, w, 0, width, &o);
                col += w;
                i = j;
            }
            if (col > width)
                col = width;
            if (r.last)
                more = false;
            else
                r = layout_row(le, r.next, width);
        }
        for (; col < width; col++)
            put(&o, ' ');
    }
    if (cursor_row)
        *cursor_row = k - le->vscroll;
    if (cursor_col)
        *cursor_col = ccol;
}
