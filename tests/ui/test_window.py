"""The window around the pages: welcome page, settings kept, 栏目 edits, background layout,
export failures and cancel, save-as to another folder."""
import json
from pathlib import Path

import pytest

from editor.issuefile import read_issue
from editor.ui.export import ExportJob, ExportTarget
from editor.ui.mainwindow import MainWindow
from editor.ui.newissue import NewIssuePlan
from editor.ui.settings import Settings

from ui_helpers import drop_on, make_notice, wait_layout

pytestmark = pytest.mark.gui


def test_welcome_page_then_geometry_and_splitters_remembered(qtbot, config_dir, issue_copy):
    settings = Settings(config_dir / "settings.ini")
    w = MainWindow(settings, interactive=True)
    qtbot.addWidget(w)
    w.show()
    assert w.stack.currentWidget() is w.welcome
    assert not w.actions.file_save.isEnabled() and w.actions.file_open.isEnabled()
    w.resize(760, 560)                  # inside the offscreen screen, so it is not clamped
    w.main.setSizes([150, 400, 210])
    qtbot.wait(50)
    sizes = w.main.sizes()
    w.actions.view_facing.setChecked(True)
    settings.add_recent(issue_copy)
    w.save_settings()
    again = MainWindow(Settings(config_dir / "settings.ini"), interactive=True)
    qtbot.addWidget(again)
    again.show()
    assert (again.width(), again.height()) == (760, 560)
    assert again.main.sizes() == sizes
    assert again.pages.facing and again.actions.view_facing.isChecked()
    assert Settings(config_dir / "settings.ini").recent() == [str(issue_copy.resolve())]


def test_sections_added_renamed_removed_and_undone(qtbot, window):
    names = lambda: [s.name for s in window.session.issue.sections]  # noqa: E731
    before = names()
    window.ask.section_name = lambda title, current="": "市政府令"
    window.tree.setCurrentItem(window.tree.topLevelItem(0))
    window.actions.edit_add_section.trigger()
    assert names() == [before[0], "市政府令", *before[1:]]
    window.editing.rename_section(1, "政府令")
    assert window.tree.topLevelItem(1).text(0) == "【政府令】"
    window.editing.move_section(1, 5)
    assert names()[-1] == "政府令"
    window.tree.setCurrentItem(window.tree.topLevelItem(0))
    window.actions.edit_remove.trigger()                 # the section and its document
    assert names() == [*before[1:], "政府令"]
    assert len(window.session.snapshot()[1]) == 7
    for _ in range(4):
        window.session.undo.undo()
    assert names() == before
    assert wait_layout(qtbot, window).pages


def test_new_request_supersedes_the_running_layout(qtbot, window):
    job, seen = window.job, []
    job.finished.connect(lambda outcome: seen.append(outcome.generation))
    issue, refs = window.session.snapshot()
    first = job.request(issue, refs)
    second = job.request(*window.session.snapshot())
    qtbot.waitUntil(lambda: not job.busy, timeout=60_000)
    qtbot.wait(200)
    assert first in (second - 1,) and seen == [second]


def test_export_failure_messages_and_cancel(qtbot, window, tmp_path, monkeypatch):
    dialog = window.export()
    qtbot.addWidget(dialog)
    dialog.folder.setText(str(tmp_path / "missing"))
    dialog.start_button.click()
    assert dialog.error.startswith("输出文件夹不存在") and not dialog.busy()
    dialog.folder.setText(str(tmp_path))
    dialog.pdf.setChecked(False)
    dialog.docx.setChecked(True)
    monkeypatch.setitem(__import__("sys").modules, "editor.render.docx", None)   # not installed
    dialog.start_button.click()
    qtbot.waitUntil(lambda: not dialog.busy(), timeout=60_000)
    assert "Word" in dialog.error and not list(tmp_path.glob("*.docx"))

    target = tmp_path / "cancelled.pdf"
    job = ExportJob(window.live.outcome, [ExportTarget("pdf", target)])
    done = []
    job.cancelled.connect(lambda: done.append("cancelled"))
    job.finished.connect(lambda paths: done.append("finished"))
    job.cancel()                                      # before the first page is drawn
    job.start()
    qtbot.waitUntil(lambda: bool(done), timeout=60_000)
    job.wait()
    assert done == ["cancelled"] and not target.exists() and not list(tmp_path.glob(".*.tmp"))


