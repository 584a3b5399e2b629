"""SetLines → one region (a page, or a column): place lines on the grid, break where the keep
rules allow.

in: SetLines of one flow, the spec, a region's top and bottom (type-area coordinates);
out: PlacedLines (line + top y) and where the flow goes on. A break is allowed before line
i unless line i-1 keeps with next; when a region overflows, the flow breaks at the last
allowed point in it, or, when none exists (a keep chain longer than the region), exactly
where it overflows. `paginate` pours a one-column flow (the 目录) into whole pages;
flow.py pours documents into columns.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

from .lines import SetLine
from .spec import LayoutSpec

EPS = 0.01
BASELINE = 0.88          # ideographic em box: baseline sits 0.88 em below its top


@dataclass(frozen=True)
class PlacedLine:
    line: SetLine
    top: float           # top of the line box, from the top of the type area
    left: float = 0.0    # left edge of its column, from the left of the type area

    @property
    def baseline(self) -> float:
        ln = self.line
        if ln.baseline_offset is not None:
            return self.top + ln.baseline_offset
        return self.top + (ln.height - ln.size) / 2 + BASELINE * ln.size

    @property
    def bottom(self) -> float:
        return self.top + self.line.height


def advance(y: float, ln: SetLine, pitch: float, at_top: bool, prev: SetLine | None) -> float:
    """Top of `ln` when it follows a cursor at y (the space between blocks, then the grid)."""
    if not at_top:
        y += max(ln.space_before, prev.space_after if prev else 0.0)
    if ln.grid:
        y = math.ceil((y - EPS) / pitch) * pitch
    return y


def fill_region(lines: list[SetLine], i: int, end: int, top: float, bottom: float, pitch: float,
                left: float = 0.0, forced: bool = True) -> tuple[list[PlacedLine], int]:
    """Place lines[i:end] from `top` down to `bottom`; out: (placed, index of the first line
    left over). A line with page_break_before ends the region. With `forced`, a region that
    holds no line at all takes the first one anyway (a line taller than the region)."""
    placed: list[PlacedLine] = []
    y, prev, start = top, None, i
    while i < end:
        ln = lines[i]
        if placed and ln.page_break_before:
            break
        t = advance(y, ln, pitch, not placed, prev)
        if t + ln.height > bottom + EPS:
            if placed:
                # overflow: go back to the last line before which a break is allowed
                back = i
                while back > start and lines[back - 1].keep_with_next:
                    back -= 1
                if back > start:
                    del placed[back - start:]
                    i = back
            break
        placed.append(PlacedLine(ln, t, left))
        y, prev = t + ln.height, ln
        i += 1
    if not placed and forced and i < end:
        placed.append(PlacedLine(lines[i], top, left))
        i += 1
    return placed, i


def paginate(lines: list[SetLine], spec: LayoutSpec, first_top: float = 0.0) -> list[list[PlacedLine]]:
    """A one-column flow in whole pages (the first starting at `first_top`)."""
    pages: list[list[PlacedLine]] = []
    i, top = 0, first_top
    while i < len(lines):
        page, i = fill_region(lines, i, len(lines), top, spec.text_height, spec.line_pitch)
        pages.append(page)
        top = 0.0
    return pages
