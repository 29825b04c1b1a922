#include "io/csv.h"

#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistr.h>

bool csv_encoding_parse(const char *name, enum csv_encoding *out)
{
    static const struct {
        const char *name;
        enum csv_encoding enc;
    } names[] = {
        {"auto", CSV_ENC_AUTO},       {"utf-8", CSV_ENC_UTF8},
        {"utf8", CSV_ENC_UTF8},       {"gb18030", CSV_ENC_GB18030},
        {"gbk", CSV_ENC_GB18030},     {"gb2312", CSV_ENC_GB18030},
        {"cp936", CSV_ENC_GB18030},
    };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (name && strcasecmp(name, names[i].name) == 0) {
            *out = names[i].enc;
            return true;
        }
    return false;
}

const char *csv_encoding_label(enum csv_encoding e)
{
    switch (e) {
    case CSV_ENC_UTF8:
        return "UTF-8";
    case CSV_ENC_GB18030:
        return "GB18030";
    case CSV_ENC_UTF16LE:
    case CSV_ENC_UTF16BE:
        return "UTF-16";
    default:
        return "自动";
    }
}

/* ---- reader ---- */

struct csv_reader {
    char *buf;            /* the whole text as UTF-8, BOM removed */
    size_t len, pos;
    long line;
    enum csv_encoding enc;
    char sep;
    char *rec;            /* the current record's fields, NUL-separated */
    size_t rlen, rcap;
    size_t *off;          /* field offsets into rec */
    char **field;
    size_t *flen;
    int fcap;
};

/* Line of byte offset `at` in raw text (LF, CR or CRLF end a line; the
 * bytes 0x0A and 0x0D never occur inside a GB18030 character). */
static long line_at(const unsigned char *s, size_t at)
{
    long line = 1;
    for (size_t i = 0; i < at; i++)
        if (s[i] == '\n' || (s[i] == '\r' && (i + 1 >= at || s[i + 1] != '\n')))
            line++;
    return line;
}

/* Converts n bytes from `from` into UTF-8 (malloc'ed *out). On a bad
 * byte sequence *bad_at is its offset and -1 is returned. */
static int convert(const char *from, const unsigned char *s, size_t n,
                   char **out, size_t *outlen, size_t *bad_at)
{
    iconv_t cd = iconv_open("UTF-8", from);
    if (cd == (iconv_t)-1)
        return -2;
    size_t cap = n + n / 2 + 16;
    char *buf = malloc(cap + 1);
    if (!buf) {
        iconv_close(cd);
        return -3;
    }
    char *in = (char *)s, *o = buf;
    size_t inleft = n, oleft = cap;
    int rc = 0;
    while (inleft > 0) {
        size_t r = iconv(cd, &in, &inleft, &o, &oleft);
        if (r != (size_t)-1)
            continue;
        if (errno == E2BIG) {
            size_t used = (size_t)(o - buf);
            char *nb = realloc(buf, cap * 2 + 1);
            if (!nb) {
                rc = -3;
                break;
            }
            buf = nb;
            cap *= 2;
            o = buf + used;
            oleft = cap - used;
            continue;
        }
        *bad_at = (size_t)(in - (char *)s);
        rc = -1;
        break;
    }
    iconv_close(cd);
    if (rc) {
        free(buf);
        return rc;
    }
    *outlen = (size_t)(o - buf);
    *out = buf;
    return 0;
}

