"""Parameter sets in OpenSCAD 2021.01's JSON format: load (typed as
`openscad -p f.json -P name` applies them), save, and the customizer."""
import json
from pathlib import Path

import pytest

from marimo_openscad import (customizer, load_parameter_sets, parameter_set, render,
                             save_parameter_set)

MODEL = """\
a = 1; // [0:10]
b = "x";
c = true;
d = [1, 2, 3];
e = 5;
f = 2;
echo(a = a, b = b, c = c, d = d, e = e, f = f);
cube(a);
"""
CANDLE = Path("/usr/share/openscad/examples/Parametric/candleStand.scad")


def write_sets(tmp_path, sets):
    path = tmp_path / "sets.json"
    path.write_text(json.dumps({"parameterSets": sets, "fileFormatVersion": "1"}))
    return path


def test_values_typed_like_the_defaults(tmp_path):
    # What 2021.01 echoes for this set: a = 7, b = "42", c = false, d = [4, 5],
    # e = 5 (unreadable number: default kept), f = 9 (a JSON number).
    path = write_sets(tmp_path, {"s1": {"a": "7", "b": "42", "c": "false", "d": "[4, 5]",
                                        "e": "abc", "f": 9, "zz": "1"}})
    values = parameter_set(path, "s1", MODEL)
    assert values == {"a": 7.0, "b": "42", "c": False, "d": [4.0, 5.0], "f": 9.0}
    mesh = render(MODEL, values)
    assert "ECHO: a = 7, b = \"42\", c = false, d = [4, 5], e = 5, f = 9" in mesh.echo
    assert mesh.volume == pytest.approx(343)


def test_raw_sets_without_a_model(tmp_path):
    path = write_sets(tmp_path, {"one": {"a": "3"}, "two": {"b": "y"}})
    assert load_parameter_sets(path) == {"one": {"a": "3"}, "two": {"b": "y"}}


def test_booleans_accept_true_false_1_0_only(tmp_path):
    path = write_sets(tmp_path, {"ok": {"c": "1"}, "bad": {"c": "yes"}})
    with pytest.raises(ValueError, match="bad"):
        load_parameter_sets(path, MODEL)
    ok = write_sets(tmp_path, {"ok": {"c": "0"}})
    assert parameter_set(ok, "ok", MODEL) == {"c": False}


def test_missing_set_and_bad_file(tmp_path):
    path = write_sets(tmp_path, {"one": {"a": "3"}})
    with pytest.raises(KeyError, match="nope"):
        parameter_set(path, "nope", MODEL)
    bad = tmp_path / "bad.json"
    bad.write_text('{"something": 1}')
    with pytest.raises(ValueError, match="parameterSets"):
        load_parameter_sets(bad)


def test_save_then_load_round_trip(tmp_path):
    path = tmp_path / "saved.json"
    save_parameter_set(path, "big", {"a": 9.0, "b": "hello", "c": False, "d": [7, 8.5]})
    save_parameter_set(path, "small", {"a": 2})
    data = json.loads(path.read_text())
    assert data["fileFormatVersion"] == "1"
    assert data["parameterSets"]["big"] == {"a": "9", "b": "hello", "c": "false", "d": "[7, 8.5]"}
    assert list(data["parameterSets"]) == ["big", "small"]
    assert parameter_set(path, "big", MODEL) == {"a": 9.0, "b": "hello", "c": False, "d": [7.0, 8.5]}
    save_parameter_set(path, "small", {"a": 3})  # replaces the set
    assert load_parameter_sets(path)["small"] == {"a": "3"}


@pytest.mark.skipif(not CANDLE.exists(), reason="needs Debian's openscad examples")
def test_openscad_example_sets():
    sets = load_parameter_sets(CANDLE.with_suffix(".json"), CANDLE)
    assert list(sets) == ["Medium Size", "small", "With Ball", "Large"]
    large = sets["Large"]
    assert large["length"] == 70.0 and large["centerCandle"] is False and large["count"] == 7.0
    small = render(CANDLE, sets["small"])
    big = render(CANDLE, large)
    assert big.bbox_max[2] > small.bbox_max[2]


def test_customizer_starts_at_a_set(tmp_path):
    path = write_sets(tmp_path, {"s": {"a": "7"}})
    element = customizer(MODEL, values=parameter_set(path, "s", MODEL))
    assert element.value["a"] == 7
    assert customizer(MODEL).value["a"] == 1
