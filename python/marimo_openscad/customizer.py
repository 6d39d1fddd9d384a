"""customizer(): marimo UI elements from OpenSCAD customizer annotations.

The parser attaches 2021.01's annotations to the main file's top-level
assignments of literal values (`x = 10; // [0:100]`, `/* [Group] */`, a
`// description` line above); `parameters()` returns them and `customizer()`
turns each into a slider, dropdown, checkbox, text field or number input."""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, Mapping, Optional, Sequence

from .native import require
from .models import Model, model_request


@dataclass(frozen=True)
class Parameter:
    """One customizer parameter: its default value, the parsed annotation
    (a number, a string, a list, or {"begin", "step", "end"} for ranges),
    its group ("" when none) and description."""

    name: str
    value: Any
    annotation: Any
    group: str
    description: str
    line: int

    @property
    def hidden(self) -> bool:
        return self.group.strip().lower() == "hidden"

    @property
    def widget(self) -> str:
        """"slider", "dropdown", "checkbox", "text", "vector" or "number"."""
        v, a = self.value, self.annotation
        if isinstance(v, bool):
            return "checkbox"
        if isinstance(a, list) and a and _is_number(v):
            if len(a) == 1 and _is_number(a[0]):
                return "slider"
        if isinstance(a, list) and a and not isinstance(v, list):
            return "dropdown"
        if isinstance(a, dict) and _is_number(v):
            return "slider"
        if isinstance(v, str):
            return "text"
        if isinstance(v, list):
            return "vector"
        return "number"

    def options(self) -> dict[str, Any]:
        """Dropdown choices as label -> value (`[a, b]`, `[10:Small, 20:Big]`)."""
        out: dict[str, Any] = {}
        for entry in self.annotation if isinstance(self.annotation, list) else []:
            if isinstance(entry, list) and len(entry) == 2:
                value, label = entry
            else:
                value, label = entry, entry
            out[_label(label)] = _same_type(value, self.value)
        return out


def _is_number(v: Any) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def _label(v: Any) -> str:
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)


def _same_type(choice: Any, default: Any) -> Any:
    """A dropdown entry typed like the default (numbers stay numbers)."""
    if _is_number(default) and isinstance(choice, str):
        try:
            return float(choice)
        except ValueError:
            return choice
    if isinstance(default, str) and _is_number(choice):
        return _label(choice)
    return choice


def parameters(model: Model, library_paths: Sequence[str] = ()) -> list[Parameter]:
    """The customizer parameters of `model`'s main file, in source order."""
    request = model_request(model)
    raw, _diagnostics = require().parameters(
        source=request["source"], file=request["file"], source_name=request["source_name"],
        library_paths=list(library_paths))
    return [Parameter(name=p["name"], value=p["value"], annotation=p["annotation"],
                      group=p["group"] or "", description=p["description"] or "",
                      line=int(p["line"])) for p in raw]


def panel_parameters(model: Model, library_paths: Sequence[str] = ()) -> Optional[list[dict]]:
    """The parameters in the JSON format of `mos -o x.param` (the list the
    viewer's own customizer panel and the WASM engine's parameters() use;
    src/lang/parameters_json.h), or None when a syntax error stopped the
    parse (the caller keeps the list it had)."""
    request = model_request(model)
    raw, diagnostics = require().parameters(
        source=request["source"], file=request["file"], source_name=request["source_name"],
        library_paths=list(library_paths))
    if any(d.severity == "error" for d in diagnostics) and not raw:
        return None
    out: list[dict] = []
    for p in raw:
        kind = _json_type(p["value"])
        if kind is None:  # not a literal: the CLI's list leaves it out too
            continue
        entry: dict = {"name": p["name"], "type": kind, "initial": p["value"],
                       "caption": p["description"] or "", "group": p["group"] or "",
                       "line": int(p["line"])}
        entry.update(_json_widget(p["annotation"]))
        out.append(entry)
    return out


def _json_type(value: Any) -> Optional[str]:
    if isinstance(value, bool):
        return "boolean"
    if _is_number(value):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "vector"
    return None


