"""The anywidget viewer: binary traits, re-render on params off the main
thread, errors in the panel, stale results dropped, no leaked threads."""
import threading

import numpy as np
import pytest

from marimo_openscad import openscad_viewer, render
from marimo_openscad.viewer import OpenScadViewer
from marimo_openscad.wire import read_wire_mesh, wire_mesh
from viewer_replies import Replies

MODEL = "size = 10; segments = 8; cylinder(h = size, r = size / 2, $fn = segments);"
WIRE = ["positions", "indices", "index_bytes", "palette", "part_counts"]


def triangles(viewer):
    return len(viewer.indices) // (3 * viewer.index_bytes)


def wire_of(viewer):
    return read_wire_mesh({k: getattr(viewer, k) for k in WIRE})


def test_initial_state_is_binary_mesh(no_leaked_threads):
    v = openscad_viewer(MODEL)
    assert isinstance(v, OpenScadViewer)
    assert isinstance(v.positions, bytes) and len(v.positions) % 12 == 0
    positions, indices, palette, part_ids = wire_of(v)
    assert v.index_bytes == 2  # few vertices: uint16 indices
    assert indices.max() < len(positions)
    assert len(part_ids) == len(indices) and len(palette) == 1
    assert positions[:, 2].max() == pytest.approx(10)
    assert v.error is None and not v.loading
    state = v.get_state()
    assert isinstance(state["positions"], (bytes, memoryview))
    v.close()


def test_params_rerender_same_widget(no_leaked_threads):
    v = openscad_viewer(MODEL, params={"segments": 8})
    before = triangles(v)
    main = threading.current_thread()
    seen = []
    v.observe(lambda c: seen.append(threading.current_thread()), names=["positions"])
    v.params = {"segments": 32, "size": 20}
    assert v.wait(timeout=60)
    assert triangles(v) > before
    assert wire_of(v)[0][:, 2].max() == pytest.approx(20)
    assert seen and all(t is not main for t in seen)
    assert v.mesh.volume > 0
    v.close()


def test_burst_keeps_only_newest(no_leaked_threads):
    v = openscad_viewer(MODEL, debounce_ms=5)
    for n in range(3, 40):
        v.params = {"segments": n}
    assert v.wait(timeout=60)
    assert v.rendered_id == v._queue.latest_id
    assert triangles(v) == 4 * 39 - 4  # a 39-gon prism: 2 * 37 caps + 2 * 39 sides
    v.close()


def test_error_panel_and_recovery(no_leaked_threads):
    v = openscad_viewer(MODEL)
    v.update(model="cube(1);\ncube(2;\n")
    assert v.wait(timeout=60)
    assert v.error is not None and v.error["line"] == 2
    assert "cube(2;" in v.error["source"]
    assert v.last_error is not None
    v.update(model="cube(3);")
    assert v.wait(timeout=60)
    assert v.error is None and v.mesh.volume == pytest.approx(27)
    v.close()


def test_animation_steps_t(no_leaked_threads):
    v = openscad_viewer("translate([$t * 10, 0, 0]) cube(1);", anim_steps=10)
    v.t = 0.5
    assert v.wait(timeout=60)
    assert v.mesh.bbox_min[0] == pytest.approx(5)
    v.close()


def test_closed_viewer_ignores_changes(no_leaked_threads):
    v = openscad_viewer(MODEL)
    before = v.positions
    v.close()
    v.params = {"segments": 30}
    assert v.wait(timeout=10)
    assert v.positions == before


def test_marimo_wraps_the_widget():
    mo = pytest.importorskip("marimo")
    v = openscad_viewer("cube(1);")
    wrapped = mo.ui.anywidget(v)
    assert wrapped.widget is v
    v.close()


HEAVY = ("for (i = [0:99]) for (k = [0:99]) translate([i * 3, k * 3, 0]) difference() {"
         " sphere(1, $fn = 40); for (j = [0:6]) translate([j * 0.2, 0, 0]) cube(0.5); }")


def test_timeout_shows_in_the_panel_and_retry_renders_again(no_leaked_threads):
    v = openscad_viewer("cube(1);", timeout=0.3)
    v.update(model=HEAVY)
    assert v.wait(timeout=60)
    assert v.error is not None and v.error["message"] == "render timed out after 0.3 s"
    assert v.mesh.volume == pytest.approx(1)  # the last good mesh stays
    first = v.rendered_id
    v._message(v, {"type": "retry"}, [])  # what the panel's Retry button sends
    assert v.wait(timeout=60)
    assert v.rendered_id > first and "timed out" in v.error["message"]
    v.timeout = 0.0
    v.update(model="cube(2);")
    assert v.wait(timeout=60)
    assert v.error is None and v.mesh.volume == pytest.approx(8)
    v.close()


