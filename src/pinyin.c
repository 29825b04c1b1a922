/* Pinyin readings, initials and sort keys: see pinyin.h. The data are
 * the generated tables in pinyin_data.c; a lookup is a binary search over
 * a few dozen code point blocks, then a direct index. */
#include "pinyin.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "pinyin_data.h"
#include "text.h"

#define MAX_VARIANTS 16
#define MAX_READINGS 8 /* the most any character has is 8 */
#define STACK_TOKENS 64

/* Surname readings that differ from the character's most common reading,
 * from standard dictionaries. Only the first character of a name uses
 * them. Sorted by code point. */
static const struct {
    uint32_t c;
    char reading[8];
} surnames[] = {
    {0x4EC7, "qiu"},   /* 仇 */
    {0x533A, "ou"},    /* 区 */
    {0x5355, "shan"},  /* 单 */
    {0x53EC, "shao"},  /* 召 */
    {0x66FE, "zeng"},  /* 曾 */
    {0x671D, "chao"},  /* 朝 */
    {0x6734, "piao"},  /* 朴 */
    {0x67E5, "zha"},   /* 查 */
    {0x76D6, "ge"},    /* 盖 */
    {0x79CD, "chong"}, /* 种 */
    {0x79D8, "bi"},    /* 秘 */
    {0x7E41, "po"},    /* 繁 */
    {0x7F2A, "miao"},  /* 缪 */
    {0x7FDF, "zhai"},  /* 翟 */
    {0x8584, "bo"},    /* 薄 */
    {0x8983, "qin"},   /* 覃 */
    {0x89E3, "xie"},   /* 解 */
};

static long lookup(const struct pinyin_data_block *b, size_t nb, uint32_t c)
{
    size_t lo = 0, hi = nb;

    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (c < b[mid].first)
            hi = mid;
        else if (c - b[mid].first >= b[mid].len)
            lo = mid + 1;
        else
            return (long)(b[mid].off + (c - b[mid].first));
    }
    return -1;
}

/* Index of c's reading set (0: none). */
static unsigned reading_set(uint32_t c)
{
    long i = lookup(pinyin_data_read_blocks, PINYIN_DATA_NREADBLOCKS, c);

    return i < 0 ? 0 : pinyin_data_num(pinyin_data_read_codes, 2 * (size_t)i, 2);
}

static unsigned set_start(unsigned s)
{
    return pinyin_data_num(pinyin_data_set_off, 3 * (size_t)s, 3);
}

/* c's readings are syllables start..start+count-1 of set_syl. */
static int readings_of(uint32_t c, unsigned *start)
{
    unsigned s = reading_set(c);

    *start = set_start(s);
    return (int)(set_start(s + 1) - *start);
}

static const char *syllable(unsigned start, int i)
{
    return pinyin_data_syl[pinyin_data_num(
        pinyin_data_set_syl, 2 * (size_t)(start + (unsigned)i), 2)];
}

int pinyin_count(uint32_t c)
{
    unsigned start;

    return readings_of(c, &start);
}

const char *pinyin_reading(uint32_t c, int i)
{
    unsigned start;

    if (i < 0 || i >= readings_of(c, &start))
        return NULL;
    return syllable(start, i);
}

int pinyin_strokes(uint32_t c)
{
    long i = lookup(pinyin_data_stroke_blocks, PINYIN_DATA_NSTROKEBLOCKS, c);

    return i < 0 ? 0 : (int)pinyin_data_num(pinyin_data_stroke_codes, (size_t)i, 1);
}

static const char *surname_reading(uint32_t c)
{
    size_t lo = 0, hi = sizeof surnames / sizeof surnames[0];

    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (c < surnames[mid].c)
            hi = mid;
        else if (c > surnames[mid].c)
            lo = mid + 1;
        else
            return surnames[mid].reading;
    }
    return NULL;
}

static bool ascii_alnum(uint32_t c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= '0' && c <= '9');
}

