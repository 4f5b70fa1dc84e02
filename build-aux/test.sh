#!/bin/sh
# Installs what is missing, builds, and runs the whole test suite; display tests run under
# a virtual X display with their own session bus.
set -eu
cd "$(dirname "$0")/.."
./build-aux/build.sh
# A runtime folder of our own: the accessibility bus lives there, and another session's
# (a second run, a desktop) must never be the one our display tests talk to.
runtime=$(mktemp -d)
trap 'rm -rf "$runtime"' EXIT
XDG_RUNTIME_DIR="$runtime" dbus-run-session -- xvfb-run -a -s "-screen 0 1280x1024x24" \
  meson test -C _build --print-errorlogs "$@"
