#!/bin/sh
# Installs what is missing, then configures and builds Dossier in _build.
set -eu
cd "$(dirname "$0")/.."
./build-aux/setup.sh
if [ ! -f _build/build.ninja ]; then
  meson setup _build
fi
ninja -C _build
