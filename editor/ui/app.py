"""Start the desktop app: `main(issue_path_or_None, screenshot=path_or_None)` → exit status.

in: an issue file to open (else the last one, else the welcome page) and, for
`--screenshot OUT.png`, where to save a picture of the window once the first pages are
drawn; out: 0 on a normal exit or a saved screenshot, 1 when the pages could not be laid
out in time, 2 when the issue could not be opened.
"""
from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from . import testhooks
from .mainwindow import MainWindow
from .qtchinese import install_qt_chinese
from .settings import Settings

FONTS = Path(__file__).resolve().parents[2] / "fonts"
SCREENSHOT_SIZE = (1600, 1000)
SCREENSHOT_TIMEOUT_MS = 300_000


def make_app() -> QApplication:
    """out: the QApplication (made once), with Qt's own texts in Chinese and a font that
    has Chinese characters."""
    app = QApplication.instance() or QApplication([sys.argv[0]])
    app.setOrganizationName("gazette-editor")
    app.setApplicationName("gazette-editor")
    app.setApplicationDisplayName("公报排版")
    install_qt_chinese(app)
    if not QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese):
        fid = QFontDatabase.addApplicationFont(str(FONTS / "NotoSansSC-Regular.ttf"))
        families = QFontDatabase.applicationFontFamilies(fid) if fid >= 0 else []
        if families:   # no Chinese system font: the shipped one keeps the menus readable
            app.setFont(QFont(families[0], 10))
    return app


def wait_for(signals, timeout_ms: int) -> bool:
    """Run the event loop until one of `signals` fires; out: False on timeout."""
    loop, fired = QEventLoop(), []
    for signal in signals:
        signal.connect(lambda *_a: (fired.append(True), loop.quit()))
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()
    return bool(fired)


def take_screenshot(window: MainWindow, issue_path: str | None, out: Path) -> int:
    window.resize(*SCREENSHOT_SIZE)
    window.show()
    status = 0
    if issue_path:
        if not window.files.open_issue(issue_path):
            print(window.message.text(), file=sys.stderr)
            return 2
        if window.live.outcome is None and not wait_for(
                [window.live.ready, window.live.failed], SCREENSHOT_TIMEOUT_MS):
            status = 1
        if window.live.outcome is None:
            print(f"排版失败：{window.live.error or '超时'}", file=sys.stderr)
            status = 1
        else:   # show the first document: its page, its blocks, the tree selection
            first = window.tree.topLevelItem(0).child(0) if window.tree.topLevelItemCount() else None
            if first is not None:
                window.tree.setCurrentItem(first)
            wait_for([window.pages.painted], 2000)
    QApplication.processEvents()
    if not window.grab().save(str(out)):
        print(f"无法保存截图：{out}", file=sys.stderr)
        status = 2
    window.close()
    return status


def main(issue_path: str | None = None, screenshot: str | None = None) -> int:
    app = make_app()
    settings = Settings()
    window = MainWindow(settings, interactive=not screenshot)
    testhooks.install(window)
    if screenshot:
        return take_screenshot(window, issue_path, Path(screenshot))
    window.welcome.set_recent(settings.recent())
    window.show()
    path = issue_path or settings.get("files/last")
    if path and Path(path).exists():
        QTimer.singleShot(0, lambda: window.files.open_issue(path))
    return app.exec()
