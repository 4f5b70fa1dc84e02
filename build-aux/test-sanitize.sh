#!/bin/sh
# Builds Dossier with AddressSanitizer and UndefinedBehaviorSanitizer in _build-asan and runs
# the tests that need no display (suites core, data and fuzz-replay). Any report fails the
# run: a sanitizer report is a bug, whatever test meets it. CI runs it after test.sh.
set -eu
cd "$(dirname "$0")/.."
./build-aux/setup.sh
if [ ! -f _build-asan/build.ninja ]; then
  meson setup _build-asan -Db_sanitize=address,undefined -Db_lundef=false
fi
ninja -C _build-asan

top=$(pwd)
export ASAN_OPTIONS=halt_on_error=1:print_stacktrace=1:detect_leaks=1
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
# Fontconfig's and pango's caches live as long as the process; nothing else is excused.
export LSAN_OPTIONS="suppressions=$top/build-aux/lsan.supp:print_suppressions=0"
# GLib 2.74's slice allocator would hide the blocks it recycles from AddressSanitizer.
export G_SLICE=always-malloc
# The sanitizers make a test two to four times slower: its timeout grows with it.
exec meson test -C _build-asan --no-rebuild --print-errorlogs --timeout-multiplier 3 \
  --suite core --suite data --suite fuzz-replay "$@"
