#!/usr/bin/env bash
# Two people take the same roll from two terminals on one database (two
# SSH sessions on the office box): each sees the other's marks within two
# seconds without pressing a key, and a mark made on a stale screen is
# refused with a message: the first mark stands.
. "$(dirname "$0")/lib.sh"

DB="$T/demo.db"
"$ZHIBU" --db "$DB" demo --members 150 >/dev/null || fail "demo"

# The second terminal: its own tmux session on the same server.
screen2() { tm capture-pane -p -t second; }
keys2() { tm send-keys -t second "$@"; }
type2() { tm send-keys -t second -l "$1"; }
wait_for2() {
    local text=$1 limit=${2:-15} i=0
    while [ "$i" -lt $((limit * 20)) ]; do
        if screen2 | grep -qF -- "$text"; then return 0; fi
        sleep 0.05
        i=$((i + 1))
    done
    echo "---- second terminal ----"
    screen2
    fail "second terminal: timed out waiting for: $text"
}
line2() { screen2 | grep -F -m1 -- "$1"; }

TOPIC="两人同时考勤"
start 110 40 "exec $ZHIBU --db $DB"
wait_for "三会一课"
keys 2
wait_for "应到 实到"
keys a
wait_for "新增会议"
keys Enter
wait_for "选择党组织"
type_text "临江社区党支部"
keys Enter
wait_gone "选择党组织"
keys Tab Enter
type_text "支部委员会"
keys Enter
for _ in $(seq 7); do keys Tab; done
type_text "$TOPIC"
keys C-s
wait_for "已保存"
keys Enter
wait_for "未签到"
wait_for "第 1/"

tm new-session -d -s second -x 110 -y 40 "exec $ZHIBU --db $DB" \; \
    set-option -t second remain-on-exit on >/dev/null ||
    fail "second terminal"
wait_for2 "三会一课"
keys2 2
wait_for2 "应到 实到"
keys2 /
type2 "$TOPIC"
wait_for2 "第 1/1 条"
keys2 Enter Enter
wait_for2 "未签到"
wait_for2 "第 1/"

rows=$(screen | grep -E ' [0-9]{8} ')
p1=$(sed -n 1p <<<"$rows" | awk '{ print $2 }')    # member numbers
p2=$(sed -n 2p <<<"$rows" | awk '{ print $2 }')
p3=$(sed -n 3p <<<"$rows" | awk '{ print $2 }')
n2=$(sed -n 2p <<<"$rows" | awk '{ print $1 }')
[ -n "$p3" ] || fail "roll too short"

# The first terminal marks; the second shows it without a key.
keys 1
wait_for "第 2/"
line_with " $p1 " | grep -q " 出席 " || fail "first terminal did not mark"
t0=$(date +%s%N)
wait_for2 "实到 1（出席 1" 2
line2 " $p1 " | grep -q " 出席 " || fail "second terminal row: $(line2 " $p1 ")"
t1=$(date +%s%N)
echo "second terminal saw the mark after $(( (t1 - t0) / 1000000 )) ms"

# And the other way round.
keys2 Down Down 4
wait_for2 "迟到 1"
wait_for "实到 2（出席 1 迟到 1）" 2
line_with " $p3 " | grep -q " 迟到 " || fail "first terminal row: $(line_with " $p3 ")"

# The same person from both: the second terminal starts a 请假 on p2 (the
# reason prompt is open, its screen still shows p2 unmarked), the first
# marks p2 absent, then the second confirms its leave: refused.
keys2 Up Up
keys2 2
wait_for2 "请假原因"
line_with " $p2 " | grep -q " 未签到" || fail "p2 not unmarked"
keys 3
wait_for "缺席 1"
line_with " $p2 " | grep -q " 缺席 " || fail "first terminal: p2 not absent"
type2 "临时有事"
keys2 Enter
wait_for2 "$n2 已被"
line2 "已被" | grep -q "标记为 缺席，未覆盖" || fail "conflict message: $(line2 "已被")"
line2 " $p2 " | grep -q " 缺席 " || fail "second terminal shows: $(line2 " $p2 ")"
wait_for2 "请假 0  缺席 1"
# the first mark stands, in both terminals and after a while
sleep 1.5
line_with " $p2 " | grep -q " 缺席 " || fail "first terminal lost the mark"
line2 " $p2 " | grep -q " 缺席 " || fail "second terminal lost the mark"
screen | grep -q "临时有事" && fail "the refused reason was stored"

# A deliberate mark on the fresh screen does go through.
keys2 1
wait_for2 "$n2：出席"
wait_for "缺席 0" 2

keys F10
keys2 F10
wait_exit
echo "PASS: two_users"
