import os
import subprocess
import sys
import threading

import pytest


@pytest.fixture
def no_leaked_threads():
    """Fails a test that leaves a render or export thread running."""
    yield
    for t in threading.enumerate():
        if t.name in ("marimo-openscad-render", "marimo-openscad-export"):
            t.join(timeout=30)
            assert not t.is_alive(), "a render thread outlived its viewer"


@pytest.fixture
def run_without_native():
    """Runs Python `code` in a new interpreter that keeps the native
    extension out (MARIMO_OPENSCAD_NO_NATIVE, as Pyodide), from this
    directory; asserts it exited 0 and returns its stdout."""
    from marimo_openscad import native

    def run(code):
        env = {**os.environ, native.NO_NATIVE_ENV: "1"}
        out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                             text=True, timeout=120, cwd=os.path.dirname(__file__))
        assert out.returncode == 0, out.stderr
        return out.stdout

    return run
