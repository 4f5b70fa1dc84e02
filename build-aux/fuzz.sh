#!/bin/sh
# Runs one fuzz target with libFuzzer:  build-aux/fuzz.sh TARGET [SECONDS]
#
# TARGET is json-import, bagit, store-open, edtf, geo or crypto (tests/fuzz/fuzz-TARGET.c); SECONDS
# defaults to 60. Builds _build-fuzz with clang-14, libFuzzer, AddressSanitizer and UBSan,
# then fuzzes in one process on one core, starting from the seed corpus
# (tests/fuzz/corpus/TARGET) and what earlier runs found (_build-fuzz/corpus/TARGET). A crash,
# leak or hang is minimised and saved in tests/fuzz/crashers/TARGET/, from where the test
# suite replays it on every run (suite 'fuzz-replay'): commit it with its fix.
set -eu
cd "$(dirname "$0")/.."

usage () {
  echo "usage: build-aux/fuzz.sh json-import|bagit|store-open|edtf|geo|crypto [SECONDS]" >&2
  exit 2
}
[ $# -ge 1 ] || usage
target=$1
seconds=${2:-60}
case $target in
  json-import|bagit|store-open|edtf|geo|crypto) ;;
  *) usage ;;
esac

# The project's own packages, and clang and libFuzzer: only fuzzing needs them, so neither
# CI nor a plain set-up installs them.
./build-aux/setup.sh clang-14 libclang-rt-14-dev llvm-14

if [ ! -f _build-fuzz/build.ninja ]; then
  CC=clang-14 meson setup _build-fuzz -Dfuzzing=true -Db_sanitize=address,undefined -Db_lundef=false
fi
ninja -C _build-fuzz "tests/fuzz/fuzz-$target"

top=$(pwd)
fuzzer=$top/_build-fuzz/tests/fuzz/fuzz-$target
seeds=$top/tests/fuzz/corpus/$target
found=$top/_build-fuzz/corpus/$target
crashers=$top/tests/fuzz/crashers/$target
logs=$top/_build-fuzz/logs/$target
mkdir -p "$found" "$crashers" "$logs"

# The targets write dossiers (the seeds hold the demo's fictional identities) into TMPDIR:
# a folder of our own, in memory when possible, removed however the run ends.
work=$(mktemp -d /dev/shm/dossier-fuzz-XXXXXX 2>/dev/null || mktemp -d)
chmod 700 "$work"
trap 'rm -rf "$work"' EXIT
trap 'exit 130' INT TERM
export TMPDIR="$work"
export ASAN_OPTIONS=halt_on_error=1:detect_leaks=1:print_stacktrace=1
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
export LSAN_OPTIONS="suppressions=$top/build-aux/lsan.supp:print_suppressions=0"

before=$(ls "$crashers")
dict=""
[ -f "$top/tests/fuzz/$target.dict" ] && dict="-dict=$top/tests/fuzz/$target.dict"
# The JSON seeds run from 10 KB to the demo's 210 KB; mutating inputs of the demo's size
# imported 170 a second, those of 64 KB at most 417 (the demo still replays whole in the
# test suite).
max_len=""
[ "$target" = json-import ] && max_len="-max_len=65536"

# One job in one worker: the machine's cores are shared. libFuzzer writes the job's output
# to fuzz-0.log in its working folder, and shows it when the job ends.
echo "Fuzzing $target for $seconds s; progress in $logs/fuzz-0.log"
status=0
(cd "$logs" && "$fuzzer" -jobs=1 -workers=1 -max_total_time="$seconds" -timeout=30 -rss_limit_mb=2048 \
   -print_final_stats=1 -artifact_prefix="$crashers/" $dict $max_len "$found" "$seeds") || status=$?

# Each new finding is made as small as libFuzzer can make it, keeping its name.
new=0
for f in $(ls "$crashers"); do
  if ! echo "$before" | grep -qx "$f"; then
    new=$((new + 1))
    echo "Found: tests/fuzz/crashers/$target/$f"
    if (cd "$logs" && "$fuzzer" -minimize_crash=1 -runs=20000 -max_total_time=120 -timeout=30 \
          -exact_artifact_path="$work/minimised" "$crashers/$f" >"$logs/minimise-$f.log" 2>&1) &&
       [ -s "$work/minimised" ]; then
      mv "$work/minimised" "$crashers/$f"
    fi
  fi
done
if [ "$new" -gt 0 ]; then
  echo "$new new finding(s) in tests/fuzz/crashers/$target/ (replay: meson test -C _build --suite fuzz-replay $target)"
  exit 1
fi
exit "$status"
