#!/usr/bin/env bash
# Import/export benchmarks (never part of `make check`; `make bench` runs
# them after bench/run.sh). Usage: bench/io.sh [path/to/zhibu]
# 100,000 demo members are exported as CSV and imported into an empty
# database (its grids and organisations imported first), then the same file
# is imported again (every row matched, nothing changed). Prints a
# Markdown table of medians over RUNS runs (default 3): wall time and
# CPU time (user + system) of the process.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
ZHIBU=${1:-$here/../zhibu}
ZHIBU=$(cd "$(dirname "$ZHIBU")" && pwd)/$(basename "$ZHIBU")
RUNS=${RUNS:-3}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
export LC_ALL=C.UTF-8 ZHIBU_TODAY=2026-11-22 HOME=$out

median() { sort -n | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else printf "%.2f\n", (a[NR/2]+a[NR/2+1])/2}'; }

# timed NAME COMMAND...: appends "wall cpu" of one run to $out/NAME
timed() {
    local name=$1
    shift
    /usr/bin/time -f "%e %U %S" -o "$out/t" "$@" >/dev/null
    awk '{printf "%.2f %.2f\n", $1, $2 + $3}' "$out/t" >>"$out/$name"
}
med() { cut -d' ' -f"$2" "$out/$1" | median; }

db=$out/src.db
"$ZHIBU" --db "$db" demo --members 100000 --months 0 >/dev/null
# members name their residence grid node and organisation by path: the
# empty database gets those first (not timed)
"$ZHIBU" --db "$db" export grids "$out/grids.csv" >/dev/null
"$ZHIBU" --db "$db" export orgs "$out/orgs.csv" >/dev/null
for i in $(seq "$RUNS"); do
    rm -f "$out/m.csv" "$out/f.csv" "$out/g.csv"
    timed export "$ZHIBU" --db "$db" export members "$out/m.csv"
    timed export_full "$ZHIBU" --db "$db" export members --full "$out/f.csv"
    timed export_gb "$ZHIBU" --db "$db" export members --full \
        --encoding gb18030 "$out/g.csv"
    rm -f "$out/new.db"*
    "$ZHIBU" --db "$out/new.db" import grids "$out/grids.csv" >/dev/null
    "$ZHIBU" --db "$out/new.db" import orgs "$out/orgs.csv" >/dev/null
    timed import "$ZHIBU" --db "$out/new.db" import members "$out/f.csv"
    timed reimport "$ZHIBU" --db "$out/new.db" import members "$out/f.csv"
    timed dry "$ZHIBU" --db "$out/new.db" import members "$out/g.csv" --dry-run
done
"$ZHIBU" --db "$out/new.db" export members --full "$out/again.csv" >/dev/null
cmp -s "$out/f.csv" "$out/again.csv" || { echo "round trip differs" >&2; exit 1; }
size=$(($(stat -c %s "$out/f.csv") / 1048576))

cat <<REPORT
| measurement (100,000 members, ${size} MB of CSV; median of $RUNS) | wall | CPU |
|---|---|---|
| \`export members\` (UTF-8, ID numbers masked) | $(med export 1) s | $(med export 2) s |
| \`export members --full\` | $(med export_full 1) s | $(med export_full 2) s |
| \`export members --full --encoding gb18030\` | $(med export_gb 1) s | $(med export_gb 2) s |
| \`import members\` into an empty member register (grids and organisations imported first) | $(med import 1) s | $(med import 2) s |
| the same file again (100,000 rows matched, unchanged) | $(med reimport 1) s | $(med reimport 2) s |
| \`import members --dry-run\` of the GB18030 file (all matched) | $(med dry 1) s | $(med dry 2) s |
REPORT
