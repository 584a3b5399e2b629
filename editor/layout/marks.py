"""—— and ……: one unbroken two-em mark in every face (GB/T 15834 §5.1.4–5.1.5).

in: a paragraph's characters, and the metrics of the face a run of dashes or ellipses is
set in; out: where those runs are (`two_em_runs`), whether the face's own glyphs join into
one mark on the middle of the em box (`joins`), and, where they do not, the strokes to
draw instead (`strokes`): a rule across the run, or dots evenly spaced along it. The
glyphs stay in the text, drawn invisibly, so the printed text still reads ——.

A face's glyphs join when, set one em apart, the dash's ink meets the next dash's (the
three dots of an ellipsis a third of an em apart, across the join too) and the ink sits
on the middle of the em box, where the Han glyphs have theirs. Noto's U+2014 is a Latin
dash, 0.8 em long and low; an office font's 仿宋 dash fills its cell.
"""
from __future__ import annotations

import re

RUN = re.compile("[—―]{2,}|[…⋯]{2,}")
JOIN_GAP = 0.02          # em of blank at a join that still reads as one mark
OFF_CENTRE = 0.08        # em the ink's middle may sit off the em box's middle
DASH_INSET = 0.04        # em left blank at each end of a ruled dash, like a glyph's side bearing
DASH_WEIGHT = 0.05       # em: a ruled dash's thickness when the face's own dash gives none
DOT = 0.1                # em: a drawn dot's size when the face's own ellipsis gives none
THIN, THICK = 0.02, 0.15  # em: a thickness outside this range is not a dash's


def two_em_runs(text: str) -> list[tuple[int, int]]:
    """(start, end) of every run of two or more dashes, or of ellipses, in `text`."""
    return [m.span() for m in RUN.finditer(text)]


def _middle(metrics) -> float:
    """Height of the em box's middle above the baseline, in em."""
    return (metrics.ascent - metrics.descent) / 2


def joins(metrics, ch: str) -> bool:
    """Whether the face draws a run of `ch` (a dash or an ellipsis) as one unbroken mark
    when its glyphs are set one em apart."""
    boxes = metrics.ink(ch)
    if not boxes:
        return False
    middle = _middle(metrics)
    if any(abs((y0 + y1) / 2 - middle) > OFF_CENTRE for _, y0, _, y1 in boxes):
        return False
    if ch in "—―":
        x0, x1 = min(b[0] for b in boxes), max(b[2] for b in boxes)
        return 1.0 + x0 - x1 <= JOIN_GAP
    if len(boxes) != 3:
        return False
    centres = [(x0 + x1) / 2 for x0, _, x1, _ in boxes]
    steps = [b - a for a, b in zip(centres, centres[1:])] + [1.0 + centres[0] - centres[-1]]
    return all(abs(step - 1 / 3) <= JOIN_GAP for step in steps)


def strokes(metrics, ch: str, count: int, cell: float, size: float) -> tuple[tuple[float, ...], ...]:
    """What to draw for a run of `count` dashes or ellipses set in cells `cell` pt wide:
    rules (dx1, dx2, lift, width) in pt, x from the run's left edge, lift of the rule's
    middle above the baseline. A dash run is one rule; an ellipsis run is square dots,
    three per cell, evenly spaced."""
    middle = _middle(metrics) * size
    boxes = metrics.ink(ch) or ()
    if ch in "—―":
        heights = [y1 - y0 for _, y0, _, y1 in boxes]
        weight = heights[0] if len(heights) == 1 and THIN <= heights[0] <= THICK else DASH_WEIGHT
        inset = DASH_INSET * size
        return ((inset, count * cell - inset, middle, weight * size),)
    sizes = [y1 - y0 for _, y0, _, y1 in boxes]
    dot = (sizes[0] if len(sizes) == 3 and THIN <= sizes[0] <= THICK else DOT) * size
    pitch = cell / 3
    return tuple(((k + 0.5) * pitch - dot / 2, (k + 0.5) * pitch + dot / 2, middle, dot)
                 for k in range(3 * count))
