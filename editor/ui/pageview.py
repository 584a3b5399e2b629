"""The page view: the engine's pages, drawn by PagePainter, scrolled, zoomed, single or facing.

in: a BuildOutcome (set_outcome) and view commands (zoom, fit, facing, go_to_page,
show_block); out: signals — lineClicked(doc, block) when the editor clicks a line,
pageChanged(index) as the view scrolls, painted() after pages were drawn.
"""
from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QAbstractScrollArea

from .pagepaint import PagePainter, line_rect

MARGIN = 16       # px around the pages
GAP = 16          # px between pages and rows
ZOOMS = [0.25, 0.33, 0.5, 0.67, 0.75, 0.9, 1.0, 1.25, 1.5, 2.0, 3.0, 4.0]


def spreads(count: int, facing: bool) -> list[list[int | None]]:
    """in: a page count, facing or not; out: rows of page slots. Facing: the cover alone on
    the right, then even|odd pairs as the printed issue opens."""
    if not facing:
        return [[i] for i in range(count)]
    rows: list[list[int | None]] = [[None, 0]] if count else []
    for left in range(1, count, 2):
        rows.append([left, left + 1 if left + 1 < count else None])
    return rows


class PageView(QAbstractScrollArea):
    lineClicked = Signal(int, int)
    pageChanged = Signal(int)
    zoomChanged = Signal()
    painted = Signal()

    def __init__(self, painter: PagePainter | None = None, parent=None):
        super().__init__(parent)
        self.pp = painter or PagePainter()
        self.outcome = None
        self.mode = "width"          # width | page | fixed
        self.factor = 1.0            # zoom as a multiple of real size (mode fixed)
        self.facing = False
        self.highlight: tuple[int, int] | None = None
        self._rows: list[list[int | None]] = []
        self._slots: dict[int, tuple[int, int]] = {}     # page → (row, slot)
        self._current = -1
        self.setMinimumWidth(240)
        self.viewport().setMouseTracking(False)
        self.verticalScrollBar().valueChanged.connect(self._scrolled)
        self.horizontalScrollBar().valueChanged.connect(lambda _v: self.viewport().update())

    # -- state ---------------------------------------------------------------------------
    def set_outcome(self, outcome) -> None:
        """Show a new layout (after an edit) with the view exactly where the editor was: the
        same page, the same distance into it, the same horizontal scroll."""
        spot = self.view_spot()
        self.outcome = outcome
        if outcome is not None:
            self.pp.register(outcome.layout.fonts)
        self._relayout()
        if spot is not None and self.page_count():
            self.restore_spot(spot)

    def page_count(self) -> int:
        return len(self.outcome.pages) if self.outcome else 0

    def set_facing(self, facing: bool) -> None:
        keep = self.current_page()
        self.facing = facing
        self._relayout(keep_page=keep)

    def set_zoom(self, mode: str, factor: float | None = None) -> None:
        """mode: 'width' | 'page' | 'fixed' (then `factor` × real size)."""
        keep = self.current_page()
        self.mode = mode
        if factor is not None:
            self.factor = max(ZOOMS[0], min(ZOOMS[-1], factor))
        self._relayout(keep_page=keep)
        self.zoomChanged.emit()

    def zoom_step(self, direction: int) -> None:
        now = self.scale() / self._unit()
        steps = [z for z in ZOOMS if (z > now * 1.01 if direction > 0 else z < now * 0.99)]
        if steps:
            self.set_zoom("fixed", steps[0] if direction > 0 else steps[-1])

    def zoom_percent(self) -> int:
        return round(100 * self.scale() / self._unit())

    # -- geometry ------------------------------------------------------------------------
    def _unit(self) -> float:
        return self.logicalDpiX() / 72.0        # pixels per point at 100 %

    def _page_size(self) -> tuple[float, float]:
        if not self.outcome:
            return 595.0, 842.0
        return self.outcome.layout.width, self.outcome.layout.height

    def scale(self) -> float:
        """out: pixels per point now."""
        w, h = self._page_size()
        cols = 2 if self.facing else 1
        vw = self.viewport().width() - 2 * MARGIN - (GAP if self.facing else 0)
        vh = self.viewport().height() - 2 * MARGIN
        fit_w = max(0.05, vw / (cols * w))
        if self.mode == "width":
            return fit_w
        if self.mode == "page":
            return max(0.05, min(fit_w, vh / h))
        return self.factor * self._unit()

    def _row_height(self) -> float:
        return self._page_size()[1] * self.scale()

    def _content_width(self) -> float:
        cols = 2 if self.facing else 1
        return cols * self._page_size()[0] * self.scale() + (cols - 1) * GAP + 2 * MARGIN

    def _row_top(self, row: int) -> float:
        return MARGIN + row * (self._row_height() + GAP)

    def page_rect(self, index: int) -> QRectF | None:
        """in: a page index; out: where the page sits in content pixels (unscrolled)."""
        where = self._slots.get(index)
        if where is None:
            return None
        r, slot = where
        w = self._page_size()[0] * self.scale()
        x0 = max(MARGIN, (self.viewport().width() - self._content_width()) / 2 + MARGIN)
        return QRectF(x0 + slot * (w + GAP), self._row_top(r), w, self._row_height())

    def _relayout(self, keep_page: int = -1) -> None:
        self._rows = spreads(self.page_count(), self.facing)
        self._slots = {i: (r, slot) for r, row in enumerate(self._rows)
                       for slot, i in enumerate(row) if i is not None}
        total = (MARGIN * 2 + len(self._rows) * self._row_height()
                 + max(0, len(self._rows) - 1) * GAP)
        vbar, hbar = self.verticalScrollBar(), self.horizontalScrollBar()
        vbar.setRange(0, max(0, round(total - self.viewport().height())))
        vbar.setPageStep(self.viewport().height())
        vbar.setSingleStep(40)
        hbar.setRange(0, max(0, round(self._content_width() - self.viewport().width())))
        hbar.setPageStep(self.viewport().width())
        if keep_page >= 0 and self.page_count():
            self.go_to_page(min(keep_page, self.page_count() - 1))
        self.viewport().update()

    def resizeEvent(self, event):
        # the page noted when the view last scrolled: by now the widget has its new width,
        # and (fit to width) a new zoom that the scroll position does not match yet
        keep = self._current if 0 <= self._current < self.page_count() else self.current_page()
        super().resizeEvent(event)
        self._relayout(keep_page=keep)

    # -- navigation ----------------------------------------------------------------------
    def current_page(self) -> int:
        """out: the page at the top third of the view, or -1 when there are none."""
        if not self._rows:
            return -1
        y = self.verticalScrollBar().value() + self.viewport().height() / 3
        row = int(max(0, y - MARGIN) // (self._row_height() + GAP))
        row = min(row, len(self._rows) - 1)
        return next(i for i in self._rows[row] if i is not None)

    def view_spot(self) -> tuple[int, float, int] | None:
        """out: (page at the top edge of the view, how far the edge is below that page's top
        in pt, horizontal scroll), or None without pages."""
        if not self._rows:
            return None
        value = self.verticalScrollBar().value()
        row = int(max(0, value - MARGIN + GAP) // (self._row_height() + GAP))
        row = min(row, len(self._rows) - 1)
        page = next(i for i in self._rows[row] if i is not None)
        return page, (value - self.page_rect(page).top()) / self.scale(), \
            self.horizontalScrollBar().value()

    def restore_spot(self, spot: tuple[int, float, int]) -> None:
        page, down, across = spot
        rect = self.page_rect(min(page, self.page_count() - 1))
        self.verticalScrollBar().setValue(round(rect.top() + down * self.scale()))
        self.horizontalScrollBar().setValue(across)

    def go_to_page(self, index: int) -> None:
        rect = self.page_rect(index)
        if rect is not None:
            self.verticalScrollBar().setValue(round(rect.top() - MARGIN))

    def show_block(self, doc: int | None, block: int | None) -> None:
        """Mark a block's lines and scroll to its first line unless it is in view."""
        self.highlight = (doc, block) if doc is not None and block is not None else None
        spot = self.find_block(doc, block) if self.highlight else None
        if spot:
            index, line = spot
            rect = self.page_rect(index)
            y = rect.top() + line_rect(line).top() * self.scale()
            bar = self.verticalScrollBar()
            if not bar.value() <= y <= bar.value() + self.viewport().height() - 60:
                bar.setValue(round(y - self.viewport().height() / 4))
        self.viewport().update()

    def find_block(self, doc: int, block: int):
        """out: (page index, first TextLine) of a block, or None."""
        if not self.outcome:
            return None
        for page in self.outcome.pages:
            for line in page.lines:
                if line.doc == doc and line.block == block:
                    return page.index, line
        return None

    def _scrolled(self, _value: int) -> None:
        page = self.current_page()
        if page != self._current:
            self._current = page
            self.pageChanged.emit(page)
        self.viewport().update()

    # -- painting ------------------------------------------------------------------------
    def paintEvent(self, _event):
        # the painter must end even when drawing fails: an active QPainter left behind by an
        # exception crashes Qt, where a failed paint should only cost one frame
        painter = QPainter(self.viewport())
        try:
            self._paint(painter)
        finally:
            painter.end()
        if self.outcome:
            self.painted.emit()

    def _paint(self, painter: QPainter) -> None:
        painter.fillRect(self.viewport().rect(), QColor(128, 128, 128))
        if not self.outcome:
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        dx, dy = -self.horizontalScrollBar().value(), -self.verticalScrollBar().value()
        top, bottom = -dy, -dy + self.viewport().height()
        s = self.scale()
        for row in self._rows:
            for index in row:
                rect = self.page_rect(index) if index is not None else None
                if rect is None or rect.bottom() < top or rect.top() > bottom:
                    continue
                rect.translate(dx, dy)
                painter.fillRect(rect.translated(3, 3), QColor(60, 60, 60))
                self._draw_page(painter, index, rect.topLeft(), s)

    def _draw_page(self, painter: QPainter, index: int, origin: QPointF, s: float) -> None:
        """One page with its top-left corner at `origin`, `s` pixels per point."""
        layout = self.outcome.layout
        painter.save()
        painter.translate(origin)
        painter.scale(s, s)
        painter.setClipRect(QRectF(0, 0, layout.width, layout.height))
        try:
            self.pp.paint(painter, layout.pages[index], layout.fonts, layout.width,
                          layout.height, self.highlight)
        finally:
            painter.restore()

    def page_image(self, index: int) -> QImage:
        """out: page `index` as the view draws it at the current zoom (for checks and copies)."""
        layout, s = self.outcome.layout, self.scale()
        image = QImage(round(layout.width * s), round(layout.height * s), QImage.Format.Format_RGB32)
        image.fill(QColor("white"))     # the last row may lie outside the page's own rectangle
        painter = QPainter(image)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            self._draw_page(painter, index, QPointF(0, 0), s)
        finally:
            painter.end()
        return image

    # -- mouse ---------------------------------------------------------------------------
    def hit(self, pos: QPointF):
        """in: a viewport position; out: (page index, point on the page in pt) or None."""
        x = pos.x() + self.horizontalScrollBar().value()
        y = pos.y() + self.verticalScrollBar().value()
        for row in self._rows:
            for index in row:
                rect = self.page_rect(index) if index is not None else None
                if rect is not None and rect.contains(QPointF(x, y)):
                    s = self.scale()
                    return index, QPointF((x - rect.left()) / s, (y - rect.top()) / s)
        return None

    def line_at(self, index: int, point: QPointF):
        """out: the TextLine of page `index` under `point` (pt), or None."""
        for line in self.outcome.pages[index].lines:
            if line.xs and line_rect(line).adjusted(-2, -1, 2, 1).contains(point):
                return line
        return None

    def mousePressEvent(self, event):
        found = self.hit(event.position()) if self.outcome else None
        if found is None or event.button() != Qt.MouseButton.LeftButton:
            return super().mousePressEvent(event)
        index, point = found
        for link in self.outcome.pages[index].links:
            if link.x1 <= point.x() <= link.x2 and link.y1 <= point.y() <= link.y2:
                self.go_to_page(link.target_page)
                return
        line = self.line_at(index, point)
        if line is not None and line.doc is not None and line.block is not None:
            self.highlight = (line.doc, line.block)
            self.viewport().update()
            self.lineClicked.emit(line.doc, line.block)

    def keyPressEvent(self, event):
        key, count = event.key(), self.page_count()
        if count and key in (Qt.Key.Key_Home, Qt.Key.Key_End):
            self.go_to_page(0 if key == Qt.Key.Key_Home else count - 1)
            return
        super().keyPressEvent(event)

    def wheelEvent(self, event):
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.zoom_step(1 if event.angleDelta().y() > 0 else -1)
            event.accept()
            return
        super().wheelEvent(event)
