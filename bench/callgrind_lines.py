"""The inclusive entries of a callgrind profile, for the bench scripts that
sum them by stage (callgrind_boolean_split.py, callgrind_process_stages.py)."""
import re
import subprocess


def inclusive_entries(path):
    """(program total Ir, [(Ir, full name, function)]) of `path`, without
    the recursion copies callgrind names 'fn'2, 'fn'3, ..."""
    out = subprocess.run(["callgrind_annotate", "--inclusive=yes", "--threshold=100", path],
                         capture_output=True, text=True).stdout
    total, entries = None, []
    for line in out.splitlines():
        m = re.match(r"\s*([\d,]+) \(\s*[\d.]+%\)\s+(.*)", line)
        if not m:
            continue
        ir, name = int(m.group(1).replace(",", "")), m.group(2)
        if "PROGRAM TOTALS" in name:
            total = ir
            continue
        fn = name.split(" [")[0]
        if not re.search(r"'\d+$", fn):
            entries.append((ir, name, fn))
    return total, entries
