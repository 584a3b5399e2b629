"""Tables and images: a ruled grid of equal-width columns, merged cells spanning it; a
picture scaled to the measure.

in: a TABLE or IMAGE block; out: SetLines (one per table row, one per picture) carrying
their rules, text and pictures, so the paginator can break a table between rows — never
inside a cell merged down several rows (those rows keep together).
"""
from __future__ import annotations

import struct
from dataclasses import dataclass, replace

from ..model import Block, BlockKind, CellImage
from .lines import SetLine
from .setting import Typesetter
from .spec import Style

PAD = 3.0   # pt of padding inside a cell


@dataclass(frozen=True)
class Cell:
    """One printed cell: where it starts on the grid and how far it spans."""
    row: int
    col: int
    rows: int = 1
    cols: int = 1


def table_cells(block: Block) -> tuple[list[list[str]], list[Cell], dict[tuple[int, int], Cell]]:
    """The table's rows padded to its grid width, its printed cells in reading order, and
    for every grid position the cell covering it (merged cells cover several)."""
    rows = [list(r) for r in block.rows]
    width = max((len(r) for r in rows), default=0)
    rows = [r + [""] * (width - len(r)) for r in rows]
    owner: dict[tuple[int, int], Cell] = {}
    for r, c, rs, cs in block.spans:
        rs, cs = max(1, min(rs, len(rows) - r)), max(1, min(cs, width - c))
        cell = Cell(r, c, rs, cs)
        if any((r + i, c + j) in owner for i in range(rs) for j in range(cs)):
            continue        # overlapping merges (a damaged file): the first one wins
        for i in range(rs):
            for j in range(cs):
                owner[(r + i, c + j)] = cell
    cells = []
    for r in range(len(rows)):
        for c in range(width):
            cell = owner.setdefault((r, c), Cell(r, c))
            if (cell.row, cell.col) == (r, c):
                cells.append(cell)
    return rows, cells, owner


def set_table(ts: Typesetter, block: Block, index: int, style: Style) -> list[SetLine]:
    rows, cells, owner = table_cells(block)
    if not rows or not rows[0]:
        return []
    ncols = len(rows[0])
    width = ts.measure
    colw = width / ncols
    cell_style = replace(style, indent=0, align="left", left=0, right=0, leading=1.5)
    line_h = cell_style.leading * cell_style.size
    pictures = {}
    for pic in block.cell_images:
        pictures.setdefault((pic.row, pic.col), []).append(pic)
    content = {}       # cell → (its text lines, its pictures (w, h, bytes), height)
    for cell in cells:
        inner = cell.cols * colw - 2 * PAD
        lines = []
        for part in rows[cell.row][cell.col].split("\n"):   # a line break in a cell starts a new line
            lines += ts.set_runs([(part, cell_style.font, cell_style.size, 0.0)], cell_style,
                                 index, measure=inner) if part.strip() else []
        pics = [(*cell_image_box(p, inner, ts.spec.text_height), p.image) for p in pictures.get((cell.row, cell.col), [])]
        height = max(1, len(lines)) * line_h if lines or not pics else 0.0
        height += sum(h + PAD for _w, h, _d in pics)
        content[cell] = (lines, pics, height + 2 * PAD)
    by_row: dict[int, list[Cell]] = {}
    for cell in cells:
        by_row.setdefault(cell.row, []).append(cell)
    heights = [max([content[c][2] for c in by_row.get(r, []) if c.rows == 1] + [line_h + 2 * PAD])
               for r in range(len(rows))]
    for cell in cells:          # a cell merged down grows its last row if it needs more room
        last = cell.row + cell.rows - 1
        short = content[cell][2] - sum(heights[cell.row:last + 1])
        if cell.rows > 1 and short > 0:
            heights[last] += short
    out: list[SetLine] = []
    for r in range(len(rows)):
        segs, pics = [], []
        for cell in by_row.get(r, []):
            lines, images, _h = content[cell]
            x0 = cell.col * colw + PAD
            for k, ln in enumerate(lines):
                dy = PAD + k * line_h   # the renderer puts every segment on the row's baseline + rise
                for s in ln.segments:
                    segs.append(replace(s, xs=tuple(x0 + x for x in s.xs), rise=s.rise - dy))
            y = PAD + len(lines) * line_h + (PAD if lines else 0.0)
            for w, h, data in images:
                pics.append((cell.col * colw + (cell.cols * colw - w) / 2, y, w, h, data))
                y += h + PAD
        line = SetLine(segs, heights[r], line_h, grid=False, block=index, first=r == 0,
                       last=r == len(rows) - 1, rules=_row_rules(r, ncols, colw, heights[r], owner, len(rows)),
                       pictures=pics)
        line.baseline_offset = PAD + (line_h - cell_style.size) / 2 + 0.88 * cell_style.size
        # rows a merged cell runs down stay on one page: the cell is drawn from its first row
        line.keep_with_next = any(owner[(r, c)] is owner.get((r + 1, c)) for c in range(ncols))
        out.append(line)
    return out