static int load(csv_reader *r, const unsigned char *s, size_t n,
                enum csv_encoding enc, zb_err *err)
{
    if (n > CSV_MAX_FILE)
        return zb_fail(err, "文件太大（%zu MB），最多 %zu MB", n >> 20,
                       CSV_MAX_FILE >> 20);
    const char *from = NULL;
    if (n >= 2 && s[0] == 0xFF && s[1] == 0xFE) {
        enc = CSV_ENC_UTF16LE;
        from = "UTF-16LE";
        s += 2, n -= 2;
    } else if (n >= 2 && s[0] == 0xFE && s[1] == 0xFF) {
        enc = CSV_ENC_UTF16BE;
        from = "UTF-16BE";
        s += 2, n -= 2;
    } else {
        if (n >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF) {
            s += 3, n -= 3;
            if (enc == CSV_ENC_AUTO)
                enc = CSV_ENC_UTF8;
        }
        if (enc == CSV_ENC_AUTO)
            enc = u8_check(s, n) ? CSV_ENC_GB18030 : CSV_ENC_UTF8;
        if (enc == CSV_ENC_GB18030)
            from = "GB18030";
    }
    r->enc = enc;
    if (!from) {
        const uint8_t *bad = u8_check(s, n);
        if (bad)
            return zb_fail(err, "第 %ld 行：不是有效的 UTF-8 文本"
                           "（如果是 GBK/GB18030 文件，请用 --encoding gb18030）",
                           line_at(s, (size_t)(bad - s)));
        if (!(r->buf = malloc(n + 1)))
            return zb_fail(err, "内存不足");
        memcpy(r->buf, s, n);
        r->len = n;
    } else {
        size_t bad = 0;
        int rc = convert(from, s, n, &r->buf, &r->len, &bad);
        if (rc == -2)
            return zb_fail(err, "本系统不支持 %s 编码转换", from);
        if (rc == -3)
            return zb_fail(err, "内存不足");
        if (rc == -1) {
            if (enc == CSV_ENC_GB18030)
                return zb_fail(err, "第 %ld 行：既不是有效的 UTF-8，也不是"
                               "有效的 GB18030/GBK 文本", line_at(s, bad));
            return zb_fail(err, "文件不是有效的 UTF-16 文本（第 %zu 字节）",
                           bad + 2);
        }
        /* a GB18030 or UTF-16 byte order mark, now U+FEFF */
        if (r->len >= 3 && memcmp(r->buf, "\xEF\xBB\xBF", 3) == 0) {
            memmove(r->buf, r->buf + 3, r->len - 3);
            r->len -= 3;
        }
    }
    r->buf[r->len] = '\0';
    const char *nul = memchr(r->buf, '\0', r->len);
    if (nul)
        return zb_fail(err, "第 %ld 行含有 NUL 字符：不是文本文件",
                       line_at((const unsigned char *)r->buf,
                               (size_t)(nul - r->buf)));
    return 0;
}

/* Comma or tab: whichever the first line that has either (outside
 * quotes) has more of; a title line above the header has neither. */
static char detect_separator(const char *s, size_t n)
{
    long commas = 0, tabs = 0;
    bool quoted = false;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c == '"')
            quoted = !quoted;
        else if (!quoted && (c == '\r' || c == '\n') && (commas || tabs))
            break;
        else if (!quoted && c == ',')
            commas++;
        else if (!quoted && c == '\t')
            tabs++;
    }
    return tabs > commas ? '\t' : ',';
}

int csv_reader_open_mem(const void *data, size_t len, enum csv_encoding enc,
                        csv_reader **out, zb_err *err)
{
    *out = NULL;
    csv_reader *r = calloc(1, sizeof *r);
    if (!r)
        return zb_fail(err, "内存不足");
    if (load(r, data ? data : "", data ? len : 0, enc, err)) {
        csv_reader_free(r);
        return -1;
    }
    r->sep = detect_separator(r->buf, r->len);
    r->line = 1;
    *out = r;
    return 0;
}

