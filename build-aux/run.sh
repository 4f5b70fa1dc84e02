#!/bin/sh
# Quick start: installs what is missing, builds, and opens Dossier on the demo dossier
# (created on first run) or on the dossier given as argument.
set -eu
cd "$(dirname "$0")/.."
./build-aux/build.sh
exec meson devenv -C _build -w "$PWD" ./_build/src/dossier "$@"
