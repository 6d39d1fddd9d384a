import marimo

__generated_with = "0.25.2"
app = marimo.App(width="medium")


@app.cell
def _():
    import marimo as mo
    from marimo_openscad import customizer, openscad_viewer

    return customizer, mo, openscad_viewer


@app.cell
def _(mo):
    mo.md("""
    # marimo-openscad

    An OpenSCAD model with customizer annotations: the sliders below are built
    from the `// [min:max]` comments, and the viewer follows them.
    """)
    return


@app.cell
def _():
    MODEL = """
    /* [Shape] */
    // Number of sides
    sides = 6; // [3:16]
    // Height (mm)
    height = 30; // [10:60]
    // Outer radius (mm)
    radius = 15; // [8:30]
    /* [Style] */
    wall = 2; // [1:0.5:5]
    colour = "teal"; // [teal, orange, steelblue]

    color(colour) difference() {
      cylinder(h = height, r = radius, $fn = sides);
      translate([0, 0, wall]) cylinder(h = height, r = radius - wall, $fn = sides);
    }
    """
    return (MODEL,)


@app.cell
def _(MODEL, customizer):
    controls = customizer(MODEL)
    controls
    return (controls,)


@app.cell
def _(MODEL, mo, openscad_viewer):
    viewer = openscad_viewer(MODEL)
    mo.ui.anywidget(viewer)
    return (viewer,)


@app.cell
def _(controls, viewer):
    # A reactive cell: moving a slider sets the params of the same viewer,
    # which re-renders on a worker thread.
    viewer.params = controls.value
    return


if __name__ == "__main__":
    app.run()
