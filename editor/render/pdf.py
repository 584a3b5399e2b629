"""LayoutResult → PDF with reportlab: every glyph where the engine put it.

in: a LayoutResult, an output path, document info, `print_marks` for 3 mm bleed and crop
marks; out: the PDF file, written to a temporary name and renamed when complete.
Fonts are embedded as subsets; text and rules are 100 % K (red only where the layout
asks); bookmarks (栏目 → documents) and TOC links come from the layout.
"""
from __future__ import annotations

import hashlib
import io
import os
from pathlib import Path

from reportlab import rl_config
from reportlab.lib.colors import CMYKColor
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from ..issuefile import write_atomic
from ..layout.pages import LayoutResult, Page, QRCode, TextLine
from .qrmodules import qr_widget

MM = 72 / 25.4
BLEED = 3 * MM          # bleed on each trimmed edge
SLUG = 12 * MM          # room outside the bleed for crop marks
MARK = 8 * MM           # crop mark length
rl_config.useA85 = 0    # binary streams: ASCII85 only makes the file larger and slower to write
COLORS = {"black": CMYKColor(0, 0, 0, 1), "red": CMYKColor(0, 0.8, 0.8, 0)}


def register_fonts(faces: dict) -> dict[str, str]:
    """Register each role's TrueType file once per process; return role → reportlab font name."""
    names = {}
    for role, face in faces.items():
        key = f"{face.path}#{getattr(face, 'index', 0)}"
        name = "F" + hashlib.sha1(key.encode()).hexdigest()[:10]
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, str(face.path), subfontIndex=getattr(face, "index", 0)))
        names[role] = name
    return names


_width_cache: dict = {}
_FILL = {"black": "0 0 0 1 k", "red": "0 0.8 0.8 0 k"}


def _num(v: float) -> str:
    return f"{v:.3f}".rstrip("0").rstrip(".") or "0"


def _widths(font, size: float):
    cache = _width_cache.setdefault((font.fontName, size), {})

    def width(ch: str) -> float:
        w = cache.get(ch)
        if w is None:
            w = cache[ch] = font.stringWidth(ch, size)
        return w
    return width


def _line_ops(c: Canvas, font, line: TextLine, x0: float, y: float) -> list[str]:
    """PDF operators that put every glyph of `line` at its x: one TJ per font subset, with
    an explicit adjustment after each glyph whose successor is not at its natural advance
    (not Tc: some readers drop it at string ends, and extraction then misorders glyphs)."""
    size, text, xs = line.size, line.text, line.xs
    width = _widths(font, size)
    ops = [f"1 0 0 1 {_num(x0 + xs[0])} {_num(y)} Tm"]
    k, n = 0, len(text)
    for subset, data in font.splitString(text, c._doc):
        ops.append(f"{font.getSubsetInternalName(subset, c._doc)} {_num(size)} Tf")
        arr, chunk = [], bytearray()
        for byte in data:
            chunk.append(byte)
            if k + 1 < n:
                delta = xs[k + 1] - xs[k] - width(text[k])
                if abs(delta) > 0.001:
                    arr.append(f"({c._escape(bytes(chunk))})")
                    arr.append(_num(-delta * 1000 / size))
                    chunk = bytearray()
            k += 1
        if chunk:
            arr.append(f"({c._escape(bytes(chunk))})")
        ops.append(f"[{' '.join(arr)}] TJ")
    return ops


def _draw_qr(c: Canvas, code: QRCode, height: float, dx: float, dy: float) -> None:
    """The squares of reportlab's QR widget in the box the layout reserved, in 100 % K like
    the text; drawn as plain rectangles (renderPDF would also name an unembedded Helvetica)."""
    x0, y0 = dx + code.x, dy + height - code.y - code.size
    c.setFillColor(COLORS["black"])
    for square in qr_widget(code.text, code.size).draw().contents:
        if square.fillColor is not None:       # the widget's first shape is an empty frame
            c.rect(x0 + square.x, y0 + square.y, square.width, square.height, stroke=0, fill=1)


