"""One render at a time per viewer, off the notebook's main thread.

Every request gets an id; a newer request cancels the running render through
the engine's cancel token, and only the result of the newest request is
applied (stale results never reach the screen). A short debounce coalesces
bursts (slider drags): the first change after a pause renders at once (no
added latency for a single step); changes arriving while it renders are
coalesced into one render of the newest, which starts when the running one
ends but not before `debounce` after the first of them arrived. So a change
waits at most the debounce (or the end of the render before it), and a
drag never renders more often than once per debounce. The worker thread
lives only while there is work, so nothing is left running when a viewer
goes idle or away."""
from __future__ import annotations

import logging
import threading
import time
from typing import Any, Callable, Optional

from .native import require

_log = logging.getLogger(__name__)

Job = Callable[[Any], Any]  # takes the _mos.CancelToken of its render
Apply = Callable[[int, Any, Optional[BaseException]], None]


class RenderQueue:
    def __init__(self, apply: Apply, debounce_s: float = 0.03) -> None:
        self._apply = apply
        self.debounce_s = debounce_s
        self._lock = threading.Lock()
        self._idle = threading.Condition(self._lock)
        self._latest = 0
        self._pending: Optional[tuple[int, Job]] = None
        self._pending_since = 0.0  # monotonic arrival of the oldest coalesced change
        self._token: Optional[Any] = None  # _mos.CancelToken
        self._thread: Optional[threading.Thread] = None
        self._closed = False

    @property
    def latest_id(self) -> int:
        return self._latest

    @property
    def closed(self) -> bool:
        return self._closed

    def submit(self, job: Job) -> int:
        """Queues `job`, cancelling the one running; returns its request id."""
        with self._lock:
            if self._closed:
                raise RuntimeError("viewer closed")
            self._latest += 1
            if self._pending is None:
                self._pending_since = time.monotonic()
            self._pending = (self._latest, job)
            if self._token is not None:
                self._token.cancel()
            if self._thread is None:
                self._thread = threading.Thread(
                    target=self._run, name="marimo-openscad-render", daemon=True)
                self._thread.start()
            return self._latest

    def drop(self) -> None:
        """Makes what runs and what waits stale (a newer state was drawn by
        someone else): the running render is cancelled, nothing applies."""
        with self._lock:
            self._latest += 1
            self._pending = None
            if self._token is not None:
                self._token.cancel()

    def wait(self, timeout: Optional[float] = None) -> bool:
        """Blocks until no render is queued or running; False on timeout."""
        deadline = None if timeout is None else time.monotonic() + timeout
        with self._lock:
            while self._thread is not None:
                left = None if deadline is None else deadline - time.monotonic()
                if left is not None and left <= 0:
                    return False
                self._idle.wait(left)
            return True

    def close(self) -> None:
        """Cancels what runs, drops what waits; later submits fail."""
        with self._lock:
            self._closed = True
            self._pending = None
            if self._token is not None:
                self._token.cancel()

    def _run(self) -> None:
        leading = True  # the worker was idle: the first request goes at once
        while True:
            if self.debounce_s > 0 and not leading:
                with self._lock:
                    wait = self._pending_since + self.debounce_s - time.monotonic()
                if self._pending is not None and wait > 0:
                    time.sleep(wait)
            leading = False
            with self._lock:
                if self._pending is None:
                    self._thread = None
                    self._idle.notify_all()
                    return
                request_id, job = self._pending
                self._pending = None
                token = require().CancelToken()
                self._token = token
            result: Any = None
            error: Optional[BaseException] = None
            try:
                result = job(token)
            except BaseException as exc:  # reported to the viewer, never lost
                error = exc
            with self._lock:
                self._token = None
                stale = request_id != self._latest or self._closed
            if not stale:
                try:
                    self._apply(request_id, result, error)
                except Exception:  # a failing display must not kill the worker
                    _log.exception("marimo-openscad: applying render %d failed", request_id)
