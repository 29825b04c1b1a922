/* `zhibu check`: what SQLite says about the file, then the domain rules
 * over every member record. Read-only. */
#include "model/check.h"

#include <sqlite3.h>
#include <string.h>

#include "model/member.h"
#include "rules.h"

struct run {
    db *d;
    FILE *out;
    long problems;
    char today[11];
};

static void problem(struct run *r, const char *line)
{
    fprintf(r->out, "%s\n", line);
    r->problems++;
}

static int sqlite_checks(struct run *r, zb_err *err)
{
    static const char integrity[] = "PRAGMA integrity_check";
    static const char fk[] = "PRAGMA foreign_key_check";
    char line[1024], msg[512];
    sqlite3_stmt *st = db_stmt(r->d, integrity, err);
    if (!st)
        return -1;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        db_text(st, 0, msg, sizeof msg);
        if (strcmp(msg, "ok") != 0) {
            snprintf(line, sizeof line, "数据库完整性问题：%s", msg);
            problem(r, line);
        }
    }
    sqlite3_reset(st);
    if (rc != SQLITE_DONE)
        return db_fail(r->d, err, "完整性检查");
    if (!(st = db_stmt(r->d, fk, err)))
        return -1;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        char table[64], parent[64];
        db_text(st, 0, table, sizeof table);
        db_text(st, 2, parent, sizeof parent);
        snprintf(line, sizeof line,
                 "外键问题：表 %s 第 %lld 行引用的 %s 记录不存在", table,
                 (long long)sqlite3_column_int64(st, 1), parent);
        problem(r, line);
    }
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? 0 : db_fail(r->d, err, "外键检查");
}

struct row {
    char no[16], name[128], id_number[32], birth[16], join[16], full[16];
    char phone[64], lost[16], left[16];
    int gender;
};

static void member_problem(struct run *r, const struct row *m,
                           const char *what)
{
    char line[1024];
    snprintf(line, sizeof line, "党员 %s（编号 %s）：%s", m->name, m->no,
             what);
    problem(r, line);
}

static void check_date(struct run *r, const struct row *m,
                       const char *label, const char *v)
{
    char what[256];
    if (!*v)
        return;
    if (!rules_date_valid(v))
        snprintf(what, sizeof what, "%s %s 不是有效日期", label, v);
    else if (strcmp(v, r->today) > 0)
        snprintf(what, sizeof what, "%s %s 晚于今天", label, v);
    else
        return;
    member_problem(r, m, what);
}

static void check_member(struct run *r, const struct row *m)
{
    char what[512];
    if (*m->id_number) {
        struct idnum_info info;
        enum idnum_result res = rules_idnum_check(m->id_number, r->today,
                                                  &info);
        if (res != IDNUM_OK) {
            rules_idnum_message(res, m->id_number, what, sizeof what);
            member_problem(r, m, what);
        } else {
            if (*m->birth && strcmp(m->birth, info.birth) != 0) {
                snprintf(what, sizeof what, "出生日期 %s 与公民身份号码中的"
                         " %s 不一致", m->birth, info.birth);
                member_problem(r, m, what);
            }
            if ((m->gender == 1 || m->gender == 2) &&
                m->gender != info.gender)
                member_problem(r, m, "性别与公民身份号码不一致");
        }
    }
    check_date(r, m, "出生日期", m->birth);
    check_date(r, m, "加入党组织日期", m->join);
    check_date(r, m, "转为正式党员日期", m->full);
    check_date(r, m, "失去联系日期", m->lost);
    check_date(r, m, "离开日期", m->left);
    if (*m->full && *m->join && rules_date_valid(m->full) &&
        rules_date_valid(m->join) && strcmp(m->full, m->join) < 0) {
        snprintf(what, sizeof what, "转为正式党员日期 %s 早于加入党组织日期"
                 " %s", m->full, m->join);
        member_problem(r, m, what);
    }
    if (*m->phone && !rules_phone_valid(m->phone)) {
        snprintf(what, sizeof what, "联系电话 %s 格式不正确", m->phone);
        member_problem(r, m, what);
    }
}

static int member_checks(struct run *r, zb_err *err)
{
    static const char sql[] =
        "SELECT member_no, name, gender, id_number, birth_date, join_date,"
        " full_date, phone, lost_date, left_date FROM member ORDER BY id";
    static const char dup[] =
        "SELECT upper(id_number), group_concat(name || '（编号 '"
        " || member_no || '）', '、') FROM member WHERE id_number <> ''"
        " GROUP BY upper(id_number) HAVING count(*) > 1";
    sqlite3_stmt *st = db_stmt(r->d, sql, err);
    if (!st)
        return -1;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        struct row m;
        db_text(st, 0, m.no, sizeof m.no);
        db_text(st, 1, m.name, sizeof m.name);
        m.gender = sqlite3_column_int(st, 2);
        db_text(st, 3, m.id_number, sizeof m.id_number);
        db_text(st, 4, m.birth, sizeof m.birth);
        db_text(st, 5, m.join, sizeof m.join);
        db_text(st, 6, m.full, sizeof m.full);
        db_text(st, 7, m.phone, sizeof m.phone);
        db_text(st, 8, m.lost, sizeof m.lost);
        db_text(st, 9, m.left, sizeof m.left);
        check_member(r, &m);
    }
    sqlite3_reset(st);
    if (rc != SQLITE_DONE)
        return db_fail(r->d, err, "检查党员");
    if (!(st = db_stmt(r->d, dup, err)))
        return -1;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        char idn[32], who[700], line[1024];
        db_text(st, 0, idn, sizeof idn);
        db_text(st, 1, who, sizeof who);
        snprintf(line, sizeof line, "公民身份号码 %s 重复：%s", idn, who);
        problem(r, line);
    }
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? 0 : db_fail(r->d, err, "检查重复号码");
}

int check_run(db *d, FILE *out, long *problems, zb_err *err)
{
    struct run r = {.d = d, .out = out};
    *problems = 0;
    rules_today(r.today);
    if (sqlite_checks(&r, err) || member_checks(&r, err))
        return -1;
    long stale = 0;
    bool grams_ok = true;
    if (member_check_keys(d, &stale, &grams_ok, err))
        return -1;
    if (stale) {
        char line[256];
        snprintf(line, sizeof line, "有 %ld 名党员的搜索和排序字段与记录"
                 "不一致（需要重建搜索索引）", stale);
        problem(&r, line);
    }
    if (!grams_ok)
        problem(&r, "党员搜索索引（member_search）与党员记录不一致"
                    "（需要重建搜索索引）");
    if (r.problems)
        fprintf(out, "检查完成：发现 %ld 个问题\n", r.problems);
    else
        fprintf(out, "检查完成：未发现问题\n");
    *problems = r.problems;
    return 0;
}
