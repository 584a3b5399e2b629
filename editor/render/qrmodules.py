"""The modules of a QR code, one matrix that every renderer draws: the PDF through
reportlab's own QR widget, the screen and the DOCX picture square by square from it.

in: the text to encode; out: rows of dark (True) / light modules, without the quiet zone,
and QUIET, the quiet zone's width in modules that each drawing leaves around them.
Error correction M (15 %): a printed code survives a crease or a speck.
"""
from __future__ import annotations

import io
from functools import lru_cache

from reportlab.graphics.barcode.qr import QrCodeWidget

LEVEL = "M"
QUIET = 4          # modules of white around the code, as ISO/IEC 18004 asks


def qr_widget(text: str, side: float) -> QrCodeWidget:
    """reportlab's widget for `text` in a side × side box (quiet zone included)."""
    return QrCodeWidget(text, barLevel=LEVEL, barBorder=QUIET, barWidth=side, barHeight=side)


@lru_cache(maxsize=32)
def qr_modules(text: str) -> tuple[tuple[bool, ...], ...]:
    """in: a text; out: its QR code's modules, row by row from the top, as the widget sets them."""
    widget = qr_widget(text, 1.0)
    widget.qr.make()
    return tuple(tuple(bool(m) for m in row) for row in widget.qr.modules)


def qr_png(text: str, pixels_per_module: int = 8) -> bytes:
    """in: a text; out: a black-and-white PNG of its code, quiet zone included (for DOCX)."""
    from PIL import Image
    rows = qr_modules(text)
    n = len(rows) + 2 * QUIET
    image = Image.new("1", (n, n), 1)
    for r, row in enumerate(rows):
        for c, dark in enumerate(row):
            if dark:
                image.putpixel((c + QUIET, r + QUIET), 0)
    image = image.resize((n * pixels_per_module, n * pixels_per_module), Image.NEAREST)
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()
