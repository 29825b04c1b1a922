#!/usr/bin/env bash
# The import screen (home menu key i) in the real binary: a fresh
# database, a UTF-8-with-BOM CSV of 3 members (as Excel saves it, CRLF)
# in the home directory typed as ~/…, the organisations created on
# request, a dry run that writes nothing, the import, and the members on
# the 党员信息 screen.
. "$(dirname "$0")/lib.sh"

DB="$T/office.db"
"$ZHIBU" --db "$DB" init >/dev/null || fail "init"

org="东坡社区党委/试点网格党支部"
{
    printf '\xef\xbb\xbf姓名,性别,公民身份号码,人员类别,所在党支部,'
    printf '加入党组织日期,转为正式党员日期\r\n'
    printf '甘霖泽,男,110101199003071233,正式党员,%s,2015-07-01,2016-07-01\r\n' "$org"
    printf '柯雨桐,女,110101198511224561,预备党员,%s,2026/3/1,\r\n' "$org"
    printf '"郎望舒",男,320502197706157891,正式党员,%s,2001年7月1日,20020701\r\n' "$org"
} >"$HOME/党员.csv"

rows() { "$ZHIBU" --db "$DB" export members | wc -l; }

start 100 30 "cd $T && exec $ZHIBU --db $DB"
wait_for "i  导入数据"
keys i
wait_for "导入什么"
keys Enter                                 # 党员, the first kind
wait_for "导入文件"
type_text "~/党员.csv"
keys Enter
wait_for "自动识别（UTF-8 或 GB18030）"
keys Enter
wait_for "不存在的党组织要自动新建吗"
keys y
wait_for "试运行：新增 3，更新 0，错误 0。按 F2 导入"
line_with "CSV 文件：" | grep -qF "$HOME/党员.csv" ||
    fail "path: $(line_with "CSV 文件：")"
wait_for "导入党员：党员.csv（UTF-8，逗号分隔）"
wait_for "将新建（本次未写入）的党组织（2 个）"
[ "$(rows)" = 1 ] || fail "the dry run wrote members: $(rows) lines"

keys F2
wait_for "把 党员.csv 导入党员？新增 3，更新 0"
keys y
wait_for "已导入：新增 3，更新 0"
wait_for "结果：新增 3，更新 0，错误 0。已导入。"
[ "$(rows)" = 4 ] || fail "export after the import: $(rows) lines"

keys Escape
wait_for "党员 3（正式 2，预备 1）"
keys 1
wait_for "甘霖泽"
wait_for "柯雨桐"
wait_for "郎望舒"
line_with "郎望舒" | grep -qF "试点网格党支部" || fail "org: $(line_with "郎望舒")"
keys F10
wait_exit
