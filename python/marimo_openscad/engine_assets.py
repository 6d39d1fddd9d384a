"""The WebAssembly engine shipped inside the package for the viewer's worker.

The files (built by bindings/wasm, installed gzipped under static/engine/)
go to the browser as the binary buffers of one reply per part, asked for by
the viewer only when it needs them: the engine ("core": mos_wasm.mjs, its
.wasm and the data-package installer) the first time a viewer renders in
its worker, the fonts only for a model that may call text(), the libraries
(MCAD) only for one that includes or uses MCAD/. The page caches every part
for all its viewers, so a kernel sends each at most once per page load.
No internet and no server of ours: the bytes travel over the widget's own
channel (anywidget custom messages)."""
from __future__ import annotations

import threading
from pathlib import Path
from typing import Optional

ENGINE_DIR = Path(__file__).parent / "static" / "engine"

# part -> files, each stored as <name>.gz (the viewer inflates them with the
# browser's DecompressionStream): gzip shrinks the .wasm 3x, and marimo sends
# buffers base64-encoded, so every byte saved here is 4/3 on the wire.
PARTS = {
    "core": ("mos_wasm.mjs", "mos_wasm.wasm", "mos_data.mjs"),
    "fonts": ("mos_fonts.data",),
    "libraries": ("mos_libraries.data",),
}

_cache: dict[str, list[bytes]] = {}
_lock = threading.Lock()


def available(part: str = "core") -> bool:
    """True when the package holds the files of `part`."""
    return part in PARTS and all((ENGINE_DIR / f"{name}.gz").is_file() for name in PARTS[part])


def part_files(part: str) -> Optional[list[bytes]]:
    """The gzipped files of `part` in PARTS order (read once per process),
    or None when the part is unknown or missing from the package."""
    if not available(part):
        return None
    with _lock:
        if part not in _cache:
            _cache[part] = [(ENGINE_DIR / f"{name}.gz").read_bytes() for name in PARTS[part]]
        return _cache[part]
