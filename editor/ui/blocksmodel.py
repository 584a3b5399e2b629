"""A document's recognised structure as a table: 序号, 类型, 级别, 文字, 识别依据.

in: a DocumentRef (its corrected document and corrections); out: a Qt table model whose
类型 and 级别 cells are editable — an edit becomes the signal correctionRequested(block,
changes), never a change of the document itself.
"""
from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate

from ..model import BlockKind
from .labels import KIND_NAMES, kind_name, level_name

COLUMNS = ["序号", "类型", "级别", "文字", "识别依据"]
KIND_COL, LEVEL_COL, TEXT_COL = 1, 2, 3
CORRECTED = QColor(0, 90, 200)


class BlocksModel(QAbstractTableModel):
    correctionRequested = Signal(int, dict)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.ref = None
        self.rows = 0          # the row count the view was last told of

    def set_ref(self, ref) -> None:
        self.beginResetModel()
        self.ref = ref
        self.rows = len(self._blocks())
        self.endResetModel()

    def refresh(self) -> None:
        """The ref's document was rebuilt: show it again (all anew if its source was re-read
        with another number of blocks)."""
        if len(self._blocks()) != self.rows:
            self.set_ref(self.ref)
        elif self.rowCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, len(COLUMNS) - 1))

    def _blocks(self):
        return self.ref.document.blocks if self.ref is not None and self.ref.document else []

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._blocks())

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def corrected_fields(self, row: int) -> set[str]:
        for c in self.ref.corrections if self.ref is not None else []:
            if c.block == row and not c.stale:
                return {f for f in ("kind", "level", "text") if getattr(c, f) is not None}
        return set()

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        block, col, row = self._blocks()[index.row()], index.column(), index.row()
        if role == Qt.ItemDataRole.DisplayRole:
            text = block.text.replace("\n", " ⏎ ")
            return [str(row + 1), kind_name(block.kind), level_name(block.level),
                    text[:200], block.reason][col]
        if role == Qt.ItemDataRole.EditRole:
            return {KIND_COL: block.kind.value, LEVEL_COL: block.level}.get(col)
        if role == Qt.ItemDataRole.ToolTipRole and col in (TEXT_COL, 4):
            return block.text if col == TEXT_COL else block.reason
        field = {KIND_COL: "kind", LEVEL_COL: "level", TEXT_COL: "text"}.get(col)
        if field and field in self.corrected_fields(row):
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(CORRECTED)
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
        return None

    def flags(self, index: QModelIndex):
        base = super().flags(index)
        if index.column() in (KIND_COL, LEVEL_COL):
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def setData(self, index: QModelIndex, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        block = self._blocks()[index.row()]
        if index.column() == KIND_COL and value != block.kind.value:
            changes = {"kind": value}
            if value == BlockKind.HEADING.value and not block.level:
                changes["level"] = 1
            self.correctionRequested.emit(index.row(), changes)
        elif index.column() == LEVEL_COL and int(value) != block.level:
            self.correctionRequested.emit(index.row(), {"level": int(value)})
        return True


class KindDelegate(QStyledItemDelegate):
    """The 类型 cell's editor: a list of the block kinds by their Chinese names."""

    def createEditor(self, parent, option, index):
        combo = QComboBox(parent)
        for kind, name in KIND_NAMES.items():
            combo.addItem(name, kind.value)
        return combo

    def setEditorData(self, editor, index):
        editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))

    def setModelData(self, editor, model, index):
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class LevelDelegate(QStyledItemDelegate):
    """The 级别 cell's editor: 0 (none) to 4 （1）."""

    def createEditor(self, parent, option, index):
        from PySide6.QtWidgets import QSpinBox
        spin = QSpinBox(parent)
        spin.setRange(0, 4)
        return spin

    def setEditorData(self, editor, index):
        editor.setValue(int(index.data(Qt.ItemDataRole.EditRole) or 0))

    def setModelData(self, editor, model, index):
        editor.interpretText()
        model.setData(index, editor.value(), Qt.ItemDataRole.EditRole)
