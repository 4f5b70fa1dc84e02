#!/bin/sh
# Installs what is missing, builds, and runs the whole test suite; display tests run under
# a virtual X display with their own session bus.
set -eu
cd "$(dirname "$0")/.."
./build-aux/build.sh
exec dbus-run-session -- xvfb-run -a -s "-screen 0 1280x1024x24" \
  meson test -C _build --print-errorlogs "$@"
