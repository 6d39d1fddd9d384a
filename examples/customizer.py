import marimo

__generated_with = "0.25.2"
app = marimo.App(width="medium")


@app.cell
def _():
    import os
    from pathlib import Path

    import marimo as mo
    from marimo_openscad import (customizer, load_parameter_sets, openscad_viewer,
                                 parameter_set)

    return (Path, customizer, load_parameter_sets, mo, openscad_viewer, os,
            parameter_set)


@app.cell
def _(Path, mo, os):
    # OpenSCAD's own customizer example (Debian's `openscad` package ships
    # it); MOS_OPENSCAD_EXAMPLES points elsewhere.
    EXAMPLES = Path(os.environ.get("MOS_OPENSCAD_EXAMPLES", "/usr/share/openscad/examples"))
    MODEL = EXAMPLES / "Parametric" / "candleStand.scad"
    SETS = MODEL.with_suffix(".json")
    mo.stop(not MODEL.exists(),
            mo.md(f"`{MODEL}` is missing: `apt-get install openscad` installs OpenSCAD's examples."))
    mo.md(f"""
    # The customizer

    `{MODEL.name}` from OpenSCAD's examples: its parameters carry customizer
    annotations (`count = 7; //[3:14]`, `length = 50; // [70:large, 50:medium, 30:small]`,
    `/* [Candle Holder] */` groups, a `//` description line above). `customizer()`
    builds the controls from them; `{SETS.name}` holds parameter sets in
    OpenSCAD 2021.01's JSON format.
    """)
    return MODEL, SETS


@app.cell
def _(MODEL, SETS, load_parameter_sets, mo):
    names = list(load_parameter_sets(SETS, MODEL)) if SETS.exists() else []
    preset = mo.ui.dropdown(["defaults"] + names, value="defaults", label="parameter set")
    preset
    return (preset,)


@app.cell
def _(MODEL, SETS, customizer, parameter_set, preset):
    values = None if preset.value == "defaults" else parameter_set(SETS, preset.value, MODEL)
    controls = customizer(MODEL, values=values)
    controls
    return (controls,)


@app.cell
def _(MODEL, mo, openscad_viewer):
    viewer = openscad_viewer(MODEL)
    mo.ui.anywidget(viewer)
    return (viewer,)


@app.cell
def _(controls, viewer):
    viewer.params = controls.value
    return


if __name__ == "__main__":
    app.run()
