"""Opening, creating, saving and closing issues, with recovery and recent files.

in: the main window (its Asker, Settings and attach/detach); out: the session shown in the
window, the issue file written atomically (write_issue), recovery files written by an
Autosaver and removed after a save or an explicit discard.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QApplication

from ..archive.folder import last_issue
from ..issuefile import IssueFileError, create_issue
from ..layout.frontmatter import issue_label
from ..oserrors import os_message
from .autosave import Autosaver
from .recovery import discard_recovery, pending_recovery, read_recovery
from .session import IssueSession

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "jinan-2020-10" / "issue.json"


class FileControl(QObject):
    recovered = Signal(str)           # the recovery file whose changes were restored

    def __init__(self, window):
        super().__init__(window)
        self.w = window

    # -- opening -------------------------------------------------------------------------
    def open_issue(self, path: str | Path) -> bool:
        """Open an issue file (offering its recovery file); out: whether it is now open."""
        w = self.w
        if not self.close_issue():
            return False
        path = Path(path).resolve()
        issue, recovery, kept = None, pending_recovery(path), None
        try:
            if recovery is not None:
                answer = w.ask.recover(recovery, path)
                if answer:
                    issue = read_recovery(recovery)
                else:
                    if answer is False:
                        discard_recovery(path)
                    else:       # 稍后: kept for the next opening, untouched meanwhile
                        kept = recovery
                    recovery = None
            session = self._load(path, issue)
        except IssueFileError as e:
            w.ask.warn("无法打开期刊", str(e))
            w.message.setText(str(e))
            return False
        if recovery is not None:
            session.undo.resetClean()     # restored changes are unsaved changes
        w.autosaver = Autosaver(session, w, kept)
        w.autosaver.failed.connect(w.message.setText)
        w.attach(session)
        if w.interactive:     # a screenshot run leaves the editor's recent files alone
            w.settings.add_recent(path)
        if recovery is not None:
            w.message.setText("已恢复上次未保存的修改（尚未保存）")
            self.recovered.emit(str(recovery))
        elif kept is not None:
            w.message.setText(f"自动保存的修改留待下次打开时再决定：{kept}")
        return True

    def _load(self, path: Path, issue) -> IssueSession:
        w = self.w
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            def progress(done, total, source):
                w.message.setText(f"正在导入 {done + 1}/{total}：{Path(source).name}")
                QApplication.processEvents()
            return IssueSession.open(path, issue, progress)
        finally:
            QApplication.restoreOverrideCursor()

    def open_dialog(self) -> None:
        folder = str(self.w.session.folder) if self.w.session else str(Path.home())
        path = self.w.ask.open_issue(folder)
        if path:
            self.open_issue(path)

    def open_sample(self) -> None:
        self.open_issue(SAMPLE)

    def new_issue(self) -> None:
        """Ask where and which issue the new one follows (沿用上一期: the archive's last issue,
        else the open issue, else the last one opened), write it, open it."""
        w = self.w
        recent = [Path(p) for p in w.settings.recent()]
        archive = w.archive_folder()
        previous = (last_issue(archive) if archive else None) or (
            w.session.path if w.session else (recent[0] if recent else None))
        folder = previous.parent.parent if previous else Path.home()
        plan = w.ask.new_issue(str(folder), previous)
        if not plan:
            return
        try:
            create_issue(plan.issue(), plan.path)
        except IssueFileError as e:
            w.ask.warn("新建期刊", str(e))
            return
        except OSError as e:
            w.ask.warn("新建期刊", os_message(e, plan.path, "无法创建"))
            return
        self.open_issue(plan.path)

    def fill_recent_menu(self) -> None:
        menu = self.w.recent_menu
        menu.clear()
        for path in self.w.settings.recent():
            menu.addAction(path).triggered.connect(lambda _c=False, p=path: self.open_issue(p))
        if menu.isEmpty():
            menu.addAction("（无）").setEnabled(False)

    # -- saving and closing ----------------------------------------------------------------
    def save(self) -> bool:
        session = self.w.session
        if session is None:
            return False
        return self._write(session.path)

    def save_as(self) -> bool:
        session = self.w.session
        if session is None:
            return False
        path = self.w.ask.save_as(str(session.path))
        return self._write(Path(path)) if path else False

    def _write(self, path: Path) -> bool:
        w = self.w
        old = w.session.path
        try:
            w.session.save(path)
        except OSError as e:
            w.ask.warn("保存失败", os_message(e, path, "无法保存"))
            return False
        w.autosaver.discard()
        if old != w.session.path:
            discard_recovery(old)
            w.update_title()
        w.settings.add_recent(w.session.path)
        w.message.setText(f"已保存 {w.session.path}")
        return True

    def close_issue(self) -> bool:
        """Ask about unsaved changes; out: False when the editor cancels."""
        w = self.w
        if w.session is None:
            return True
        if w.session.modified:
            answer = w.ask.save_changes(issue_label(w.session.issue))
            if answer == "cancel" or (answer == "save" and not self.save()):
                return False
            if answer == "discard" and w.interactive:
                w.autosaver.discard()
        elif w.autosaver is not None:
            w.autosaver.discard()
        if w.autosaver is not None:
            w.autosaver.stop()
            w.autosaver.deleteLater()
            w.autosaver = None
        w.detach()
        return True
