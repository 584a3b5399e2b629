"""Benchmark: build the sample issue and print wall time, peak memory, pages, re-layout time.

    .venv/bin/python bench/bench_build.py [ISSUE] [--runs N]

Figures printed: import, layout and PDF times of a cold build (fresh process), the whole
build, peak memory (ru_maxrss), page count, the time to re-layout the issue after one
document changes (the document cache keeps the other documents), what the title breaking
costs: importing jieba and opening its word index (once per process, before the first title) and breaking
every title of the issue at three widths once it is loaded. No assertions: a script
that prints figures, to compare against the targets in the issue.
"""
from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("GAZETTE_NO_SYSTEM_FONTS", "1")


def one_build(issue: str) -> dict:
    from editor.model import Run
    from editor.pipeline import layout, load_issue
    from editor.render.pdf import render_pdf

    from editor.layout.titlebreak import break_title, organ_names, tagged_words

    t0 = time.perf_counter()
    loaded = load_issue(issue)
    t1 = time.perf_counter()
    tagged_words("政府工作报告")        # jieba imported, its word index opened on the first title
    segmenter = time.perf_counter() - t1
    t1 = time.perf_counter()
    result = layout(loaded)
    t2 = time.perf_counter()
    words = organ_names(loaded)
    titles = [b.text for d in loaded.documents() for b in d.blocks
              if b.kind.value in ("title", "subtitle", "annex_title")]
    tb = time.perf_counter()
    for width in (20.0, 26.0, 39.0):
        for text in titles:
            break_title(text, width, lambda ch: 1.0, words, issuer_apart=True)
    titles_time = (time.perf_counter() - tb) / 3
    with tempfile.TemporaryDirectory() as tmp:
        render_pdf(result.layout, Path(tmp) / "bench.pdf")
    t3 = time.perf_counter()
    # an edit in one document: append a sentence to its first paragraph, lay out again
    doc = loaded.documents()[3]
    block = next(b for b in doc.blocks if b.kind.value == "paragraph")
    block.runs = block.runs + [Run("（编辑补充的一句话。）")]
    t4 = time.perf_counter()
    again = layout(loaded)
    t5 = time.perf_counter()
    return {"import": t1 - t0 - segmenter, "segmenter": segmenter, "titles": titles_time,
            "n_titles": len(titles), "layout": t2 - t1, "pdf": t3 - t2, "total": t3 - t0,
            "relayout": t5 - t4, "pages": len(result.layout.pages),
            "pages_after_edit": len(again.layout.pages),
            "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("issue", nargs="?", default=str(ROOT / "samples/jinan-2020-10/issue.json"))
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--once", action="store_true", help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.once:
        print(repr(one_build(a.issue)))
        return
    runs = []
    for _ in range(a.runs):   # each run in a fresh process: a cold start, as an editor sees it
        t0 = time.perf_counter()
        out = subprocess.run([sys.executable, __file__, a.issue, "--once"], capture_output=True,
                             text=True, check=True).stdout
        wall = time.perf_counter() - t0
        r = eval(out.strip().splitlines()[-1])  # noqa: S307 — our own repr of a dict of numbers
        r["process"] = wall
        runs.append(r)
    med = {k: statistics.median(r[k] for r in runs) for k in runs[0]}
    print(f"sample issue: {a.issue}")
    print(f"runs: {a.runs} (median shown)")
    print(f"pages: {med['pages']:.0f} (after the edit: {med['pages_after_edit']:.0f})")
    print(f"whole process (python start → PDF written): {med['process']:.2f} s")
    print(f"  import {med['import']:.2f} s, layout {med['layout']:.2f} s, PDF {med['pdf']:.2f} s")
    print(f"re-layout after editing one document: {med['relayout'] * 1000:.0f} ms")
    print(f"title breaking: jieba and its word index {med['segmenter']:.2f} s once per process; "
          f"then {med['titles'] * 1000:.0f} ms for the issue's {med['n_titles']:.0f} titles")
    print(f"peak memory: {med['peak_mb']:.0f} MB")


if __name__ == "__main__":
    main()
