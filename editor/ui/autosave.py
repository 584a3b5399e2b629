"""Autosave: the unsaved issue goes to its recovery file shortly after each edit and every minute.

in: an IssueSession (and a recovery file the editor put off, `kept`, left alone); out:
recovery files (see recovery.py) and the signal saved(path). Nothing is written while the
session is unmodified or unchanged since the last write.
"""
from __future__ import annotations

import json

from PySide6.QtCore import QObject, QTimer, Signal

from ..oserrors import os_reason
from .recovery import discard_recovery, write_recovery

EDIT_DELAY_MS = 1500       # after the last edit (debounced)
PERIOD_MS = 60_000         # and at least every minute while modified


class Autosaver(QObject):
    saved = Signal(str)
    failed = Signal(str)

    def __init__(self, session, parent=None, kept=None):
        super().__init__(parent)
        self.session = session
        self.kept = kept
        self._last = ""
        self.debounce = QTimer(self, singleShot=True, interval=EDIT_DELAY_MS)
        self.debounce.timeout.connect(self.save_now)
        self.period = QTimer(self, interval=PERIOD_MS)
        self.period.timeout.connect(self.save_now)
        self.period.start()
        session.undo.indexChanged.connect(self._edited)

    def _edited(self, _index: int) -> None:
        self.debounce.start()

    def save_now(self) -> bool:
        """Write the recovery file if there is something new; out: whether it was written."""
        if not self.session.modified:
            return False
        data = self.session.to_dict()
        text = json.dumps(data, ensure_ascii=False, sort_keys=True)
        if text == self._last:
            return False
        try:
            path = write_recovery(self.session.path, data, self.kept)
        except OSError as e:
            self.failed.emit(f"自动保存失败：{os_reason(e)}")
            return False
        self._last = text
        self.saved.emit(str(path))
        return True

    def discard(self) -> None:
        """The issue was saved (or the editor chose to drop the changes)."""
        self._last = ""
        self.debounce.stop()
        discard_recovery(self.session.path, self.kept)

    def stop(self) -> None:
        self.debounce.stop()
        self.period.stop()
