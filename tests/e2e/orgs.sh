#!/usr/bin/env bash
# The organisation tree end to end, on the demo data: the counts and
# their alignment, the pinyin filter, a 党小组 added under a branch
# through the form, its 组长 typed in the committee screen and shown in
# the tree, then the group deleted (its post with it).
. "$(dirname "$0")/lib.sh"

DB="$T/orgs.db"
export ZHIBU_TODAY=2026-06-15
"$ZHIBU" --db "$DB" demo --months 0 >/dev/null || fail "demo"

start 100 30 "exec $ZHIBU --db $DB"
wait_for "5  组织架构"
wait_for "预备"
reg=$(line_with "（正式" | grep -oE "党员 [0-9]+（正式 [0-9]+，预备 [0-9]+）") ||
    fail "home count"
total=$(echo "$reg" | grep -oE '^党员 [0-9]+' | grep -oE '[0-9]+')
keys 5
wait_for "组织架构  共"
line_with "组织架构" | grep -qF "$total 名党员" || fail "title vs home $total"

# The kind column starts at one column on every row, whatever the width
# of the (indented) names before it.
hdr=$(line_with "组织名称")
kc=$(col_of "$hdr" "类型")
for name in "云溪街道党工委" "东湖社区党总支" "东湖社区老党员党支部"; do
    line=$(line_with "$name")
    [ -n "$line" ] || fail "no row $name"
    k=$(echo "$line" | grep -oE '(街道党工委|社区党总支|功能型党支部)' | head -1)
    # (after a space: 云溪街道党工委 contains 街道党工委)
    c=$(col_of "$line" " $k")
    [ $((c + 1)) = "$kc" ] || fail "kind not under 类型: $line"
done
line_with "东湖社区老党员党支部" | grep -qE " [0-9]+/[0-9]+ +[0-9]+/[0-9]+" ||
    fail "counts: $(line_with 东湖社区老党员党支部)"

# The filter: pinyin initials of 松林社区党支部 keep its ancestors.
keys /
type_text "slsq"
wait_for "第 1/2 条"
keys Enter Down
wait_for "第 2/2 条"
keys a
wait_for "组织架构 - 新增下级组织（上级：云溪街道党工委/松林社区党支部）"
line_with "类型：" | grep -qF "党小组" || fail "kind not preset"
type_text "第三党小组"
keys C-s
wait_for "已保存：第三党小组"
# the filter does not match it: dropped, the cursor on the new node
wait_for "第 7/20 条"
line_with "第三党小组" | grep -qF "党小组" || fail "new row"
line_with "松林社区党支部" | grep -qF "47 名党员未编入党小组" ||
    fail "hint: $(line_with 松林社区党支部)"

# Its 组长, typed by name (nobody is placed in the new group yet).
keys c
wait_for "第三党小组 - 班子成员  现任 0 人"
keys a
wait_for "第三党小组 - 新增任职"
line_with "职务：" | grep -qF "组长" || fail "post not preset"
keys Enter
wait_for "该组织还没有党员，请直接填写姓名"
keys Tab
type_text "陈新"
keys C-s
wait_for "已保存：组长 陈新"
line_with "陈新" | grep -qF "现任" || fail "post row"
keys Escape
wait_for "组织架构  共"
line_with "第三党小组" | grep -qF "陈新" || fail "head not in the tree"

# A branch with members cannot go; the empty group can, its post too.
keys Up
wait_for "第 6/20 条"
keys d
wait_for "不能删除社区党支部「松林社区党支部」"
keys Enter
wait_for "不能删除：还有 1 个下级组织；还有 4"
keys Down
wait_for "第 7/20 条"
keys d
wait_for "删除党小组"
keys y
wait_for "已删除：云溪街道党工委/松林社区党支部/第三党小组"

keys F10
wait_exit
echo "PASS: orgs"
