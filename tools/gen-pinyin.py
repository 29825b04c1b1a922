#!/usr/bin/env python3
"""Generate zhibu's Unicode-derived tables (standard library only).

Run from the top source directory:

    python3 tools/gen-pinyin.py [UNICODE_DIR]

UNICODE_DIR defaults to /usr/share/unicode (Debian's unicode-data). Writes:
  src/pinyin_data.h, src/pinyin_data.c  toneless readings and stroke counts
      from Unihan_Readings.txt.bz2 and Unihan_IRGSources.txt.bz2;
  src/text.c  only the block between the GENERATED markers: the East Asian
      ambiguous-width ranges from EastAsianWidth.txt.

Readings of a character, in order, duplicates removed: the first kMandarin
value (the most common reading), then kTGHZ2013, kXHC1983, kHanyuPinyin.
Tones are dropped, u-umlaut is written v.

Table layout (see src/pinyin_data.h): per code point, inside a few dense
blocks, the index of its reading *set* (a distinct list of syllables) as
two base-92 digits in a string literal, and its stroke count as one digit;
the reading sets are encoded the same way.
Digits are the printable ASCII characters except '"', '?' and '\\', so the
literals need no escapes and cannot contain trigraphs.
"""

import bz2
import os
import re
import sys
import unicodedata

BASE = 92
SOURCES = ("kTGHZ2013", "kXHC1983", "kHanyuPinyin")
# Gaps shorter than this are filled with zeros instead of opening a block.
READ_GAP = 48
STROKE_GAP = 96
LINE = 96
ROW = 4095  # digits per row of a table


def digit_chars():
    return [chr(c) for c in range(0x20, 0x7F) if chr(c) not in '"?\\']


DIGITS = digit_chars()
assert len(DIGITS) == BASE


def read_unihan(path, wanted):
    version = "?"
    data = {}
    with bz2.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#"):
                m = re.match(r"# Unicode version: (\S+)", line)
                if m:
                    version = m.group(1)
                continue
            parts = line.rstrip("\n").split("\t")
            if len(parts) != 3 or parts[1] not in wanted:
                continue
            data.setdefault(int(parts[0][2:], 16), {})[parts[1]] = parts[2]
    return version, data


def toneless(s):
    s = unicodedata.normalize("NFD", s.lower()).replace("u\u0308", "v")
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    if not re.fullmatch(r"[a-z]+", s):
        raise ValueError("unexpected reading %r" % s)
    return s


def values(field, text):
    if field == "kMandarin":
        return text.split()[:1]
    out = []
    for tok in text.split():  # "loc[,loc]:reading[,reading]"
        out.extend(tok.split(":", 1)[-1].split(","))
    return out


def readings(fields):
    order = []
    for field in ("kMandarin",) + SOURCES:
        for v in values(field, fields.get(field, "")):
            t = toneless(v)
            if t not in order:
                order.append(t)
    return order


def blocks(cps, gap):
    """Splits sorted code points into [first, last] runs, merging small gaps."""
    out = []
    for c in cps:
        if out and c - out[-1][1] <= gap:
            out[-1][1] = c
        else:
            out.append([c, c])
    return out


def literal(chars):
    """Rows of ROW digits (a literal longer than 4095 characters is not
    portable C), each row split over lines of LINE characters."""
    s = "".join(chars)
    rows = []
    for r in range(0, len(s), ROW):
        row = s[r:r + ROW]
        rows.append("\n".join('    "%s"' % row[i:i + LINE]
                              for i in range(0, len(row), LINE)) + ",")
    return "\n".join(rows)


