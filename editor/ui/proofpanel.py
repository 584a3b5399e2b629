"""The proofreading panel (校对): every problem of the last layout, as 级别 · 文件 · 页 · 问题.

in: a BuildOutcome (set_outcome); out: diagnosticActivated(Diagnostic) when the editor
clicks a row — the window jumps to the page and selects the block.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QHBoxLayout, QHeaderView, QLabel,
                               QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from ..model import Severity
from .labels import SEVERITY_NAMES

SEVERITY_COLORS = {Severity.ERROR: QColor(200, 0, 0), Severity.WARNING: QColor(190, 120, 0),
                   Severity.INFO: QColor(90, 90, 90)}


def document_label(outcome, diag) -> str:
    """in: an outcome and one of its diagnostics; out: the document's short name."""
    if diag.document is not None and diag.document < len(outcome.refs):
        ref = outcome.refs[diag.document]
        doc = ref.document
        return (doc.title if doc else "") or Path(ref.source).stem
    return Path(diag.source).stem if diag.source else "（全刊）"


class ProofPanel(QWidget):
    diagnosticActivated = Signal(object)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.outcome = None
        self.summary = QLabel("尚未排版")
        self.show_info = QCheckBox("显示提示")
        self.show_info.setChecked(False)
        self.show_info.toggled.connect(lambda _on: self._fill())
        top = QHBoxLayout()
        top.addWidget(QLabel("<b>校对</b>"))
        top.addWidget(self.summary, 1)
        top.addWidget(self.show_info)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(["级别", "文件", "页", "问题"])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for col, width in enumerate((48, 220, 44)):
            self.table.setColumnWidth(col, width)
        self.table.cellClicked.connect(self._clicked)
        self.table.cellActivated.connect(self._clicked)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addLayout(top)
        lay.addWidget(self.table)

    def set_outcome(self, outcome) -> None:
        self.outcome = outcome
        self._fill()

    def shown(self) -> list:
        """out: the diagnostics listed now (提示 only when asked for)."""
        if self.outcome is None:
            return []
        return [d for d in self.outcome.diagnostics
                if d.severity != Severity.INFO or self.show_info.isChecked()]

    def _fill(self) -> None:
        diags = self.shown()
        self.table.setRowCount(len(diags))
        for row, d in enumerate(diags):
            items = [SEVERITY_NAMES[d.severity], document_label(self.outcome, d),
                     "" if d.page is None else str(self._folio(d.page)), d.message]
            for col, text in enumerate(items):
                item = QTableWidgetItem(text)
                if col == 0:
                    item.setForeground(QBrush(SEVERITY_COLORS[d.severity]))
                    item.setData(Qt.ItemDataRole.UserRole, row)
                if col == 3:
                    item.setToolTip(text)
                self.table.setItem(row, col, item)
        counts = {s: sum(1 for d in self.outcome.diagnostics if d.severity == s)
                  for s in Severity} if self.outcome else {}
        if self.outcome is None:
            self.summary.setText("尚未排版")
        else:
            self.summary.setText("  ".join(f"{SEVERITY_NAMES[s]} {n}" for s, n in counts.items())
                                 + f"   共 {len(self.outcome.pages)} 页")

    def _folio(self, page: int) -> int:
        pages = self.outcome.pages
        if 0 <= page < len(pages) and pages[page].folio:
            return pages[page].folio
        return page + 1

    def _clicked(self, row: int, _col: int) -> None:
        diags = self.shown()
        if 0 <= row < len(diags):
            self.diagnosticActivated.emit(diags[row])
