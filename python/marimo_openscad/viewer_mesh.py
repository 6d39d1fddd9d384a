"""The viewer worker's result as a Mesh, for a kernel without the native
engine (Pyodide): the viewer sends each result it draws as a custom message
{"type": "mesh", "edit" | "rev", "ok", measures} with four buffers, the
worker's arrays (viewer/src/worker-renderer.ts, sendMesh): float32 xyz
positions, uint32 triangle indices, a uint32 part id per triangle, RGBA8
palette entries. Anything malformed is refused (None), never half taken."""
from __future__ import annotations

import math
from typing import Any, Optional, Sequence, Union

import numpy as np

from .errors import ScadError
from .mesh import Mesh

KINDS = ("3d", "2d", "empty")


def _number(value: Any) -> Optional[float]:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    value = float(value)
    return value if math.isfinite(value) else None


def _point(value: Any) -> Optional[tuple[float, float, float]]:
    if not isinstance(value, (list, tuple)) or len(value) != 3:
        return None
    xyz = [_number(v) for v in value]
    if any(v is None for v in xyz):
        return None
    return (xyz[0], xyz[1], xyz[2])  # type: ignore[return-value]


def mesh_from_message(content: dict, buffers: Sequence[Any]) -> Optional[Union[Mesh, ScadError]]:
    """The Mesh (or the ScadError of a failed render) the message carries;
    None when it is malformed."""
    if content.get("ok") is not True:
        return ScadError(str(content.get("message") or "the viewer's render failed"))
    if buffers is None or len(buffers) != 4:
        return None
    pos, idx, part, pal = (bytes(b) for b in buffers)
    if len(pos) % 12 or len(idx) % 12 or len(part) % 4 or len(pal) % 4:
        return None
    positions = np.frombuffer(pos, dtype="<f4").reshape(-1, 3)
    indices = np.frombuffer(idx, dtype="<u4").reshape(-1, 3)
    part_ids = np.frombuffer(part, dtype="<u4")
    palette = np.frombuffer(pal, dtype=np.uint8).reshape(-1, 4)
    if len(part_ids) != len(indices) or not np.isfinite(positions).all():
        return None
    if len(indices) and int(indices.max()) >= len(positions):
        return None
    if len(part_ids) and len(palette) and int(part_ids.max()) >= len(palette):
        return None
    kind, volume, area = content.get("kind"), _number(content.get("volume")), _number(content.get("area"))
    bbox_min, bbox_max = _point(content.get("bbox_min")), _point(content.get("bbox_max"))
    if kind not in KINDS or volume is None or area is None or bbox_min is None or bbox_max is None:
        return None
    engine_ms = _number(content.get("engine_ms"))
    return Mesh(positions=positions, indices=indices, part_ids=part_ids, palette=palette,
                kind=str(kind), volume=volume, area=area, bbox_min=bbox_min, bbox_max=bbox_max,
                echo=str(content.get("echo") or ""),
                stats={"viewer_engine_ms": engine_ms} if engine_ms is not None else {})
