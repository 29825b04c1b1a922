#include "cli_report.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "io/report_text.h"
#include "model/meeting.h"
#include "model/report.h"
#include "rules.h"
#include "rules_meeting.h"

static int usage_error(const char *what, const char *arg)
{
    cli_printf(stderr, "zhibu：%s%s\n", what, arg);
    cli_puts(stderr, "请用“zhibu --help”查看用法。\n");
    return 2;
}

/* A period option's value must have that option's form: --year 2026,
 * --half 2026H1, --quarter 2026Q3, --month 2026-03. */
static bool period_form(const char *opt, const char *v)
{
    size_t n = strlen(v);
    if (strcmp(opt, "--year") == 0)
        return n == 4;
    if (strcmp(opt, "--half") == 0)
        return n == 6 && (v[4] == 'H' || v[4] == 'h');
    if (strcmp(opt, "--quarter") == 0)
        return n == 6 && (v[4] == 'Q' || v[4] == 'q');
    return n == 7 && v[4] == '-';   /* --month */
}

static bool is_period_opt(const char *a)
{
    return strcmp(a, "--year") == 0 || strcmp(a, "--half") == 0 ||
           strcmp(a, "--quarter") == 0 || strcmp(a, "--month") == 0;
}

int cli_report_parse(int argc, char **argv, struct cli_report *rep)
{
    memset(rep, 0, sizeof *rep);
    rep->encoding = CSV_ENC_UTF8;
    bool period = false, from = false, to = false;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        bool has_value = i + 1 < argc;
        if (is_period_opt(a)) {
            if (!has_value)
                return usage_error(a, " 需要期间，如 2026、2026H1、2026Q3");
            const char *v = argv[++i];
            if (period || from || to)
                return usage_error("只能指定一个统计期间：", v);
            if (!period_form(a, v) ||
                !rules_period_parse(v, rep->from, rep->to))
                return usage_error("无效的期间：", v);
            period = true;
        } else if (strcmp(a, "--from") == 0 || strcmp(a, "--to") == 0) {
            if (!has_value)
                return usage_error(a, " 需要日期，如 2026-01-01");
            const char *v = argv[++i];
            bool is_from = a[2] == 'f';
            if (period || (is_from ? from : to))
                return usage_error("只能指定一个统计期间：", v);
            if (!rules_date_normalize(v, is_from ? rep->from : rep->to))
                return usage_error("无效的日期：", v);
            if (is_from)
                from = true;
            else
                to = true;
        } else if (strcmp(a, "--org") == 0) {
            if (!has_value)
                return usage_error("--org 需要党组织的编号或路径", "");
            rep->org = argv[++i];
        } else if (strcmp(a, "--csv") == 0) {
            rep->csv = true;
        } else if (strcmp(a, "--encoding") == 0) {
            enum csv_encoding e;
            if (!has_value)
                return usage_error("--encoding 需要编码名称", "");
            if (!csv_encoding_parse(argv[++i], &e) || e == CSV_ENC_AUTO)
                return usage_error("编码只能是 utf-8 或 gb18030：", argv[i]);
            rep->encoding = e;
        } else if (a[0] == '-' && a[1]) {
            return usage_error("report 不认识的选项：", a);
        } else if (!rep->file) {
            rep->file = a;
        } else {
            return usage_error("多余的参数：", a);
        }
    }
    char today[11];
    rules_today(today);
    if (to && !from)
        return usage_error("--to 需要同时指定 --from", "");
    if (from && !to)   /* from a date up to today */
        memcpy(rep->to, today, sizeof rep->to);
    if (!period && !from) {   /* this year */
        char year[8];
        snprintf(year, sizeof year, "%.4s", today);
        rules_period_parse(year, rep->from, rep->to);
    }
    if (strcmp(rep->from, rep->to) > 0)
        return usage_error("开始日期晚于结束日期：", rep->from);
    if (rep->encoding != CSV_ENC_UTF8 && !rep->csv)
        return usage_error("--encoding 只用于 --csv", "");
    return 0;
}

/* A new file (never replacing one) for the CSV; removed on failure. */
static int write_csv_file(const struct report *r, const char *path,
                          enum csv_encoding enc, zb_err *e)
{
    FILE *f = fopen(path, "wx");
    if (!f)
        return errno == EEXIST
                   ? zb_fail(e, "文件已存在，不会覆盖：%s", path)
                   : zb_fail(e, "无法创建文件 %s：%s", path, strerror(errno));
    int rc = report_csv_write(r, f, enc, e);
    if (fclose(f) != 0 && rc == 0)
        rc = zb_fail(e, "写入 %s 失败：%s", path, strerror(errno));
    if (rc)
        unlink(path);
    return rc;
}

int cli_report_run(db *d, const struct cli_report *rep,
                   const struct zb_config *cfg)
{
    zb_err e;
    int64_t org = 0;
    if (rep->org && report_resolve_org(d, rep->org, &org, &e) != 0)
        goto fail;
    struct compliance_config cc;
    compliance_config_default(&cc);
    if (cfg) {
        cc.lesson_unit = (enum period_unit)cfg->lesson_unit;
        cc.lesson_min = cfg->lesson_min;
    }
    struct report *r = malloc(sizeof *r);
    if (!r) {
        zb_fail(&e, "内存不足");
        goto fail;
    }
    int rc = report_build(d, org, rep->from, rep->to, &cc, r, &e);
    bool to_stdout = !rep->file || strcmp(rep->file, "-") == 0;
    if (rc == 0 && to_stdout) {
        if (rep->csv) {
            rc = report_csv_write(r, stdout, rep->encoding, &e);
        } else {
            char *text = report_text(r, &e);
            rc = text ? 0 : -1;
            if (text)
                cli_puts(stdout, text);   /* in the terminal's encoding */
            free(text);
        }
        if (rc == 0 && fflush(stdout) != 0)
            rc = zb_fail(&e, "写入标准输出失败");
    } else if (rc == 0) {
        rc = rep->csv ? write_csv_file(r, rep->file, rep->encoding, &e)
                      : report_text_file(r, rep->file, false, &e);
        if (rc == 0)
            cli_printf(stdout, "报表已写入 %s\n", rep->file);
    }
    free(r);
    if (rc == 0)
        return 0;
fail:
    cli_printf(stderr, "zhibu：%s\n", e.msg);
    return 1;
}
