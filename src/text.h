/* UTF-8 text for a character-cell terminal. One width oracle
 * (libunistring) for everything: the screen, plain-text reports, tests.
 * No curses here. */
#ifndef ZB_TEXT_H
#define ZB_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum text_align { TEXT_LEFT, TEXT_RIGHT, TEXT_CENTER };

/* East Asian ambiguous-width characters (“”·—… etc.) count as 1 (default)
 * or 2 columns. Process-wide setting, chosen once at start-up. */
void text_set_ambiguous_width(int w);
int text_ambiguous_width(void);

/* Columns one code point takes: 0 for combining marks and other
 * zero-width characters, 2 for wide ones, the setting for ambiguous ones.
 * Control characters, surrogates and non-characters are shown as '?'
 * and so count 1. */
int text_char_width(uint32_t c);

/* The code point as it is drawn: c itself, or '?' for control characters,
 * surrogates, non-characters and anything else unsafe to send raw. */
uint32_t text_safe_char(uint32_t c);

/* Decodes one UTF-8 sequence at s (at most n bytes). Stores the code point
 * in *c (U+FFFD for an invalid byte, which then consumes exactly 1 byte)
 * and returns the number of bytes consumed (0 only if n == 0). */
size_t text_decode(const char *s, size_t n, uint32_t *c);

/* Encodes c as UTF-8 into out (at least 4 bytes); returns bytes written. */
size_t text_encode(uint32_t c, char *out);

/* Display width in columns of a NUL-terminated UTF-8 string as drawn
 * (invalid bytes and control characters count 1 each: they show as '?'). */
int text_width(const char *s);
/* Of exactly the first n bytes (a NUL byte among them counts 1). */
int text_width_n(const char *s, size_t n);

/* Number of characters (code points) in s; invalid bytes count one each. */
size_t text_chars(const char *s);

/* The core formatter. Writes into out (NUL-terminated, at most outsz bytes)
 * a sanitized copy of s that takes exactly `cols` columns:
 *  - if s fits, it is padded with spaces according to align;
 *  - if not, it is cut and ends with the ASCII marker '~'; a double-width
 *    character is never split: the column it would leave is a space
 *    before the marker;
 *  - control characters and invalid bytes become '?'.
 * Returns the number of columns taken by the text itself (excluding the
 * padding, including the marker; a cut result counts all cols). cols <= 0
 * yields "". The cut keeps whole grapheme clusters (a base letter stays
 * with its combining marks). If outsz is too small the output is cut at
 * a cluster boundary (callers give cols * 4 + 1 bytes or more; more if s
 * has combining marks). Examples: "张小军同志" in 5 columns is "张小~",
 * in 6 "张小 ~"; "张" in 5 right-aligned is "   张". */
int text_fit(char *out, size_t outsz, const char *s, int cols,
             enum text_align align);

/* Like text_fit but for one UTF-8 string into an array of code points
 * (for the curses boundary, which draws wchar_t). Writes at most max
 * code points (no terminator) and returns how many; *used gets the
 * columns the result takes (always == cols when cols > 0 and max is
 * large enough: cols code points suffice unless s has zero-width
 * characters). Padding is spaces. */
size_t text_fit32(uint32_t *out, size_t max, const char *s, int cols,
                  enum text_align align, int *used);

/* Converts UTF-8 to code points (invalid bytes -> U+FFFD); returns a
 * malloc'ed array and its length in *len, or NULL on allocation failure. */
uint32_t *text_to32(const char *s, size_t *len);
/* Converts code points to a malloc'ed NUL-terminated UTF-8 string. */
char *text_from32(const uint32_t *s, size_t len);

/* Grapheme cluster boundaries in a code point array: the index of the
 * next boundary after i (len at most), and the previous one before i
 * (0 at least). A base letter followed by combining marks, or a CJK
 * ideograph, is one cluster. */
size_t text_next_grapheme(const uint32_t *s, size_t len, size_t i);
size_t text_prev_grapheme(const uint32_t *s, size_t len, size_t i);

/* Columns taken by s[from..to) */
int text_width32(const uint32_t *s, size_t from, size_t to);

/* Copies s into out (size outsz) cut at a character boundary so that it
 * holds at most max_chars characters. Returns the number of bytes. */
size_t text_copy_chars(char *out, size_t outsz, const char *s,
                       size_t max_chars);

/* ASCII-lowercases in place and returns s. */
char *text_ascii_lower(char *s);

/* True if s (UTF-8) contains needle as a substring, ASCII letters
 * compared case-insensitively. */
bool text_contains_ci(const char *s, const char *needle);

#endif
