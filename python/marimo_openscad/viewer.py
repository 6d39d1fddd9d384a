"""openscad_viewer(): the anywidget widget showing a model in 3D.

The mesh travels as binary buffers (traitlets Bytes: float32 positions,
uint16/uint32 indices, an RGBA8 palette and triangle counts per part;
wire.py, viewer/README.md). Setting `params`, `model` or (with animation)
`t` re-renders on a worker thread; the same widget is updated in place.
Messages from the viewer (Retry, exports) carry the viewer's request id and
every reply names it, so the viewer can time out a lost request and ignore
a stale reply.

Renderers (`renderer=`): "native" renders everything here; "wasm" renders
everything in the viewer's WebAssembly worker (Python sends the SCAD source
and params, and the engine files once: engine_assets.py); "auto" renders
Python-side changes here and in-viewer edits in the worker, or everything in
the worker where the native extension is missing (native.py).

Params protocol (viewer/README.md): `params` is the one owner of parameter
values and `state_rev` counts every change of what to render (model, params,
t, preview), whoever made it. The viewer's applyParamsFromViewer renders in
its worker at once, draws, then writes `viewer_edit` = {params, edit (its
edit number), base (the state_rev it rendered against)}. Python takes such
a change in arrival order: it sets `params` and `params_edit`, gives it a
new state_rev and, when the viewer rendered against the current model, $t
and preview, does not render it again (`render_by` "edit"); a Python-side
change later gets a newer state_rev and is rendered by its renderer, and the
viewer drops older results by revision.

`mesh` and `last_error` describe the current state: after a state the viewer
drew itself (render_by "edit" or "worker") the first read renders it here
with the native engine (_catch_up, which says why it is not sent back from
the viewer); without the native extension the viewer sends its worker's
result instead (`mesh_from_viewer`, viewer_mesh.py)."""
from __future__ import annotations

import os
import tempfile
import threading
import time
from pathlib import Path
from typing import Any, Mapping, Optional, Sequence

import anywidget
import traitlets

from . import engine_assets, native
from .engine import render_preview_result, render_result
from .errors import ScadError
from .mesh import Mesh
from .customizer import panel_parameters
from .models import Model, is_scad_text, model_request, model_text
from .preview import with_ghosts
from .viewer_mesh import mesh_from_message
from .wire import wire_mesh

# Viewer export buttons -> (engine export format, file extension).
EXPORT_FORMATS = {"stl": ("binstl", "stl"), "off": ("off", "off"), "3mf": ("3mf", "3mf")}
RENDERERS = ("auto", "native", "wasm")
# The `panel` option -> the `panel` trait (viewer/README.md).
_PANEL = {None: "closed", True: "open", False: "off"}

_STATIC = Path(__file__).parent / "static"


def _static(name: str) -> Any:
    path = _STATIC / name
    if not path.exists():
        raise RuntimeError(
            f"marimo_openscad: the viewer bundle {path} is missing; install the "
            "package with `pip install .` (needs node and npm) or run scripts/build_viewer.sh")
    return path


