/* The work-summary report as aligned plain text and as CSV. Every label
 * is fitted to its column by display width (text_fit) and every number
 * right-aligned in its own, so that the columns line up with CJK labels.
 * No ambiguous-width characters: the text looks the same in any
 * terminal or editor. */
#include "io/report_text.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "model/attendance.h"
#include "rules.h"
#include "rules_meeting.h"
#include "rules_money.h"
#include "text.h"

#define LABEL_W 26     /* columns of a label (after the indent) */
#define VALUE_W 14     /* columns of a number (12,345,678.90) */

/* The kinds in the order of the table; the kinds with a minimum first. */
static const int kinds[] = {MK_GENERAL, MK_COMMITTEE, MK_GROUP, MK_LESSON,
                            MK_THEME_DAY, MK_LIFE, MK_APPRAISAL, MK_OTHER};
#define NKINDS ((int)(sizeof kinds / sizeof kinds[0]))

void report_period_label(const char *from, const char *to, char *out,
                         size_t outsz)
{
    char f[11], t[11], spec[16];
    int y = atoi(from);
    snprintf(spec, sizeof spec, "%d", y);
    if (rules_period_parse(spec, f, t) && !strcmp(f, from) && !strcmp(t, to)) {
        snprintf(out, outsz, "%d年", y);
        return;
    }
    for (int h = 1; h <= 2; h++) {
        snprintf(spec, sizeof spec, "%dH%d", y, h);
        if (rules_period_parse(spec, f, t) && !strcmp(f, from) &&
            !strcmp(t, to)) {
            snprintf(out, outsz, "%d年%s半年", y, h == 1 ? "上" : "下");
            return;
        }
    }
    for (int q = 1; q <= 4; q++) {
        snprintf(spec, sizeof spec, "%dQ%d", y, q);
        if (rules_period_parse(spec, f, t) && !strcmp(f, from) &&
            !strcmp(t, to)) {
            snprintf(out, outsz, "%d年第%d季度", y, q);
            return;
        }
    }
    snprintf(spec, sizeof spec, "%.7s", from);
    if (rules_period_parse(spec, f, t) && !strcmp(f, from) && !strcmp(t, to)) {
        snprintf(out, outsz, "%d年%d月", y, atoi(from + 5));
        return;
    }
    snprintf(out, outsz, "%s 至 %s", from, to);
}

/* ---- plain text ---- */

static void fit(FILE *o, const char *s, int cols, enum text_align a)
{
    char buf[512];
    text_fit(buf, sizeof buf, s, cols, a);
    fputs(buf, o);
}

/* "  label ....... value unit" */
static void row(FILE *o, int indent, const char *label, const char *value,
                const char *unit)
{
    fprintf(o, "  %*s", indent, "");
    fit(o, label, LABEL_W - indent, TEXT_LEFT);
    fit(o, value, VALUE_W, TEXT_RIGHT);
    if (unit && *unit)
        fprintf(o, " %s", unit);
    fputc('\n', o);
}

static void row_n(FILE *o, int indent, const char *label, long n,
                  const char *unit)
{
    char v[32];
    snprintf(v, sizeof v, "%ld", n);
    row(o, indent, label, v, unit);
}

/* Per mille as "93.5%"; "-" when nothing was due. */
static void pct(int permille, char *out, size_t outsz)
{
    if (permille < 0)
        snprintf(out, outsz, "-");
    else
        snprintf(out, outsz, "%d.%d%%", permille / 10, permille % 10);
}

/* "2,319,650.00": grouped, without the unit (it has its own column). */
static void yuan(int64_t fen, char *out, size_t outsz)
{
    rules_money_yuan(fen, out, outsz);
    char *sp = strrchr(out, ' ');
    if (sp)
        *sp = '\0';
}

static void head(FILE *o, const char *title)
{
    fprintf(o, "\n%s\n", title);
}

