/* 组织架构: the organisation tree with, per node, its kind, current
 * 书记 (组长, 联系人), members on the register placed directly in it and
 * in its whole subtree (正式/预备), and seed 004's hints. From a node:
 * edit, add a child, move, delete, its members, its committee posts. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/org.h"
#include "rules.h"
#include "rules_org.h"
#include "screens.h"
#include "tui/dialog.h"
#include "tui/draw.h"
#include "tui/key.h"
#include "tui/listview.h"
#include "tui/tree.h"

enum { COL_NAME, COL_KIND, COL_HEAD, COL_DIRECT, COL_TOTAL, COL_HINT,
       NCOLS };

/* The name gives way last: the hint column shrinks first. Counts are
 * 正式/预备 (the title says so). */
static const struct lv_column columns[NCOLS] = {
    [COL_NAME] = {"组织名称", 16, 44, TEXT_LEFT, false},
    [COL_KIND] = {"类型", 4, 12, TEXT_LEFT, false},
    [COL_HEAD] = {"负责人", 6, 8, TEXT_LEFT, false},
    [COL_DIRECT] = {"直属", 5, 9, TEXT_RIGHT, false},
    [COL_TOTAL] = {"合计", 5, 9, TEXT_RIGHT, false},
    [COL_HINT] = {"提示", 4, 40, TEXT_LEFT, true},
};

static const struct tui_binding keymap[] = {
    {ACT_EDIT, {TUI_KEY_ENTER, 'e', TUI_FN(KEY_F(4))}, true},
    {ACT_ADD, {'a', TUI_FN(KEY_IC)}, true},
    {ACT_ADD_ORG_ROOT, {'A'}, false},
    {ACT_ORG_MOVE, {'m'}, true},
    {ACT_DELETE, {'d', TUI_FN(KEY_DC)}, true},
    {ACT_ORG_MEMBERS, {'p'}, true},
    {ACT_ORG_MEMBERS_ALL, {'P'}, false},
    {ACT_POSTS, {'c'}, true},
    {ACT_FILTER, {'/'}, true},
    {ACT_TREE_EXPAND, {TUI_FN(KEY_RIGHT), '+'}, false},
    {ACT_TREE_COLLAPSE, {TUI_FN(KEY_LEFT), '-'}, false},
    {ACT_TREE_EXPAND_ALL, {'*'}, false},
    {ACT_NONE, {0}, false},
};

struct orgs_screen {
    tui_screen base;
    struct zb_ctx *ctx;
    tree *t;
    listview *lv;
    struct org_overview *rows;   /* tree order, as last loaded */
    int n;
    char today[11];
    bool shaped;                 /* the first load chose what is open */
};

static const struct org_overview *row_of(const struct orgs_screen *s,
                                         int64_t id)
{
    for (int i = 0; i < s->n; i++)
        if (s->rows[i].item.id == id)
            return &s->rows[i];
    return NULL;
}

static void pair(long full, long prob, char *out, size_t outsz)
{
    if (full + prob == 0)
        snprintf(out, outsz, "-");
    else
        snprintf(out, outsz, "%ld/%ld", full, prob);
}

