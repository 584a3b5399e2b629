"""跳到第 N 页 (Ctrl+G): a page number as printed on the page (页码), or counted from the cover.

in: the laid-out pages and the page shown now; out: the dialog's `page()`, the physical
index of the page asked for (None when there is no such page), for PageView.go_to_page.
"""
from __future__ import annotations

from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel,
                               QSpinBox)

from .labels import PAGE_KIND_NAMES

BY_FOLIO, BY_COUNT = 0, 1
COUNTINGS = ["页码（印在页上的数字）", "第几页（从封面数起）"]


def page_index(pages, number: int, counting: int) -> int | None:
    """in: the pages, a number the editor typed and how it counts; out: the physical index
    of that page, or None. Folios are unique within an issue, so the first match is it."""
    if counting == BY_COUNT:
        return number - 1 if 1 <= number <= len(pages) else None
    return next((p.index for p in pages if p.folio == number), None)


def describe(page) -> str:
    """in: a page; out: what it is, in a few words (the dialog's answer line)."""
    what = PAGE_KIND_NAMES.get(page.kind, "正文")
    folio = f"，页码 {page.folio}" if page.folio else "，无页码"
    return f"从封面数第 {page.index + 1} 页（{what}{folio}）"


class GoToPageDialog(QDialog):
    def __init__(self, pages, current: int, parent=None):
        super().__init__(parent)
        self.setWindowTitle("跳到页")
        self.pages = pages
        self.number = QSpinBox()
        self.number.setRange(1, max(1, len(pages), max((p.folio or 0 for p in pages), default=0)))
        self.counting = QComboBox()
        self.counting.addItems(COUNTINGS)
        self.answer = QLabel()
        here = pages[current] if 0 <= current < len(pages) else None
        if here is not None and here.folio:
            self.number.setValue(here.folio)
        else:
            self.counting.setCurrentIndex(BY_COUNT)
            self.number.setValue(current + 1 if here is not None else 1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("跳转")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow("页", self.number)
        form.addRow("按", self.counting)
        form.addRow("", self.answer)
        form.addRow(self.buttons)
        self.number.valueChanged.connect(self._show_answer)
        self.counting.currentIndexChanged.connect(self._show_answer)
        self._show_answer()
        self.number.selectAll()

    def page(self) -> int | None:
        return page_index(self.pages, self.number.value(), self.counting.currentIndex())

    def _show_answer(self) -> None:
        index = self.page()
        self.answer.setText(describe(self.pages[index]) if index is not None else
                            f"<span style='color:#c00'>本期没有这一页（共 {len(self.pages)} 页）</span>")
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(index is not None)
