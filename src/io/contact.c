/* The contact sheet (公示牌 / 联系卡) as plain UTF-8 text: every cell is
 * cut or padded to its column by display width (text_fit), so that the
 * columns line up in any monospace font that draws CJK characters two
 * columns wide. */
#include "io/contact.h"

#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "model/grid.h"
#include "rules.h"
#include "text.h"

#define LINE_MAX_BYTES 2048

/* One cell and the gap after it into line; the last one ends the line
 * (written without trailing blanks). */
static void cell(FILE *out, char *line, const char *s, int cols, bool last)
{
    char buf[1024];
    text_fit(buf, sizeof buf, s, cols, TEXT_LEFT);
    size_t k = strlen(line);
    snprintf(line + k, LINE_MAX_BYTES - k, "%s%s", buf, last ? "" : "  ");
    if (last) {
        size_t n = strlen(line);
        while (n > 0 && line[n - 1] == ' ')
            line[--n] = '\0';
        fprintf(out, "%s\n", line);
        line[0] = '\0';
    }
}

static int clamp(int v, int lo, int hi)
{
    return v < lo ? lo : v > hi ? hi : v;
}

static void role_text(const struct grid_contact *c, char *out, size_t sz)
{
    const char *label = c->role > 0 && c->role < GRID_ROLE_N
                            ? grid_role_label[c->role] : "";
    if (c->where[0])
        snprintf(out, sz, "%s %s", c->where, label);
    else
        snprintf(out, sz, "%s", label);
}

static void write_sheet(const struct grid_contacts *c, const char *today,
                        FILE *out)
{
    char buf[700], line[LINE_MAX_BYTES] = "";
    /* the title is one line: no control characters, whole path */
    text_fit(buf, sizeof buf, c->path, clamp(text_width(c->path), 1, 160),
             TEXT_LEFT);
    fprintf(out, "%s\n", buf);
    fprintf(out, "%s负责人联系表（%s）\n\n",
             c->level == GRID_BUILDING || c->level == GRID_UNIT
                 ? "联系卡：" : "网格公示牌：", today);

    int wrole = 4, wname = 4;
    for (int i = 0; i < c->npeople; i++) {
        role_text(&c->people[i], buf, sizeof buf);
        wrole = clamp(text_width(buf), wrole, 40);
        wname = clamp(text_width(c->people[i].name), wname, 20);
    }
    if (c->npeople == 0) {
        fputs("（暂无在任负责人）\n", out);
    } else {
        cell(out, line, "职务", wrole, false);
        cell(out, line, "姓名", wname, false);
        cell(out, line, "联系电话", 16, true);
        for (int i = 0; i < c->npeople; i++) {
            const struct grid_contact *p = &c->people[i];
            role_text(p, buf, sizeof buf);
            cell(out, line, buf, wrole, false);
            cell(out, line, p->name, wname, false);
            cell(out, line, p->phone[0] ? p->phone : "未填", 16, true);
        }
    }

    fputs("\n", out);
    if (c->norgs == 0) {
        fputs("党组织：未建立\n", out);
        return;
    }
    int worg = 8, wsec = 4;
    for (int i = 0; i < c->norgs; i++) {
        worg = clamp(text_width(c->orgs[i].name), worg, 40);
        wsec = clamp(text_width(c->orgs[i].secretary), wsec, 20);
    }
    cell(out, line, "党组织", worg, false);
    cell(out, line, "书记", wsec, false);
    cell(out, line, "联系电话", 16, true);
    for (int i = 0; i < c->norgs; i++) {
        const struct grid_contact_org *o = &c->orgs[i];
        cell(out, line, o->name, worg, false);
        cell(out, line, o->secretary[0] ? o->secretary : "未设", wsec, false);
        cell(out, line, o->phone, 16, true);
    }
}

int contact_sheet_print(db *d, int64_t grid_id, const char *today,
                        FILE *out, zb_err *err)
{
    char t[11];
    if (!today || !*today)
        today = rules_today(t);
    struct grid_contacts c;
    if (grid_contacts(d, grid_id, today, &c, err))
        return -1;
    write_sheet(&c, today, out);
    grid_contacts_free(&c);
    if (ferror(out))
        return zb_fail(err, "写入联系表失败：%s", strerror(errno));
    return 0;
}

int contact_sheet_write(db *d, int64_t grid_id, const char *today,
                        const char *path, zb_err *err)
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
    int rc = contact_sheet_print(d, grid_id, today, f, err);
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
