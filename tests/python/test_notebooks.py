"""The example notebooks run as plain Python (marimo's app.run())."""
import importlib.util
from pathlib import Path

import pytest

pytest.importorskip("marimo")
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def run_notebook(name):
    spec = importlib.util.spec_from_file_location(f"example_{name}", EXAMPLES / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    _outputs, defs = module.app.run()
    return defs


def test_customizer_notebook():
    defs = run_notebook("notebook")
    viewer = defs["viewer"]
    assert viewer.wait(timeout=60)
    assert viewer.error is None and viewer.mesh.volume > 0
    assert viewer.params == defs["controls"].value
    assert set(viewer.params) == {"sides", "height", "radius", "wall", "colour"}
    viewer.close()


def test_solidpython_notebook():
    pytest.importorskip("solid2")
    defs = run_notebook("solidpython")
    viewer = defs["viewer"]
    assert viewer.wait(timeout=60)
    assert viewer.error is None
    import math
    expected = (3 * 10 + 4) * 14 * 4 - 3 * math.pi * 2.5 ** 2 * 4
    assert viewer.mesh.volume == pytest.approx(expected, rel=0.02)
    viewer.close()


def test_quickstart_notebook():
    defs = run_notebook("quickstart")
    viewer = defs["viewer"]
    assert viewer.wait(timeout=60)
    assert viewer.error is None and viewer.mesh.volume > 0
    assert viewer.params == {"size": 30, "holes": 3}
    viewer.close()


CANDLE = Path("/usr/share/openscad/examples/Parametric/candleStand.scad")


@pytest.mark.skipif(not CANDLE.exists(), reason="needs Debian's openscad examples")
def test_customizer_example_notebook():
    defs = run_notebook("customizer")
    viewer = defs["viewer"]
    assert viewer.wait(timeout=60)
    assert viewer.error is None and viewer.mesh.volume > 0
    assert viewer.params["count"] == 7 and viewer.params["centerCandle"] is True
    assert defs["preset"].options.keys() >= {"defaults", "small", "Large", "With Ball"}
    viewer.close()


@pytest.mark.skipif(not CANDLE.exists(), reason="needs Debian's openscad examples")
def test_gallery_notebook():
    defs = run_notebook("gallery")
    viewer = defs["viewer"]
    assert viewer.wait(timeout=60)
    assert len(defs["models"]) > 40
    assert viewer.error is None and viewer.mesh.triangle_count > 0
    viewer.close()