static char ascii_lower(uint32_t c)
{
    return (char)(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
}

/* One searchable position of a name: an ASCII letter or digit, or a Han
 * character with its distinct initials (primary first). */
struct token {
    char opt[MAX_READINGS];
    int n;
    int pick;
    int amb_after; /* tokens from here on with more than one option */
};

/* Fills t (capacity cap) with the name's tokens; returns their number,
 * which may exceed cap (then only cap are stored). */
static size_t tokenize(const char *s, struct token *t, size_t cap)
{
    size_t n = strlen(s), k, count = 0;
    uint32_t c;
    unsigned start;
    int i, j, m;

    for (; (k = text_decode(s, n, &c)) > 0; s += k, n -= k) {
        struct token tok = {.n = 0};
        if (ascii_alnum(c)) {
            tok.opt[tok.n++] = ascii_lower(c);
        } else {
            m = readings_of(c, &start);
            for (i = 0; i < m && i < MAX_READINGS; i++) {
                char ini = syllable(start, i)[0];
                for (j = 0; j < tok.n && tok.opt[j] != ini; j++)
                    ;
                if (j == tok.n)
                    tok.opt[tok.n++] = ini;
            }
            if (tok.n == 0)
                continue;
        }
        if (count < cap)
            t[count] = tok;
        count++;
    }
    return count;
}

static struct token *tokens_of(const char *s, struct token *stack,
                               size_t *n)
{
    struct token *t = stack;

    *n = tokenize(s, stack, STACK_TOKENS);
    if (*n > STACK_TOKENS) {
        t = malloc(*n * sizeof *t);
        if (!t)
            return NULL;
        tokenize(s, t, *n);
    }
    return t;
}

/* Output cut at outsz: a piece that does not fit whole ends it. */
struct writer {
    char *out;
    size_t size, n;
    bool full;
};

static void put(struct writer *w, const char *s, size_t len)
{
    if (w->full || w->size == 0 || len > w->size - 1 - w->n) {
        w->full = true;
        return;
    }
    memcpy(w->out + w->n, s, len);
    w->n += len;
    w->out[w->n] = '\0';
}

struct variants {
    struct token *t;
    size_t n;
    int count;
    struct writer *w;
};

/* Emits every variant with exactly `left` more non-primary picks, all at
 * tokens pos.. (picks there are 0 on entry), until MAX_VARIANTS are out.
 * Later deviations come first: "ddd", "ddc", "dds", "dcd"... Recursion
 * depth is the number of deviations, not the length of the name. */
static void emit(struct variants *v, size_t pos, int left)
{
    size_t i, p;
    int j;

    if (left == 0) {
        /* later variants only whole (a cut first one is still a prefix) */
        if (v->count > 0 && 1 + v->n > v->w->size - 1 - v->w->n)
            v->w->full = true;
        if (v->count++ > 0)
            put(v->w, " ", 1);
        for (i = 0; i < v->n; i++)
            put(v->w, &v->t[i].opt[v->t[i].pick], 1);
        return;
    }
    for (p = v->n; p-- > pos && v->count < MAX_VARIANTS;) {
        if (v->t[p].n < 2 || v->t[p].amb_after < left)
            continue;
        for (j = 1; j < v->t[p].n && v->count < MAX_VARIANTS; j++) {
            v->t[p].pick = j;
            emit(v, p + 1, left - 1);
        }
        v->t[p].pick = 0;
    }
}

size_t pinyin_initials(const char *utf8, char *out, size_t outsz)
{
    struct token stack[STACK_TOKENS], *t;
    struct writer w = {out, outsz, 0, false};
    struct variants v;
    size_t n, i;
    int amb = 0, k;

    if (outsz > 0)
        out[0] = '\0';
    t = tokens_of(utf8, stack, &n);
    if (!t || n == 0)
        goto done;
    for (i = n; i-- > 0;) {
        amb += t[i].n > 1;
        t[i].amb_after = amb;
    }
    /* Fewest deviations from the primary readings first, so that with
     * the cap every character's other readings still get a chance. */
    v = (struct variants){t, n, 0, &w};
    for (k = 0; k <= amb && v.count < MAX_VARIANTS; k++)
        emit(&v, 0, k);
done:
    if (t != stack)
        free(t);
    return w.n;
}

int pinyin_match_initials(const char *utf8_name, const char *query)
{
    struct token stack[STACK_TOKENS], *t;
    size_t n, m = strlen(query), i, j;
    int found = 0, k;

    for (i = 0; i < m; i++)
        if (!ascii_alnum((unsigned char)query[i]))
            return 0;
    if (m == 0)
        return 1;
    t = tokens_of(utf8_name, stack, &n);
    if (!t)
        return 0;
    for (i = 0; !found && i + m <= n; i++) {
        for (j = 0; j < m; j++) {
            char q = ascii_lower((unsigned char)query[j]);
            for (k = 0; k < t[i + j].n && t[i + j].opt[k] != q; k++)
                ;
            if (k == t[i + j].n)
                break;
        }
        found = j == m;
    }
    if (t != stack)
        free(t);
    return found;
}

/* Appends the sort key piece for c: its reading (or itself) and, for Han
 * characters, a space. With strokes, every character gets two digits
 * first and a space last. */
static void key_piece(struct writer *w, uint32_t c, bool first, bool strokes)
{
    const char *r = NULL;
    char buf[4];
    unsigned start;
    int st;

    if (readings_of(c, &start) > 0) {
        r = first ? surname_reading(c) : NULL;
        if (!r)
            r = syllable(start, 0);
    }
    if (strokes) {
        st = pinyin_strokes(c);
        if (st > 99)
            st = 99;
        buf[0] = (char)('0' + st / 10);
        buf[1] = (char)('0' + st % 10);
        put(w, buf, 2);
    }
    if (r) {
        put(w, r, strlen(r));
    } else if (c < 0x80) {
        buf[0] = ascii_lower(c);
        put(w, buf, 1);
    } else {
        put(w, buf, text_encode(c, buf));
    }
    if (r || strokes)
        put(w, " ", 1);
}

static size_t sort_key(const char *s, char *out, size_t outsz, bool strokes)
{
    struct writer w = {out, outsz, 0, false};
    size_t n = strlen(s), k;
    uint32_t c;
    bool first = true;

    if (outsz > 0)
        out[0] = '\0';
    for (; (k = text_decode(s, n, &c)) > 0; s += k, n -= k) {
        key_piece(&w, c, first, strokes);
        first = false;
    }
    return w.n;
}

size_t pinyin_sort_key(const char *utf8, char *out, size_t outsz)
{
    return sort_key(utf8, out, outsz, false);
}

size_t pinyin_stroke_key(const char *utf8, char *out, size_t outsz)
{
    return sort_key(utf8, out, outsz, true);
}
