#!/usr/bin/env python3
"""Warm/cold instruction ratios from the parts `mos_bench_rerender --callgrind` dumps.

    valgrind --tool=callgrind --callgrind-out-file=/tmp/rr/cg.%p \\
        build/bench/mos_bench_rerender --callgrind bench/rerender/*.scad \\
        --list bench/rerender/examples.txt
    python3 bench/rerender/callgrind_ratios.py /tmp/rr/cg.*.*

With --drag (the same parameter changed twice more, as a slider drag
does), the fourth render ("drag4" parts) is compared with the cold one too.

Instruction counts repeat exactly from run to run, so they compare single
changes on a loaded machine where wall and CPU time do not.
"""
import re
import statistics
import sys


def parts(paths):
    for path in paths:
        trigger, total = None, None
        with open(path, encoding="latin-1") as f:
            for line in f:
                if line.startswith("desc: Trigger:"):
                    m = re.search(r"Client Request: (.*)$", line.strip())
                    trigger = m.group(1) if m else None
                elif line.startswith(("summary:", "totals:")):
                    total = int(line.split()[1])
        if trigger and total is not None:
            yield trigger, total


def main():
    parts_by_kind, order = {}, []
    def part_number(path):
        tail = path.rsplit(".", 1)[-1]
        return int(tail) if tail.isdigit() else 0

    for trigger, total in parts(sorted(sys.argv[1:], key=part_number)):
        kind, _, name = trigger.partition(" ")
        parts_by_kind.setdefault(kind, {})[name] = total
        if name not in order:
            order.append(name)
    cold, warm = parts_by_kind.get("cold", {}), parts_by_kind.get("warm", {})
    drag = parts_by_kind.get("drag4", {})  # --drag: the fourth render of a drag
    ratios, drag_ratios = [], []
    header = f"{'model parameter':36} {'cold Ir':>14} {'warm Ir':>14} {'ratio':>7}"
    if drag:
        header += f" {'drag4 Ir':>14} {'ratio':>7}"
    print(header)
    for name in order:
        if name in cold and name in warm:
            r = warm[name] / cold[name]
            ratios.append(r)
            line = f"{name:36} {cold[name]:14,} {warm[name]:14,} {100 * r:6.1f}%"
            if name in drag:
                d = drag[name] / cold[name]
                drag_ratios.append(d)
                line += f" {drag[name]:14,} {100 * d:6.1f}%"
            print(line)
    if ratios:
        print(f"median warm/cold instruction ratio: {100 * statistics.median(ratios):.1f}% "
              f"over {len(ratios)} models")
    if drag_ratios:
        print(f"median drag4/cold instruction ratio: {100 * statistics.median(drag_ratios):.1f}% "
              f"over {len(drag_ratios)} models")


if __name__ == "__main__":
    main()