static int load(struct orgs_screen *s)
{
    zb_err e;
    struct org_overview *rows = NULL;
    int n = 0;
    if (org_overview_list(s->ctx->db, s->today, &rows, &n, &e) != 0) {
        tui_app_error(s->base.app, "%s", e.msg);
        return -1;
    }
    free(s->rows);
    s->rows = rows;
    s->n = n;
    tree_clear(s->t);
    long members = 0;
    for (int i = 0; i < n; i++) {
        const struct org_overview *r = &rows[i];
        char direct[32], total[32], search[400];
        pair(r->direct_full, r->direct_prob, direct, sizeof direct);
        pair(r->total_full, r->total_prob, total, sizeof total);
        /* the filter also finds a node by its kind or its head */
        snprintf(search, sizeof search, "%s %s", r->item.kind, r->head);
        const char *cells[NCOLS] = {
            [COL_NAME] = r->item.name,
            [COL_KIND] = r->item.kind,
            [COL_HEAD] = r->head,
            [COL_DIRECT] = direct,
            [COL_TOTAL] = total,
            [COL_HINT] = r->item.active ? r->hint : "已撤销",
        };
        int mark = !r->item.active ? LV_MARK_DIM
                 : r->hint[0] ? LV_MARK_WARN : LV_MARK_NONE;
        if (tree_add(s->t, r->item.id, r->item.parent_id, mark, cells,
                     search) != 0) {
            tui_app_error(s->base.app, "内存不足");
            return -1;
        }
        if (!r->item.parent_id)
            members += r->total_full + r->total_prob;
    }
    if (!s->shaped && n > 0) {
        /* An office: its communities and their branches; a district
         * (thousands of nodes): the communities only. */
        tree_expand_levels(s->t, 2);
        if (tree_visible(s->t) > 200)
            tree_expand_levels(s->t, 1);
        s->shaped = true;
    }
    snprintf(s->base.title, sizeof s->base.title,
             "组织架构  共 %d 个组织，%ld 名党员（人数：正式/预备）", n,
             members);
    return 0;
}

static int reload(struct orgs_screen *s)
{
    zb_err e;
    load(s);
    if (lv_reload(s->lv, &e) != 0)
        tui_app_error(s->base.app, "%s", e.msg);
    return TUI_HANDLED | TUI_REDRAW;
}

/* Reveals id and puts the cursor on it (dropping a filter that hides
 * it). */
static void focus_node(struct orgs_screen *s, int64_t id)
{
    zb_err e;
    tree_reveal(s->t, id);
    lv_reload(s->lv, &e);
    long row = tree_row_of(s->t, id);
    if (row < 0 && *lv_filter(s->lv)) {
        lv_set_filter(s->lv, "");
        row = tree_row_of(s->t, id);
    }
    if (row >= 0)
        lv_set_cursor(s->lv, row);
}

/* ---- actions ---- */

static int push(struct orgs_screen *s, tui_screen *next)
{
    if (!next) {
        tui_app_error(s->base.app, "无法打开");
        return TUI_HANDLED | TUI_REDRAW;
    }
    tui_app_push(s->base.app, next);
    return TUI_HANDLED | TUI_REDRAW;
}

static int add_child(struct orgs_screen *s)
{
    const struct org_overview *r = row_of(s, lv_selected_id(s->lv));
    if (!r)
        return push(s, org_form_new(s->base.app, s->ctx, 0, 0));
    if (strcmp(r->item.kind, "党员中心户") == 0) {
        tui_app_error(s->base.app, "党员中心户之下不能再设组织");
        return TUI_HANDLED | TUI_REDRAW;
    }
    return push(s, org_form_new(s->base.app, s->ctx, 0, r->item.id));
}

/* The new parent: any organisation outside the node's subtree under
 * which its kind may sit, or none (a root) when that is allowed. */
