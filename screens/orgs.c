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
    struct screens_list list;    /* first: the list scaffolding */
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

static void load(struct screens_list *head)
{
    struct orgs_screen *s = (struct orgs_screen *)head;
    zb_err e;
    struct org_overview *rows = NULL;
    int n = 0;
    if (org_overview_list(s->list.ctx->db, s->today, &rows, &n, &e) != 0) {
        tui_app_error(s->list.base.app, "%s", e.msg);
        return;
    }
    free(s->rows);
    s->rows = rows;
    s->n = n;
    tree_clear(s->list.t);
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
        if (tree_add(s->list.t, r->item.id, r->item.parent_id, mark, cells,
                     search) != 0) {
            tui_app_error(s->list.base.app, "内存不足");
            return;
        }
        if (!r->item.parent_id)
            members += r->total_full + r->total_prob;
    }
    if (!s->shaped && n > 0) {
        /* An office: its communities and their branches; a district
         * (thousands of nodes): the communities only. */
        tree_expand_levels(s->list.t, 2);
        if (tree_visible(s->list.t) > 200)
            tree_expand_levels(s->list.t, 1);
        s->shaped = true;
    }
    snprintf(s->list.base.title, sizeof s->list.base.title,
             "组织架构  共 %d 个组织，%ld 名党员（人数：正式/预备）", n,
             members);
}

/* ---- actions ---- */

static int add_child(struct orgs_screen *s)
{
    tui_app *app = s->list.base.app;
    const struct org_overview *r = row_of(s, lv_selected_id(s->list.lv));
    if (!r)
        return screens_push(app, org_form_new(app, s->list.ctx, 0, 0));
    if (strcmp(r->item.kind, "党员中心户") == 0) {
        tui_app_error(app, "党员中心户之下不能再设组织");
        return TUI_HANDLED | TUI_REDRAW;
    }
    return screens_push(app, org_form_new(app, s->list.ctx, 0, r->item.id));
}

/* The new parent: any organisation outside the node's subtree under
 * which its kind may sit, or none (a root) when that is allowed. */
static int move_node(struct orgs_screen *s)
{
    tui_app *app = s->list.base.app;
    const struct org_overview *r = row_of(s, lv_selected_id(s->list.lv));
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
        if (tree_is_ancestor(s->list.t, id, c->id) ||
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
    if (org_move(s->list.ctx->db, id, parent, &e) != 0) {
        tui_app_error(app, "无法移动：%s", e.msg);
        return TUI_HANDLED | TUI_REDRAW;
    }
    screens_list_reload(&s->list);
    tree_focus(s->list.t, s->list.lv, id);
    if (parent)
        tui_app_status(app, "已把「%s」移到 %s 之下", name, path);
    else
        tui_app_status(app, "已把「%s」设为最上级组织", name);
    return TUI_HANDLED | TUI_REDRAW;
}

static int delete_node(struct orgs_screen *s)
{
    tui_app *app = s->list.base.app;
    const struct org_overview *r = row_of(s, lv_selected_id(s->list.lv));
    if (!r)
        return TUI_HANDLED;
    int64_t id = r->item.id;
    char path[sizeof r->item.path], why[512], msg[700];
    snprintf(path, sizeof path, "%s", r->item.path);
    zb_err e;
    /* say why before asking, not after */
    if (org_delete_check(s->list.ctx->db, id, why, sizeof why, &e) != 0) {
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
    if (org_delete(s->list.ctx->db, id, &e) != 0) {
        tui_app_error(app, "%s", e.msg);
        return TUI_HANDLED | TUI_REDRAW;
    }
    screens_list_reload(&s->list);
    tui_app_status(app, "已删除：%s", path);
    return TUI_HANDLED | TUI_REDRAW;
}

static int action(tui_screen *base, enum tui_action a)
{
    struct orgs_screen *s = (struct orgs_screen *)base;
    tui_app *app = base->app;
    struct zb_ctx *ctx = s->list.ctx;
    int64_t id = lv_selected_id(s->list.lv);
    switch (a) {
    case ACT_OPEN:
    case ACT_EDIT:
        if (!id)
            return TUI_HANDLED;
        return screens_push(app, org_form_new(app, ctx, id, 0));
    case ACT_ADD:
        return add_child(s);
    case ACT_ADD_ORG_ROOT:
        return screens_push(app, org_form_new(app, ctx, 0, 0));
    case ACT_ORG_MOVE:
        return move_node(s);
    case ACT_DELETE:
        return delete_node(s);
    case ACT_ORG_MEMBERS:
    case ACT_ORG_MEMBERS_ALL:
        if (!id)
            return TUI_HANDLED;
        return screens_push(app, members_screen_new_org(
                                     app, ctx, id, a == ACT_ORG_MEMBERS_ALL));
    case ACT_POSTS:
        if (!id)
            return TUI_HANDLED;
        return screens_push(app, org_posts_new(app, ctx, id));
    case ACT_FILTER:
        lv_filter_start(s->list.lv);
        return TUI_HANDLED | TUI_REDRAW;
    case ACT_TREE_EXPAND:
        return tree_key(s->list.t, s->list.lv, '+');
    case ACT_TREE_COLLAPSE:
        return tree_key(s->list.t, s->list.lv, '-');
    case ACT_TREE_EXPAND_ALL:
        return tree_key(s->list.t, s->list.lv, '*');
    default:
        return TUI_UNHANDLED;
    }
}

/* ---- screen ops ---- */

static void draw(tui_screen *base, WINDOW *w, int h, int wd)
{
    struct orgs_screen *s = (struct orgs_screen *)base;
    screens_list_draw_empty(base, w, h, wd, s->n == 0,
                            "还没有党组织。按 A 新增最上级组织"
                            "（如街道党工委），再按 a 逐级添加下级组织。");
}

static void destroy(tui_screen *base)
{
    struct orgs_screen *s = (struct orgs_screen *)base;
    free(s->rows);
    screens_list_free(&s->list);
}

static const struct tui_screen_ops ops = {
    .keymap = keymap,
    .draw = draw,
    .key = screens_list_key,
    .action = action,
    .resume = screens_list_resume,
    .tick = screens_list_tick,
    .cursor = screens_list_cursor,
    .destroy = destroy,
};

tui_screen *orgs_screen_new(tui_app *app, struct zb_ctx *ctx)
{
    struct orgs_screen *s = screens_list_alloc(sizeof *s, &ops, app, ctx);
    if (!s)
        return NULL;
    s->list.load = load;
    s->list.saved = &ctx->saved_org;
    rules_today(s->today);
    s->list.t = tree_new(NCOLS);
    s->list.lv = s->list.t ? lv_new(columns, NCOLS, &tree_lv_source,
                                    s->list.t) : NULL;
    if (!s->list.lv) {
        screens_list_free(&s->list);
        return NULL;
    }
    snprintf(s->list.base.title, sizeof s->list.base.title, "组织架构");
    screens_list_reload(&s->list);
    return &s->list.base;
}
