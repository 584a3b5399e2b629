"""Character widths for the layout engine, in em.

in: a FontFace (editor.layout.fonts); out: FontMetrics answering advance(ch), has(ch),
ink(ch) for the marks in INK_CHARS, ascent, descent and name. The font's cmap, hmtx and
those few outlines are read once per file and process; each character's width is then a
dict lookup. FixedMetrics is the stand-in for pure unit tests: CJK and full-width marks
1 em, everything else 0.5 em.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import threading
import unicodedata
from dataclasses import dataclass
from struct import error as StructError, unpack_from

from . import sfnt


# Marks that share code points with Latin text but are set full-width in Chinese.
FULL_WIDTH_SHARED = set("“”‘’…—")
# Marks whose outlines the layout reads: —— and …… must join into one two-em mark.
INK_CHARS = "—―…⋯"
TABLES_VERSION = 2        # bump when _Tables changes: the on-disk cache is keyed on it

Box = tuple[float, float, float, float]   # x0, y0, x1, y1


@dataclass(frozen=True)
class _Tables:
    """What one font file contributes: code point -> advance (font units) and the rest."""
    advances: dict[int, int]
    missing_advance: int      # .notdef, drawn for a character the font lacks
    units_per_em: int
    ascent: int
    descent: int              # positive, below the baseline
    inks: dict[int, tuple[Box, ...]]   # code point in INK_CHARS -> its contours' boxes (units)


def _contour_boxes(glyph_set, name: str) -> tuple[Box, ...]:
    """Bounding box of each contour of a glyph, left to right, in font units."""
    from fontTools.pens.boundsPen import BoundsPen
    from fontTools.pens.recordingPen import DecomposingRecordingPen
    pen = DecomposingRecordingPen(glyph_set)
    glyph_set[name].draw(pen)
    boxes, bounds = [], BoundsPen(glyph_set)
    for op, args in pen.value:
        if op in ("closePath", "endPath"):     # a contour may be all off-curve points: no moveTo
            if bounds.bounds:
                boxes.append(bounds.bounds)
            bounds = BoundsPen(glyph_set)
        else:
            getattr(bounds, op)(*args)
    return tuple(sorted(boxes))


_loaded: dict[tuple[str, int], _Tables] = {}
_lock = threading.Lock()   # the layout may run on a worker thread while the UI measures


# fontTools' getBestCmap order: the first of these subtables the font has is its cmap
CMAP_PREFERENCES = ((3, 10), (0, 6), (0, 4), (3, 1), (0, 3), (0, 2), (0, 1), (0, 0))


def _read_tables(path: str, index: int) -> _Tables:
    """in: a font file and face index; out: its advances per code point and its metrics.
    Read in bulk (sfnt.py) when its cmap is format 4, as CJK fonts' is; else by fontTools."""
    with open(path, "rb") as f:
        data = f.read()
    try:
        return _tables_in_bulk(path, data, index)
    except (sfnt.NotReadable, StructError, KeyError, IndexError):
        return _tables_by_fonttools(path, index)


def _tables_in_bulk(path: str, data: bytes, index: int) -> _Tables:
    tables = sfnt.table_directory(data, index)
    found = {}
    for platform, encoding, offset in sfnt.cmap_subtables(data, tables["cmap"][0]):
        found.setdefault((platform, encoding), offset)
    chosen = next((found[p] for p in CMAP_PREFERENCES if p in found), None)
    if chosen is None or sfnt.subtable_format(data, chosen) != 4:
        raise sfnt.NotReadable("no format 4 cmap")
    head, hhea, maxp = tables["head"][0], tables["hhea"][0], tables["maxp"][0]
    units_per_em = unpack_from(">H", data, head + 18)[0]
    hhea_ascent, hhea_descent = unpack_from(">hh", data, hhea + 4)
    glyphs = unpack_from(">H", data, maxp + 4)[0]
    widths = sfnt.advances(data, tables["hmtx"][0], unpack_from(">H", data, hhea + 34)[0], glyphs)
    cmap = dict(sfnt.format4_pairs(data, chosen, last_segment=False))
    advances = {cp: widths[glyph] for cp, glyph in cmap.items() if glyph < glyphs}
    ascent, descent = hhea_ascent, -hhea_descent
    if "OS/2" in tables and tables["OS/2"][1] >= 72:
        typo_ascent, typo_descent = unpack_from(">hh", data, tables["OS/2"][0] + 68)
        if typo_ascent - typo_descent > 0:
            ascent, descent = typo_ascent, -typo_descent
    return _Tables(advances, widths[0], units_per_em, ascent, descent, _inks(path, index, cmap, glyphs))


def _inks(path: str, index: int, cmap: dict[int, int], glyphs: int) -> dict[int, tuple[Box, ...]]:
    """The outlines of the few INK_CHARS, by fontTools, its glyphs named by number (reading
    the post table's 20 000 names would take longer than the rest)."""
    wanted = {ord(ch): cmap[ord(ch)] for ch in INK_CHARS if ord(ch) in cmap}
    if not wanted:
        return {}
    from fontTools.ttLib import TTFont
    font = TTFont(path, fontNumber=index, lazy=True)
    font.setGlyphOrder([f"glyph{n}" for n in range(glyphs)])
    glyph_set = font.getGlyphSet()
    return {cp: _contour_boxes(glyph_set, f"glyph{glyph}") for cp, glyph in wanted.items()}


