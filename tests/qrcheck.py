"""Reading a drawn QR code back, for the PDF and screen tests: an encoding made here with
reportlab's encoder directly (not through editor/render/qrmodules.py), and the modules
sampled at their centres from whatever drew them."""
from reportlab.graphics.barcode import qrencoder

QUIET = 4     # modules of quiet zone around the code (ISO/IEC 18004)


def encoded(text: str, level: str = "M") -> list[list[bool]]:
    qr = qrencoder.QRCode(None, getattr(qrencoder.QRErrorCorrectLevel, level))
    qr.addData(text)
    qr.make()
    return [[bool(m) for m in row] for row in qr.modules]


def sampled(x: float, y: float, side: float, n: int, dark_at) -> list[list[bool]]:
    """in: a code's box (top-left x, y and side, quiet zone included), its module count and
    dark_at(x, y) → bool; out: the modules read at their centres."""
    module = side / (n + 2 * QUIET)
    return [[dark_at(x + (c + QUIET + 0.5) * module, y + (r + QUIET + 0.5) * module)
             for c in range(n)] for r in range(n)]
