"""The export dialog (Ctrl+E): folder, file name, PDF (screen / print, its cover apart if
asked), 网页版 (a folder for the website) and DOCX, progress, cancel.

in: the issue and a LiveLayout — its current() outcome when it matches the latest edit,
else the dialog waits for its next `ready` (or `failed`); out: the files, written by an
ExportJob, with the bar moving through every file and the choices locked meanwhile; at the
end 打开所在文件夹; a Chinese message on failure. While the editor picks the options the
renderers are prepared in the background (fonts read), so the export itself only writes.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (QCheckBox, QDialog, QFileDialog, QFormLayout, QHBoxLayout, QLabel,
                               QLineEdit, QMessageBox, QProgressBar, QPushButton, QVBoxLayout)

from .export import ExportJob, default_stem, prepare_in_background, targets_for


def open_folder(folder: Path) -> bool:
    """Show a folder in the system's file manager; out: whether one could be started."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


class ExportDialog(QDialog):
    def __init__(self, issue, folder: Path, live, parent=None):
        super().__init__(parent)
        self.setWindowTitle("导出")
        self.setMinimumWidth(520)
        self.live = live
        self._waiting = False
        live.ready.connect(self._on_ready)
        live.failed.connect(self._on_failed)
        self.job: ExportJob | None = None
        self.outputs: list[Path] = []
        self.error = ""
        self.folder = QLineEdit(str(folder))
        self.browse = QPushButton("浏览…")
        self.browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(self.browse)
        self.stem = QLineEdit(default_stem(issue))
        self.pdf = QCheckBox("PDF（屏幕阅读版）")
        self.pdf.setChecked(True)
        self.print_pdf = QCheckBox("PDF（印刷版：PDF/X-4，CMYK，3 mm 出血与裁切线）")
        self.cover_separate = QCheckBox("封面和封底另成一个文件（封面用其他纸张印刷时）")
        self.cover_separate.setEnabled(False)
        self.print_pdf.toggled.connect(self.cover_separate.setEnabled)
        self.web = QCheckBox("网页版（文件夹：目录页、每篇文件一页、全刊 PDF，可上传到网站）")
        self.docx = QCheckBox("Word 文档（DOCX）")
        form = QFormLayout()
        form.addRow("输出文件夹", row)
        form.addRow("文件名", self.stem)
        form.addRow("格式", self.pdf)
        form.addRow("", self.print_pdf)
        form.addRow("", self.cover_separate)
        form.addRow("", self.web)
        form.addRow("", self.docx)
        self.bar = QProgressBar()
        self.bar.setRange(0, 1)
        self.bar.setValue(0)
        self.status = QLabel("")
        self.status.setWordWrap(True)
        self.start_button = QPushButton("导出")
        self.start_button.setDefault(True)
        self.start_button.clicked.connect(self.start)
        self.cancel_button = QPushButton("取消导出")
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button = QPushButton("关闭")
        self.close_button.clicked.connect(self.reject)
        self.open_button = QPushButton("打开所在文件夹")
        self.open_button.hide()                      # shown once files are written
        self.open_button.clicked.connect(self._open_folder)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addStretch()
        for b in (self.start_button, self.cancel_button, self.close_button):
            buttons.addWidget(b)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.bar)
        lay.addWidget(self.status)
        lay.addLayout(buttons)
        self.options = [self.folder, self.browse, self.stem, self.pdf, self.print_pdf, self.cover_separate,
                        self.web, self.docx]
        if live.outcome is not None:
            prepare_in_background(live.outcome)

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "选择输出文件夹", self.folder.text())
        if folder:
            self.folder.setText(folder)

    def targets(self):
        return targets_for(Path(self.folder.text()), self.stem.text().strip(), self.pdf.isChecked(),
                           self.print_pdf.isChecked(), self.docx.isChecked(), self.web.isChecked(),
                           self.cover_separate.isChecked())

    def start(self) -> None:
        """Check the choices, then export (after the pending layout, if one is running)."""
        folder, stem = Path(self.folder.text()), self.stem.text().strip()
        if not folder.is_dir():
            return self._fail(f"输出文件夹不存在：{folder}")
        if not stem or any(ch in stem for ch in '/\\:*?"<>|'):
            return self._fail("文件名为空或含有不能用于文件名的字符")
        if not self.targets():
            return self._fail("请至少选择一种格式")
        self.error = ""
        self.open_button.hide()
        self._busy(True)
        outcome = self.live.current()
        if outcome is None and self.live.error and not self.live.job.busy:
            return self._fail(self.live.error)
        if outcome is None:
            self.status.setText("正在排版最新修改，稍后开始导出…")
            self.bar.setRange(0, 0)
            self._waiting = True
            return
        self._run(outcome)

    def _on_ready(self, _outcome) -> None:
        outcome = self.live.current()     # None when another edit came in meanwhile
        if self._waiting and outcome is not None:
            self._waiting = False
            self._run(outcome)

    def _on_failed(self, message: str) -> None:
        if self._waiting:
            self._fail(message)

    def _run(self, outcome) -> None:
        if outcome is None or not outcome.pages:
            return self._fail("没有可导出的页面（排版失败或期刊为空）")
        self.job = ExportJob(outcome, self.targets(), self)
        self.job.progress.connect(self._progress)
        self.job.finished.connect(self._finished)
        self.job.failed.connect(self._fail)
        self.job.cancelled.connect(self._cancelled)
        self.status.setText("正在导出…")
        self.job.start()

    def cancel(self) -> None:
        if self.job is not None and self.job.running:
            self.job.cancel()
            self.status.setText("正在取消…")
            return
        self._cancelled()

    def _progress(self, label: str, done: int, total: int) -> None:
        self.bar.setRange(0, max(1, total))
        self.bar.setValue(done)
        self.status.setText(label)

    def _finished(self, paths: list) -> None:
        self.outputs = [Path(p) for p in paths]
        self._busy(False)
        self.bar.setRange(0, 1)
        self.bar.setValue(1)
        self.status.setText("已导出：\n" + "\n".join(str(p) for p in self.outputs))
        self.open_button.show()
        self.open_button.setFocus()

    def _open_folder(self) -> None:
        folder = self.outputs[0].parent if self.outputs else Path(self.folder.text())
        if not open_folder(folder):
            self.status.setText(f"<span style='color:#c00'>无法打开文件夹：{folder}</span>")

    def _fail(self, message: str) -> None:
        self._waiting = False
        self.error = message
        self._busy(False)
        self.bar.setRange(0, 1)
        self.bar.setValue(0)
        self.status.setText(f"<span style='color:#c00'>导出失败：{message}</span>")

    def _cancelled(self) -> None:
        self._waiting = False
        self._busy(False)
        self.bar.setRange(0, 1)
        self.bar.setValue(0)
        self.status.setText("已取消导出，未生成文件")

    def _busy(self, busy: bool) -> None:
        """While exporting only 取消导出 works: the choices stay as the files are written."""
        for widget in self.options:
            widget.setEnabled(not busy)
        self.cover_separate.setEnabled(not busy and self.print_pdf.isChecked())
        self.start_button.setEnabled(not busy)
        self.cancel_button.setEnabled(busy)
        self.close_button.setEnabled(not busy)

    def busy(self) -> bool:
        return self.cancel_button.isEnabled()

    def reject(self) -> None:
        if self.busy():
            if QMessageBox.question(self, "导出", "正在导出，要取消吗？") != QMessageBox.StandardButton.Yes:
                return
            self.cancel()
            if self.job is not None:
                self.job.wait()
        super().reject()