static int move_node(struct orgs_screen *s)
{
    tui_app *app = s->base.app;
    const struct org_overview *r = row_of(s, lv_selected_id(s->lv));
    if (!r)
        return TUI_HANDLED;
    int64_t id = r->item.id;
    char name[128], kind[32], msg[160], title[300];
    snprintf(name, sizeof name, "%s", r->item.name);
    snprintf(kind, sizeof kind, "%s", r->item.kind);
    const char **labels = malloc(sizeof *labels * (size_t)(s->n + 1));
    int *index = malloc(sizeof *index * (size_t)(s->n + 1));
    if (!labels || !index) {
        free(labels);
        free(index);
        tui_app_error(app, "内存不足");
        return TUI_HANDLED | TUI_REDRAW;
    }
    int k = 0, initial = -1;
    if (!rules_org_parent_ok(kind, "", msg, sizeof msg)) {
        if (!r->item.parent_id)
            initial = 0;
        labels[k] = "（无上级，作为最上级组织）";
        index[k++] = -1;
    }
    for (int i = 0; i < s->n; i++) {
        const struct org_item *c = &s->rows[i].item;
        if (tree_is_ancestor(s->t, id, c->id) ||
            rules_org_parent_ok(kind, c->kind, msg, sizeof msg))
            continue;
        if (c->id == r->item.parent_id)
            initial = k;
        labels[k] = c->path;
        index[k++] = i;
    }
    int pick = -1;
    if (k == 0)
        tui_app_error(app, "没有可以移入的上级组织");
    else {
        snprintf(title, sizeof title, "把「%s」移到哪个组织之下？", name);
        pick = tui_pick(app, title, labels, k, initial);
    }
    int64_t parent = pick >= 0 && index[pick] >= 0
                   ? s->rows[index[pick]].item.id : 0;
    char path[600];
    snprintf(path, sizeof path, "%s", pick >= 0 ? labels[pick] : "");
    free(labels);
    free(index);
    if (pick < 0)
        return TUI_HANDLED | TUI_REDRAW;
    if (parent == r->item.parent_id) {
        tui_app_status(app, "未移动：「%s」已在此处", name);
        return TUI_HANDLED | TUI_REDRAW;
    }
    zb_err e;
    if (org_move(s->ctx->db, id, parent, &e) != 0) {
        tui_app_error(app, "无法移动：%s", e.msg);
        return TUI_HANDLED | TUI_REDRAW;
    }
    reload(s);
    focus_node(s, id);
    if (parent)
        tui_app_status(app, "已把「%s」移到 %s 之下", name, path);
    else
        tui_app_status(app, "已把「%s」设为最上级组织", name);
    return TUI_HANDLED | TUI_REDRAW;
}

static int delete_node(struct orgs_screen *s)
{
    tui_app *app = s->base.app;
    const struct org_overview *r = row_of(s, lv_selected_id(s->lv));
    if (!r)
        return TUI_HANDLED;
    int64_t id = r->item.id;
    char path[sizeof r->item.path], why[512], msg[700];
    snprintf(path, sizeof path, "%s", r->item.path);
    zb_err e;
    /* say why before asking, not after */
    if (org_delete_check(s->ctx->db, id, why, sizeof why, &e) != 0) {
        tui_app_error(app, "%s", e.msg);
        return TUI_HANDLED | TUI_REDRAW;
    }
    if (why[0]) {
        /* the whole reason in a box; the status line keeps it after */
        snprintf(msg, sizeof msg, "不能删除%s「%s」", r->item.kind,
                 r->item.name);
        tui_message(app, msg, why);
        tui_app_error(app, "不能删除：%s", why);
        return TUI_HANDLED | TUI_REDRAW;
    }
    snprintf(msg, sizeof msg, "删除%s「%s」？任职记录一并删除，不可恢复。",
             r->item.kind, path);
    if (!tui_confirm(app, "删除组织", msg, false))
        return TUI_HANDLED | TUI_REDRAW;
    if (org_delete(s->ctx->db, id, &e) != 0) {
        tui_app_error(app, "%s", e.msg);
        return TUI_HANDLED | TUI_REDRAW;
    }
    reload(s);
    tui_app_status(app, "已删除：%s", path);
    return TUI_HANDLED | TUI_REDRAW;
}

