"""Tables and images: a simple ruled grid of equal-width columns; a picture scaled to the measure.

in: a TABLE or IMAGE block; out: SetLines (one per table row, one per picture) carrying
their rules or image, so the paginator can break a table between rows.
"""
from __future__ import annotations

import struct
from dataclasses import replace

from ..model import Block
from .lines import SetLine
from .setting import Typesetter
from .spec import Style

PAD = 3.0   # pt of padding inside a cell


def set_table(ts: Typesetter, block: Block, index: int, style: Style) -> list[SetLine]:
    rows = [r for r in block.rows if r]
    if not rows:
        return []
    ncols = max(len(r) for r in rows)
    width = ts.measure
    colw = width / ncols
    cell_style = replace(style, indent=0, align="left", left=0, right=0, leading=1.5)
    out: list[SetLine] = []
    for r, row in enumerate(rows):
        cells = []
        for c in range(ncols):
            text = row[c] if c < len(row) else ""
            lines = []
            for part in text.split("\n"):      # a line break inside a cell starts a new line
                lines += ts.set_runs([(part, cell_style.font, cell_style.size, 0.0)], cell_style,
                                     index, measure=colw - 2 * PAD) if part.strip() else []
            cells.append(lines)
        line_h = cell_style.leading * cell_style.size
        n = max(1, max(len(c) for c in cells))
        height = n * line_h + 2 * PAD
        segs = []
        for c, lines in enumerate(cells):
            x0 = c * colw + PAD
            for k, ln in enumerate(lines):
                dy = PAD + k * line_h   # the renderer puts every segment on the row's baseline + rise
                for s in ln.segments:
                    segs.append(replace(s, xs=tuple(x0 + x for x in s.xs), rise=s.rise - dy))
        rules = [(c * colw, 0.0, c * colw, height) for c in range(ncols + 1)]
        rules.append((0.0, height, width, height))
        if r == 0:
            rules.append((0.0, 0.0, width, 0.0))
        line = SetLine(segs, height, line_h, grid=False, block=index, first=r == 0,
                       last=r == len(rows) - 1, rules=rules)
        line.baseline_offset = PAD + (line_h - cell_style.size) / 2 + 0.88 * cell_style.size
        out.append(line)
    return out


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


def set_image(ts: Typesetter, block: Block, index: int) -> list[SetLine]:
    if not block.image:
        return []
    w, h = image_box(block, ts.measure, ts.spec.text_height * 0.9)
    x = (ts.measure - w) / 2
    return [SetLine([], h, ts.spec.size, grid=False, block=index, first=True, last=True,
                    image=(x, w, h, block.image))]
