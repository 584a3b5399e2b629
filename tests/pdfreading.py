"""Reading our PDFs back as a reader does: column by column, titles across the page between.

in: a pdfplumber page and the layout spec it was set with; out: its text lines in reading
order. The spec gives the columns' places (mirrored margins included), so no guessing: a
row with a character whose middle lies in the gutter spans the page (a title); the others
are split at the gutter and read left column first, then right, up to the next such row.
"""
from __future__ import annotations

from collections import defaultdict


def _text(chars) -> str:
    return "".join(c["text"] for c in sorted(chars, key=lambda c: c["x0"]))


def reading_lines(page, spec) -> list[tuple[float, str]]:
    """(top, text) of each line of `page` (pdfplumber) in reading order."""
    rows = defaultdict(list)
    for c in page.chars:
        if c["text"].strip():
            rows[round(c["top"], 0)].append(c)
    if spec.columns == 1:
        return [(top, _text(cs)) for top, cs in sorted(rows.items())]
    left = spec.left_margin(page.page_number)
    gutters = [(left + k * (spec.column_measure + spec.gutter) - spec.gutter + 1,
                left + k * (spec.column_measure + spec.gutter) - 1) for k in range(1, spec.columns)]
    out: list[tuple[float, str]] = []
    columns: list[list[tuple[float, str]]] = [[] for _ in range(spec.columns)]

    def flush():
        for col in columns:
            out.extend(col)
            col.clear()

    for top, cs in sorted(rows.items()):
        middles = [(c["x0"] + c["x1"]) / 2 for c in cs]
        if any(a < m < b for m in middles for a, b in gutters):
            flush()
            out.append((top, _text(cs)))
            continue
        for k in range(spec.columns):
            lo = gutters[k - 1][1] if k else float("-inf")
            hi = gutters[k][0] if k < len(gutters) else float("inf")
            part = [c for c, m in zip(cs, middles) if lo <= m <= hi]
            if part:
                columns[k].append((top, _text(part)))
    flush()
    return out


def page_text(page, spec, top: float | None = None, bottom: float | None = None) -> str:
    """All of a page's text in reading order (optionally only lines between top and bottom)."""
    return "".join(t for y, t in reading_lines(page, spec)
                   if (top is None or y > top) and (bottom is None or y < bottom))
