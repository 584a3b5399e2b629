"""Sweep the two-column grid of jinan-gazette against the printed issue's column breaks.

    .venv/bin/python samples/calibrate_columns.py [--cpl 18-24] [--lines 28-36] [--top 10]
    .venv/bin/python samples/calibrate_columns.py --per-document [--cpl 18]

The seed (../shared/seeds) was extracted from the printed gazette's PDF; its text is cut
mid-sentence wherever a printed column ended. For each grid, this lays the sample issue
out with the engine (no PDF: the same pages the PDF draws) and measures, as
../shared/tools/pdfcheck.py --seed does, how far each printed cut lies from the nearest
column end of ours, in Han characters; it also checks the 目录's start pages.
Prints one row per grid, best first. Confirm a chosen grid with pdfcheck on a real build.

--per-document: the printed 每栏行数 of each document. Set with our line breaker at `cpl`
characters, the text between two successive cuts is one printed column; the number of our
lines it takes, most often, is how many lines that document's printed columns held (the
office set documents at different line spacings: 37 for the 报告, about 32 for the others).
"""
from __future__ import annotations

import argparse
import os
import re
import sys
from dataclasses import replace
from pathlib import Path

os.environ.setdefault("GAZETTE_NO_SYSTEM_FONTS", "1")   # the shipped faces, as the tests and CI
HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT.parent / "shared" / "tools"))

from editor.layout.blocks import layout_blocks                    # noqa: E402
from editor.layout.issue import _document_pages, layout_issue   # noqa: E402
from editor.layout.setting import Typesetter                     # noqa: E402
from editor.layout.spec import load_spec, mm_to_pt                # noqa: E402
from editor.pipeline import issue_chars, load_issue, prepare_fonts  # noqa: E402

SEED = ROOT.parent / "shared" / "seeds" / "000_0fbe94d9b63093d3.txt"
HAN = re.compile(r"[\u3400-\u9fff]")
EXPECTED_STARTS = [3, 20, 23, 28, 33, 39, 45, 50]


def column_text(result, docs, spec, metrics) -> tuple[str, list[int]]:
    """Han text of the documents' pages in reading order, and the offsets where a column
    (or a page) ends."""
    text, ends = [], []
    for k, doc in enumerate(docs):
        pages, _ = _document_pages(doc, k, spec, metrics)
        for page in pages:
            for chunk in page.chunks:
                for placed in chunk:
                    text.append("".join(HAN.findall("".join(s.text for s in placed.line.segments))))
                if not chunk[-1].line.span:
                    ends.append(sum(map(len, text)))
            ends.append(sum(map(len, text)))
    return "".join(text), sorted(set(ends))


def cut_distances(flat: str, ends: list[int]) -> list[int]:
    import pdfcheck
    dists = []
    for before, after in pdfcheck.seed_cuts(SEED):
        at = flat.find(before + after)
        if at >= 0:
            cut = at + len(before)
            dists.append(min(abs(cut - e) for e in ends))
    return sorted(dists)


def printed_lines_per_column(doc, k: int, spec, metrics) -> tuple[list[int], int, int]:
    """Lines our breaker needs for each printed column of one document (between two cuts
    that fall at our line ends); and how many of the document's cuts fall at a line end,
    of how many."""
    import pdfcheck
    lines = [ln for ln in layout_blocks(doc, k, Typesetter(spec, metrics)) if not ln.span]
    ends, total = [], 0
    for ln in lines:
        total += len(HAN.findall("".join(s.text for s in ln.segments)))
        ends.append(total)
    text = "".join(HAN.findall("".join("".join(s.text for s in ln.segments) for ln in lines)))
    at_line, found = [], 0
    for before, after in pdfcheck.seed_cuts(SEED):
        at = text.find(before + after)
        found += at >= 0
        if at >= 0 and at + len(before) in ends:         # a cut that falls at one of our line ends
            at_line.append(ends.index(at + len(before)))
    return [b - a for a, b in zip(at_line, at_line[1:])], len(at_line), found


