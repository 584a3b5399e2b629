"""Keeps the pages up to date: every change of the session asks for a new layout, soon.

in: an IssueSession and a BuildJob; out: the latest BuildOutcome (`outcome`), `current()`
which is that outcome only when no change is waiting, and the signals ready(outcome),
failed(message). Changes within DELAY_MS are gathered into one request.
"""
from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

DELAY_MS = 150


class LiveLayout(QObject):
    ready = Signal(object)
    failed = Signal(str)

    def __init__(self, job, parent=None):
        super().__init__(parent)
        self.job = job
        self.session = None
        self.outcome = None
        self.error = ""
        self._pending = False
        self.timer = QTimer(self, singleShot=True, interval=DELAY_MS)
        self.timer.timeout.connect(self.request_now)
        job.finished.connect(self._finished)
        job.failed.connect(self._failed)

    def set_session(self, session) -> None:
        self.session = session
        self.outcome = None
        if session is not None:
            session.changed.connect(self.schedule)
            self.request_now()
        else:
            self.timer.stop()
            self.job.cancel()

    def schedule(self) -> None:
        self._pending = True
        self.error = ""            # it was about the issue before this change
        self.timer.start()

    def request_now(self) -> None:
        if self.session is None:
            return
        self.timer.stop()
        self._pending = True
        self.error = ""
        issue, refs = self.session.snapshot()
        self.job.request(issue, refs, self.session.import_problems())

    def current(self):
        """out: the outcome if it shows the session as it is now, else None."""
        if self._pending or self.job.busy or self.timer.isActive() or self.error:
            return None
        return self.outcome

    def _finished(self, outcome) -> None:
        self._pending = self.timer.isActive()
        self.outcome, self.error = outcome, ""
        self.ready.emit(outcome)

    def _failed(self, message: str) -> None:
        self._pending = self.timer.isActive()
        self.error = message
        self.failed.emit(message)
