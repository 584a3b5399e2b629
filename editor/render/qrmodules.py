"""The modules of a QR code, one matrix that every renderer draws: the PDF, the screen and
the DOCX picture square by square from it.

in: the text to encode; out: rows of dark (True) / light modules, without the quiet zone,
and QUIET, the quiet zone's width in modules that each drawing leaves around them.
Error correction M (15 %): a printed code survives a crease or a speck. Encoded by
reportlab's QR encoder (whose package takes 0.1 s to import), so each text's modules are
kept in the cache folder (an entry of the wrong shape is encoded again).
"""
from __future__ import annotations

import hashlib
import io
import itertools
import json
from functools import lru_cache

LEVEL = "M"
QUIET = 4          # modules of white around the code, as ISO/IEC 18004 asks
VERSION = 1


@lru_cache(maxsize=32)
def qr_modules(text: str) -> tuple[tuple[bool, ...], ...]:
    """in: a text; out: its QR code's modules, row by row from the top."""
    from reportlab import Version as encoder      # the encoder's version: it chooses the mask
    from ..layout.fonts import cache_dir
    key = f"{VERSION}|{encoder}|{LEVEL}|{text}"
    entry = cache_dir() / "qr" / (hashlib.sha1(key.encode()).hexdigest() + ".json")
    try:
        rows = json.loads(entry.read_text(encoding="ascii"))
        if (isinstance(rows, list) and rows and all(isinstance(r, str) and len(r) == len(rows)
                                                    and set(r) <= {"0", "1"} for r in rows)):
            return tuple(tuple(c == "1" for c in row) for row in rows)
    except (OSError, ValueError):
        pass
    modules = _encoded(text)
    try:
        from ..issuefile import write_atomic
        entry.parent.mkdir(parents=True, exist_ok=True)
        rows = ["".join("1" if m else "0" for m in row) for row in modules]
        write_atomic(entry, json.dumps(rows).encode("ascii"), durable=False)
    except OSError:
        pass
    return modules


def _encoded(text: str) -> tuple[tuple[bool, ...], ...]:
    from reportlab.graphics.barcode import qrencoder
    qr = qrencoder.QRCode(None, getattr(qrencoder.QRErrorCorrectLevel, LEVEL))
    qr.addData(text)
    qr.make()
    return tuple(tuple(bool(m) for m in row) for row in qr.modules)


def dark_runs(text: str, side: float):
    """The dark squares of `text`'s code in a side × side box (quiet zone included), as
    reportlab's QR widget places them: (x, y from the box's bottom, width, height), each
    run of dark modules in a row one rectangle."""
    rows = qr_modules(text)
    box = float(side) / (len(rows) + QUIET * 2.0)
    for r, row in enumerate(rows):
        c = 0
        for dark, run in itertools.groupby(row):
            count = len(list(run))
            if dark:
                yield (c + QUIET) * box, side - (r + QUIET + 1) * box, count * box, box
            c += count


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
