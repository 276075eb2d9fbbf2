#!/usr/bin/env bash
# The real-display GUI tests: starts Xvfb (1366x768) and openbox on a free display, runs
# tests/realdisplay with real X key events, then stops what it started.
# Usage: scripts/realdisplay-tests.sh [pytest args]   (after scripts/setup-system.sh and the venv)
set -euo pipefail
cd "$(dirname "$0")/.."
display_number=${JMD_DESK_TEST_DISPLAY_NUMBER:-97}
while [ -e "/tmp/.X${display_number}-lock" ]; do display_number=$((display_number + 1)); done
export DISPLAY=":${display_number}"
Xvfb "$DISPLAY" -screen 0 1366x768x24 -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
trap 'kill "$wm_pid" "$xvfb_pid" 2>/dev/null || true' EXIT
for _ in $(seq 50); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.1; done
openbox >/dev/null 2>&1 &
wm_pid=$!
sleep 1
export QT_QPA_PLATFORM=xcb  # in-process layout tests too; the app children get xcb anyway
JMD_DESK_REAL_DISPLAY="$DISPLAY" nice -n 5 .venv/bin/python -m pytest -q -p no:cacheprovider tests/realdisplay "$@"