class OpenScadViewer(anywidget.AnyWidget):
    _esm = _static("viewer.js")
    _css = _static("viewer.css")

    # Synced with the viewer (viewer/README.md).
    positions = traitlets.Bytes(b"").tag(sync=True)
    indices = traitlets.Bytes(b"").tag(sync=True)
    index_bytes = traitlets.Int(4).tag(sync=True)
    palette = traitlets.Bytes(b"").tag(sync=True)
    part_counts = traitlets.Bytes(b"").tag(sync=True)
    error = traitlets.Dict(default_value=None, allow_none=True).tag(sync=True)
    loading = traitlets.Bool(False).tag(sync=True)
    render_ms = traitlets.Float(0.0).tag(sync=True)
    anim_steps = traitlets.Int(0).tag(sync=True)
    anim_fps = traitlets.Float(10.0).tag(sync=True)
    t = traitlets.Float(0.0).tag(sync=True)
    # Seconds the viewer waits for a reply to its requests (Retry, export)
    # and, beyond `timeout`, for a render to end, before it says so.
    request_timeout = traitlets.Float(30.0).tag(sync=True)
    render_timeout = traitlets.Float(120.0).tag(sync=True)
    # Timestamps (ms since the epoch) of the mesh shown, for bench/: when the
    # change reached Python, when its render started, and when the mesh was
    # handed to the widget; plus the request id and engine time.
    render_info = traitlets.Dict().tag(sync=True)

    # Preview as OpenSCAD's F5, with `%` ghosts and `#` highlights; the
    # viewer's Preview button writes it.
    preview = traitlets.Bool(False).tag(sync=True)
    # Python only: what to render.
    model = traitlets.Any()
    # Parameter values (JSON values); written by Python, or from the viewer's
    # applyParamsFromViewer through `viewer_edit`.
    params = traitlets.Dict().tag(sync=True, to_json=lambda v, _w: _json_value(v))
    # The effective renderer: "native", "auto" (native here, in-viewer edits
    # in the worker) or "wasm" (everything in the worker).
    renderer = traitlets.Unicode("native").tag(sync=True)
    # Revision of what to render (model, params, t, preview), bumped by
    # Python on every change, whoever made it; render_info["rev"] names the
    # revision of the mesh sent.
    state_rev = traitlets.Int(0).tag(sync=True)
    # The viewer's edit number of the current params (0: set by Python) and
    # the state_rev that edit was rendered against.
    params_edit = traitlets.Int(0).tag(sync=True)
    edit_base = traitlets.Int(0).tag(sync=True)
    # Written by the viewer only (applyParamsFromViewer): {"params": {...},
    # "edit": its edit number, "base": the state_rev it rendered against}.
    viewer_edit = traitlets.Dict().tag(sync=True)
    # Who renders state_rev: "python" (mesh traits follow), "edit" (the
    # viewer's edit params_edit already drew it), "worker" (the viewer
    # renders the current source and params in its worker).
    render_by = traitlets.Unicode("python").tag(sync=True)
    # The SCAD text and its name, for the worker (renderer "auto"/"wasm").
    scad_source = traitlets.Unicode("").tag(sync=True)
    scad_name = traitlets.Unicode("").tag(sync=True)
    # The viewer's own customizer panel (`panel=`): "open", "closed" (the
    # toolbar's Params button opens it) or "off".
    panel = traitlets.Unicode("closed").tag(sync=True)
    # Its parameters, in the JSON format of `mos -o x.param` (the native
    # parser's, customizer.panel_parameters); None: the viewer asks its
    # WASM worker (no native extension here); [] for a model that is not
    # SCAD text (a SolidPython object).
    scad_parameters = traitlets.List(allow_none=True).tag(
        sync=True, to_json=lambda v, _w: _json_value(v))
    # No native engine here (Pyodide): the viewer sends each worker result
    # it draws ("mesh" messages), as `mesh` has no other source; it then
    # writes `drawn_rev`, the state_rev of a result of Python's state.
    mesh_from_viewer = traitlets.Bool(False).tag(sync=True)
    drawn_rev = traitlets.Int(0).tag(sync=True)

    def __init__(self, model: Model, params: Optional[Mapping[str, Any]] = None, *,
                 debounce_ms: float = 30.0, library_paths: Sequence[str] = (),
                 timeout: float = 120.0, anim_steps: int = 0, anim_fps: float = 10.0,
                 preview: bool = False, request_timeout: float = 30.0,
                 renderer: str = "auto", panel: Optional[bool] = None) -> None:
        from .render_queue import RenderQueue
        model_request(model)  # fail early on a model that is neither text, path nor object
        mode = resolve_renderer(renderer)
        if panel not in (None, True, False):
            raise ValueError(f"panel must be None, True or False, not {panel!r}")
        super().__init__(model=model, params=dict(params or {}),
                         anim_steps=anim_steps, anim_fps=anim_fps, preview=preview,
                         request_timeout=request_timeout, render_timeout=timeout,
                         renderer=mode, state_rev=1, panel=_PANEL[panel],
                         render_by="worker" if mode == "wasm" else "python",
                         mesh_from_viewer=not native.available())
        self.library_paths = list(library_paths)
        self._exports: list[threading.Thread] = []
        # The Python side's solid and error (the `mesh` and `last_error`
        # properties) and the state_rev they describe; _held_lock guards the
        # three (the render thread writes them, any thread reads them).
        self._mesh: Optional[Mesh] = None
        self._last_error: Optional[ScadError] = None
        self._held_rev = 0
        self._held_lock = threading.Lock()
        self._catch_up_lock = threading.Lock()  # one on-read render at a time
        # Meshes the viewer sent for its edits (mesh_from_viewer), by edit
        # number, until the edit itself arrives.
        self._edit_meshes: dict[int, Any] = {}
        self.rendered_id = 0
        # Renders done here for the viewer (tests and bench read it): viewer
        # edits add none.
        self.native_renders = 0
        # Renders done because `mesh` or `last_error` was read after a
        # state the viewer drew itself (an in-viewer edit, renderer "wasm").
        self.catch_up_renders = 0
        self._from_viewer = False
        self._edit_drawn = False
        self._shape_rev = 1  # state_rev of the last model, $t or preview change
        self._sync_source()
        self._sync_parameters()
        self._queue = RenderQueue(self._apply, debounce_ms / 1000.0)
        # The first mesh is part of the widget's initial state.
        if mode != "wasm":
            self._apply(0, self._job(self.model, dict(self.params), self.t, _now_ms())(None), None)
        self.observe(self._changed, names=["model", "params", "t", "preview"])
        self.observe(self._viewer_edit, names=["viewer_edit"])
        self.on_msg(self._message)

    # --- public -------------------------------------------------------------
    def update(self, model: Optional[Model] = None,
               params: Optional[Mapping[str, Any]] = None) -> None:
        """Renders a new model and/or params in this same widget."""
        with self.hold_trait_notifications():
            if model is not None:
                model_request(model)
                self.model = model
            if params is not None:
                self.params = dict(params)

    def wait(self, timeout: Optional[float] = None) -> bool:
        """Blocks until the queued renders are done (tests, scripts)."""
        return self._queue.wait(timeout)

    def close(self) -> None:
        queue = getattr(self, "_queue", None)  # None: the constructor failed
        if queue is not None:
            queue.close()
        for t in list(getattr(self, "_exports", ())):
            t.join(timeout=30)
        super().close()

    @property
    def timeout(self) -> float:
        """Seconds a render may take (0: no limit); the viewer waits that
        long plus `request_timeout` before it reports a render as lost."""
        return self.render_timeout

    @timeout.setter
    def timeout(self, value: float) -> None:
        self.render_timeout = float(value)

    def retry(self) -> None:
        """Renders the current model and params again (the panel's Retry)."""
        self._changed({"name": "retry"})

    @property
    def mesh(self) -> Optional[Mesh]:
        """The solid of the current model, params, $t and preview (numpy
        arrays, volume, area, bbox, echo), also after an edit the viewer drew
        itself; None before the first render. When the current state fails
        to render, the last good solid stays (as on screen) and `last_error`
        says why. A render Python is still doing for a Python-side change is
        not waited for: `wait()` first. Without the native extension it is
        the last solid the viewer's worker drew and sent: an in-viewer edit's
        comes with the edit, a Python-side change's once the viewer drew it
        (`drawn_rev` then moves, so cells reading the widget run again)."""
        self._catch_up()
        with self._held_lock:
            return self._mesh

    @property
    def last_error(self) -> Optional[ScadError]:
        """Why the current state did not render (None: it did); as `mesh`."""
        self._catch_up()
        with self._held_lock:
            return self._last_error

    def _catch_up(self) -> None:
        """Renders the current state here when it was drawn by the viewer
        (render_by "edit": an in-viewer edit; "worker": renderer "wasm") and
        the held solid describes an older state_rev.

        Why on read, with the native engine, rather than the viewer sending
        its worker's mesh back with each edit: an edit stays one small
        message (a drag sends one per frame drawn, and a mesh upload, base64
        over marimo's websocket, would cost every edit while most are never
        read from Python); the solid is the native engine's, for exactly the
        params Python holds (latest wins: whatever edit arrived last), with
        double-precision measures and the engine's exporters; the shared
        engine's caches make it cheap; and nothing goes to the viewer, so
        nothing redraws and no loop starts. Without the native extension
        (Pyodide) there is no engine here: the viewer sends what its worker
        drew instead (mesh_from_viewer, _viewer_mesh)."""
        if not native.available() or self._queue.closed:
            return
        with self._catch_up_lock:
            # state_rev first: model and params are set before it moves.
            rev = self.state_rev
            if self.render_by == "python":
                return  # rendered here already, or on its way (wait())
            with self._held_lock:
                if self._held_rev >= rev:
                    return
            token = native.require().CancelToken()
            job = self._job(self.model, dict(self.params), self.t, _now_ms(), count=False)
            self.catch_up_renders += 1
            try:
                result, _ms, _model, times, ghosts = job(token)
            except Exception as exc:  # an unreadable model file: as _apply says it
                self._hold(rev, ScadError(f"{type(exc).__name__}: {exc}"))
                return
            if result.ok and not times["timed_out"]:
                self._hold(rev, None, with_ghosts(Mesh.from_result(result), ghosts))
            else:
                self._hold(rev, self._render_error(result, times["timed_out"]))

    def _hold(self, rev: int, error: Optional[ScadError], mesh: Optional[Mesh] = None) -> None:
        """Keeps the outcome of state `rev` as the Python side's solid (a
        failed render keeps the last good one); an older state's outcome
        arriving late changes nothing."""
        with self._held_lock:
            if rev < self._held_rev:
                return
            self._held_rev = rev
            self._last_error = error
            if mesh is not None:
                self._mesh = mesh

    def _render_error(self, result: Any, timed_out: bool) -> ScadError:
        err = ScadError.from_result(result)
        if timed_out:  # the engine says "cancelled" or "timed out": say why
            kept = [d for d in err.diagnostics if d.severity != "error"]
            err = ScadError(f"render timed out after {self.timeout:g} s", kept, err.echo)
        return err

    # --- the viewer's edits ---------------------------------------------------
    def _viewer_edit(self, change: Any) -> None:
        """applyParamsFromViewer: {"params", "edit", "base"} from the viewer,
        drawn there already. Taken in arrival order like any change: a
        Python-side change that arrives later gets a newer state_rev and
        wins; this one is rendered here only if the model, $t or preview
        changed since the viewer's base revision."""
        edit = change["new"]
        if not isinstance(edit, dict) or not isinstance(edit.get("params"), dict):
            return
        with self.hold_sync():
            # "render": the viewer could not draw it (its worker failed under
            # "auto", or renderer "native"): rendered here, still named as
            # the viewer's edit (its panel does not move back to it).
            self._from_viewer = True
            self._edit_drawn = not edit.get("render")
            try:
                self.params_edit = int(edit.get("edit") or 0)
                self.edit_base = int(edit.get("base") or 0)
                if edit["params"] != self.params:
                    self.params = dict(edit["params"])
                else:  # same values: still answer with a revision
                    self._changed({"name": "params"})
            finally:
                self._from_viewer = False

    def _sync_source(self) -> None:
        """The SCAD text the worker renders (renderers "auto" and "wasm")."""
        if self.renderer == "native":
            return
        try:
            request = model_request(self.model)
            self.scad_source = model_text(self.model)
            self.scad_name = Path(request["file"]).name if request["file"] else ""
        except Exception as err:  # an unreadable file: the worker shows it
            self.scad_source = f'assert(false, "{type(err).__name__}: model not readable");'
            self.scad_name = ""

    def _sync_parameters(self) -> None:
        """The parameter list of the viewer's customizer panel: from the
        native parser, or None (the viewer's worker parses the source) where
        the native extension is missing. A model with a syntax error keeps
        the list it had, as the panel keeps its controls while code is being
        edited."""
        if self.panel == "off":
            return
        if not is_scad_text(self.model):
            self.scad_parameters = []
            return
        if not native.available():
            self.scad_parameters = None  # type: ignore[assignment]  # allow_none trait
            return
        try:
            found = panel_parameters(self.model, self.library_paths)
        except Exception:  # an unreadable file: the render shows why
            found = None
        if found is not None:
            self.scad_parameters = found
        elif self.scad_parameters is None:
            self.scad_parameters = []

    # --- rendering -----------------------------------------------------------
    def _message(self, _widget: Any, content: Any, _buffers: Any) -> None:
        """A request from the viewer: {"type": "retry" | "export", "id": n, ...}.
        Every reply carries the request's id (None when it had none)."""
        if not isinstance(content, dict):
            return
        kind, request_id = content.get("type"), content.get("id")
        if kind == "retry":
            self.retry()
            self.send({"type": "retry", "id": request_id, "ok": True})
        elif kind == "engine":
            self._send_engine(request_id, str(content.get("part", "")))
        elif kind == "mesh":
            self._viewer_mesh(content, _buffers)
        elif kind == "export":
            fmt = str(content.get("format", ""))
            worker = threading.Thread(target=self._export, args=(request_id, fmt),
                                      name="marimo-openscad-export", daemon=True)
            self._exports.append(worker)
            worker.start()

    def _viewer_mesh(self, content: dict, buffers: Any) -> None:
        """A worker result from the viewer (mesh_from_viewer only): for its
        edit number "edit" (kept until that edit arrives, as it comes just
        before it) or for Python's state "rev"."""
        if not self.mesh_from_viewer:
            return
        outcome = mesh_from_message(content, buffers or [])
        if outcome is None:
            return
        try:
            edit = int(content["edit"]) if "edit" in content else None
            rev = int(content["rev"]) if "rev" in content else None
        except (TypeError, ValueError):
            return
        if edit is not None:
            self._edit_meshes[edit] = outcome
            while len(self._edit_meshes) > 8:
                del self._edit_meshes[next(iter(self._edit_meshes))]
            if self.render_by == "edit" and self.params_edit == edit:
                self._take_edit_mesh()  # the edit came first after all
        elif rev is not None and 0 < rev <= self.state_rev:
            self._hold_outcome(rev, outcome)

    def _take_edit_mesh(self) -> None:
        """The current state is the viewer's edit params_edit: its mesh, if
        the viewer sent it, is the Python side's solid now."""
        outcome = self._edit_meshes.pop(self.params_edit, None)
        if outcome is not None:
            self._hold_outcome(self.state_rev, outcome)

    def _hold_outcome(self, rev: int, outcome: Any) -> None:
        if isinstance(outcome, ScadError):
            self._hold(rev, outcome)
        else:
            self._hold(rev, None, outcome)

    def _send_engine(self, request_id: Any, part: str) -> None:
        """The gzipped engine files of `part` for the viewer's worker."""
        files = engine_assets.part_files(part)
        if files is None:
            self.send({"type": "engine", "id": request_id, "part": part, "ok": False,
                       "message": f"the package has no WASM engine part {part!r}"})
            return
        self.send({"type": "engine", "id": request_id, "part": part, "ok": True,
                   "files": list(engine_assets.PARTS[part])}, files)

    def _export(self, request_id: Any, fmt: str) -> None:
        """Writes the mesh on screen (without preview ghosts) through the
        engine's exporter and sends the file to the viewer."""
        # What is on screen now (after an in-viewer edit: rendered here).
        mesh, render_id = self.mesh, self.rendered_id
        try:
            reply: dict = {"type": "export", "id": request_id, "format": fmt}
            data = b""
            if request_id is None:
                reply.update(ok=False, message="export request without an id")
            elif fmt not in EXPORT_FORMATS:
                reply.update(ok=False, message=f"unknown export format {fmt!r}")
            elif mesh is None or mesh.triangle_count == 0:
                reply.update(ok=False, message="nothing to export: no mesh on screen")
            else:
                engine_format, ext = EXPORT_FORMATS[fmt]
                with tempfile.TemporaryDirectory(prefix="mos-export-") as tmp:
                    path = os.path.join(tmp, f"model.{ext}")
                    try:
                        mesh.export(path, engine_format)
                        data = Path(path).read_bytes()
                        reply.update(ok=True, filename=f"openscad-model.{ext}",
                                     render_id=render_id)
                    except ScadError as err:
                        reply.update(ok=False, message=str(err))
            self.send(reply, [data] if data else None)
        finally:
            self._exports.remove(threading.current_thread())

    def _changed(self, change: Any) -> None:
        if self._queue.closed or (change["name"] == "t" and self.anim_steps <= 0):
            return
        name = change["name"]
        from_viewer = name == "params" and self._from_viewer
        with self.hold_sync():
            self.state_rev += 1
            if name != "params":
                self._shape_rev = self.state_rev  # model, $t or preview changed
                if name == "model":
                    self._sync_source()
                    self._sync_parameters()
            if not from_viewer:
                self.params_edit = 0
            elif self._edit_drawn and self.renderer != "native" and self.edit_base >= self._shape_rev:
                # The viewer drew these params against the current model, $t
                # and preview: nothing to render here, and a render of older
                # state still running or queued is stale.
                self.render_by = "edit"
                self._queue.drop()
                self.loading = False
                if self.mesh_from_viewer:
                    self._take_edit_mesh()
                return
            if self.renderer == "wasm":
                self.render_by = "worker"
                self._queue.drop()
                self.loading = False
                return
            self.render_by = "python"
        requested = _now_ms()
        self.loading = True
        self._queue.submit(self._job(self.model, dict(self.params), self.t, requested))

    def _job(self, model: Model, params: dict, t: float, requested_ms: float,
             count: bool = True) -> Any:
        rev = self.state_rev
        def run(token: Any) -> Any:
            effective = dict(params)
            if self.anim_steps > 0 and "$t" not in effective:
                effective["$t"] = t
            started = _now_ms()
            start, cpu_start = time.perf_counter(), time.thread_time()
            ghosts: list = []
            if self.preview:
                result, ghosts = render_preview_result(
                    model, effective, library_paths=self.library_paths,
                    timeout=self.timeout, cancel=token)
            else:
                result = render_result(model, effective, library_paths=self.library_paths,
                                       timeout=self.timeout, cancel=token)
            ms = (time.perf_counter() - start) * 1000.0
            if count:
                self.native_renders += 1
            times = {"rev": rev, "requested_ms": requested_ms, "started_ms": started,
                     # CPU time of this thread (the engine renders on it): the
                     # wall time less the waits of a busy machine.
                     "engine_cpu_ms": (time.thread_time() - cpu_start) * 1000.0,
                     # A cancelled token on a result still applied (not
                     # stale) means the timeout stopped it.
                     "timed_out": bool(token is not None and token.cancelled)}
            return result, ms, model, times, ghosts
        return run

    def _apply(self, request_id: int, outcome: Any, exc: Optional[BaseException]) -> None:
        if exc is not None:
            self._hold(self.state_rev, ScadError(str(exc)))
            with self.hold_sync():
                self.error = {"message": f"{type(exc).__name__}: {exc}", "rev": self.state_rev}
                self.loading = False
            return
        result, ms, model, times, ghosts = outcome
        self.rendered_id = request_id
        timed_out = times.pop("timed_out", False)
        info = {"id": request_id, "engine_ms": ms, **times}
        if not result.ok or timed_out:
            err = self._render_error(result, timed_out)
            self._hold(info["rev"], err)
            with self.hold_sync():
                self.error = {**_error_panel(err, model), "rev": info["rev"]}
                self.loading = False
                self.render_ms = ms
                self.render_info = {**info, "sent_ms": _now_ms()}
            return
        mesh = with_ghosts(Mesh.from_result(result), ghosts)
        self._hold(info["rev"], None, mesh)
        info["sent_ms"] = _now_ms()
        wire = wire_mesh(mesh)
        with self.hold_sync():
            for name, value in wire.items():
                setattr(self, name, value)
            self.error = None  # type: ignore[assignment]  # allow_none trait
            self.render_ms = ms
            self.render_info = info
            self.loading = False


