#include "cli.h"

#include <errno.h>
#include <getopt.h>
#include <iconv.h>
#include <langinfo.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "cli_io.h"
#include "cli_report.h"
#include "config.h"
#include "io/contact.h"
#include "io/signin.h"
#include "model/check.h"
#include "model/demo.h"
#include "model/grid.h"
#include "text.h"

#ifndef PACKAGE_VERSION
#define PACKAGE_VERSION "0"
#endif

static bool locale_is_utf8(void)
{
    const char *cs = nl_langinfo(CODESET);
    return !cs || strcasecmp(cs, "UTF-8") == 0 || strcasecmp(cs, "utf8") == 0;
}

void cli_puts(FILE *f, const char *utf8)
{
    if (locale_is_utf8()) {
        fputs(utf8, f);
        return;
    }
    iconv_t cd = iconv_open(nl_langinfo(CODESET), "UTF-8");
    if (cd == (iconv_t)-1) {
        fputs(utf8, f);
        return;
    }
    char buf[1024];
    char *in = (char *)utf8;
    size_t inleft = strlen(utf8);
    while (inleft > 0) {
        char *out = buf;
        size_t outleft = sizeof buf;
        size_t r = iconv(cd, &in, &inleft, &out, &outleft);
        fwrite(buf, 1, sizeof buf - outleft, f);
        if (r == (size_t)-1 && errno != E2BIG) {
            fputc('?', f);   /* unmappable: skip one byte */
            in++;
            inleft--;
        }
    }
    iconv_close(cd);
}

void cli_printf(FILE *f, const char *fmt, ...)
{
    char buf[4096];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    cli_puts(f, buf);
}

static void usage(FILE *f)
{
    cli_puts(f,
        "用法：zhibu [选项]... [命令 [参数]...]\n"
        "社区党建工作的终端程序：党员、党组织、网格、结对帮扶、三会一课。\n"
        "不带命令时启动交互界面（首次使用时自动创建数据库）。\n"
        "\n"
        "命令：\n"
        "  init                   创建或升级数据库，然后退出\n"
        "  demo [--members N] [--seed S] [--communities C] [--months M]\n"
        "                         向空数据库填入虚构的演示数据（默认 600 名\n"
        "                         党员、最近 12 个月的三会一课和考勤）\n"
        "  check                  检查数据库完整性和数据规则\n"
        "  backup 文件            在线备份数据库到文件（他人使用中也安全）\n"
        "  import members 文件 [--dry-run] [--encoding 编码] [--create-orgs]\n"
        "                         从 CSV 导入党员（UTF-8 或 GB18030/GBK，自动\n"
        "                         识别；逗号或制表符分隔）。全部正确才写入，报告\n"
        "                         列出每个错误的行、列和原因；--dry-run 只检查；\n"
        "                         --create-orgs 新建文件中不存在的党组织\n"
        "  export members|meetings|attendance [文件] [--encoding gb18030] [--full]\n"
        "                         导出为 Excel/WPS 可打开的 CSV（不给文件时输出到\n"
        "                         标准输出）；公民身份号码默认打码，--full 为完整号码\n"
        "  import|export grids|orgs|org-posts|grid-roles|households|pairs|\n"
        "                visits|meetings|attendance ...\n"
        "                         网格（按路径，如 东湖社区/第一片区/5号楼）、党组织\n"
        "                         （按路径）、组织任职、网格负责人、帮扶对象、结对、\n"
        "                         走访记录、会议、考勤，列名与导出相同。导入空数据库\n"
        "                         的顺序：grids、orgs、members、org-posts、grid-roles、\n"
        "                         households、pairs、visits、meetings、attendance\n"
        "                         （可还原导出的数据）\n"
        "  report [--year 2026 | --half 2026H1 | --quarter 2026Q3 |\n"
        "          --month 2026-03 | --from 日期 [--to 日期]] [--org 组织]\n"
        "          [--csv [--encoding gb18030]] [文件]\n"
        "                         工作总结所需的统计报表（党员、三会一课、出勤、\n"
        "                         结对帮扶、网格）；默认为今年、全部组织，输出到\n"
        "                         标准输出；组织为编号或路径；--csv 每项一行\n"
        "  signin 会议编号 文件   把签到表写入文本文件（文件为 - 时输出）\n"
        "  contact 网格 文件      把网格公示牌（负责人联系表）写入文本文件；网格为\n"
        "                         节点编号或路径，如 东城社区/第一片区/第二网格\n"
        "\n"
        "选项：\n"
        "      --db 文件          使用指定的数据库文件\n"
        "      --ambiguous-width 1|2\n"
        "                         把“”·—…等宽度不明确的字符按 1 列或 2 列计算\n"
        "                         （终端把它们显示为双宽时用 2）\n"
        "  -h, --help             显示本帮助并退出\n"
        "  -V, --version          显示版本信息并退出\n"
        "\n"
        "数据库默认位置：$ZHIBU_DB，否则 $XDG_DATA_HOME/zhibu/zhibu.db\n"
        "（即 ~/.local/share/zhibu/zhibu.db）。设置文件：~/.config/zhibu/config。\n"
        "退出状态：0 成功，1 出错，2 用法错误。\n");
}

