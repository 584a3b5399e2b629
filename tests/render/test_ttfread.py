"""The bulk TrueType reader gives reportlab exactly the font objects its own reader gives."""
from __future__ import annotations

import pytest
from reportlab.pdfbase.ttfonts import TTFont

from editor.layout.fonts import SHIPPED_DIR
from editor.render.ttfread import BulkTTFont
from tinyfonts import tiny_font

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


@pytest.mark.parametrize("chars, supplementary", [("公报AB 1", False), ("公报\U00020000A", True)])
def test_a_small_font_reads_the_same_in_either_cmap_format(tmp_path, chars, supplementary):
    path = tmp_path / "tiny.ttf"
    path.write_bytes(tiny_font(chars, supplementary))
    _same(BulkTTFont("T", str(path)).face, TTFont("T", str(path)).face)


@pytest.mark.parametrize("name", SHIPPED)
def test_font_subsets_are_reportlabs(name):
    """The subsets embedded in a PDF: same bytes from the bulk face as from reportlab's."""
    path = str(SHIPPED_DIR / name)
    fast, slow = BulkTTFont("F", path).face, TTFont("F", path).face
    codes = sorted(slow.charToGlyph)
    for subset in ([0] + codes[100:355], [0, 32] + codes[-255:], [0] + codes[::90][:255]):
        assert fast.makeSubset(subset) == slow.makeSubset(subset)
