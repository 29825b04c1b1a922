#!/usr/bin/env bash
# Bad input in the member form is reported at the field, in Chinese, and
# nothing is saved; a resize keeps the typed text; kill -9 while editing
# leaves the database intact with every saved change.
. "$(dirname "$0")/lib.sh"

DB="$T/demo.db"
"$ZHIBU" --db "$DB" demo --members 200 >/dev/null || fail "demo"

start 100 30 "exec $ZHIBU --db $DB"
wait_for "1  党员信息"
keys 1
wait_for "第 1/"
keys a
wait_for "新增"
type_text "测试党员"
keys Tab Tab
# 110105194912310021: the check character should be X
type_text 110105194912310021
keys Tab
wait_for "应为 X"
line=$(line_with "公民身份号码")
grep -q "应为 X" <<<"$line" || fail "ID error not next to its field: $line"

# Saving is refused while the error stands.
keys C-s
wait_for "请改正后再保存"

# Resize mid-form: the typed text survives, smaller and larger.
tm resize-window -t main -x 84 -y 26
sleep 0.3
wait_for "测试党员"
wait_for "110105194912310021"
tm resize-window -t main -x 60 -y 20
wait_for "终端太小"
tm resize-window -t main -x 100 -y 30
wait_for "测试党员"
wait_for "110105194912310021"

# Fix the ID (the failed save put the cursor on it): the message goes
# away, birth date and gender fill in.
keys BSpace
type_text X
keys Tab
wait_gone "应为 X"
wait_for "1949-12-31"

# A future join date is refused at its field.
for _ in $(seq 5); do keys Tab; done   # 加入党组织日期
type_text 2099-01-01
keys Tab
wait_for "不能晚于今天"
line=$(line_with "加入党组织日期")
grep -q "不能晚于今天" <<<"$line" || fail "future date not refused: $line"

# Esc asks before throwing the changes away.
keys Escape
wait_for "放弃"
keys n
wait_for "测试党员"
keys Escape
wait_for "放弃"
keys y
wait_for "第 1/"
screen | grep -q "测试党员" && fail "the discarded member was saved"

# kill -9 in the middle of editing: saved changes stay, the database is intact.
keys /
type_text zxj
wait_for "张小军"
keys Enter Enter
wait_for "公民身份号码"
for _ in $(seq 12); do keys Tab; done   # 家庭住址
keys C-u
type_text "东湖社区 8 栋 1 单元 101 室"
keys F2
wait_for "已保存"
keys Enter
wait_for "公民身份号码"
type_text "未保存的修改"
wait_for "未保存的修改"
sleep 0.2
pid=$(tm display-message -p -t main '#{pane_pid}')
kill -9 "$pid"
wait_exit
"$ZHIBU" --db "$DB" check >"$T/check" || fail "check after kill -9: $(cat "$T/check")"

start 100 30 "exec $ZHIBU --db $DB"
wait_for "1  党员信息"
keys 1
wait_for "第 1/"
keys /
type_text zxj
wait_for "张小军"
keys Enter Enter
wait_for "东湖社区 8 栋 1 单元 101 室"
screen | grep -q "未保存的修改" && fail "an unsaved edit was stored"
keys Escape
keys F10
wait_exit
echo "PASS: form_errors"
