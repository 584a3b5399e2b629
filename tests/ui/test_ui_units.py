"""The app's small pure pieces: spreads, diff marks, recovery, targets."""
import json
import os
import time

from editor.ui.compare import comparable, compare_html, marked
from editor.ui.export import default_stem, targets_for
from editor.ui.pageview import spreads
from editor.ui.recovery import (discard_recovery, pending_recovery, read_recovery, recovery_label,
                                write_recovery)
from editor.ui.session import relative_source
from editor.issuefile import issue_to_dict
from editor.model import Issue, Section, DocumentRef


def test_spreads_open_like_the_printed_issue():
    assert spreads(5, facing=False) == [[0], [1], [2], [3], [4]]
    assert spreads(5, facing=True) == [[None, 0], [1, 2], [3, 4]]
    assert spreads(4, facing=True) == [[None, 0], [1, 2], [3, None]]
    assert spreads(0, facing=True) == []


def test_diff_marks_removed_and_added_characters():
    left, right = marked("各区县人民政府，", "各区县人民政府、市直各部门：")
    assert left.startswith("各区县人民政府<span") and "line-through\">，</span>" in left
    assert right.endswith("\">、市直各部门：</span>")
    assert comparable("第一行\n第二行 ") == "第一行第二行"
    rows = [(0, "正文", "甲乙丙", "甲乙丙"), (1, "正文", "甲乙", "甲丙")]
    html, changed = compare_html(rows, only_changes=True)
    assert changed == 1 and "甲乙丙" not in html


def test_recovery_counts_only_when_newer(tmp_path):
    issue_path = tmp_path / "issue.json"
    issue = Issue(year=2020, number=10, sections=[Section("市政府文件", [DocumentRef("a.docx")])])
    issue_path.write_text(json.dumps(issue_to_dict(issue)), encoding="utf-8")
    assert pending_recovery(issue_path) is None
    issue.phone = "123"
    written = write_recovery(issue_path, issue_to_dict(issue))
    assert written == tmp_path / "issue.json.autosave.json"
    past = time.time() - 60
    os.utime(issue_path, (past, past))
    assert pending_recovery(issue_path) == written
    assert read_recovery(written).phone == "123"
    # the question names the issue (every issue file is issue.json), then where it is
    assert recovery_label(written, issue_path) == f"2020年第10期（{issue_path}）"
    written.write_text("{damaged", encoding="utf-8")
    assert recovery_label(written, issue_path) == str(issue_path)
    written = write_recovery(issue_path, issue_to_dict(issue))
    os.utime(issue_path, (past, past))
    os.utime(issue_path, (time.time() + 60, time.time() + 60))   # saved after the autosave
    assert pending_recovery(issue_path) is None
    discard_recovery(issue_path)
    assert not written.exists()


def test_export_targets_and_relative_sources(tmp_path):
    issue = Issue(year=2020, number=10)
    assert default_stem(issue) == "济南市人民政府公报2020年第10期"
    targets = targets_for(tmp_path, "x", pdf=True, print_pdf=True, docx=True)
    assert [(t.kind, t.path.name) for t in targets] == [
        ("pdf", "x.pdf"), ("print", "x-印刷版.pdf"), ("docx", "x.docx")]
    (tmp_path / "a" / "docs").mkdir(parents=True)
    assert relative_source(tmp_path / "a" / "docs" / "f.docx", tmp_path / "a") == "docs/f.docx"
    assert relative_source(tmp_path / "b.txt", tmp_path / "a") == "../b.txt"


def test_the_screen_draws_a_ruled_dash_as_its_rule_only(qapp):
    """A hidden TextLine (a —— the face cannot draw whole) leaves no ink on screen; the
    page's rule is what shows, as in the PDF."""
    from PySide6.QtGui import QImage, QPainter
    from editor.layout.fonts import SHIPPED_DIR, FontFace
    from editor.layout.pages import Page, Rule, TextLine
    from editor.ui.pagepaint import PagePainter
    fonts = {"body": FontFace("body", "", "Noto Serif SC", str(SHIPPED_DIR / "NotoSerifSC-Regular.ttf"))}

    def ink_rows(hidden: bool) -> set[int]:
        page = Page(0, "body", lines=[TextLine("——", (10.0, 22.0), 30.0, "body", 12.0, hidden=hidden)],
                    rules=[Rule(10.5, 25.4, 33.5, 25.4, 0.6)])
        image = QImage(240, 160, QImage.Format.Format_Grayscale8)
        painter = QPainter(image)
        painter.scale(4, 4)                      # 4 px a point
        PagePainter().paint(painter, page, fonts, 60, 40)
        painter.end()
        return {y for y in range(160) for x in range(240) if image.pixelColor(x, y).value() < 128}

    rule_band = set(range(100, 105))             # 4 × (25.4 ± 0.3) pt, and a pixel of blur
    assert ink_rows(hidden=True) and ink_rows(hidden=True) <= rule_band   # the rule alone
    assert ink_rows(hidden=False) - rule_band    # the font's own low dash, when drawn