def _draw_page(c: Canvas, page: Page, height: float, fonts: dict[str, str], dx: float, dy: float) -> None:
    for rule in page.rules:
        c.setStrokeColor(COLORS.get(rule.color, COLORS["black"]))
        c.setLineWidth(rule.width)
        c.line(dx + rule.x1, dy + height - rule.y1, dx + rule.x2, dy + height - rule.y2)
    for img in page.images:
        try:
            c.drawImage(ImageReader(io.BytesIO(img.data)), dx + img.x, dy + height - img.y - img.height,
                        img.width, img.height)
        except Exception:   # an image reportlab cannot read: leave its frame visible
            c.rect(dx + img.x, dy + height - img.y - img.height, img.width, img.height)
    for code in page.codes:
        _draw_qr(c, code, height, dx, dy)
    ops, color = ["BT"], None
    for line in page.lines:
        if not line.text:
            continue
        if line.color != color:
            color = line.color
            ops.append(_FILL.get(color, _FILL["black"]))
        line_ops = _line_ops(c, pdfmetrics.getFont(fonts[line.font]), line, dx, dy + height - line.y)
        ops += ["3 Tr", *line_ops, "0 Tr"] if line.hidden else line_ops   # 3 Tr: text, no ink
    ops.append("ET")
    c._code.append("\n".join(ops))


def _crop_marks(c: Canvas, w: float, h: float, off: float) -> None:
    c.setStrokeColor(CMYKColor(1, 1, 1, 1))   # registration colour: on every plate
    c.setLineWidth(0.25)
    for x in (off, off + w):
        for y in (off, off + h):
            sx = -1 if x == off else 1
            sy = -1 if y == off else 1
            c.line(x, y + sy * BLEED, x, y + sy * (BLEED + MARK))
            c.line(x + sx * BLEED, y, x + sx * (BLEED + MARK), y)


def render_pdf(result: LayoutResult, path: str | os.PathLike, info: dict | None = None,
               print_marks: bool = False, progress=None, cancel=None) -> None:
    path = Path(path)
    info = info or {}
    fonts = register_fonts(result.fonts)
    w, h = result.width, result.height
    off = BLEED + SLUG if print_marks else 0.0
    buffer = io.BytesIO()      # the file appears only when complete (write_atomic)
    c = Canvas(buffer, pagesize=(w + 2 * off, h + 2 * off), invariant=1,
               initialFontName=fonts.get("body", next(iter(fonts.values()))), initialFontSize=12)
    c.setTitle(info.get("title", ""))
    c.setSubject(info.get("subject", ""))
    c.setAuthor(info.get("author", ""))
    c.setCreator("gazette-editor")
    keys = {l.target_page: f"p{l.target_page}" for p in result.pages for l in p.links}
    total = len(result.pages)
    for page in result.pages:
        if cancel is not None and cancel.is_set():
            raise InterruptedError
        if print_marks:
            c.setTrimBox((off, off, off + w, off + h))
            c.setBleedBox((off - BLEED, off - BLEED, off + w + BLEED, off + h + BLEED))
            _crop_marks(c, w, h, off)
        else:
            c.setTrimBox((0, 0, w, h))
        if page.index in keys:
            c.bookmarkPage(keys[page.index], fit="XYZ", top=h + off)
        for n, bm in enumerate(result.bookmarks):
            if bm.page == page.index:   # one destination per outline entry (栏目 → document)
                c.bookmarkPage(f"b{n}", fit="XYZ", top=h + off)
                c.addOutlineEntry(bm.title, f"b{n}", level=bm.level)
        _draw_page(c, page, h, fonts, off, off)
        for link in page.links:
            c.linkRect("", keys[link.target_page],
                       (off + link.x1, off + h - link.y2, off + link.x2, off + h - link.y1),
                       relative=0, thickness=0)
        c.showPage()
        if progress:
            progress("输出 PDF", page.index + 1, total, "")
    c.save()
    write_atomic(path, buffer.getvalue())
