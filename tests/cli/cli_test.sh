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
check "png output is refused" 1 "$mos" -o "$work/x.png" "$work/ok.scad"
contains "png refusal says not available" "$work/err" "not available yet"
[ ! -e "$work/x.png" ] && echo "ok:   no .png written" || { echo "FAIL: .png written"; failures=$((failures + 1)); }
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

# --- Exporters (issue 4 item 4) ---
data="$(cd "$(dirname "$0")/../unit/geom/data" && pwd)"
printf 'color("red") cube(1); translate([2,0,0]) cube(1);\n' > "$work/col.scad"
check "3mf export exits 0" 0 "$mos" -o "$work/x.3mf" "$work/col.scad"
if command -v python3 >/dev/null; then
  check "3mf is a valid zip (CRC checked) with 3 parts, 24 triangles, red ones" 0 python3 - "$work/x.3mf" <<'PY'
import sys, zipfile, xml.etree.ElementTree as ET
z = zipfile.ZipFile(sys.argv[1])
assert z.testzip() is None, "bad CRC"
names = sorted(z.namelist())
assert names == ["3D/3dmodel.model", "[Content_Types].xml", "_rels/.rels"], names
ns = {"c": "http://schemas.microsoft.com/3dmanufacturing/core/2015/02",
      "m": "http://schemas.microsoft.com/3dmanufacturing/material/2015/02"}
root = ET.fromstring(z.read("3D/3dmodel.model"))
tris = root.findall(".//c:triangle", ns)
assert len(tris) == 24, len(tris)
assert len(root.findall(".//c:vertex", ns)) == 16
colors = [c.get("color") for c in root.findall(".//m:color", ns)]
red = colors.index("#FF0000FF")
assert sum(1 for t in tris if t.get("p1") == str(red)) == 12
PY
else
  echo "FAIL: python3 is needed for the 3mf check"; failures=$((failures + 1))
