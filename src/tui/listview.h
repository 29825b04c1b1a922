/* A windowed list (tig's generic column renderer over a data source):
 * it asks the source for the row count and for the rows on screen only,
 * never the whole table. Column widths come from the fetched rows and
 * the titles, within each column's min..max; when the row is too wide
 * for the terminal the flexible column gives up space first, then the
 * others down to their min. Movement, incremental filter ('/' and
 * typing: the source is re-queried on every change), and the position
 * "第 31/583 条" are handled here. */
#ifndef ZB_TUI_LISTVIEW_H
#define ZB_TUI_LISTVIEW_H

#include <curses.h>
#include <stdbool.h>
#include <stdint.h>

#include "text.h"
#include "err.h"

struct lv_column {
    const char *title;
    int min, max;          /* columns; max 0 = no cap */
    enum text_align align;
    bool flex;             /* shrinks first when space is short */
};

/* Rows handed over by the source: an id, a style mark, ncols cells. */
struct lv_rowset;
/* Appends a row (cells are copied). Returns 0 or -1 (OOM). */
int lv_rowset_add(struct lv_rowset *rs, int64_t id, int mark,
                  const char *const *cells);

struct lv_source {
    /* Count of rows matching the filter (may be "" for none). */
    int (*count)(void *ctx, const char *filter, long *n, zb_err *err);
    /* Rows [offset, offset+limit) matching the filter, added to rs. */
    int (*fetch)(void *ctx, const char *filter, long offset, int limit,
                 struct lv_rowset *rs, zb_err *err);
    /* Optional: position of id under the filter (to keep the cursor on
     * a record after a reload); -1 if absent. */
    int (*locate)(void *ctx, const char *filter, int64_t id, long *pos,
                  zb_err *err);
};

/* Row marks a source may set (drawn with a style): */
enum { LV_MARK_NONE = 0, LV_MARK_DIM = 1, LV_MARK_WARN = 2,
       LV_MARK_GOOD = 3 };

typedef struct listview listview;

listview *lv_new(const struct lv_column *cols, int ncols,
                 const struct lv_source *src, void *ctx);
void lv_free(listview *lv);

/* Re-counts and re-fetches; keeps the cursor on the same id if the
 * source can locate it, else on the same position (clamped).
 * Returns 0 or -1 with err set (the list shows no rows then). */
int lv_reload(listview *lv, zb_err *err);

/* Draws header + rows + (when filtering) the filter line into the
 * h x wd area at (y, x) of w. */
void lv_draw(listview *lv, WINDOW *w, int y, int x, int h, int wd);

/* Movement and filter keys. TUI_HANDLED|TUI_REDRAW when used,
 * TUI_UNHANDLED otherwise. While the filter line is active, text keys,
 * Backspace, Left/Right etc. edit it; Enter keeps the filter and leaves
 * the line; Esc clears the filter and leaves the line (the cursor stays
 * on the record when the source can locate it). Up/Down/PgUp/PgDn still
 * move the list while the line is open. A changed filter puts the
 * cursor on the first match. */
int lv_key(listview *lv, int key);
/* Starts filter editing (the '/' key is bound by screens). */
void lv_filter_start(listview *lv);
bool lv_filtering(const listview *lv);
const char *lv_filter(const listview *lv);
/* Sets the filter and re-queries at once (an error shows in the list
 * instead of rows; lv_reload reports it). */
void lv_set_filter(listview *lv, const char *filter);

int64_t lv_selected_id(const listview *lv);   /* 0 if empty */
long lv_cursor(const listview *lv);           /* 0-based */
long lv_count(const listview *lv);
void lv_set_cursor(listview *lv, long pos);
/* Puts the cursor on record id under the current filter, if the source
 * can locate it there (id 0: nothing). True if it moved there. */
bool lv_select_id(listview *lv, int64_t id);
/* Cell text of the selected row (NULL if empty). */
const char *lv_selected_cell(const listview *lv, int col);
/* "第 31/583 条" (or "共 0 条") into out. */
void lv_position_text(const listview *lv, char *out, size_t outsz);
/* Terminal cursor for the filter line (body-relative), -1 if none. */
void lv_cursor_pos(const listview *lv, int *y, int *x);

#endif
