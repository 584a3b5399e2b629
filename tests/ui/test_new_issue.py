"""New issue in the app: 沿用上一期 copies the standing texts and proposes the next numbers and
date; 校对 then checks that the 总期号 continues. Files dropped in are copied into docs/."""
import json
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QUrl

from editor.issuefile import read_issue
from editor.ui.newissue import NewIssueDialog

from ui_helpers import answer_new_issue, drop_on, make_notice, wait_layout

pytestmark = pytest.mark.gui


def test_the_dialog_proposes_the_issue_after_the_previous_one(qtbot, issue_copy, tmp_path):
    dialog = NewIssueDialog(tmp_path, issue_copy)
    qtbot.addWidget(dialog)
    plan = dialog.plan()
    assert (plan.year, plan.number, plan.total, plan.date) == (2020, 11, 321, "2020-06-05")
    assert plan.previous == issue_copy and plan.path == issue_copy.parent.parent / "2020-11" / "issue.json"
    dialog.follow.setChecked(False)                 # a fresh issue: no previous, 第1期
    fresh = dialog.plan()
    assert fresh.previous is None and (fresh.number, fresh.total, fresh.date) == (1, 0, "")
    assert fresh.path == tmp_path / f"{fresh.year}-01" / "issue.json"
    dialog.path.setText(str(issue_copy))            # never over an existing issue
    dialog.accept()
    assert dialog.result() != NewIssueDialog.DialogCode.Accepted and "已存在" in dialog.problem.text()


def test_new_issue_following_the_open_one(qtbot, window, issue_copy):
    asked = answer_new_issue(qtbot, window)
    window.actions.file_new.trigger()
    target = issue_copy.parent.parent / "2020-11" / "issue.json"
    assert asked == [issue_copy.resolve()] and window.session.path == target.resolve()
    before, made = read_issue(issue_copy), window.session.issue
    assert (made.number, made.total_number, made.date, made.previous_total) == (11, 321, "2020-06-05", 320)
    assert (made.publisher, made.intro) == (before.publisher, before.intro)
    assert [s.name for s in made.sections] == [s.name for s in before.sections]
    assert json.loads(target.read_text(encoding="utf-8"))["issue"]["previous_total"] == 320

    outcome = wait_layout(qtbot, window)
    assert not {d.code for d in outcome.diagnostics} & {"issue-number", "issue-total", "issue-date",
                                                        "issue-total-sequence"}
    window.editing.set_meta("total_number", 312)
    (problem,) = [d for d in wait_layout(qtbot, window).diagnostics if d.code == "issue-total-sequence"]
    assert "总第320期" in problem.message and "321" in problem.message


def test_a_dropped_file_is_copied_into_the_issue_folder(qtbot, window, issue_copy, tmp_path):
    (tmp_path / "来稿").mkdir()
    notice = make_notice(tmp_path / "来稿" / "通知.docx", "关于复制来稿测试的通知", "济政字〔2020〕5号")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(notice))])
    drop_on(window.tree, window.tree.topLevelItem(1), mime)
    ref = window.session.issue.sections[1].documents[-1]
    assert ref.source == "docs/通知.docx" and (issue_copy.parent / ref.source).read_bytes() == notice.read_bytes()
    problems = []
    window.editing.problem.connect(problems.append)
    drop_on(window.tree, window.tree.topLevelItem(0), mime)      # the same file again: refused
    assert len(problems) == 1 and "已在本期中" in problems[0]
    assert sum(len(s.documents) for s in window.session.issue.sections) == 9
