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
