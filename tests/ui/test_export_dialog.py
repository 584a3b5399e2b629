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
