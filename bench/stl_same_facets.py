#!/usr/bin/env python3
"""Whether two ASCII STL files hold the same facets, ignoring their order
and which corner each facet starts at (same cyclic order, so the same
orientation). Normals are not compared: they follow from the corners, but
a facet written from another corner computes its cross product in another
order and may print -0 for 0 or 1e-17 for 0.
Prints one line per pair: "same-facets", "same-bytes" or the counts of
facets only in each file.

  python3 bench/stl_same_facets.py A.stl B.stl [A2.stl B2.stl ...]
"""
import re
import sys
from collections import Counter

FACET = re.compile(r"facet normal (\S+) (\S+) (\S+)\s+outer loop\s+vertex (.*?)\n\s*vertex (.*?)\n"
                   r"\s*vertex (.*?)\n")


def facets(path):
    out = Counter()
    with open(path) as f:
        text = f.read()
    for m in FACET.finditer(text):
        corners = [m.group(4), m.group(5), m.group(6)]
        i = corners.index(min(corners))
        out[tuple(corners[i:] + corners[:i])] += 1
    return out


def main():
    args = sys.argv[1:]
    status = 0
    for a, b in zip(args[0::2], args[1::2]):
        if open(a, "rb").read() == open(b, "rb").read():
            print("same-bytes", a, b)
            continue
        fa, fb = facets(a), facets(b)
        if fa == fb:
            print("same-facets", a, b)
        else:
            status = 1
            print("DIFFERENT %d only in A, %d only in B" % (sum((fa - fb).values()), sum((fb - fa).values())), a, b)
    return status


if __name__ == "__main__":
    sys.exit(main())