def test_save_as_elsewhere_keeps_the_sources(qtbot, window, tmp_path):
    other = tmp_path / "elsewhere" / "issue.json"
    other.parent.mkdir()
    window.editing.set_meta("number", 11)
    window.ask.save_as = lambda current: str(other)
    assert window.files.save_as()
    saved = read_issue(other)
    assert saved.number == 11 and not window.session.modified
    assert saved.sections[0].documents[0].source == "../issue/docs/01-政府工作报告.docx"
    assert (other.parent / saved.sections[0].documents[0].source).exists()
    assert window.session.path == other.resolve()
    assert json.loads(Path(window.settings.get("files/last")).read_text(encoding="utf-8"))


def test_tree_drags_a_section_and_the_panel_moves_a_document(qtbot, window):
    from PySide6.QtCore import QMimeData
    tree = window.tree
    first = window.session.issue.sections[0]
    tree.setCurrentItem(tree.topLevelItem(0))
    drop_on(tree, tree.topLevelItem(2), QMimeData())       # onto 【市政府办公厅文件】: after it
    assert window.session.issue.sections[2] is first
    ref = window.session.issue.sections[3].documents[0]
    tree.select_ref(ref)
    window.doc.section.activated.emit(0)                   # 栏目 chosen in the properties
    assert window.session.locate(ref) == (0, 1)
    window.session.undo.undo()
    window.session.undo.undo()
    assert window.session.issue.sections[0] is first and window.session.locate(ref) == (3, 0)


def test_standard_shortcuts(window):
    keys = {name: window.actions.all[name].shortcut().toString() for name in
            ("file_new", "file_open", "file_save", "edit_undo", "edit_redo", "file_export", "file_print")}
    assert keys == {"file_new": "Ctrl+N", "file_open": "Ctrl+O", "file_save": "Ctrl+S",
                    "edit_undo": "Ctrl+Z", "edit_redo": "Ctrl+Y", "file_export": "Ctrl+E",
                    "file_print": "Ctrl+P"}


def test_autosave_writes_only_new_changes_and_save_removes_it(qtbot, window, issue_copy):
    saver = window.autosaver
    recovery = issue_copy.with_name("issue.json.autosave.json")
    assert not saver.save_now() and not recovery.exists()      # nothing changed yet
    assert saver.period.interval() == 60_000 and saver.period.isActive()
    window.editing.set_meta("printer", "某印刷厂")
    assert saver.debounce.isActive()
    qtbot.waitUntil(recovery.exists, timeout=10_000)           # shortly after the edit
    assert "某印刷厂" in recovery.read_text(encoding="utf-8")
    assert not saver.save_now()                                # the same content again
    assert window.files.save()
    assert not recovery.exists()


def test_a_layout_that_fails_says_why_in_chinese(qtbot, window, tmp_path):
    window.editing.set_meta("layout", "no-such-layout")
    qtbot.waitUntil(lambda: bool(window.live.error), timeout=60_000)
    assert "找不到版式" in window.live.error and "排版失败" in window.message.text()
    dialog = window.export()
    qtbot.addWidget(dialog)
    (tmp_path / "out").mkdir()
    dialog.folder.setText(str(tmp_path / "out"))
    dialog.start_button.click()
    assert "找不到版式" in dialog.error and not list((tmp_path / "out").iterdir())
    window.session.undo.undo()
    assert wait_layout(qtbot, window).pages and window.live.error == ""


def test_new_issue_then_add_files(qtbot, window, tmp_path):
    target = tmp_path / "2020-11" / "issue.json"
    window.ask.new_issue = lambda folder, previous: NewIssuePlan(target, None, 2020, 11, 321, "2020-06-05")
    window.actions.file_new.trigger()
    assert window.session.path == target.resolve() and target.exists()
    empty = wait_layout(qtbot, window)
    assert empty.pages[0].kind == "cover" and not empty.refs
    notice = make_notice(target.parent / "通知.docx", "关于新建期刊测试的通知", "济政字〔2020〕1号")
    window.ask.source_files = lambda folder: [str(notice)]
    window.tree.setCurrentItem(window.tree.topLevelItem(0))
    window.actions.edit_add_files.trigger()
    assert window.session.issue.sections[0].documents[0].source == "通知.docx"
    filled = wait_layout(qtbot, window)
    assert len(filled.refs) == 1 and len(filled.pages) > len(empty.pages)
    assert window.session.modified
