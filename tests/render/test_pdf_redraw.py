"""Drawing an issue's PDF again — in the same process (the app's next export, after an
edit) or in the next (a build, the cache folder kept): the lines, pages and compressed
streams remembered from before give the PDF a fresh process on a new computer draws."""
from __future__ import annotations

import shutil
from pathlib import Path

from reportlab.pdfbase import pdfdoc

from bench.pdf_glyphs import glyphs
from editor.model import Run
from editor.pipeline import issue_info, layout, load_issue
from editor.render import pdftext
from editor.render.pdf import PdfOutput, render_pdfs
from small_issues import make_issue, notice


def _new_process() -> None:
    """What a new process would not remember of earlier drawing."""
    pdftext._drawn_lines.clear()
    pdftext._drawn_pages.clear()
    pdfdoc.PDFZCompress.encode._done.clear()


def _new_computer(cache: Path) -> None:
    _new_process()
    shutil.rmtree(cache, ignore_errors=True)


def _draw(issue, path: Path, print_marks: bool = False) -> Path:
    render_pdfs(layout(issue).layout, [PdfOutput(path, print_marks)], issue_info(issue))
    return path


def test_a_redraw_after_an_edit_is_a_fresh_drawing(tmp_path, monkeypatch):
    monkeypatch.setenv("GAZETTE_CACHE_DIR", str(tmp_path / "cache"))
    text = notice("关于做好防汛工作的通知", "济政办字〔2020〕9号").replace(
        "济南市人民政府办公厅", "\u3000\u3000甲乙要落实防汛责任。\n\u3000\u3000乙丙丁戊己庚辛壬癸确保安全度汛。\n济南市人民政府办公厅")
    issue = load_issue(make_issue(tmp_path / "期刊", 10, 320, "2020-05-20", text))
    first = glyphs(str(_draw(issue, tmp_path / "a.pdf")))
    assert glyphs(str(_draw(issue, tmp_path / "b.pdf"))) == first          # drawn from memory
    paragraph = next(b for b in issue.documents()[0].blocks if b.text.startswith("甲乙"))
    # a new character before 甲: every character first met after it (乙 丙 丁 … in the next
    # paragraph) takes another code in the font subsets, while that paragraph keeps its lines
    paragraph.runs = [Run("雨甲" + paragraph.text[2:])]
    for print_marks in (False, True):
        again = glyphs(str(_draw(issue, tmp_path / "c.pdf", print_marks)))
        _new_process()
        from_disk = glyphs(str(_draw(issue, tmp_path / "d.pdf", print_marks)))
        _new_computer(tmp_path / "cache")
        fresh = glyphs(str(_draw(issue, tmp_path / "e.pdf", print_marks)))
        assert again == from_disk == fresh
        assert again != first


def test_damaged_drawings_in_the_cache_folder_are_not_used(tmp_path, monkeypatch):
    monkeypatch.setenv("GAZETTE_CACHE_DIR", str(tmp_path / "cache"))
    issue = load_issue(make_issue(tmp_path / "期刊", 10, 320, "2020-05-20",
                                  notice("关于做好防汛工作的通知", "济政办字〔2020〕9号")))
    _new_computer(tmp_path / "cache")
    fresh = glyphs(str(_draw(issue, tmp_path / "a.pdf")))
    kept = sorted((tmp_path / "cache" / "pdf").iterdir())
    assert {p.name.split("-")[0] for p in kept} == {"text", "flate"}
    entries = [p.read_bytes() for p in kept]
    for n, entry in enumerate(kept):          # torn, emptied, or another entry's file
        entry.write_bytes([entries[n][: len(entries[n]) // 2], b"", entries[n - 1]][n % 3])
    _new_process()
    assert glyphs(str(_draw(issue, tmp_path / "b.pdf"))) == fresh


def test_a_page_is_drawn_again_for_another_version_of_its_font(tmp_path, monkeypatch):
    """The kept operators hold the glyphs' widths: a font file changed since they were made
    (a new version of an installed font) must not be served them."""
    import io

    from reportlab.pdfgen.canvas import Canvas

    from editor.layout.fonts import SHIPPED_DIR, FontFace
    from editor.layout.pages import Page, TextLine
    from editor.render.pdf import register_fonts
    monkeypatch.setenv("GAZETTE_CACHE_DIR", str(tmp_path / "cache"))
    fonts = register_fonts({"body": FontFace("body", "", "Fandol", str(SHIPPED_DIR / "FandolFang-Regular.ttf"))})
    page = Page(0, "body", lines=[TextLine("济南市人民政府", tuple(72 + 12.5 * k for k in range(7)), 100, "body", 12)])

    def draw() -> str:
        _new_process()
        return pdftext.page_text([Canvas(io.BytesIO())._doc], page, 842, fonts, {})

    def kept() -> int:
        return len(list((tmp_path / "cache" / "pdf").glob("text-*")))
    first = draw()
    assert kept() == 1 and draw() == first and kept() == 1          # the next build: from disk
    path, size, mtime = pdftext.font_files[fonts["body"]]
    monkeypatch.setitem(pdftext.font_files, fonts["body"], (path, size, mtime + 1))
    assert draw() == first and kept() == 2                          # drawn again, kept apart