def resolve_renderer(requested: str) -> str:
    """The effective renderer for the `renderer` option: "auto" becomes
    "wasm" without the native extension and "native" without the packaged
    WASM engine; asking for one that is missing is an error."""
    if requested not in RENDERERS:
        raise ValueError(f"renderer must be one of {', '.join(RENDERERS)}, not {requested!r}")
    has_native, has_wasm = native.available(), engine_assets.available("core")
    if requested == "native" and not has_native:
        native.require()
    if requested == "wasm" and not has_wasm:
        raise RuntimeError(
            "marimo_openscad: renderer='wasm' needs the WebAssembly engine in the package "
            f"({engine_assets.ENGINE_DIR} is missing; build it with bindings/wasm/build_and_test.sh "
            "before `pip install .`)")
    if requested == "auto":
        if not has_native:
            if not has_wasm:
                native.require()
            return "wasm"
        return "auto" if has_wasm else "native"
    return requested


def _json_value(value: Any, depth: int = 0) -> Any:
    """`params` as JSON for the viewer: numpy scalars as numbers, tuples
    as lists, anything else as its text (a non-finite number as null)."""
    if depth > 64:
        return None
    if value is None or isinstance(value, (bool, str, int)):
        return value
    if isinstance(value, float):
        return value if value == value and abs(value) != float("inf") else None
    if isinstance(value, dict):
        return {str(k): _json_value(v, depth + 1) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_json_value(v, depth + 1) for v in value]
    item = getattr(value, "item", None)
    if callable(item):
        try:
            return _json_value(item(), depth + 1)
        except (TypeError, ValueError):
            pass
    return str(value)


