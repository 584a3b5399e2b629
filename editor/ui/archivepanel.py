"""The 档案 panel: the issues of an archive folder, their continuity problems, and the
search `main.py find` does — by 文号 (any brackets), words of the title or text, 发文机关,
成文日期 — whose hits open the issue at the page.

in: an archive folder (set_folder); out: openRequested(issue file, printed page or None)
when the editor activates a hit (or an issue), folderChanged(folder) when another folder
is chosen; 年度总目录… writes a year's index (PDF, Word or web page, as `main.py annual`).
The archive is read on a worker thread (archive.folder.read_archive: issues not yet in the
cache are laid out there); the panel only shows what it hands back.
"""
from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QThread, Signal
from PySide6.QtWidgets import (QFileDialog, QGridLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton,
                               QTableWidgetItem, QVBoxLayout, QWidget)

from ..archive.fields import parse_date
from ..archive.search import Query, find
from .listtable import list_table

PROBLEM_COLOR = "#b00020"


class _Reader(QThread):
    """Reads one archive folder: its issues and their continuity problems."""
    progress = Signal(int, int, str)
    done = Signal(object, object)        # [ArchivedIssue], [Problem]
    failed = Signal(str)

    def __init__(self, folder: Path, parent=None):
        super().__init__(parent)
        self.folder = folder
        self.cancel = threading.Event()

    def run(self) -> None:
        from ..archive.continuity import check_archive
        from ..archive.folder import read_archive
        try:
            issues = read_archive(self.folder, lambda n, total, path: self.progress.emit(n, total, str(path)),
                                  self.cancel)
            self.done.emit(issues, check_archive(issues))
        except InterruptedError:
            return
        except Exception as e:   # noqa: BLE001 — shown in the panel, never raised in Qt
            self.failed.emit(f"{self.folder}：无法读取档案（{type(e).__name__}: {e}）")


class _AnnualWriter(QThread):
    """Builds one year's 总目录 into the file (or web folder) the editor chose."""
    done = Signal(str)
    failed = Signal(str)

    def __init__(self, issues: list, year: int, target: Path, parent=None):
        super().__init__(parent)
        self.issues, self.year, self.target = issues, year, target

    def run(self) -> None:
        from ..archive.annual import AnnualError, build_annual
        from ..pipeline import failure_message
        from ..render.web import WebFolderError
        kind = self.target.suffix.lower()
        try:
            made = build_annual(self.issues, self.year, pdf=self.target if kind == ".pdf" else None,
                                docx=self.target if kind == ".docx" else None,
                                web=self.target if kind not in (".pdf", ".docx") else None)
        except (AnnualError, WebFolderError) as e:
            self.failed.emit(str(e))
            return
        except Exception as e:   # noqa: BLE001 — shown in the panel, never raised in Qt
            self.failed.emit(failure_message(e, self.target))
            return
        pages = f"，{made.pages} 页" if kind == ".pdf" else ""
        self.done.emit(f"已生成 {self.target}（{self.year}年总目录：{made.index.document_count} 篇文件{pages}）")


