#!/usr/bin/env bash
# The headline use: a branch secretary takes a 30-member roll with one key
# per person. The program is killed (SIGKILL) half way; after a restart
# every mark shown before the kill is there, and the roll goes on from the
# first unmarked person. Counts the key presses of the roll itself.
. "$(dirname "$0")/lib.sh"

DB="$T/demo.db"
"$ZHIBU" --db "$DB" demo --members 150 >/dev/null || fail "demo"

TOPIC="考勤演练"
start 110 50 "exec $ZHIBU --db $DB"
wait_for "三会一课"
keys 2
wait_for "应到 实到"

# The branch whose roll is nearest 30 (at least 30), from the general
# meetings the demo held (a 支部委员会 expects only the committee).
keys k
wait_for "会议类型"
type_text 支部党员大会
keys Enter
wait_for "全部组织  支部党员大会"
org=$(screen | awk '$3 == "支部党员大会" && NF >= 7 && $(NF-1) >= 30 {
                       print $(NF-1), $4 }' | sort -n | head -1 | cut -d' ' -f2)
[ -n "$org" ] || fail "no branch with a roll of 30 or more"

# A meeting of that branch today, through the form (the kind is preset
# by the list's filter; the date defaults to today).
keys a
wait_for "新增会议"
keys Enter
wait_for "选择党组织"
type_text "$org"
keys Enter
wait_gone "选择党组织"
for _ in $(seq 8); do keys Tab; done   # to 主题
type_text "$TOPIC"
keys C-s
wait_for "已保存"
line_with "$TOPIC" | grep -q "$org" || fail "meeting not listed: $(line_with "$TOPIC")"
expected=$(line_with "$TOPIC" | awk '{ print $(NF-1) }')
[ "$expected" -ge 30 ] || fail "roll of $expected"

# ---- the roll: every key press from here on is counted ----
presses=0
press() { keys "$@"; presses=$((presses + $#)); }

press Enter                              # open the roll
wait_for "未签到 $expected"
line_with "应到 $expected  实到 0（出席 0 迟到 0）" >/dev/null || fail "totals line"
wait_for "第 1/$expected 条"
for i in $(seq 15); do
    if [ $((i % 2)) = 1 ]; then press 1; else press Space; fi
done
wait_for "实到 15（出席 15 迟到 0）"
wait_for "第 16/$expected 条"
before=$(line_with "应到 $expected  实到")
before_rows=$(screen | grep -E '[0-9]{8}' | grep -c " 出席 ")
[ "$before_rows" = 15 ] || fail "$before_rows rows show 出席 before the kill"

# Power cut: SIGKILL, no chance to flush anything.
pid=$(tm display-message -p -t main '#{pane_pid}')
kill -KILL "$pid"
wait_exit

start 110 50 "exec $ZHIBU --db $DB"
wait_for "三会一课"
keys 2
wait_for "应到 实到"
keys /
type_text "$TOPIC"
wait_for "第 1/1 条"
keys Enter Enter
wait_for "应到 $expected  实到"
after=$(line_with "应到 $expected  实到")
[ "$after" = "$before" ] || fail "totals after restart: '$after', before: '$before'"
after_rows=$(screen | grep -E '[0-9]{8}' | grep -c " 出席 ")
[ "$after_rows" = 15 ] || fail "$after_rows rows show 出席 after the restart"
unmarked_rows=$(screen | grep -E '[0-9]{8}' | grep -c " 未签到")
[ "$unmarked_rows" = $((expected - 15)) ] || fail "$unmarked_rows unmarked rows"
# the roll opens on the first unmarked person
wait_for "第 16/$expected 条"

# The second half, with the other states: 10 present, late, absent,
# two leaves (Enter takes the empty reason), one more present.
for _ in $(seq 10); do press 1; done
press 4
press 3
press 2 Enter
wait_for "请假 1"
press 2
type_text "外出务工"            # typing a reason is not counted
press Enter
press 1
if [ "$expected" = 30 ]; then
    wait_for "应到 30  实到 27（出席 26 迟到 1）  请假 2  缺席 1  未签到 0  列席 0  出席率 90.0%"
else
    wait_for "未签到 $((expected - 30))"
fi
line_with "外出务工" | grep -q "请假" || fail "leave reason row"
late=$(screen | grep -E '[0-9]{8}' | grep -c " 迟到 ")
[ "$late" = 1 ] || fail "$late late rows"

# 30 marks: open + 30 + the two Enters of the leave prompts.
[ "$presses" -le 35 ] || fail "$presses key presses for 30 marks"
echo "roll: $presses key presses for 30 marks (open + 30 marks + 2 leave prompts)"

keys F10
wait_exit
echo "PASS: roll"
