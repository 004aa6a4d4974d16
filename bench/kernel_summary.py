#!/usr/bin/env python3
"""Sums an `ncu --csv --metrics gpu__time_duration.sum` log by kernel family (stdlib only)."""
import csv, re, sys
from collections import defaultdict

def family(name):
    name = re.sub(r"<.*", "", name)
    name = re.sub(r"\(.*", "", name)
    return name[:90]

totals, counts = defaultdict(float), defaultdict(int)
rows = [r for r in csv.reader(open(sys.argv[1], errors="replace")) if len(r) > 10]
header = rows[0]
name_col, value_col, unit_col = header.index("Kernel Name"), header.index("Metric Value"), header.index("Metric Unit")
for r in rows[1:]:
    scale = {"nsecond": 1e-6, "usecond": 1e-3, "msecond": 1.0}.get(r[unit_col], 1e-6)
    value = float(r[value_col].replace(",", "")) * scale
    totals[family(r[name_col])] += value
    counts[family(r[name_col])] += 1
total = sum(totals.values())
print(f"{len(rows) - 1} kernels, {total:.2f} ms of kernel time")
for name, ms in sorted(totals.items(), key=lambda kv: -kv[1])[:int(sys.argv[2]) if len(sys.argv) > 2 else 30]:
    print(f"{ms:8.2f} ms {100 * ms / total:5.1f}% x{counts[name]:<4d} {name}")
