#!/bin/sh
# Quick start on a fresh Debian 12 machine: install the build packages,
# build zhibu, make a demo database and start the program on it.
#   ./quickstart.sh               do all of it
#   ./quickstart.sh --build-only  stop after the build and the demo database
# ZHIBU_CONFIGURE_FLAGS is passed to ./configure (CI: --enable-werror).
set -eu
cd "$(dirname "$0")"

SUDO=
if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; fi
pkgs=$(grep -v '^#' tools/debian-packages | tr '\n' ' ')
# shellcheck disable=SC2086
if ! dpkg-query -W $pkgs >/dev/null 2>&1; then
    $SUDO apt-get update -qq
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $pkgs
fi

[ -x configure ] || autoreconf -fi
# shellcheck disable=SC2086
[ -f Makefile ] || ./configure ${ZHIBU_CONFIGURE_FLAGS:-}
make -j"$(nproc)"

db=${ZHIBU_DB:-$PWD/demo.db}
[ -f "$db" ] || ./zhibu --db "$db" demo
[ "${1:-}" = --build-only ] && exit 0
exec ./zhibu --db "$db"
