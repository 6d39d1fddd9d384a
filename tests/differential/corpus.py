"""The differential corpus: every .scad under openscad's testdata/scad and
examples, keyed like the golden corpus ("testdata/<rel>", "examples/<rel>"),
with a hash of the model and of every file it includes or uses, and the
detection of models outside this issue (text(), import(), surface() and the
old file= forms of linear_extrude/rotate_extrude, which read DXF files)."""
import gzip
import hashlib
import os
import re

CORPUS_ROOT = os.environ.get("MOS_CORPUS_ROOT", "/usr/share/openscad")
LIBRARY_DIRS = [os.path.join(CORPUS_ROOT, "libraries")]
HERE = os.path.dirname(os.path.abspath(__file__))
GOLDEN_REFERENCE = os.path.join(HERE, "..", "golden", "reference")

_INCLUDE = re.compile(r"\b(?:include|use)\s*<([^>]+)>")
# In the .csg dump (what a render really evaluates).
_CSG_EXCLUDED = re.compile(r"(?:^|\s|[%#!*])(text|import|surface)\(|\b(linear_extrude|rotate_extrude)\(file = \"")
# In the source, when 2021.01 wrote no .csg.
_SOURCE_EXCLUDED = re.compile(r"\b(text|import|import_dxf|import_stl|import_off|surface|dxf_linear_extrude|dxf_rotate_extrude)\s*\(|\bfile\s*=")


def ListCorpus():
    out = []
    for prefix, sub in (("testdata", "testdata/scad"), ("examples", "examples")):
        root = os.path.join(CORPUS_ROOT, sub)
        for dirpath, _, files in os.walk(root):
            for name in files:
                if name.endswith(".scad"):
                    abs_ = os.path.join(dirpath, name)
                    out.append((prefix + "/" + os.path.relpath(abs_, root), abs_))
    out.sort()
    return out


def UsedFiles(path, depth=0, seen=None):
    """The model and the files it includes/uses, transitively (depth bounded)."""
    if seen is None:
        seen = []
    if depth > 32 or path in seen or not os.path.isfile(path):
        return seen
    seen.append(path)
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            src = f.read()
    except OSError:
        return seen
    for name in _INCLUDE.findall(src):
        for base in [os.path.dirname(path)] + LIBRARY_DIRS:
            cand = os.path.normpath(os.path.join(base, name))
            if os.path.isfile(cand):
                UsedFiles(cand, depth + 1, seen)
                break
    return seen


def InputHash(path):
    h = hashlib.sha256()
    for f in UsedFiles(path):
        with open(f, "rb") as fh:
            h.update(hashlib.sha256(fh.read()).digest())
    return h.hexdigest()[:16]


def GoldenCsg(key):
    base = os.path.join(GOLDEN_REFERENCE, key)
    if os.path.isfile(base + ".csg"):
        with open(base + ".csg", encoding="utf-8", errors="replace") as f:
            return f.read()
    if os.path.isfile(base + ".csg.gz"):
        with gzip.open(base + ".csg.gz", "rt", encoding="utf-8", errors="replace") as f:
            return f.read()
    return None


def ExclusionReason(key, path):
    """'text'/'import'/'surface'/... when the model is outside this issue, else None."""
    csg = GoldenCsg(key)
    if csg is not None:
        m = _CSG_EXCLUDED.search(csg)
        if m:
            return (m.group(1) or m.group(2) + "(file=)") + " in csg"
        return None
    text = "\n".join(open(f, encoding="utf-8", errors="replace").read() for f in UsedFiles(path))
    text = re.sub(r"//[^\n]*|/\*.*?\*/", "", text, flags=re.S)
    m = _SOURCE_EXCLUDED.search(text)
    if m:
        return (m.group(1) or "file=") + " in source"
    return None