static void text_members(const struct report *r, FILE *o)
{
    const struct report_members *m = &r->members;
    head(o, "一、党员队伍");
    row_n(o, 0, "期末党员总数", m->total, "名");
    row_n(o, 2, "正式党员", m->full, "名");
    row_n(o, 2, "预备党员", m->prob, "名");
    for (int k = 1; k < DOMAIN_KIND_N; k++) {
        char label[64];
        snprintf(label, sizeof label, "%s党员", domain_kind[k]);
        row_n(o, 2, label, m->by_kind[k], "名");
    }
    row_n(o, 2, "停止党籍", m->suspended, "名");
    row_n(o, 2, "失联党员", m->lost, "名");
    row_n(o, 0, "本期发展党员", m->joined, "名");
    row_n(o, 0, "本期预备党员转正", m->became_full, "名");
    row_n(o, 0, "本期转出", m->left[LEFT_TRANSFERRED], "名");
    row_n(o, 0, "本期出党", m->left[LEFT_EXPELLED], "名");
    row_n(o, 0, "本期去世", m->left[LEFT_DECEASED], "名");
}

static void cell_n(FILE *o, long n, bool show, int cols)
{
    char v[32];
    snprintf(v, sizeof v, show ? "%ld" : "-", n);
    fit(o, v, cols, TEXT_RIGHT);
}

static void text_meetings(const struct report *r, FILE *o)
{
    const struct report_meetings *m = &r->meetings;
    const struct report_attendance *a = &r->attendance;
    head(o, "二、三会一课");
    fputs("  ", o);
    fit(o, "会议类型", 16, TEXT_LEFT);
    fit(o, "已开", 8, TEXT_RIGHT);
    fit(o, "应开", 8, TEXT_RIGHT);
    fit(o, "适用组织", 10, TEXT_RIGHT);
    fit(o, "未达标组织", 12, TEXT_RIGHT);
    fputc('\n', o);
    for (int i = 0; i < NKINDS; i++) {
        int k = kinds[i];
        bool rule = m->orgs[k] > 0;
        fputs("  ", o);
        fit(o, domain_meeting_kind[k], 16, TEXT_LEFT);
        cell_n(o, m->held[k], true, 8);
        cell_n(o, m->required[k], rule, 8);
        cell_n(o, m->orgs[k], rule, 10);
        cell_n(o, m->short_orgs[k], rule, 12);
        fputc('\n', o);
    }
    fputs("  ", o);
    fit(o, "合计", 16, TEXT_LEFT);
    cell_n(o, m->held[0], true, 8);
    fputc('\n', o);
    if (strcmp(r->to, r->today) > 0)
        fprintf(o, "  （已开：截至 %s；应开：已开始的月、季、年；"
                   "未达标：已结束而未达最低次数）\n", r->upto);
    else
        fputs("  （应开：期内的月、季、年；未达标：有未达最低次数的月、季、"
              "年）\n", o);
    row_n(o, 0, "有缺口的组织", m->gap_orgs, "个");
    row_n(o, 0, "应到（人次）", a->expected, "");
    row_n(o, 2, "出席", a->present, "");
    row_n(o, 2, "迟到", a->late, "");
    row_n(o, 2, "请假", a->leave, "");
    row_n(o, 2, "缺席", a->absent, "");
    row_n(o, 2, "未签到", a->unmarked, "");
    row_n(o, 0, "列席（人次）", a->guests, "");
    char v[16];
    pct(a->rate, v, sizeof v);
    row(o, 0, "出勤率（出席+迟到/应到）", v, "");
    pct(a->full_rate, v, sizeof v);
    row(o, 2, "正式党员", v, "");
    pct(a->prob_rate, v, sizeof v);
    row(o, 2, "预备党员", v, "");
}

