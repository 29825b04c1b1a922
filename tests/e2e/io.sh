#!/usr/bin/env bash
# import, export and the daily backup through the real binary: exit
# codes, messages, files; an export imported into an empty database
# exports again byte for byte.
. "$(dirname "$0")/lib.sh"

DB="$T/demo.db"
"$ZHIBU" --db "$DB" demo >/dev/null || fail "demo"

# ---- export ----
"$ZHIBU" --db "$DB" export members "$T/m.csv" >"$T/out" 2>"$T/err" ||
    fail "export: $(cat "$T/err")"
grep -q "已导出 600 行到 $T/m.csv（UTF-8，公民身份号码已打码）" "$T/out" ||
    fail "export message: $(cat "$T/out")"
[ "$(stat -c %a "$T/m.csv")" = 600 ] || fail "export file mode"
[ "$(head -c 3 "$T/m.csv" | od -An -tx1 | tr -d ' ')" = efbbbf ] ||
    fail "no UTF-8 BOM"
grep -q "^\"	[0-9]\{4\}\*\{10\}[0-9]\{3\}[0-9X]\"" <(cut -d, -f4 "$T/m.csv") ||
    fail "ID numbers not masked: $(sed -n 2p "$T/m.csv")"
grep -qE '[0-9]{17}[0-9X]' "$T/m.csv" && fail "a full ID number in a masked export"

"$ZHIBU" --db "$DB" export members --full >"$T/full.csv" 2>"$T/err" ||
    fail "export to stdout: $(cat "$T/err")"
[ "$(grep -c $'\r$' "$T/full.csv")" -ge 601 ] || fail "CRLF records"
head -1 "$T/full.csv" | grep -q "党员编号,姓名,性别,公民身份号码,民族,出生日期" ||
    fail "member header: $(head -1 "$T/full.csv")"

"$ZHIBU" --db "$DB" export members "$T/m.csv" >/dev/null 2>"$T/err"; rc=$?
[ "$rc" = 1 ] || fail "export over an existing file exit $rc"
grep -q "文件已存在，不会覆盖" "$T/err" || fail "overwrite message: $(cat "$T/err")"
"$ZHIBU" --db "$DB" export budgets >/dev/null 2>"$T/err"; rc=$?
[ "$rc" = 2 ] || fail "export of an unknown kind exit $rc"
grep -q "不能导出：budgets" "$T/err" || fail "unknown kind: $(cat "$T/err")"
"$ZHIBU" --db "$T/none.db" export members >/dev/null 2>&1 &&
    fail "export from a missing database"
[ ! -e "$T/none.db" ] || fail "export created a database"

"$ZHIBU" --db "$DB" export meetings "$T/meet.csv" >/dev/null || fail "meetings"
"$ZHIBU" --db "$DB" export attendance --encoding gb18030 "$T/att.csv" \
    >"$T/out" || fail "attendance"
grep -q "GB18030" "$T/out" || fail "attendance message: $(cat "$T/out")"
iconv -f UTF-8 -t UTF-8 "$T/att.csv" >/dev/null 2>&1 &&
    fail "GB18030 export is valid UTF-8"
iconv -f GB18030 -t UTF-8 "$T/att.csv" | head -1 | grep -q "考勤情况" ||
    fail "attendance header"
[ "$(wc -l <"$T/meet.csv")" -gt 10 ] || fail "few meetings exported"

# ---- import ----
NEW="$T/new.db"
# 居住网格 names grid nodes: the grids come first
"$ZHIBU" --db "$DB" export grids "$T/grids.csv" >/dev/null || fail "export grids"
"$ZHIBU" --db "$NEW" import grids "$T/grids.csv" >"$T/out" ||
    fail "import grids: $(tail -3 "$T/out")"
"$ZHIBU" --db "$NEW" import members "$T/full.csv" --dry-run \
    >"$T/out" 2>"$T/err"; rc=$?
[ "$rc" = 1 ] || fail "dry run without --create-orgs exit $rc"
grep -q "不存在的党组织" "$T/out" || fail "unknown branches: $(head "$T/out")"
grep -q "未导入任何数据" "$T/err" || fail "error summary: $(cat "$T/err")"

"$ZHIBU" --db "$NEW" import members "$T/full.csv" --create-orgs --dry-run \
    >"$T/out" || fail "dry run: $(tail "$T/out")"
grep -q "结果：新增 600，更新 0，错误 0。试运行，未写入数据库。" "$T/out" ||
    fail "dry run summary: $(tail -2 "$T/out")"
[ "$("$ZHIBU" --db "$NEW" export members | wc -l)" = 1 ] ||
    fail "dry run wrote members"

"$ZHIBU" --db "$NEW" import members "$T/full.csv" --create-orgs \
    >"$T/out" || fail "import: $(tail "$T/out")"
grep -q "结果：新增 600，更新 0，错误 0。已导入。" "$T/out" ||
    fail "import summary: $(tail -2 "$T/out")"