static int action(tui_screen *base, enum tui_action a)
{
    struct orgs_screen *s = (struct orgs_screen *)base;
    int64_t id = lv_selected_id(s->lv);
    switch (a) {
    case ACT_OPEN:
    case ACT_EDIT:
        if (!id)
            return TUI_HANDLED;
        return push(s, org_form_new(base->app, s->ctx, id, 0));
    case ACT_ADD:
        return add_child(s);
    case ACT_ADD_ORG_ROOT:
        return push(s, org_form_new(base->app, s->ctx, 0, 0));
    case ACT_ORG_MOVE:
        return move_node(s);
    case ACT_DELETE:
        return delete_node(s);
    case ACT_ORG_MEMBERS:
    case ACT_ORG_MEMBERS_ALL:
        if (!id)
            return TUI_HANDLED;
        return push(s, members_screen_new_org(base->app, s->ctx, id,
                                              a == ACT_ORG_MEMBERS_ALL));
    case ACT_POSTS:
        if (!id)
            return TUI_HANDLED;
        return push(s, org_posts_new(base->app, s->ctx, id));
    case ACT_FILTER:
        lv_filter_start(s->lv);
        return TUI_HANDLED | TUI_REDRAW;
    case ACT_TREE_EXPAND:
        return tree_key(s->t, s->lv, '+');
    case ACT_TREE_COLLAPSE:
        return tree_key(s->t, s->lv, '-');
    case ACT_TREE_EXPAND_ALL:
        return tree_key(s->t, s->lv, '*');
    default:
        return TUI_UNHANDLED;
    }
}

/* ---- screen ops ---- */

static void draw(tui_screen *base, WINDOW *w, int h, int wd)
{
    struct orgs_screen *s = (struct orgs_screen *)base;
    char pos[64];
    lv_draw(s->lv, w, 0, 0, h, wd);
    if (s->n == 0 && h > 3)
        tui_put(w, 2, 2, "还没有党组织。按 A 新增最上级组织（如街道党工委），"
                "再按 a 逐级添加下级组织。", wd - 2, TEXT_LEFT,
                tui_style(STYLE_DIM));
    lv_position_text(s->lv, pos, sizeof pos);
    tui_app_set_position(base->app, pos);
}

static int key(tui_screen *base, int k)
{
    struct orgs_screen *s = (struct orgs_screen *)base;
    if (!lv_filtering(s->lv)) {
        /* Esc first drops a kept filter, and only then goes back */
        if (k == TUI_KEY_ESC && *lv_filter(s->lv)) {
            int64_t id = lv_selected_id(s->lv);
            lv_set_filter(s->lv, "");
            if (id)
                focus_node(s, id);
            return TUI_HANDLED | TUI_REDRAW;
        }
        int r = tree_key(s->t, s->lv, k);
        if (r != TUI_UNHANDLED)
            return r;
        if (tui_keymap_lookup(keymap, k) != ACT_NONE)
            return TUI_UNHANDLED;
    }
    return lv_key(s->lv, k);
}

static void resume(tui_screen *base)
{
    struct orgs_screen *s = (struct orgs_screen *)base;
    reload(s);
    if (s->ctx->saved_org) {
        focus_node(s, s->ctx->saved_org);
        s->ctx->saved_org = 0;
    }
}

static int tick(tui_screen *base)
{
    struct orgs_screen *s = (struct orgs_screen *)base;
    if (!db_changed_elsewhere(s->ctx->db))
        return TUI_UNHANDLED;
    return reload(s);
}

static void cursor(tui_screen *base, int *y, int *x)
{
    struct orgs_screen *s = (struct orgs_screen *)base;
    lv_cursor_pos(s->lv, y, x);
}

static void destroy(tui_screen *base)
{
    struct orgs_screen *s = (struct orgs_screen *)base;
    lv_free(s->lv);
    tree_free(s->t);
    free(s->rows);
    free(s);
}

static const struct tui_screen_ops ops = {
    .keymap = keymap,
    .draw = draw,
    .key = key,
    .action = action,
    .resume = resume,
    .tick = tick,
    .cursor = cursor,
    .destroy = destroy,
};

tui_screen *orgs_screen_new(tui_app *app, struct zb_ctx *ctx)
{
    struct orgs_screen *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    s->base.ops = &ops;
    s->base.app = app;
    s->ctx = ctx;
    rules_today(s->today);
    s->t = tree_new(NCOLS);
    s->lv = s->t ? lv_new(columns, NCOLS, &tree_lv_source, s->t) : NULL;
    if (!s->lv) {
        tree_free(s->t);
        free(s);
        return NULL;
    }
    snprintf(s->base.title, sizeof s->base.title, "组织架构");
    reload(s);
    return &s->base;
}
