#!/usr/bin/env bash
# `zhibu contact GRID FILE`: the contact sheet of a grid node, found by
# path or id, written as a file with the columns aligned by display
# width; bad paths refused with a message.
. "$(dirname "$0")/lib.sh"

DB="$T/demo.db"
"$ZHIBU" --db "$DB" demo --months 0 >/dev/null || fail "demo"
"$ZHIBU" --help | grep -q "contact 网格 文件" || fail "--help lists contact"

G="东湖社区/第一片区/第一网格"
"$ZHIBU" --db "$DB" contact " 东湖社区 / 第一片区/第一网格/" "$T/sheet.txt" \
    >"$T/out" 2>"$T/err" || fail "contact: $(cat "$T/err")"
grep -q "联系表已写入" "$T/out" || fail "contact message: $(cat "$T/out")"
[ "$(stat -c %a "$T/sheet.txt")" = 644 ] || fail "sheet mode"
[ "$(head -1 "$T/sheet.txt")" = "$G" ] || fail "title: $(head -1 "$T/sheet.txt")"
grep -q "^网格长 " "$T/sheet.txt" || fail "no 网格长 line: $(cat "$T/sheet.txt")"

# Every person line has its name and phone at the header's columns.
header=$(grep -m1 "^职务 " "$T/sheet.txt")
name_col=$("$TEXTCOL" "$header" "姓名")
phone_col=$("$TEXTCOL" "$header" "联系电话")
[ "$name_col" -gt 0 ] && [ "$phone_col" -gt "$name_col" ] || fail "header: $header"
n=0
while IFS= read -r line; do
    [ -n "$line" ] || break
    phone=$(grep -oE '(1[3-9][0-9]{9}|0[0-9]{2,3}-[0-9]{7,8})$' <<<"$line")
    [ -n "$phone" ] || fail "no phone at the end of: $line"
    [ "$("$TEXTCOL" "$line" "$phone")" = "$phone_col" ] ||
        fail "phone column in: $line"
    # the name: the text before the phone, after the role cell
    name=$(sed -E "s/ +$phone\$//; s/.* ([^ ]+)\$/\\1/" <<<"$line")
    [ "$("$TEXTCOL" "$line" " $name ")" = $((name_col - 1)) ] ||
        fail "name column in: $line ($name)"
    n=$((n + 1))
done < <(sed -n '/^职务 /,$p' "$T/sheet.txt" | tail -n +2)
[ "$n" -ge 4 ] || fail "only $n people on the sheet"

# The same by id (the demo makes 东湖社区, its first 片区 and first 网格
# first), to standard output.
"$ZHIBU" --db "$DB" contact 3 - >"$T/out2" || fail "contact by id"
cmp -s "$T/sheet.txt" "$T/out2" || fail "by id differs: $(head -3 "$T/out2")"

"$ZHIBU" --db "$DB" contact "东湖社区/第九片区" "$T/x.txt" 2>"$T/err"; rc=$?
[ "$rc" = 1 ] || fail "unknown path exit $rc"
grep -q "找不到网格节点：东湖社区/第九片区" "$T/err" || fail "message: $(cat "$T/err")"
[ ! -e "$T/x.txt" ] || fail "a file was written for an unknown node"
"$ZHIBU" --db "$DB" contact "$G" 2>/dev/null; rc=$?
[ "$rc" = 2 ] || fail "missing file argument exit $rc"
echo "PASS: contact"
