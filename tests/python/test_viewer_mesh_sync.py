"""`viewer.mesh` and `viewer.last_error` after states the viewer drew itself
(python/marimo_openscad/viewer.py, _catch_up): an in-viewer edit under
renderer "auto", anything under "wasm". Python does not render such a
change when it arrives (the viewer drew it: no loop), but reading the mesh
renders the current params with the native engine once, so a notebook cell
reads the solid now on screen; the viewer's traits are left alone.

A viewer edit reaches Python as anywidget delivers it: `set_state` with the
`viewer_edit` trait, as the comm's update message does."""
import math
import threading

import numpy as np
import pytest

from marimo_openscad import openscad_viewer, render
from viewer_replies import Replies

MODEL = "sides = 6; cylinder(h = 10, r = 5, $fn = sides);"


def prism(sides):
    return 4 * sides - 4  # caps (sides - 2 each) + 2 per side


def prism_volume(sides):
    return 10 * 0.5 * sides * 25 * math.sin(2 * math.pi / sides)


def wire_triangles(viewer):
    return len(viewer.indices) // (3 * viewer.index_bytes)


def edit(viewer, params, edit_id, base=None, **extra):
    """The update the viewer's applyParamsFromViewer sends."""
    message = {"params": params, "edit": edit_id,
               "base": viewer.state_rev if base is None else base, **extra}
    viewer.set_state({"viewer_edit": message})


def same_solid(a, b):
    return (np.array_equal(a.positions, b.positions) and np.array_equal(a.indices, b.indices)
            and a.volume == b.volume and a.bbox == b.bbox)


def test_mesh_follows_an_in_viewer_edit(no_leaked_threads):
    v = openscad_viewer(MODEL)
    assert v.mesh.triangle_count == prism(6) and v.catch_up_renders == 0
    edit(v, {"sides": 12}, edit_id=7)
    assert v.wait(timeout=30)
    assert v.render_by == "edit" and v.native_renders == 1, "the edit itself renders nothing"
    mesh = v.mesh
    assert mesh.triangle_count == prism(12)
    assert mesh.volume == pytest.approx(prism_volume(12), rel=1e-9)
    assert same_solid(mesh, render(MODEL, {"sides": 12})), "the native engine's solid for these params"
    assert v.catch_up_renders == 1 and v.last_error is None
    assert v.mesh is mesh and v.catch_up_renders == 1, "read again: no second render"
    # Nothing went to the viewer: it keeps what it drew, Python's traits are its last render.
    assert wire_triangles(v) == prism(6) and v.render_info["rev"] == 1
    assert v.native_renders == 1
    v.close()


def test_latest_edit_wins(no_leaked_threads):
    v = openscad_viewer(MODEL)
    for n, sides in enumerate((7, 8, 9), start=1):
        edit(v, {"sides": sides}, edit_id=n)
    assert v.mesh.triangle_count == prism(9) and v.catch_up_renders == 1
    edit(v, {"sides": 10}, edit_id=4)
    assert v.mesh.volume == pytest.approx(prism_volume(10), rel=1e-9)
    assert v.catch_up_renders == 2
    v.close()


def test_python_side_change_after_an_edit_is_rendered_by_the_queue(no_leaked_threads):
    v = openscad_viewer(MODEL)
    edit(v, {"sides": 12}, edit_id=3)
    assert v.mesh.triangle_count == prism(12)
    v.params = {"sides": 5}
    assert v.wait(timeout=30)
    assert v.render_by == "python" and v.mesh.triangle_count == prism(5)
    assert v.catch_up_renders == 1 and v.native_renders == 2
    v.close()


def test_edit_after_a_model_change_renders_the_new_model(no_leaked_threads):
    v = openscad_viewer(MODEL)
    v.update(model="sides = 6; linear_extrude(3) circle(4, $fn = sides);")
    assert v.wait(timeout=30)
    edit(v, {"sides": 4}, edit_id=11)
    assert v.render_by == "edit"
    assert v.mesh.volume == pytest.approx(3 * 0.5 * 4 * 16, rel=1e-9)  # a square of diagonal 8
    v.close()


