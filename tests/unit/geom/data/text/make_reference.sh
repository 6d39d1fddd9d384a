#!/bin/sh
# Regenerates the text() references with Debian's openscad 2021.01 (fonts
# from fonts-liberation and fonts-dejavu-core, as scripts/install_deps.sh
# installs them).
cd "$(dirname "$0")" || exit 1
# marvosym_use needs openscad-testing-data (its test fonts).
for f in *.scad; do openscad -o "${f%.scad}.svg" "$f"; done
