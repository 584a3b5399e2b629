"""SetLines → pages: place lines on the grid, break pages where the keep rules allow.

in: SetLines of one flow (a document, the TOC), the spec, and the height available on
the first page; out: a list of pages, each a list of PlacedLine (line + top y within the
type area). A break is allowed before line i unless line i-1 keeps with next; when a
page overflows, the flow breaks at the last allowed point on it, or, when none exists
(a keep chain longer than a page), exactly where it overflows.
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

    @property
    def baseline(self) -> float:
        ln = self.line
        if ln.baseline_offset is not None:
            return self.top + ln.baseline_offset
        return self.top + (ln.height - ln.size) / 2 + BASELINE * ln.size


def _advance(y: float, ln: SetLine, pitch: float, at_top: bool, prev: SetLine | None) -> float:
    """Top of `ln` when it follows a cursor at y."""
    if not at_top:
        y += max(ln.space_before, prev.space_after if prev else 0.0)
    if ln.grid:
        y = math.ceil((y - EPS) / pitch) * pitch
    return y


def paginate(lines: list[SetLine], spec: LayoutSpec, first_top: float = 0.0) -> list[list[PlacedLine]]:
    pitch, height = spec.line_pitch, spec.text_height
    pages: list[list[PlacedLine]] = []
    i, n = 0, len(lines)
    top0 = first_top
    while i < n:
        page: list[PlacedLine] = []
        y, prev, start = top0, None, i
        top0 = 0.0
        while i < n:
            ln = lines[i]
            if page and ln.page_break_before:
                break
            t = _advance(y, ln, pitch, not page, prev)
            if t + ln.height > height + EPS and page:
                # overflow: go back to the last line before which a break is allowed
                back = i
                while back > start and lines[back - 1].keep_with_next:
                    back -= 1
                if back > start:
                    del page[back - start:]
                    i = back
                break
            page.append(PlacedLine(ln, t))
            y, prev = t + ln.height, ln
            i += 1
        if not page:      # a single line taller than the page: place it anyway
            page.append(PlacedLine(lines[i], 0.0))
            i += 1
        pages.append(page)
    return pages
