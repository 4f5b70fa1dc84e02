#!/bin/sh
# The benchmark of the foundation issue: synthesises the 100,000-incident dossier in a
# temporary directory, then prints `dossier-devtool bench` and `dossier-devtool bench-export`
# on it (figures beside their targets). dossier-devtool is built in tests/tools, not installed.
#   bench.sh DOSSIER-DEVTOOL
# DOSSIER_BENCH_SCALE=10 divides the sizes by ten, for a quick run.
set -eu
devtool="$1"
scale="${DOSSIER_BENCH_SCALE:-1}"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
"$devtool" synth "$dir/big.dossier" --incidents $((100000 / scale)) --people $((50000 / scale)) \
  --testimonies $((20000 / scale)) --words 2000 --seed 1 2>&1
"$devtool" bench "$dir/big.dossier"
"$devtool" bench-export "$dir/big.dossier" "$dir"
