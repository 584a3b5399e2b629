"""The export dialog an editor can watch: the bar moves through the DOCX as through the PDFs,
the choices are locked while files are written, and it ends with 打开所在文件夹."""
import docx as python_docx
import pytest
from pypdf import PdfReader

from editor.ui import exportdialog

pytestmark = pytest.mark.gui


def run_export(qtbot, dialog, folder, pdf: bool, print_pdf: bool, docx: bool) -> list[int]:
    """Press 导出 with these formats; out: the bar's (value, maximum) at each move while it
    ran (and checks that the choices were locked meanwhile)."""
    dialog.folder.setText(str(folder))
    dialog.pdf.setChecked(pdf)
    dialog.print_pdf.setChecked(print_pdf)
    dialog.docx.setChecked(docx)
    values = []
    dialog.bar.valueChanged.connect(lambda v: values.append((v, dialog.bar.maximum())))
    dialog.start_button.click()
    locked = [dialog.folder, dialog.browse, dialog.stem, dialog.pdf, dialog.print_pdf, dialog.docx,
              dialog.start_button, dialog.close_button]
    assert dialog.busy() and not any(w.isEnabled() for w in locked)
    assert dialog.cancel_button.isEnabled()
    qtbot.waitUntil(lambda: not dialog.busy(), timeout=120_000)
    assert dialog.error == ""
    assert all(w.isEnabled() for w in locked) and not dialog.cancel_button.isEnabled()
    return values


def test_docx_export_moves_the_bar_locks_the_choices_and_offers_the_folder(qtbot, window, tmp_path,
                                                                           monkeypatch):
    dialog = window.export()
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.open_button.isHidden()
    values = run_export(qtbot, dialog, tmp_path, pdf=False, print_pdf=False, docx=True)
    documents = len(window.live.outcome.refs)
    rising = [v for v, most in values if 0 < v < most]
    assert len(set(rising)) >= documents                # one step per document written
    assert rising == sorted(rising)
    assert dialog.bar.value() == dialog.bar.maximum()
    written = tmp_path / "济南市人民政府公报2020年第10期.docx"
    assert dialog.outputs == [written]
    assert "政府工作报告" in "".join(p.text for p in python_docx.Document(str(written)).paragraphs)
    assert dialog.open_button.isVisible()
    opened = []
    monkeypatch.setattr(exportdialog, "open_folder", lambda folder: opened.append(folder) or True)
    dialog.open_button.click()
    assert opened == [tmp_path]


def test_all_three_formats_in_one_run(qtbot, window, tmp_path):
    dialog = window.export()
    qtbot.addWidget(dialog)
    values = run_export(qtbot, dialog, tmp_path, pdf=True, print_pdf=True, docx=True)
    pages = len(window.live.outcome.pages)
    assert len({v for v, _most in values}) > pages     # every page of the PDFs, then the DOCX
    stem = "济南市人民政府公报2020年第10期"
    assert dialog.outputs == [tmp_path / f"{stem}.pdf", tmp_path / f"{stem}-印刷版.pdf",
                              tmp_path / f"{stem}.docx"]
    screen, printed = (PdfReader(tmp_path / f"{stem}.pdf"), PdfReader(tmp_path / f"{stem}-印刷版.pdf"))
    assert len(screen.pages) == len(printed.pages) == pages
    assert float(printed.pages[0].mediabox.width) > float(screen.pages[0].mediabox.width)
    assert "政府工作报告" in printed.pages[2].extract_text().replace(" ", "")


def test_web_edition_and_a_separate_cover_in_one_pass_with_a_bar_that_only_rises(qtbot, window, tmp_path):
    from htmlreading import read_html
    dialog = window.export()
    qtbot.addWidget(dialog)
    assert not dialog.cover_separate.isEnabled()          # only for the print version
    dialog.print_pdf.setChecked(True)
    assert dialog.cover_separate.isEnabled()
    dialog.cover_separate.setChecked(True)
    dialog.web.setChecked(True)
    values = run_export(qtbot, dialog, tmp_path, pdf=False, print_pdf=True, docx=False)
    stem = "济南市人民政府公报2020年第10期"
    web = tmp_path / f"{stem}-网页版"
    assert dialog.outputs == [tmp_path / f"{stem}-印刷版.pdf", tmp_path / f"{stem}-印刷版-封面.pdf", web]
    outcome = window.live.outcome
    rising = [v for v, most in values if 0 < v < most]
    assert rising == sorted(rising) and len(set(rising)) > len(outcome.pages)   # PDF pages, then web pages
    assert len(PdfReader(tmp_path / f"{stem}-印刷版-封面.pdf").pages) == 2
    toc = read_html(web / "index.html").find("nav", "toc").find_all("li")
    assert len(toc) == len(outcome.refs)
    assert (web / "2020-10.pdf").is_file()


def test_a_web_folder_holding_other_files_fails_with_a_chinese_message(qtbot, window, tmp_path):
    dialog = window.export()
    qtbot.addWidget(dialog)
    site = tmp_path / "济南市人民政府公报2020年第10期-网页版"
    site.mkdir()
    (site / "notes.txt").write_text("mine", encoding="utf-8")
    dialog.folder.setText(str(tmp_path))
    dialog.pdf.setChecked(False)
    dialog.web.setChecked(True)
    dialog.start_button.click()
    qtbot.waitUntil(lambda: not dialog.busy(), timeout=120_000)
    assert str(site) in dialog.error and "其他文件" in dialog.error
    assert [p.name for p in site.iterdir()] == ["notes.txt"]
