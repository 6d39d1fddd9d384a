"""The anywidget viewer: binary traits, re-render on params off the main
thread, errors in the panel, stale results dropped, no leaked threads."""
import threading

import numpy as np
import pytest

from marimo_openscad import openscad_viewer
from marimo_openscad.viewer import OpenScadViewer

MODEL = "size = 10; segments = 8; cylinder(h = size, r = size / 2, $fn = segments);"


def triangles(viewer):
    return len(viewer.indices) // 12


def test_initial_state_is_binary_mesh(no_leaked_threads):
    v = openscad_viewer(MODEL)
    assert isinstance(v, OpenScadViewer)
    assert isinstance(v.positions, bytes) and len(v.positions) % 12 == 0
    positions = np.frombuffer(v.positions, dtype="<f4").reshape(-1, 3)
    indices = np.frombuffer(v.indices, dtype="<u4").reshape(-1, 3)
    assert indices.max() < len(positions)
    assert len(v.part_ids) == 4 * len(indices) and len(v.palette) % 4 == 0
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
    assert np.frombuffer(v.positions, dtype="<f4").reshape(-1, 3)[:, 2].max() == pytest.approx(20)
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
