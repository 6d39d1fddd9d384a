"""Customizer parameter sets in OpenSCAD 2021.01's JSON format.

    {"parameterSets": {"small": {"width": "4", "round": "true"}},
     "fileFormatVersion": "1"}

Values are stored as text. Reading them for a model converts each to the type
of the parameter's default as 2021.01 does (`openscad -p f.json -P name`):
numbers parse as decimals (an unreadable number keeps the default), booleans
accept true/false/1/0 (anything else fails the whole set), strings stay text,
vectors are read element by element; names that are not parameters of the
model are dropped."""
from __future__ import annotations

import json
import math
import os
from pathlib import Path
from typing import Any, Mapping, Optional, Sequence, Union

from .customizer import parameters
from .models import Model

PathLike = Union[str, "os.PathLike[str]"]


def load_parameter_sets(path: PathLike, model: Optional[Model] = None,
                        library_paths: Sequence[str] = ()) -> dict[str, dict[str, Any]]:
    """The sets of a 2021.01 parameter file, name -> {parameter: value}.
    Without `model` the values are as stored (text); with it they are typed
    like the model's parameters (see the module doc). Raises ValueError for a
    file that is not a parameter file, or a set a boolean cannot be read in."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    sets = data.get("parameterSets") if isinstance(data, dict) else None
    if not isinstance(sets, dict):
        raise ValueError(f"{path}: no \"parameterSets\" object (not an OpenSCAD parameter file)")
    raw = {str(name): dict(values) for name, values in sets.items() if isinstance(values, dict)}
    if model is None:
        return raw
    defaults = {p.name: p.value for p in parameters(model, library_paths)}
    return {name: apply_types(values, defaults, name) for name, values in raw.items()}


def parameter_set(path: PathLike, name: str, model: Model,
                  library_paths: Sequence[str] = ()) -> dict[str, Any]:
    """One set of the file, typed for `model` (KeyError if there is none)."""
    sets = load_parameter_sets(path, model, library_paths)
    if name not in sets:
        raise KeyError(f"{path}: no parameter set named {name!r} (have: {', '.join(sets)})")
    return sets[name]


def save_parameter_set(path: PathLike, name: str, values: Mapping[str, Any]) -> None:
    """Adds or replaces the set `name` in the parameter file `path` (made if
    missing), the values written as text as 2021.01 writes them."""
    file = Path(path)
    data: dict[str, Any] = {"parameterSets": {}, "fileFormatVersion": "1"}
    if file.exists():
        data = json.loads(file.read_text(encoding="utf-8"))
        if not isinstance(data.get("parameterSets"), dict):
            raise ValueError(f"{path}: not an OpenSCAD parameter file")
    data["parameterSets"][name] = {k: value_text(v) for k, v in values.items()}
    data.setdefault("fileFormatVersion", "1")
    file.write_text(json.dumps(data, indent=4) + "\n", encoding="utf-8")


def value_text(value: Any) -> str:
    """A parameter value as the text a parameter file stores."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return _number_text(float(value))
    if isinstance(value, str):
        return value
    if hasattr(value, "tolist"):
        value = value.tolist()
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_element_text(v) for v in value) + "]"
    raise TypeError(f"cannot store a {type(value).__name__} in a parameter set")


def _number_text(x: float) -> str:
    if math.isfinite(x) and x.is_integer() and abs(x) < 1e15:
        return str(int(x))
    return repr(x)


def _element_text(v: Any) -> str:
    if isinstance(v, str):
        return json.dumps(v)
    return value_text(v)


def apply_types(values: Mapping[str, Any], defaults: Mapping[str, Any],
                set_name: str = "") -> dict[str, Any]:
    """Stored values typed like `defaults`; unknown names and unreadable
    numbers or vectors are left out (the default stays)."""
    out: dict[str, Any] = {}
    for name, stored in values.items():
        if name not in defaults:
            continue
        default = defaults[name]
        if isinstance(default, bool):
            out[name] = _boolean(stored, name, set_name)
        elif isinstance(default, (int, float)):
            number = _number(stored)
            if number is not None:
                out[name] = number
        elif isinstance(default, str):
            out[name] = value_text(stored) if not isinstance(stored, str) else stored
        elif isinstance(default, list):
            vector = _vector(stored)
            if vector is not None:
                out[name] = vector
    return out


def _boolean(stored: Any, name: str, set_name: str) -> bool:
    if isinstance(stored, bool):
        return stored
    text = str(stored).strip()
    if text in ("true", "1"):
        return True
    if text in ("false", "0"):
        return False
    raise ValueError(f"cannot apply parameter set {set_name!r}: {name} = {stored!r} is not a boolean")


def _number(stored: Any) -> Optional[float]:
    if isinstance(stored, bool):
        return None
    if isinstance(stored, (int, float)):
        return float(stored)
    try:
        return float(str(stored).strip())
    except ValueError:
        return None


def _vector(stored: Any) -> Optional[list[Any]]:
    if isinstance(stored, list):
        return list(stored)
    text = str(stored).strip()
    if not (text.startswith("[") and text.endswith("]")):
        return None
    inner = text[1:-1].strip()
    if not inner:
        return []
    out: list[Any] = []
    for part in inner.split(","):
        part = part.strip()
        if len(part) >= 2 and part[0] == part[-1] == '"':
            out.append(part[1:-1])
            continue
        number = _number(part)
        out.append(number if number is not None else part)
    return out
