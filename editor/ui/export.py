"""Export in the background: the pages of one layout to PDF (screen or print) and DOCX.

in: a BuildOutcome and a list of ExportTarget; out: signals from ExportJob —
progress(label, done, total), finished(list of paths), failed(message), cancelled().
The renderers write to a temporary name and rename when complete, so an output file
appears only when it is whole; a cancel (threading.Event) stops between pages.
"""
from __future__ import annotations

import threading
import traceback
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal, Slot

from .jobs import error_message, expected


@dataclass(frozen=True)
class ExportTarget:
    kind: str            # pdf | print | docx
    path: Path


def issue_info(issue) -> dict:
    """in: an Issue; out: the PDF document info (title, subject, author)."""
    return {"title": f"{issue.name} {issue.year}年第{issue.number}期",
            "subject": f"总第{issue.total_number}期", "author": issue.sponsor}


def default_stem(issue) -> str:
    return f"{issue.name}{issue.year}年第{issue.number}期"


def targets_for(folder: Path, stem: str, pdf: bool, print_pdf: bool, docx: bool) -> list[ExportTarget]:
    """in: the chosen folder, file name and formats; out: the files to write."""
    out = []
    if pdf:
        out.append(ExportTarget("pdf", folder / f"{stem}.pdf"))
    if print_pdf:
        out.append(ExportTarget("print", folder / f"{stem}-印刷版.pdf"))
    if docx:
        out.append(ExportTarget("docx", folder / f"{stem}.docx"))
    return out


def render_target(outcome, target: ExportTarget, progress, cancel: threading.Event) -> None:
    """Write one target from the outcome's pages. Raises with a Chinese message on failure."""
    if target.kind in ("pdf", "print"):
        from ..render.pdf import render_pdf
        render_pdf(outcome.layout, target.path, issue_info(outcome.result.issue),
                   target.kind == "print", progress, cancel)
        return
    try:
        from ..render.docx import render_docx
    except ImportError:
        raise RuntimeError("此版本尚不能导出 Word 文档（缺少 DOCX 输出模块），PDF 不受影响") from None
    render_docx(outcome.result.issue, outcome.spec, outcome.layout, target.path)


class _Worker(QObject):
    progress = Signal(str, int, int)
    finished = Signal(list)
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, outcome, targets: list[ExportTarget], cancel: threading.Event):
        super().__init__()
        self.outcome, self.targets, self.cancel = outcome, targets, cancel

    @Slot()
    def run(self) -> None:
        done = []
        for n, target in enumerate(self.targets):
            label = f"{n + 1}/{len(self.targets)} {target.path.name}"

            def progress(step, k, total, _label="", label=label):
                self.progress.emit(f"{label}：{step}", k, total)

            try:
                self.progress.emit(label, 0, 1)
                render_target(self.outcome, target, progress, self.cancel)
            except InterruptedError:
                self.cancelled.emit()
                return
            except Exception as e:   # noqa: BLE001 — one clear line for the editor
                if not (expected(e) or isinstance(e, RuntimeError)):
                    traceback.print_exc()
                message = str(e) if isinstance(e, RuntimeError) else error_message(e)
                self.failed.emit(f"{target.path.name}：{message}")
                return
            if self.cancel.is_set():
                self.cancelled.emit()
                return
            done.append(target.path)
        self.finished.emit(done)


class ExportJob(QObject):
    """One export run on its own thread; start() once, cancel() any time."""
    progress = Signal(str, int, int)
    finished = Signal(list)
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, outcome, targets: list[ExportTarget], parent=None):
        super().__init__(parent)
        self._cancel = threading.Event()
        self._thread = QThread()
        self._worker = _Worker(outcome, targets, self._cancel)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._worker.progress.connect(self.progress)
        for name in ("finished", "failed", "cancelled"):
            getattr(self._worker, name).connect(getattr(self, name))
            getattr(self._worker, name).connect(self._thread.quit)
        self.running = False
        self._thread.finished.connect(self._stopped)

    def start(self) -> None:
        self.running = True
        self._thread.start()

    def cancel(self) -> None:
        self._cancel.set()

    def wait(self, ms: int = 30000) -> None:
        self._thread.wait(ms)

    def _stopped(self) -> None:
        self.running = False
