"""marimo-openscad: OpenSCAD (2021.01 compatible) models in Python and marimo.

    from marimo_openscad import render, export, openscad_viewer, customizer
    mesh = render("cube(10);")          # numpy arrays + volume/area/bbox
    export("sphere(5);", "ball.stl")
    viewer = openscad_viewer("size = 10; cube(size);", params={"size": 20})
"""
from __future__ import annotations

from . import native
from .customizer import Parameter, customizer, parameters
from .engine import export, render, shared_engine
from .errors import ScadError
from .mesh import Mesh
from .parameter_sets import load_parameter_sets, parameter_set, save_parameter_set

__version__ = "0.1.0"

if native.available():
    from ._mos import CancelToken, Diagnostic
else:  # e.g. Pyodide: the viewer renders in the browser (native.py)
    def __getattr__(name: str):  # type: ignore[no-untyped-def]
        if name in ("CancelToken", "Diagnostic"):
            native.require()
        raise AttributeError(f"module 'marimo_openscad' has no attribute {name!r}")


def openscad_viewer(model, params=None, **options):  # type: ignore[no-untyped-def]
    """A 3D viewer widget (anywidget) of `model`; see viewer.openscad_viewer."""
    from .viewer import openscad_viewer as make

    return make(model, params, **options)


__all__ = [
    "CancelToken", "Diagnostic", "Mesh", "Parameter", "ScadError", "customizer",
    "export", "load_parameter_sets", "openscad_viewer", "parameter_set", "parameters",
    "render", "save_parameter_set", "shared_engine",
]
