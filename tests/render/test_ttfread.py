"""The bulk TrueType reader gives reportlab exactly the font objects its own reader gives."""
from __future__ import annotations

import io

import pytest
from fontTools.fontBuilder import FontBuilder
from fontTools.pens.ttGlyphPen import TTGlyphPen
from reportlab.pdfbase.ttfonts import TTFont

from editor.layout.fonts import SHIPPED_DIR
from editor.render.ttfread import BulkTTFont

SHIPPED = sorted(p.name for p in SHIPPED_DIR.glob("*.ttf"))


def _same(fast, slow) -> None:
    """Every attribute equal, dicts in the same order (a PDF's widths are written in it)."""
    a, b = vars(fast), vars(slow)
    assert sorted(a) == sorted(b)
    for name, value in b.items():
        if callable(value):
            continue              # _pdfScale: a lambda per reading
        assert a[name] == value, name
        if isinstance(value, dict):
            assert list(a[name]) == list(value), f"{name}: order"


@pytest.mark.parametrize("name", SHIPPED)
def test_each_shipped_font_reads_as_reportlab_reads_it(name):
    path = str(SHIPPED_DIR / name)
    fast, slow = BulkTTFont("F", path), TTFont("F", path)
    _same(fast.face, slow.face)
    assert sorted(vars(fast)) == sorted(vars(slow))
    assert fast.face.charToGlyph, "the cmap was read"
    assert fast.stringWidth("济南市人民政府公报 2020", 12) == slow.stringWidth("济南市人民政府公报 2020", 12)


def _tiny_font(chars: str, with_supplementary: bool) -> bytes:
    """A TrueType font with a square glyph per character; a character beyond the BMP makes
    fontTools write a format 12 cmap, which reportlab reads for us."""
    names = [".notdef"] + [f"g{ord(c):x}" for c in chars]
    fb = FontBuilder(1000, isTTF=True)
    fb.setupGlyphOrder(names)
    fb.setupCharacterMap({ord(c): f"g{ord(c):x}" for c in chars})
    pen = TTGlyphPen(None)
    pen.moveTo((0, 0)), pen.lineTo((0, 500)), pen.lineTo((500, 500)), pen.closePath()
    fb.setupGlyf({n: pen.glyph() for n in names})
    fb.setupHorizontalMetrics({n: (600 + 10 * i, 0) for i, n in enumerate(names)})
    fb.setupHorizontalHeader(ascent=880, descent=-120)
    fb.setupNameTable({"familyName": "Tiny", "styleName": "Regular"})
    fb.setupOS2(sTypoAscender=880, sTypoDescender=-120)
    fb.setupPost()
    out = io.BytesIO()
    fb.save(out)
    assert with_supplementary == any(ord(c) > 0xFFFF for c in chars)
    return out.getvalue()


@pytest.mark.parametrize("chars, supplementary", [("公报AB 1", False), ("公报\U00020000A", True)])
def test_a_small_font_reads_the_same_in_either_cmap_format(tmp_path, chars, supplementary):
    path = tmp_path / "tiny.ttf"
    path.write_bytes(_tiny_font(chars, supplementary))
    _same(BulkTTFont("T", str(path)).face, TTFont("T", str(path)).face)
