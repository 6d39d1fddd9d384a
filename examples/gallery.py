import marimo

__generated_with = "0.25.2"
app = marimo.App(width="medium")


@app.cell
def _():
    import os
    from pathlib import Path

    import marimo as mo
    from marimo_openscad import openscad_viewer

    return Path, mo, openscad_viewer, os


@app.cell
def _(Path, mo, os):
    EXAMPLES = Path(os.environ.get("MOS_OPENSCAD_EXAMPLES", "/usr/share/openscad/examples"))
    models = {str(p.relative_to(EXAMPLES)): p for p in sorted(EXAMPLES.glob("*/*.scad"))}
    mo.stop(not models,
            mo.md(f"No examples under `{EXAMPLES}`: `apt-get install openscad` installs them."))
    mo.md(f"""
    # Gallery: OpenSCAD's examples

    The {len(models)} example models OpenSCAD 2021.01 ships, rendered by our
    engine. Pick one; the viewer keeps its camera (press F to fit).
    """)
    return (models,)


@app.cell
def _(mo, models):
    first = "Old/example001.scad" if "Old/example001.scad" in models else next(iter(models))
    choice = mo.ui.dropdown(list(models), value=first, label="example", searchable=True)
    choice
    return choice, first


@app.cell
def _(first, mo, models, openscad_viewer):
    viewer = openscad_viewer(models[first], timeout=60)
    mo.ui.anywidget(viewer)
    return (viewer,)


@app.cell
def _(choice, models, viewer):
    viewer.update(models[choice.value])
    return


@app.cell
def _(choice, mo, models, viewer):
    # Waits for the render of the chosen model, then shows its ECHO output.
    viewer.wait(120)
    _mesh = viewer.mesh
    _text = (_mesh.echo if _mesh is not None and viewer.last_error is None
             else str(viewer.last_error or ""))
    mo.vstack([
        mo.md(f"**{choice.value}**: {_mesh.triangle_count if _mesh is not None else 0} triangles, "
              f"{viewer.render_ms:.0f} ms"),
        mo.plain_text(_text.strip() or "(no echo output)"),
        mo.accordion({"source": mo.plain_text(models[choice.value].read_text())}),
    ])
    return


if __name__ == "__main__":
    app.run()
