"""Customizer annotations through the extension, and marimo elements."""
import pytest

from marimo_openscad import customizer, parameters

ANNOTATED = """\
/* [Size] */
// Width of the box
width = 20; // [10:50]
height = 5; // [1:0.5:10]
corners = 4; // [8]
/* [Style] */
shape = "round"; // [round, square]
quality = 20; // [10:Low, 20:Medium, 50:High]
hollow = true;
label = "box";
offsets = [1, 2, 3];
/* [Hidden] */
secret = 1;
cube([width, width, height]);
"""

SIGN = "/usr/share/openscad/examples/Parametric/sign.scad"
CANDLE = "/usr/share/openscad/examples/Parametric/candleStand.scad"


def by_name(params):
    return {p.name: p for p in params}


def test_annotations_are_parsed():
    p = by_name(parameters(ANNOTATED))
    assert list(p) == ["width", "height", "corners", "shape", "quality", "hollow",
                       "label", "offsets", "secret"]
    assert p["width"].annotation == {"begin": 10.0, "step": None, "end": 50.0}
    assert p["width"].description == "Width of the box"
    assert p["width"].group == "Size" and p["width"].widget == "slider"
    assert p["height"].annotation == {"begin": 1.0, "step": 0.5, "end": 10.0}
    assert p["corners"].widget == "slider"
    assert p["shape"].widget == "dropdown"
    assert p["shape"].options() == {"round": "round", "square": "square"}
    assert p["quality"].options() == {"Low": 10.0, "Medium": 20.0, "High": 50.0}
    assert p["hollow"].widget == "checkbox" and p["hollow"].value is True
    assert p["label"].widget == "text"
    assert p["offsets"].widget == "vector" and p["offsets"].value == [1.0, 2.0, 3.0]
    assert p["secret"].hidden and p["shape"].group == "Style"


@pytest.mark.skipif(not __import__("os").path.exists(SIGN), reason="openscad examples not installed")
def test_openscad_parametric_examples():
    sign = by_name(parameters(SIGN))
    assert sign["resolution"].options() == {str(v): float(v) for v in (10, 20, 30, 50, 100)}
    assert sign["radius"].annotation == {"begin": 60.0, "step": None, "end": 200.0}
    assert sign["Message"].widget == "dropdown"
    assert "Happy Birthday!" in sign["Message"].options()
    assert sign["radius"].group.strip() == "properties of Sign"
    candle = parameters(CANDLE)
    assert len(candle) > 5 and all(p.name for p in candle)


def test_customizer_builds_marimo_elements():
    mo = pytest.importorskip("marimo")
    ui = customizer(ANNOTATED)
    assert isinstance(ui, mo.ui.batch)
    value = ui.value
    assert "secret" not in value
    assert value["width"] == 20 and value["height"] == 5
    assert value["shape"] == "round" and value["quality"] == 20
    assert value["hollow"] is True and value["label"] == "box"
    assert list(value["offsets"]) == [1, 2, 3]
    assert isinstance(ui["width"], mo.ui.slider)
    assert isinstance(ui["shape"], mo.ui.dropdown)
    assert isinstance(ui["hollow"], mo.ui.checkbox)
    assert isinstance(ui["label"], mo.ui.text)
    layout = ui.text
    assert "Size" in layout and "Style" in layout and "Hidden" not in layout


def test_customizer_value_renders():
    pytest.importorskip("marimo")
    from marimo_openscad import render

    mesh = render(ANNOTATED, params=customizer(ANNOTATED).value)
    assert mesh.volume == pytest.approx(20 * 20 * 5)
