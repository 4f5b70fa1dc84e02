#!/bin/sh
# The benchmark of the foundation issue: synthesises the 100,000-incident dossier in a
# temporary directory, then prints `dossier-cli bench` and `dossier-cli bench-export` on it
# (figures beside their targets).
# DOSSIER_BENCH_SCALE=10 divides the sizes by ten, for a quick run.
set -eu
cli="$1"
scale="${DOSSIER_BENCH_SCALE:-1}"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
"$cli" synth "$dir/big.dossier" --incidents $((100000 / scale)) --people $((50000 / scale)) \
  --testimonies $((20000 / scale)) --words 2000 --seed 1 2>&1
"$cli" bench "$dir/big.dossier"
"$cli" bench-export "$dir/big.dossier" "$dir"
