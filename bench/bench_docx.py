"""Benchmark: export the sample issue's DOCX in a warm process (the layout done, as in the
app when 导出 is pressed), and what each step of it costs.

    .venv/bin/python bench/bench_docx.py [ISSUE] [--runs N]

Printed, wall and CPU time of this process: the first export (the font files mapped and
subset for the first time), split into building the document and writing the zip, and
the median of N more (the subsets kept). The file's size. No assertions.
"""
from __future__ import annotations

import argparse
import io
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("GAZETTE_NO_SYSTEM_FONTS", "1")


def timed(step, *args):
    wall, cpu = time.perf_counter(), time.process_time()
    out = step(*args)
    return out, time.perf_counter() - wall, time.process_time() - cpu


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("issue", nargs="?", default=str(ROOT / "samples" / "jinan-2020-10" / "issue.json"))
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    from editor.layout.spec import load_spec
    from editor.pipeline import layout, load_issue
    from editor.render.docx import build_docx
    from editor.render.docx.package import write_package

    issue = load_issue(args.issue)
    spec = load_spec(issue.layout)
    result = layout(issue, spec).layout

    doc, wall, cpu = timed(build_docx, issue, spec, result)
    stream = io.BytesIO()
    _, zwall, zcpu = timed(write_package, doc, stream)
    steps = {"styles, paragraphs and fonts (build_docx)": (wall, cpu), "zip (write_package)": (zwall, zcpu)}
    first = (wall + zwall, cpu + zcpu)

    again = []
    for _ in range(args.runs):
        d, w1, c1 = timed(build_docx, issue, spec, result)
        _, w2, c2 = timed(write_package, d, io.BytesIO())
        again.append((w1 + w2, c1 + c2))
    print(f"issue: {args.issue}")
    print(f"first DOCX export in the process: {first[0]:.2f} s wall, {first[1]:.2f} s CPU")
    for name, (w, c) in steps.items():
        print(f"  {name}: {w:.2f} s wall, {c:.2f} s CPU")
    print(f"again (median of {args.runs}): {statistics.median(a[0] for a in again):.2f} s wall, "
          f"{statistics.median(a[1] for a in again):.2f} s CPU")
    print(f"size: {len(stream.getvalue()) / 1e6:.2f} MB")


if __name__ == "__main__":
    main()
