#!/usr/bin/env bash
# The command line: help, version, exit codes, database creation and
# refusal of files that are not zhibu databases.
. "$(dirname "$0")/lib.sh"

out=$("$ZHIBU" --help) || fail "--help exit status"
grep -q "用法：zhibu" <<<"$out" || fail "--help text: $out"
grep -q "demo" <<<"$out" || fail "--help lists demo"
out=$("$ZHIBU" --version) || fail "--version exit status"
grep -q "^zhibu [0-9]" <<<"$out" || fail "--version text: $out"

"$ZHIBU" --no-such-option >/dev/null 2>"$T/err"; rc=$?
[ "$rc" = 2 ] || fail "bad option exit $rc"
grep -q "无效的选项" "$T/err" || fail "bad option message: $(cat "$T/err")"
"$ZHIBU" --db "$T/x.db" frobnicate >/dev/null 2>"$T/err"; rc=$?
[ "$rc" = 2 ] || fail "unknown command exit $rc"
[ ! -e "$T/x.db" ] || fail "unknown command created the database"

# Created on first use, 0600, parent directories made; $ZHIBU_DB honoured.
ZHIBU_DB="$T/a/b/office.db" "$ZHIBU" init >"$T/out" || fail "init"
[ -f "$T/a/b/office.db" ] || fail "ZHIBU_DB not used"
mode=$(stat -c %a "$T/a/b/office.db")
[ "$mode" = 600 ] || fail "database mode is $mode, want 600"
# Default location under XDG_DATA_HOME.
"$ZHIBU" init >/dev/null || fail "init at the default path"
[ -f "$XDG_DATA_HOME/zhibu/zhibu.db" ] || fail "default path not used"

DB="$T/demo.db"
"$ZHIBU" --db "$DB" demo >"$T/out" || fail "demo: $(cat "$T/out")"
grep -q "600" "$T/out" || fail "demo message: $(cat "$T/out")"
"$ZHIBU" --db "$DB" demo >/dev/null 2>"$T/err"; rc=$?
[ "$rc" = 1 ] || fail "demo on a full database exit $rc"
grep -q "已有数据" "$T/err" || fail "demo refusal message: $(cat "$T/err")"
"$ZHIBU" --db "$DB" check >"$T/out" || fail "check on demo data: $(cat "$T/out")"
grep -q "未发现问题" "$T/out" || fail "check summary: $(cat "$T/out")"

# A file that is not a zhibu database is refused and left untouched.
printf '姓名,电话\n张三,123\n' >"$T/notes.csv"
sum=$(md5sum <"$T/notes.csv")
"$ZHIBU" --db "$T/notes.csv" init >/dev/null 2>"$T/err"; rc=$?
[ "$rc" = 1 ] || fail "foreign file exit $rc"
grep -q "不是 zhibu 数据库" "$T/err" || fail "foreign file message: $(cat "$T/err")"
[ "$(md5sum <"$T/notes.csv")" = "$sum" ] || fail "foreign file was modified"
[ "$(wc -l <"$T/err")" = 1 ] || fail "error is not one line: $(cat "$T/err")"

# Online backup gives a database that passes check.
"$ZHIBU" --db "$DB" backup "$T/copy.db" >/dev/null || fail "backup"
"$ZHIBU" --db "$T/copy.db" check >/dev/null || fail "backup copy check"
"$ZHIBU" --db "$DB" backup "$T/copy.db" >/dev/null 2>&1 &&
    fail "backup overwrote an existing file"

# The TUI wants a terminal.
"$ZHIBU" --db "$DB" </dev/null >"$T/out" 2>"$T/err"; rc=$?
[ "$rc" = 1 ] || fail "TUI without a terminal exit $rc"

# A large demo database is quick to make (the benchmark times it).
"$ZHIBU" --db "$T/big.db" demo --members 20000 --months 0 >/dev/null || fail "demo 20000"
echo "PASS: cli"
