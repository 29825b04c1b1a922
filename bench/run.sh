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
"$ZHIBU" --db "$db" demo --members 100000 --months 0 >/dev/null
t1=$(date +%s.%N)
demo_s=$(awk "BEGIN {printf \"%.2f\", $t1 - $t0}")

# zhibu: first screen (the home menu), 1 to the member list, peak RSS,
# and filter keystrokes: / then z x j, three Backspaces, 1 3 8 0.
F10='\e[21~'
: >"$out/start" ; : >"$out/list" ; : >"$out/rss" ; : >"$out/keys"
for _ in $(seq "$RUNS"); do
    "$out/ptytime" -c 100 -r 30 -m "F10" -k '1' -k '/' -k 'z' -k 'x' -k 'j' \
        -k '\x7f' -k '\x7f' -k '\x7f' -k 1 -k 3 -k 8 -k 0 \
        -x "\\e\\e$F10" -- "$ZHIBU" --db "$db" >"$out/run"
    awk '/^first_screen/ {print $2}' "$out/run" >>"$out/start"
    awk '/^key1 / {print $2}' "$out/run" >>"$out/list"
    awk '/^peak_rss/ {print $2}' "$out/run" >>"$out/rss"
    awk '/^key([3-9]|1[0-2]) / {print $2}' "$out/run" >>"$out/keys"
done
z_start=$(median <"$out/start")
z_list=$(median <"$out/list")
z_rss=$(sort -n "$out/rss" | tail -1)
z_key=$(median <"$out/keys")
z_key_max=$(sort -n "$out/keys" | tail -1)

# The roll: marking one member (key to the mark committed and drawn).
# Default demo: 600 members, 12 months of meetings; 2 opens the meetings,
# Enter the newest roll; 3 and 1 alternate so every key writes (the
# cursor moves on after each mark).
rdb=$out/roll.db
"$ZHIBU" --db "$rdb" demo >/dev/null
marks=""
for _ in $(seq 10); do marks="$marks -k 3 -k 1"; done
: >"$out/marks"
for _ in $(seq "$RUNS"); do
    # shellcheck disable=SC2086
    "$out/ptytime" -c 100 -r 30 -m "F10" -k 2 -k '\r' $marks \
        -x "\\e\\e\\e$F10" -- "$ZHIBU" --db "$rdb" >"$out/run"
    awk '$1 ~ /^key/ && $1 != "key1" && $1 != "key2" {print $2}' \
        "$out/run" >>"$out/marks"
done
mark_med=$(median <"$out/marks")
mark_max=$(sort -n "$out/marks" | tail -1)

# The compliance view for a district: 60 communities, 3 years of
# meetings, about a million attendance rows.
ddb=$out/district.db
t0=$(date +%s.%N)
"$ZHIBU" --db "$ddb" demo --communities 60 --members 5400 --months 36 >"$out/district"
t1=$(date +%s.%N)
district_s=$(awk "BEGIN {printf \"%.1f\", $t1 - $t0}")
district_rows=$(grep -oE '[0-9]+ 条考勤记录' "$out/district")
: >"$out/comp"
for _ in $(seq "$RUNS"); do
    "$out/ptytime" -c 100 -r 30 -m "F10" -k 3 -x "\\e\\e$F10" \
        -- "$ZHIBU" --db "$ddb" >"$out/run"
    awk '/^key1 / {print $2}' "$out/run" >>"$out/comp"
done
comp_med=$(median <"$out/comp")

