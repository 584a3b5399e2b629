"""校对 in the app: items marked 忽略 (kept in the issue file, undoable), the list as CSV; and
the recovery prompt's 稍后, which opens the issue as saved and keeps the autosave."""
import csv
import json
import os

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from editor.issuefile import read_issue
from editor.ui.asking import Asker
from editor.ui.proofpanel import CSV_COLUMNS
from editor.ui.recovery import recovery_paths

pytestmark = pytest.mark.gui


def select_rows(panel, rows) -> None:
    """Select these rows together (as with Ctrl+click)."""
    from PySide6.QtCore import QItemSelectionModel
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    panel.table.clearSelection()
    for row in rows:
        panel.table.selectionModel().select(panel.table.model().index(row, 0), flags)


def test_ignored_items_leave_the_list_are_saved_and_come_back_on_undo(qtbot, window, issue_copy):
    panel = window.proof
    before = panel.shown()
    first, second = before[0], before[1]
    select_rows(panel, [0, 1])
    assert panel.ignore_button.text() == "忽略" and panel.ignore_action.isEnabled()
    panel.ignore_button.click()
    assert panel.shown() == before[2:]
    assert len(window.session.issue.ignored) == 2 and window.session.modified
    assert "已忽略 2" in panel.summary.text()
    panel.show_ignored.setChecked(True)
    assert panel.shown() == before[2:] + [first, second]
    last = panel.table.rowCount() - 1
    assert panel.table.item(last, 3).text().endswith("（已忽略）")
    select_rows(panel, [last])
    assert panel.ignore_button.text() == "取消忽略" and panel.unignore_action.isEnabled()
    panel.unignore_action.trigger()
    assert len(window.session.issue.ignored) == 1
    panel.show_ignored.setChecked(False)
    assert window.files.save()
    saved = json.loads(issue_copy.read_text(encoding="utf-8"))
    assert saved["ignored"] == [{k: v for k, v in vars(window.session.issue.ignored[0]).items() if v}]
    assert read_issue(issue_copy).ignored == window.session.issue.ignored
    window.session.undo.undo()
    window.session.undo.undo()
    assert window.session.issue.ignored == [] and panel.shown() == before


def test_the_list_exported_as_csv_with_what_was_ignored(qtbot, window, tmp_path):
    panel = window.proof
    select_rows(panel, [0])
    panel.ignore_button.click()
    target = tmp_path / "校对.csv"
    asked = []
    window.ask.save_csv = lambda default: asked.append(default) or str(target)
    panel.csv_button.click()
    assert asked and asked[0].endswith("校对-2020年第10期.csv")
    assert target.read_bytes().startswith(b"\xef\xbb\xbf")          # Excel reads it as UTF-8
    with open(target, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    outcome = window.live.outcome
    assert rows[0] == CSV_COLUMNS
    assert len(rows) == 1 + len(outcome.diagnostics)                 # 提示 and ignored ones too
    assert [r[5] for r in rows[1:]] == [d.message for d in outcome.diagnostics]
    assert [r[-1] for r in rows[1:]].count("是") == 1
    assert {r[2] for r in rows[1:] if r[2]} <= {ref.source for ref in outcome.refs}
    assert "已导出校对列表" in window.message.text()


def test_recovery_later_opens_the_saved_issue_and_keeps_the_autosave(qtbot, window, issue_copy,
                                                                     tmp_path, monkeypatch):
    monkeypatch.setenv("GAZETTE_CACHE_DIR", str(tmp_path / "cache"))
    window.files.close_issue()
    beside, elsewhere = recovery_paths(issue_copy)
    data = json.loads(issue_copy.read_text(encoding="utf-8"))
    data["issue"]["phone"] = "999"
    beside.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    kept = beside.read_bytes()
    os.utime(beside, (issue_copy.stat().st_mtime + 10,) * 2)

    offered = []

    def press_later():
        boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
        if not boxes:
            QTimer.singleShot(50, press_later)
            return
        offered.extend(b.text() for b in boxes[0].buttons())
        next(b for b in boxes[0].buttons() if b.text() == "稍后").click()

    window.ask = Asker(window, interactive=True)
    QTimer.singleShot(0, press_later)
    assert window.files.open_issue(issue_copy)
    assert sorted(offered) == sorted(["恢复", "丢弃", "稍后"])
    assert window.session.issue.phone == "0531-66607646" and not window.session.modified
    assert beside.read_bytes() == kept and "留待下次" in window.message.text()
    window.editing.set_meta("printer", "另一家印刷厂")            # autosaves go elsewhere now
    assert window.autosaver.save_now()
    assert beside.read_bytes() == kept and "另一家印刷厂" in elsewhere.read_text(encoding="utf-8")
    window.ask = Asker(window, interactive=False)
    assert window.files.save()                                      # a save keeps it too
    assert beside.read_bytes() == kept and not elsewhere.exists()