def _tables_by_fonttools(path: str, index: int) -> _Tables:
    """_read_tables for any font fontTools reads (fontTools imported here: a process whose
    tables are all cached never loads it)."""
    from fontTools.ttLib import TTFont
    font = TTFont(path, fontNumber=index, lazy=True)
    widths = font["hmtx"].metrics
    cmap = font.getBestCmap() or {}
    advances = {cp: widths[glyph][0] for cp, glyph in cmap.items() if glyph in widths}
    os2 = font["OS/2"] if "OS/2" in font else None
    if os2 is not None and os2.sTypoAscender - os2.sTypoDescender > 0:
        ascent, descent = os2.sTypoAscender, -os2.sTypoDescender
    else:
        ascent, descent = font["hhea"].ascent, -font["hhea"].descent
    notdef = font.getGlyphOrder()[0]
    glyph_set = font.getGlyphSet()
    inks = {ord(ch): _contour_boxes(glyph_set, cmap[ord(ch)]) for ch in INK_CHARS if ord(ch) in cmap}
    return _Tables(advances, widths[notdef][0], font["head"].unitsPerEm, ascent, descent, inks)


def _cached_tables(path: str, index: int) -> _Tables:
    """_read_tables through a small on-disk cache: parsing a CJK font's hmtx takes ~0.2 s,
    loading the pickled table ~5 ms. Keyed on the file's path, size and mtime."""
    from .fonts import cache_dir
    st = os.stat(path)
    key = hashlib.sha1(f"{TABLES_VERSION}|{os.path.abspath(path)}|{index}|{st.st_size}|{st.st_mtime_ns}"
                       .encode()).hexdigest()
    cached = cache_dir() / f"metrics-{key[:20]}.pickle"
    try:
        with open(cached, "rb") as f:
            tables = pickle.load(f)
        if isinstance(tables, _Tables):
            return tables
    except (OSError, pickle.PickleError, EOFError, AttributeError, ValueError):
        pass
    tables = _read_tables(path, index)
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        tmp = cached.with_suffix(f".{os.getpid()}.tmp")
        with open(tmp, "wb") as f:
            pickle.dump(tables, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, cached)
    except OSError:
        pass   # no writable cache: still correct, only slower
    return tables


def _tables(path: str, index: int) -> _Tables:
    key = (path, index)
    with _lock:
        if key not in _loaded:
            _loaded[key] = _cached_tables(path, index)
        return _loaded[key]


class FontMetrics:
    """Widths of one face. in: anything with path, index and name (a FontFace).
    The font is read on first use, not on construction."""

    def __init__(self, face) -> None:
        self.face = face
        self.name: str = face.name
        self._em: dict[str, float] | None = None
        self._tables: _Tables | None = None

    def _load(self) -> _Tables:
        if self._tables is None:
            self._tables = _tables(str(self.face.path), getattr(self.face, "index", 0))
            self._em = {}
        return self._tables

    def advance(self, ch: str) -> float:
        """in: one character; out: its advance width in em (the .notdef width if missing)."""
        try:
            return self._em[ch]   # type: ignore[index]
        except (KeyError, TypeError):
            tables = self._load()
            units = tables.advances.get(ord(ch), tables.missing_advance)
            width = self._em[ch] = units / tables.units_per_em   # type: ignore[index]
            return width

    def has(self, ch: str) -> bool:
        """in: one character; out: whether the font has a glyph for it."""
        return ord(ch) in self._load().advances

    def ink(self, ch: str) -> tuple[Box, ...] | None:
        """in: one of INK_CHARS; out: its contours' boxes in em, left to right, or None if
        the font has no glyph for it."""
        tables = self._load()
        boxes = tables.inks.get(ord(ch))
        if boxes is None:
            return None
        upm = tables.units_per_em
        return tuple(tuple(v / upm for v in box) for box in boxes)

    @property
    def ascent(self) -> float:
        """Height above the baseline in em (OS/2 typo ascender, else hhea)."""
        tables = self._load()
        return tables.ascent / tables.units_per_em

    @property
    def descent(self) -> float:
        """Depth below the baseline in em, as a positive number."""
        tables = self._load()
        return tables.descent / tables.units_per_em


class FixedMetrics:
    """Deterministic widths for unit tests: wide (CJK, full-width forms) and the marks in
    FULL_WIDTH_SHARED are 1 em, everything else 0.5 em; every character is present."""

    name = "Fixed"
    ascent = 0.88
    descent = 0.12

    def advance(self, ch: str) -> float:
        if ch in FULL_WIDTH_SHARED or unicodedata.east_asian_width(ch) in ("W", "F"):
            return 1.0
        return 0.5

    def has(self, ch: str) -> bool:
        return True

    def ink(self, ch: str) -> tuple[Box, ...] | None:
        """Marks as a Chinese office font draws them: a dash across its whole em, three
        dots a third of an em apart, both on the middle of the em box."""
        if ch in "—―":
            return ((0.0, 0.36, 1.0, 0.40),)
        if ch in "…⋯":
            return tuple((c - 0.05, 0.33, c + 0.05, 0.43) for c in (1 / 6, 1 / 2, 5 / 6))
        return None
