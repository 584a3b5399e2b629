"""TrueType fonts read into reportlab in bulk: the same font objects, in a fifth of the time.

in: a font file (and face index); out: a reportlab TTFont, its face's tables (cmap, hmtx,
loca) decoded with one struct call per table (the cmap by layout/sfnt.py) instead of one
per value — reportlab's reader spends ~0.1 s on each CJK font doing the latter. The header values are still read by
reportlab; a cmap other than format 4 (the shipped fonts', and most CJK fonts') is read by
reportlab too. tests/render/test_ttfread.py checks every attribute against reportlab's own
reading of each shipped font.
"""
from __future__ import annotations

from fnmatch import fnmatch
from struct import unpack_from
from weakref import WeakKeyDictionary

from reportlab import rl_config
from reportlab.pdfbase.ttfonts import TTEncoding, TTFError, TTFont, TTFontFace
from reportlab.rl_config import unShapedFontGlob

from ..layout import sfnt


class _NotBulk(Exception):
    """A table this reader leaves to reportlab."""


class BulkFace(TTFontFace):
    """TTFontFace whose character tables are read in bulk (see the module docstring)."""

    def extractInfo(self, charInfo=1):
        super().extractInfo(0)           # names, head, OS/2, post, hhea, maxp: a few values each
        if not charInfo:
            return
        try:
            self._read_char_tables()
        except _NotBulk:
            super().extractInfo(charInfo)

    def _read_char_tables(self) -> None:
        data = self._ttf_data
        head = self.table["head"]["offset"]
        index_to_loc, glyph_data_format = unpack_from(">hh", data, head + 50)
        if glyph_data_format != 0:
            raise TTFError('Unknown glyph data format (%d)' % glyph_data_format)
        n_hmetrics = unpack_from(">H", data, self.table["hhea"]["offset"] + 34)[0]
        self.charToGlyph, self.glyphToChar = self._cmap(data)
        self._hmtx(data, n_hmetrics)
        self._loca(data, index_to_loc)
        char_to_glyph, widths = self.charToGlyph, self.charWidths
        if 0x20 in char_to_glyph:
            char_to_glyph[0xa0] = char_to_glyph[0x20]
            widths[0xa0] = widths[0x20]
        elif 0xa0 in char_to_glyph:
            char_to_glyph[0x20] = char_to_glyph[0xa0]
            widths[0x20] = widths[0xa0]

    def _cmap(self, data: bytes) -> tuple[dict, dict]:
        """The subtable reportlab would choose (the last Unicode one), when it is format 4."""
        encoffs, enc = None, 0
        for platform, encoding, offset in sfnt.cmap_subtables(data, self.table["cmap"]["offset"]):
            if platform == 3:
                enc, encoffs = 1, offset
            elif platform == 1 and encoding == 0 and enc != 1:
                enc, encoffs = 2, offset
            elif platform == 1 and encoding == 1:
                enc, encoffs = 1, offset
            elif platform == 0 and encoding != 5:
                enc, encoffs = 1, offset
        if encoffs is None or sfnt.subtable_format(data, encoffs) != 4:
            raise _NotBulk
        char_to_glyph: dict[int, int] = {}
        glyph_to_char: dict[int, list[int]] = {}
        for u, glyph in sfnt.format4_pairs(data, encoffs):
            char_to_glyph[u] = glyph
            glyph_to_char.setdefault(glyph, []).append(u)
        return char_to_glyph, glyph_to_char

    def _hmtx(self, data: bytes, n_hmetrics: int) -> None:
        at, glyphs, scale = self.table["hmtx"]["offset"], self.numGlyphs, self._pdfScale
        pairs = unpack_from(f">{2 * n_hmetrics}H", data, at)
        advances = pairs[0::2]
        self.hmetrics = list(zip(advances, pairs[1::2]))
        last = advances[-1]
        if glyphs > n_hmetrics:
            lsbs = unpack_from(f">{glyphs - n_hmetrics}H", data, at + 4 * n_hmetrics)
            self.hmetrics += [(last, lsb) for lsb in lsbs]
        scaled = [scale(a) for a in advances]
        self.defaultWidth = scaled[0]
        widths: dict[int, float] = {}
        for glyph in sorted(self.glyphToChar):       # reportlab's order: by glyph
            if glyph < n_hmetrics:
                width = scaled[glyph]
            elif glyph < glyphs:
                width = scaled[-1]
            else:
                continue
            for char in self.glyphToChar[glyph]:
                widths[char] = width
        self.charWidths = widths

    def _loca(self, data: bytes, index_to_loc: int) -> None:
        if "loca" not in self.table:
            raise TTFError('missing location table')
        at, count = self.table["loca"]["offset"], self.numGlyphs + 1
        if index_to_loc == 0:
            self.glyphPos = [v << 1 for v in unpack_from(f">{count}H", data, at)]
        elif index_to_loc == 1:
            self.glyphPos = list(unpack_from(f">{count}L", data, at))
        else:
            raise TTFError('Unknown location table format (%d)' % index_to_loc)
        self._pos = at + count * (2 if index_to_loc == 0 else 4)   # where reportlab's reading ends


    def get_table(self, tag):
        """A table's bytes; the glyph table as a view (makeSubset takes it once per subset of
        256 glyphs and slices one glyph at a time: a copy of all 8 MB each time is needless)."""
        if tag == "glyf":
            offset, length = self.get_table_pos(tag)
            return _TableView(self._ttf_data, offset, length)
        return super().get_table(tag)


class _TableView:
    """Bytes `data[start:start + length]` without copying them: a slice of it is bytes."""

    def __init__(self, data: bytes, start: int, length: int):
        self._data, self._start, self._length = data, start, length

    def __len__(self) -> int:
        return self._length

    def __getitem__(self, part: slice) -> bytes:
        first, stop, step = part.indices(self._length)
        if step != 1:
            raise ValueError("a table view is sliced with step 1")
        return self._data[self._start + first:self._start + max(first, stop)]


class BulkTTFont(TTFont):
    """reportlab's TTFont with a BulkFace; every other attribute as reportlab 5.1's
    TTFont.__init__ sets it (the test compares them, so an upgrade that adds one fails)."""

    def __init__(self, name: str, filename: str, subfontIndex: int = 0):   # noqa: N803 — reportlab's name
        self.fontName = name
        self.face = BulkFace(filename, subfontIndex=subfontIndex)
        self.encoding = TTEncoding()
        self.state = WeakKeyDictionary()
        self._asciiReadable = rl_config.ttfAsciiReadable
        self.shapable = not any(fnmatch(name, pattern) for pattern in unShapedFontGlob)
