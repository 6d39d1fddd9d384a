"""export(): file formats by extension."""
import struct

import pytest

from marimo_openscad import ScadError, export, render


def test_ascii_stl(tmp_path):
    path = export("cube(2);", tmp_path / "c.stl")
    text = open(path).read()
    assert text.startswith("solid") and text.rstrip().endswith("endsolid OpenSCAD_Model")
    assert text.count("facet normal") == 12


def test_binary_stl(tmp_path):
    path = export("cube(2);", str(tmp_path / "c.stl"), format="binstl")
    data = open(path, "rb").read()
    (count,) = struct.unpack_from("<I", data, 80)
    assert count == 12 and len(data) == 84 + 50 * 12


def test_off_with_params(tmp_path):
    path = export("s = 1; cube(s);", tmp_path / "c.off", params={"s": 3})
    lines = open(path).read().split("\n")
    header = lines[0].split()  # 2021.01 writes "OFF v f e" on one line
    assert header[0] == "OFF"
    vertices, faces = int(header[1]), int(header[2])
    assert vertices == 8 and faces == 12
    coords = [float(x) for line in lines[1:1 + vertices] for x in line.split()]
    assert max(coords) == pytest.approx(3)


def test_mesh_export_method(tmp_path):
    mesh = render("sphere(1, $fn=12);")
    assert mesh.export(str(tmp_path / "s.off")).endswith("s.off")


def test_unknown_format(tmp_path):
    with pytest.raises(ScadError):
        export("cube(1);", tmp_path / "c.unknownfmt")


def test_nothing_to_export(tmp_path):
    with pytest.raises(ScadError):
        export("square(1);", tmp_path / "flat.stl")
