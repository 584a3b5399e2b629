"""The selected document: title, 文号, 栏目, 文种, source, and its blocks to correct.

in: an IssueSession and a selected DocumentRef (show_ref); out: intents as signals —
correctionRequested(ref, block, changes), kindRequested(ref, 文种), linesRequested(ref,
每栏行数), headingNumbersRequested(ref, on: number a Markdown document's unnumbered `#`
headings), sectionRequested(ref, section index), blockSelected(ref, block),
compareRequested(ref), and for a correction whose paragraph is gone from the revised
source (listed above the table with its original and corrected text)
reapplyRequested(ref, correction index, block) and
dropRequested(ref, correction index). A block's text is corrected in the editor under
the table; the source file is never changed.
"""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QFormLayout, QHBoxLayout,
                               QHeaderView, QLabel, QPlainTextEdit, QPushButton, QSplitter,
                               QSpinBox, QTableView, QVBoxLayout, QWidget)

from .blocksmodel import KIND_COL, LEVEL_COL, BlocksModel, KindDelegate, LevelDelegate
from .stalebox import StaleBox

DOC_KINDS = ["", "报告", "通知", "通报", "意见", "决定", "办法", "规定", "批复", "函", "命令", "公告"]


class DocPanel(QWidget):
    correctionRequested = Signal(object, int, dict)
    kindRequested = Signal(object, str)
    linesRequested = Signal(object, int)
    sectionRequested = Signal(object, int)
    blockSelected = Signal(object, int)
    compareRequested = Signal(object)
    headingNumbersRequested = Signal(object, bool)
    reapplyRequested = Signal(object, int, int)
    dropRequested = Signal(object, int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.session = None
        self.ref = None
        self._showing = False
        self.title = QLabel()
        self.number = QLabel()
        self.source = QLabel()
        for label in (self.title, self.number, self.source):
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.section = QComboBox()
        self.section.activated.connect(self._section_chosen)
        self.kind = QComboBox()
        self.kind.setEditable(True)
        self.kind.addItems(DOC_KINDS)
        self.kind.lineEdit().setPlaceholderText("（按识别结果）")
        self.kind.lineEdit().editingFinished.connect(self._kind_edited)
        self.kind.activated.connect(lambda _i: self._kind_edited())
        self.lines = QSpinBox()
        self.lines.setRange(0, 60)
        self.lines.setSpecialValueText("按版式")
        self.lines.setSuffix(" 行")
        self.lines.setToolTip("本篇每栏排几行（行距随之变化）；用来让一篇文件恰好排满它的页数")
        self.lines.editingFinished.connect(self._lines_edited)
        self.numbers = QCheckBox("给未编号的 # 标题加“一、（一）1.（1）”")
        self.numbers.setToolTip("Markdown 文件的 # 标题都没有编号时，按层级加上公文的编号；取消则照原文印")
        self.numbers.clicked.connect(self._numbers_clicked)
        form = QFormLayout()
        form.addRow("标题", self.title)
        form.addRow("文号", self.number)
        form.addRow("栏目", self.section)
        form.addRow("文种", self.kind)
        form.addRow("每栏行数", self.lines)
        form.addRow("来源", self.source)
        form.addRow("标题编号", self.numbers)
        self.form = form

        self.model = BlocksModel(self)
        self.model.correctionRequested.connect(
            lambda block, changes: self.correctionRequested.emit(self.ref, block, changes))
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setItemDelegateForColumn(KIND_COL, KindDelegate(self.table))
        self.table.setItemDelegateForColumn(LEVEL_COL, LevelDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed
                                   | QAbstractItemView.EditTrigger.SelectedClicked)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for col, width in enumerate((36, 76, 60, 240)):
            self.table.setColumnWidth(col, width)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.stale = StaleBox(self.current_block)
        self.stale.reapplyRequested.connect(lambda i, b: self.reapplyRequested.emit(self.ref, i, b))
        self.stale.dropRequested.connect(lambda i: self.dropRequested.emit(self.ref, i))

        self.text = QPlainTextEdit()
        self.text.setPlaceholderText("选中一段后可在此改正文字（不改动源文件）")
        self.original = QLabel()
        self.original.setWordWrap(True)
        self.original.setStyleSheet("color: #666")
        self.reason = QLabel()
        self.reason.setWordWrap(True)
        self.apply = QPushButton("应用修改")
        self.apply.setToolTip("Ctrl+Enter")
        self.apply.clicked.connect(self._apply_text)
        self.restore = QPushButton("恢复原文")
        self.restore.clicked.connect(self._restore_text)
        self.compare = QPushButton("原文对照…")
        self.compare.clicked.connect(lambda: self.ref and self.compareRequested.emit(self.ref))
        QShortcut(QKeySequence("Ctrl+Return"), self.text, self._apply_text)
        buttons = QHBoxLayout()
        for b in (self.apply, self.restore, self.compare):
            buttons.addWidget(b)
        buttons.addStretch()
        editor = QWidget()
        lay = QVBoxLayout(editor)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.reason)
        lay.addWidget(self.text)
        lay.addWidget(self.original)
        lay.addLayout(buttons)

        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(editor)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        self.splitter = split
        outer = QVBoxLayout(self)
        outer.addLayout(form)
        outer.addWidget(self.stale)
        outer.addWidget(split, 1)
        self.show_ref(None)

    # -- showing -------------------------------------------------------------------------
    def set_session(self, session) -> None:
        self.session = session
        session.documentChanged.connect(self._document_changed)
        session.structureChanged.connect(self._structure_changed)
        self.show_ref(None)

    def show_ref(self, ref) -> None:
        """Show a document (None: nothing selected); the same one again keeps its row."""
        if ref is not None and ref is self.ref:
            self._fill_fields()
            return
        self.ref = ref
        self.model.set_ref(ref)
        self.setEnabled(ref is not None)
        self._fill_fields()
        self._row_changed(self.table.currentIndex(), None)

    def _fill_fields(self) -> None:
        ref, self._showing = self.ref, True
        doc = ref.document if ref is not None else None
        self.title.setText(doc.title if doc else "")
        self.number.setText((doc.doc_number or "（无）") if doc else "")
        problem = self.session.problems.get(ref.source) if (ref and self.session) else None
        self.source.setText(f"{ref.source}\n{problem}" if problem else (ref.source if ref else ""))
        self.section.clear()
        if self.session is not None:
            self.section.addItems([s.name for s in self.session.issue.sections])
            where = self.session.locate(ref) if ref is not None else None
            self.section.setCurrentIndex(where[0] if where else -1)
        self.kind.setCurrentText((ref.kind or "") if ref else "")
        if doc is not None and not ref.kind:
            self.kind.lineEdit().setPlaceholderText(f"（识别为：{doc.kind or '未识别'}）")
        self.lines.setValue(ref.lines_per_column if ref is not None else 0)
        self.stale.show_corrections(ref.corrections if ref is not None else [])
        self.numbers.setChecked(bool(ref and ref.heading_numbers))
        self.form.setRowVisible(self.numbers, bool(doc and doc.unnumbered_headings))
        self._showing = False

    def select_block(self, block: int) -> None:
        index = self.model.index(block, 0)
        if index.isValid():
            self._showing = True
            self.table.setCurrentIndex(index)
            self.table.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
            self._showing = False

    def current_block(self) -> int:
        return self.table.currentIndex().row()

    def _row_changed(self, current, _previous) -> None:
        row = current.row() if current is not None and current.isValid() else -1
        blocks = self.ref.document.blocks if self.ref is not None and self.ref.document else []
        ok = 0 <= row < len(blocks) and blocks[row].kind.value not in ("table", "image", "page_break")
        self.text.setEnabled(ok)
        self.apply.setEnabled(ok)
        self.text.setPlainText(blocks[row].text if ok else "")
        self.reason.setText(f"识别依据：{blocks[row].reason or '（无）'}" if 0 <= row < len(blocks) else "")
        raw = self.session.raw_document(self.ref) if (self.ref and self.session) else None
        fixed = ok and "text" in self.model.corrected_fields(row)
        self.restore.setEnabled(bool(fixed))
        self.original.setText(f"原文：{raw.blocks[row].text}" if fixed and raw else "")
        self.stale.update_buttons()
        if 0 <= row and not self._showing and self.ref is not None:
            self.blockSelected.emit(self.ref, row)

    def _document_changed(self, ref) -> None:
        if ref is self.ref:
            row = self.current_block()
            self.model.refresh()
            self._fill_fields()
            if row >= 0:
                self._showing = True
                if not self.table.currentIndex().isValid():     # the model was reset
                    self.table.setCurrentIndex(self.model.index(row, 0))
                self._row_changed(self.model.index(row, 0), None)
                self._showing = False

    def _structure_changed(self) -> None:
        if self.ref is not None and self.session.locate(self.ref) is None:
            self.show_ref(None)
        else:
            self._document_changed(self.ref)     # its source may have been read again

    # -- edits ---------------------------------------------------------------------------
    def _apply_text(self) -> None:
        row = self.current_block()
        if self.ref is None or row < 0 or not self.text.isEnabled():
            return
        text = self.text.toPlainText()
        if text != self.ref.document.blocks[row].text:
            self.correctionRequested.emit(self.ref, row, {"text": text})

    def _restore_text(self) -> None:
        row = self.current_block()
        if self.ref is not None and row >= 0:
            self.correctionRequested.emit(self.ref, row, {"text": None})

    def _section_chosen(self, si: int) -> None:
        where = self.session.locate(self.ref) if (self.ref and self.session) else None
        if not self._showing and where and si != where[0]:
            self.sectionRequested.emit(self.ref, si)

    def _lines_edited(self) -> None:
        if not self._showing and self.ref is not None and self.lines.value() != self.ref.lines_per_column:
            self.linesRequested.emit(self.ref, self.lines.value())
    def _numbers_clicked(self, on: bool) -> None:
        if not self._showing and self.ref is not None and on != self.ref.heading_numbers:
            self.headingNumbersRequested.emit(self.ref, on)

    def _kind_edited(self) -> None:
        if self._showing or self.ref is None:
            return
        kind = self.kind.currentText().strip()
        if kind != (self.ref.kind or ""):
            self.kindRequested.emit(self.ref, kind)
