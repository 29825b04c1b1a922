#!/usr/bin/env bash
# The work-summary report at district scale (never part of `make check`):
#   bench/report.sh [path/to/zhibu]        (also run by `make bench`)
# Builds `zhibu demo --members 100000 --communities 60 --months 12` and
# times `zhibu report` for the year, a half year, one community and the
# CSV form, process start included. Prints a Markdown table.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
ZHIBU=${1:-$here/../zhibu}
RUNS=${RUNS:-7}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
export LC_ALL=C.UTF-8 ZHIBU_TODAY=2026-11-22 HOME=$out

median() { sort -n | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else printf "%.0f\n", (a[NR/2]+a[NR/2+1])/2}'; }
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

db=$out/district.db
t0=$(now_ms)
"$ZHIBU" --db "$db" demo --members 100000 --communities 60 --months 12 >"$out/demo"
t1=$(now_ms)
demo_s=$(awk "BEGIN {printf \"%.1f\", ($t1 - $t0) / 1000}")
rows=$(grep -oE '[0-9]+ 条考勤记录' "$out/demo")

# time_ms ARGS...: median wall time of `zhibu report ARGS` in ms
time_ms() {
    : >"$out/t"
    for _ in $(seq "$RUNS"); do
        local a b
        a=$(now_ms)
        "$ZHIBU" --db "$db" report "$@" >/dev/null
        b=$(now_ms)
        echo $((b - a)) >>"$out/t"
    done
    median <"$out/t"
}

year=$(time_ms --year 2026)
half=$(time_ms --half 2026H1)
community=$(time_ms --year 2026 --org 2)
csv=$(time_ms --year 2026 --csv)

cat <<REPORT
| measurement (district: 100,000 members, 60 communities, $rows; median of $RUNS, process start included) | result |
|---|---|
| \`zhibu demo --members 100000 --communities 60 --months 12\` | $demo_s s |
| \`zhibu report --year 2026\` (every organisation) | $year ms |
| \`zhibu report --half 2026H1\` | $half ms |
| \`zhibu report --year 2026 --org 2\` (one community) | $community ms |
| \`zhibu report --year 2026 --csv\` | $csv ms |
REPORT
