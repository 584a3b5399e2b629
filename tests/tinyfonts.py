"""A tiny TrueType font made on the spot, for the font readers' tests."""
from __future__ import annotations

import io

from fontTools.fontBuilder import FontBuilder
from fontTools.pens.ttGlyphPen import TTGlyphPen


def tiny_font(chars: str, with_supplementary: bool) -> bytes:
    """A TrueType font with a square glyph per character; a character beyond the BMP makes
    fontTools write a format 12 cmap, which the bulk readers leave to reportlab or fontTools."""
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