static int fail_usage(const char *fmt, const char *arg)
{
    cli_printf(stderr, "zhibu：");
    cli_printf(stderr, fmt, arg);
    cli_puts(stderr, "\n请用“zhibu --help”查看用法。\n");
    return 2;
}

static int fail(const zb_err *e)
{
    cli_printf(stderr, "zhibu：%s\n", e->msg);
    return 1;
}

#define ZB_STR2(x) #x
#define ZB_STR(x) ZB_STR2(x)

static bool parse_long(const char *s, long lo, long hi, long *out)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno || end == s || *end || v < lo || v > hi)
        return false;
    *out = v;
    return true;
}

static int cmd_demo(db *d, int argc, char **argv)
{
    struct demo_options o;
    demo_options_default(&o);
    long seed = o.seed, communities = 0, months = o.months;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--members") == 0 && i + 1 < argc) {
            if (!parse_long(argv[++i], 1, 10000000, &o.members))
                return fail_usage("--members 需要 1 到 10000000 之间的整数：%s",
                                  argv[i]);
        } else if (strcmp(argv[i], "--seed") == 0 && i + 1 < argc) {
            if (!parse_long(argv[++i], 0, 2147483647L, &seed))
                return fail_usage("--seed 需要非负整数：%s", argv[i]);
        } else if (strcmp(argv[i], "--communities") == 0 && i + 1 < argc) {
            if (!parse_long(argv[++i], 1, DEMO_COMMUNITIES_MAX,
                            &communities))
                return fail_usage("--communities 需要 1 到 "
                                  ZB_STR(DEMO_COMMUNITIES_MAX)
                                  " 之间的整数：%s", argv[i]);
        } else if (strcmp(argv[i], "--months") == 0 && i + 1 < argc) {
            if (!parse_long(argv[++i], 0, DEMO_MONTHS_MAX, &months))
                return fail_usage("--months 需要 0 到 "
                                  ZB_STR(DEMO_MONTHS_MAX)
                                  " 之间的整数：%s", argv[i]);
        } else {
            return fail_usage("demo 不认识的参数：%s", argv[i]);
        }
    }
    o.seed = (unsigned)seed;
    o.communities = (int)communities;
    o.months = (int)months;
    zb_err e;
    struct demo_counts n;
    if (demo_fill_opts(d, &o, &n, &e) != 0)
        return fail(&e);
    cli_printf(stdout, "已生成演示数据：%ld 名党员，%ld 次会议，%ld 条考勤记录"
               "（%s）\n", n.members, n.meetings, n.attendance, db_path(d));
    return 0;
}

