"""The differential corpus: every .scad under openscad's testdata/scad and
examples, keyed like the golden corpus ("testdata/<rel>", "examples/<rel>"),
with a hash of the model, of every file it includes or uses and of the data
files they name (STL, DXF, PNG, ...), and the feature category of a model:
text(), import() (with the old file= forms of linear_extrude/rotate_extrude
and the deprecated import_* modules, which read files too) or surface()."""
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
_CSG_FEATURE = re.compile(r"(?:^|\s|[%#!*])(text|import|surface)\(|\b(linear_extrude|rotate_extrude)\(file = \"")
# In the source, when 2021.01 wrote no .csg.
_SOURCE_FEATURE = re.compile(r"\b(text|import|import_dxf|import_stl|import_off|surface|dxf_linear_extrude|dxf_rotate_extrude)\s*\(|\bfile\s*=")


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


# A string literal naming a data file an import()/surface()/file= may read.
_DATA_FILE = re.compile(r'"([^"\n]+\.(?:stl|off|obj|dxf|svg|amf|3mf|dat|png))"', re.I)


def DataFiles(path):
    """The existing data files the model's sources name (relative to the naming
    file, as 2021.01 resolves them), sorted; a name built at run time is missed."""
    out = set()
    for f in UsedFiles(path):
        with open(f, encoding="utf-8", errors="replace") as fh:
            names = _DATA_FILE.findall(fh.read())
        for name in names:
            cand = os.path.normpath(os.path.join(os.path.dirname(f), name))
            if os.path.isfile(cand):
                out.add(cand)
    return sorted(out)


def InputHash(path):
    h = hashlib.sha256()
    for f in UsedFiles(path) + DataFiles(path):
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


# A model using several features is counted under the first of these.
FEATURES = ("import", "surface", "text")


def Feature(key, path):
    """'text', 'import' or 'surface' when the model uses that feature (import
    also for the old file= forms and import_*), else None. Looked up in the
    golden .csg (what a render really evaluates), else in the source."""
    csg = GoldenCsg(key)
    if csg is not None:
        found = set()
        for m in _CSG_FEATURE.finditer(csg):
            found.add(m.group(1) or "import")
    else:
        text = "\n".join(open(f, encoding="utf-8", errors="replace").read() for f in UsedFiles(path))
        text = re.sub(r"//[^\n]*|/\*.*?\*/", "", text, flags=re.S)
        found = set()
        for m in _SOURCE_FEATURE.finditer(text):
            name = m.group(1) or "file="
            found.add(name if name in FEATURES else "import")
    for feature in FEATURES:
        if feature in found:
            return feature
    return None
