"""The 文件 page's 标题编号 box: a Markdown document whose `#` headings carry no numbers is
printed with 一、（一）1. by level; unticking the box prints them as sent, is one undo step,
and is saved in the issue file. The box is hidden for documents it does not concern."""
import json

import pytest
from PySide6.QtCore import Qt

from editor.issuefile import write_issue
from editor.model import DocumentRef, Issue, Section

from ui_helpers import close_window, open_window, wait_layout

pytestmark = pytest.mark.gui

MARKDOWN = "# 济南市数字政府建设实施方案\n\n为加快数字政府建设，制定本方案。\n\n## 总体要求\n\n坚持统筹推进。\n\n## 重点任务\n\n推进一网通办。\n"
NOTICE = "济南市人民政府关于某事的通知\n各区县人民政府：\n　　为做好工作，现通知如下。\n一、总体要求\n济南市人民政府\n2020年5月9日\n"


@pytest.fixture
def opened(qtbot, tmp_path, config_dir):
    folder = tmp_path / "issue"
    folder.mkdir()
    (folder / "plan.md").write_text(MARKDOWN, encoding="utf-8")
    (folder / "notice.txt").write_text(NOTICE, encoding="utf-8")
    path = folder / "issue.json"
    write_issue(Issue(year=2020, number=1, total_number=1,
                      sections=[Section("市政府文件", [DocumentRef("plan.md"), DocumentRef("notice.txt")])]), path)
    w = open_window(qtbot, config_dir, path)
    yield w, path
    close_window(w)


def printed(qtbot, window) -> str:
    outcome = wait_layout(qtbot, window)
    return "".join(line.text for page in outcome.pages for line in page.lines if line.doc == 0)


def test_unticking_heading_numbers_prints_the_headings_as_sent(qtbot, opened):
    window, path = opened
    plan, notice = window.session.issue.sections[0].documents
    window.tree.select_ref(notice)
    assert window.doc.numbers.isHidden()
    window.tree.select_ref(plan)
    box = window.doc.numbers
    assert box.isVisible() and box.isChecked()
    assert "一、总体要求" in printed(qtbot, window) and "二、重点任务" in printed(qtbot, window)

    qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
    assert not plan.heading_numbers and "一、总体要求" not in printed(qtbot, window) and "总体要求" in printed(qtbot, window)
    window.files.save()
    assert json.loads(path.read_text(encoding="utf-8"))["sections"][0]["documents"][0]["heading_numbers"] is False

    window.session.undo.undo()
    assert plan.heading_numbers and box.isChecked() and "一、总体要求" in printed(qtbot, window)
