#!/bin/sh
# Builds the synthetic dossier of the foundation issue's benchmark and prints dossier-cli bench.
set -eu
cli="$1"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
"$cli" synth "$dir/big.dossier" --incidents 100000 --people 50000 --testimonies 20000 --words 2000 --seed 1
ls -l "$dir/big.dossier"
"$cli" bench "$dir/big.dossier"