# The grid tree (6) and the organisation tree (5) at district scale: 60
# communities, about 3,000 grid nodes, 4,000 organisations, 100,000
# members. Keys in application-cursor mode (\eOB, as xterm sends them
# once keypad mode is on). Grids: open, Right expands the first
# community, Down x3, * expands its whole subtree, Down, End, Home.
# Organisations (the street committee opens expanded): open, Down, Right
# expands that community's committee, Down x2, *, Down, End, Home.
tdb=$out/trees.db
"$ZHIBU" --db "$tdb" demo --members 100000 --communities 60 --months 0 >/dev/null
grid_nodes=$(sqlite3 "$tdb" "SELECT count(*) FROM grid")
org_nodes=$(sqlite3 "$tdb" "SELECT count(*) FROM org")
D='\eOB' R='\eOC' END='\eOF' HOME='\eOH'
: >"$out/g_open" ; : >"$out/g_exp" ; : >"$out/g_move"
: >"$out/o_open" ; : >"$out/o_exp" ; : >"$out/o_move"
for _ in $(seq "$RUNS"); do
    "$out/ptytime" -c 100 -r 30 -m "F10" -k 6 -k "$R" -k "$D" -k "$D" -k "$D" \
        -k '*' -k "$D" -k "$END" -k "$HOME" \
        -x "\\e\\e$F10" -- "$ZHIBU" --db "$tdb" >"$out/run"
    awk '/^key1 / {print $2}' "$out/run" >>"$out/g_open"
    awk '/^key(2|6) / {print $2}' "$out/run" >>"$out/g_exp"
    awk '/^key([3-5]|[7-9]) / {print $2}' "$out/run" >>"$out/g_move"
    "$out/ptytime" -c 100 -r 30 -m "F10" -k 5 -k "$D" -k "$R" -k "$D" -k "$D" \
        -k '*' -k "$D" -k "$END" -k "$HOME" \
        -x "\\e\\e$F10" -- "$ZHIBU" --db "$tdb" >"$out/run"
    awk '/^key1 / {print $2}' "$out/run" >>"$out/o_open"
    awk '/^key(3|6) / {print $2}' "$out/run" >>"$out/o_exp"
    awk '/^key(2|4|5|7|8|9) / {print $2}' "$out/run" >>"$out/o_move"
done
g_open=$(median <"$out/g_open")
g_exp=$(median <"$out/g_exp"); g_exp_max=$(sort -n "$out/g_exp" | tail -1)
g_move=$(median <"$out/g_move"); g_move_max=$(sort -n "$out/g_move" | tail -1)
o_open=$(median <"$out/o_open")
o_exp=$(median <"$out/o_exp"); o_exp_max=$(sort -n "$out/o_exp" | tail -1)
o_move=$(median <"$out/o_move"); o_move_max=$(sort -n "$out/o_move" | tail -1)

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
| \`zhibu demo --members 100000 --months 0\` | $demo_s s |
| zhibu: exec to the first screen (home menu) | $z_start ms |
| zhibu: key 1 on the menu to the drawn member list | $z_list ms |
| less: exec to first screen of the same 100,000 rows as text | $less_start ms |
| sqlite3 shell: the list query, first 28 rows (process start included) | $sq_ms ms |
| sqlite3 shell: count of filter "zxj" (process start included) | $sqf_ms ms |
| zhibu: filter keystroke to updated screen: z, x, j, 3 x Backspace, 1, 3, 8, 0 (median; max) | $z_key ms; $z_key_max ms |
| zhibu: peak RSS (max over runs) | $z_rss KiB |

| measurement (roll and compliance) | result |
|---|---|
| marking one member on the roll, key to committed and drawn (synchronous=FULL; 20 marks x $RUNS runs: median; max) | $mark_med ms; $mark_max ms |
| \`zhibu demo --communities 60 --members 5400 --months 36\` ($district_rows) | $district_s s |
| compliance view for that district: key 3 on the menu to the drawn table (median) | $comp_med ms |

| measurement (trees: 60 communities, $grid_nodes grid nodes, $org_nodes organisations, 100,000 members; median; max) | result |
|---|---|
| grid tree (6 网格管理): key 6 on the menu to the drawn tree | $g_open ms |
| grid tree: expand a node (Right on a community, * on its subtree) | $g_exp ms; $g_exp_max ms |
| grid tree: move the cursor (Down, End, Home) | $g_move ms; $g_move_max ms |
| organisation tree (5 组织架构): key 5 on the menu to the drawn tree | $o_open ms |
| organisation tree: expand a node (Right, *) | $o_exp ms; $o_exp_max ms |
| organisation tree: move the cursor (Down, End, Home) | $o_move ms; $o_move_max ms |
REPORT
