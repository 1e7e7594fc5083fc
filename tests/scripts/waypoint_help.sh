#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# `waypoint --help` and `--version` answer with no display at all (no X11, no Wayland, no
# offscreen platform), as on a terminal over SSH: usage text and exit 0.
#   waypoint_help.sh PATH/TO/waypoint
set -euo pipefail
app=$1
unset QT_QPA_PLATFORM DISPLAY WAYLAND_DISPLAY

fail() { echo "FAIL: $*" >&2; exit 1; }

help=$("$app" --help 2>&1) || fail "waypoint --help exited $? with: $help"
grep -q '^Usage: ' <<<"$help" || fail "no usage line in: $help"
grep -q -- '--data-dir' <<<"$help" || fail "--data-dir is not described in: $help"
grep -q -- '--self-test' <<<"$help" || fail "--self-test is not described in: $help"

version=$("$app" --version 2>&1) || fail "waypoint --version exited $? with: $version"
grep -q '^Waypoint [0-9]' <<<"$version" || fail "unexpected version text: $version"
echo "ok: waypoint --help and --version without a display"
