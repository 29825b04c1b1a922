# Shared helpers for the end-to-end tests: the real zhibu binary in a
# pseudo-terminal behind a real terminal emulator (tmux), typed at with
# send-keys and read back with capture-pane, as a person would see it.
# shellcheck shell=bash
set -u

: "${ZHIBU:?ZHIBU must name the zhibu binary}"
TMUX_BIN=${TMUX_BIN:-tmux}
if [ -z "$TMUX_BIN" ] || ! command -v "$TMUX_BIN" >/dev/null 2>&1; then
    echo "SKIP: tmux not found"
    exit 77
fi

T=$(mktemp -d "${TMPDIR:-/tmp}/zhibu-e2e.XXXXXX")
SOCK="$T/tmux.sock"
export HOME="$T/home" XDG_CONFIG_HOME="$T/home/.config" \
       XDG_DATA_HOME="$T/home/.local/share"
mkdir -p "$HOME"
unset ZHIBU_DB TMUX
export LC_ALL=C.UTF-8 LANG=C.UTF-8
export ZHIBU_TODAY=2026-11-22
# Sanitizer reports from the program inside tmux would be lost on its
# screen: send them to files and fail the test if any appear.
export ASAN_OPTIONS="log_path=$T/asan:${ASAN_OPTIONS:-}"
export UBSAN_OPTIONS="log_path=$T/ubsan:print_stacktrace=1:${UBSAN_OPTIONS:-}"

tm() { "$TMUX_BIN" -u -f /dev/null -S "$SOCK" "$@"; }

finish() {
    local rc=$?
    stop_server
    if ls "$T"/asan* "$T"/ubsan* >/dev/null 2>&1; then
        echo "FAIL: sanitizer report:"
        cat "$T"/asan* "$T"/ubsan* 2>/dev/null | head -60
        rc=1
    fi
    rm -rf "$T"
    exit "$rc"
}
trap finish EXIT

fail() {
    echo "FAIL: $*"
    echo "---- screen ----"
    screen 2>/dev/null
    echo "----------------"
    exit 1
}

# Ends the tmux server and waits until it is gone (a new client could
# otherwise reach the dying one).
stop_server() {
    local i=0
    tm kill-server >/dev/null 2>&1
    while [ -S "$SOCK" ] && tm has-session >/dev/null 2>&1 && [ "$i" -lt 100 ]; do
        sleep 0.02
        i=$((i + 1))
    done
    rm -f "$SOCK"
}

# start COLS ROWS COMMAND...: a fresh session running COMMAND. The pane
# stays after the program ends, so that its last screen can be read.
# TMUX_PRELOAD, if set, is preloaded into the terminal emulator.
start() {
    local cols=$1 rows=$2
    shift 2
    stop_server
    env ${TMUX_PRELOAD:+LD_PRELOAD="$TMUX_PRELOAD"} \
        "$TMUX_BIN" -u -f /dev/null -S "$SOCK" \
        new-session -d -s main -x "$cols" -y "$rows" "$*" \; \
        set-option -t main remain-on-exit on >/dev/null ||
        fail "tmux could not start"
}

screen() { tm capture-pane -p -t main; }
keys() { tm send-keys -t main "$@"; }
type_text() { tm send-keys -t main -l "$1"; }

# wait_for TEXT [SECONDS]: until TEXT is on the screen.
wait_for() {
    local text=$1 limit=${2:-15} i=0
    while [ "$i" -lt $((limit * 20)) ]; do
        if screen | grep -qF -- "$text"; then return 0; fi
        sleep 0.05
        i=$((i + 1))
    done
    fail "timed out waiting for: $text"
}

# wait_gone TEXT [SECONDS]: until TEXT is no longer on the screen.
wait_gone() {
    local text=$1 limit=${2:-15} i=0
    while [ "$i" -lt $((limit * 20)) ]; do
        if ! screen | grep -qF -- "$text"; then return 0; fi
        sleep 0.05
        i=$((i + 1))
    done
    fail "timed out waiting for this to go away: $text"
}

# line_with TEXT: the first screen line containing TEXT.
line_with() { screen | grep -F -m1 -- "$1"; }

# col_of LINE TEXT: display column (0-based) where TEXT starts in LINE.
col_of() { "$TEXTCOL" "$1" "$2"; }

# The program ended: its pane is dead.
wait_exit() {
    local i=0
    while [ "$i" -lt 200 ]; do
        if [ "$(tm display-message -p -t main '#{pane_dead}')" = 1 ]; then
            return 0
        fi
        sleep 0.05
        i=$((i + 1))
    done
    fail "zhibu did not exit"
}

TEXTCOL=${TEXTCOL:-$(dirname "$ZHIBU")/tests/textcol}
