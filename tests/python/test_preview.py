"""Preview mode (OpenSCAD's F5): $preview true, `%` subtrees as grey ghosts,
`#` subtrees highlighted in pink, measures of the model itself."""
import numpy as np
import pytest

from marimo_openscad import openscad_viewer, render
from marimo_openscad.preview import BACKGROUND_RGBA, HIGHLIGHT_RGBA, marked_subtrees

MODEL = """\
%cube(1);
translate([5, 0, 0]) rotate(30) { %cylinder(h = 2, r = 1); cube(1); }
difference() { translate([10, 0, 0]) cube(4); #translate([11, 1, -1]) cylinder(r = 1, h = 6); }
"""


def part_boxes(mesh, rgba):
    """Bounding boxes of the parts drawn in `rgba`."""
    out = []
    for k, colour in enumerate(mesh.palette.tolist()):
        if tuple(colour) != rgba:
            continue
        points = mesh.positions[mesh.indices[mesh.part_ids == k].reshape(-1)]
        out.append((points.min(0), points.max(0)))
    return out


def test_marked_subtrees_of_a_csg_dump():
    csg = ("%cube(size = [1, 1, 1], center = false);\n"
           "multmatrix([[1, 0, 0, 5], [0, 1, 0, 0], [0, 0, 1, 0], [0, 0, 0, 1]]) {\n"
           "\tgroup() {\n"
           "#\t\tsphere(r = 1);\n"
           "\t}\n"
           "}\n"
           "#group() {\n"
           "%\tcube(size = [2, 2, 2], center = false);\n"
           "}\n")
    marked = marked_subtrees(csg)
    assert [m for m, _ in marked] == ["%", "#", "#"]
    assert marked[0][1] == "cube(size = [1, 1, 1], center = false);\n"
    assert marked[1][1].startswith("multmatrix([[1, 0, 0, 5], [0, 1, 0, 0], [0, 0, 1, 0], [0, 0, 0, 1]]) {")
    assert "group()" not in marked[1][1] and "sphere(r = 1);" in marked[1][1]
    assert "%" not in marked[2][1] and "cube(size = [2, 2, 2]" in marked[2][1]


def test_preview_adds_ghosts_where_the_subtrees_are():
    full = render(MODEL)
    preview = render(MODEL, preview=True)
    assert preview.volume == pytest.approx(full.volume)  # ghosts take no part
    assert preview.triangle_count > full.triangle_count
    background = part_boxes(preview, BACKGROUND_RGBA)
    highlight = part_boxes(preview, HIGHLIGHT_RGBA)
    assert len(background) == 2 and len(highlight) == 1
    cube = min(background, key=lambda b: b[0][0])
    np.testing.assert_allclose(cube[0], [0, 0, 0], atol=1e-5)
    np.testing.assert_allclose(cube[1], [1, 1, 1], atol=1e-5)
    cylinder = max(background, key=lambda b: b[0][0])  # moved and turned with its parents
    assert 3.9 < cylinder[0][0] < 4.1 and cylinder[1][2] == pytest.approx(2, abs=1e-5)
    (low, high), = highlight  # the subtracted cylinder, shown though it cuts
    np.testing.assert_allclose([low[2], high[2]], [-1, 5], atol=1e-5)
    assert 10 < low[0] < 10.3  # r = 1 at x = 11, five fragments


def test_preview_sets_dollar_preview():
    assert "ECHO: true" in render("echo($preview); cube(1);", preview=True).echo
    assert "ECHO: false" in render("echo($preview); cube(1);").echo


def test_only_a_ghost():
    mesh = render("%cube(2);", preview=True)
    assert mesh.volume == 0 and mesh.triangle_count == 12
    assert mesh.palette.tolist() == [list(BACKGROUND_RGBA)]


def test_viewer_toggles_preview(no_leaked_threads):
    viewer = openscad_viewer(MODEL)
    plain = viewer.mesh.triangle_count
    viewer.preview = True
    assert viewer.wait(timeout=60)
    assert viewer.mesh.triangle_count > plain
    # The viewer gets one palette entry per distinct colour, the highlight among them.
    sent = {viewer.palette[i:i + 4] for i in range(0, len(viewer.palette), 4)}
    assert sent == {bytes(c) for c in viewer.mesh.palette.tolist()}
    assert bytes(HIGHLIGHT_RGBA) in sent
    viewer.preview = False
    assert viewer.wait(timeout=60)
    assert viewer.mesh.triangle_count == plain
    viewer.close()
