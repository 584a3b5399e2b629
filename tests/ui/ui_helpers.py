"""Helpers for the app's tests: a fresh .docx, the 目录's text and numbers, waiting for pages."""
import re
from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QDropEvent

ROOT = Path(__file__).resolve().parents[2]
SAMPLE_DIR = ROOT / "samples" / "jinan-2020-10"
LAYOUT_TIMEOUT = 120_000

def make_notice(path: Path, title: str, number: str, paragraphs: int = 6) -> Path:
    """Write a small 通知 as .docx with python-docx: title, 文号, 主送, two 一、 headings, 落款."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt
    d = docx.Document()
    p = d.add_paragraph(title)
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.runs[0].font.size = Pt(22)
    d.add_paragraph(number).alignment = WD_ALIGN_PARAGRAPH.CENTER
    d.add_paragraph("各区县人民政府，市政府各部门（单位）：")
    d.add_paragraph("为做好相关工作，现就有关事项通知如下。")
    for heading, sentence in (("一、总体要求", "坚持问题导向，突出重点环节，确保各项任务落到实处。"),
                              ("二、工作措施", "各单位要加强组织领导，明确责任分工，按时报送进展情况。")):
        d.add_paragraph(heading)
        for _ in range(paragraphs):
            d.add_paragraph(sentence * 5)
    d.add_paragraph("济南市人民政府").alignment = WD_ALIGN_PARAGRAPH.RIGHT
    d.add_paragraph("2020年5月10日").alignment = WD_ALIGN_PARAGRAPH.RIGHT
    d.save(path)
    return path


def toc_text(outcome) -> str:
    """All characters printed on the 目录 pages, in order."""
    return "".join(line.text for page in outcome.pages if page.kind == "toc" for line in page.lines)


def toc_number(text: str, title: str) -> int | None:
    """in: 目录 text and a title; out: the page number printed for that entry, or None."""
    at = text.find(title)
    if at < 0:
        return None
    found = re.search(r"（(\d+)）", text[at:])
    return int(found.group(1)) if found else None


def answer_new_issue(qtbot, window) -> list:
    """新建期刊 answered with the dialog's own proposal; out: the list of the previous issues
    the window offered it, one per time it asked."""
    from editor.ui.newissue import NewIssueDialog
    asked = []

    def answer(folder, previous):
        dialog = NewIssueDialog(folder, previous, window)
        qtbot.addWidget(dialog)
        asked.append(previous)
        return dialog.plan()
    window.ask.new_issue = answer
    return asked


def wait_layout(qtbot, window):
    """Wait until the pages show the session as it is now; out: that outcome."""
    qtbot.waitUntil(lambda: window.live.current() is not None or bool(window.live.error),
                    timeout=LAYOUT_TIMEOUT)
    assert not window.live.error, window.live.error
    return window.live.current()


def open_window(qtbot, config_dir: Path, issue: Path):
    """out: the main window (no modal dialogs) at 1366×768 with `issue` open and laid out."""
    from editor.ui.mainwindow import MainWindow
    from editor.ui.settings import Settings
    w = MainWindow(Settings(config_dir / "settings.ini"), interactive=False)
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    assert w.files.open_issue(issue)
    wait_layout(qtbot, w)
    return w


def close_window(w) -> None:
    w.files.close_issue()
    w.job.shutdown()


def drop_on(tree, item, mime: QMimeData) -> None:
    """Deliver a real QDropEvent to the tree at the middle of `item`."""
    pos = QPointF(tree.visualItemRect(item).center())
    event = QDropEvent(pos, Qt.DropAction.CopyAction | Qt.DropAction.MoveAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    tree.dropEvent(event)


def click_line(qtbot, pages, page_index: int, line) -> None:
    """Click a laid-out line on the page view (it must be in view), between its 1st and 6th
    characters."""
    rect, s = pages.page_rect(page_index), pages.scale()
    x = rect.left() + (line.xs[0] + line.xs[5]) / 2 * s - pages.horizontalScrollBar().value()
    y = rect.top() + (line.y - line.size * 0.3) * s - pages.verticalScrollBar().value()
    qtbot.mouseClick(pages.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(round(x), round(y)))


def body_line(outcome, k: int):
    """out: (page, line) — a line of document k with more than 10 characters on the page
    after the one it starts on."""
    page = outcome.layout.doc_pages[k] + 1
    return page, next(ln for ln in outcome.pages[page].lines if ln.doc == k and len(ln.text) > 10)
