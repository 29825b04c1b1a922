#!/usr/bin/env bash
# Export and import of grids, grid roles, households, pairs and visits
# through the command line: a demo database exported (full ID numbers),
# imported into an empty one in order (members first), exported again:
# the same files. Then a file with a bad row: exit 1, nothing imported.
. "$(dirname "$0")/lib.sh"

DB="$T/demo.db"
NEW="$T/new.db"
"$ZHIBU" --db "$DB" demo --members 300 >/dev/null || fail "demo"
kinds="members grids grid-roles households pairs visits"
for k in $kinds; do
    "$ZHIBU" --db "$DB" export "$k" "$T/$k.csv" --full >"$T/out" ||
        fail "export $k: $(cat "$T/out")"
done
[ "$(wc -l <"$T/visits.csv")" -gt 10 ] || fail "demo visits exported"
grep -q "^网格路径,层级,户数,人口,备注" <(tail -c +4 "$T/grids.csv") ||
    fail "grids header"
for k in $kinds; do
    opt=""
    [ "$k" = members ] && opt=--create-orgs
    "$ZHIBU" --db "$NEW" import "$k" "$T/$k.csv" $opt >"$T/out" 2>&1 ||
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