static void text_pairs(const struct report *r, FILE *o)
{
    const struct pair_totals *p = &r->pairs;
    char v[MONEY_BUF];
    head(o, "三、结对帮扶");
    row_n(o, 0, "帮扶对象", p->households, "户");
    for (int k = 0; k < HH_KIND_N; k++)
        row_n(o, 2, household_kind_label[k], p->by_kind[k], "户");
    row_n(o, 0, "本期新增帮扶对象", p->households_new, "户");
    row_n(o, 0, "本期销号", p->households_closed, "户");
    row_n(o, 0, "结对", p->pairs, "对");
    row_n(o, 2, "其中本期新结对", p->pairs_new, "对");
    row_n(o, 0, "帮扶人", p->helpers, "人");
    row_n(o, 0, "走访慰问", p->visits, "次");
    row_n(o, 0, "走访户数", p->households_visited, "户");
    yuan(p->cash_fen, v, sizeof v);
    row(o, 0, "慰问金", v, "元");
    yuan(p->goods_fen, v, sizeof v);
    row(o, 0, "慰问品折价", v, "元");
    int64_t sum = 0;
    rules_money_add(p->cash_fen, p->goods_fen, &sum);
    yuan(sum, v, sizeof v);
    row(o, 0, "合计", v, "元");
    row_n(o, 0, "帮助就业", p->jobs, "份");
    if (p->unpaired >= 0)
        row_n(o, 0, "期末未结对的帮扶对象", p->unpaired, "户");
}

static void text_grids(const struct report *r, FILE *o)
{
    const struct report_grids *g = &r->grids;
    head(o, "四、网格");
    if (!g->has_grids) {
        fputs(r->org_id ? "  该组织未关联网格\n" : "  尚未建立网格\n", o);
        return;
    }
    if (g->scope[0])
        fprintf(o, "  范围：%s\n", g->scope);
    for (int l = 1; l < GRID_LEVEL_N; l++)
        row_n(o, 0, grid_level_label[l], g->nodes[l], "个");
    if (g->households >= 0)
        row_n(o, 0, "户数", g->households, "户");
    if (g->population >= 0)
        row_n(o, 0, "人口", g->population, "人");
    char label[64];
    snprintf(label, sizeof label, "在任负责人（%s）", g->date);
    row_n(o, 0, label, g->roles[0], "人");
    for (int k = 1; k < GRID_ROLE_N; k++)
        row_n(o, 2, grid_role_label[k], g->roles[k], "人");
    row_n(o, 0, "覆盖缺口", g->gaps[0], "处");
    static const char *const gap_label[REPORT_GAP_KINDS] = {
        "", "缺网格长的网格", "缺网格员的网格", "一片三长不全的片区",
        "缺楼栋长的楼栋", "户数不在300-500的网格",
        "人口不在1000-1500的网格", "未建党组织的网格"};
    for (int k = 1; k < REPORT_GAP_KINDS; k++)
        row_n(o, 2, gap_label[k], g->gaps[k], "个");
    row_n(o, 0, "有缺口的节点", g->gap_nodes, "个");
}

/* The sentences the seeds leave as "X". */
static void text_summary(const struct report *r, FILE *o)
{
    const struct report_members *m = &r->members;
    const struct report_meetings *mt = &r->meetings;
    const struct report_attendance *a = &r->attendance;
    const struct pair_totals *p = &r->pairs;
    char v[MONEY_BUF], rate[16];
    head(o, "五、总结用语（可直接粘贴）");
    fprintf(o, "  截至 %d年%d月%d日，共有党员 %ld 名，其中正式党员 %ld 名、"
               "预备党员 %ld 名。本期发展党员 %ld 名，预备党员转正 %ld 名，"
               "转出 %ld 名，去世 %ld 名。\n",
            atoi(r->upto), atoi(r->upto + 5), atoi(r->upto + 8), m->total,
            m->full,
            m->prob, m->joined, m->became_full, m->left[LEFT_TRANSFERRED],
            m->left[LEFT_DECEASED]);
    fprintf(o, "  开展党员大会 %ld 次，支部委员会 %ld 次，党小组会 %ld 次，"
               "党课 %ld 次，主题党日 %ld 次，组织生活会 %ld 次，"
               "民主评议党员 %ld 次",
            mt->held[MK_GENERAL], mt->held[MK_COMMITTEE], mt->held[MK_GROUP],
            mt->held[MK_LESSON], mt->held[MK_THEME_DAY], mt->held[MK_LIFE],
            mt->held[MK_APPRAISAL]);
    if (mt->held[MK_OTHER])
        fprintf(o, "，其他学习活动 %ld 次", mt->held[MK_OTHER]);
    if (a->rate >= 0) {
        pct(a->rate, rate, sizeof rate);
        fprintf(o, "；党员参加组织生活出勤率 %s", rate);
    }
    fputs("。\n", o);
    int64_t sum = 0;
    char yuan[MONEY_BUF];
    rules_money_add(p->cash_fen, p->goods_fen, &sum);
    rules_money_wan(sum, v, sizeof v);
    rules_money_yuan(sum, yuan, sizeof yuan);
    fprintf(o, "  结对帮扶困难群众 %ld 户，结成帮扶对子 %ld 对；慰问走访 %ld 户"
               "（%ld 次），发放慰问金及慰问品 %s（%s），帮助联系就业岗位"
               " %ld 份。\n",
            p->households, p->pairs, p->households_visited, p->visits, v,
            yuan, p->jobs);
    const struct report_grids *g = &r->grids;
    if (g->has_grids)
        fprintf(o, "  划分网格 %ld 个，配备网格长 %ld 名、网格员 %ld 名、"
                   "楼栋长 %ld 名。\n",
                g->nodes[GRID_GRID], g->roles[ROLE_GRID_HEAD],
                g->roles[ROLE_WORKER_FULL] + g->roles[ROLE_WORKER_PART],
                g->roles[ROLE_BUILDING_HEAD]);
}

