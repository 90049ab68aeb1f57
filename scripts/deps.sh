#!/bin/sh
# Installs the Debian packages concur needs to build and test.
# Usage: scripts/deps.sh [--test]   (--test adds what the test suite uses)
set -e
PKGS="build-essential pkg-config libxml2-dev libutf8proc-dev zlib1g-dev"
[ "${1:-}" = "--test" ] && PKGS="$PKGS libcmocka-dev clang libclang-rt-14-dev python3 groff-base"
missing=""
for p in $PKGS; do dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"; done
[ -z "$missing" ] && exit 0
SUDO=""
[ "$(id -u)" = 0 ] || SUDO=sudo
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q >/dev/null
$SUDO apt-get install -y -q --no-install-recommends $missing