def _row_rules(r: int, ncols: int, colw: float, height: float, owner: dict, nrows: int) -> list[tuple]:
    """The rules of row r: the cell walls (none inside a cell merged across), the line under
    it (none under a cell merged down into the next row), the table's top over row 0."""
    rules = [(0.0, 0.0, ncols * colw, 0.0)] if r == 0 else []
    for c in range(ncols + 1):
        inside = 0 < c < ncols and owner[(r, c - 1)] is owner[(r, c)]
        if not inside:
            rules.append((c * colw, 0.0, c * colw, height))
    start = None
    for c in range(ncols + 1):
        open_below = c < ncols and r + 1 < nrows and owner[(r, c)] is owner[(r + 1, c)]
        ruled = c < ncols and not open_below
        if ruled and start is None:
            start = c
        elif not ruled and start is not None:
            rules.append((start * colw, height, c * colw, height))
            start = None
    return rules


def pixel_size(data: bytes) -> tuple[int, int] | None:
    """Pixel size of a PNG or JPEG, read from its header (no imaging library needed)."""
    if data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) >= 24:
        return struct.unpack(">II", data[16:24])
    if data[:2] == b"\xff\xd8":
        i = 2
        while i + 9 < len(data):
            if data[i] != 0xFF:
                return None
            marker, length = data[i + 1], struct.unpack(">H", data[i + 2:i + 4])[0]
            if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
                h, w = struct.unpack(">HH", data[i + 5:i + 9])
                return w, h
            i += 2 + length
    return None


def image_box(block: Block, measure: float, max_height: float) -> tuple[float, float]:
    """Printed width and height (pt) of a picture: the size the source gave it (else its
    pixels at 96 dpi), shrunk to fit the measure and the page, never enlarged."""
    px = pixel_size(block.image or b"") or (400, 300)
    w, h = block.image_size or (px[0] * 0.75, px[1] * 0.75)
    if w <= 0 or h <= 0:
        w, h = px[0] * 0.75, px[1] * 0.75
    scale = min(1.0, measure / w, max_height / h)
    return w * scale, h * scale


def cell_image_box(picture: CellImage, inner: float, text_height: float) -> tuple[float, float]:
    """Printed width and height (pt) of a picture in a cell `inner` wide: as image_box, and
    no taller than half the type area, so its row still fits a page."""
    return image_box(Block(kind=BlockKind.IMAGE, image=picture.image, image_size=picture.size),
                     inner, text_height / 2)


def set_image(ts: Typesetter, block: Block, index: int) -> list[SetLine]:
    if not block.image:
        return []
    w, h = image_box(block, ts.measure, ts.spec.text_height * 0.9)
    x = (ts.measure - w) / 2
    return [SetLine([], h, ts.spec.size, grid=False, block=index, first=True, last=True,
                    image=(x, w, h, block.image))]