int report_text_write(const struct report *r, FILE *o, zb_err *err)
{
    char label[64];
    report_period_label(r->from, r->to, label, sizeof label);
    fputs("党建工作统计报表\n", o);
    fprintf(o, "统计期间：%s（%s 至 %s）\n", label, r->from, r->to);
    fprintf(o, "统计范围：%s\n", r->org_id ? r->org_path : "全部党组织");
    fprintf(o, "制表日期：%s\n", r->today);
    text_members(r, o);
    text_meetings(r, o);
    text_pairs(r, o);
    text_grids(r, o);
    text_summary(r, o);
    if (ferror(o))
        return zb_fail(err, "写入报表失败：%s", strerror(errno));
    return 0;
}

char *report_text(const struct report *r, zb_err *err)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    if (!f) {
        zb_fail(err, "内存不足");
        return NULL;
    }
    int rc = report_text_write(r, f, err);
    if (fclose(f) != 0 && rc == 0)
        rc = zb_fail(err, "内存不足");
    if (rc != 0) {
        free(buf);
        return NULL;
    }
    return buf;
}

int report_text_file(const struct report *r, const char *path, bool replace,
                     zb_err *err)
{
    if (!replace && access(path, F_OK) == 0)
        return zb_fail(err, "文件已存在，不会覆盖：%s", path);
    /* a temporary file renamed over the target: never half a report */
    char tmp[4096];
    if (snprintf(tmp, sizeof tmp, "%s.XXXXXX", path) >= (int)sizeof tmp)
        return zb_fail(err, "文件路径太长：%s", path);
    int fd = mkstemp(tmp);
    if (fd < 0)
        return zb_fail(err, "无法创建文件 %s：%s", path, strerror(errno));
    FILE *f = fdopen(fd, "w");
    if (!f) {
        close(fd);
        unlink(tmp);
        return zb_fail(err, "无法创建文件 %s：%s", path, strerror(errno));
    }
    int rc = report_text_write(r, f, err);
    if (!rc && (fchmod(fd, 0644) != 0 || fflush(f) != 0 || fsync(fd) != 0))
        rc = zb_fail(err, "写入 %s 失败：%s", path, strerror(errno));
    if (fclose(f) != 0 && !rc)
        rc = zb_fail(err, "写入 %s 失败：%s", path, strerror(errno));
    if (!rc && rename(tmp, path) != 0)
        rc = zb_fail(err, "无法写入 %s：%s", path, strerror(errno));
    if (rc)
        unlink(tmp);
    return rc;
}

