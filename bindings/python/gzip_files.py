"""Writes <outdir>/<name>.gz for each file (deterministic: no name, mtime 0).
Used by the wheel build for the WASM engine the viewer's worker runs.
    python gzip_files.py <outdir> <file>..."""
import gzip
import sys
from pathlib import Path

out = Path(sys.argv[1])
out.mkdir(parents=True, exist_ok=True)
for name in sys.argv[2:]:
    src = Path(name)
    data = src.read_bytes()
    with open(out / f"{src.name}.gz", "wb") as raw:
        with gzip.GzipFile(filename="", mode="wb", fileobj=raw, compresslevel=9, mtime=0) as gz:
            gz.write(data)
