#!/usr/bin/env bash
# The work-summary report: `zhibu report` on a demo database (text, CSV,
# an organisation, a file, usage errors), its numbers checked against
# sqlite3 where it is installed, and the report screen (home menu key 0)
# in a real terminal, columns lined up beside CJK labels.
. "$(dirname "$0")/lib.sh"

DB="$T/demo.db"
"$ZHIBU" --db "$DB" demo >/dev/null || fail "demo"

out=$("$ZHIBU" --db "$DB" report --year 2026) || fail "report exit status"
grep -q "^党建工作统计报表$" <<<"$out" || fail "report title: $out"
grep -q "^统计期间：2026年（2026-01-01 至 2026-12-31）$" <<<"$out" ||
    fail "report period: $out"
grep -q "开展党员大会 [0-9]* 次，支部委员会 [0-9]* 次" <<<"$out" ||
    fail "meeting sentence: $out"
grep -q "发放慰问金及慰问品 [0-9.]* 万元" <<<"$out" || fail "money sentence"
total=$(awk '$1 == "期末党员总数" {print $2}' <<<"$out")
[ -n "$total" ] && [ "$total" -gt 500 ] || fail "member total '$total'"
if command -v sqlite3 >/dev/null 2>&1; then
    want=$(sqlite3 "$DB" "SELECT count(*) FROM member WHERE
        (join_date = '' OR join_date <= '2026-11-22') AND
        (left_kind = 0 OR left_date > '2026-11-22')")
    [ "$total" = "$want" ] || fail "member total $total, sqlite3 says $want"
    held=$(awk '$1 == "支部党员大会" {print $2}' <<<"$out")
    want=$(sqlite3 "$DB" "SELECT count(*) FROM meeting WHERE kind = 1 AND
        date BETWEEN '2026-01-01' AND '2026-11-22'")
    [ "$held" = "$want" ] || fail "党员大会 $held, sqlite3 says $want"
fi
# every figure of the members section ends in the same display column
cols=$(grep -E "^  +(期末党员总数|正式党员|预备党员|本期预备党员转正) .* 名$" <<<"$out" |
       while IFS= read -r l; do col_of "$l" " 名"; done | sort -u)
n=$(grep -cE "^  +(期末党员总数|正式党员|预备党员|本期预备党员转正) .* 名$" <<<"$out")
[ "$n" = 4 ] && [ -n "$cols" ] && [ "$cols" -gt 0 ] &&
    [ "$(wc -l <<<"$cols")" = 1 ] || fail "figures not aligned: $n '$cols'"

# Default period: this year (ZHIBU_TODAY is 2026-11-22).
"$ZHIBU" --db "$DB" report | grep -q "（2026-01-01 至 2026-12-31）" ||
    fail "default period"
"$ZHIBU" --db "$DB" report --half 2026H2 | grep -q "2026年下半年" ||
    fail "--half"
"$ZHIBU" --db "$DB" report --from 2026-03-01 --to 2026/4/30 |
    grep -q "2026-03-01 至 2026-04-30" || fail "--from --to"

# CSV: UTF-8 with a BOM, 项目,数值, one figure a line.
"$ZHIBU" --db "$DB" report --quarter 2026Q3 --csv >"$T/r.csv" || fail "csv"
head -c 3 "$T/r.csv" | od -An -tx1 | grep -q "ef bb bf" || fail "csv BOM"
grep -q "^党员/期末党员总数,$total" "$T/r.csv" && fail "Q3 total is not the year's"
grep -q $'^统计期间/开始,2026-07-01\r$' "$T/r.csv" || fail "csv period"
grep -q "^结对帮扶/慰问金（元）,[0-9]*\.[0-9][0-9]" "$T/r.csv" || fail "csv money"

# An organisation by id, and by the tail of its path; into a file that
# is then not replaced.
scope=$("$ZHIBU" --db "$DB" report --org 2 | grep "^统计范围：") || fail "--org 2"
tail=${scope##*/}
[ -n "$tail" ] && [ "$tail" != "$scope" ] || fail "org path: $scope"
"$ZHIBU" --db "$DB" report --org "$tail" "$T/org.txt" >"$T/out" ||
    fail "report to a file: $(cat "$T/out")"
grep -q "报表已写入" "$T/out" || fail "file message"
grep -qx "$scope" "$T/org.txt" || fail "file scope: $(grep 统计范围 "$T/org.txt")"
"$ZHIBU" --db "$DB" report "$T/org.txt" >/dev/null 2>"$T/err"; rc=$?
[ "$rc" = 1 ] && grep -q "文件已存在" "$T/err" || fail "overwrite: $rc $(cat "$T/err")"

# Usage errors exit 2, a missing organisation 1.
"$ZHIBU" --db "$DB" report --year 2026H1 >/dev/null 2>"$T/err"; rc=$?
[ "$rc" = 2 ] && grep -q "无效的期间" "$T/err" || fail "bad period: $rc"
"$ZHIBU" --db "$DB" report --year 2026 --half 2026H1 >/dev/null 2>&1
[ $? = 2 ] || fail "two periods"
"$ZHIBU" --db "$DB" report --to 2026-01-01 >/dev/null 2>&1
[ $? = 2 ] || fail "--to alone"
"$ZHIBU" --db "$DB" report --org 不存在的支部 >/dev/null 2>"$T/err"; rc=$?
[ "$rc" = 1 ] && grep -q "找不到党组织" "$T/err" || fail "unknown org: $rc"
[ "$(wc -l <"$T/err")" = 1 ] || fail "error is not one line"

# The screen: 0 on the home menu, scrolled to the summary.
start 100 30 "exec $ZHIBU --db $DB"
wait_for "0  工作报表"
keys 0
wait_for "工作报表  2026年  全部组织"
l1=$(line_with "期末党员总数")
l2=$(line_with "本期预备党员转正")
[ "$(col_of "$l1" "名")" = "$(col_of "$l2" "名")" ] ||
    fail "screen columns: '$l1' / '$l2'"
keys End
wait_for "五、总结用语"
wait_for "开展党员大会"
keys Escape
wait_for "0  工作报表"
keys F10
wait_exit
echo "PASS: report"