def test_wasm_renderer_mesh_is_rendered_on_read(no_leaked_threads):
    v = openscad_viewer(MODEL, renderer="wasm")
    assert v.native_renders == 0 and v.positions == b""
    assert v.mesh.triangle_count == prism(6) and v.catch_up_renders == 1
    v.params = {"sides": 8}  # the worker draws it
    assert v.render_by == "worker" and v.mesh.triangle_count == prism(8)
    edit(v, {"sides": 9}, edit_id=2)
    assert v.mesh.triangle_count == prism(9)
    assert v.native_renders == 0 and v.catch_up_renders == 3 and v.positions == b""
    v.close()


def test_failing_edit_keeps_the_last_solid_and_says_why(no_leaked_threads):
    # Under "wasm" the viewer draws an edit's error over the mesh it shows.
    v = openscad_viewer('sides = 6; assert(sides < 20, "too many sides"); '
                        'cylinder(h = 10, r = 5, $fn = sides);', renderer="wasm")
    edit(v, {"sides": 8}, edit_id=1)
    assert v.mesh.triangle_count == prism(8) and v.last_error is None
    edit(v, {"sides": 30}, edit_id=2)
    assert "too many sides" in str(v.last_error)
    assert v.mesh.triangle_count == prism(8), "the last good solid stays, as on screen"
    renders = v.catch_up_renders
    assert v.last_error is not None and v.catch_up_renders == renders, "the failure is not retried"
    edit(v, {"sides": 10}, edit_id=3)
    assert v.last_error is None and v.mesh.triangle_count == prism(10)
    v.close()


def test_edit_in_preview_keeps_the_ghosts(no_leaked_threads):
    v = openscad_viewer("sides = 6; cylinder(h = 10, r = 5, $fn = sides); %translate([20, 0, 0]) cube(1);",
                        preview=True)
    edit(v, {"sides": 12}, edit_id=5)
    mesh = v.mesh
    assert mesh.triangle_count == prism(12) + 12, "the model and its grey ghost"
    assert mesh.volume == pytest.approx(prism_volume(12), rel=1e-9), "measures are the model's"
    v.close()


def test_edit_with_animation_renders_at_t(no_leaked_threads):
    v = openscad_viewer("sides = 6; translate([100 * $t, 0, 0]) cylinder(h = 10, r = 5, $fn = sides);",
                        anim_steps=10)
    v.t = 0.5
    assert v.wait(timeout=30)
    edit(v, {"sides": 8}, edit_id=6)
    assert v.mesh.triangle_count == prism(8)
    assert v.mesh.bbox_min[0] == pytest.approx(45, abs=0.01)
    v.close()


def test_export_after_an_edit_writes_the_edited_solid(no_leaked_threads):
    v = openscad_viewer(MODEL)
    replies = Replies(v)
    edit(v, {"sides": 12}, edit_id=9)
    v._message(v, {"type": "export", "id": 1, "format": "stl"}, [])
    content, buffers = replies.wait()
    assert content["ok"], content
    assert int.from_bytes(bytes(buffers[0])[80:84], "little") == prism(12)
    v.close()


def test_mesh_read_from_two_threads_renders_once(no_leaked_threads):
    v = openscad_viewer(MODEL)
    edit(v, {"sides": 16}, edit_id=1)
    seen = []
    readers = [threading.Thread(target=lambda: seen.append(v.mesh.triangle_count)) for _ in range(4)]
    for t in readers:
        t.start()
    for t in readers:
        t.join(30)
    assert seen == [prism(16)] * 4 and v.catch_up_renders == 1
    v.close()


NO_NATIVE = """
from marimo_openscad import openscad_viewer
v = openscad_viewer("sides = 6; cylinder(5, 5, $fn = sides);")
v.set_state({"viewer_edit": {"params": {"sides": 8}, "edit": 1, "base": v.state_rev}})
assert v.params == {"sides": 8} and v.mesh is None and v.last_error is None
assert v.catch_up_renders == 0
v.close()
print("no-native mesh ok")
"""


def test_without_the_native_extension_there_is_no_mesh(run_without_native):
    assert "no-native mesh ok" in run_without_native(NO_NATIVE)


# Without the native engine (Pyodide) the viewer sends each worker result it
# draws ("mesh" messages, viewer/src/worker-renderer.ts sendMesh). The
# buffers here are the engine's real arrays, rendered natively by this
# process and handed to a process without the extension.
def mesh_message(sides, **key):
    mesh = render(MODEL, {"sides": sides})
    content = {"type": "mesh", "ok": True, "kind": mesh.kind, "volume": mesh.volume, "area": mesh.area,
               "bbox_min": list(mesh.bbox_min), "bbox_max": list(mesh.bbox_max), "echo": mesh.echo,
               "engine_ms": 1.5, **key}
    buffers = [np.ascontiguousarray(mesh.positions, "<f4").tobytes(),
               np.ascontiguousarray(mesh.indices, "<u4").tobytes(),
               np.ascontiguousarray(mesh.part_ids, "<u4").tobytes(),
               np.ascontiguousarray(mesh.palette, np.uint8).tobytes()]
    return content, buffers


