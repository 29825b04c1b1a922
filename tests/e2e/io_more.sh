#!/usr/bin/env bash
# Export and import of grids, organisations, posts, grid roles,
# households, pairs, visits, meetings and attendance through the command
# line: a demo database exported (full ID numbers), imported into an
# empty one in order (grids first: organisations name the grid they are
# built on, members their 居住网格; organisations before members), exported
# again: the same files. Then files with a bad row: exit 1, nothing
# imported.
. "$(dirname "$0")/lib.sh"

DB="$T/demo.db"
NEW="$T/new.db"
"$ZHIBU" --db "$DB" demo --members 300 >/dev/null || fail "demo"
kinds="grids orgs members org-posts grid-roles households pairs visits
meetings attendance"
for k in $kinds; do
    "$ZHIBU" --db "$DB" export "$k" "$T/$k.csv" --full >"$T/out" ||
        fail "export $k: $(cat "$T/out")"
done
[ "$(wc -l <"$T/visits.csv")" -gt 10 ] || fail "demo visits exported"
grep -q "^网格路径,层级,户数,人口,备注" <(tail -c +4 "$T/grids.csv") ||
    fail "grids header"
grep -q "^组织路径,类型,成立日期,是否有效,所建网格,备注" \
    <(tail -c +4 "$T/orgs.csv") || fail "orgs header"
[ "$(grep -c ',书记,' "$T/org-posts.csv")" -gt 5 ] || fail "posts exported"
for k in $kinds; do
    # no --create-orgs: the organisations file made them all
    "$ZHIBU" --db "$NEW" import "$k" "$T/$k.csv" >"$T/out" 2>&1 ||
        fail "import $k: $(tail -5 "$T/out")"
    grep -q "已导入" "$T/out" || fail "import $k message: $(tail -3 "$T/out")"
done
for k in $kinds; do
    "$ZHIBU" --db "$NEW" export "$k" "$T/again-$k.csv" --full >/dev/null ||
        fail "export again $k"
    cmp -s "$T/$k.csv" "$T/again-$k.csv" ||
        fail "$k differs: $(diff "$T/$k.csv" "$T/again-$k.csv" | head -5)"
done
"$ZHIBU" --db "$NEW" import visits "$T/visits.csv" | grep -q "新增 0" ||
    fail "visits imported twice"
for k in orgs org-posts meetings attendance; do
    "$ZHIBU" --db "$NEW" import "$k" "$T/$k.csv" >"$T/out" ||
        fail "$k again: $(tail -3 "$T/out")"
    grep -q "结果：新增 0，更新 0，错误 0" "$T/out" ||
        fail "$k imported twice: $(tail -1 "$T/out")"
done

# An attendance row naming a meeting that is not there: nothing written.
head -2 "$T/attendance.csv" >"$T/bad-att.csv"
printf '999999,2026-01-05,党课,不存在的会议,,,某人,,,,列席,,,\r\n' >>"$T/bad-att.csv"
sed -n 2p "$T/attendance.csv" | sed 's/,出席,/,缺席,/; s/,迟到,/,缺席,/' \
    >>"$T/bad-att.csv"
before=$("$ZHIBU" --db "$NEW" export attendance --full | md5sum)
"$ZHIBU" --db "$NEW" import attendance "$T/bad-att.csv" >"$T/out" 2>&1; rc=$?
[ "$rc" = 1 ] || fail "bad attendance exit $rc"
grep -q "第 3 行「会议编号」：找不到该会议" "$T/out" ||
    fail "bad attendance report: $(cat "$T/out")"
[ "$("$ZHIBU" --db "$NEW" export attendance --full | md5sum)" = "$before" ] ||
    fail "a bad attendance file changed the roll"

# A 党小组 under a 党委 among good organisations: refused, nothing made.
{ head -2 "$T/orgs.csv"
  printf '云溪街道党工委/新建社区党委,社区党委,,是,,\r\n'
  printf '云溪街道党工委/新建社区党委/错建党小组,党小组,,是,,\r\n'
} >"$T/bad-orgs.csv"
"$ZHIBU" --db "$NEW" import orgs "$T/bad-orgs.csv" >"$T/out" 2>&1; rc=$?
[ "$rc" = 1 ] || fail "bad orgs exit $rc"
grep -q "第 4 行「类型」：党小组只能建在党支部之下" "$T/out" ||
    fail "bad orgs report: $(cat "$T/out")"
"$ZHIBU" --db "$NEW" export orgs | grep -q "新建社区党委" &&
    fail "a bad organisations file created one"

# One bad row among good ones: nothing is imported, the row is named.
head -3 "$T/households.csv" >"$T/bad.csv"
printf '99,新帮扶户,不是类别,一般困难,帮扶中,,,,1,,,,,2026-01-01,,\r\n' >>"$T/bad.csv"
n=$("$ZHIBU" --db "$NEW" export households | wc -l)
"$ZHIBU" --db "$NEW" import households "$T/bad.csv" >"$T/out" 2>"$T/err"; rc=$?
[ "$rc" = 1 ] || fail "bad row exit $rc"
grep -q "第 4 行「类别」：不认识的类别「不是类别」" "$T/out" ||
    fail "bad row report: $(cat "$T/out")"
[ "$("$ZHIBU" --db "$NEW" export households | wc -l)" = "$n" ] ||
    fail "a bad file changed the households"
echo "PASS: io_more"
