#!/usr/bin/env bash
# Start on a demo database, filter by pinyin initials, open a member,
# change the phone number, save, restart, and see the change; the list's
# columns stay aligned with CJK names.
. "$(dirname "$0")/lib.sh"

DB="$T/demo.db"
"$ZHIBU" --db "$DB" demo >/dev/null || fail "demo"

start 100 30 "exec $ZHIBU --db $DB"
wait_for "1  党员信息"
keys 1
wait_for "第 1/"
screen | grep -q "F1" || fail "hint bar missing"

# Columns: every phone number starts where the header "联系电话" starts,
# whatever the width of the names before it.
hdr=$(line_with "联系电话")
want=$(col_of "$hdr" "联系电话")
n=0
while IFS= read -r line; do
    phone=$(grep -oE '1[3-9][0-9]{9}' <<<"$line" | head -1)
    [ -n "$phone" ] || continue
    got=$(col_of "$line" "$phone")
    [ "$got" = "$want" ] || fail "phone at column $got, header at $want: $line"
    n=$((n + 1))
done < <(screen)
[ "$n" -ge 10 ] || fail "only $n rows with phones on screen"

# Filter by pinyin initials.
keys /
type_text zxj
wait_for "张小军"
screen | grep -q "筛选" || fail "filter line not shown"
keys Enter
keys Enter
wait_for "公民身份号码"
wait_for "张小军"

# To the phone field: 11 fields after the name.
for _ in $(seq 11); do keys Tab; done
keys C-u
type_text 13912345678
keys C-s
wait_for "已保存"
wait_for "13912345678"
keys F10   # q would go back to the home menu
wait_exit

# Restart: the change is there.
start 100 30 "exec $ZHIBU --db $DB"
wait_for "1  党员信息"
keys 1
wait_for "第 1/"
keys /
type_text zxj
wait_for "张小军"
line_with "张小军" | grep -q "13912345678" ||
    fail "phone not saved: $(line_with "张小军")"
keys Enter Enter
wait_for "公民身份号码"
line_with "联系电话" | grep -q "13912345678" || fail "form does not show the phone"

# Sort by surname strokes from the picker, then back to pinyin.
keys Escape
wait_for "第 1/1 条"
keys Escape            # clears the filter
wait_gone "第 1/1 条"
keys s
wait_for "排序方式"
type_text bh
keys Enter
wait_for "按姓氏笔画排序"

# Filter by phone digits finds the member too.
keys /
type_text 13912345678
wait_for "第 1/1 条"
line_with "张小军" >/dev/null || fail "phone digits filter"
keys Escape
wait_gone "第 1/1 条"

keys F10
wait_exit
echo "PASS: members"
