"""The native engine extension (`_mos`), where this platform has it.

A kernel without it (Pyodide, a wheel built without the extension) still
imports the package: the viewer then renders in the browser's WebAssembly
worker (renderer "auto" or "wasm"), and render()/export()/customizer()
raise NativeEngineMissing. MARIMO_OPENSCAD_NO_NATIVE=1 makes this import
fail on purpose, so that path can be tested on a machine that has `_mos`."""
from __future__ import annotations

import os
from typing import Any, Optional

NO_NATIVE_ENV = "MARIMO_OPENSCAD_NO_NATIVE"


class NativeEngineMissing(ImportError):
    """The native engine extension is not available in this kernel."""


_mos: Any
IMPORT_ERROR: Optional[BaseException]
try:
    if os.environ.get(NO_NATIVE_ENV, "") not in ("", "0"):
        raise ImportError(f"{NO_NATIVE_ENV} is set")
    from . import _mos  # noqa: F811
    IMPORT_ERROR = None
except ImportError as err:  # no extension for this platform, or disabled
    _mos = None
    IMPORT_ERROR = err


def available() -> bool:
    """True when the native engine extension was imported."""
    return _mos is not None


def require() -> Any:
    """The `_mos` extension module, or NativeEngineMissing saying why not."""
    if _mos is None:
        raise NativeEngineMissing(
            "marimo_openscad: the native engine extension is not available here "
            f"({IMPORT_ERROR}); openscad_viewer() still renders in the browser "
            "(renderer='wasm'), but render(), export() and customizer() need it")
    return _mos