"$ZHIBU" --db "$NEW" export members --full >"$T/again.csv" || fail "re-export"
cmp -s "$T/full.csv" "$T/again.csv" ||
    fail "round trip differs: $(diff "$T/full.csv" "$T/again.csv" | head -5)"
"$ZHIBU" --db "$NEW" check >"$T/out" || fail "check after import: $(cat "$T/out")"

# the same file again: everything matched, nothing changed
"$ZHIBU" --db "$NEW" import members "$T/full.csv" >"$T/out" || fail "re-import"
grep -q "新增 0，更新 0，错误 0（另有 600 行与库中相同）" "$T/out" ||
    fail "re-import summary: $(tail -1 "$T/out")"

# GB18030, tab-separated, bad rows: all reported, nothing written
printf '姓名\t所在党支部\t加入党组织日期\t人员类别\t公民身份号码\n' >"$T/bad.txt"
printf '甲\t%s\t2001-07-01\t正式党员\t\n' "$(sed -n 2p "$T/full.csv" | cut -d, -f9)" >>"$T/bad.txt"
printf '乙\t没有这个支部\t2001-07-01\t正式党员\t\n' >>"$T/bad.txt"
printf '丙\t%s\t2001-13-01\t正式党员\t110105194912310021\n' "$(sed -n 2p "$T/full.csv" | cut -d, -f9)" >>"$T/bad.txt"
iconv -f UTF-8 -t GB18030 "$T/bad.txt" >"$T/bad.csv"
before=$("$ZHIBU" --db "$NEW" export members | wc -l)
"$ZHIBU" --db "$NEW" import members "$T/bad.csv" >"$T/out" 2>"$T/err"; rc=$?
[ "$rc" = 1 ] || fail "bad rows exit $rc"
grep -q "GB18030，制表符分隔" "$T/out" || fail "encoding: $(head -1 "$T/out")"
grep -q "第 3 行「所在党支部」：党组织「没有这个支部」不存在" "$T/out" ||
    fail "row 3: $(cat "$T/out")"
grep -q "第 4 行「公民身份号码」" "$T/out" || fail "row 4 ID: $(cat "$T/out")"
grep -q "第 4 行「加入党组织日期」" "$T/out" || fail "row 4 date: $(cat "$T/out")"
grep -q "错误 2。有错误" "$T/out" || fail "summary: $(tail -1 "$T/out")"
grep -q "2 行有错误，未导入任何数据" "$T/err" || fail "stderr: $(cat "$T/err")"
[ "$("$ZHIBU" --db "$NEW" export members | wc -l)" = "$before" ] ||
    fail "a bad file imported something"

# usage
"$ZHIBU" --db "$NEW" import members >/dev/null 2>"$T/err"; rc=$?
[ "$rc" = 2 ] || fail "import without a file exit $rc"
"$ZHIBU" --db "$NEW" import members "$T/bad.csv" --encoding latin1 \
    >/dev/null 2>"$T/err"; rc=$?
[ "$rc" = 2 ] || fail "bad encoding exit $rc"
grep -q "编码只能是" "$T/err" || fail "encoding message: $(cat "$T/err")"
"$ZHIBU" --db "$NEW" import members "$T/bad.csv" --force >/dev/null 2>&1; rc=$?
[ "$rc" = 2 ] || fail "unknown option exit $rc"
"$ZHIBU" --db "$NEW" import members "$T/nothing.csv" >/dev/null 2>"$T/err"; rc=$?
[ "$rc" = 1 ] || fail "missing file exit $rc"
grep -q "无法打开" "$T/err" || fail "missing file message: $(cat "$T/err")"
[ "$(wc -l <"$T/err")" = 1 ] || fail "error is not one line: $(cat "$T/err")"
"$ZHIBU" --help | grep -q "import members 文件" || fail "--help lists import"

# ---- the daily backup when the TUI starts ----
start 100 30 "exec $ZHIBU --db $DB"
wait_for "1  党员信息"
keys F10
wait_exit
[ -f "$DB.backup-2026-11-22" ] || fail "no daily backup: $(ls "$T")"
[ "$(stat -c %a "$DB.backup-2026-11-22")" = 600 ] || fail "backup mode"
"$ZHIBU" --db "$DB.backup-2026-11-22" check >/dev/null || fail "backup check"
: >"$DB.backup-2026-11-01"
: >"$DB.backup-2026-11-02"
mkdir -p "$XDG_CONFIG_HOME/zhibu"
echo "backup-keep = 2" >"$XDG_CONFIG_HOME/zhibu/config"
start 100 30 "exec $ZHIBU --db $DB"
wait_for "1  党员信息"
keys F10
wait_exit
[ ! -e "$DB.backup-2026-11-01" ] || fail "old backup kept beyond backup-keep"
[ -e "$DB.backup-2026-11-02" ] || fail "second newest removed"
echo "backup-keep = 0" >"$XDG_CONFIG_HOME/zhibu/config"
start 100 30 "exec $ZHIBU --db $NEW"
wait_for "1  党员信息"
keys F10
wait_exit
[ ! -e "$NEW.backup-2026-11-22" ] || fail "backup-keep = 0 still backed up"
echo "PASS: io"
