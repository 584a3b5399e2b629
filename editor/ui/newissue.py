"""The 新建期刊 dialog: where the new issue file goes and, with 沿用上一期, the issue it
follows — its colophon, 简介 and 栏目 are copied, and its 期号, 总期号 and date give the
proposed next ones (succession.following); the editor can change each before 确定.

in: a folder for a fresh issue and the previous issue file (the open one, else the last
opened), if any; out: plan() → NewIssuePlan, once exec() returns Accepted.
"""
from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import (QCheckBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout,
                               QHBoxLayout, QLabel, QLineEdit, QPushButton, QSpinBox, QVBoxLayout)

from ..issuefile import IssueFileError, read_issue
from ..model import Issue, Section
from ..succession import following
from .asking import ISSUE_FILTER
from .metaform import date_editor, iso_date, show_date

NEW_SECTIONS = ["市政府文件", "市政府办公厅文件", "市政府部门文件"]


@dataclass(frozen=True)
class NewIssuePlan:
    path: Path                  # the issue file to create
    previous: Path | None       # 沿用上一期: the issue file this one follows
    year: int
    number: int
    total: int
    date: str                   # ISO; "" when not given

    def issue(self) -> Issue:
        """out: the new Issue (reads the previous issue file: IssueFileError)."""
        if self.previous:
            issue = following(read_issue(self.previous))
        else:
            issue = Issue(sections=[Section(name) for name in NEW_SECTIONS])
        issue.year, issue.number, issue.total_number, issue.date = self.year, self.number, self.total, self.date
        return issue


def proposed_path(folder: Path, previous: Path | None, year: int, number: int) -> Path:
    """A folder per issue, named 2020-11, beside the previous issue's folder."""
    base = previous.resolve().parent.parent if previous else folder
    return base / f"{year}-{number:02d}" / "issue.json"


class NewIssueDialog(QDialog):
    def __init__(self, folder: str | Path, previous: str | Path | None = None, parent=None):
        super().__init__(parent)
        self.setWindowTitle("新建期刊")
        self.setMinimumWidth(560)
        self.folder = Path(folder)
        self.follow = QCheckBox("沿用上一期（刊名、版权信息、简介和栏目）")
        self.follow.setChecked(previous is not None)
        self.previous = QLineEdit(str(previous or ""))
        choose = QPushButton("选择…")
        choose.clicked.connect(self._choose_previous)
        previous_row = QHBoxLayout()
        previous_row.addWidget(self.previous, 1)
        previous_row.addWidget(choose)
        self.year, self.number, self.total = (self._spin(), self._spin(), self._spin())
        self.date = date_editor()
        self.path = QLineEdit()
        self._path_typed = False
        self.path.textEdited.connect(lambda _t: setattr(self, "_path_typed", True))
        browse = QPushButton("浏览…")
        browse.clicked.connect(self._browse)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path, 1)
        path_row.addWidget(browse)
        self.problem = QLabel("")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b00020")
        form = QFormLayout()
        form.addRow(self.follow)
        form.addRow("上一期", previous_row)
        form.addRow("年份", self.year)
        form.addRow("期号", self.number)
        form.addRow("总期号", self.total)
        form.addRow("出版日期", self.date)
        form.addRow("期刊文件", path_row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.problem)
        lay.addWidget(buttons)
        self.follow.toggled.connect(self.propose)
        self.previous.editingFinished.connect(self.propose)
        for spin in (self.year, self.number):
            spin.valueChanged.connect(self._propose_path)
        self.propose()

    @staticmethod
    def _spin() -> QSpinBox:
        spin = QSpinBox()
        spin.setRange(0, 9999)
        return spin

    def previous_path(self) -> Path | None:
        text = self.previous.text().strip()
        return Path(text) if self.follow.isChecked() and text else None

    def propose(self) -> None:
        """Fill 年份, 期号, 总期号 and date: the issue after the previous one, or a fresh
        first issue of this year."""
        self.previous.setEnabled(self.follow.isChecked())
        self.problem.setText("")
        issue = Issue(year=datetime.date.today().year, number=1)
        previous = self.previous_path()
        if previous is not None:
            try:
                issue = following(read_issue(previous))
            except IssueFileError as e:
                self.problem.setText(str(e))
        self.year.setValue(issue.year)
        self.number.setValue(issue.number)
        self.total.setValue(issue.total_number)
        show_date(self.date, issue.date)
        self._propose_path()

    def _propose_path(self) -> None:
        if not self._path_typed:
            self.path.setText(str(proposed_path(self.folder, self.previous_path(),
                                                self.year.value(), self.number.value())))

    def _choose_previous(self) -> None:
        path = QFileDialog.getOpenFileName(self, "选择上一期的期刊文件", self.previous.text(), ISSUE_FILTER)[0]
        if path:
            self.previous.setText(path)
            self.follow.setChecked(True)
            self.propose()

    def _browse(self) -> None:
        path = QFileDialog.getSaveFileName(self, "新建期刊：选择期刊文件的位置", self.path.text(), ISSUE_FILTER)[0]
        if path:
            self.path.setText(path)
            self._path_typed = True

    def plan(self) -> NewIssuePlan:
        return NewIssuePlan(Path(self.path.text().strip()), self.previous_path(), self.year.value(),
                            self.number.value(), self.total.value(), iso_date(self.date.date()))

    def accept(self) -> None:
        """Close only with a plan that can be carried out: a new file, a readable previous one."""
        plan = self.plan()
        if not self.path.text().strip():
            self.problem.setText("请填写期刊文件的位置")
        elif plan.path.exists():
            self.problem.setText(f"{plan.path}：文件已存在，不会覆盖")
        elif plan.previous is not None and not plan.previous.is_file():
            self.problem.setText(f"{plan.previous}：找不到上一期的期刊文件")
        else:
            super().accept()
