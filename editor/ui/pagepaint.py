"""Draw one laid-out page with QPainter: the same glyphs, at the same places, as the PDF.

in: a layout Page, the LayoutResult's fonts (role → FontFace) and a QPainter whose unit
is the PDF point (origin top-left); out: pixels. Every role's font file is registered with
QFontDatabase and each character is drawn as a glyph at its own x from TextLine.xs, so
what the screen and the printer show is the exported page, not an approximation.

Qt's raster engine does not draw a glyph run whose glyphs are larger than about 64 device
pixels (measured: nothing at 70 px, with PySide6 6.11 and 6.12): on a raster device such a
line is filled from glyph outlines instead, cached per glyph, so a title at 300 % or the
cover's 2020 shows as it prints. A PDF printer still gets real text.
"""
from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (QColor, QFont, QFontDatabase, QGlyphRun, QImage, QPainter,
                           QPainterPath, QPaintEngine, QPen, QRawFont)

from ..layout.pages import Page, QRCode, TextLine
from ..render.qrmodules import QUIET, qr_modules

COLORS = {"black": QColor(0, 0, 0), "red": QColor(228, 8, 25)}   # CMYK 0/100/100/0 through FOGRA39
HIGHLIGHT = QColor(255, 214, 0, 90)
SELECTED_OUTLINE = QColor(230, 140, 0)
LARGEST_RUN_PX = 56      # above this many device pixels a raster device draws outlines
RASTER_ENGINES = {QPaintEngine.Type.Raster, QPaintEngine.Type.OpenGL2}