class ArchivePanel(QWidget):
    openRequested = Signal(str, object)      # issue file, printed page (None: its start)
    folderChanged = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.folder: Path | None = None
        self.issues: list = []               # ArchivedIssue, in order
        self.problems: list = []
        self.hits: list = []
        self._reader: _Reader | None = None
        self._writer: _AnnualWriter | None = None
        self.folder_label = QLabel("（未选择档案文件夹）")
        self.folder_label.setWordWrap(True)
        choose = QPushButton("选择文件夹…")
        choose.clicked.connect(self._choose)
        self.status = QLabel("")
        self.status.setWordWrap(True)
        self.issue_table = list_table(["年份", "期号", "总期号", "出版日期", "篇数", "页数"],
                                      (44, 50, 70, 84, 40))
        self.issue_table.cellDoubleClicked.connect(lambda row, _c: self._open_issue(row))
        self.problem_label = QLabel("")
        self.problem_label.setWordWrap(True)
        self.query = QLineEdit()
        self.query.setPlaceholderText("文号（括号写法不限）或标题、正文中的词")
        self.organ = QLineEdit()
        self.organ.setPlaceholderText("发文机关（可不填）")
        self.since, self.until = QLineEdit(), QLineEdit()
        self.since.setPlaceholderText("成文日期自，如 2020-01-01")
        self.until.setPlaceholderText("至")
        self.find_button = QPushButton("查找")
        self.find_button.setDefault(True)
        self.results = list_table(["期", "页", "文号", "标题"], (110, 36, 150))
        self.results.cellDoubleClicked.connect(lambda row, _c: self._open_hit(row))
        self.results.cellActivated.connect(lambda row, _c: self._open_hit(row))
        top = QHBoxLayout()
        top.addWidget(self.folder_label, 1)
        top.addWidget(choose)
        form = QGridLayout()
        form.addWidget(self.query, 0, 0, 1, 3)
        form.addWidget(self.find_button, 0, 3)
        form.addWidget(self.organ, 1, 0)
        form.addWidget(self.since, 1, 1)
        form.addWidget(self.until, 1, 2)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.status)
        lay.addWidget(self.issue_table, 2)
        lay.addWidget(self.problem_label)
        lay.addLayout(form)
        lay.addWidget(self.results, 3)
        for edit in (self.query, self.organ, self.since, self.until):
            edit.returnPressed.connect(self.search)
        self.find_button.clicked.connect(self.search)
        self.annual_button = QPushButton("年度总目录…")
        self.annual_button.setToolTip("把一年各期的文件排成总目录：PDF、Word 或网页版，页码取自各期的排版")
        self.annual_button.setEnabled(False)
        self.annual_button.clicked.connect(self.write_annual)
        top.addWidget(self.annual_button)

    # -- the folder ------------------------------------------------------------------------
    def _choose(self) -> None:
        start = str(self.folder or Path.home())
        folder = QFileDialog.getExistingDirectory(self, "选择档案文件夹（每期一个文件夹）", start)
        if folder:
            self.set_folder(folder)

    def set_folder(self, folder: str | Path) -> None:
        """Show this archive: read it in the background (the last reading is dropped)."""
        self.shutdown()
        self.folder = Path(folder)
        self.folder_label.setText(str(self.folder))
        self.issues, self.problems, self.hits = [], [], []
        self._fill_issues()
        self._fill_results()
        self.status.setText("正在读取档案…")
        reader = _Reader(self.folder, self)
        reader.progress.connect(self._progress)
        reader.done.connect(lambda issues, problems, r=reader: self._loaded(r, issues, problems))
        reader.failed.connect(self._failed)
        self._reader = reader
        reader.start()
        self.folderChanged.emit(str(self.folder))

    def reload(self) -> None:
        if self.folder is not None:
            self.set_folder(self.folder)

    def loading(self) -> bool:
        return self._reader is not None and self._reader.isRunning()

    def shutdown(self) -> None:
        """Stop reading (it stops between issues) and wait for the threads."""
        if self._reader is not None:
            self._reader.cancel.set()
            self._reader.wait(60000)
            self._reader = None
        if self._writer is not None:
            self._writer.wait(600000)
            self._writer = None

    def _progress(self, done: int, total: int, path: str) -> None:
        self.status.setText(f"正在排版 {Path(path).parent.name}（{done + 1}/{total}），第一次读取的期刊要排一遍…")

    def _failed(self, message: str) -> None:
        self.status.setText(f"<span style='color:{PROBLEM_COLOR}'>{message}</span>")

    def _loaded(self, reader: _Reader, issues: list, problems: list) -> None:
        if reader is not self._reader:
            return                      # an earlier folder's reading
        self.issues, self.problems = issues, problems
        readable = [i for i in issues if i.summary is not None]
        self.annual_button.setEnabled(bool(readable))
        self.status.setText(f"共 {len(issues)} 期" if issues else "这个文件夹里没有期刊（每期一个文件夹，内有 issue.json）")
        self._fill_issues()
        if problems:
            lines = "<br>".join(p.message for p in problems)
            self.problem_label.setText(f"<span style='color:{PROBLEM_COLOR}'>发现 {len(problems)} 个问题：<br>{lines}</span>")
        elif readable:
            self.problem_label.setText("期号、总期号和出版日期都接续，文号和文件都没有重复。")
        if self.query.text().strip() or self.organ.text().strip() or self.since.text().strip() \
                or self.until.text().strip():
            self.search()

    def _fill_issues(self) -> None:
        t = self.issue_table
        t.setRowCount(len(self.issues))
        for row, item in enumerate(self.issues):
            s = item.summary
            cells = ([str(s.year), f"第{s.number}期", f"总第{s.total}期", s.date or "未填",
                      str(len(s.documents)), str(s.pages)] if s else ["—", "—", "—", "—", "—", "无法读取"])
            for col, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setToolTip(item.problem or str(item.path))
                t.setItem(row, col, cell)
        if not self.issues:
            self.problem_label.setText("")

    # -- the year's index -----------------------------------------------------------------
    def years(self) -> list[int]:
        return sorted({i.summary.year for i in self.issues if i.summary is not None}, reverse=True)

    def ask_annual(self, years: list[int]) -> tuple[int, Path] | None:
        """The year and where to write its index (.pdf, .docx, or a folder for the web page);
        None when the editor cancels. Tests replace this."""
        from PySide6.QtWidgets import QInputDialog
        if len(years) > 1:
            text, ok = QInputDialog.getItem(self, "年度总目录", "年份：", [str(y) for y in years], 0, False)
            if not ok:
                return None
            year = int(text)
        else:
            year = years[0]
        start = str((self.folder or Path.home()) / f"{year}年总目录.pdf")
        path, chosen = QFileDialog.getSaveFileName(
            self, f"{year}年总目录保存为", start, "PDF 文件 (*.pdf);;Word 文件 (*.docx);;网页版（文件夹） (*)")
        if not path:
            return None
        target = Path(path)
        if chosen.startswith("PDF") and target.suffix.lower() != ".pdf":
            target = target.with_name(target.name + ".pdf")
        elif chosen.startswith("Word") and target.suffix.lower() != ".docx":
            target = target.with_name(target.name + ".docx")
        elif chosen.startswith("网页") and target.suffix.lower() in (".pdf", ".docx"):
            target = target.with_suffix("")        # the proposed name, as a folder
        return year, target

    def write_annual(self) -> None:
        """Ask for a year and a target, then build the index on a worker thread."""
        years = self.years()
        if not years or self.loading() or (self._writer is not None and self._writer.isRunning()):
            return
        asked = self.ask_annual(years)
        if asked is None:
            return
        year, target = asked
        self.annual_button.setEnabled(False)
        self.status.setText(f"正在排 {year} 年总目录…")
        writer = _AnnualWriter(self.issues, year, target, self)
        writer.done.connect(self._annual_done)
        writer.failed.connect(self._annual_done_badly)
        self._writer = writer
        writer.start()

    def annual_running(self) -> bool:
        return self._writer is not None and self._writer.isRunning()

    def _annual_done(self, message: str) -> None:
        self.status.setText(message)
        self.annual_button.setEnabled(True)

    def _annual_done_badly(self, message: str) -> None:
        self._failed(message)
        self.annual_button.setEnabled(True)

    # -- searching -------------------------------------------------------------------------
    def query_now(self) -> Query | None:
        """The search the fields ask for, or None (the status line says what is wrong)."""
        dates = []
        for edit, name in ((self.since, "起始日期"), (self.until, "截止日期")):
            text = edit.text().strip()
            when = parse_date(text) if text else None
            if text and when is None:
                self.status.setText(f"<span style='color:{PROBLEM_COLOR}'>{name}“{text}”无效，"
                                    "应写成 2020-05-09 或 2020年5月9日</span>")
                return None
            dates.append(when)
        return Query(self.query.text(), self.organ.text().strip(), *dates)

    def search(self) -> None:
        q = self.query_now()
        if q is None:
            return
        if q.empty:
            self.hits = []
            self.status.setText("请填写文号或文字，或发文机关、成文日期")
        elif self.loading():
            self.status.setText("档案还在读取，读完后自动查找")
            return
        else:
            self.hits = find([i.summary for i in self.issues if i.summary is not None], q)
            self.status.setText(f"找到 {len(self.hits)} 篇" if self.hits else "没有找到符合条件的文件")
        self._fill_results()

    def _fill_results(self) -> None:
        t = self.results
        t.setRowCount(len(self.hits))
        for row, h in enumerate(self.hits):
            where = f"{h.where}：…{h.excerpt}…" if h.excerpt else h.document.title
            for col, text in enumerate([h.issue.label, str(h.page), h.document.doc_number, h.document.title]):
                cell = QTableWidgetItem(text)
                cell.setToolTip(where)
                t.setItem(row, col, cell)

    def _open_hit(self, row: int) -> None:
        if 0 <= row < len(self.hits):
            self.openRequested.emit(self.hits[row].issue.path, self.hits[row].page)

    def _open_issue(self, row: int) -> None:
        if 0 <= row < len(self.issues) and self.issues[row].summary is not None:
            self.openRequested.emit(str(self.issues[row].path), None)
