"""Mesh: the rendered solid as numpy arrays, with its measures and messages."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np


@dataclass(frozen=True, eq=False)
class Mesh:
    """A rendered model.

    ``positions`` (n, 3) float32, ``indices`` (m, 3) uint32 counter-clockwise
    from outside, ``part_ids`` (m,) uint32 into ``palette`` (p, 4) RGBA uint8;
    ``colors`` gives one RGBA row per triangle. Measures come from the
    double-precision result. The arrays are read-only views into the engine's
    result (no copy)."""

    positions: np.ndarray
    indices: np.ndarray
    part_ids: np.ndarray
    palette: np.ndarray
    kind: str  # "3d", "2d" or "empty"
    volume: float
    area: float
    bbox_min: tuple[float, float, float]
    bbox_max: tuple[float, float, float]
    echo: str
    diagnostics: list[Any] = field(default_factory=list)
    stats: dict[str, float] = field(default_factory=dict)
    _result: Any = field(default=None, repr=False, compare=False)

    def __repr__(self) -> str:
        return (f"Mesh({self.kind}, {self.triangle_count} triangles, volume={self.volume:g}, "
                f"area={self.area:g}, bbox={self.bbox_min}..{self.bbox_max})")

    @property
    def colors(self) -> np.ndarray:
        """RGBA uint8 per triangle (the palette entry of its part)."""
        if len(self.palette) == 0:
            return np.zeros((0, 4), dtype=np.uint8)
        return self.palette[self.part_ids]

    @property
    def bbox(self) -> tuple[tuple[float, float, float], tuple[float, float, float]]:
        return self.bbox_min, self.bbox_max

    @property
    def triangle_count(self) -> int:
        return int(self.indices.shape[0])

    @property
    def warnings(self) -> list[Any]:
        return [d for d in self.diagnostics if d.severity in ("warning", "deprecated")]

    @property
    def render_seconds(self) -> float:
        return float(sum(self.stats.get(k, 0.0) for k in
                         ("parse_seconds", "eval_seconds", "geometry_seconds")))

    def export(self, path: str, format: str = "") -> str:
        """Writes the solid to `path` (format from the extension: .stl, .off;
        or `format` "stl", "binstl", "off"). Returns `path`."""
        from .errors import ScadError
        if self._result is None:  # sent by the viewer (no native engine here)
            raise ScadError("export needs the native engine; the viewer's export buttons "
                            "write this mesh in the browser", self.diagnostics, self.echo)
        problem = self._result.export(str(path), format)
        if problem:
            raise ScadError(f"export to {path}: {problem}", self.diagnostics, self.echo)
        return str(path)

    @classmethod
    def from_result(cls, result: Any) -> "Mesh":
        return cls(
            positions=result.positions, indices=result.indices,
            part_ids=result.part_ids, palette=result.palette,
            kind=result.kind, volume=result.volume, area=result.area,
            bbox_min=result.bbox_min, bbox_max=result.bbox_max,
            echo=result.echo, diagnostics=list(result.diagnostics),
            stats=dict(result.stats), _result=result)
