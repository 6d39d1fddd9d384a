"""What a model can be, turned into an engine request: SCAD text, a path to a
.scad file (includes resolved relative to it), or a SolidPython2 object."""
from __future__ import annotations

import math
import os
import re
from pathlib import Path
from typing import Any, Mapping, Union

Model = Union[str, "os.PathLike[str]", Any]

_NAME = re.compile(r"^\$?[A-Za-z_][A-Za-z0-9_]*$")


def model_request(model: Model) -> dict[str, str]:
    """The source/file/source_name arguments of Engine.render for `model`."""
    if isinstance(model, os.PathLike):
        return _file_request(os.fspath(model))
    if isinstance(model, str):
        stripped = model.strip()
        if "\n" not in stripped and stripped.lower().endswith(".scad"):
            return _file_request(stripped)
        return {"source": model, "file": "", "source_name": ""}
    as_scad = getattr(model, "as_scad", None)
    if callable(as_scad):  # SolidPython2 (solid2) objects
        return {"source": str(as_scad()), "file": "", "source_name": ""}
    raise TypeError(
        "a model is SCAD text, a path to a .scad file, or a SolidPython2 object; "
        f"got {type(model).__name__}")


def is_scad_text(model: Model) -> bool:
    """True for SCAD text or a path to a .scad file (whose customizer
    annotations the viewer's panel shows), False for a SolidPython object."""
    return isinstance(model, (str, os.PathLike))


def _file_request(path: str) -> dict[str, str]:
    if not os.path.isfile(path):
        raise FileNotFoundError(f"no such .scad file: {path}")
    return {"source": "", "file": str(Path(path).resolve()), "source_name": ""}


def model_text(model: Model) -> str:
    """The SCAD text of `model` (the file's text for a path)."""
    request = model_request(model)
    if request["file"]:
        return Path(request["file"]).read_text(encoding="utf-8", errors="replace")
    return request["source"]


def scad_literal(value: Any, depth: int = 0) -> str:
    """A Python value as an OpenSCAD expression (for `-D name=value`)."""
    if depth > 100:
        raise ValueError("parameter value nested too deeply")
    if hasattr(value, "item") and callable(value.item) and getattr(value, "ndim", 1) == 0:
        value = value.item()  # numpy scalars
    if value is None:
        return "undef"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return "(0/0)"
        if math.isinf(value):
            return "(1/0)" if value > 0 else "(-1/0)"
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return repr(value)
    if isinstance(value, str):
        escaped = (value.replace("\\", "\\\\").replace('"', '\\"')
                   .replace("\n", "\\n").replace("\t", "\\t").replace("\r", "\\r"))
        return f'"{escaped}"'
    if hasattr(value, "tolist"):
        value = value.tolist()
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(scad_literal(v, depth + 1) for v in value) + "]"
    raise TypeError(f"cannot pass a {type(value).__name__} to OpenSCAD")


def defines(params: Mapping[str, Any] | None) -> list[tuple[str, str]]:
    """`params` as the engine's -D overrides, checked names first."""
    out: list[tuple[str, str]] = []
    for name, value in (params or {}).items():
        if not isinstance(name, str) or not _NAME.match(name):
            raise ValueError(f"not an OpenSCAD variable name: {name!r}")
        out.append((name, scad_literal(value)))
    return out