static int cmd_signin(db *d, int argc, char **argv)
{
    long id;
    if (argc != 3)
        return fail_usage("signin 需要会议编号和目标文件%s", "");
    if (!parse_long(argv[1], 1, 2147483647L, &id))
        return fail_usage("会议编号应为正整数：%s", argv[1]);
    zb_err e;
    if (strcmp(argv[2], "-") == 0) {
        /* to the terminal in its encoding (a file stays UTF-8) */
        char *text = NULL;
        size_t len = 0;
        FILE *f = open_memstream(&text, &len);
        if (!f)
            return fail(&(zb_err){"内存不足"});
        int rc = signin_write(d, id, f, &e);
        fclose(f);
        if (rc == 0)
            cli_puts(stdout, text);
        free(text);
        return rc == 0 ? 0 : fail(&e);
    }
    if (signin_write_file(d, id, argv[2], &e) != 0)
        return fail(&e);
    cli_printf(stdout, "签到表已写入 %s\n", argv[2]);
    return 0;
}

static int cmd_contact(db *d, int argc, char **argv)
{
    if (argc != 3)
        return fail_usage("contact 需要网格（编号或路径）和目标文件%s", "");
    zb_err e;
    int64_t id;
    if (grid_resolve(d, argv[1], &id, &e) != 0)
        return fail(&e);
    if (strcmp(argv[2], "-") == 0) {
        /* to the terminal in its encoding (a file stays UTF-8) */
        char *text = NULL;
        size_t len = 0;
        FILE *f = open_memstream(&text, &len);
        if (!f)
            return fail(&(zb_err){"内存不足"});
        int rc = contact_sheet_print(d, id, NULL, f, &e);
        fclose(f);
        if (rc == 0)
            cli_puts(stdout, text);
        free(text);
        return rc == 0 ? 0 : fail(&e);
    }
    if (contact_sheet_write(d, id, NULL, argv[2], &e) != 0)
        return fail(&e);
    cli_printf(stdout, "联系表已写入 %s\n", argv[2]);
    return 0;
}

static int cmd_check(db *d)
{
    zb_err e;
    long problems = 0;
    if (check_run(d, stdout, &problems, &e) != 0)
        return fail(&e);
    return problems ? 1 : 0;
}

static int cmd_backup(db *d, int argc, char **argv)
{
    if (argc != 2)
        return fail_usage("backup 需要一个目标文件%s", "");
    if (access(argv[1], F_OK) == 0)
        return fail_usage("目标文件已存在，不会覆盖：%s", argv[1]);
    zb_err e;
    if (db_backup(d, argv[1], &e) != 0)
        return fail(&e);
    cli_printf(stdout, "已备份到 %s\n", argv[1]);
    return 0;
}

