/* A tree shown through a list view. The screen loads every node once
 * (a few thousand at district scale: cheap), in parent-before-child
 * order; the tree keeps which nodes are expanded and hands the list
 * view only the visible rows, the first cell indented by depth with a
 * "+" (collapsed, has children), "-" (expanded) or " " marker. No SQL,
 * no curses: tested without a screen. Expanding, collapsing and moving
 * touch only the in-memory arrays, so they stay well under a frame at
 * 3,000 nodes.
 *
 * With a filter (the list view's '/' line), the visible rows are the
 * nodes whose first cell (the name) or search text contains the filter
 * (pinyin initials too, as the pinyin module matches them) together
 * with their ancestors, all expanded. */
#ifndef ZB_TUI_TREE_H
#define ZB_TUI_TREE_H

#include <stdbool.h>
#include <stdint.h>

#include "err.h"
#include "tui/listview.h"

typedef struct tree tree;

/* ncells: cells per node (the first is the name column). */
tree *tree_new(int ncells);
void tree_free(tree *t);

/* Drops every node (keeps which ids were expanded: a reload after an
 * edit shows the same shape). */
void tree_clear(tree *t);
/* Adds a node; parent_id 0 (or an id not added before) = a root.
 * cells: ncells strings, copied. search: extra text the filter matches
 * (may be NULL). mark: LV_MARK_*. 0 or -1 (OOM). */
int tree_add(tree *t, int64_t id, int64_t parent_id, int mark,
             const char *const *cells, const char *search);

/* The lv_source that shows the visible rows; ctx = the tree. */
extern const struct lv_source tree_lv_source;

long tree_size(const tree *t);                 /* all nodes */
long tree_visible(const tree *t);              /* rows shown now */
int64_t tree_id_at(const tree *t, long row);   /* 0 if out of range */
long tree_row_of(const tree *t, int64_t id);   /* -1 if not visible */
int tree_depth(const tree *t, int64_t id);     /* -1 if absent */
int64_t tree_parent(const tree *t, int64_t id);   /* 0 for a root */
bool tree_has_children(const tree *t, int64_t id);
bool tree_expanded(const tree *t, int64_t id);
/* True if a is b or one of b's ancestors. */
bool tree_is_ancestor(const tree *t, int64_t a, int64_t b);
/* The ids of id's subtree (id first), malloc'ed; caller frees. */
int tree_subtree(const tree *t, int64_t id, int64_t **ids, long *n);

/* Expand / collapse one node; expand every ancestor of id so it is
 * visible; expand the first `depth` levels (0 = collapse all). */
void tree_set_expanded(tree *t, int64_t id, bool expanded);
void tree_toggle(tree *t, int64_t id);
void tree_reveal(tree *t, int64_t id);
void tree_expand_levels(tree *t, int depth);

/* The tree's keys on the list view it feeds (call before lv_key):
 * Right / '+' expand (or go to the first child), Left / '-' collapse
 * (or go to the parent), '*' expand the whole subtree. Returns
 * TUI_HANDLED|TUI_REDRAW when used (the list view is reloaded and the
 * cursor kept on the node), TUI_UNHANDLED otherwise. */
int tree_key(tree *t, listview *lv, int key);

/* Reveals id, reloads lv and puts the cursor on it (dropping lv's
 * filter when the node is not among its matches). */
void tree_focus(tree *t, listview *lv, int64_t id);

#endif
