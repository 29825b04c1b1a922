#include "cli_io.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static int usage_error(const char *what, const char *arg)
{
    cli_printf(stderr, "zhibu：%s%s\n", what, arg);
    cli_puts(stderr, "请用“zhibu --help”查看用法。\n");
    return 2;
}

int cli_io_parse(int argc, char **argv, struct cli_io *io)
{
    memset(io, 0, sizeof *io);
    io->is_export = strcmp(argv[0], "export") == 0;
    io->exp.encoding = CSV_ENC_UTF8;
    const char *cmd = argv[0];
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--encoding") == 0) {
            enum csv_encoding e;
            if (i + 1 >= argc)
                return usage_error("--encoding 需要编码名称", "");
            if (!csv_encoding_parse(argv[++i], &e) ||
                (io->is_export && e == CSV_ENC_AUTO))
                return usage_error(io->is_export
                                       ? "导出编码只能是 utf-8 或 gb18030："
                                       : "编码只能是 auto、utf-8 或 gb18030（gbk）：",
                                   argv[i]);
            io->imp.encoding = e;
            io->exp.encoding = e;
        } else if (!io->is_export && strcmp(a, "--dry-run") == 0) {
            io->imp.dry_run = true;
        } else if (!io->is_export && strcmp(a, "--create-orgs") == 0) {
            io->imp.create_orgs = true;
        } else if (io->is_export && strcmp(a, "--full") == 0) {
            io->exp.full = true;
        } else if (a[0] == '-' && a[1]) {
            cli_printf(stderr, "zhibu：%s 不认识的选项：%s\n", cmd, a);
            cli_puts(stderr, "请用“zhibu --help”查看用法。\n");
            return 2;
        } else if (!io->kind) {
            io->kind = a;
        } else if (!io->file) {
            io->file = a;
        } else {
            return usage_error("多余的参数：", a);
        }
    }
    if (!io->kind)
        return usage_error(io->is_export ? "export 需要导出的内容："
                                         : "import 需要导入的内容和文件，内容为：",
                           io->is_export ? export_kind_names()
                                         : import_kind_names());
    if (io->is_export ? !export_kind_known(io->kind)
                      : !import_kind_known(io->kind))
        return usage_error(io->is_export ? "不能导出：" : "不能导入：", io->kind);
    if (!io->is_export && !io->file)
        return usage_error("import 需要 CSV 文件", "");
    return 0;
}

static int run_import(db *d, const struct cli_io *io)
{
    struct import_result res;
    char *report = NULL;
    zb_err e;
    int rc = import_file(d, io->kind, io->file, &io->imp, &res, &report, &e);
    if (report)
        cli_puts(stdout, report);
    free(report);
    fflush(stdout);
    if (rc < 0) {
        cli_printf(stderr, "zhibu：%s\n", e.msg);
        return 1;
    }
    if (rc > 0) {
        cli_printf(stderr, "zhibu：%ld 行有错误，未导入任何数据\n",
                   res.errors);
        return 1;
    }
    return 0;
}

static int run_export(db *d, const struct cli_io *io)
{
    zb_err e;
    long rows;
    bool to_stdout = !io->file || strcmp(io->file, "-") == 0;
    int rc = to_stdout ? export_write(d, io->kind, stdout, &io->exp, &rows, &e)
                       : export_file(d, io->kind, io->file, &io->exp, &rows,
                                     &e);
    if (rc == 0 && to_stdout && fflush(stdout) != 0)
        rc = zb_fail(&e, "写入标准输出失败");
    if (rc) {
        cli_printf(stderr, "zhibu：%s\n", e.msg);
        return 1;
    }
    if (!to_stdout)
        cli_printf(stdout, "已导出 %ld 行到 %s（%s%s）\n", rows, io->file,
                   csv_encoding_label(io->exp.encoding == CSV_ENC_GB18030
                                          ? CSV_ENC_GB18030 : CSV_ENC_UTF8),
                   strcmp(io->kind, "members") == 0 && !io->exp.full
                       ? "，公民身份号码已打码" : "");
    return 0;
}

int cli_io_run(db *d, const struct cli_io *io)
{
    return io->is_export ? run_export(d, io) : run_import(d, io);
}