int csv_reader_open_file(const char *path, enum csv_encoding enc,
                         csv_reader **out, zb_err *err)
{
    *out = NULL;
    FILE *f = fopen(path, "rb");
    if (!f)
        return zb_fail(err, "无法打开 %s：%s", path, strerror(errno));
    struct stat st;
    if (fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
        fclose(f);
        return zb_fail(err, "%s 是目录，不是文件", path);
    }
    if (fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode) &&
        (uintmax_t)st.st_size > CSV_MAX_FILE) {
        fclose(f);
        return zb_fail(err, "文件太大（%jd MB），最多 %zu MB",
                       (intmax_t)(st.st_size >> 20), CSV_MAX_FILE >> 20);
    }
    /* read in chunks: a pipe or a growing file has no reliable size */
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    int rc = buf ? 0 : zb_fail(err, "内存不足");
    while (rc == 0) {
        if (n == cap) {
            if (cap > CSV_MAX_FILE) {
                rc = zb_fail(err, "文件太大，最多 %zu MB",
                             CSV_MAX_FILE >> 20);
                break;
            }
            char *nb = realloc(buf, cap * 2);
            if (!nb) {
                rc = zb_fail(err, "内存不足");
                break;
            }
            buf = nb;
            cap *= 2;
        }
        size_t k = fread(buf + n, 1, cap - n, f);
        n += k;
        if (k == 0) {
            if (ferror(f))
                rc = zb_fail(err, "读取 %s 失败：%s", path, strerror(errno));
            break;
        }
    }
    fclose(f);
    if (rc == 0)
        rc = csv_reader_open_mem(buf, n, enc, out, err);
    free(buf);
    return rc;
}

void csv_reader_free(csv_reader *r)
{
    if (!r)
        return;
    free(r->buf);
    free(r->rec);
    free(r->off);
    free(r->field);
    free(r->flen);
    free(r);
}

enum csv_encoding csv_reader_encoding(const csv_reader *r)
{
    return r->enc;
}

char csv_reader_separator(const csv_reader *r)
{
    return r->sep;
}

void csv_rewind(csv_reader *r)
{
    r->pos = 0;
    r->line = 1;
}

/* Appends n bytes to the record; -1 past the record limit. */
static int put(csv_reader *r, const char *s, size_t n)
{
    if (r->rlen + n > CSV_MAX_RECORD + CSV_MAX_FIELDS)
        return -1;
    if (!r->rec || r->rlen + n > r->rcap) {
        size_t cap = r->rcap ? r->rcap : 4096;
        while (cap < r->rlen + n)
            cap *= 2;
        char *nb = realloc(r->rec, cap);
        if (!nb)
            return -2;
        r->rec = nb;
        r->rcap = cap;
    }
    memcpy(r->rec + r->rlen, s, n);
    r->rlen += n;
    return 0;
}

static int add_field(csv_reader *r, int nf)
{
    if (nf < r->fcap)
        return 0;
    int cap = r->fcap ? r->fcap * 2 : 32;
    size_t *off = realloc(r->off, (size_t)cap * sizeof *off);
    if (off)
        r->off = off;
    size_t *flen = realloc(r->flen, (size_t)cap * sizeof *flen);
    if (flen)
        r->flen = flen;
    char **field = realloc(r->field, (size_t)cap * sizeof *field);
    if (field)
        r->field = field;
    if (!off || !flen || !field)
        return -1;
    r->fcap = cap;
    return 0;
}

/* Consumes one line end at pos (CRLF, LF or CR). */
static void eat_eol(csv_reader *r)
{
    if (r->buf[r->pos] == '\r' && r->pos + 1 < r->len &&
        r->buf[r->pos + 1] == '\n')
        r->pos++;
    r->pos++;
    r->line++;
}

static int put_fail(int rc, long line, zb_err *err)
{
    if (rc == -2)
        return zb_fail(err, "内存不足");
    return zb_fail(err, "第 %ld 行开始的记录超过 %zu KB（引号可能没有配对）",
                   line, CSV_MAX_RECORD >> 10);
}