char *report_text_wrap(const char *text, int cols)
{
    enum { INDENT = 4 };
    if (cols < 16)
        cols = 16;
    size_t len = strlen(text);
    /* each break adds a newline and the indent */
    char *out = malloc(len + (len / (size_t)(cols - INDENT - 2) + 2) *
                                 (INDENT + 1) + 1);
    if (!out)
        return NULL;
    size_t k = 0;
    int col = 0;
    for (size_t i = 0; i < len;) {
        uint32_t c;
        size_t n = text_decode(text + i, len - i, &c);
        if (c == '\n') {
            out[k++] = '\n';
            col = 0;
            i += n;
            continue;
        }
        int w = text_char_width(c);
        if (col > INDENT && col + w > cols) {
            out[k++] = '\n';
            memset(out + k, ' ', INDENT);
            k += INDENT;
            col = INDENT;
        }
        memcpy(out + k, text + i, n);
        k += n;
        col += w;
        i += n;
    }
    out[k] = '\0';
    return out;
}

/* ---- CSV ---- */

static int rec(csv_writer *w, const char *item, const char *value,
               zb_err *err)
{
    csv_field(w, item, 0);
    /* numbers stay numbers for a spreadsheet: no CSV_TEXT */
    csv_field(w, value, 0);
    return csv_end_record(w, err);
}

static int rec_n(csv_writer *w, const char *item, long n, zb_err *err)
{
    char v[32];
    snprintf(v, sizeof v, "%ld", n);
    return rec(w, item, v, err);
}

static int rec_money(csv_writer *w, const char *item, int64_t fen,
                     zb_err *err)
{
    char v[MONEY_BUF];
    rules_money_plain(fen, v, sizeof v);
    return rec(w, item, v, err);
}

static int rec_pct(csv_writer *w, const char *item, int permille,
                   zb_err *err)
{
    char v[16] = "";
    if (permille >= 0)
        snprintf(v, sizeof v, "%d.%d", permille / 10, permille % 10);
    return rec(w, item, v, err);
}

#define TRY(x) do { if ((x) != 0) goto fail; } while (0)

