"""Page thumbnails: small pictures of every page, drawn only when the list shows them.

in: a BuildOutcome (set_outcome) and the current page (set_current); out: the signal
pageActivated(index) when the editor clicks a thumbnail.
"""
from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QListView

from .labels import PAGE_KIND_NAMES
from .pagepaint import PagePainter, render_page_image

THUMB_WIDTH = 110


class ThumbnailModel(QAbstractListModel):
    def __init__(self, pp: PagePainter, parent=None):
        super().__init__(parent)
        self.pp = pp
        self.outcome = None
        self._cache: dict[int, QPixmap] = {}

    def set_outcome(self, outcome) -> None:
        self.beginResetModel()
        self.outcome = outcome
        self._cache.clear()
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() or not self.outcome else len(self.outcome.pages)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not self.outcome:
            return None
        page = self.outcome.pages[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            if page.kind in PAGE_KIND_NAMES:
                return PAGE_KIND_NAMES[page.kind]
            return f"第 {page.folio or page.number} 页"
        if role == Qt.ItemDataRole.DecorationRole:
            pix = self._cache.get(index.row())
            if pix is None:   # drawn on first request: only visible rows are asked for
                layout = self.outcome.layout
                image = render_page_image(self.pp, page, layout.fonts, layout.width,
                                          layout.height, THUMB_WIDTH)
                pix = self._cache[index.row()] = QPixmap.fromImage(image)
            return pix
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"物理第 {page.number} 页"
        return None


class ThumbnailList(QListView):
    pageActivated = Signal(int)

    def __init__(self, pp: PagePainter, parent=None):
        super().__init__(parent)
        self.model_ = ThumbnailModel(pp, self)
        self.setModel(self.model_)
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setFlow(QListView.Flow.LeftToRight)
        self.setWrapping(True)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setMovement(QListView.Movement.Static)
        self.setUniformItemSizes(True)
        self.setIconSize(QSize(THUMB_WIDTH, round(THUMB_WIDTH * 1.42)))
        self.setSpacing(6)
        self.clicked.connect(lambda index: self.pageActivated.emit(index.row()))

    def set_outcome(self, outcome) -> None:
        current = self.currentIndex().row()
        self.model_.set_outcome(outcome)
        if 0 <= current < self.model_.rowCount():
            self.set_current(current)

    def set_current(self, page: int) -> None:
        index = self.model_.index(page, 0)
        if index.isValid():
            self.setCurrentIndex(index)
            self.scrollTo(index)
