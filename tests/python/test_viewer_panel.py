"""The viewer's own customizer panel, Python side (viewer.py, customizer.
panel_parameters): the `panel` option, the parameter list sent to the viewer
(the same JSON `mos -o x.param` writes), kept across a syntax error, empty
for a SolidPython object, left to the viewer's worker without the native
extension; and the loop a panel edit makes: Python sets `params` without
rendering it again, and a Python-side change is marked as such
(`params_edit` 0) so the panel follows it."""
import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from marimo_openscad import openscad_viewer
from marimo_openscad.customizer import panel_parameters

EXAMPLES = Path(os.environ.get("MOS_OPENSCAD_EXAMPLES", "/usr/share/openscad/examples"))

MODEL = "sides = 6; // [3:24]\nheight = 10; // [1:50]\ncylinder(h = height, r = 5, $fn = sides);\n"

# Every widget kind of the 2021.01 customizer.
ALL_KINDS = textwrap.dedent("""\
    // Box width
    width = 20; // [10:2:40]
    height = 1.5; // [0.5:2.5]
    count = 3; // [10]
    /* [Details] */
    wall = 1.2; // 0.1
    label = "hi"; // 8
    shape = "box"; // [box, ball]
    sides = 6; // [6:Hex, 8:Oct]
    size = 2; // [1:Small, 2:Medium]
    hollow = true;
    offset = [1, 2, 3]; // [0:10]
    names = ["a", "b"];
    neg = -4; // [-10:0]
    computed = 2 * 3; // [1:9]
    /* [Hidden] */
    secret = 1;
    cube(width);
    """)


def mos_command():
    beside = Path(sys.executable).parent / "mos"
    return str(beside) if beside.exists() else shutil.which("mos")


def cli_parameters(tmp_path, text, name="model.scad"):
    """The parameters `mos -o x.param` writes for `text`."""
    model = tmp_path / name
    model.write_text(text)
    out = tmp_path / "out.param"
    mos = mos_command()
    assert mos, "the `mos` command is not installed"
    subprocess.run([mos, "-o", str(out), str(model)], check=True, timeout=60)
    return json.loads(out.read_text())["parameters"]


def test_panel_option(no_leaked_threads):
    viewers = [openscad_viewer(MODEL), openscad_viewer(MODEL, panel=True),
               openscad_viewer(MODEL, panel=False)]
    assert [v.panel for v in viewers] == ["closed", "open", "off"]
    assert [p["name"] for p in viewers[0].scad_parameters] == ["sides", "height"]
    assert viewers[2].scad_parameters == [], "no panel: no list sent"
    with pytest.raises(ValueError, match="panel must be"):
        openscad_viewer(MODEL, panel="yes")
    for v in viewers:
        v.close()


def test_parameters_are_the_cli_json(tmp_path):
    models = {"all_kinds.scad": ALL_KINDS, "plain.scad": MODEL}
    for rel in ("Parametric/candleStand.scad", "Old/example017.scad", "Advanced/module_recursion.scad"):
        models[Path(rel).name] = (EXAMPLES / rel).read_text()
    for name, text in models.items():
        expected = cli_parameters(tmp_path, text, name)
        assert expected, name
        assert panel_parameters(text) == expected, name
    kinds = {p["name"]: p for p in panel_parameters(ALL_KINDS)}
    assert kinds["width"]["min"] == 10 and kinds["width"]["step"] == 2 and kinds["width"]["max"] == 40
    assert kinds["count"]["min"] == 0 and kinds["count"]["max"] == 10
    assert kinds["sides"]["options"] == [{"name": "Hex", "value": 6}, {"name": "Oct", "value": 8}]
    assert kinds["secret"]["group"] == "Hidden" and kinds["width"]["caption"] == "Box width"
    assert "computed" not in kinds, "not a literal: not a customizer parameter"


def test_parameters_of_a_file_follow_the_model(tmp_path, no_leaked_threads):
    path = tmp_path / "box.scad"
    path.write_text(MODEL)
    v = openscad_viewer(str(path))
    assert [p["name"] for p in v.scad_parameters] == ["sides", "height"]
    v.update(model="width = 3; // [1:9]\ncube(width);")
    assert v.wait(timeout=30)
    assert [p["name"] for p in v.scad_parameters] == ["width"]
    v.update(model="width = 3; // [1:9]\ncube(width;")  # being edited: a syntax error
    assert v.wait(timeout=30)
    assert [p["name"] for p in v.scad_parameters] == ["width"], "the panel keeps its controls"
    assert v.error is not None
    v.close()


def test_a_solidpython_object_has_no_panel(no_leaked_threads):
    solid2 = pytest.importorskip("solid2")
    v = openscad_viewer(solid2.cube(4))
    assert v.scad_parameters == []
    v.close()


def test_panel_edit_sets_params_without_a_render_and_python_changes_are_marked(no_leaked_threads):
    v = openscad_viewer(MODEL)
    renders = v.native_renders
    assert renders == 1
    # A slider drag in the panel: three edits drawn by the worker, in order.
    for n, sides in enumerate((7, 8, 9), start=1):
        v.set_state({"viewer_edit": {"params": {"sides": sides}, "edit": 100 + n, "base": v.state_rev}})
    assert v.wait(timeout=30)
    assert v.params == {"sides": 9} and v.params_edit == 103 and v.render_by == "edit"
    assert v.native_renders == renders, "Python renders none of the panel's edits"
    # A Python-side change (a marimo slider cell): rendered here, params_edit 0.
    v.params = {"sides": 5, "height": 20}
    assert v.wait(timeout=30)
    assert v.params_edit == 0 and v.render_by == "python" and v.native_renders == renders + 1
    v.close()


def test_edit_rendered_here_keeps_its_edit_number(no_leaked_threads):
    # Renderer "native" (or a worker error under "auto"): Python renders the
    # panel's edit, and still names it, so the panel does not move back.
    v = openscad_viewer(MODEL, renderer="native")
    v.set_state({"viewer_edit": {"params": {"sides": 8}, "edit": 5, "base": v.state_rev, "render": True}})
    assert v.wait(timeout=30)
    assert v.params_edit == 5 and v.render_by == "python" and v.native_renders == 2
    v.close()


NO_NATIVE = textwrap.dedent("""
    from marimo_openscad import native, openscad_viewer
    assert not native.available()
    v = openscad_viewer("sides = 6; // [3:9]\\ncylinder(5, 5, $fn = sides);", panel=True)
    assert v.scad_parameters is None, v.scad_parameters  # the worker parses it
    assert v.get_state(["scad_parameters"])["scad_parameters"] is None
    v.close()
    print("no-native panel ok")
""")


def test_without_the_native_extension_the_worker_lists_the_parameters(run_without_native):
    assert "no-native panel ok" in run_without_native(NO_NATIVE)
