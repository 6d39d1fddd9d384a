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


class Replies:
    def __init__(self, viewer):
        self.messages = []
        self.done = threading.Event()
        viewer.send = self.send

    def send(self, content, buffers=None):
        self.messages.append((content, buffers))
        self.done.set()


def test_export_after_an_edit_writes_the_edited_solid(no_leaked_threads):
    v = openscad_viewer(MODEL)
    replies = Replies(v)
    edit(v, {"sides": 12}, edit_id=9)
    v._message(v, {"type": "export", "id": 1, "format": "stl"}, [])
    assert replies.done.wait(30)
    content, buffers = replies.messages[-1]
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
