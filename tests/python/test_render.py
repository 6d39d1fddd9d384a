"""render(): meshes as numpy arrays, measures, echo, params, models as text,
files (with includes) and SolidPython2 objects, errors, cancellation."""
import threading

import numpy as np
import pytest

import marimo_openscad as mos
from marimo_openscad import ScadError, render


def test_cube_arrays_and_measures():
    mesh = render("cube([10, 20, 30]);")
    assert mesh.kind == "3d"
    assert mesh.positions.dtype == np.float32 and mesh.positions.shape[1] == 3
    assert mesh.indices.dtype == np.uint32 and mesh.indices.shape == (12, 3)
    assert mesh.indices.max() < len(mesh.positions)
    assert mesh.volume == pytest.approx(6000.0)
    assert mesh.area == pytest.approx(2 * (200 + 300 + 600))
    assert mesh.bbox_min == pytest.approx((0, 0, 0))
    assert mesh.bbox_max == pytest.approx((10, 20, 30))
    assert np.allclose(mesh.positions.min(axis=0), [0, 0, 0])
    assert np.allclose(mesh.positions.max(axis=0), [10, 20, 30])
    assert mesh.part_ids.shape == (12,)
    assert mesh.colors.shape == (12, 4) and mesh.colors.dtype == np.uint8
    assert "12 triangles" in repr(mesh) and "volume=6000" in repr(mesh)


def test_arrays_are_read_only_views_kept_alive():
    positions = render("sphere(5, $fn=24);").positions
    import gc

    gc.collect()
    assert not positions.flags.writeable
    assert np.all(np.linalg.norm(positions, axis=1) <= 5.0001)


def test_colours_per_part():
    mesh = render('color("red") cube(1); translate([5,0,0]) color([0,0,1]) cube(1);')
    colours = {tuple(int(c) for c in row) for row in mesh.colors}
    assert (255, 0, 0, 255) in colours and (0, 0, 255, 255) in colours


def test_echo_and_warnings():
    mesh = render('echo("hello", 1 + 2); cube(1);')
    assert 'ECHO: "hello", 3' in mesh.echo
    mesh = render("cube(undefined_var);")
    assert any("undefined_var" in d.message for d in mesh.warnings)


def test_params_override_top_level_variables():
    model = "size = 2; label = \"a\"; flags = [true, 1.5]; echo(size, label, flags); cube(size);"
    assert render(model).volume == pytest.approx(8)
    mesh = render(model, params={"size": 3.0, "label": 'q"uote', "flags": [False, 2]})
    assert mesh.volume == pytest.approx(27)
    assert 'ECHO: 3, "q"uote", [false, 2]' in mesh.echo  # 2021.01 echoes strings unescaped
    mesh = render(model, params={"size": np.float32(4)})
    assert mesh.volume == pytest.approx(64)


def test_bad_param_name_rejected():
    with pytest.raises(ValueError):
        render("cube(1);", params={"x; cube(5)": 1})


def test_file_with_relative_include(tmp_path, monkeypatch):
    (tmp_path / "parts").mkdir()
    (tmp_path / "parts" / "block.scad").write_text("module block(s) { cube(s); }\n")
    main = tmp_path / "main.scad"
    main.write_text("include <parts/block.scad>\nw = 2;\nblock(w);\n")
    monkeypatch.chdir("/")
    assert render(main).volume == pytest.approx(8)
    assert render(str(main), params={"w": 5}).volume == pytest.approx(125)


def test_missing_file():
    with pytest.raises(FileNotFoundError):
        render("/nonexistent/model.scad")


def test_solidpython2_object():
    solid2 = pytest.importorskip("solid2")
    obj = solid2.cube(4) - solid2.translate([1, 1, -1])(solid2.cube([2, 2, 6]))
    mesh = render(obj)
    assert mesh.volume == pytest.approx(64 - 16)


def test_syntax_error_raises_with_location():
    with pytest.raises(ScadError) as info:
        render("cube(1);\nsphere(2;\n")
    err = info.value
    assert err.line == 2 and err.column > 0
    assert "2:" in str(err)
    assert any(d.severity == "error" for d in err.diagnostics)


def test_not_a_model():
    with pytest.raises(TypeError):
        render(42)


def test_cancelled_render_raises():
    token = mos.CancelToken()
    token.cancel()
    with pytest.raises(ScadError):
        render("for (i = [0:200]) translate([i, 0, 0]) sphere(1, $fn=32);", cancel=token)


# Many seconds of geometry (10,000 small differences, about 15 s uncancelled
# on the CI machine) in many small nodes (the cancel token is checked at
# every node); `fn` differs per test so the geometry cache cannot answer.
HEAVY = ("fn = 24; for (i = [0:99]) for (k = [0:99]) translate([i * 3, k * 3, 0]) difference() {"
         " sphere(1, $fn = fn); for (j = [0:6]) translate([j * 0.2, 0, 0]) cube(0.5); }")


def test_timeout_stops_geometry():
    with pytest.raises(ScadError) as info:
        render(HEAVY, params={"fn": 40}, timeout=0.3)
    assert "cancelled" in str(info.value) or "timed out" in str(info.value)


def test_cancel_from_another_thread():
    token = mos.CancelToken()
    threading.Timer(0.3, token.cancel).start()
    with pytest.raises(ScadError):
        render(HEAVY, params={"fn": 41}, cancel=token)


def test_concurrent_renders_from_threads():
    results = {}

    def work(i):
        results[i] = render(f"cube({i + 1});").volume

    threads = [threading.Thread(target=work, args=(i,)) for i in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == {i: pytest.approx((i + 1) ** 3) for i in range(6)}


def test_engine_is_shared():
    assert mos.shared_engine() is mos.shared_engine()
