"""The corrections that lost their paragraph (源文件已修改), shown above a document's blocks.

in: a DocumentRef's corrections (show_corrections) and the block selected in the table;
out: reapplyRequested(correction index, block) — its changes go onto the selected block —
and dropRequested(correction index). Each is listed with its original and corrected text.
"""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QGroupBox, QHBoxLayout, QListWidget, QListWidgetItem, QPushButton,
                               QVBoxLayout)

from ..corrections import STALE, stale
from .labels import kind_name, level_name

MAX_LIST_HEIGHT = 120     # px: about three corrections, then it scrolls


def stale_label(c) -> str:
    """in: a correction that lost its paragraph; out: what it corrected and how, in full."""
    lines = [f"原文：{c.original}" if c.original is not None else f"原文：（原第 {c.block + 1} 段）"]
    if c.text is not None:
        lines.append(f"改为：{c.text}")
    if c.kind is not None:
        lines.append(f"类型改为：{kind_name(c.kind)}")
    if c.level is not None:
        lines.append(f"级别改为：{level_name(c.level) or c.level}")
    return "\n".join(lines)


class StaleBox(QGroupBox):
    """The corrections whose paragraph is gone: each can go onto the selected block, or be dropped."""
    reapplyRequested = Signal(int, int)      # correction index, block
    dropRequested = Signal(int)              # correction index

    def __init__(self, current_block, parent=None):
        super().__init__(f"无法对应的修改（{STALE}）", parent)
        self.current_block = current_block   # callable → the block selected in the table
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.currentRowChanged.connect(lambda _r: self.update_buttons())
        self.reapply = QPushButton("应用到选中段")
        self.reapply.setToolTip("先在下表中选中要修改的段落")
        self.reapply.clicked.connect(self._reapply)
        self.drop = QPushButton("放弃此修改")
        self.drop.clicked.connect(self._drop)
        buttons = QHBoxLayout()
        buttons.addWidget(self.reapply)
        buttons.addWidget(self.drop)
        buttons.addStretch()
        lay = QVBoxLayout(self)
        lay.addWidget(self.list)
        lay.addLayout(buttons)
        self.setStyleSheet("QGroupBox { color: #c00; }")

    def show_corrections(self, corrections) -> None:
        """List the stale ones of `corrections`; hidden when there are none."""
        self.list.clear()
        for index, c in stale(corrections):
            item = QListWidgetItem(stale_label(c))
            item.setData(Qt.ItemDataRole.UserRole, index)
            item.setToolTip(stale_label(c))
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)
        rows = sum(self.list.sizeHintForRow(r) for r in range(self.list.count()))
        self.list.setFixedHeight(min(MAX_LIST_HEIGHT, rows + 2 * self.list.frameWidth() + 2))
        self.setVisible(self.list.count() > 0)
        self.update_buttons()

    def chosen(self) -> int | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def update_buttons(self) -> None:
        self.drop.setEnabled(self.chosen() is not None)
        self.reapply.setEnabled(self.chosen() is not None and self.current_block() >= 0)

    def _reapply(self) -> None:
        if self.chosen() is not None and self.current_block() >= 0:
            self.reapplyRequested.emit(self.chosen(), self.current_block())

    def _drop(self) -> None:
        if self.chosen() is not None:
            self.dropRequested.emit(self.chosen())
