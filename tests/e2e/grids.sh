#!/usr/bin/env bash
# Grids end to end, on a fresh database: build 东湖社区 → 第一网格 → 1号楼
# through the forms, see the coverage check report "缺楼栋长", assign a
# 楼栋长 from the roles screen, see the gap disappear; then the grid's
# 网格长 and 网格员, and its contact sheet written to a file with the
# names, phones and aligned columns.
. "$(dirname "$0")/lib.sh"

DB="$T/grids.db"
"$ZHIBU" --db "$DB" init >/dev/null || fail "init"

start 100 30 "cd $T && exec $ZHIBU --db $DB"
wait_for "6  网格管理"
keys 6
wait_for "还没有网格"

# The community, a grid directly under it, a building under the grid.
keys A
wait_for "网格管理 - 新增社区"
type_text "东湖社区"
keys C-s
wait_for "已保存：社区「东湖社区」"
keys a
wait_for "网格管理 - 新增片区"
type_text "第一网格"
keys Tab Right
wait_for "层级： 网格"
keys C-s
wait_for "已保存：网格「第一网格」"
keys a
wait_for "网格管理 - 新增楼栋"
line_with "上级：" | grep -qF "东湖社区/第一网格" || fail "parent path"
type_text "1号楼"
keys Tab Tab
type_text 200
keys C-s
wait_for "已保存：楼栋「1号楼」"
line_with "1号楼" | grep -q " 200" || fail "building row: $(line_with 1号楼)"
line_with "第一网格" | grep -q " 200" || fail "sum upward: $(line_with 第一网格)"
wait_for "网格管理  共 3 个节点"

# The coverage check sees the building without a 楼栋长.
keys Escape
wait_for "7  网格覆盖检查"
keys 7
wait_for "网格覆盖检查  全部社区"
line_with "东湖社区/第一网格/1号楼" | grep -qF "缺楼栋长" ||
    fail "no 缺楼栋长 gap"
line_with "东湖社区/第一网格 " | grep -qE "缺网格长|缺网格员|未建党组织" ||
    fail "no gap for the grid"
before=$(line_with "网格覆盖检查" | grep -oE '共 [0-9]+ 处问题' | grep -oE '[0-9]+')

# Enter on that line opens the building's roles; add the 楼栋长 there.
keys /
type_text "1号楼"
wait_for "第 1/1 条"
keys Enter Enter
wait_for "负责人  东湖社区/第一网格/1号楼  现任 0 人"
keys a
wait_for "负责人 - 新增任职"
line_with "职务：" | grep -qF "楼栋长" || fail "role not preset"
keys Tab
type_text "李建国"
keys Tab
type_text 13800001111
keys C-s
wait_for "已保存：楼栋长 李建国"
line_with "李建国" | grep -qF "至今" || fail "role row"

# Back on the check: the gap is gone, the count one less.
keys Escape
wait_for "网格覆盖检查"
wait_gone "缺楼栋长"
keys Escape
wait_for "东湖社区/第一网格"
screen | grep -qF "1号楼" && fail "the building still has a gap"
after=$(line_with "网格覆盖检查" | grep -oE '共 [0-9]+ 处问题' | grep -oE '[0-9]+')
[ "$after" = $((before - 1)) ] || fail "gaps $before -> $after"

# The grid's 网格长 and 网格员 (names of 2 and 4 characters).
keys /
type_text "缺网格长"
wait_for "第 1/1 条"
keys Enter Enter
wait_for "负责人  东湖社区/第一网格  现任 0 人"
keys a
wait_for "负责人 - 新增任职"
keys Right
wait_for "职务： 网格长"
keys Tab Tab
type_text "王芳"
keys Tab
type_text 13900002222
keys C-s
wait_for "已保存：网格长 王芳"
keys a
wait_for "负责人 - 新增任职"
keys Right Right
wait_for "职务： 网格员（专职）"
keys Tab Tab
type_text "欧阳明华"
keys Tab
type_text 13700003333
keys C-s
wait_for "已保存：网格员（专职） 欧阳明华"
wait_for "现任 2 人"
keys Escape
wait_for "网格覆盖检查"
keys Escape
wait_gone "缺网格长"
screen | grep -qF "缺网格员" && fail "缺网格员 still reported"

# The tree shows them; the contact sheet goes to a file.
keys Escape
wait_for "6  网格管理"
keys 6
wait_for "网格管理  共 3 个节点"
line_with "第一网格" | grep -qF "网格长:王芳 网格员:欧阳明华" ||
    fail "heads column: $(line_with 第一网格)"
keys Down
wait_for "第 2/2 条"
keys p
wait_for "打印联系卡"
wait_for "联系卡-第一网格.txt"
keys Enter
wait_for "联系卡已写入"
sheet="$T/联系卡-第一网格.txt"
[ -f "$sheet" ] || fail "no contact sheet file"
grep -qF "东湖社区/第一网格" "$sheet" || fail "sheet title"
for who in "王芳 13900002222" "欧阳明华 13700003333" "李建国 13800001111"; do
    name=${who% *}
    phone=${who#* }
    line=$(grep -F "$name" "$sheet" | head -1)
    [ -n "$line" ] || fail "sheet lacks $name"
    grep -qF "$phone" <<<"$line" || fail "sheet: $name without $phone: $line"
done
# Columns: every name starts at the same display column, and so does
# every phone, whatever the width of the role (and building) and of the
# name before it.
phone_col=""
name_col=""
for who in "王芳 13900002222" "欧阳明华 13700003333" "李建国 13800001111"; do
    name=${who% *}
    phone=${who#* }
    line=$(grep -F "$name" "$sheet" | head -1)
    nc=$(col_of "$line" "$name")
    pc=$(col_of "$line" "$phone")
    [ -z "$phone_col" ] && phone_col=$pc && name_col=$nc
    [ "$nc" = "$name_col" ] || fail "name at column $nc, not $name_col: $line"
    [ "$pc" = "$phone_col" ] || fail "phone at column $pc, not $phone_col: $line"
done
[ "$phone_col" -gt "$name_col" ] || fail "phone column $phone_col"
hdr=$(grep -F "姓名" "$sheet" | head -1)
[ "$(col_of "$hdr" "姓名")" = "$name_col" ] || fail "header 姓名: $hdr"

keys F10
wait_exit
echo "PASS: grids"
