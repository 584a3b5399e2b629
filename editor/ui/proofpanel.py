"""The proofreading panel (校对): every problem of the last layout, as 级别 · 文件 · 页 · 问题.

in: a BuildOutcome (set_outcome) and the items marked 忽略 (set_ignored); out:
diagnosticActivated(Diagnostic) when the editor clicks a row — the window jumps to the
page and selects the block —, ignoreRequested(keys, ignore) from 忽略 / 取消忽略 (button or
the rows' menu), csvRequested() from 导出 CSV; write_csv(path) writes the whole list.
Ignored items leave the list (显示已忽略 shows them, greyed).
"""
from __future__ import annotations

import csv
import io
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QBrush, QColor
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QHBoxLayout, QLabel, QSizePolicy,
                               QTableWidgetItem, QToolButton, QVBoxLayout, QWidget)

from ..issuefile import write_atomic
from ..model import Severity
from ..proofignore import ignore_key, split_ignored
from .labels import SEVERITY_NAMES
from .listtable import list_table

CSV_COLUMNS = ["级别", "文件", "来源", "页", "段", "问题", "检查", "已忽略"]
IGNORED_COLOR = QColor(150, 150, 150)

SEVERITY_COLORS = {Severity.ERROR: QColor(200, 0, 0), Severity.WARNING: QColor(190, 120, 0),
                   Severity.INFO: QColor(90, 90, 90)}


def document_label(outcome, diag) -> str:
    """in: an outcome and one of its diagnostics; out: the document's short name."""
    if diag.document is not None and diag.document < len(outcome.refs):
        ref = outcome.refs[diag.document]
        doc = ref.document
        return (doc.title if doc else "") or Path(ref.source).stem
    return Path(diag.source).stem if diag.source else "（全刊）"


def document_source(outcome, diag) -> str:
    """in: an outcome and one of its diagnostics; out: the source file it is about, or ''."""
    if diag.document is not None and diag.document < len(outcome.refs):
        return outcome.refs[diag.document].source
    return diag.source