def encode(vals, ndigits):
    out = []
    for v in vals:
        assert 0 <= v < BASE ** ndigits
        out += [DIGITS[v // BASE ** (ndigits - 1 - i) % BASE]
                for i in range(ndigits)]
    return out


def block_rows(bl):
    rows, off = [], 0
    for first, last in bl:
        rows.append("    {0x%05X, %d, %d}," % (first, last - first + 1, off))
        off += last - first + 1
    return "\n".join(rows), off


def gen_pinyin(udir):
    ver, rd = read_unihan(os.path.join(udir, "Unihan_Readings.txt.bz2"),
                          {"kMandarin"} | set(SOURCES))
    _, ir = read_unihan(os.path.join(udir, "Unihan_IRGSources.txt.bz2"),
                           {"kTotalStrokes"})
    per_char = {c: readings(f) for c, f in rd.items()}
    per_char = {c: r for c, r in per_char.items() if r}
    strokes = {c: int(f["kTotalStrokes"].split()[0]) for c, f in ir.items()}

    syl = sorted({s for r in per_char.values() for s in r})
    syl_ix = {s: i for i, s in enumerate(syl)}
    assert max(len(s) for s in syl) < 8

    # Set 0 is the empty set (no reading); the others in code point order.
    sets, set_ix = [()], {(): 0}
    for c in sorted(per_char):
        key = tuple(syl_ix[s] for s in per_char[c])
        if key not in set_ix:
            set_ix[key] = len(sets)
            sets.append(key)
    assert len(sets) <= BASE * BASE
    set_off, set_syl = [0], []
    for s in sets:
        set_syl.extend(s)
        set_off.append(len(set_syl))

    rblocks = blocks(sorted(per_char), READ_GAP)
    rcodes = []
    for first, last in rblocks:
        rcodes += encode([set_ix[tuple(syl_ix[s] for s in per_char[c])]
                          if c in per_char else 0
                          for c in range(first, last + 1)], 2)
    sblocks = blocks(sorted(strokes), STROKE_GAP)
    scodes = []
    for first, last in sblocks:
        scodes += encode([strokes.get(c, 0)
                          for c in range(first, last + 1)], 1)

    rrows, rn = block_rows(rblocks)
    srows, sn = block_rows(sblocks)
    stamp = ("/* GENERATED by tools/gen-pinyin.py from Unihan %s (Debian "
             "unicode-data),\n * from the top source directory: python3 tools/gen-pinyin.py\n"
             " * Do not edit by hand. */\n" % ver)
    sizes = {
        "NSYL": len(syl), "NSETS": len(sets), "NSETSYL": len(set_syl),
        "NREADBLOCKS": len(rblocks), "NREAD": rn,
        "NSTROKEBLOCKS": len(sblocks), "NSTROKE": sn,
        "NCHARS": len(per_char), "NSTROKECHARS": len(strokes),
    }
    h = [stamp, "#ifndef ZB_PINYIN_DATA_H", "#define ZB_PINYIN_DATA_H", "",
         "#include <stddef.h>", "#include <stdint.h>", ""]
    h += ["#define PINYIN_DATA_%s %d" % (k, v) for k, v in sizes.items()]
    h += ["#define PINYIN_DATA_BASE %d" % BASE,
          "#define PINYIN_DATA_ROW %d" % ROW, "",
          "/* Code points first..first+len-1 use entries off..off+len-1 (an entry"
          " is 2 digits",
          " * in read_codes, 1 in stroke_codes). */",
          "struct pinyin_data_block {",
          "    uint32_t first;", "    uint32_t len;", "    uint32_t off;", "};", "",
          "/* Value of one base-92 digit: printable ASCII without '\"', '?'"
          " and '\\\\'. */",
          "static inline int pinyin_data_digit(unsigned char ch)", "{",
          "    return ch - 0x20 - (ch > '\"') - (ch > '?') - (ch > '\\\\');",
          "}", "",
          "/* Digit tables are rows of PINYIN_DATA_ROW digits (plus NUL). */",
          "typedef const char pinyin_data_rows[][PINYIN_DATA_ROW + 1];", "",
          "/* Value of the n-digit number at digit index i, most significant"
          " first. */",
          "static inline unsigned pinyin_data_num(pinyin_data_rows t,"
          " size_t i, int n)",
          "{", "    unsigned v = 0;", "",
          "    for (; n-- > 0; i++)",
          "        v = v * PINYIN_DATA_BASE + (unsigned)pinyin_data_digit(",
          "            (unsigned char)t[i / PINYIN_DATA_ROW]"
          "[i % PINYIN_DATA_ROW]);",
          "    return v;", "}", "",
          "/* Syllables, sorted; lowercase ASCII, 'v' for u-umlaut. */",
          "extern const char pinyin_data_syl[PINYIN_DATA_NSYL][8];",
          "/* set_off: NSETS + 1 numbers of 3 digits. Reading set s is"
          " set_syl entries",
          " * set_off[s] .. set_off[s+1]-1, each a 2-digit syllable index,"
          " most common",
          " * first. Set 0 is empty. */",
          "extern pinyin_data_rows pinyin_data_set_off;",
          "extern pinyin_data_rows pinyin_data_set_syl;",
          "/* Reading set of each code point: 2 digits (high, low). */",
          "extern const struct pinyin_data_block "
          "pinyin_data_read_blocks[PINYIN_DATA_NREADBLOCKS];",
          "extern pinyin_data_rows pinyin_data_read_codes;",
          "/* kTotalStrokes of each code point: 1 digit, 0 = unknown. */",
          "extern const struct pinyin_data_block "
          "pinyin_data_stroke_blocks[PINYIN_DATA_NSTROKEBLOCKS];",
          "extern pinyin_data_rows pinyin_data_stroke_codes;", "",
          "#endif", ""]
    c = [stamp, '#include "pinyin_data.h"', "",
         "const char pinyin_data_syl[PINYIN_DATA_NSYL][8] = {"]
    for i in range(0, len(syl), 10):
        c.append("    " + " ".join('"%s",' % s for s in syl[i:i + 10]))
    c += ["};", "",
          "pinyin_data_rows pinyin_data_set_off = {",
          literal(encode(set_off, 3)), "};", "",
          "pinyin_data_rows pinyin_data_set_syl = {",
          literal(encode(set_syl, 2)), "};", "",
          "const struct pinyin_data_block "
          "pinyin_data_read_blocks[PINYIN_DATA_NREADBLOCKS] = {",
          rrows, "};", "",
          "const struct pinyin_data_block "
          "pinyin_data_stroke_blocks[PINYIN_DATA_NSTROKEBLOCKS] = {",
          srows, "};", "",
          "pinyin_data_rows pinyin_data_read_codes = {", literal(rcodes), "};", "",
          "pinyin_data_rows pinyin_data_stroke_codes = {", literal(scodes), "};", ""]
    return "\n".join(h), "\n".join(c), sizes


def gen_ambiguous(udir):
    ranges = []
    with open(os.path.join(udir, "EastAsianWidth.txt"), encoding="utf-8") as fh:
        for line in fh:
            line = line.split("#", 1)[0].strip()
            if not line:
                continue
            cps, prop = (x.strip() for x in line.split(";"))
            if prop != "A":
                continue
            lo, _, hi = cps.partition("..")
            lo, hi = int(lo, 16), int(hi or lo, 16)
            if ranges and ranges[-1][1] + 1 == lo:
                ranges[-1][1] = hi
            else:
                ranges.append([lo, hi])
    rows = ["static const struct { uint32_t lo, hi; } ambiguous[] = {"]
    for i in range(0, len(ranges), 4):
        rows.append("    " + " ".join("{0x%04X, 0x%04X}," % tuple(r)
                                    for r in ranges[i:i + 4]))
    rows.append("};")
    return "\n".join(rows), len(ranges)


BEGIN = "/* BEGIN GENERATED by tools/gen-pinyin.py from EastAsianWidth.txt */"
END = "/* END GENERATED */"


def splice(path, body):
    with open(path, encoding="utf-8") as fh:
        text = fh.read()
    a, b = text.find(BEGIN), text.find(END)
    if a < 0 or b < a:
        sys.exit("%s: GENERATED markers not found" % path)
    text = text[:a + len(BEGIN)] + "\n" + body + "\n" + text[b:]
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(text)


def main():
    udir = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/unicode"
    h, c, sizes = gen_pinyin(udir)
    with open("src/pinyin_data.h", "w", encoding="utf-8") as fh:
        fh.write(h)
    with open("src/pinyin_data.c", "w", encoding="utf-8") as fh:
        fh.write(c)
    amb, n = gen_ambiguous(udir)
    splice("src/text.c", amb)
    print("pinyin: %(NCHARS)d characters, %(NSYL)d syllables, %(NSETS)d "
          "reading sets, %(NSTROKECHARS)d stroke counts" % sizes)
    print("text: %d ambiguous-width ranges" % n)


if __name__ == "__main__":
    main()