def _json_text(value: Any) -> str:
    """A literal as the CLI's JSON writes it (numbers as %.17g)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if _is_number(value):
        return "%.17g" % value if value == value and abs(value) != float("inf") else "null"
    if value is None:
        return "null"
    if isinstance(value, list):
        return "[" + ", ".join(_json_text(v) for v in value) + "]"
    return str(value)


def _json_widget(annotation: Any) -> dict:
    """min/max/step or options from the `// [...]` annotation, as the CLI's
    writer turns it (parameters_json.cpp)."""
    a = annotation
    if isinstance(a, dict):  # a range [a:b] or [a:s:b]
        out = {"min": a.get("begin"), "max": a.get("end")}
        if a.get("step") is not None:
            out["step"] = a["step"]
        return out
    if isinstance(a, list):
        if not a:
            return {}
        if len(a) == 1 and _is_number(a[0]):
            return {"min": 0, "max": a[0]}
        options = []
        for item in a:
            if isinstance(item, list) and len(item) == 2:  # [value:label]
                value, label = item
            else:
                value, label = item, item
            name = label if isinstance(label, str) or label is None else _json_text(label)
            options.append({"name": name, "value": value})
        return {"options": options}
    if _is_number(a):
        return {"step": a}
    return {}


def _element(p: Parameter) -> Any:
    import marimo as mo

    label = p.description or p.name
    kind = p.widget
    if kind == "checkbox":
        return mo.ui.checkbox(value=bool(p.value), label=label)
    if kind == "slider":
        a = p.annotation
        if isinstance(a, list):
            start, stop, step = 0.0, float(a[0]), None
        else:
            start, stop = float(a["begin"]), float(a["end"])
            step = float(a["step"]) if a.get("step") is not None else None
        if step is None:  # 2021.01: integer bounds step by 1, others by 0.1-ish
            step = 1.0 if start.is_integer() and stop.is_integer() else (stop - start) / 100.0
        value = min(max(float(p.value), start), stop)
        return mo.ui.slider(start=start, stop=stop, step=step, value=value, label=label,
                            show_value=True)
    if kind == "dropdown":
        options = p.options()
        current = next((k for k, v in options.items() if v == p.value), None)
        return mo.ui.dropdown(options=options, value=current, label=label)
    if kind == "text":
        return mo.ui.text(value=p.value, label=label)
    if kind == "vector":
        return mo.ui.array([_vector_entry(v) for v in p.value], label=label)
    return mo.ui.number(value=float(p.value) if _is_number(p.value) else 0.0, label=label,
                        step=float(p.annotation) if _is_number(p.annotation) else None)


def _vector_entry(v: Any) -> Any:
    import marimo as mo

    if isinstance(v, bool):
        return mo.ui.checkbox(value=v)
    if isinstance(v, str):
        return mo.ui.text(value=v)
    return mo.ui.number(value=float(v) if _is_number(v) else 0.0)


def customizer(model: Model, library_paths: Sequence[str] = (),
               include_hidden: bool = False,
               values: Optional[Mapping[str, Any]] = None) -> Any:
    """A marimo element (``mo.ui.batch``) with one control per customizer
    parameter, laid out under its ``/* [Group] */`` heading
    (``/* [Hidden] */`` ones and ``$`` variables left out). Its ``.value`` is
    a dict of name -> value to pass as a viewer's or render()'s ``params``;
    ``element["name"]`` is one control. ``values`` (e.g. a parameter set,
    see ``parameter_set()``) replaces the defaults the controls start at."""
    import marimo as mo

    start = dict(values or {})
    shown = [replace(p, value=start[p.name]) if p.name in start else p
             for p in parameters(model, library_paths)
             if (include_hidden or not p.hidden) and not p.name.startswith("$")]
    elements = {p.name: _element(p) for p in shown}
    lines: list[str] = []
    group: Optional[str] = None
    for p in shown:
        if p.group != group:
            group = p.group
            if group.strip():
                lines.append(f"**{group.strip()}**\n")
        lines.append("{" + p.name + "}\n")
    return mo.ui.batch(mo.md("\n".join(lines)), elements)


def customizer_groups(model: Model, library_paths: Sequence[str] = ()) -> dict[str, list[str]]:
    """Group name -> parameter names, in source order ("" for ungrouped)."""
    groups: dict[str, list[str]] = {}
    for p in parameters(model, library_paths):
        groups.setdefault(p.group, []).append(p.name)
    return groups
