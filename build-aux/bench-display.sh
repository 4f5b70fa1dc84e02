#!/bin/sh
# The display benchmarks: synthesises the 100,000-incident dossier in a temporary directory
# (DOSSIER_BENCH_SCALE=10 for a tenth), then prints the figures of each program given
# (bench-window: the workspace; bench-map: the map) under a virtual display.
#   bench-display.sh DOSSIER-DEVTOOL PROGRAM...
# (dossier-devtool is built in tests/tools, not installed)
set -eu
devtool="$1"
shift
scale="${DOSSIER_BENCH_SCALE:-1}"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
"$devtool" synth "$dir/big.dossier" --incidents $((100000 / scale)) --people $((50000 / scale)) \
  --testimonies $((20000 / scale)) --words 200 --seed 1 2>&1 | tail -1
for program in "$@"; do
  echo "== $(basename "$program")"
  GSK_RENDERER="${GSK_RENDERER:-cairo}" dbus-run-session -- xvfb-run -a -s "-screen 0 1400x1024x24" \
    "$program" "$dir/big.dossier" 2>&1 | grep -v '^#'
done
