"""Layout in the background: BuildJob runs pipeline.layout on one worker thread.

in: build requests (an Issue snapshot and the session's refs in layout order);
out: signals — progress(label, done, total), finished(BuildOutcome), failed(message).
A new request cancels the running one (threading.Event) and stale results are dropped,
so only the latest edit's pages reach the window. The worker never touches a widget.
"""
from __future__ import annotations

import threading
import time
import traceback
from dataclasses import dataclass

from PySide6.QtCore import QObject, QThread, Signal, Slot

from ..model import Diagnostic, Issue
from ..oserrors import os_message


@dataclass(frozen=True)
class BuildRequest:
    generation: int
    issue: Issue
    refs: tuple                      # the session's DocumentRefs, layout document order
    extra: tuple                     # diagnostics from the session (import failures)
    cancel: threading.Event


@dataclass(frozen=True)
class BuildOutcome:
    """One finished layout: treat as read-only, it is shared by every panel."""
    generation: int
    result: object                   # pipeline.BuildResult (its .issue is the snapshot)
    spec: object                     # layout.spec.LayoutSpec
    refs: tuple
    diagnostics: tuple[Diagnostic, ...]
    seconds: float

    @property
    def layout(self):
        return self.result.layout

    @property
    def pages(self):
        return self.result.layout.pages


def expected(e: BaseException) -> bool:
    """True for the failures an editor can cause and fix (no traceback needed)."""
    from ..issuefile import IssueFileError
    from ..layout.spec import SpecError
    from ..pipeline import BuildError
    return isinstance(e, (IssueFileError, SpecError, BuildError, OSError))


def error_message(e: BaseException) -> str:
    """in: any exception from the engine; out: one Chinese line for the editor."""
    if isinstance(e, OSError):
        return os_message(e, doing="无法读写文件")
    if expected(e):
        return str(e)
    return f"排版失败（{type(e).__name__}: {e}）"


class _Worker(QObject):
    progress = Signal(int, str, int, int)
    finished = Signal(object)
    failed = Signal(int, str)

    def __init__(self, latest):
        super().__init__()
        self._latest = latest        # callable → the newest generation asked for

    @Slot(object)
    def run(self, request: BuildRequest) -> None:
        if request.generation != self._latest() or request.cancel.is_set():
            return                   # a newer request is queued behind this one
        from ..layout.spec import load_spec
        from ..pipeline import layout
        from ..proof import check_issue
        start = time.perf_counter()
        gen = request.generation

        def progress(step, done, total, label=""):
            self.progress.emit(gen, f"{step} {label}".strip(), done, total)

        try:
            spec = load_spec(request.issue.layout)
            result = layout(request.issue, spec, progress, request.cancel)
            diagnostics = tuple(request.extra) + tuple(check_issue(result))
        except InterruptedError:
            return
        except Exception as e:   # noqa: BLE001 — shown to the editor, never raised in Qt
            if not expected(e):
                traceback.print_exc()     # a bug: keep the details for the report
            self.failed.emit(gen, error_message(e))
            return
        self.finished.emit(BuildOutcome(gen, result, spec, request.refs, diagnostics,
                                        time.perf_counter() - start))


class BuildJob(QObject):
    """Owns the worker thread. request() supersedes; the window only listens to signals."""
    started = Signal()
    progress = Signal(str, int, int)
    finished = Signal(object)        # BuildOutcome
    failed = Signal(str)
    _submit = Signal(object)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.generation = 0
        self.busy = False
        self._cancel = threading.Event()
        self._thread = QThread()
        self._thread.setObjectName("gazette-layout")
        self._worker = _Worker(lambda: self.generation)
        self._worker.moveToThread(self._thread)
        self._submit.connect(self._worker.run)
        self._worker.progress.connect(self._on_progress)
        self._worker.finished.connect(self._on_finished)
        self._worker.failed.connect(self._on_failed)
        self._thread.start()

    def request(self, issue: Issue, refs: list, extra: list | None = None) -> int:
        """Lay out `issue` (a snapshot nobody else changes); out: the request's generation."""
        self._cancel.set()
        self._cancel = threading.Event()
        self.generation += 1
        self.busy = True
        self.started.emit()
        self._submit.emit(BuildRequest(self.generation, issue, tuple(refs), tuple(extra or ()),
                                       self._cancel))
        return self.generation

    def cancel(self) -> None:
        self._cancel.set()
        self.generation += 1
        self.busy = False

    def shutdown(self) -> None:
        """Stop the thread (waits for a running layout to notice the cancel)."""
        self._cancel.set()
        self.generation += 1
        self._thread.quit()
        self._thread.wait(30000)

    def _on_progress(self, gen: int, label: str, done: int, total: int) -> None:
        if gen == self.generation:
            self.progress.emit(label, done, total)

    def _on_finished(self, outcome: BuildOutcome) -> None:
        if outcome.generation == self.generation:
            self.busy = False
            self.finished.emit(outcome)

    def _on_failed(self, gen: int, message: str) -> None:
        if gen == self.generation:
            self.busy = False
            self.failed.emit(message)
