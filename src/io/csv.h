/* CSV as Excel and WPS save and open it.
 *
 * Reading: the whole file is read into memory (at most CSV_MAX_FILE
 * bytes) and converted to UTF-8 once. Encoding: a UTF-8 BOM means UTF-8
 * and a UTF-16 BOM UTF-16 (Excel's "Unicode 文本"); otherwise text that
 * is valid UTF-8 is UTF-8 and anything else GB18030 (which includes GBK
 * and GB2312), unless the caller forces one. The separator is a comma
 * or a tab, whichever the first line has more of outside quotes.
 * Quoted fields may hold separators, doubled quotes and line breaks
 * (kept as "\n"); CRLF, LF and CR all end a line; the last line needs
 * no line end. Blank lines and records whose fields are all empty are
 * skipped. A quote inside an unquoted field, or text after a closing
 * quote, is kept as it is (Excel does the same).
 *
 * Writing: UTF-8 with a BOM (Excel needs it to see UTF-8) or GB18030
 * for old versions, CRLF line ends, quotes only where needed. Excel
 * turns a long digit string into a number (an 18-digit ID number
 * becomes 1.10105E+17 and loses its last digits) and drops leading
 * zeros; a field written with CSV_TEXT that starts with a digit or '+'
 * therefore gets a leading tab inside its quotes, which Excel and WPS
 * keep as text. The importer trims surrounding white space, so the
 * data comes back unchanged. */
#ifndef ZB_IO_CSV_H
#define ZB_IO_CSV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "err.h"

enum csv_encoding {
    CSV_ENC_AUTO = 0,    /* reading only: detect */
    CSV_ENC_UTF8,
    CSV_ENC_GB18030,
    CSV_ENC_UTF16LE,     /* reading only, from the BOM */
    CSV_ENC_UTF16BE
};

/* "auto", "utf-8"/"utf8", "gb18030"/"gbk"/"gb2312" (any case) into *out;
 * false if the name is none of those. */
bool csv_encoding_parse(const char *name, enum csv_encoding *out);
/* "UTF-8", "GB18030", "UTF-16" (for reports). */
const char *csv_encoding_label(enum csv_encoding e);

/* Limits: input beyond them is refused with a message, never eaten. */
#define CSV_MAX_FILE ((size_t)512 << 20)   /* bytes of a file */
#define CSV_MAX_FIELD ((size_t)64 << 10)   /* bytes of one field */
#define CSV_MAX_RECORD ((size_t)1 << 20)   /* bytes of one record */
#define CSV_MAX_FIELDS 1024                /* fields of one record */

typedef struct csv_reader csv_reader;

struct csv_record {
    long line;          /* physical line (1-based) where it starts */
    int n;              /* number of fields (>= 1) */
    char **field;       /* NUL-terminated UTF-8; valid until the next
                           csv_next, csv_rewind or csv_reader_free */
    size_t *len;        /* byte lengths */
};

/* Opens a reader over a copy of data (len bytes) or over a file.
 * enc CSV_ENC_AUTO detects; UTF8 or GB18030 forces (a UTF-16 BOM always
 * wins). Fails with a message naming the line for bytes that are not
 * valid in the encoding, NUL bytes, or a file larger than
 * CSV_MAX_FILE. */
int csv_reader_open_mem(const void *data, size_t len, enum csv_encoding enc,
                        csv_reader **out, zb_err *err);
int csv_reader_open_file(const char *path, enum csv_encoding enc,
                         csv_reader **out, zb_err *err);
void csv_reader_free(csv_reader *r);

/* The encoding the file was read in, and the separator (',' or '\t'). */
enum csv_encoding csv_reader_encoding(const csv_reader *r);
char csv_reader_separator(const csv_reader *r);

/* The next record: 1 and *rec filled, 0 at the end, -1 on an error
 * (unterminated quote, a field, record or field count over the limits;
 * the message names the line). */
int csv_next(csv_reader *r, struct csv_record *rec, zb_err *err);
/* Back to the first record (for a second pass). */
void csv_rewind(csv_reader *r);

typedef struct csv_writer csv_writer;

enum csv_field_flags {
    CSV_TEXT = 1   /* digits that must stay text (ID, phone, numbers) */
};

/* A writer onto f (not closed by the writer). enc: CSV_ENC_UTF8 (with a
 * BOM) or CSV_ENC_GB18030. */
int csv_writer_open(FILE *f, enum csv_encoding enc, csv_writer **out,
                    zb_err *err);
/* Appends a field (UTF-8; NULL = empty) to the current record. */
void csv_field(csv_writer *w, const char *utf8, unsigned flags);
/* Ends the record (CRLF) and writes it out. */
int csv_end_record(csv_writer *w, zb_err *err);
/* Flushes and frees; -1 if anything could not be written. */
int csv_writer_close(csv_writer *w, zb_err *err);

#endif
