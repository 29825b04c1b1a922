#!/usr/bin/env bash
# 结对帮扶 end to end: on a small demo database, read the cash total of
# the half-year, register a household, let the assistant suggest a
# helper and accept it, log a visit with 500.50 元, and see the cash
# total grow by exactly 500.50.
. "$(dirname "$0")/lib.sh"

DB="$T/demo.db"
"$ZHIBU" --db "$DB" demo --members 150 >/dev/null || fail "demo"

NAME="帮扶演练户"

# "1,234.50 元" on the 慰问金 line of the totals, as 分.
cash_fen() {
    local v
    v=$(line_with "慰问金    " | sed -E 's/.*慰问金 +([0-9,]+\.[0-9]{2}) 元.*/\1/' | tr -d ,)
    [ -n "$v" ] || fail "no cash total"
    echo $((10#${v%.*} * 100 + 10#${v#*.}))
}

start 100 30 "exec $ZHIBU --db $DB"
wait_for "8  结对帮扶"
keys 8
wait_for "结对帮扶  帮扶中"
wait_for "最近走访"

# ---- the totals before ----
keys t
wait_for "帮扶统计  2026年下半年"
keys t C-u                           # the whole year: the demo gave cash
type_text 2026
keys Enter
wait_for "帮扶统计  2026年  全部组织"
wait_for "工作总结用语"
before=$(cash_fen)
[ "$before" -gt 0 ] || fail "the demo year has no cash to start from"
keys Escape
wait_for "结对帮扶  帮扶中"

# ---- register a household on a grid node ----
keys a
wait_for "帮扶对象 - 新增"
type_text "$NAME"
keys Tab Enter                       # 类别: the toggle list
wait_for "帮扶对象类别"
keys Enter                           # [x] 低保户
wait_for "[x] 低保户"
keys Home Enter                      # 完成
wait_gone "帮扶对象类别"
line_with "类别：" | grep -q "低保户" || fail "kind not set: $(line_with "类别：")"
keys Tab Tab Tab Tab Tab Enter       # 居住网格
wait_for "选择居住网格"
type_text "东湖社区/第一片区/第一网格"
keys Enter
wait_gone "选择居住网格"
line_with "居住网格" | grep -q "东湖社区/第一片区/第一网格" ||
    fail "grid not set: $(line_with "居住网格")"
keys C-s
wait_for "已保存：$NAME"
line_with "$NAME" | grep -q "未结对" || fail "new household listed: $(line_with "$NAME")"

# ---- the assistant: accept the suggestion for it ----
keys s
wait_for "结对推荐"
wait_for "推荐理由"
keys /
type_text "$NAME"
keys Enter
wait_for "第 1/1 条"
row=$(line_with "$NAME")
echo "$row" | grep -qE "同一(楼栋|网格|片区|社区)，当前帮扶 [0-9] 户" ||
    fail "no suggestion with a reason: $row"
helper=$(echo "$row" | awk '{ for (i = 2; i <= NF; i++) if ($i ~ /^同一/) print $(i-1) }')
[ -n "$helper" ] || fail "no helper in: $row"
keys Enter
wait_for "已结对：$helper 帮扶 $NAME"
keys Escape Escape
wait_for "结对帮扶  帮扶中"

# ---- log a visit with 500.50 元 ----
keys /
type_text "$NAME"
keys Enter
wait_for "第 1/1 条"
line_with "$NAME" | grep -q "$helper" || fail "helper not listed: $(line_with "$NAME")"
keys Enter
wait_for "帮扶对象  $NAME"
wait_for "在帮 1 人"
keys v
wait_for "走访记录 - 新增 $NAME"
line_with "帮扶人：" | grep -q "$helper" || fail "helper not preset"
keys Tab Tab Tab                     # 帮扶人, 类型, 帮扶内容
type_text "送去慰问金"
keys Tab                             # 慰问金
type_text "500.50"
keys C-s
wait_for "已保存走访：2026-11-22 $NAME，慰问金 500.50 元"
wait_for "走访记录：1 次  慰问金 500.50 元"
keys Escape
wait_for "结对帮扶  帮扶中"
line_with "$NAME" | grep -q "2026-11-22" || fail "last visit: $(line_with "$NAME")"

# ---- the totals after ----
keys t
wait_for "帮扶统计  2026年下半年"
keys t C-u
type_text 2026
keys Enter
wait_for "帮扶统计  2026年  全部组织"
wait_for "工作总结用语"
after=$(cash_fen)
[ "$after" -eq $((before + 50050)) ] ||
    fail "cash total $before -> $after 分, expected +50050"
echo "cash total: $before -> $after 分"

keys F10
wait_exit
echo "PASS: pairs"
