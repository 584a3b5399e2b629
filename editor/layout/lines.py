"""Set lines: the unit the paginator places — text segments positioned across the measure.

in: produced by setting.py (paragraphs), toc.py, tables.py; out: placed by paginate.py.
x positions are relative to the type area's left edge; y is decided by the paginator.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Segment:
    text: str
    xs: tuple[float, ...]      # relative to the type area's left edge
    font: str
    size: float
    rise: float = 0.0
    color: str = "black"
    hidden: bool = False       # glyphs kept for the text but not drawn (a ruled ——)
    rules: tuple = ()          # (dx1, dx2, lift, width) drawn instead: x from xs[0], lift above the baseline


@dataclass
class SetLine:
    segments: list[Segment]
    height: float              # line pitch this line takes
    size: float                # main size (for baseline placement)
    grid: bool                 # sits on the body grid
    block: int | None = None
    first: bool = False        # first line of its block
    last: bool = False         # last line of its block
    keep_with_next: bool = False   # no page break between this line and the next
    space_before: float = 0.0  # pt, dropped at the top of a page
    space_after: float = 0.0   # pt; the gap between blocks is the larger of after and before
    page_break_before: bool = False
    span: bool = False         # set across all columns (title block); else it goes in one column
    rules: list = field(default_factory=list)   # (x1, y1, x2, y2[, width, colour]) from the line top
    image: tuple | None = None                  # (x, width, height, bytes) for a picture
    pictures: list = field(default_factory=list)   # (x, dy, width, height, bytes): in table cells
    qr: tuple | None = None                     # (x, side, text) for a QR code
    baseline_offset: float | None = None        # baseline below the line top; None = centred
