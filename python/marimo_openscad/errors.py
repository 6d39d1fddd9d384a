"""ScadError: a render that failed, with the engine's diagnostics."""
from __future__ import annotations

from typing import Any, Sequence


class ScadError(Exception):
    """The model did not render: a syntax error, an evaluation error, a
    cancelled or timed-out render. ``diagnostics`` holds every message the
    engine reported (``severity``, ``message``, ``file``, ``line``,
    ``column``); ``str()`` gives them as ``file:line:col: error: message``."""

    def __init__(self, message: str, diagnostics: Sequence[Any] = (), echo: str = "") -> None:
        super().__init__(message)
        self.diagnostics = list(diagnostics)
        self.echo = echo
        first = self.errors[0] if self.errors else None
        self.line: int = first.line if first is not None else 0
        self.column: int = first.column if first is not None else 0
        self.file: str = first.file if first is not None else ""

    @property
    def errors(self) -> list[Any]:
        return [d for d in self.diagnostics if d.severity == "error"]

    @classmethod
    def from_result(cls, result: Any) -> "ScadError":
        diagnostics = list(result.diagnostics)
        errors = [d for d in diagnostics if d.severity == "error"]
        if errors:
            message = "\n".join(str(d) for d in errors)
        elif not result.parsed:
            message = "the model could not be parsed"
        else:
            message = "the render stopped"
        return cls(message, diagnostics, result.echo)
