#!/bin/sh
# Runs one display test on a virtual X server of its own.
#
# Display tests that click and type (tests/dossier-test-input.c) move the X server's one
# pointer and keyboard focus, and without a window manager every window opens at the same
# place: two such tests sharing a server would click into each other's windows. meson runs
# tests in parallel, so each gets its own server; Xvfb picks a free display number itself
# (-displayfd), which avoids xvfb-run's race when several start at once.
set -u
dir=$(mktemp -d)
Xvfb -displayfd 3 -screen 0 1280x1024x24 -nolisten tcp 3>"$dir/display" 2>"$dir/log" &
xvfb=$!
trap 'kill $xvfb 2>/dev/null; wait $xvfb 2>/dev/null; rm -rf "$dir"' EXIT
trap 'exit 143' TERM INT HUP
tries=0
while [ ! -s "$dir/display" ]; do
  if ! kill -0 $xvfb 2>/dev/null || [ $tries -ge 200 ]; then
    echo "Xvfb did not start:" >&2
    cat "$dir/log" >&2
    exit 1
  fi
  tries=$((tries + 1))
  sleep 0.05
done
DISPLAY=":$(head -n 1 "$dir/display")"
export DISPLAY
"$@"