fi
check "amf export exits 0" 0 "$mos" -o "$work/x.amf" "$work/col.scad"
contains "amf has a red volume" "$work/x.amf" "<color><r>1</r><g>0</g><b>0</b><a>1</a></color>"
check "obj export exits 0" 0 "$mos" -o "$work/x.obj" "$work/col.scad"
[ "$(grep -c '^f ' "$work/x.obj")" = 24 ] && echo "ok:   obj has 24 faces" || { echo "FAIL: obj faces"; failures=$((failures + 1)); }
check "svg export exits 0" 0 "$mos" -o "$work/c.svg" "$data/svg_circle.scad"
cmp -s "$work/c.svg" "$data/svg_circle.svg" && echo "ok:   svg equals 2021.01's" || { echo "FAIL: svg differs from 2021.01's"; failures=$((failures + 1)); }
check "dxf export exits 0" 0 "$mos" -o "$work/c.dxf" "$data/svg_circle.scad"
cmp -s "$work/c.dxf" "$data/svg_circle.dxf" && echo "ok:   dxf equals 2021.01's" || { echo "FAIL: dxf differs from 2021.01's"; failures=$((failures + 1)); }
check "2D as stl is refused" 1 "$mos" -o "$work/c.stl" "$data/svg_circle.scad"
contains "2D as stl: 2021.01's words" "$work/err" "Current top level object is not a 3D object."
check "3D as svg is refused" 1 "$mos" -o "$work/s.svg" "$work/solid.scad"
contains "3D as svg: 2021.01's words" "$work/err" "Current top level object is not a 2D object."
[ ! -e "$work/c.stl" ] && [ ! -e "$work/s.svg" ] && echo "ok:   nothing written for the wrong dimension" || { echo "FAIL: wrong-dimension file written"; failures=$((failures + 1)); }
check "--export-format binstl overrides .txt" 0 "$mos" -o "$work/b.txt" --export-format binstl "$work/solid.scad"
[ "$(head -c 15 "$work/b.txt")" = "OpenSCAD Model" ] && echo "ok:   binary stl header" || { echo "FAIL: binary stl header"; failures=$((failures + 1)); }
check "--export-format=asciistl applies to every -o" 0 "$mos" -o "$work/a1.txt" -o "$work/a2.dat" --export-format=asciistl "$work/solid.scad"
contains "first output is ascii stl" "$work/a1.txt" "solid OpenSCAD_Model"
contains "second output is ascii stl" "$work/a2.dat" "solid OpenSCAD_Model"
check "--export-format foo is refused" 1 "$mos" -o "$work/f.stl" --export-format foo "$work/solid.scad"
contains "--export-format foo: 2021.01's words" "$work/err" "Unknown --export-format option 'foo'.  Use -h to list available options."
check "output without suffix is refused" 1 "$mos" -o "$work/nosuffix" "$work/solid.scad"
contains "no suffix: 2021.01's words" "$work/err" "Either add a valid suffix or specify one using the --export-format option."
check "--info exits 0" 0 "$mos" --info "$work/solid.scad"
cat > "$work/info.want" <<'INFO'
dimension: 3
volume: 48
area: 120
bbox: [-2, -2, -2] [2, 2, 2]
vertices: 16
triangles: 32
components: 1
genus: 1
INFO
cmp -s "$work/out" "$work/info.want" && echo "ok:   --info text of a cube with a hole" || { echo "FAIL: --info text:"; cat "$work/out"; failures=$((failures + 1)); }
printf 'difference() { square(4); translate([1, 1]) square(2); }\n' > "$work/flat.scad"
check "--info on a 2D model exits 0" 0 "$mos" --info -o "$work/flat.svg" "$work/flat.scad"
printf 'dimension: 2\narea: 12\nbbox: [0, 0] [4, 4]\nvertices: 8\n' > "$work/info2.want"
cmp -s "$work/out" "$work/info2.want" && echo "ok:   --info text of a square with a hole" || { echo "FAIL: --info 2D text:"; cat "$work/out"; failures=$((failures + 1)); }
[ -s "$work/flat.svg" ] && echo "ok:   --info still writes -o" || { echo "FAIL: --info with -o"; failures=$((failures + 1)); }
check "--info on an empty model exits 0" 0 "$mos" --info "$work/ok.scad"
printf 'dimension: empty\n' > "$work/info0.want"
cmp -s "$work/out" "$work/info0.want" && echo "ok:   --info of an empty model" || { echo "FAIL: --info empty:"; cat "$work/out"; failures=$((failures + 1)); }
check "--help documents --info" 0 "$mos" --help
contains "--help names --info's keys" "$work/out" "components: N"
contains "--help names --export-format" "$work/out" "--export-format FMT"
contains "--help names --font-path" "$work/out" "--font-path P"
contains "--help names --threads" "$work/out" "--threads N"
check "--font-path without a value is a usage error" 2 "$mos" "$work/ok.scad" --font-path
check "--threads x is a usage error" 2 "$mos" --threads x "$work/ok.scad"
check "--threads=-1 is a usage error" 2 "$mos" --threads=-1 "$work/ok.scad"
printf 'for (i = [0:3]) translate([i * 30, 0, 0]) difference() { sphere(10, $fn = 40); cylinder(r = 3, h = 30, center = true, $fn = 24); }\n' > "$work/parts.scad"
check "--threads 1 renders" 0 "$mos" --threads 1 -o "$work/parts1.stl" "$work/parts.scad"
check "--threads=4 renders" 0 "$mos" --threads=4 -o "$work/parts4.stl" "$work/parts.scad"
cmp -s "$work/parts1.stl" "$work/parts4.stl" && echo "ok:   --threads 1 and 4 give the same STL" || { echo "FAIL: --threads changes the STL"; failures=$((failures + 1)); }
printf 'text("l");\n' > "$work/text.scad"
check "a missing --font-path warns but renders" 0 "$mos" --font-path "$work/nofonts" -o "$work/t.svg" "$work/text.scad"
contains "missing --font-path warning" "$work/err" "Can't add font path"
check "--font-path with a font folder" 0 "$mos" --font-path=/usr/share/fonts/truetype/liberation -o "$work/t.svg" "$work/text.scad"

