#!/usr/bin/env bash
# zhibu benchmarks (never part of `make check`). Usage:
#   bench/run.sh [path/to/zhibu]        (or: make bench)
# Needs sqlite3 and less for the floor measurements
# (apt-get install sqlite3 less). Prints a Markdown report on stdout;
# bench/RESULTS.md holds the recorded one.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
ZHIBU=${1:-$here/../zhibu}
ZHIBU=$(cd "$(dirname "$ZHIBU")" && pwd)/$(basename "$ZHIBU")
RUNS=${RUNS:-7}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
export LC_ALL=C.UTF-8 ZHIBU_TODAY=2026-11-22 HOME=$out

cc -O2 -o "$out/ptytime" "$here/ptytime.c" -lutil

median() { sort -n | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else printf "%.2f\n", (a[NR/2]+a[NR/2+1])/2}'; }

db=$out/bench.db
t0=$(date +%s.%N)
"$ZHIBU" --db "$db" demo --members 100000 >/dev/null
t1=$(date +%s.%N)
demo_s=$(awk "BEGIN {printf \"%.2f\", $t1 - $t0}")

# zhibu: first screen, peak RSS, and filter keystrokes (/ then z x j).
F10='\e[21~'
: >"$out/start" ; : >"$out/rss" ; : >"$out/keys"
for _ in $(seq "$RUNS"); do
    "$out/ptytime" -c 100 -r 30 -m "F10" -k '/' -k 'z' -k 'x' -k 'j' \
        -x "\\e$F10" -- "$ZHIBU" --db "$db" >"$out/run"
    awk '/^first_screen/ {print $2}' "$out/run" >>"$out/start"
    awk '/^peak_rss/ {print $2}' "$out/run" >>"$out/rss"
    awk '/^key[234] / {print $2}' "$out/run" >>"$out/keys"
done
z_start=$(median <"$out/start")
z_rss=$(sort -n "$out/rss" | tail -1)
z_key=$(median <"$out/keys")
z_key_max=$(sort -n "$out/keys" | tail -1)

# Floors: less on the same rows as text, and the sqlite3 shell.
q="SELECT m.name, m.gender, m.birth_date, o.name, m.category, m.kind, m.phone, m.id_number
   FROM member m LEFT JOIN org o ON o.id = m.org_id WHERE m.left_kind = 0
   ORDER BY m.sort_py, m.id"
sqlite3 -separator '  ' "$db" "$q" >"$out/rows.txt"
first=$(sed -n 5p "$out/rows.txt" | cut -c1-20)
: >"$out/less"
for _ in $(seq "$RUNS"); do
    "$out/ptytime" -c 100 -r 30 -m "$first" -x q -- less "$out/rows.txt" |
        awk '/^first_screen/ {print $2}' >>"$out/less"
done
less_start=$(median <"$out/less")
: >"$out/sq"
for _ in $(seq "$RUNS"); do
    s=$(date +%s%N)
    sqlite3 "$db" "$q LIMIT 28" >/dev/null
    e=$(date +%s%N)
    awk "BEGIN {printf \"%.1f\\n\", ($e - $s) / 1e6}" >>"$out/sq"
done
sq_ms=$(median <"$out/sq")
: >"$out/sqf"
for _ in $(seq "$RUNS"); do
    s=$(date +%s%N)
    sqlite3 "$db" "SELECT count(*) FROM member WHERE left_kind = 0 AND search LIKE '%zxj%'" >/dev/null
    e=$(date +%s%N)
    awk "BEGIN {printf \"%.1f\\n\", ($e - $s) / 1e6}" >>"$out/sqf"
done
sqf_ms=$(median <"$out/sqf")

cat <<REPORT
| measurement (100,000 members, 100x30 terminal, median of $RUNS) | result |
|---|---|
| \`zhibu demo --members 100000\` | $demo_s s |
| zhibu: exec to first drawn member list | $z_start ms |
| less: exec to first screen of the same 100,000 rows as text | $less_start ms |
| sqlite3 shell: the list query, first 28 rows (process start included) | $sq_ms ms |
| sqlite3 shell: count of filter "zxj" (process start included) | $sqf_ms ms |
| zhibu: filter keystroke to updated screen (median; max) | $z_key ms; $z_key_max ms |
| zhibu: peak RSS (max over runs) | $z_rss KiB |
REPORT
