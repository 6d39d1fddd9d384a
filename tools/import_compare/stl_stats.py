#!/usr/bin/env python3
"""Compares two STL files (ascii or binary) by signed volume and bounding box
(rounded to 4 decimals): prints OK or DIFF with both figures."""
import struct
import sys


def triangles(path):
    data = open(path, 'rb').read()
    if data.lstrip().startswith(b'solid'):
        out, loop = [], []
        for line in data.decode(errors='replace').splitlines():
            w = line.split()
            if w and w[0] == 'vertex':
                loop.append(tuple(map(float, w[1:4])))
                if len(loop) == 3:
                    out.append(loop)
                    loop = []
        return out
    n = struct.unpack('<I', data[80:84])[0]
    return [[f[3:6], f[6:9], f[9:12]]
            for f in (struct.unpack('<12f', data[84 + 50 * i:84 + 50 * i + 48]) for i in range(n))]


def stats(path):
    t = triangles(path)
    vol = sum((a[0] * (b[1] * c[2] - b[2] * c[1]) - a[1] * (b[0] * c[2] - b[2] * c[0]) +
               a[2] * (b[0] * c[1] - b[1] * c[0])) / 6 for a, b, c in t)
    pts = [p for tr in t for p in tr]
    box = [round(min(p[i] for p in pts), 4) for i in range(3)] + \
          [round(max(p[i] for p in pts), 4) for i in range(3)] if pts else []
    return vol, box


ref, ours = stats(sys.argv[1]), stats(sys.argv[2])
ok = abs(ref[0] - ours[0]) <= 1e-6 * max(1, abs(ref[0])) and ref[1] == ours[1]
print(('OK  ' if ok else 'DIFF'), sys.argv[1], 'openscad vol=%.6f %s | mos vol=%.6f %s' %
      (ref[0], ref[1], ours[0], ours[1]))