int cli_main(int argc, char **argv, cli_tui_fn run_tui)
{
    struct zb_config cfg;
    config_defaults(&cfg);
    zb_err e;
    char cfgpath[4096];
    if (config_default_path(cfgpath, sizeof cfgpath) == 0 &&
        config_load(&cfg, cfgpath, &e) != 0)
        return fail(&e);

    static const struct option opts[] = {
        {"db", required_argument, NULL, 'd'},
        {"ambiguous-width", required_argument, NULL, 'a'},
        {"help", no_argument, NULL, 'h'},
        {"version", no_argument, NULL, 'V'},
        {NULL, 0, NULL, 0},
    };
    opterr = 0;
    int c;
    while ((c = getopt_long(argc, argv, "+hV", opts, NULL)) != -1) {
        switch (c) {
        case 'd':
            if (strlen(optarg) >= sizeof cfg.db_path)
                return fail_usage("数据库路径过长：%s", optarg);
            strcpy(cfg.db_path, optarg);
            break;
        case 'a':
            if (config_set(&cfg, "ambiguous-width", optarg, &e) != 0)
                return fail_usage("%s", e.msg);
            break;
        case 'h':
            usage(stdout);
            return 0;
        case 'V':
            cli_puts(stdout, "zhibu " PACKAGE_VERSION "\n"
                     "社区党建工作终端程序。\n"
                     "本程序是自由软件；不提供任何担保。\n");
            return 0;
        default:
            return fail_usage("无效的选项：%s", argv[optind - 1]);
        }
    }
    text_set_ambiguous_width(cfg.ambiguous_width);

    const char *cmd = optind < argc ? argv[optind] : NULL;
    int sub_argc = argc - optind;
    char **sub_argv = argv + optind;
    if (cmd && strcmp(cmd, "init") && strcmp(cmd, "demo") &&
        strcmp(cmd, "check") && strcmp(cmd, "backup") &&
        strcmp(cmd, "import") && strcmp(cmd, "export") &&
        strcmp(cmd, "report") &&
        strcmp(cmd, "signin") && strcmp(cmd, "contact"))
        return fail_usage("未知的命令：%s", cmd);
    if (cmd && strcmp(cmd, "init") == 0 && sub_argc > 1)
        return fail_usage("init 不需要参数：%s", sub_argv[1]);
    if (cmd && strcmp(cmd, "check") == 0 && sub_argc > 1)
        return fail_usage("check 不需要参数：%s", sub_argv[1]);
    struct cli_io io;
    bool is_io = cmd && (strcmp(cmd, "import") == 0 ||
                         strcmp(cmd, "export") == 0);
    int io_rc = is_io ? cli_io_parse(sub_argc, sub_argv, &io) : 0;
    if (io_rc)
        return io_rc;
    struct cli_report rep;
    bool is_report = cmd && strcmp(cmd, "report") == 0;
    int rep_rc = is_report ? cli_report_parse(sub_argc, sub_argv, &rep) : 0;
    if (rep_rc)
        return rep_rc;

    char path[4096];
    if (cfg.db_path[0]) {
        snprintf(path, sizeof path, "%s", cfg.db_path);
    } else if (db_default_path(path, sizeof path) != 0) {
        cli_puts(stderr, "zhibu：无法确定数据库位置，请用 --db 指定或设置 ZHIBU_DB\n");
        return 1;
    }

    if (!cmd && (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))) {
        cli_puts(stderr, "zhibu：交互界面需要在终端中运行"
                 "（非交互使用请见 zhibu --help 中的命令）\n");
        return 1;
    }

    /* check, signin and contact only read; everything else may create
     * the file */
    int flags = (cmd && (strcmp(cmd, "check") == 0 ||
                         strcmp(cmd, "signin") == 0 ||
                         strcmp(cmd, "contact") == 0)) ? 0 : DB_OPEN_CREATE;
    if (cmd && strcmp(cmd, "export") == 0)
        flags = 0;   /* export only reads */
    if (is_report)
        flags = 0;   /* so does report */
    db *d = NULL;
    if (db_open(path, flags, &d, &e) != 0)
        return fail(&e);

    int rc;
    if (!cmd)
        rc = run_tui(d, &cfg);
    else if (strcmp(cmd, "init") == 0) {
        cli_printf(stdout, "数据库已就绪：%s（版本 %d）\n", db_path(d),
                   db_schema_version(d));
        rc = 0;
    } else if (is_io)
        rc = cli_io_run(d, &io);
    else if (is_report)
        rc = cli_report_run(d, &rep, &cfg);
    else if (strcmp(cmd, "demo") == 0)
        rc = cmd_demo(d, sub_argc, sub_argv);
    else if (strcmp(cmd, "check") == 0)
        rc = cmd_check(d);
    else if (strcmp(cmd, "signin") == 0)
        rc = cmd_signin(d, sub_argc, sub_argv);
    else if (strcmp(cmd, "contact") == 0)
        rc = cmd_contact(d, sub_argc, sub_argv);
    else
        rc = cmd_backup(d, sub_argc, sub_argv);
    db_close(d);
    return rc;
}
