"""The few TrueType/OpenType tables a layout needs, read with one struct call per table.

in: a font file's bytes (and face index in a collection); out: its table directory, its
cmap subtables, the code point → glyph pairs of a format 4 subtable, each glyph's advance.
Pure Python (struct): the layout's metrics (metrics.py) and the PDF's font reader
(render/ttfread.py) both decode a CJK font's 20 000 mappings with it, in a tenth of the
time fontTools or reportlab take value by value.
"""
from __future__ import annotations

from struct import error as StructError, unpack_from

TTC_TAG = b"ttcf"


class NotReadable(Exception):
    """A font (or a table of it) this reader leaves to a full font library."""


def table_directory(data: bytes, index: int = 0) -> dict[str, tuple[int, int]]:
    """out: tag → (offset, length) of each table of face `index`."""
    try:
        at = 0
        if data[:4] == TTC_TAG:
            count = unpack_from(">L", data, 8)[0]
            if not 0 <= index < count:
                raise NotReadable(f"face {index} of {count}")
            at = unpack_from(">L", data, 12 + 4 * index)[0]
        tables = unpack_from(">H", data, at + 4)[0]
        out = {}
        for n in range(tables):
            tag, _checksum, offset, length = unpack_from(">4sLLL", data, at + 12 + 16 * n)
            out[tag.decode("latin-1")] = (offset, length)
        return out
    except StructError as e:
        raise NotReadable(str(e)) from None


def cmap_subtables(data: bytes, cmap: int) -> list[tuple[int, int, int]]:
    """out: (platform, encoding, absolute offset) of each subtable of the cmap at `cmap`,
    in the table's order. A version/count pair written the wrong way round (as some fonts
    do) is read as reportlab reads it."""
    version, count = unpack_from(">HH", data, cmap)
    if count == 0 and version != 0:
        count = version
    return [(platform, encoding, cmap + offset)
            for platform, encoding, offset in (unpack_from(">HHL", data, cmap + 4 + 8 * n)
                                               for n in range(count))]


def subtable_format(data: bytes, offset: int) -> int:
    return unpack_from(">H", data, offset)[0]


def format4_pairs(data: bytes, offset: int, last_segment: bool = True) -> list[tuple[int, int]]:
    """in: a format 4 subtable; out: (code point, glyph) for every code of every segment, in
    the table's order — a code whose glyph index lies past the subtable maps to glyph 0.
    `last_segment=False` leaves out the closing segment (U+FFFF), as fontTools does."""
    length = unpack_from(">H", data, offset + 2)[0]
    limit = offset + length
    segs = unpack_from(">H", data, offset + 6)[0] // 2
    ends = unpack_from(f">{segs}H", data, offset + 14)
    starts = unpack_from(f">{segs}H", data, offset + 16 + 2 * segs)
    deltas = unpack_from(f">{segs}h", data, offset + 16 + 4 * segs)
    ranges_at = offset + 16 + 6 * segs
    ranges = unpack_from(f">{segs}H", data, ranges_at)
    pairs: list[tuple[int, int]] = []
    for n in range(segs if last_segment else segs - 1):
        start, end, delta, offset_n = starts[n], ends[n], deltas[n], ranges[n]
        if end < start:
            continue
        codes = range(start, end + 1)
        if offset_n == 0:
            pairs += [(u, (u + delta) & 0xFFFF) for u in codes]
            continue
        at = ranges_at + 2 * n + offset_n
        for i, u in enumerate(codes):
            where = at + 2 * i
            glyph = unpack_from(">H", data, where)[0] if where < limit else 0
            pairs.append((u, (glyph + delta) & 0xFFFF if glyph else 0))
    return pairs


def advances(data: bytes, hmtx: int, n_hmetrics: int, glyphs: int) -> list[int]:
    """out: each glyph's advance width (font units): the hmtx pairs', then the last one for
    the glyphs after them."""
    pairs = unpack_from(f">{2 * n_hmetrics}H", data, hmtx)
    widths = list(pairs[0::2])
    return widths + [widths[-1]] * max(0, glyphs - n_hmetrics)
