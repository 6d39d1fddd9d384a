#!/usr/bin/env python3
"""Warm/cold instruction ratios from the parts `mos_bench_rerender --callgrind` dumps.

    valgrind --tool=callgrind --callgrind-out-file=/tmp/rr/cg.%p \\
        build/bench/mos_bench_rerender --callgrind bench/rerender/*.scad \\
        --list bench/rerender/examples.txt
    python3 bench/rerender/callgrind_ratios.py /tmp/rr/cg.*.*

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
    cold, warm, order = {}, {}, []
    def part_number(path):
        tail = path.rsplit(".", 1)[-1]
        return int(tail) if tail.isdigit() else 0

    for trigger, total in parts(sorted(sys.argv[1:], key=part_number)):
        kind, _, name = trigger.partition(" ")
        (cold if kind == "cold" else warm)[name] = total
        if name not in order:
            order.append(name)
    ratios = []
    print(f"{'model parameter':36} {'cold Ir':>14} {'warm Ir':>14} {'ratio':>7}")
    for name in sorted(order, key=lambda n: order.index(n)):
        if name in cold and name in warm:
            r = warm[name] / cold[name]
            ratios.append(r)
            print(f"{name:36} {cold[name]:14,} {warm[name]:14,} {100 * r:6.1f}%")
    if ratios:
        print(f"median warm/cold instruction ratio: {100 * statistics.median(ratios):.1f}% "
              f"over {len(ratios)} models")


if __name__ == "__main__":
    main()
