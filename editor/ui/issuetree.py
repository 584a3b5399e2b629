"""The issue tree: 栏目 → documents, with drag and drop.

in: an IssueSession (rebuilt on structureChanged); out: intents as signals — the window
turns them into undo commands: documentMoved(src, dst), sectionMoved(src, dst),
filesDropped(section, index, paths), sectionRenamed(si, name), refSelected(ref|None).
The tree never changes the issue itself. Titles are shown whole, wrapped over as many
lines as the panel's width needs; the tooltip gives title, 文号 and source file.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (QAbstractItemView, QStyle, QStyledItemDelegate, QTreeWidget,
                               QTreeWidgetItem)

from .session import SUFFIXES

KEY = Qt.ItemDataRole.UserRole              # ("section", si) or ("doc", si, di) when filled
SHOWS = Qt.ItemDataRole.UserRole + 1        # the Section or DocumentRef the item shows


def dropped_files(mime) -> list[Path]:
    """in: drag-and-drop data; out: the local files in it that can be imported."""
    if not mime.hasUrls():
        return []
    paths = [Path(u.toLocalFile()) for u in mime.urls() if u.isLocalFile()]
    return [p for p in paths if p.suffix.lower() in SUFFIXES]


def document_tip(ref, problem: str | None) -> str:
    """The tooltip of a document: its whole title and 文号, then where it comes from."""
    doc = ref.document
    lines = [doc.title or Path(ref.source).stem, f"文号：{doc.doc_number or '（无）'}"] if doc else []
    lines.append(f"来源：{ref.source}")
    if doc is None:
        lines.append(problem or "未能导入")
    elif ref.corrections:
        lines.append(f"编辑修改 {len(ref.corrections)} 处")
    return "\n".join(lines)


class WrappingDelegate(QStyledItemDelegate):
    """Rows as tall as their text needs at the tree's width (a QTreeView does not grow rows
    for wrapped text by itself)."""

    def sizeHint(self, option, index) -> QSize:
        tree = self.parent()
        depth, parent = 1 if tree.rootIsDecorated() else 0, index.parent()
        while parent.isValid():
            depth, parent = depth + 1, parent.parent()
        margin = tree.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, tree) + 1
        width = max(40, tree.viewport().width() - tree.indentation() * depth - 2 * margin)
        self.initStyleOption(option, index)
        text = option.fontMetrics.boundingRect(QRect(0, 0, width, 100_000),
                                               Qt.TextFlag.TextWordWrap, option.text)
        base = super().sizeHint(option, index)
        return QSize(base.width(), max(base.height(), text.height() + 2 * margin))


class IssueTree(QTreeWidget):
    documentMoved = Signal(tuple, tuple)
    sectionMoved = Signal(int, int)
    filesDropped = Signal(int, int, list)
    sectionRenamed = Signal(int, str)
    refSelected = Signal(object)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.session = None
        self._filling = False
        self.setHeaderHidden(True)
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setItemDelegate(WrappingDelegate(self))
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setAcceptDrops(True)
        self.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed
                             | QAbstractItemView.EditTrigger.SelectedClicked)
        self.itemChanged.connect(self._renamed)
        self.currentItemChanged.connect(self._selected)

    # -- filling -------------------------------------------------------------------------
    def set_session(self, session) -> None:
        self.session = session
        session.structureChanged.connect(self.refill)
        session.documentChanged.connect(lambda _ref: self.refill())
        self.refill()

    def refill(self) -> None:
        """Rebuild the items from the issue, keeping the selected section or document."""
        keep = self.current_key()
        self._filling = True
        self.clear()
        bold = QFont(self.font())
        bold.setBold(True)
        for si, section in enumerate(self.session.issue.sections):
            top = QTreeWidgetItem([f"【{section.name}】"])
            top.setData(0, KEY, ("section", si))
            top.setData(0, SHOWS, section)
            top.setFont(0, bold)
            top.setFlags(top.flags() | Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemIsDragEnabled
                         | Qt.ItemFlag.ItemIsDropEnabled)
            self.addTopLevelItem(top)
            for di, ref in enumerate(section.documents):
                top.addChild(self._doc_item(si, di, ref))
            top.setExpanded(True)
        self.select_key(keep)
        self._filling = False
        if keep is not None and self.currentItem() is None:
            self.refSelected.emit(None)     # the selected document or section is gone

    def _doc_item(self, si: int, di: int, ref) -> QTreeWidgetItem:
        doc = ref.document
        title = (doc.title if doc else "") or Path(ref.source).stem
        item = QTreeWidgetItem([title])
        item.setData(0, KEY, ("doc", si, di))
        item.setData(0, SHOWS, ref)
        if doc is None:
            item.setForeground(0, QBrush(QColor(200, 0, 0)))
        item.setToolTip(0, document_tip(ref, self.session.problems.get(ref.source)))
        item.setFlags((item.flags() | Qt.ItemFlag.ItemIsDragEnabled) & ~Qt.ItemFlag.ItemIsDropEnabled)
        return item

    def resizeEvent(self, event):
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.doItemsLayout()        # wrapped titles take other heights at another width

    # -- selection -----------------------------------------------------------------------
    def current_key(self):
        """out: ('section', section) or ('doc', ref) for the current item while it is still in
        the issue, else None. By identity, not position: a move changes the positions
        before the tree is filled again."""
        item = self.currentItem()
        if item is None or self.session is None:
            return None
        shown = item.data(0, SHOWS)
        if item.data(0, KEY)[0] == "section":
            found = any(s is shown for s in self.session.issue.sections)
            return ("section", shown) if found else None
        return ("doc", shown) if self.session.locate(shown) else None

    def select_key(self, key) -> None:
        if key is None:
            return
        if key[0] == "doc":
            self.select_ref(key[1])
            return
        for si, section in enumerate(self.session.issue.sections):
            if section is key[1]:
                self.setCurrentItem(self.topLevelItem(si))

    def select_ref(self, ref) -> None:
        where = self.session.locate(ref) if self.session else None
        if where:
            item = self.topLevelItem(where[0]).child(where[1])
            if item is not self.currentItem():
                self.setCurrentItem(item)

    def selected_section(self) -> int:
        """out: the section of the current item (the last one when nothing is selected)."""
        item = self.currentItem()
        if item is not None:
            return item.data(0, KEY)[1]
        return self.topLevelItemCount() - 1

    def _selected(self, item, _previous) -> None:
        if self._filling or item is None:
            return
        key = item.data(0, KEY)
        if key[0] == "doc":
            self.refSelected.emit(self.session.issue.sections[key[1]].documents[key[2]])
        else:
            self.refSelected.emit(None)

    def _renamed(self, item, _column) -> None:
        if self._filling:
            return
        key = item.data(0, KEY)
        if key[0] == "section":
            name = item.text(0).strip().strip("【】").strip()
            if name and name != self.session.issue.sections[key[1]].name:
                self.sectionRenamed.emit(key[1], name)
            else:
                self.refill()

    # -- drag and drop -------------------------------------------------------------------
    def dragEnterEvent(self, event):
        if dropped_files(event.mimeData()):
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event):
        if dropped_files(event.mimeData()):
            event.acceptProposedAction()
        else:
            super().dragMoveEvent(event)

    def dropEvent(self, event):
        pos = event.position().toPoint()
        files = dropped_files(event.mimeData())
        if files and event.source() is not self:
            self.drop_files(files, pos)
            event.acceptProposedAction()
            return
        dragged = self.currentItem()
        if dragged is not None:
            self.drop_item(dragged, pos)
        event.setDropAction(Qt.DropAction.IgnoreAction)   # the commands move, not Qt
        event.accept()

    def _place(self, pos: QPoint):
        """out: (target item or None, 'above' | 'below' | 'on') for a drop position."""
        item = self.itemAt(pos)
        if item is None:
            return None, "below"
        rect = self.visualItemRect(item)
        third = rect.height() / 4
        if pos.y() < rect.top() + third:
            return item, "above"
        if pos.y() > rect.bottom() - third:
            return item, "below"
        return item, "on"

    def drop_files(self, files: list[Path], pos: QPoint) -> None:
        """Files from the file manager: into the section under the drop, else the selected."""
        target, where = self._place(pos)
        if target is None:
            si, di = self.selected_section(), None
        else:
            key = target.data(0, KEY)
            si = key[1]
            di = key[2] + (1 if where != "above" else 0) if key[0] == "doc" else None
        if si < 0:
            return
        if di is None:
            di = len(self.session.issue.sections[si].documents)
        self.filesDropped.emit(si, di, [str(p) for p in files])

    def drop_item(self, dragged: QTreeWidgetItem, pos: QPoint) -> None:
        """An item of this tree dropped at `pos`: say which move it means."""
        target, where = self._place(pos)
        if target is None or target is dragged:
            return
        src, dst = dragged.data(0, KEY), target.data(0, KEY)
        sections = self.session.issue.sections
        if src[0] == "section":
            ti = dst[1] + (0 if where == "above" and dst[0] == "section" else 1)
            if ti not in (src[1], src[1] + 1):
                self.sectionMoved.emit(src[1], ti)
            return
        if dst[0] == "doc":
            place = (dst[1], dst[2] + (0 if where == "above" else 1))
        elif where == "above" and dst[1] > 0:
            place = (dst[1] - 1, len(sections[dst[1] - 1].documents))
        elif where == "below":
            place = (dst[1], 0)
        else:
            place = (dst[1], len(sections[dst[1]].documents))
        if place[0] != src[1] or place[1] not in (src[2], src[2] + 1):
            self.documentMoved.emit((src[1], src[2]), place)