def _now_ms() -> float:
    return time.time() * 1000.0


def _error_panel(err: ScadError, model: Model) -> dict:
    """The viewer's error trait: message, position and the source to quote."""
    panel: dict = {"message": str(err)}
    first = err.errors[0] if err.errors else None
    if first is None:
        return panel
    panel["message"] = first.message
    if first.line:
        panel["line"] = first.line
    if first.column:
        panel["column"] = first.column
    if first.file:
        panel["file"] = first.file
    try:
        request = model_request(model)
        main = request["file"]
        if not first.file or (main and Path(first.file).resolve() == Path(main)):
            panel["source"] = model_text(model)
    except Exception:
        pass
    return panel


def openscad_viewer(model: Model, params: Optional[Mapping[str, Any]] = None,
                    **options: Any) -> OpenScadViewer:
    """A 3D viewer widget of `model`; show it in marimo with
    ``mo.ui.anywidget(viewer)`` (or as a cell's last expression). Set
    ``viewer.params = {...}`` or call ``viewer.update(model)`` to re-render;
    ``viewer.mesh`` is the solid of the current params, also after an edit
    made in the viewer's own panel (rendered natively when read).
    Options: renderer ("auto": Python-side changes render natively and
    edits made in the viewer in its WebAssembly worker, everything in the
    worker where the native extension is missing; "native"; "wasm":
    everything in the worker), panel (None: the viewer's own customizer
    panel for SCAD text, opened by its toolbar's Params button; True: open
    from the start; False: none), debounce_ms (30), library_paths, timeout (s, default 120; 0: none), anim_steps,
    anim_fps, request_timeout (s the viewer waits for a reply to Retry or an export, 30), preview (False: as OpenSCAD's F6; True: as F5, `$preview`
    true with `%` ghosts and `#` highlights; ``viewer.preview`` toggles it)."""
    return OpenScadViewer(model, params, **options)
