"""The viewer's `renderer` option, the params protocol with the viewer's
worker (python/marimo_openscad/viewer.py, viewer/README.md), the engine
files sent to the viewer, and the package without its native extension.

A viewer edit reaches Python as anywidget delivers it: `set_state` with
the `viewer_edit` trait, as the comm's update message does."""
import gzip
import textwrap

import numpy as np
import pytest

from marimo_openscad import engine_assets, native, openscad_viewer
from marimo_openscad.viewer import resolve_renderer

MODEL = "sides = 6; cylinder(h = 10, r = 5, $fn = sides);"


def triangles(viewer):
    return len(viewer.indices) // (3 * viewer.index_bytes)


def prism(sides):
    return 4 * sides - 4  # caps (sides - 2 each) + 2 per side


def edit(viewer, params, edit_id, base=None, **extra):
    """The update the viewer's applyParamsFromViewer sends."""
    message = {"params": params, "edit": edit_id,
               "base": viewer.state_rev if base is None else base, **extra}
    viewer.set_state({"viewer_edit": message})


def test_package_has_the_wasm_engine():
    # scripts/install_python.sh packs it when emscripten is installed (CI).
    for part in engine_assets.PARTS:
        assert engine_assets.available(part), part
    wasm = gzip.decompress(engine_assets.part_files("core")[1])
    assert wasm[:4] == b"\0asm"
    assert engine_assets.part_files("nonsense") is None


def test_renderer_option(no_leaked_threads):
    auto = openscad_viewer(MODEL)
    assert auto.renderer == "auto" and auto.render_by == "python"
    assert auto.native_renders == 1 and triangles(auto) == prism(6)
    assert auto.render_info["rev"] == auto.state_rev == 1
    assert auto.scad_source == MODEL  # the worker renders in-viewer edits
    native_only = openscad_viewer(MODEL, renderer="native")
    assert native_only.renderer == "native" and native_only.scad_source == ""
    wasm = openscad_viewer(MODEL, renderer="wasm")
    assert wasm.renderer == "wasm" and wasm.render_by == "worker"
    assert wasm.native_renders == 0 and wasm.positions == b""
    assert wasm.scad_source == MODEL
    with pytest.raises(ValueError, match="renderer must be one of"):
        openscad_viewer(MODEL, renderer="gpu")
    assert resolve_renderer("auto") == "auto"
    for v in (auto, native_only, wasm):
        v.close()


def test_wasm_renderer_leaves_python_side_changes_to_the_worker(no_leaked_threads):
    v = openscad_viewer(MODEL, renderer="wasm")
    v.params = {"sides": 9}
    assert v.wait(timeout=30)
    assert v.state_rev == 2 and v.render_by == "worker" and v.params_edit == 0
    assert v.native_renders == 0 and not v.loading
    v.update(model="cube(3);")
    assert v.state_rev == 3 and v.scad_source == "cube(3);"
    v.close()


def test_viewer_edit_is_not_rendered_again(no_leaked_threads):
    v = openscad_viewer(MODEL)
    sent = []
    v.observe(lambda c: sent.append(c["new"]), names=["state_rev"])
    edit(v, {"sides": 12}, edit_id=77)
    assert v.wait(timeout=30)
    assert v.params == {"sides": 12}
    assert (v.state_rev, v.render_by, v.params_edit) == (2, "edit", 77)
    assert v.native_renders == 1, "the viewer drew it: no render here"
    assert triangles(v) == prism(6), "Python's mesh is the one it rendered"
    # The same values again still get an answer (a revision).
    edit(v, {"sides": 12}, edit_id=78)
    assert (v.state_rev, v.params_edit, v.render_by) == (3, 78, "edit")
    assert sent == [2, 3] and v.native_renders == 1
    v.close()


def test_python_change_after_viewer_edit_wins(no_leaked_threads):
    v = openscad_viewer(MODEL)
    edit(v, {"sides": 12}, edit_id=5)
    v.params = {"sides": 20}
    assert v.wait(timeout=30)
    assert (v.state_rev, v.render_by, v.params_edit) == (3, "python", 0)
    assert v.native_renders == 2 and triangles(v) == prism(20)
    assert v.render_info["rev"] == 3
    v.close()