class PagePainter:
    """Keeps the fonts (one QRawFont per file and size) and glyph lookups between paints."""

    def __init__(self):
        self._families: dict[str, list[str]] = {}          # font file → registered families
        self._raw: dict[tuple[str, float], QRawFont] = {}
        self._glyphs: dict[tuple[str, str], int] = {}
        self._outlines: dict[tuple[str, float, int], QPainterPath] = {}
        self._images: dict[int, QImage] = {}

    def register(self, fonts: dict) -> None:
        """Register each role's font file with the application's font database (once)."""
        for face in fonts.values():
            path = str(face.path)
            if path not in self._families:
                fid = QFontDatabase.addApplicationFont(path)
                self._families[path] = QFontDatabase.applicationFontFamilies(fid) if fid >= 0 else []

    def raw_font(self, face, size: float) -> QRawFont:
        """out: the face's font at `size` px (= pt under the page transform)."""
        key = (f"{face.path}#{getattr(face, 'index', 0)}", size)
        font = self._raw.get(key)
        if font is None:
            font = self._registered(face)
            font = QRawFont(font) if font is not None else QRawFont(
                str(face.path), 12.0, QFont.HintingPreference.PreferNoHinting)
            font.setPixelSize(size)
            self._raw[key] = font
        return font

    def _registered(self, face) -> QRawFont | None:
        """The face through its registered family, so a PDF printer embeds it as a font
        (a raw font read from the file prints as outlines); None unless it is the very
        same font file (another font may carry the same family name)."""
        key = ("registered", str(face.path), getattr(face, "index", 0))
        if key not in self._raw:
            found = None
            direct = QRawFont(str(face.path), 12.0, QFont.HintingPreference.PreferNoHinting)
            for family in self._families.get(str(face.path), []):
                qfont = QFont(family)
                qfont.setPixelSize(12)
                qfont.setWeight(min(QFont.Weight, key=lambda w: abs(w.value - direct.weight())))
                qfont.setItalic(direct.style() != QFont.Style.StyleNormal)
                qfont.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
                candidate = QRawFont.fromFont(qfont)
                if direct.isValid() and candidate.fontTable("head") == direct.fontTable("head"):
                    found = candidate
                    break
            self._raw[key] = found
        return self._raw[key]

    def _glyph(self, face, font: QRawFont, ch: str) -> int:
        key = (str(face.path), ch)
        gid = self._glyphs.get(key)
        if gid is None:
            ids = font.glyphIndexesForString(ch)
            gid = self._glyphs[key] = ids[0] if ids else 0
        return gid

    def paint(self, painter: QPainter, page: Page, fonts: dict, width: float, height: float,
              highlight: tuple[int, int] | None = None, paper: bool = True) -> None:
        """Draw `page` in point units; `highlight` = (doc, block) to mark; `paper` = white sheet."""
        self.register(fonts)
        if paper:
            painter.fillRect(QRectF(0, 0, width, height), Qt.GlobalColor.white)
        if highlight is not None:
            self._highlight(painter, page, highlight)
        for rule in page.rules:
            width = rule.width
            if _device_size(painter, width) < 1 and _is_raster(painter):
                width = 0      # a hairline thinner than a pixel shows as one pixel, as in PDF viewers
            painter.setPen(QPen(COLORS.get(rule.color, COLORS["black"]), width))
            painter.drawLine(QPointF(rule.x1, rule.y1), QPointF(rule.x2, rule.y2))
        for img in page.images:
            self._image(painter, img)
        for code in page.codes:
            self._qr(painter, code)
        for line in page.lines:
            self._line(painter, line, fonts)

    def _line(self, painter: QPainter, line: TextLine, fonts: dict) -> None:
        face = fonts.get(line.font)
        if face is None or not line.text or line.hidden:   # hidden: page.rules draw it
            return
        font = self.raw_font(face, line.size)
        glyphs = [self._glyph(face, font, ch) for ch in line.text]
        y = line.y - line.rise
        color = COLORS.get(line.color, COLORS["black"])
        if _device_size(painter, line.size) > LARGEST_RUN_PX and _is_raster(painter):
            self._outline_line(painter, face, font, line, glyphs, y, color)
            return
        run = QGlyphRun()
        run.setRawFont(font)
        run.setGlyphIndexes(glyphs)
        run.setPositions([QPointF(x, y) for x in line.xs])
        painter.setPen(color)
        painter.drawGlyphRun(QPointF(0, 0), run)

    def _outline_line(self, painter: QPainter, face, font: QRawFont, line: TextLine,
                      glyphs: list[int], y: float, color: QColor) -> None:
        """Fill the line's glyph outlines (each outline made once per face, size and glyph)."""
        path = QPainterPath()
        path.setFillRule(Qt.FillRule.WindingFill)    # overlapping contours stay filled
        for gid, x in zip(glyphs, line.xs):
            key = (str(face.path), line.size, gid)
            outline = self._outlines.get(key)
            if outline is None:
                outline = self._outlines[key] = font.pathForGlyph(gid)
            path.addPath(outline.translated(x, y))
        painter.fillPath(path, color)

    @staticmethod
    def _qr(painter: QPainter, code: QRCode) -> None:
        """The same modules as the PDF's QR widget, square by square."""
        rows = qr_modules(code.text)
        module = code.size / (len(rows) + 2 * QUIET)
        x0, y0 = code.x + QUIET * module, code.y + QUIET * module
        for r, row in enumerate(rows):
            for c, dark in enumerate(row):
                if dark:
                    painter.fillRect(QRectF(x0 + c * module, y0 + r * module, module, module),
                                     COLORS["black"])

    def _image(self, painter: QPainter, img) -> None:
        target = QRectF(img.x, img.y, img.width, img.height)
        image = self._images.get(id(img.data))
        if image is None:
            image = QImage.fromData(img.data)
            if len(self._images) > 64:
                self._images.clear()
            self._images[id(img.data)] = image
        if image.isNull():   # a picture Qt cannot read: show its frame, as the PDF does
            painter.setPen(QPen(COLORS["black"], 0.5))
            painter.drawRect(target)
        else:
            painter.drawImage(target, image)

    @staticmethod
    def _highlight(painter: QPainter, page: Page, key: tuple[int, int]) -> None:
        for line in page.lines:
            if (line.doc, line.block) == key and line.xs:
                painter.fillRect(line_rect(line), HIGHLIGHT)


def _device_size(painter: QPainter, size: float) -> float:
    """in: a font size in page units; out: its height in device pixels under the painter's scale."""
    t = painter.worldTransform()
    return size * max(abs(t.m22()), abs(t.m12()))


def _is_raster(painter: QPainter) -> bool:
    engine = painter.paintEngine()
    return engine is not None and engine.type() in RASTER_ENGINES


def line_rect(line: TextLine) -> QRectF:
    """in: a TextLine; out: the box its characters cover, in points (for hits and marks)."""
    top = line.y - line.rise - line.size * 0.9
    return QRectF(line.xs[0], top, max(line.right - line.xs[0], line.size), line.size * 1.2)


def render_page_image(pp: PagePainter, page: Page, fonts: dict, width: float, height: float,
                      pixel_width: int) -> QImage:
    """in: a page and a width in pixels; out: a QImage of the page (thumbnails, tests)."""
    scale = pixel_width / width
    image = QImage(pixel_width, max(1, round(height * scale)), QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    painter.scale(scale, scale)
    pp.paint(painter, page, fonts, width, height)
    painter.end()
    return image
