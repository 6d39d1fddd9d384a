"""render() and export(): the process-wide engine, called without the GIL."""
from __future__ import annotations

import threading
from contextlib import contextmanager
from typing import Any, Iterator, Mapping, Optional, Sequence

from .native import _mos, require
from .errors import ScadError
from .mesh import Mesh
from .models import Model, defines, model_request

_engine: Optional[_mos.Engine] = None
_engine_lock = threading.Lock()


def shared_engine() -> _mos.Engine:
    """The one Engine of the process: its parse and geometry caches serve
    every render and every viewer."""
    global _engine
    with _engine_lock:
        if _engine is None:
            _engine = require().Engine()
        return _engine


@contextmanager
def _deadline(timeout: float, cancel: Optional[_mos.CancelToken]) -> Iterator[Optional[_mos.CancelToken]]:
    """A cancel token a timer sets after `timeout` seconds (0: none); the
    timer is joined on exit, so no thread outlives the render."""
    timer = None
    if timeout > 0:
        if cancel is None:
            cancel = require().CancelToken()
        timer = threading.Timer(timeout, cancel.cancel)
        timer.daemon = True
        timer.start()
    try:
        yield cancel
    finally:
        if timer is not None:
            timer.cancel()
            timer.join()


def render_result(model: Model, params: Mapping[str, Any] | None = None, *,
                  library_paths: Sequence[str] = (), timeout: float = 0.0,
                  cancel: Optional[_mos.CancelToken] = None) -> Any:
    """The engine's raw RenderResult (no exception on a failed render).
    `timeout` (seconds, 0 = none) bounds the whole render: the engine stops
    evaluation itself, and a timer cancels the geometry stage."""
    request = model_request(model)
    with _deadline(timeout, cancel) as token:
        return shared_engine().render(
            source=request["source"], file=request["file"], source_name=request["source_name"],
            defines=defines(params), library_paths=list(library_paths),
            timeout=float(timeout), geometry=True, cancel=token)


def render_preview_result(model: Model, params: Mapping[str, Any] | None = None, *,
                          library_paths: Sequence[str] = (), timeout: float = 0.0,
                          cancel: Optional[_mos.CancelToken] = None) -> tuple[Any, list]:
    """As render_result, in preview (`$preview` true), with the results of
    the `%` / `#` subtrees: (RenderResult, [(modifier, RenderResult)])."""
    from .preview import render_preview
    request = model_request(model)
    with _deadline(timeout, cancel) as token:
        return render_preview(shared_engine(), request, defines(params),
                              library_paths=library_paths, timeout=timeout, cancel=token)


def check(result: Any, cancel: Optional[_mos.CancelToken] = None,
          timeout: float = 0.0) -> ScadError | None:
    """The ScadError for a failed or cancelled result, else None."""
    cancelled = cancel is not None and cancel.cancelled
    if result.ok and not cancelled:
        return None
    err = ScadError.from_result(result)
    if cancelled and not err.errors:  # stopped between stages: say why
        reason = f"render timed out after {timeout:g} s" if timeout > 0 else "render cancelled"
        err = ScadError(reason, err.diagnostics, err.echo)
    return err


def render(model: Model, params: Mapping[str, Any] | None = None, *,
           library_paths: Sequence[str] = (), timeout: float = 0.0,
           cancel: Optional[_mos.CancelToken] = None, preview: bool = False) -> Mesh:
    """Renders `model` (SCAD text, a .scad path, or a SolidPython2 object)
    with `params` overriding its top-level variables (as `openscad -D`).
    `preview=True` renders as OpenSCAD's F5 does: `$preview` true, and the
    `%` / `#` subtrees appended as translucent parts (grey / pink); the
    measures stay those of the model. Raises ScadError when the render
    fails, is cancelled or times out."""
    if timeout > 0 and cancel is None:
        cancel = require().CancelToken()
    ghosts: list = []
    if preview:
        result, ghosts = render_preview_result(model, params, library_paths=library_paths,
                                               timeout=timeout, cancel=cancel)
    else:
        result = render_result(model, params, library_paths=library_paths,
                               timeout=timeout, cancel=cancel)
    err = check(result, cancel, timeout)
    if err is not None:
        raise err
    mesh = Mesh.from_result(result)
    if ghosts:
        from .preview import with_ghosts
        mesh = with_ghosts(mesh, ghosts)
    return mesh


def export(model: Model, path: str, params: Mapping[str, Any] | None = None, *,
           format: str = "", library_paths: Sequence[str] = (),
           timeout: float = 0.0) -> str:
    """Renders `model` and writes it to `path`, the format chosen by the
    extension (.stl, .off) unless `format` is given. Returns `path`."""
    return render(model, params, library_paths=library_paths,
                  timeout=timeout).export(str(path), format)
