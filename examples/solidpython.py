import marimo

__generated_with = "0.25.2"
app = marimo.App(width="medium")


@app.cell
def _():
    import marimo as mo
    from solid2 import cube, cylinder, translate

    from marimo_openscad import openscad_viewer, render

    return cube, cylinder, mo, openscad_viewer, render, translate


@app.cell
def _(mo):
    mo.md("""
    # SolidPython2 in marimo

    The model is built in Python with SolidPython2; each slider change builds
    a new object and the same viewer re-renders it.
    """)
    return


@app.cell
def _(mo):
    holes = mo.ui.slider(1, 8, value=3, label="holes")
    spacing = mo.ui.slider(6, 20, value=10, label="spacing (mm)")
    mo.hstack([holes, spacing], justify="start")
    return holes, spacing


@app.cell
def _(cube, cylinder, translate):
    def plate(n, pitch):
        """A plate with n holes `pitch` apart."""
        body = cube([n * pitch + 4, 14, 4])
        for i in range(n):
            body -= translate([2 + pitch / 2 + i * pitch, 7, -1])(cylinder(r=2.5, h=6, _fn=32))
        return body

    return (plate,)


@app.cell
def _(mo, openscad_viewer, plate):
    viewer = openscad_viewer(plate(3, 10))
    mo.ui.anywidget(viewer)
    return (viewer,)


@app.cell
def _(holes, mo, plate, render, spacing, viewer):
    model = plate(holes.value, spacing.value)
    viewer.update(model)
    mesh = render(model)
    mo.md(f"volume **{mesh.volume:.0f} mm³**, {mesh.triangle_count} triangles")
    return


if __name__ == "__main__":
    app.run()