def per_document(issue, spec, metrics) -> None:
    from collections import Counter
    print("doc  cuts at our line ends  printed lines per column (most common)  all")
    total = [0, 0]
    for k, doc in enumerate(issue.documents()):
        counts, at_end, found = printed_lines_per_column(doc, k, spec, metrics)
        total = [total[0] + at_end, total[1] + found]
        common = Counter(counts).most_common(1)
        print(f"{k + 1:>3}  {at_end:>4} of {found:<4}  {common[0][0] if common else '-':>6}  {counts}  {doc.title[:20]}")
    print(f"all  {total[0]} of {total[1]} cuts fall at one of our line ends ({spec.chars_per_line} characters a line)")


def grid(spec, cpl: int, lines: int, size: float | None):
    """The spec with `cpl` characters per column line and `lines` lines per column; the body
    size is the largest half point that fits the column (or `size`)."""
    column = spec.column_measure
    body = size or int(column / cpl * 2) / 2
    styles = {name: (replace(st, size=body) if st.size == spec.size else st)
              for name, st in spec.styles.items()}
    return replace(spec, size=body, chars_per_line=cpl, lines_per_page=lines, styles=styles)


def measure(issue, spec, faces, metrics) -> dict:
    result = layout_issue(issue, spec, faces, metrics)
    docs = issue.documents()
    flat, ends = column_text(result, docs, spec, metrics)
    d = cut_distances(flat, ends)
    starts = [p + 1 for p in result.doc_pages]
    return {"pages": len(result.pages), "exact": sum(x == 0 for x in d),
            "within_20": sum(x <= 20 for x in d), "median": d[len(d) // 2] if d else None,
            "cuts": len(d), "starts_ok": sum(a == b for a, b in zip(starts, EXPECTED_STARTS)),
            "starts": starts}


def span(text: str) -> range:
    lo, _, hi = text.partition("-")
    return range(int(lo), int(hi or lo) + 1)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cpl", default="18-24", help="characters per column line (range)")
    ap.add_argument("--lines", default="28-36", help="lines per column (range)")
    ap.add_argument("--size", type=float, help="body size in pt (default: what the column fits)")
    ap.add_argument("--gutter", type=float, help="gutter in mm")
    ap.add_argument("--top", type=int, default=12, help="rows to print")
    ap.add_argument("--per-document", action="store_true", help="each document's printed lines per column")
    ap.add_argument("--digit-cells", action="store_true",
                    help="what-if: every Latin letter and digit one full cell, as Word's character grid sets "
                         "them in the printed issue (not how we set them)")
    a = ap.parse_args()
    issue = load_issue(HERE / "jinan-2020-10" / "issue.json")
    base = load_spec("jinan-gazette")
    if a.gutter is not None:
        base = replace(base, gutter=mm_to_pt(a.gutter))
    faces, metrics, _ = prepare_fonts(base, issue_chars(issue))
    if a.digit_cells:
        latin = metrics["latin"]
        natural = latin.advance
        latin.advance = lambda ch: 1.0 if ch.isascii() and ch.isalnum() else natural(ch)
    if a.per_document:
        per_document(issue, grid(base, span(a.cpl)[0], base.lines_per_page, a.size), metrics)
        return
    rows = []
    for cpl in span(a.cpl):
        for lines in span(a.lines):
            spec = grid(base, cpl, lines, a.size)
            m = measure(issue, spec, faces, metrics)
            rows.append((m["exact"], m["within_20"], -(m["median"] or 9999), cpl, lines, spec.size, m))
            print(f"{cpl:>3} {lines:>3} {spec.size:5.1f}pt  exact={m['exact']:>2} within_20={m['within_20']:>2} "
                  f"median={m['median']} starts_ok={m['starts_ok']}/8 pages={m['pages']}", file=sys.stderr)
    rows.sort(key=lambda r: r[:3], reverse=True)
    print("cpl lines size  exact within_20 median starts_ok pages")
    for exact, within, _, cpl, lines, size, m in rows[:a.top]:
        print(f"{cpl:>3} {lines:>5} {size:5.1f} {exact:>6} {within:>9} {m['median']:>6} {m['starts_ok']:>6}/8 {m['pages']:>5}"
              f"  {m['starts']}")


if __name__ == "__main__":
    main()
