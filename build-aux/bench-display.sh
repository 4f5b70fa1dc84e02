#!/bin/sh
# The map's benchmark: synthesises the 100,000-incident dossier in a temporary directory
# (DOSSIER_BENCH_SCALE=10 for a tenth), then prints bench-map's figures under a virtual
# display: first frame, frames while flying over Mali, and ShumateMarkerLayer for comparison.
set -eu
cli="$1"
bench="$2"
scale="${DOSSIER_BENCH_SCALE:-1}"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
"$cli" synth "$dir/big.dossier" --incidents $((100000 / scale)) --people $((50000 / scale)) \
  --testimonies $((20000 / scale)) --words 200 --seed 1 2>&1 | tail -1
GSK_RENDERER="${GSK_RENDERER:-cairo}" dbus-run-session -- xvfb-run -a -s "-screen 0 1400x1024x24" \
  "$bench" "$dir/big.dossier" 2>&1 | grep -v '^#'
