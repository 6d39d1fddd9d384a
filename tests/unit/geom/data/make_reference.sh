#!/bin/sh
# Regenerates the reference OFF files with Debian's openscad 2021.01.
cd "$(dirname "$0")" && for f in *.scad; do openscad -o "${f%.scad}.off" "$f"; done
