"""The issue's metadata form (刊名, 年份, 期, 总期, 日期, 主管主办 … 电子邮箱, 版式).

in: an IssueSession; out: the signal edited(field, value) — the window pushes a SetMeta
command. The form shows the session's values again whenever one changes (undo included).
Ctrl+Z / Ctrl+Y in a field are the window's 撤销 / 重做, not the field's own undo.
"""
from __future__ import annotations

from PySide6.QtCore import QDate, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (QComboBox, QDateEdit, QFormLayout, QLineEdit, QScrollArea,
                               QSpinBox, QWidget)

from ..layout.spec import layout_titles
from .labels import META_FIELDS


UNSET_DATE = QDate(1900, 1, 1)   # shown as （未填）


def date_editor() -> QDateEdit:
    """A date field with a calendar popup that can also show （未填）."""
    editor = QDateEdit()
    editor.setCalendarPopup(True)
    editor.setDisplayFormat("yyyy年M月d日")
    editor.setSpecialValueText("（未填）")
    editor.setMinimumDate(UNSET_DATE)
    return editor


def iso_date(d: QDate) -> str:
    """out: the ISO date an issue stores, "" for （未填）."""
    return "" if d == UNSET_DATE else d.toString(Qt.DateFormat.ISODate)


def show_date(editor: QDateEdit, iso: str) -> None:
    d = QDate.fromString(iso or "", Qt.DateFormat.ISODate)
    editor.setDate(d if d.isValid() else UNSET_DATE)


UNDO_KEYS = (QKeySequence.StandardKey.Undo, QKeySequence.StandardKey.Redo)


class UndoKeysToWindow(QObject):
    """An event filter for text fields: their own undo would only revert the typing in that
    field (and push that as one more edit); passing the keys on lets the window's 撤销 and
    重做 actions take them, so Ctrl+Z undoes the issue's last edit wherever the cursor is."""

    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and (
                any(event.matches(key) for key in UNDO_KEYS)
                or event.keyCombination().toCombined() == QKeySequence("Ctrl+Y")[0].toCombined()):
            event.ignore()          # not the field's: the shortcut goes to the window
            return True
        return False


def layout_names() -> list[str]:
    return sorted(p.stem for p in LAYOUTS_DIR.glob("*.toml"))


class MetaForm(QScrollArea):
    edited = Signal(str, object)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.session = None
        self._showing = False
        self.editors: dict[str, QWidget] = {}
        self.undo_keys = UndoKeysToWindow(self)
        body = QWidget()
        form = QFormLayout(body)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for name, label, kind in META_FIELDS:
            editor = self._make(name, kind)
            self.editors[name] = editor
            for widget in (editor, getattr(editor, "lineEdit", lambda: None)()):
                if widget is not None:
                    widget.installEventFilter(self.undo_keys)
            form.addRow(label, editor)
        self.setWidget(body)
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)

    def _make(self, name: str, kind: str) -> QWidget:
        if kind == "int":
            editor = QSpinBox()
            editor.setRange(0, 9999)
            editor.valueChanged.connect(lambda v, n=name: self._edit(n, int(v)))
        elif kind == "date":
            editor = date_editor()
            editor.dateChanged.connect(lambda d, n=name: self._edit(n, iso_date(d)))
        elif kind == "layout":
            editor = QComboBox()   # shows each layout's Chinese title; its data is the name
            for layout, title in layout_titles().items():
                editor.addItem(title, layout)
            editor.currentIndexChanged.connect(
                lambda i, n=name, e=editor: self._edit(n, e.itemData(i)))
        else:
            editor = QLineEdit()
            editor.textEdited.connect(lambda t, n=name: self._edit(n, t))
        return editor

    def set_session(self, session) -> None:
        self.session = session
        session.metaChanged.connect(self.show_field)
        for name in self.editors:
            self.show_field(name)

    def show_field(self, name: str) -> None:
        """Put the session's value of `name` in its editor (without emitting an edit)."""
        editor = self.editors.get(name)
        if editor is None or self.session is None:
            return
        value = getattr(self.session.issue, name)
        self._showing = True
        try:
            if isinstance(editor, QSpinBox):
                editor.setValue(int(value or 0))
            elif isinstance(editor, QDateEdit):
                show_date(editor, value)
            elif isinstance(editor, QComboBox):
                if editor.findData(value) < 0:
                    editor.addItem(value, value)
                editor.setCurrentIndex(editor.findData(value))
            elif editor.text() != str(value):
                editor.setText(str(value))
        finally:
            self._showing = False

    def _edit(self, name: str, value) -> None:
        if self._showing or self.session is None:
            return
        if getattr(self.session.issue, name) != value:
            self.edited.emit(name, value)
