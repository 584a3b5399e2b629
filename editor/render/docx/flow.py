"""Vertical spacing as our paginator does it, turned into Word's space-before values.

in: one paragraph after another (its spacing in points, whether it sits on the line grid,
its height when it does not); out: the w:spacing/@w:before each paragraph needs so that
Word, which adds space-after and space-before and does not snap exact-height lines to the
grid, puts every grid line where our PDF has it. Our paginator (layout/paginate.py) takes
the larger of the two spaces and then moves a grid line down to the next grid position.
"""
from __future__ import annotations

import math

EPS = 0.01


class Flow:
    """The bottom of the last placed paragraph, in points below the top of the page area."""

    def __init__(self, pitch: float):
        self.pitch = pitch
        self.end = 0.0
        self.after: float | None = None     # space-after of the previous paragraph

    def new_page(self, top: float = 0.0) -> None:
        """The next paragraph starts a page (a page break, or the first TOC line at `top`)."""
        self.end = top
        self.after = None

    def below_columns(self) -> None:
        """The next paragraph goes across the page under balanced columns, which end on a
        grid line: only the position on the grid matters, and that is a whole line."""
        self.end = 0.0

    def place(self, before: float, after: float, on_grid: bool, height: float) -> tuple[float, bool]:
        """in: the paragraph's own space before/after (pt), whether its lines sit on the grid,
        its height (pt; any whole number of lines for a grid paragraph);
        out: (space before to write, whether the previous paragraph's space-after must be
        written as 0). Word adds after and before, LibreOffice takes the larger: when both
        would be non-zero the whole gap goes into `before`, so both programs agree."""
        prev = self.after
        top = self.end if prev is None else self.end + max(before, prev)
        if on_grid:
            top = math.ceil((top - EPS) / self.pitch) * self.pitch
        written = top - self.end - (prev or 0.0)
        self.end = top if on_grid else top + height     # a grid paragraph ends on the grid
        self.after = after
        if written > EPS and prev:
            return written + prev, True
        return max(written, 0.0), False


def estimate_lines(text: str, size: float, measure: float) -> int:
    """Lines a centred or plain paragraph needs: CJK one em, other characters half an em."""
    lines = 0
    for part in text.split("\n"):
        width = sum(size if ord(ch) >= 0x2E80 else size / 2 for ch in part.strip())
        lines += max(1, math.ceil((width - EPS) / measure)) if part.strip() else 0
    return max(lines, 1)
