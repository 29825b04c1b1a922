/* The sign-in sheet (签到表) as plain UTF-8 text: every cell is cut or
 * padded to its column by display width (text_fit), so that columns
 * line up in any monospace font that draws CJK characters two columns
 * wide. */
#include "io/signin.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "domain.h"
#include "model/attendance.h"
#include "model/meeting.h"
#include "model/org.h"
#include "text.h"

#define SIGN_COLS 16
#define NO_COLS 8
#define GUEST_LINES 5

/* One cell and the gap after it. */
static void cell(FILE *out, const char *s, int cols, enum text_align a,
                 bool last)
{
    char buf[512];
    text_fit(buf, sizeof buf, s, cols, a);
    if (last) {
        /* no trailing blanks */
        size_t n = strlen(buf);
        while (n > 0 && buf[n - 1] == ' ')
            buf[--n] = '\0';
    }
    fputs(buf, out);
    if (!last)
        fputs("  ", out);
}

static void rule(char *out, int cols)
{
    memset(out, '_', (size_t)cols);
    out[cols] = '\0';
}

static int clamp(int v, int lo, int hi)
{
    return v < lo ? lo : v > hi ? hi : v;
}

static void line(FILE *out, const char *seq, const char *name, int wname,
                 const char *org, int worg, const char *no,
                 const char *sign)
{
    cell(out, seq, 4, TEXT_RIGHT, false);
    cell(out, name, wname, TEXT_LEFT, false);
    cell(out, org, worg, TEXT_LEFT, false);
    cell(out, no, NO_COLS, TEXT_LEFT, false);
    cell(out, sign, SIGN_COLS, TEXT_LEFT, true);
    fputc('\n', out);
}

static int write_sheet(db *d, const meeting *m, struct att_row *rows,
                       int n, FILE *out, zb_err *err)
{
    char org[128], when[64], buf[512];
    if (org_name(d, m->org_id, org, sizeof org, err))
        return -1;
    const char *kind = m->kind > 0 && m->kind < DOMAIN_MEETING_KIND_N
                           ? domain_meeting_kind[m->kind] : "";
    snprintf(when, sizeof when, "%s%s%s%s%s", m->date,
             m->start_time[0] ? " " : "", m->start_time,
             m->start_time[0] && m->end_time[0] ? "-" : "", m->end_time);

    int expected = 0, wname = 8, worg = 8;
    for (int i = 0; i < n; i++) {
        if (rows[i].state == ATT_GUEST)
            continue;
        expected++;
        wname = clamp(text_width(rows[i].name), wname, 20);
        worg = clamp(text_width(rows[i].group_name), worg, 30);
    }
    /* the header values are one line each: no control characters */
    text_fit(buf, sizeof buf, kind, text_width(kind), TEXT_LEFT);
    fprintf(out, "%s签到表\n\n", buf);
    const char *label[] = {"组织", "会议类型", "日期时间", "地点", "主题"};
    const char *value[] = {org, kind, when, m->place, m->topic};
    for (int i = 0; i < 5; i++) {
        int w = text_width(value[i]);
        text_fit(buf, sizeof buf, value[i], w < 120 ? w : 120, TEXT_LEFT);
        fprintf(out, "%s：%s\n", label[i], buf);
    }
    fprintf(out, "应到：%d 人\n\n", expected);

    char sign[SIGN_COLS + 1], uname[64], uorg[64];
    rule(sign, SIGN_COLS);
    line(out, "序号", "姓名", wname, "所在组织", worg, "党员编号", "签名");
    fputc('\n', out);
    int seq = 0;
    for (int i = 0; i < n; i++) {
        if (rows[i].state == ATT_GUEST)
            continue;
        char no[16];
        snprintf(no, sizeof no, "%d", ++seq);
        line(out, no, rows[i].name, wname, rows[i].group_name, worg,
             rows[i].member_no, sign);
        fputc('\n', out);
    }
    fputs("列席人员：\n\n", out);
    for (int i = 0; i < n; i++)
        if (rows[i].state == ATT_GUEST) {
            line(out, "", rows[i].name, wname, rows[i].group_name, worg,
                 rows[i].member_no, sign);
            fputc('\n', out);
        }
    rule(uname, wname);
    rule(uorg, worg);
    for (int i = 0; i < GUEST_LINES; i++) {
        line(out, "", uname, wname, uorg, worg, "", sign);
        fputc('\n', out);
    }
    if (ferror(out))
        return zb_fail(err, "写入签到表失败：%s", strerror(errno));
    return 0;
}

int signin_write(db *d, int64_t meeting_id, FILE *out, zb_err *err)
{
    meeting *m = malloc(sizeof *m);
    if (!m)
        return zb_fail(err, "内存不足");
    long n = 0;
    struct att_row *rows = NULL;
    int got = 0, rc = -1;
    if (meeting_get(d, meeting_id, m, err) ||
        attendance_count(d, meeting_id, NULL, &n, err))
        goto done;
    rows = calloc((size_t)n + 1, sizeof *rows);
    if (!rows) {
        zb_fail(err, "内存不足");
        goto done;
    }
    if (attendance_window(d, meeting_id, NULL, 0, (int)n, rows, &got, err))
        goto done;
    rc = write_sheet(d, m, rows, got, out, err);
done:
    free(rows);
    free(m);
    return rc;
}

int signin_write_file(db *d, int64_t meeting_id, const char *path,
                      zb_err *err)
{
    /* a temporary file renamed over the target: a reader never sees
     * half a sheet, and the result is 0644 whatever the umask */
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
    int rc = signin_write(d, meeting_id, f, err);
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
