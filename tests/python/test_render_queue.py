"""RenderQueue timing: the first change after a pause starts at once, changes
during a render coalesce into one render of the newest, and a coalesced
change waits for the debounce measured from its arrival, not from the end
of the render before it. Jobs here are plain functions (no engine)."""
import threading
import time

from marimo_openscad.render_queue import RenderQueue


class Recorder:
    def __init__(self):
        self.lock = threading.Lock()
        self.applied = []  # (request id, result)
        self.started = {}  # label -> monotonic start
        self.ended = {}

    def apply(self, request_id, result, error):
        with self.lock:
            self.applied.append((request_id, result, error))

    def job(self, label, seconds=0.0, tokens=None):
        def run(token):
            self.started[label] = time.monotonic()
            if tokens is not None:
                tokens.append(token)
            deadline = time.monotonic() + seconds
            while time.monotonic() < deadline and not token.cancelled:
                time.sleep(0.005)
            self.ended[label] = time.monotonic()
            return label
        return run


def test_idle_queue_starts_at_once_and_leaves_no_thread():
    rec = Recorder()
    q = RenderQueue(rec.apply, debounce_s=1.0)
    t0 = time.monotonic()
    q.submit(rec.job("a"))
    assert q.wait(timeout=30)
    assert rec.started["a"] - t0 < 0.5  # no debounce before the first change
    assert rec.applied == [(1, "a", None)]
    assert not any(t.name == "marimo-openscad-render" for t in threading.enumerate())


def test_changes_during_a_render_coalesce_into_the_newest():
    rec = Recorder()
    tokens = []
    q = RenderQueue(rec.apply, debounce_s=0.05)
    q.submit(rec.job("first", 10.0, tokens))
    while "first" not in rec.started:
        time.sleep(0.005)
    for label in ("b", "c", "d"):
        q.submit(rec.job(label))
    assert q.wait(timeout=30)
    assert tokens[0].cancelled  # the newer request cancelled the running render
    assert "b" not in rec.started and "c" not in rec.started
    assert rec.applied == [(4, "d", None)]  # the cancelled one is stale: not applied


def test_a_change_that_waited_through_a_render_starts_when_it_ends():
    # Changes after the first one: "second" arrives early in a long render
    # of "first" (not cancelled: "first" ignores its token here); it has
    # waited longer than the debounce by the time "first" ends, so it
    # starts right away instead of a full debounce later.
    rec = Recorder()
    q = RenderQueue(rec.apply, debounce_s=0.4)

    def stubborn(token):
        rec.started["first"] = time.monotonic()
        time.sleep(0.8)
        rec.ended["first"] = time.monotonic()
        return "first"

    q.submit(stubborn)
    while "first" not in rec.started:
        time.sleep(0.005)
    q.submit(rec.job("second"))
    assert q.wait(timeout=30)
    assert rec.started["second"] - rec.ended["first"] < 0.3


def test_a_burst_waits_the_debounce_from_its_first_change():
    rec = Recorder()
    q = RenderQueue(rec.apply, debounce_s=0.6)

    def short(token):
        rec.started["first"] = time.monotonic()
        time.sleep(0.1)
        return "first"

    q.submit(short)
    while "first" not in rec.started:
        time.sleep(0.005)
    arrived = time.monotonic()
    q.submit(rec.job("b"))
    q.submit(rec.job("c"))
    assert q.wait(timeout=30)
    assert "b" not in rec.started
    assert rec.started["c"] - arrived >= 0.55  # coalesced for the debounce
    assert [r[1] for r in rec.applied] == ["c"]