/* One field at pos into the record; its length into *flen. */
static int read_field(csv_reader *r, long start, size_t *flen, zb_err *err)
{
    const char *b = r->buf;
    size_t begin = r->rlen;
    int rc;
    if (r->pos < r->len && b[r->pos] == '"') {
        long qline = r->line;
        r->pos++;
        for (;;) {
            if (r->pos >= r->len)
                return zb_fail(err, "第 %ld 行的引号没有结束", qline);
            char c = b[r->pos];
            if (c == '"') {
                if (r->pos + 1 < r->len && b[r->pos + 1] == '"') {
                    if ((rc = put(r, "\"", 1)))
                        return put_fail(rc, start, err);
                    r->pos += 2;
                    continue;
                }
                r->pos++;
                break;
            }
            if (c == '\r' || c == '\n') {
                eat_eol(r);
                if ((rc = put(r, "\n", 1)))
                    return put_fail(rc, start, err);
            } else {
                /* the text is NUL-terminated and has no NUL inside */
                size_t k = r->pos + strcspn(b + r->pos, "\"\r\n");
                if ((rc = put(r, b + r->pos, k - r->pos)))
                    return put_fail(rc, start, err);
                r->pos = k;
            }
            if (r->rlen - begin > CSV_MAX_FIELD)
                return zb_fail(err, "第 %ld 行开始的字段超过 %zu KB"
                               "（引号可能没有配对）", qline,
                               CSV_MAX_FIELD >> 10);
        }
    }
    /* unquoted text, or anything after a closing quote */
    size_t k = r->pos + strcspn(b + r->pos, r->sep == '\t' ? "\t\r\n"
                                                            : ",\r\n");
    if ((rc = put(r, b + r->pos, k - r->pos)))
        return put_fail(rc, start, err);
    r->pos = k;
    if (r->rlen - begin > CSV_MAX_FIELD)
        return zb_fail(err, "第 %ld 行有超过 %zu KB 的字段", r->line,
                       CSV_MAX_FIELD >> 10);
    *flen = r->rlen - begin;
    if ((rc = put(r, "", 1)))
        return put_fail(rc, start, err);
    return 0;
}

int csv_next(csv_reader *r, struct csv_record *rec, zb_err *err)
{
    for (;;) {
        while (r->pos < r->len &&
               (r->buf[r->pos] == '\r' || r->buf[r->pos] == '\n'))
            eat_eol(r);
        if (r->pos >= r->len)
            return 0;
        long start = r->line;
        int nf = 0;
        bool empty = true;
        r->rlen = 0;
        for (;;) {
            if (nf >= CSV_MAX_FIELDS)
                return zb_fail(err, "第 %ld 行的字段超过 %d 个", start,
                               CSV_MAX_FIELDS);
            if (add_field(r, nf))
                return zb_fail(err, "内存不足");
            r->off[nf] = r->rlen;
            if (read_field(r, start, &r->flen[nf], err))
                return -1;
            if (r->flen[nf])
                empty = false;
            nf++;
            if (r->pos < r->len && r->buf[r->pos] == r->sep) {
                r->pos++;
                continue;
            }
            if (r->pos < r->len)
                eat_eol(r);
            break;
        }
        if (empty)
            continue;
        for (int i = 0; i < nf; i++)
            r->field[i] = r->rec + r->off[i];
        rec->line = start;
        rec->n = nf;
        rec->field = r->field;
        rec->len = r->flen;
        return 1;
    }
}

/* ---- writer ---- */

struct csv_writer {
    FILE *f;
    enum csv_encoding enc;
    iconv_t cd;
    char *buf;
    size_t len, cap;
    int nf;
    bool failed;        /* out of memory or a write error */
};

#define FLUSH_AT (64 * 1024)

static void wput(csv_writer *w, const char *s, size_t n)
{
    if (w->failed)
        return;
    if (!w->buf || w->len + n > w->cap) {
        size_t cap = w->cap ? w->cap : FLUSH_AT * 2;
        while (cap < w->len + n)
            cap *= 2;
        char *nb = realloc(w->buf, cap);
        if (!nb) {
            w->failed = true;
            return;
        }
        w->buf = nb;
        w->cap = cap;
    }
    memcpy(w->buf + w->len, s, n);
    w->len += n;
}