def test_retry_after_a_good_render_renders_the_same(no_leaked_threads):
    v = openscad_viewer(MODEL)
    before = v.rendered_id
    v.retry()
    assert v.wait(timeout=60)
    assert v.rendered_id > before and v.error is None
    v.close()


COLOURED = ('color("red") cube(5); color("blue") translate([10, 0, 0]) cube(5);'
            ' translate([20, 0, 0]) cube(5); color("red") translate([30, 0, 0]) sphere(2, $fn = 8);')


def test_wire_mesh_groups_triangles_by_colour():
    mesh = render(COLOURED)
    wire = wire_mesh(mesh)
    positions, indices, palette, part_ids = read_wire_mesh(wire)
    assert wire["index_bytes"] == 2
    assert len(wire["indices"]) == 2 * 3 * mesh.triangle_count
    # One palette entry per colour (red twice in the model), triangles sorted by part.
    assert len(palette) == len({tuple(c) for c in mesh.palette})
    assert np.all(np.diff(part_ids.astype(np.int64)) >= 0)
    # The same coloured triangles as the engine's, in part order.
    engine = sorted((tuple(mesh.palette[p]), tuple(mesh.positions[t].ravel()))
                    for t, p in zip(mesh.indices, mesh.part_ids))
    sent = sorted((tuple(palette[p]), tuple(positions[t].ravel())) for t, p in zip(indices, part_ids))
    assert engine == sent


def test_wire_mesh_uses_uint32_indices_past_65535_vertices():
    mesh = render("sphere(10, $fn = 400);")
    assert len(mesh.positions) > 0xFFFF
    wire = wire_mesh(mesh)
    assert wire["index_bytes"] == 4
    assert np.array_equal(read_wire_mesh(wire)[1], mesh.indices)


def test_export_request_is_answered_with_its_id_and_the_file(no_leaked_threads, tmp_path):
    v = openscad_viewer("cube([1, 2, 3]);")
    replies = Replies(v)
    v._message(v, {"type": "export", "id": 41, "format": "stl"}, [])
    content, buffers = replies.wait()
    assert content["id"] == 41 and content["ok"] and content["filename"] == "openscad-model.stl"
    data = bytes(buffers[0])
    assert len(data) == 84 + 50 * 12 and int.from_bytes(data[80:84], "little") == 12  # binary STL
    assert content["render_id"] == v.rendered_id
    v._message(v, {"type": "export", "id": 42, "format": "3mf"}, [])
    content, buffers = replies.wait()
    assert content["id"] == 42 and bytes(buffers[0])[:2] == b"PK"
    v.close()


def test_export_without_id_or_mesh_or_format_is_refused(no_leaked_threads):
    v = openscad_viewer("cube(1);")
    replies = Replies(v)
    v._message(v, {"type": "export", "format": "stl"}, [])
    content, buffers = replies.wait()
    assert content["id"] is None and not content["ok"] and "without an id" in content["message"]
    assert buffers is None
    v._message(v, {"type": "export", "id": 1, "format": "png"}, [])
    content, _ = replies.wait()
    assert content["id"] == 1 and not content["ok"] and "unknown export format" in content["message"]
    v.update(model="")
    assert v.wait(timeout=60)
    v._message(v, {"type": "export", "id": 2, "format": "off"}, [])
    content, _ = replies.wait()
    assert content["id"] == 2 and not content["ok"] and "nothing to export" in content["message"]
    v.close()


def test_export_leaves_out_preview_ghosts(no_leaked_threads):
    v = openscad_viewer("cube(2); %translate([5, 0, 0]) cube(1);", preview=True)
    assert len(wire_of(v)[2]) == 2  # the model and its ghost on screen
    replies = Replies(v)
    v._message(v, {"type": "export", "id": 7, "format": "stl"}, [])
    content, buffers = replies.wait()
    assert int.from_bytes(bytes(buffers[0])[80:84], "little") == 12  # the cube only
    v.close()


def test_retry_request_is_acknowledged_with_its_id(no_leaked_threads):
    v = openscad_viewer(MODEL)
    replies = Replies(v)
    before = v.rendered_id
    v._message(v, {"type": "retry", "id": 5}, [])
    content, _ = replies.wait()
    assert content == {"type": "retry", "id": 5, "ok": True}
    assert v.wait(timeout=60) and v.rendered_id > before
    v.close()


def test_viewer_timeouts_are_synced(no_leaked_threads):
    v = openscad_viewer("cube(1);", timeout=7, request_timeout=3)
    state = v.get_state()
    assert state["render_timeout"] == 7 and state["request_timeout"] == 3
    v.timeout = 0
    assert v.get_state()["render_timeout"] == 0
    assert v.get_state()["preview"] is False  # the viewer's Preview button writes it
    v.close()
