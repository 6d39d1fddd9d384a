"""The mesh in the viewer's wire format (viewer/README.md, "Traits").

Fewer bytes is less time on marimo's websocket (which carries binary traits
as base64 inside JSON) and less work in the browser:

- positions: float32 x y z per vertex (the engine's indexed vertices, no copy
  beyond ``tobytes``);
- indices: uint16 when every vertex index fits, else uint32 (``index_bytes``);
- triangles sorted by part (stable), so a part is a range: ``part_counts``
  holds one uint32 triangle count per palette entry instead of a part id per
  triangle; palette entries of the same colour are merged first.
"""
from __future__ import annotations

from typing import Any

import numpy as np

from .mesh import Mesh

DEFAULT_RGBA = np.array([[249, 215, 44, 255]], dtype=np.uint8)  # OpenSCAD's yellow


def wire_mesh(mesh: Mesh) -> dict[str, Any]:
    """Trait values for `mesh`: positions, indices, index_bytes, palette,
    part_counts (bytes, little-endian)."""
    positions = np.ascontiguousarray(mesh.positions, dtype="<f4").reshape(-1, 3)
    indices = np.asarray(mesh.indices).reshape(-1, 3)
    triangles = len(indices)
    if triangles == 0 or len(positions) == 0:
        return {"positions": b"", "indices": b"", "index_bytes": 4,
                "palette": b"", "part_counts": b""}
    palette = np.asarray(mesh.palette, dtype=np.uint8).reshape(-1, 4)
    part_ids = np.asarray(mesh.part_ids).reshape(-1)
    if len(palette) == 0 or len(part_ids) != triangles:
        palette, part_ids = DEFAULT_RGBA, np.zeros(triangles, dtype=np.uint32)
    if len(palette) > 1:
        # One entry per distinct colour (the engine may repeat a colour).
        palette, remap = np.unique(palette, axis=0, return_inverse=True)
        part_ids = remap.reshape(-1)[part_ids]
    counts = np.bincount(part_ids, minlength=len(palette)).astype("<u4")
    if len(palette) > 1 and np.count_nonzero(counts) > 1:
        indices = indices[np.argsort(part_ids, kind="stable")]
    index_type = "<u2" if len(positions) <= 0xFFFF else "<u4"
    return {
        "positions": positions.tobytes(),
        "indices": np.ascontiguousarray(indices, dtype=index_type).tobytes(),
        "index_bytes": 2 if index_type == "<u2" else 4,
        "palette": np.ascontiguousarray(palette, dtype=np.uint8).tobytes(),
        "part_counts": counts.tobytes(),
    }


def read_wire_mesh(traits: dict[str, Any]) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """The arrays back from trait values: positions (n, 3) float32, indices
    (m, 3) uint32, palette (p, 4) uint8, part id per triangle (m,) uint32.
    For tests and for anyone reading the widget's state."""
    positions = np.frombuffer(traits["positions"], dtype="<f4").reshape(-1, 3)
    itype = "<u2" if traits["index_bytes"] == 2 else "<u4"
    indices = np.frombuffer(traits["indices"], dtype=itype).reshape(-1, 3).astype(np.uint32)
    palette = np.frombuffer(traits["palette"], dtype=np.uint8).reshape(-1, 4)
    counts = np.frombuffer(traits["part_counts"], dtype="<u4")
    part_ids = np.repeat(np.arange(len(counts), dtype=np.uint32), counts)
    return positions, indices, palette, part_ids