VIEWER_SENDS = """
import pickle, sys
from marimo_openscad import native, openscad_viewer
from marimo_openscad.errors import ScadError
assert not native.available()
messages = pickle.load(open(sys.argv[1], "rb"))
v = openscad_viewer(%r)
assert v.mesh_from_viewer and v.renderer == "wasm" and v.mesh is None
def send(name):
    content, buffers = messages[name]
    v._message(v, content, [memoryview(b) for b in buffers])
def edit(params, edit_id):
    v.set_state({"viewer_edit": {"params": params, "edit": edit_id, "base": v.state_rev}})
def shown():
    return (v.mesh.triangle_count, round(v.mesh.volume, 6)) if v.mesh is not None else None
out = {}
send("rev1"); v.set_state({"drawn_rev": 1})   # the worker drew Python's first state
out["first"] = shown()
send("edit12"); edit({"sides": 12}, 5)          # a panel edit: its mesh comes first
out["edit"] = (shown(), v.render_by)
edit({"sides": 7}, 6); send("edit7")            # arriving the other way round
out["reordered"] = shown()
v.params = {"sides": 8}                         # Python-side: the worker draws it later
out["before_drawn"] = (shown(), v.state_rev)
send("rev4"); v.set_state({"drawn_rev": 4})
out["drawn"] = shown()
send("stale_rev2")                              # an older state's result changes nothing
out["stale"] = shown()
send("bad_index"); send("bad_count")            # malformed: refused
out["malformed"] = shown()
send("failed"); edit({"sides": 30}, 9)
out["failed"] = (shown(), str(v.last_error))
try:
    v.mesh.export("/nonexistent/x.stl")
except ScadError as err:
    out["export"] = str(err)
out["stats"] = v.mesh.stats
v.close()
print(repr(out))
""" % MODEL


def test_without_the_native_extension_the_viewer_sends_its_meshes(run_without_native, tmp_path):
    import ast
    import pickle

    bad_index = mesh_message(6, rev=4)
    bad_index[1][1] = np.full(3 * 20, 999, "<u4").tobytes()
    bad_count = mesh_message(6, rev=4)
    del bad_count[1][3]
    messages = {
        "rev1": mesh_message(6, rev=1), "edit12": mesh_message(12, edit=5), "edit7": mesh_message(7, edit=6),
        "rev4": mesh_message(8, rev=4), "stale_rev2": mesh_message(20, rev=2),
        "bad_index": bad_index, "bad_count": bad_count,
        "failed": ({"type": "mesh", "edit": 9, "ok": False, "message": "too many sides"}, []),
    }
    path = tmp_path / "messages.pickle"
    path.write_bytes(pickle.dumps(messages))
    out = ast.literal_eval(run_without_native(VIEWER_SENDS.replace("sys.argv[1]", repr(str(path)))).strip())
    vol = lambda n: round(render(MODEL, {"sides": n}).volume, 6)  # noqa: E731
    assert out["first"] == (prism(6), vol(6))
    assert out["edit"] == ((prism(12), vol(12)), "edit")
    assert out["reordered"] == (prism(7), vol(7))
    assert out["before_drawn"] == ((prism(7), vol(7)), 4), "not drawn yet: the last solid sent"
    assert out["drawn"] == out["stale"] == out["malformed"] == (prism(8), vol(8))
    assert out["failed"] == ((prism(8), vol(8)), "too many sides"), "the last good solid stays"
    assert "export needs the native engine" in out["export"]
    assert out["stats"] == {"viewer_engine_ms": 1.5}


def test_with_the_native_engine_a_viewer_mesh_message_is_ignored(no_leaked_threads):
    v = openscad_viewer(MODEL)
    assert v.mesh_from_viewer is False
    content, buffers = mesh_message(20, edit=3)
    v._message(v, content, buffers)
    edit(v, {"sides": 12}, edit_id=3)
    assert v.mesh.triangle_count == prism(12) and v.catch_up_renders == 1
    v.close()
