"""What our layout did with each block, read back from the LayoutResult, so the DOCX takes
the same decisions instead of guessing them again: where a title breaks, which 名单 items
share a line, where a 落款 or date starts.

in: the LayoutResult and the spec; out: per (document, block) the visual lines our PDF
printed for it — text and left edge relative to the type area.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from ...layout.pages import LayoutResult
from ...layout.spec import LayoutSpec

SAME_LINE = 0.45        # × size: sub/superscripts shift less than this off the baseline


@dataclass
class LaidLine:
    text: str
    left: float          # pt from the type area's left edge
    page: int            # physical page index
    y: float             # baseline
    size: float
    pieces: list = field(default_factory=list)   # (left, text) of each run of glyphs drawn


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def laid_lines(layout: LayoutResult, spec: LayoutSpec) -> dict[tuple[int, int], list[LaidLine]]:
    """(document, block) → the lines printed for that block, in reading order."""
    out: dict[tuple[int, int], list[LaidLine]] = defaultdict(list)
    for page in layout.pages:
        if page.kind != "body":
            continue
        left = spec.left_margin(page.number)
        for tl in page.lines:
            if tl.doc is None or tl.block is None or not tl.xs:
                continue
            lines = out[(tl.doc, tl.block)]
            for ln in reversed(lines):
                if ln.page == page.index and abs(ln.y - tl.y) < SAME_LINE * max(ln.size, tl.size):
                    ln.text += tl.text
                    ln.left = min(ln.left, tl.xs[0] - left)
                    ln.pieces.append((tl.xs[0] - left, tl.text))
                    break
            else:
                lines.append(LaidLine(tl.text, tl.xs[0] - left, page.index, tl.y, tl.size,
                                      [(tl.xs[0] - left, tl.text)]))
    return out


def name_start(lines: list[LaidLine], number: str) -> tuple[float, float] | None:
    """Where a 名单 item's number and its name begin on its first printed line (pt from the
    type area's left), when the layout set the number apart (layout.blocks._name_list)."""
    if not lines or not number:
        return None
    pieces = sorted(lines[0].pieces)
    if len(pieces) < 2 or squash(pieces[0][1]) != squash(number):
        return None
    return pieces[0][0], pieces[1][0]


def shares_line(lines: list[LaidLine], text: str, next_text: str) -> bool:
    """Whether the next block was printed on this block's line (a 名单 set two to a line)."""
    return (len(lines) == 1 and bool(squash(next_text))
            and squash(lines[0].text) == squash(text) + squash(next_text))


def column_left(left: float, spec: LayoutSpec, columns: int) -> float:
    """A printed line's left edge (pt from the type area's left) measured from the left of
    the column it stands in, when the text runs in `columns` columns."""
    if columns == 1:
        return left
    step = spec.column_measure + spec.gutter
    return left - step * min(int((left + 0.5) // step), columns - 1)


def printed_toc(layout: LayoutResult) -> list[str]:
    """The 目录 pages' lines as printed, top to bottom (glyph runs on one baseline joined,
    spaces dropped): the inside title, the heading, each 栏目 and each entry's lines."""
    out = []
    for page in layout.pages:
        if page.kind != "toc":
            continue
        rows: list[list] = []
        for tl in sorted(page.lines, key=lambda tl: (tl.y, tl.xs[0] if tl.xs else 0.0)):
            if rows and abs(rows[-1][0].y - tl.y) < SAME_LINE * max(rows[-1][0].size, tl.size):
                rows[-1].append(tl)
            else:
                rows.append([tl])
        out += [squash("".join(tl.text for tl in sorted(row, key=lambda t: t.xs[0] if t.xs else 0.0)))
                for row in rows]
    return out


def split_like(text: str, printed: list[str], at: int) -> tuple[list[str], int]:
    """in: a text our layout set on one or more lines, the printed lines, where to look from;
    out: the text cut where the printed lines break it (each piece a prefix-match of a line,
    so leaders and a page number after it are left out), and where the next text starts.
    ([text], at) when the lines from `at` on do not spell it out."""
    want = squash(text)
    for start in range(at, len(printed)):
        if not printed[start] or not want.startswith(printed[start][:1]):
            continue
        pieces, rest, k = [], want, start
        while rest and k < len(printed):
            line = printed[k]
            n = len(line) if rest.startswith(line) else (len(rest) if line.startswith(rest) else 0)
            if n == 0:
                break
            pieces.append(rest[:n])
            rest, k = rest[n:], k + 1
        if not rest:
            return _unsquash(text, pieces), k
    return [text], at


def _unsquash(text: str, pieces: list[str]) -> list[str]:
    """`pieces` (squashed) mapped back onto `text` with its spaces (a cut's spaces dropped)."""
    out, pos = [], 0
    for piece in pieces:
        want, j = len(piece), pos
        while j < len(text) and want:
            want -= not text[j].isspace()
            j += 1
        out.append(text[pos:j].strip())
        pos = j
    return [p for p in out if p]