# Parameter sets (-p file.json -P name): values typed like the defaults, as
# 2021.01 applies them (expected text from `openscad -p ... -P ...`).
cat > "$work/params.scad" <<'SCAD'
a = 1; // [0:10]
b = "x";
c = true;
d = [1, 2, 3];
e = 5;
f = 2;
echo(a = a, b = b, c = c, d = d, e = e, f = f);
SCAD
cat > "$work/sets.json" <<'JSON'
{"parameterSets": {
  "s1": {"a": "7.5", "b": "42", "c": "false", "d": "[4, \"q\"]", "e": "abc", "f": 9, "zz": "1"},
  "bad": {"b": "y", "c": "yes"}
}, "fileFormatVersion": "1"}
JSON
check "-p/-P exits 0" 0 "$mos" -p "$work/sets.json" -P s1 -o "$work/p.echo" "$work/params.scad"
printf 'ECHO: a = 7.5, b = "42", c = false, d = [4, "q"], e = 5, f = 9\n' > "$work/p.want"
cmp -s "$work/p.echo" "$work/p.want" && echo "ok:   -P applies the typed set" || { echo "FAIL: -P set:"; cat "$work/p.echo"; failures=$((failures + 1)); }
check "-P wins over -D, as in 2021.01" 0 "$mos" -D a=3 -p "$work/sets.json" -P s1 -o "$work/p.echo" "$work/params.scad"
contains "-P after -D" "$work/p.echo" "a = 7.5"
check "a set with an unreadable boolean is refused" 0 "$mos" -p "$work/sets.json" -P bad -o "$work/p.echo" "$work/params.scad"
printf 'ERROR: Cannot apply Parameter Set '"'"'conversion of data to type "b" failed'"'"'\nECHO: a = 1, b = "x", c = true, d = [1, 2, 3], e = 5, f = 2\n' > "$work/p.want"
cmp -s "$work/p.echo" "$work/p.want" && echo "ok:   refused set: 2021.01's line, defaults kept" || { echo "FAIL: refused set:"; cat "$work/p.echo"; failures=$((failures + 1)); }
check "a missing parameter file still renders" 0 "$mos" -p "$work/none.json" -P s1 -o "$work/p.echo" "$work/params.scad"
contains "missing parameter file: 2021.01's line" "$work/p.echo" "ERROR: Cannot open Parameter Set '$work/none.json': $work/none.json: cannot open file"
check "a missing set warns" 0 "$mos" -p "$work/sets.json" -P nope -o "$work/p.echo" "$work/params.scad"
contains "missing set warning" "$work/err" "parameter set 'nope' not found"
printf '{"parameterSets": {"s1": [' > "$work/broken.json"
check "a broken parameter file warns" 0 "$mos" -p "$work/broken.json" -P s1 -o "$work/p.echo" "$work/params.scad"
contains "broken parameter file warning" "$work/err" "is not JSON"
check "--help documents -P" 0 "$mos" --help
contains "--help names -P" "$work/out" "-P NAME"

# The customizer parameters as JSON (-o x.param / --export-format param).
cat > "$work/annotated.scad" <<'SCAD'
/* [Size] */
// Width of the box
width = 20; // [10:2:50]
shape = "round"; // [round, square]
quality = 20; // [10:Low, 20:High]
hollow = true;
cube(width);
SCAD
check "-o x.param exits 0" 0 "$mos" -o "$work/a.param" "$work/annotated.scad"
python3 - "$work/a.param" <<'PY' && echo "ok:   .param lists the parameters" || { echo "FAIL: .param:"; cat "$work/a.param"; failures=$((failures + 1)); }
import json, sys
p = {x["name"]: x for x in json.load(open(sys.argv[1]))["parameters"]}
assert list(p) == ["width", "shape", "quality", "hollow"], p
w = p["width"]
assert (w["type"], w["initial"], w["min"], w["step"], w["max"]) == ("number", 20, 10, 2, 50), w
assert w["caption"] == "Width of the box" and w["group"] == "Size", w
assert p["shape"]["options"] == [{"name": "round", "value": "round"}, {"name": "square", "value": "square"}]
assert p["quality"]["options"] == [{"name": "Low", "value": 10}, {"name": "High", "value": 20}]
assert p["hollow"]["type"] == "boolean" and p["hollow"]["initial"] is True
PY
check "--export-format param exits 0" 0 "$mos" --export-format param -o "$work/a.json" "$work/annotated.scad"
cmp -s "$work/a.json" "$work/a.param" && echo "ok:   --export-format param writes the same" || { echo "FAIL: --export-format param"; failures=$((failures + 1)); }

[ "$failures" -eq 0 ] && echo "all cli checks passed" || { echo "$failures failed"; exit 1; }
