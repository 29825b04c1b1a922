#!/bin/sh
# Runs the CSV import fuzzer (fuzz/fuzz_import.c, built by `make fuzz`)
# for N seconds (default 60) from a small seed corpus written here.
# Usage: fuzz/run.sh path/to/fuzz_import [seconds]
# A crash leaves its input as ./fuzz-crash-* (or fuzz-leak-*, ...) and
# exits non-zero.
set -eu
bin=${1:?usage: run.sh fuzz_import [seconds]}
secs=${2:-60}
work=$(mktemp -d "${TMPDIR:-/tmp}/zhibu-fuzz-run.XXXXXX")
trap 'rm -rf "$work"' EXIT
c=$work/corpus
mkdir -p "$c"
export LC_ALL=C.UTF-8

h='姓名,性别,公民身份号码,民族,出生日期,学历,人员类别,所在党支部,加入党组织日期,转为正式党员日期,联系电话,家庭住址,是否失联党员,失去联系日期,是否流动党员,外出流向,党员编号,党员类型,工作单位,备注,离开情况,离开日期'
printf '\357\273\277%s\r\n张三,男,110105194912310013,汉族,1949-12-31,大学本科,正式党员,第一网格党支部,1975-07-01,1976-07-01,13800138000,"东城区, 3号楼",否,,否,,,,某单位,"两行\n备注",,\r\n' "$h" >"$c/utf8_bom"
printf '%s\n欧阳晓燕,女,11010519491231002X,满族,1949/12/31,高中,正式,新华街道党工委/东城社区党委/第二网格党支部,1975年7月1日,19760701,010-12345678,,是,2024.1.1,是,深圳,10000001,流动,,,转出,2025-01-01\n' "$h" >"$c/update"
printf '党员信息表\n序号\t姓名\t身份证号\t入党时间\t所在支部\n1\t李红\t\t1990-03-05\t第九支部\n2\t"王""五"\t1101**********002X\t2021/7/1 0:00\t东城社区党委\n' >"$c/tabs_title"
printf '\xd0\xd5\xc3\xfb,\xcb\xf9\xd4\xda\xb5\xb3\xd6\xa7\xb2\xbf,\xbc\xd3\xc8\xeb\xb5\xb3\xd7\xe9\xd6\xaf\xc8\xd5\xc6\xda\r\n\xd5\xc5\xc8\xfd,\xb5\xda\xd2\xbb\xcd\xf8\xb8\xf1\xb5\xb3\xd6\xa7\xb2\xbf,2001-07-01\r\n' >"$c/gb18030"
printf '姓名,所在党支部\r"未结束的引号,x\r' >"$c/cr_unterminated"
printf '\377\376\131\137\015\000\012\000' >"$c/utf16"

# header names as a dictionary
dict=$work/dict
: >"$dict"
for w in 姓名 性别 公民身份号码 身份证号 民族 出生日期 学历 人员类别 所在党支部 \
         加入党组织日期 转为正式党员日期 联系电话 家庭住址 党籍状态 是否失联党员 \
         失去联系日期 是否流动党员 外出流向 党员编号 党员类型 工作单位 备注 \
         离开情况 离开日期 正式党员 预备党员 男 女 是 否 汉族 年 月 日 / ／; do
    printf '"%s"\n' "$(printf %s "$w" | od -An -tx1 | tr -d ' \n' | sed 's/../\\x&/g')" >>"$dict"
done

"$bin" -max_total_time="$secs" -max_len=4096 -timeout=10 -rss_limit_mb=2048 \
    -dict="$dict" -artifact_prefix=./fuzz- -print_final_stats=1 "$c"
