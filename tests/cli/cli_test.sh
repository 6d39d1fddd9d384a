#!/usr/bin/env bash
# Behaviour of the `mos` command line: options, exit codes, refused outputs.
# Usage: cli_test.sh <path to mos>
set -u
mos="$1"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
failures=0
check() {  # check <description> <expected exit> <command...>
  local what="$1" want="$2"; shift 2
  "$@" >"$work/out" 2>"$work/err"
  local got=$?
  if [ "$got" -ne "$want" ]; then
    echo "FAIL: $what: exit $got, expected $want"; cat "$work/err"; failures=$((failures + 1))
  else
    echo "ok:   $what"
  fi
}
contains() {  # contains <description> <file> <text>
  if grep -qF -- "$3" "$2"; then echo "ok:   $1"; else
    echo "FAIL: $1: '$3' not in:"; cat "$2"; failures=$((failures + 1)); fi
}
printf 'echo(1);\n' > "$work/ok.scad"
printf 'x = ;\n' > "$work/syntax.scad"

check "--help exits 0" 0 "$mos" --help
contains "--help shows usage" "$work/out" "Usage: mos"
check "--version exits 0" 0 "$mos" --version
contains "--version names the language" "$work/out" "OpenSCAD 2021.01"
check "no input is a usage error" 2 "$mos"
check "unknown option is a usage error" 2 "$mos" --frobnicate "$work/ok.scad"
check "-D without = is a usage error" 2 "$mos" -D x "$work/ok.scad"
check "two inputs are a usage error" 2 "$mos" "$work/ok.scad" "$work/ok.scad"
check "missing input exits 1 like openscad" 1 "$mos" -o "$work/m.echo" "$work/missing.scad"
contains "missing input message" "$work/err" "Can't open input file"
printf 'difference() { cube(4, center=true); cube([2, 2, 5], center=true); }\n' > "$work/solid.scad"
check "stl export exits 0" 0 "$mos" -o "$work/x.stl" "$work/solid.scad"
contains "stl is 2021.01's ascii stl" "$work/x.stl" "solid OpenSCAD_Model"
contains "stl is closed by endsolid" "$work/x.stl" "endsolid OpenSCAD_Model"
check "off export exits 0" 0 "$mos" -o "$work/x.off" "$work/solid.scad"
contains "off has its header" "$work/x.off" "OFF"
check "3mf output is refused" 1 "$mos" -o "$work/x.3mf" "$work/ok.scad"
contains "3mf refusal says not available" "$work/err" "not available yet"
[ ! -e "$work/x.3mf" ] && echo "ok:   no .3mf written" || { echo "FAIL: .3mf written"; failures=$((failures + 1)); }
check "empty top level is not exported" 1 "$mos" -o "$work/e.stl" "$work/ok.scad"
contains "empty top level message" "$work/err" "Current top level object is empty"
check "unknown extension is refused" 1 "$mos" -o "$work/x.foo" "$work/ok.scad"
check "syntax error exits 1 like openscad" 1 "$mos" -o "$work/s.echo" "$work/syntax.scad"
contains "syntax error has file:line:col on stderr" "$work/err" "syntax.scad:1:"
[ ! -e "$work/s.csg" ] && echo "ok:   nothing else written"
check "echo output exits 0" 0 "$mos" -o "$work/o.echo" -Dy=2 -L "$work" "$work/ok.scad"
printf 'a = 1; // [0:10]\ncube(a);\n' > "$work/ast.scad"
check ".ast output exits 0" 0 "$mos" -o "$work/a.ast" -D 'b=2' "$work/ast.scad"
contains ".ast has the assignment" "$work/a.ast" "a = 1;"
contains ".ast has the -D assignment" "$work/a.ast" "b = 2;"
contains ".ast has the instantiation" "$work/a.ast" "cube(a);"
[ "$failures" -eq 0 ] && echo "all cli checks passed" || { echo "$failures failed"; exit 1; }
