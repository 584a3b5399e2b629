"""查找 / 替换 over the whole issue (Ctrl+F, Ctrl+H), as a Word user expects it.

in: an IssueSession (its documents as corrected) and a LiveLayout (for the page each match
is printed on); out: a results list of document · 段 · 页 · context, matchActivated(ref,
block, page) when the editor picks one, and replaceRequested(changes, label) — the window
stores the new texts as corrections of their blocks, one undo step however many there are.
The source files are never changed. A table's cells are found but not replaced here.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QCheckBox, QDialog, QGridLayout, QLabel, QLineEdit, QPushButton,
                               QTableWidgetItem, QVBoxLayout)

from ..model import BlockKind
from .listtable import list_table

CONTEXT = 14                 # characters shown either side of a match
MAX_LISTED = 1000            # rows in the results list (全部替换 still replaces every match)
NOT_SEARCHED = (BlockKind.IMAGE, BlockKind.PAGE_BREAK)
NOT_REPLACED = (BlockKind.TABLE,)


@dataclass(frozen=True)
class Match:
    ref: object              # the session's DocumentRef
    block: int
    start: int
    end: int
    text: str                # the block's whole text when it was found
    replaceable: bool


def find_matches(refs, needle: str, match_case: bool) -> list[Match]:
    """in: DocumentRefs in issue order, the text to find; out: every occurrence in the
    documents as they will print (corrections applied), in reading order."""
    if not needle:
        return []
    pattern = re.compile(re.escape(needle), 0 if match_case else re.IGNORECASE)
    found = []
    for ref in refs:
        for b, block in enumerate(ref.document.blocks if ref.document else []):
            if block.kind in NOT_SEARCHED:
                continue
            text = block.text
            found += [Match(ref, b, m.start(), m.end(), text, block.kind not in NOT_REPLACED)
                      for m in pattern.finditer(text)]
    return found


def replacements(matches: list[Match], replacement: str) -> list[tuple[object, int, str]]:
    """in: matches (any blocks) and the new text; out: (ref, block, block's new text), one per
    block, every replaceable match of that block replaced."""
    by_block: dict[tuple[int, int], list[Match]] = {}
    for m in matches:
        if m.replaceable:
            by_block.setdefault((id(m.ref), m.block), []).append(m)
    out = []
    for group in by_block.values():
        text = group[0].text
        for m in sorted(group, key=lambda m: m.start, reverse=True):
            text = text[:m.start] + replacement + text[m.end:]
        out.append((group[0].ref, group[0].block, text))
    return out


class PageFinder:
    """Where a block's characters are printed in one layout: built once per layout, asked
    once per match."""

    def __init__(self, outcome):
        self.docs = {id(ref): k for k, ref in enumerate(outcome.refs)} if outcome else {}
        self.lines: dict[tuple[int, int], list[tuple[int, int]]] = {}
        for page in outcome.pages if outcome else []:
            for line in page.lines:
                if line.doc is not None and line.block is not None:
                    spans = self.lines.setdefault((line.doc, line.block), [])
                    printed = spans[-1][1] if spans else 0
                    spans.append((page.index, printed + len("".join(line.text.split()))))

    def page(self, ref, block: int, at: int) -> int | None:
        """out: the physical page where character `at` of the block is printed (spaces and
        line breaks are not counted: the layout sets them as line ends), or None when the
        block is not printed."""
        spans = self.lines.get((self.docs.get(id(ref), -1), block))
        if not spans:
            return None
        wanted = len("".join(ref.document.blocks[block].text[:at].split()))
        return next((page for page, printed in spans if printed > wanted), spans[-1][0])


def context_html(m: Match) -> str:
    """The match amid its neighbours, marked, for the results list."""
    before = m.text[max(0, m.start - CONTEXT):m.start].replace("\n", " ")
    after = m.text[m.end:m.end + CONTEXT].replace("\n", " ")
    return (("…" if m.start > CONTEXT else "") + html.escape(before)
            + f"<b style='background:#ffe08a'>{html.escape(m.text[m.start:m.end])}</b>"
            + html.escape(after) + ("…" if m.end + CONTEXT < len(m.text) else ""))


class FindReplaceDialog(QDialog):
    matchActivated = Signal(object, int, object)     # ref, block, physical page or None
    replaceRequested = Signal(list, str)             # [(ref, block, new text)], undo label

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle("查找和替换")
        self.setMinimumSize(560, 420)
        self.session = None
        self.live = None
        self.matches: list[Match] = []
        self.placed = PageFinder(None)
        self.find_text = QLineEdit()
        self.find_text.setPlaceholderText("要查找的文字")
        self.replace_text = QLineEdit()
        self.replace_text.setPlaceholderText("替换成的文字（可为空）")
        self.match_case = QCheckBox("区分大小写")
        self.find_button = QPushButton("查找全部")
        self.find_button.setDefault(True)
        self.replace_button = QPushButton("替换")
        self.replace_all_button = QPushButton("全部替换")
        self.results = list_table(["文件", "段", "页", "内容"], (170, 44, 44))
        self.status = QLabel("")
        self.status.setWordWrap(True)
        grid = QGridLayout()
        grid.addWidget(QLabel("查找内容"), 0, 0)
        grid.addWidget(self.find_text, 0, 1)
        grid.addWidget(self.find_button, 0, 2)
        grid.addWidget(QLabel("替换为"), 1, 0)
        grid.addWidget(self.replace_text, 1, 1)
        grid.addWidget(self.replace_button, 1, 2)
        grid.addWidget(self.match_case, 2, 1)
        grid.addWidget(self.replace_all_button, 2, 2)
        lay = QVBoxLayout(self)
        lay.addLayout(grid)
        lay.addWidget(self.results, 1)
        lay.addWidget(self.status)
        self.find_button.clicked.connect(lambda: self.search())
        self.find_text.returnPressed.connect(lambda: self.search())
        self.match_case.toggled.connect(lambda _on: self.search())
        self.replace_button.clicked.connect(self.replace_current)
        self.replace_all_button.clicked.connect(self.replace_all)
        self.results.currentCellChanged.connect(lambda row, *_: self._activate(row))
        self.results.cellClicked.connect(lambda row, _col: self._activate(row))
        self._enable()

    # -- the issue it searches -------------------------------------------------------------
    def set_session(self, session, live) -> None:
        """Search this issue (None: none open); results follow its edits and layouts."""
        if self.session is not None:
            self.session.documentChanged.disconnect(self._issue_changed)
            self.session.structureChanged.disconnect(self._issue_changed)
        if self.live is not None:
            self.live.ready.disconnect(self._pages_changed)
        self.session, self.live = session, live
        if session is not None:
            session.documentChanged.connect(self._issue_changed)
            session.structureChanged.connect(self._issue_changed)
            live.ready.connect(self._pages_changed)
        self.search(show=False)

    def show_for(self, replacing: bool) -> None:
        """Open (Ctrl+F: the 查找 field, Ctrl+H: the 替换 field ready to type)."""
        self.show()
        self.raise_()
        self.activateWindow()
        field = self.replace_text if replacing and self.find_text.text() else self.find_text
        field.setFocus()
        field.selectAll()

    # -- finding ---------------------------------------------------------------------------
    def search(self, show: bool = True) -> None:
        """Find the text again in the issue as it is now and list every match; `show`: go to
        the selected one (not when the list only follows an edit: the view stays put)."""
        refs = [ref for _s, ref in self.session.issue.refs()] if self.session else []
        keep = self.results.currentRow()
        self.matches = find_matches(refs, self.find_text.text(), self.match_case.isChecked())
        self._fill()
        if self.matches:
            self.results.blockSignals(True)
            self.results.setCurrentCell(min(max(keep, 0), len(self.matches) - 1), 0)
            self.results.blockSignals(False)
            if show:
                self._activate(self.results.currentRow())
        self._say_found()
        self._enable()

    def _fill(self) -> None:
        outcome = self.live.outcome if self.live else None
        self.placed = PageFinder(outcome)
        self.results.blockSignals(True)
        self.results.setRowCount(min(len(self.matches), MAX_LISTED))
        for row, m in enumerate(self.matches[:MAX_LISTED]):
            doc = m.ref.document
            page = self.placed.page(m.ref, m.block, m.start)
            cells = [(doc.title if doc else "") or Path(m.ref.source).stem,
                     str(m.block + 1) if m.replaceable else f"{m.block + 1} 表格",
                     self._folio(outcome, page)]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.results.setItem(row, col, item)
            label = QLabel(context_html(m))
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setToolTip(m.text)
            self.results.setCellWidget(row, 3, label)
        self.results.blockSignals(False)

    @staticmethod
    def _folio(outcome, page: int | None) -> str:
        """The page as the 校对 list shows it: its printed number, else its count from the cover."""
        if outcome is None or page is None:
            return ""
        return str(outcome.pages[page].folio or page + 1)

    def _say_found(self) -> None:
        if not self.find_text.text():
            self.status.setText("")
            return
        docs = len({id(m.ref) for m in self.matches})
        tables = sum(1 for m in self.matches if not m.replaceable)
        text = f"找到 {len(self.matches)} 处（{docs} 篇文件）" if self.matches else "没有找到"
        if tables:
            text += f"；其中 {tables} 处在表格中，不能在此替换"
        if len(self.matches) > MAX_LISTED:
            text += f"；列出前 {MAX_LISTED} 处"
        self.status.setText(text)

    def _enable(self) -> None:
        can = self.session is not None and any(m.replaceable for m in self.matches)
        self.replace_button.setEnabled(can)
        self.replace_all_button.setEnabled(can)

    def _activate(self, row: int) -> None:
        if 0 <= row < len(self.matches):
            m = self.matches[row]
            self.matchActivated.emit(m.ref, m.block, self.placed.page(m.ref, m.block, m.start))

    def _issue_changed(self, *_args) -> None:
        if self.find_text.text():
            self.search(show=False)

    def _pages_changed(self, _outcome) -> None:
        if self.matches:
            self._fill()

    # -- replacing -------------------------------------------------------------------------
    def replace_current(self) -> None:
        """Replace the selected match only (then the list moves on to the next one)."""
        row = self.results.currentRow()
        if 0 <= row < len(self.matches) and self.matches[row].replaceable:
            self._replace([self.matches[row]])
        else:
            self.status.setText("请先在列表中选中一处可替换的文字")

    def replace_all(self) -> None:
        self.search(show=False)          # exactly what is in the issue now
        self._replace(self.matches)

    def _replace(self, matches: list[Match]) -> None:
        new = self.replace_text.text()
        changes = replacements(matches, new)
        count = sum(1 for m in matches if m.replaceable)
        if not changes:
            return
        label = f"替换“{self.find_text.text()}”为“{new}”（{count} 处）"
        self.replaceRequested.emit(changes, label)
        self.search(show=len(matches) == 1)     # 替换 moves on to the next match
        self.status.setText(f"已替换 {count} 处（{len(changes)} 段），可撤销（Ctrl+Z）。" + self.status.text())
