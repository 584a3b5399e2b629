"""The 档案 panel (issue 15, items 3 and 4): an archive folder's issues and their continuity
problems, the search by 文号 in another bracket form whose hit opens the issue at its page,
and 新建期刊 offering the archive's last issue. Small issues of one .txt 通知, a private cache."""
import pytest
from PySide6.QtCore import Qt

from editor.ui.archivepanel import ArchivePanel

from small_issues import make_issue, notice
from ui_helpers import LAYOUT_TIMEOUT, answer_new_issue, wait_layout

pytestmark = pytest.mark.gui


@pytest.fixture
def archive(tmp_path, monkeypatch):
    """第10期 and 第12期 of 2020 (第11期 missing), each with one 通知."""
    monkeypatch.setenv("GAZETTE_CACHE_DIR", str(tmp_path / "cache"))
    folder = tmp_path / "档案"
    make_issue(folder / "2020-10", 10, 320, "2020-05-20", notice("关于甲事项的通知", "济政办字〔2020〕3号"))
    make_issue(folder / "2020-12", 12, 322, "2020-06-20", notice("关于乙事项的通知", "济政办字〔2020〕4号"))
    return folder


def loaded(qtbot, panel: ArchivePanel) -> None:
    qtbot.waitUntil(lambda: not panel.loading() and bool(panel.issues), timeout=LAYOUT_TIMEOUT)


def cells(table, row: int) -> list[str]:
    return [table.item(row, col).text() for col in range(table.columnCount())]


def test_the_panel_lists_the_issues_shows_the_gap_and_finds_by_doc_number(qtbot, archive):
    panel = ArchivePanel()
    qtbot.addWidget(panel)
    panel.set_folder(archive)
    loaded(qtbot, panel)
    assert [cells(panel.issue_table, r)[:3] for r in range(2)] == [
        ["2020", "第10期", "总第320期"], ["2020", "第12期", "总第322期"]]
    assert "2020年缺第11期" in panel.problem_label.text()
    panel.query.setText("济政办字【2020】4号")
    qtbot.keyClick(panel.query, Qt.Key.Key_Return)
    assert panel.results.rowCount() == 1
    assert cells(panel.results, 0) == ["2020年第12期", "3", "济政办字〔2020〕4号", "关于乙事项的通知"]
    with qtbot.waitSignal(panel.openRequested) as opened:
        panel.results.cellDoubleClicked.emit(0, 3)
    assert opened.args == [str((archive / "2020-12" / "issue.json").resolve()), 3]
    panel.since.setText("五月")                      # a date that is none: said, nothing searched
    panel.search()
    assert "无效" in panel.status.text() and panel.results.rowCount() == 1


def test_a_hit_opens_its_issue_at_the_page_it_is_printed_on(qtbot, window, archive):
    window.settings.set("archive/folder", str(archive))
    window.actions.view_archive.trigger()
    assert window.archive_dock.isVisible() and window.archive.folder == archive
    loaded(qtbot, window.archive)
    window.archive.query.setText("乙事项")
    window.archive.search()
    (hit,) = window.archive.hits
    window.archive.results.cellActivated.emit(0, 0)
    outcome = wait_layout(qtbot, window)
    assert window.session.path == (archive / "2020-12" / "issue.json").resolve()
    qtbot.waitUntil(lambda: outcome.pages[window.pages.current_page()].folio == hit.page)
    window.archive_dock.close()
    assert not window.actions.view_archive.isChecked()


def test_the_page_shown_stays_when_the_pages_narrow(qtbot, window):
    """A hit shown, then the 档案 panel opened beside the pages: fit to width, the zoom
    changes, the page does not (the sample: 54 pages)."""
    window.pages.go_to_page(32)
    assert window.pages.current_page() == 32
    window.resize(1000, 768)
    qtbot.waitUntil(lambda: window.pages.width() < 400)
    assert window.pages.current_page() == 32


def test_new_issue_offers_the_archives_last_issue(qtbot, window, archive):
    window.settings.set("archive/folder", str(archive))
    asked = answer_new_issue(qtbot, window)
    window.actions.file_new.trigger()
    assert asked == [archive / "2020-12" / "issue.json"]
    made = window.session.issue
    assert (made.number, made.total_number, made.date) == (13, 323, "2020-07-05")
    assert window.session.path == (archive / "2020-13" / "issue.json").resolve()


def test_the_years_index_is_written_from_the_panel_as_pdf_or_web_page(qtbot, archive, tmp_path):
    """年度总目录…: the year and the target asked, the index built off the UI thread, each
    document listed with its 期号 and page; a folder holding other files is refused in Chinese."""
    import pdfplumber
    from htmlreading import read_html
    panel = ArchivePanel()
    qtbot.addWidget(panel)
    assert not panel.annual_button.isEnabled()
    panel.set_folder(archive)
    loaded(qtbot, panel)
    assert panel.annual_button.isEnabled() and panel.years() == [2020]
    targets = iter([tmp_path / "2020年总目录.pdf", tmp_path / "网页", archive])
    panel.ask_annual = lambda years: (years[0], next(targets))
    for _ in range(2):
        qtbot.mouseClick(panel.annual_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: panel.annual_button.isEnabled(), timeout=LAYOUT_TIMEOUT)
        assert panel.status.text().startswith("已生成") and "2 篇文件" in panel.status.text()
    with pdfplumber.open(tmp_path / "2020年总目录.pdf") as pdf:
        text = "".join(page.extract_text() or "" for page in pdf.pages).replace(" ", "")
    assert "关于甲事项的通知" in text and "关于乙事项的通知" in text and "10—3" in text and "12—3" in text
    entries = [li.text for li in read_html(tmp_path / "网页" / "index.html").find_all("li")]
    assert any("关于甲事项的通知" in e and "第10期第3页" in e for e in entries)
    assert any("关于乙事项的通知" in e and "第12期第3页" in e for e in entries)
    qtbot.mouseClick(panel.annual_button, Qt.MouseButton.LeftButton)     # the archive folder itself
    qtbot.waitUntil(lambda: panel.annual_button.isEnabled(), timeout=LAYOUT_TIMEOUT)
    assert "文件夹里已有其他文件" in panel.status.text()
    assert (archive / "2020-10" / "issue.json").is_file()
    panel.shutdown()
