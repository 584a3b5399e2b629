"""The questions the window asks the editor, in one replaceable object.

in: a parent widget; out: answers — recover?, save changes?, a file to open, a new issue.
GAZETTE_RECOVER=yes|no|later answers the recovery question without a dialog (for tests and
scripted starts); tests replace the other methods with plain functions.
"""
from __future__ import annotations

import datetime
import os
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

ISSUE_FILTER = "期刊文件 (*.json)"
CSV_FILTER = "CSV 表格 (*.csv)"
SOURCE_FILTER = "公文 (*.docx *.txt *.md)"
Button = QMessageBox.StandardButton


class Asker:
    def __init__(self, parent, interactive: bool = True):
        self.parent = parent
        self.interactive = interactive     # False: never block on a dialog (screenshots)

    def recover(self, recovery: Path, issue: Path) -> bool | None:
        """Offer the unsaved changes found in `recovery` for `issue`; out: True (恢复),
        False (丢弃) or None (稍后, or not asked: keep the file for a later opening)."""
        answer = os.environ.get("GAZETTE_RECOVER", "").strip().lower()
        if answer:
            return None if answer == "later" else answer in ("yes", "y", "1", "true")
        if not self.interactive:
            return None
        from .recovery import recovery_label
        when = datetime.datetime.fromtimestamp(recovery.stat().st_mtime).strftime("%Y-%m-%d %H:%M")
        box = QMessageBox(QMessageBox.Icon.Question, "恢复未保存的修改",
                          f"发现 {recovery_label(recovery, issue)} 在 {when} 自动保存的修改，比期刊文件更新（上次可能没有正常退出）。\n\n"
                          "恢复：打开这些修改（尚未保存）；丢弃：删除它们；\n"
                          "稍后：先按已保存的期刊打开，自动保存的修改留着，下次打开时再问。",
                          parent=self.parent)
        restore = box.addButton("恢复", QMessageBox.ButtonRole.AcceptRole)
        discard = box.addButton("丢弃", QMessageBox.ButtonRole.DestructiveRole)
        later = box.addButton("稍后", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(restore)
        box.setEscapeButton(later)
        box.exec()
        clicked = box.clickedButton()
        return True if clicked is restore else (False if clicked is discard else None)

    def save_changes(self, name: str) -> str:
        """out: 'save' | 'discard' | 'cancel' for an issue with unsaved changes."""
        if not self.interactive:
            return "discard"
        answer = QMessageBox.question(
            self.parent, "保存修改", f"{name}有未保存的修改，要保存吗？",
            Button.Save | Button.Discard | Button.Cancel, Button.Save)
        return {Button.Save: "save", Button.Discard: "discard"}.get(answer, "cancel")

    def warn(self, title: str, message: str) -> None:
        if self.interactive:
            QMessageBox.warning(self.parent, title, message)

    def open_issue(self, folder: str) -> str:
        return QFileDialog.getOpenFileName(self.parent, "打开期刊", folder, ISSUE_FILTER)[0]

    def new_issue(self, folder: str, previous: Path | None):
        """out: a NewIssuePlan (where, which issue it follows, its numbers), or None."""
        from .newissue import NewIssueDialog
        dialog = NewIssueDialog(folder, previous, self.parent)
        return dialog.plan() if dialog.exec() == NewIssueDialog.DialogCode.Accepted else None

    def save_as(self, current: str) -> str:
        return QFileDialog.getSaveFileName(self.parent, "另存为", current, ISSUE_FILTER)[0]

    def save_csv(self, default: str) -> str:
        return QFileDialog.getSaveFileName(self.parent, "导出校对列表", default, CSV_FILTER)[0]

    def source_files(self, folder: str) -> list[str]:
        return QFileDialog.getOpenFileNames(self.parent, "添加文件", folder, SOURCE_FILTER)[0]

    def section_name(self, title: str, current: str = "") -> str:
        name, ok = QInputDialog.getText(self.parent, title, "栏目名称：", text=current)
        return name.strip() if ok else ""
