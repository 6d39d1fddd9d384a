"""Preview mode, as OpenSCAD's F5 shows a model: `$preview` is true, `%`
(background) subtrees are drawn as transparent grey ghosts that take no part
in the model, `#` (highlight) subtrees are drawn once more in transparent
pink over the model they are part of.

The engine renders the model with `$preview` true (RenderRequest's
previewSemantics) and its .csg dump, where 2021.01 marks those subtrees with
`%` / `#` at the start of their line. Each marked subtree is cut from the
dump, wrapped in the `multmatrix` nodes above it (so it sits where it was),
and rendered on its own; the ghosts are appended to the mesh as parts with
their own translucent palette entries (the viewer draws parts with alpha < 255
transparent)."""
from __future__ import annotations

from dataclasses import replace
from typing import Any, Optional, Sequence

import numpy as np

from .native import _mos
from .mesh import Mesh

BACKGROUND_RGBA = (180, 180, 180, 80)   # `%`
HIGHLIGHT_RGBA = (255, 81, 81, 128)     # `#`
MAX_GHOSTS = 64  # more marked subtrees than this are not drawn


def _strip_modifier(line: str) -> tuple[str, str]:
    if line[:1] in ("%", "#"):
        return line[:1], line[1:].strip()
    return "", line.strip()


def marked_subtrees(csg: str) -> list[tuple[str, str]]:
    """(modifier, SCAD source) of each outermost `%` / `#` subtree of a .csg
    dump, wrapped in the multmatrix nodes above it; marks inside a marked
    subtree are dropped (it is drawn as a whole)."""
    lines = csg.split("\n")
    out: list[tuple[str, str]] = []
    open_nodes: list[str] = []
    i = 0
    while i < len(lines):
        mark, text = _strip_modifier(lines[i])
        i += 1
        if not text:
            continue
        if text == "}":
            if open_nodes:
                open_nodes.pop()
            continue
        if not mark:
            if text.endswith("{"):
                open_nodes.append(text)
            continue
        subtree = [text]
        depth = 1 if text.endswith("{") else 0
        while depth > 0 and i < len(lines):
            _, inner = _strip_modifier(lines[i])
            i += 1
            if not inner:
                continue
            subtree.append(inner)
            if inner == "}":
                depth -= 1
            elif inner.endswith("{"):
                depth += 1
        wrappers = [h[:-1].rstrip() for h in open_nodes if h.startswith("multmatrix(")]
        body = "\n".join(subtree)
        source = (" ".join(wrappers) + " {\n" + body + "\n}\n") if wrappers else body + "\n"
        out.append((mark, source))
    return out


def render_preview(engine: Any, request: dict, defines: list, *,
                   library_paths: Sequence[str] = (), timeout: float = 0.0,
                   cancel: Optional[_mos.CancelToken] = None) -> tuple[Any, list[tuple[str, Any]]]:
    """The engine's result of the model in preview and the results of its
    marked subtrees, as (modifier, RenderResult)."""
    main = engine.render(source=request["source"], file=request["file"],
                         source_name=request["source_name"], defines=defines,
                         library_paths=list(library_paths), timeout=float(timeout),
                         geometry=True, csg=True, cancel=cancel, preview=True)
    ghosts: list[tuple[str, Any]] = []
    if not main.ok:
        return main, ghosts
    # Relative import()/surface() paths of a file model resolve beside it.
    name = request["file"] or request["source_name"]
    for mark, source in marked_subtrees(main.csg)[:MAX_GHOSTS]:
        if cancel is not None and cancel.cancelled:
            break
        part = engine.render(source=source, source_name=name, library_paths=list(library_paths),
                             timeout=float(timeout), geometry=True, cancel=cancel)
        if part.ok and part.triangles > 0:
            ghosts.append((mark, part))
    return main, ghosts


def with_ghosts(mesh: Mesh, ghosts: list[tuple[str, Any]]) -> Mesh:
    """`mesh` with the ghosts appended, one translucent part each. Measures,
    echo and export stay those of the model itself."""
    if not ghosts:
        return mesh
    positions = [np.asarray(mesh.positions, dtype=np.float32).reshape(-1, 3)]
    indices = [np.asarray(mesh.indices, dtype=np.uint32).reshape(-1, 3)]
    part_ids = [np.asarray(mesh.part_ids, dtype=np.uint32).reshape(-1)]
    palette = [np.asarray(mesh.palette, dtype=np.uint8).reshape(-1, 4)]
    if len(indices[0]) and not len(palette[0]):
        # No palette means one part in the default colour: make it explicit.
        palette = [np.array([[249, 215, 44, 255]], dtype=np.uint8)]
    vertex_base = len(positions[0])
    for mark, part in ghosts:
        pos = np.asarray(part.positions, dtype=np.float32).reshape(-1, 3)
        idx = np.asarray(part.indices, dtype=np.uint32).reshape(-1, 3)
        part_index = sum(len(p) for p in palette)
        positions.append(pos)
        indices.append(idx + np.uint32(vertex_base))
        part_ids.append(np.full(len(idx), part_index, dtype=np.uint32))
        palette.append(np.array([BACKGROUND_RGBA if mark == "%" else HIGHLIGHT_RGBA], dtype=np.uint8))
        vertex_base += len(pos)
    return replace(mesh, positions=np.concatenate(positions), indices=np.concatenate(indices),
                   part_ids=np.concatenate(part_ids), palette=np.concatenate(palette))