class ProofPanel(QWidget):
    diagnosticActivated = Signal(object)
    ignoreRequested = Signal(list, bool)     # IgnoredProblem keys, True = 忽略
    csvRequested = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.outcome = None
        self.ignored: list = []                  # the issue's IgnoredProblem list
        self.summary = QLabel("尚未排版")
        self.summary.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.show_info = QCheckBox("显示提示")
        self.show_info.setChecked(False)
        self.show_info.toggled.connect(lambda _on: self._fill())
        self.show_ignored = QCheckBox("显示已忽略")
        self.show_ignored.toggled.connect(lambda _on: self._fill())
        self.ignore_button = QToolButton()
        self.ignore_button.setText("忽略")
        self.ignore_button.setToolTip("选中的问题不再列出（记在期刊文件里，可撤销）")
        self.ignore_button.clicked.connect(self._toggle_ignore)
        self.csv_button = QToolButton()
        self.csv_button.setText("导出 CSV…")
        self.csv_button.setToolTip("把全部校对问题存成 CSV 表格（Excel、WPS 可打开）")
        self.csv_button.clicked.connect(self.csvRequested)
        top = QHBoxLayout()
        top.addWidget(QLabel("<b>校对</b>"))
        top.addWidget(self.summary, 1)
        for widget in (self.show_info, self.show_ignored, self.ignore_button, self.csv_button):
            top.addWidget(widget)
        self.table = list_table(["级别", "文件", "页", "问题"], (48, 220, 44),
                                QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.ignore_action = QAction("忽略", self.table)
        self.ignore_action.triggered.connect(lambda: self._request(True))
        self.unignore_action = QAction("取消忽略", self.table)
        self.unignore_action.triggered.connect(lambda: self._request(False))
        self.table.addActions([self.ignore_action, self.unignore_action])
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.cellClicked.connect(self._clicked)
        self.table.cellActivated.connect(self._clicked)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addLayout(top)
        lay.addWidget(self.table)

    def set_outcome(self, outcome) -> None:
        self.outcome = outcome
        self._fill()

    def set_ignored(self, ignored: list) -> None:
        self.ignored = list(ignored)
        self._fill()

    def split(self) -> tuple[list, list]:
        """out: (the diagnostics listed, those marked 忽略), 提示 only when asked for."""
        if self.outcome is None:
            return [], []
        diags = [d for d in self.outcome.diagnostics
                 if d.severity != Severity.INFO or self.show_info.isChecked()]
        return split_ignored(diags, self.outcome.result.issue, self.ignored)

    def shown(self) -> list:
        """out: the diagnostics in the table, in its order (the ignored ones last, if shown)."""
        listed, ignored = self.split()
        return listed + ignored if self.show_ignored.isChecked() else listed

    def row_texts(self, diag) -> list[str]:
        """级别, 文件, 页, 问题 of one diagnostic, as the table and the CSV show them."""
        return [SEVERITY_NAMES[diag.severity], document_label(self.outcome, diag),
                "" if diag.page is None else str(self._folio(diag.page)), diag.message]

    def _fill(self) -> None:
        listed, ignored = self.split()
        diags = self.shown()
        self.table.setRowCount(len(diags))
        for row, d in enumerate(diags):
            grey = row >= len(listed)
            for col, text in enumerate(self.row_texts(d)):
                item = QTableWidgetItem(text + ("（已忽略）" if grey and col == 3 else ""))
                if grey:
                    item.setForeground(QBrush(IGNORED_COLOR))
                elif col == 0:
                    item.setForeground(QBrush(SEVERITY_COLORS[d.severity]))
                if col == 3:
                    item.setToolTip(text)
                self.table.setItem(row, col, item)
        if self.outcome is None:
            self.summary.setText("尚未排版")
        else:
            every, _ = split_ignored(self.outcome.diagnostics, self.outcome.result.issue, self.ignored)
            counts = {s: sum(1 for d in every if d.severity == s) for s in Severity}
            text = "  ".join(f"{SEVERITY_NAMES[s]} {n}" for s, n in counts.items())
            if ignored:
                text += f"  已忽略 {len(ignored)}"
            self.summary.setText(text + f"   共 {len(self.outcome.pages)} 页")
        self._selection_changed()

    def selected(self) -> list:
        diags = self.shown()
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [diags[r] for r in rows if r < len(diags)]

    def _keys(self, diags) -> list:
        return [ignore_key(d, self.outcome.result.issue) for d in diags]

    def _selection_changed(self) -> None:
        keys = self._keys(self.selected()) if self.outcome is not None else []
        ignored = set(self.ignored)
        some_listed = any(k not in ignored for k in keys)
        some_ignored = any(k in ignored for k in keys)
        self.ignore_action.setEnabled(some_listed)
        self.unignore_action.setEnabled(some_ignored)
        self.ignore_button.setEnabled(bool(keys))
        self.ignore_button.setText("取消忽略" if some_ignored and not some_listed else "忽略")

    def _toggle_ignore(self) -> None:
        self._request(self.ignore_button.text() == "忽略")

    def _request(self, ignore: bool) -> None:
        keys = self._keys(self.selected()) if self.outcome is not None else []
        if keys:
            self.ignoreRequested.emit(keys, ignore)

    def csv_text(self) -> str:
        """Every problem of the last layout (提示 and ignored ones included) as CSV."""
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(CSV_COLUMNS)
        if self.outcome is not None:
            issue, ignored = self.outcome.result.issue, set(self.ignored)
            for d in self.outcome.diagnostics:
                level, name, page, message = self.row_texts(d)
                block = "" if d.block is None else str(d.block + 1)
                writer.writerow([level, name, document_source(self.outcome, d), page, block,
                                 message, d.code, "是" if ignore_key(d, issue) in ignored else ""])
        return out.getvalue()

    def write_csv(self, path) -> None:
        """Write csv_text atomically, UTF-8 with a BOM so that Excel reads the Chinese."""
        write_atomic(path, self.csv_text().encode("utf-8-sig"))

    def _folio(self, page: int) -> int:
        pages = self.outcome.pages
        if 0 <= page < len(pages) and pages[page].folio:
            return pages[page].folio
        return page + 1

    def _clicked(self, row: int, _col: int) -> None:
        diags = self.shown()
        if 0 <= row < len(diags):
            self.diagnosticActivated.emit(diags[row])
