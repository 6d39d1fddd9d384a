#!/bin/sh
# Regenerates the reference files with Debian's openscad 2021.01.
cd "$(dirname "$0")" || exit 1
for f in *.scad; do openscad -o "${f%.scad}.off" "$f"; done
for f in polyhedron_pyramid stl_cylinder; do openscad -o "$f.stl" "$f.scad"; done
for f in svg_circle svg_square svg_nested; do openscad -o "$f.svg" "$f.scad"; openscad -o "$f.dxf" "$f.scad"; done