def test_viewer_edit_after_python_change_drops_its_render(no_leaked_threads):
    # The Python-side change waits in the debounce when the viewer's edit
    # arrives: that edit is newer, so the older render never applies.
    v = openscad_viewer(MODEL, debounce_ms=400)
    v.params = {"sides": 20}
    v.params = {"sides": 21}  # a second change: the queue now waits its debounce
    edit(v, {"sides": 12}, edit_id=9)
    assert v.wait(timeout=30)
    assert v.params == {"sides": 12} and v.render_by == "edit" and v.state_rev == 4
    assert v.render_info["rev"] in (1, 2), "no render of rev 3 reached the widget"
    assert not v.loading
    v.close()


def test_viewer_edit_on_an_older_model_is_rendered_here(no_leaked_threads):
    v = openscad_viewer(MODEL)
    base = v.state_rev
    v.update(model="sides = 6; sphere(5, $fn = sides);")
    assert v.wait(timeout=30)
    renders = v.native_renders
    edit(v, {"sides": 10}, edit_id=3, base=base)  # drawn with the cylinder
    assert v.wait(timeout=30)
    assert v.render_by == "python" and v.native_renders == renders + 1
    assert v.render_info["rev"] == v.state_rev
    v.close()


def test_viewer_edit_the_worker_could_not_draw_is_rendered_here(no_leaked_threads):
    v = openscad_viewer(MODEL)
    edit(v, {"sides": 7}, edit_id=4, render=True)
    assert v.wait(timeout=30)
    # Rendered here, still named as the viewer's edit (its panel stays put).
    assert v.render_by == "python" and v.params_edit == 4
    assert v.native_renders == 2 and triangles(v) == prism(7)
    v.close()


def test_params_trait_is_json_for_the_viewer(no_leaked_threads):
    v = openscad_viewer(MODEL, params={"sides": np.int64(5), "size": (1.5, float("nan")), "on": True})
    state = v.get_state(["params"])["params"]
    assert state == {"sides": 5, "size": [1.5, None], "on": True}
    assert triangles(v) == prism(5)
    v.close()


def test_engine_parts_are_sent_with_the_request_id(no_leaked_threads):
    v = openscad_viewer(MODEL)
    replies = []
    v.send = lambda content, buffers=None: replies.append((content, buffers))  # what goes to the viewer
    v._message(v, {"type": "engine", "id": 7, "part": "core"}, [])
    v._message(v, {"type": "engine", "id": 8, "part": "fonts"}, [])
    v._message(v, {"type": "engine", "id": 9, "part": "nothing"}, [])
    (core, core_files), (fonts, font_files), (bad, _) = replies
    assert core == {"type": "engine", "id": 7, "part": "core", "ok": True,
                    "files": ["mos_wasm.mjs", "mos_wasm.wasm", "mos_data.mjs"]}
    assert gzip.decompress(core_files[1])[:4] == b"\0asm"
    assert b"installDataPackage" in gzip.decompress(core_files[2])
    assert fonts["ok"] and gzip.decompress(font_files[0])[:8] == b"MOSDATA1"
    assert bad["ok"] is False and bad["id"] == 9
    v.close()


NO_NATIVE = textwrap.dedent("""
    import marimo_openscad as m
    from marimo_openscad import native, openscad_viewer
    assert not native.available()
    v = openscad_viewer("sides = 6; cylinder(5, 5, $fn = sides);")
    assert v.renderer == "wasm" and v.render_by == "worker" and v.positions == b""
    v.params = {"sides": 8}
    assert v.state_rev == 2 and v.render_by == "worker" and v.native_renders == 0
    v.close()
    for call in (lambda: m.render("cube(1);"), lambda: openscad_viewer("cube(1);", renderer="native"),
                 lambda: m.customizer("x = 1; // [0:2]"), lambda: m.CancelToken):
        try:
            call()
        except native.NativeEngineMissing as err:
            assert "MARIMO_OPENSCAD_NO_NATIVE" in str(err), err
        else:
            raise AssertionError("the native engine answered")
    print("no-native ok")
""")


def test_without_the_native_extension_auto_renders_in_the_worker(run_without_native):
    assert "no-native ok" in run_without_native(NO_NATIVE)
    # The flag really keeps the extension out: this process has it.
    assert native.available()
