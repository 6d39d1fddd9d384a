"""Shared pieces of the golden runners: the reference store and the
known-mismatch list. References come from scripts/make_golden_references.sh
(openscad 2021.01); keys are 'testdata/<path>' or 'examples/<path>'."""

import gzip
import hashlib
import os
import re

TIMESTAMP = re.compile(rb"timestamp = [0-9]+")
KINDS = ("echo", "csg")


def normalise(data):
    """The only normalisation allowed: imported files' modification times."""
    return TIMESTAMP.sub(b"timestamp = 0", data)


def corpus_path(corpus_root, key):
    prefix, rel = key.split("/", 1)
    if prefix == "testdata":
        return os.path.join(corpus_root, "testdata", "scad", rel)
    return os.path.join(corpus_root, "examples", rel)


def list_keys(reference_dir):
    keys = []
    for root, _dirs, files in os.walk(reference_dir):
        for name in files:
            if name.endswith(".meta"):
                full = os.path.join(root, name)
                keys.append(os.path.relpath(full, reference_dir)[: -len(".meta")])
    return sorted(keys)


def read_meta(reference_dir, key):
    meta = {}
    with open(os.path.join(reference_dir, key + ".meta")) as f:
        for line in f:
            parts = line.split(None, 1)
            if len(parts) == 2:
                meta[parts[0]] = parts[1].strip()
    return meta


def read_reference(reference_dir, key, kind):
    """Bytes of the reference output, or None when openscad wrote none."""
    base = os.path.join(reference_dir, key + "." + kind)
    if os.path.exists(base):
        with open(base, "rb") as f:
            return f.read()
    if os.path.exists(base + ".gz"):
        with gzip.open(base + ".gz", "rb") as f:
            return f.read()
    return None


def input_is_current(corpus_root, reference_dir, key):
    """False when the input changed since its reference was made."""
    meta = read_meta(reference_dir, key)
    with open(corpus_path(corpus_root, key), "rb") as f:
        return hashlib.sha256(f.read()).hexdigest() == meta.get("sha256")


def read_known(path):
    """{(key, kind): reason}. Lines: '<key> <echo|csg|exit> <reason>'; '#' comments."""
    known = {}
    if not os.path.exists(path):
        return known
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            # Keys (which may contain spaces) end in .scad; the kind follows.
            match = re.match(r"^(.*?\.scad)\s+(echo|csg|exit)\s+(.*)$", line)
            if not match:
                raise ValueError("%s:%d: expected '<key> <echo|csg> <reason>'" % (path, number))
            known[(match.group(1), match.group(2))] = match.group(3)
    return known


def first_difference(expected, actual):
    """A one-line description of where two outputs part."""
    if actual is None:
        return "no output written (reference has %d bytes)" % len(expected)
    if expected is None:
        return "output written but openscad wrote none"
    exp_lines = expected.decode("utf-8", "replace").split("\n")
    act_lines = actual.decode("utf-8", "replace").split("\n")
    for i, (e, a) in enumerate(zip(exp_lines, act_lines)):
        if e != a:
            return "line %d: expected %r got %r" % (i + 1, e[:100], a[:100])
    return "line %d: expected %d lines got %d" % (
        min(len(exp_lines), len(act_lines)) + 1, len(exp_lines), len(act_lines))


def summarise(results, known, out):
    """Prints counts; returns (regressions, now_matching). `results` maps
    (key, kind) -> (identical, reference_bytes_or_None, detail)."""
    ok = True
    for kind in KINDS + ("exit",):
        rows = [(k, v) for (k, kd), v in results.items() if kd == kind]
        if not rows:
            continue
        same = sum(1 for _, v in rows if v[0])
        nonempty = [(k, v) for k, v in rows if v[1] is not None and v[1].strip()]
        same_nonempty = sum(1 for _, v in nonempty if v[0])
        if kind == "exit":
            out.write("exit status like openscad: %d/%d\n" % (same, len(rows)))
            continue
        out.write("%-4s identical: %d/%d all references (%.1f%%), %d/%d non-empty (%.1f%%)\n" % (
            kind, same, len(rows), 100.0 * same / max(len(rows), 1),
            same_nonempty, len(nonempty), 100.0 * same_nonempty / max(len(nonempty), 1)))
    regressions = sorted(k for k, v in results.items() if not v[0] and k not in known)
    now_matching = sorted(k for k, v in results.items() if v[0] and k in known)
    return regressions, now_matching