static int csv_body(const struct report *r, csv_writer *w, zb_err *err)
{
    const struct report_members *m = &r->members;
    const struct report_meetings *mt = &r->meetings;
    const struct report_attendance *a = &r->attendance;
    const struct pair_totals *p = &r->pairs;
    const struct report_grids *g = &r->grids;
    char item[256];
    TRY(rec(w, "统计期间/开始", r->from, err));
    TRY(rec(w, "统计期间/结束", r->to, err));
    TRY(rec(w, "统计范围", r->org_id ? r->org_path : "全部党组织", err));
    TRY(rec(w, "制表日期", r->today, err));
    TRY(rec_n(w, "党员/期末党员总数", m->total, err));
    TRY(rec_n(w, "党员/正式党员", m->full, err));
    TRY(rec_n(w, "党员/预备党员", m->prob, err));
    for (int k = 1; k < DOMAIN_KIND_N; k++) {
        snprintf(item, sizeof item, "党员/%s党员", domain_kind[k]);
        TRY(rec_n(w, item, m->by_kind[k], err));
    }
    TRY(rec_n(w, "党员/停止党籍", m->suspended, err));
    TRY(rec_n(w, "党员/失联党员", m->lost, err));
    TRY(rec_n(w, "党员/本期发展党员", m->joined, err));
    TRY(rec_n(w, "党员/本期预备党员转正", m->became_full, err));
    TRY(rec_n(w, "党员/本期转出", m->left[LEFT_TRANSFERRED], err));
    TRY(rec_n(w, "党员/本期出党", m->left[LEFT_EXPELLED], err));
    TRY(rec_n(w, "党员/本期去世", m->left[LEFT_DECEASED], err));
    for (int i = 0; i < NKINDS; i++) {
        int k = kinds[i];
        const char *name = domain_meeting_kind[k];
        snprintf(item, sizeof item, "三会一课/%s/已开", name);
        TRY(rec_n(w, item, mt->held[k], err));
        if (mt->orgs[k] == 0)
            continue;
        snprintf(item, sizeof item, "三会一课/%s/应开", name);
        TRY(rec_n(w, item, mt->required[k], err));
        snprintf(item, sizeof item, "三会一课/%s/适用组织", name);
        TRY(rec_n(w, item, mt->orgs[k], err));
        snprintf(item, sizeof item, "三会一课/%s/未达标组织", name);
        TRY(rec_n(w, item, mt->short_orgs[k], err));
    }
    TRY(rec_n(w, "三会一课/合计/已开", mt->held[0], err));
    TRY(rec_n(w, "三会一课/有缺口的组织", mt->gap_orgs, err));
    TRY(rec_n(w, "出勤/应到", a->expected, err));
    TRY(rec_n(w, "出勤/出席", a->present, err));
    TRY(rec_n(w, "出勤/迟到", a->late, err));
    TRY(rec_n(w, "出勤/请假", a->leave, err));
    TRY(rec_n(w, "出勤/缺席", a->absent, err));
    TRY(rec_n(w, "出勤/未签到", a->unmarked, err));
    TRY(rec_n(w, "出勤/列席", a->guests, err));
    TRY(rec_pct(w, "出勤/出勤率（%）", a->rate, err));
    TRY(rec_pct(w, "出勤/正式党员出勤率（%）", a->full_rate, err));
    TRY(rec_pct(w, "出勤/预备党员出勤率（%）", a->prob_rate, err));
    TRY(rec_n(w, "结对帮扶/帮扶对象（户）", p->households, err));
    for (int k = 0; k < HH_KIND_N; k++) {
        snprintf(item, sizeof item, "结对帮扶/%s（户）",
                 household_kind_label[k]);
        TRY(rec_n(w, item, p->by_kind[k], err));
    }
    TRY(rec_n(w, "结对帮扶/本期新增帮扶对象（户）", p->households_new, err));
    TRY(rec_n(w, "结对帮扶/本期销号（户）", p->households_closed, err));
    TRY(rec_n(w, "结对帮扶/结对（对）", p->pairs, err));
    TRY(rec_n(w, "结对帮扶/本期新结对（对）", p->pairs_new, err));
    TRY(rec_n(w, "结对帮扶/帮扶人", p->helpers, err));
    TRY(rec_n(w, "结对帮扶/走访慰问（次）", p->visits, err));
    TRY(rec_n(w, "结对帮扶/走访户数", p->households_visited, err));
    TRY(rec_money(w, "结对帮扶/慰问金（元）", p->cash_fen, err));
    TRY(rec_money(w, "结对帮扶/慰问品折价（元）", p->goods_fen, err));
    TRY(rec_n(w, "结对帮扶/帮助就业（份）", p->jobs, err));
    if (p->unpaired >= 0)
        TRY(rec_n(w, "结对帮扶/期末未结对（户）", p->unpaired, err));
    if (g->has_grids) {
        for (int l = 1; l < GRID_LEVEL_N; l++) {
            snprintf(item, sizeof item, "网格/%s", grid_level_label[l]);
            TRY(rec_n(w, item, g->nodes[l], err));
        }
        if (g->households >= 0)
            TRY(rec_n(w, "网格/户数", g->households, err));
        if (g->population >= 0)
            TRY(rec_n(w, "网格/人口", g->population, err));
        for (int k = 1; k < GRID_ROLE_N; k++) {
            snprintf(item, sizeof item, "网格/负责人/%s", grid_role_label[k]);
            TRY(rec_n(w, item, g->roles[k], err));
        }
        TRY(rec_n(w, "网格/覆盖缺口", g->gaps[0], err));
        TRY(rec_n(w, "网格/有缺口的节点", g->gap_nodes, err));
    }
    return 0;
fail:
    return -1;
}

int report_csv_write(const struct report *r, FILE *f, enum csv_encoding enc,
                     zb_err *err)
{
    csv_writer *w = NULL;
    if (csv_writer_open(f, enc, &w, err) != 0)
        return -1;
    csv_field(w, "项目", 0);
    csv_field(w, "数值", 0);
    int rc = csv_end_record(w, err);
    if (rc == 0)
        rc = csv_body(r, w, err);
    if (csv_writer_close(w, rc == 0 ? err : NULL) != 0)
        rc = -1;
    return rc;
}
