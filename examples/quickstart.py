import marimo

__generated_with = "0.25.2"
app = marimo.App(width="medium")


@app.cell
def _():
    import marimo as mo
    from marimo_openscad import openscad_viewer

    return mo, openscad_viewer


@app.cell
def _(mo):
    mo.md("""
    # marimo-openscad quickstart

    OpenSCAD code, two sliders and a 3D viewer. Move a slider and the solid
    follows; edit the code (it is OpenSCAD 2021.01) and the viewer shows the
    new model, or the line of the first error.
    """)
    return


@app.cell
def _():
    SOURCE = """// A box with round holes: `size` and `holes` come from the sliders
// (or from the viewer's own Params panel: the annotations below).
size = 30; // [10:60]
holes = 3; // [1:8]

color("teal") difference() {
  cube([size, size, 10], center = true);
  for (i = [0 : holes - 1])
    rotate([0, 0, i * 360 / holes])
      translate([size / 4, 0, 0]) cylinder(h = 12, r = size / 10, center = true, $fn = 32);
}
"""
    return (SOURCE,)


@app.cell
def _(SOURCE, mo):
    code = mo.ui.text_area(
        value=SOURCE,
        label="OpenSCAD code",
        rows=12,
        full_width=True,
    )
    size = mo.ui.slider(10, 60, value=30, label="size", show_value=True)
    holes = mo.ui.slider(1, 8, value=3, label="holes", show_value=True)
    mo.vstack([code, mo.hstack([size, holes], justify="start")])
    return code, holes, size


@app.cell
def _(SOURCE, mo, openscad_viewer):
    # Made once (it depends on nothing that changes); the cell below updates it.
    viewer = openscad_viewer(SOURCE, {"size": 30, "holes": 3})
    mo.ui.anywidget(viewer)
    return (viewer,)


@app.cell
def _(code, holes, size, viewer):
    # Reactive: a slider or the code changes, the same viewer re-renders on a
    # worker thread (a newer change cancels the running render).
    viewer.update(code.value, {"size": size.value, "holes": holes.value})
    return


if __name__ == "__main__":
    app.run()
