"""Export in the background: the pages of one layout to PDF (screen or print), the web
edition and DOCX.

in: a BuildOutcome and a list of ExportTarget; out: signals from ExportJob —
progress(label, done, total) through every step (the PDFs and the web edition's PDF, drawn
together, then its pages; then the DOCX), finished(list of paths), failed(message),
cancelled(). The renderers write to a temporary name (the web edition to a staging folder)
and rename when complete, so an output appears only when it is whole; a cancel
(threading.Event) stops between pages (PDF) or documents (web, DOCX).
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
    kind: str            # pdf | print | web | docx
    path: Path           # web: a folder
    cover_separate: bool = False    # print: the cover and back cover in a file of their own


def default_stem(issue) -> str:
    return f"{issue.name}{issue.year}年第{issue.number}期"


def targets_for(folder: Path, stem: str, pdf: bool, print_pdf: bool, docx: bool, web: bool = False,
                cover_separate: bool = False) -> list[ExportTarget]:
    """in: the chosen folder, file name and formats; out: the files (and folder) to write."""
    out = []
    if pdf:
        out.append(ExportTarget("pdf", folder / f"{stem}.pdf"))
    if print_pdf:
        out.append(ExportTarget("print", folder / f"{stem}-印刷版.pdf", cover_separate))
    if web:
        out.append(ExportTarget("web", folder / f"{stem}-网页版"))
    if docx:
        out.append(ExportTarget("docx", folder / f"{stem}.docx"))
    return out


def written_by(target: ExportTarget) -> list[Path]:
    """The files (or folder) a target leaves: a print PDF with its cover apart is two files."""
    if target.kind == "print" and target.cover_separate:
        from ..render.pdf import cover_path
        return [target.path, cover_path(target.path)]
    return [target.path]


_renderers_ready = threading.Lock()


def prepare_renderers(fonts: dict) -> None:
    """Import the renderers and read the layout's fonts into reportlab (most of a first
    export's start-up), so that an export afterwards only writes. Safe from any thread; an
    export waits here for a preparation still running, and then finds it done."""
    with _renderers_ready:
        from ..render.pdf import register_fonts
        register_fonts(fonts)
        try:
            from ..render import docx   # noqa: F401 — imported now, used by render_targets
        except ImportError:
            pass                        # said when a DOCX is asked for (render_targets)


def prepare_in_background(outcome) -> threading.Thread:
    """Start prepare_renderers for an outcome's fonts (while the editor picks the options)."""
    def prepare() -> None:
        try:
            prepare_renderers(outcome.layout.fonts)
        except Exception:   # noqa: BLE001 — the export meets it again and says what it is
            pass
    thread = threading.Thread(target=prepare, name="gazette-export-prepare", daemon=True)
    thread.start()
    return thread


def export_steps(targets: list[ExportTarget]) -> list[list[ExportTarget]]:
    """in: the files to write; out: the steps — the PDFs (screen, print and the web edition's)
    together, since they are drawn in one pass over the pages, then the DOCX."""
    pdfs = [t for t in targets if t.kind in ("pdf", "print", "web")]
    return [step for step in (pdfs, [t for t in targets if t.kind == "docx"]) if step]


def render_targets(outcome, step: list[ExportTarget], progress, cancel: threading.Event) -> None:
    """Write one step's files from the outcome's pages. Raises with a Chinese message."""
    prepare_renderers(outcome.layout.fonts)
    if step[0].kind in ("pdf", "print", "web"):
        from ..pipeline import BuildError, write_pdfs_and_web
        from ..render.pdf import PdfOutput, print_outputs
        outputs = []
        for t in step:
            if t.kind == "print":
                outputs += print_outputs(outcome.layout, t.path, t.cover_separate)
            elif t.kind == "pdf":
                outputs.append(PdfOutput(t.path))
        web = next((t.path for t in step if t.kind == "web"), None)
        try:
            write_pdfs_and_web(outcome.result.issue, outcome.layout, outcome.spec, outputs, web, progress, cancel)
        except BuildError as e:
            raise RuntimeError(str(e)) from None
        return
    try:
        from ..render.docx import render_docx
    except ImportError:
        raise RuntimeError("此版本尚不能导出 Word 文档（缺少 DOCX 输出模块），PDF 不受影响") from None
    render_docx(outcome.result.issue, outcome.spec, outcome.layout, step[0].path, progress, cancel)


STEP_UNITS = 1000      # the bar's length per step: every step fills an equal part of it


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
        steps = export_steps(self.targets)
        total = STEP_UNITS * len(steps)
        for n, step in enumerate(steps):
            names = "、".join(t.path.name for t in step)
            base = n * STEP_UNITS

            def progress(what, k, count, _label="", names=names, base=base):
                self.progress.emit(f"{what}（{k}/{count}）：{names}", base + STEP_UNITS * k // max(1, count),
                                   total)

            try:
                self.progress.emit(f"准备：{names}", base, total)
                render_targets(self.outcome, step, progress, self.cancel)
            except InterruptedError:
                self.cancelled.emit()
                return
            except Exception as e:   # noqa: BLE001 — one clear line for the editor
                if not (expected(e) or isinstance(e, RuntimeError)):
                    traceback.print_exc()
                message = str(e) if isinstance(e, RuntimeError) else error_message(e)
                self.failed.emit(f"{names}：{message}")
                return
            if self.cancel.is_set():
                self.cancelled.emit()
                return
            done += [path for t in step for path in written_by(t)]
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
