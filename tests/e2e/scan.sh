#!/usr/bin/env bash
# Scan mode, as a USB barcode scanner uses it: eight digits and a carriage
# return in one burst, the next number straight after; pinyin initials
# typed by hand; a scan that matches nobody says so and changes nothing.
. "$(dirname "$0")/lib.sh"

DB="$T/demo.db"
"$ZHIBU" --db "$DB" demo --members 200 >/dev/null || fail "demo"

TOPIC="扫码签到演练"
start 110 40 "exec $ZHIBU --db $DB"
wait_for "三会一课"
keys 2
wait_for "应到 实到"

# A meeting of the whole street today: everyone (张小军 too) is expected.
keys a
wait_for "新增会议"
keys Enter
wait_for "选择党组织"
type_text "云溪街道党工委"
keys Enter
wait_gone "选择党组织"
keys Tab Enter                           # the kind picker
wait_for "类型"
type_text "其他"
keys Enter
for _ in $(seq 7); do keys Tab; done     # to 主题
type_text "$TOPIC"
keys C-s
wait_for "已保存"
keys Enter
wait_for "未签到"
total=$(line_with "应到 " | awk '{ print $2 }')
[ "$total" -ge 100 ] || fail "roll of $total"

# Two people from the list on screen: their numbers as a scanner types
# them.
rows=$(screen | grep -E ' [0-9]{8} ' | grep -v "张小军")
name1=$(sed -n 3p <<<"$rows" | awk '{ print $1 }')
no1=$(sed -n 3p <<<"$rows" | grep -oE '[0-9]{8}' | head -1)
name2=$(sed -n 6p <<<"$rows" | awk '{ print $1 }')
no2=$(sed -n 6p <<<"$rows" | grep -oE '[0-9]{8}' | head -1)
{ [ -n "$no1" ] && [ -n "$no2" ]; } || fail "no member numbers on screen"

keys /
wait_for "扫码签到："
type_text "$no1"$'\r'
wait_for "已签到：$name1（"
wait_for "实到 1/$total"
line_with " $no1 " | grep -q " 出席 " || fail "$name1 not marked: $(line_with " $no1 ")"
# the input is cleared and scan mode stays on
line_with "扫码签到：" | grep -qE '扫码签到：\s*$' || fail "input not cleared"

# Pinyin initials ("zxj" is only 张小军 in the demo), then a second
# scanner burst right after the first.
type_text "zxj"$'\r'
wait_for "已签到：张小军（"
wait_for "实到 2/$total"
line_with "张小军" | grep -q " 出席 " || fail "张小军 not marked"
type_text "$no2"$'\r'"$no1"$'\r'
wait_for "$name1（"
wait_for "已签到（出席），无需重复"
line_with " $no2 " | grep -q " 出席 " || fail "$name2 not marked"
wait_for "实到 3（出席 3"

# Nobody: a message, nothing changed.
before=$(line_with "应到 $total")
type_text "qqqzzz"$'\r'
wait_for "未找到：qqqzzz"
type_text "99999999"$'\r'
wait_for "未找到：99999999"
after=$(line_with "应到 $total")
[ "$after" = "$before" ] || fail "totals changed: '$before' -> '$after'"
# keys that mark outside scan mode are plain text here
type_text "1234"
wait_for "扫码签到：1234"
after=$(line_with "应到 $total")
[ "$after" = "$before" ] || fail "typed digits marked someone"

# Esc leaves scan mode; the marks are in the database (reopen the roll).
keys Escape
wait_gone "扫码签到：1234"
keys q
wait_for "应到 实到"
keys Enter
wait_for "应到 $total  实到 3（出席 3"
keys F10
wait_exit
echo "PASS: scan"
