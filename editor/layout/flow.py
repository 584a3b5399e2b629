"""A document's lines poured into pages of columns, under titles that span them.

in: one document's SetLines in reading order (a line with `span` goes across the page, the
others into columns), the spec (columns, gutter, grid) and the top of the first page;
out: FlowPages — the placed lines of each page with their column offsets, and each column
area (for the rule between columns and the lone-line checks).

How, in the manner of Typst's flow: the lines are collected into runs (a run of spanning
lines, a run of column lines); each run is distributed into the regions left on the page —
a spanning run into the width of the page below what is already there, a column run into
the columns below that, column after column, page after page; when a column run ends on a
page (a spanning title follows, or the document ends), its last columns are balanced
(平衡栏): the shortest height at which the lines fill the columns in turn. Keep-with-next,
widows and orphans hold per column (paginate.fill_region). A one-column layout is the same
flow with one column.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .lines import SetLine
from .paginate import EPS, PlacedLine, advance, fill_region
from .spec import LayoutSpec


@dataclass
class ColumnArea:
    """One stretch of columns on a page: from `top` to `bottom`, `count` columns."""
    top: float
    bottom: float
    count: int


@dataclass
class FlowPage:
    lines: list[PlacedLine] = field(default_factory=list)          # in reading order
    chunks: list[list[PlacedLine]] = field(default_factory=list)   # each column / spanning piece
    areas: list[ColumnArea] = field(default_factory=list)

    @property
    def bottom(self) -> float:
        return max((p.bottom for p in self.lines), default=0.0)

    def add(self, placed: list[PlacedLine]) -> None:
        if placed:
            self.lines += placed
            self.chunks.append(placed)


@dataclass
class _Cursor:
    """Where the flow stands: the page being filled, the y below what it holds, the last line."""
    pages: list[FlowPage]
    y: float
    prev: SetLine | None = None

    @property
    def page(self) -> FlowPage:
        return self.pages[-1]

    def next_page(self) -> None:
        self.pages.append(FlowPage())
        self.y, self.prev = 0.0, None

    def start(self, ln: SetLine) -> float:
        """Top from which `ln` may be placed: below the page's content, after the space between."""
        if self.prev is None:
            return self.y
        return self.y + max(ln.space_before, self.prev.space_after)


def flow(lines: list[SetLine], spec: LayoutSpec, first_top: float = 0.0) -> list[FlowPage]:
    cur = _Cursor([FlowPage()], first_top)
    i, n = 0, len(lines)
    while i < n:
        j = _run_end(lines, i, spec.columns)
        if lines[i].page_break_before and cur.page.lines:
            cur.next_page()
        if lines[i].span or spec.columns == 1:
            i = _place_spanning(lines, i, j, spec, cur)
        else:
            i = _place_columns(lines, i, j, spec, cur)
    return [p for p in cur.pages if p.lines] or [FlowPage()]


def _run_end(lines: list[SetLine], i: int, columns: int) -> int:
    """End of the run that starts at i: lines of one kind (spanning or not), up to a forced break."""
    span = lines[i].span or columns == 1
    j = i + 1
    while j < len(lines) and (lines[j].span or columns == 1) == span and not lines[j].page_break_before:
        j += 1
    return j


def _keep_chain_end(lines: list[SetLine], j: int) -> int:
    """One past the last line that the line before j keeps with (the first lines after a title)."""
    k = j
    while k < len(lines) and lines[k].keep_with_next:
        k += 1
    return min(k + 1, len(lines))


def _place_spanning(lines, i: int, j: int, spec: LayoutSpec, cur: _Cursor) -> int:
    """Spanning lines across the page; a title that would end a page, or not fit under the
    text above it, moves to the next page with what it keeps with."""
    height, pitch = spec.text_height, spec.line_pitch
    while True:
        fresh = not cur.page.lines
        top = cur.start(lines[i])
        placed, k = fill_region(lines, i, j, top, height, pitch, forced=fresh)
        if k == j:
            fits = _room_below(lines, placed, j, spec)
        else:     # a long spanning run (a 名单) goes on over the page at an allowed break
            fits = bool(placed) and not lines[k - 1].keep_with_next
        if fits or fresh:
            break
        cur.next_page()
    cur.page.add(placed)
    if placed:
        cur.y, cur.prev = placed[-1].bottom, placed[-1].line
    if k < j:
        cur.next_page()
    return k


def _room_below(lines, placed: list[PlacedLine], j: int, spec: LayoutSpec) -> bool:
    """Whether the lines a title keeps with fit below it on the same page."""
    if not placed or j >= len(lines) or not lines[j - 1].keep_with_next:
        return True
    end = _keep_chain_end(lines, j)
    top = placed[-1].bottom + max(lines[j].space_before, lines[j - 1].space_after)
    _, k = fill_region(lines, j, end, top, spec.text_height, spec.line_pitch, forced=False)
    return k == end


def _column_left(spec: LayoutSpec, c: int) -> float:
    return c * (spec.column_measure + spec.gutter)


def _fill_columns(lines, i: int, j: int, spec: LayoutSpec, top: float, bottom: float,
                  forced: bool) -> tuple[list[list[PlacedLine]], int]:
    """Fill the columns from `top` to `bottom` in turn; out: (lines per column, next index)."""
    cols, k = [], i
    for c in range(spec.columns):
        if k >= j:
            break
        placed, k = fill_region(lines, k, j, top, bottom, spec.line_pitch, _column_left(spec, c),
                                forced=forced and c == 0)
        if not placed:
            break
        cols.append(placed)
    return cols, k


def _balanced(lines, i: int, j: int, spec: LayoutSpec, top: float) -> list[list[PlacedLine]] | None:
    """The columns of lines[i:j] at the least height (on the grid) that takes them all."""
    pitch = spec.line_pitch
    first = top + pitch
    step = 0
    while first + step * pitch <= spec.text_height + EPS:
        bottom = first + step * pitch
        cols, k = _fill_columns(lines, i, j, spec, top, bottom, forced=False)
        if k >= j:
            return cols
        step += 1
    return None


def _place_columns(lines, i: int, j: int, spec: LayoutSpec, cur: _Cursor) -> int:
    """Column lines from below the page's content, column after column, page after page;
    the last page's columns balanced."""
    while i < j:
        fresh = not cur.page.lines
        top = cur.start(lines[i])
        cols, k = _fill_columns(lines, i, j, spec, top, spec.text_height, forced=fresh)
        if not cols:                     # not even one line fits under the text above
            cur.next_page()
            continue
        if k >= j and spec.columns > 1:
            cols = _balanced(lines, i, j, spec, top) or cols
        for placed in cols:
            cur.page.add(placed)
        bottom = max(p.bottom for col in cols for p in col)
        cur.page.areas.append(ColumnArea(min(p.top for col in cols for p in col), bottom, len(cols)))
        cur.y, cur.prev = bottom, cols[-1][-1].line
        i = k
        if i < j:
            cur.next_page()
    return i
