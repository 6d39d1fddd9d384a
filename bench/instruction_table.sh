#!/bin/bash
# Whole-process instruction counts (callgrind) of the models the examples
# median and the stress set turn on, one line per model: NAME COUNT.
# usage: bench/instruction_table.sh MOS_BINARY OUT_FILE
# --fair-sched=yes: with valgrind's default scheduler a threaded render's
# total moves by up to ~1 M from run to run (bench/PROFILE.md, session 16).
set -u
bin=$(readlink -f "$1"); out=$2; : > "$out"
here=$(cd "$(dirname "$0")" && pwd)
E=/usr/share/openscad/examples
for f in $E/Basics/logo.scad $E/Old/example019.scad $E/Old/example024.scad \
    $E/Parametric/candleStand.scad $E/Old/example022.scad $E/Basics/CSG.scad \
    $E/Old/example001.scad $E/Old/example005.scad $E/Old/example017.scad \
    $E/Advanced/animation.scad $E/Advanced/module_recursion.scad \
    $E/Functions/list_comprehensions.scad $E/Advanced/assert.scad \
    $E/Basics/linear_extrude.scad $E/Advanced/offset.scad $E/Functions/echo.scad \
    $here/rerender/twisted_towers.scad $here/geometry/circle_grid_union.scad \
    $here/geometry/plate_holes_200.scad $here/geometry/twisted_extrude.scad \
    $here/rerender/fillet_parts.scad $here/rerender/robot_arm.scad \
    $here/geometry/minkowski_nonconvex.scad $here/geometry/plate_holes_50.scad \
    $here/geometry/sphere_row.scad $E/Old/example023.scad; do
  ext=stl
  case $f in *module_recursion* | *offset*) ext=svg ;; esac
  d=$(dirname "$f"); b=$(basename "$f" .scad)
  ir=$(cd "$d" && valgrind --tool=callgrind --fair-sched=yes --callgrind-out-file=/dev/null \
      "$bin" "$b.scad" -o "/tmp/irout_$$.$ext" 2>&1 | grep refs | awk '{print $NF}')
  echo "$b $ir" >> "$out"
done
rm -f /tmp/irout_$$.*