int csv_writer_open(FILE *f, enum csv_encoding enc, csv_writer **out,
                    zb_err *err)
{
    *out = NULL;
    if (enc != CSV_ENC_UTF8 && enc != CSV_ENC_GB18030)
        return zb_fail(err, "导出只支持 UTF-8 和 GB18030 编码");
    csv_writer *w = calloc(1, sizeof *w);
    if (!w)
        return zb_fail(err, "内存不足");
    w->f = f;
    w->enc = enc;
    w->cd = (iconv_t)-1;
    if (enc == CSV_ENC_GB18030) {
        w->cd = iconv_open("GB18030", "UTF-8");
        if (w->cd == (iconv_t)-1) {
            free(w);
            return zb_fail(err, "本系统不支持 GB18030 编码转换");
        }
    } else {
        wput(w, "\xEF\xBB\xBF", 3);
    }
    *out = w;
    return 0;
}

void csv_field(csv_writer *w, const char *s, unsigned flags)
{
    if (!s)
        s = "";
    if (w->nf++ > 0)
        wput(w, ",", 1);
    size_t n = strlen(s);
    bool tab = (flags & CSV_TEXT) &&
               ((*s >= '0' && *s <= '9') || *s == '+');
    bool quote = tab || strpbrk(s, ",\"\r\n") != NULL ||
                 (n > 0 && (s[0] == ' ' || s[0] == '\t' ||
                            s[n - 1] == ' ' || s[n - 1] == '\t'));
    if (!quote) {
        wput(w, s, n);
        return;
    }
    wput(w, tab ? "\"\t" : "\"", tab ? 2 : 1);
    for (const char *p = s;;) {
        const char *q = strchr(p, '"');
        if (!q) {
            wput(w, p, strlen(p));
            break;
        }
        wput(w, p, (size_t)(q - p) + 1);
        wput(w, "\"", 1);
        p = q + 1;
    }
    wput(w, "\"", 1);
}

static int flush(csv_writer *w)
{
    if (w->failed)
        return -1;
    if (w->len == 0)
        return 0;
    if (w->enc == CSV_ENC_UTF8) {
        if (fwrite(w->buf, 1, w->len, w->f) != w->len)
            w->failed = true;
        w->len = 0;
        return w->failed ? -1 : 0;
    }
    char out[16384];
    char *in = w->buf;
    size_t inleft = w->len;
    while (inleft > 0 && !w->failed) {
        char *o = out;
        size_t oleft = sizeof out;
        size_t r = iconv(w->cd, &in, &inleft, &o, &oleft);
        if (fwrite(out, 1, sizeof out - oleft, w->f) != sizeof out - oleft)
            w->failed = true;
        if (r == (size_t)-1 && errno != E2BIG) {
            /* not UTF-8 (damaged data): one byte becomes '?' */
            if (fputc('?', w->f) == EOF)
                w->failed = true;
            in++;
            inleft--;
        }
    }
    w->len = 0;
    return w->failed ? -1 : 0;
}

int csv_end_record(csv_writer *w, zb_err *err)
{
    wput(w, "\r\n", 2);
    w->nf = 0;
    if (w->len >= FLUSH_AT && flush(w))
        return zb_fail(err, "写入失败：%s", strerror(errno));
    return w->failed ? zb_fail(err, "内存不足") : 0;
}

int csv_writer_close(csv_writer *w, zb_err *err)
{
    if (!w)
        return 0;
    int rc = flush(w);
    if (rc == 0 && fflush(w->f) != 0)
        rc = -1;
    if (rc == 0 && ferror(w->f))
        rc = -1;
    if (rc)
        zb_fail(err, "写入失败：%s", errno ? strerror(errno) : "I/O 错误");
    if (w->cd != (iconv_t)-1)
        iconv_close(w->cd);
    free(w->buf);
    free(w);
    return rc;
}
