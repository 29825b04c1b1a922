/* The work-summary report (src/model/report.h) as plain text in Chinese,
 * aligned by display width (src/text.h) so that the columns line up
 * beside CJK labels in any monospace font, ending with the sentences a
 * summary needs ("开展党员大会 4 次，……"); and as CSV (项目,数值), one
 * line per figure, through src/io/csv.h. */
#ifndef ZB_IO_REPORT_TEXT_H
#define ZB_IO_REPORT_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "io/csv.h"
#include "model/report.h"

/* "2026年", "2026年上半年", "2026年第3季度", "2026年3月" when [from, to]
 * is exactly such a period, else "2026-02-10 至 2026-05-31". */
void report_period_label(const char *from, const char *to, char *out,
                         size_t outsz);

/* The report as UTF-8 text with LF line ends. */
int report_text_write(const struct report *r, FILE *out, zb_err *err);
/* The same text as a malloc'ed string (caller frees); NULL with err. */
char *report_text(const struct report *r, zb_err *err);
/* Writes the text to path (a temporary file renamed over it, 0644).
 * An existing file is replaced only when `replace`; otherwise refused
 * with "文件已存在，不会覆盖：<path>". */
int report_text_file(const struct report *r, const char *path, bool replace,
                     zb_err *err);

/* text with every line wider than cols display columns broken at a
 * character boundary (a wide character is never split), continuation
 * lines indented by four spaces: for a screen narrower than the
 * summary's sentences. Malloc'ed (caller frees); NULL if out of memory.
 * cols below 16 counts as 16. */
char *report_text_wrap(const char *text, int cols);

/* The report as CSV: a header 项目,数值 and one record per figure, the
 * item named by its section and label ("三会一课/支部党员大会/已开");
 * money in 元 with two decimals; rates in per cent with one decimal
 * ("" when nothing was due). enc: CSV_ENC_UTF8 or CSV_ENC_GB18030. */
int report_csv_write(const struct report *r, FILE *f, enum csv_encoding enc,
                     zb_err *err);

#endif
