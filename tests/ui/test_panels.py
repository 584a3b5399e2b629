"""The panels kept in step: 校对 → page and block, page click → tree and block list,
block list → marked lines; metadata, text corrections with the 原文对照, thumbnails, print."""
import pytest
from PySide6.QtCore import Qt

from editor.model import BlockKind

from ui_helpers import body_line, click_line, wait_layout

pytestmark = pytest.mark.gui


def click_row(qtbot, table, row: int) -> None:
    rect = table.visualRect(table.model().index(row, 3))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_proof_row_jumps_to_page_and_block(qtbot, window):
    outcome = window.live.outcome
    shown = window.proof.shown()
    assert shown and all(d.severity.value != "info" for d in shown)
    row, diag = next((n, d) for n, d in enumerate(shown) if d.block is not None and d.page)
    window.proof.table.scrollToItem(window.proof.table.item(row, 0))
    click_row(qtbot, window.proof.table, row)
    assert window.pages.current_page() == diag.page
    ref = outcome.refs[diag.document]
    assert window.doc.ref is ref and window.doc.current_block() == diag.block
    assert window.tree.current_key() == ("doc", ref)
    assert window.pages.highlight == (diag.document, diag.block)


def test_click_on_a_line_selects_its_block(qtbot, window):
    outcome = window.live.outcome
    k = 2
    page_index, line = body_line(outcome, k)
    pages = window.pages
    pages.go_to_page(page_index)
    click_line(qtbot, pages, page_index, line)
    assert window.doc.ref is outcome.refs[k]
    assert window.doc.current_block() == line.block
    assert window.tree.current_key() == ("doc", outcome.refs[k])
    assert pages.current_page() == page_index            # selecting did not scroll away


def test_block_list_marks_and_shows_its_lines(qtbot, window):
    outcome = window.live.outcome
    ref = outcome.refs[5]
    window.tree.select_ref(ref)
    last = len(ref.document.blocks) - 1
    window.doc.table.setCurrentIndex(window.doc.model.index(last, 0))
    page, _line = window.pages.find_block(5, last)
    assert window.pages.highlight == (5, last)
    assert window.pages.current_page() in (page, page - 1)


def test_metadata_edit_reaches_the_back_page_and_undoes(qtbot, window):
    editor = window.meta.editors["phone"]
    editor.selectAll()
    qtbot.keyClicks(editor, "0531-88889999")
    assert window.session.issue.phone == "0531-88889999"
    assert window.session.undo.count() == 1              # one step for the whole typing
    back = wait_layout(qtbot, window).pages[-1]
    assert back.kind == "back"
    assert any("0531-88889999" in line.text for line in back.lines)
    window.session.undo.undo()
    assert editor.text() == "0531-66607646"
    assert window.windowTitle().startswith("济南市人民政府公报 2020年第10期")


def test_text_correction_and_comparison(qtbot, window):
    ref = window.session.issue.sections[2].documents[0]
    window.tree.select_ref(ref)
    row = next(b for b, blk in enumerate(ref.document.blocks) if blk.kind == BlockKind.PARAGRAPH)
    original = ref.document.blocks[row].text
    window.doc.table.setCurrentIndex(window.doc.model.index(row, 0))
    assert window.doc.text.toPlainText() == original
    fixed = original.replace("，", "、", 1) + "（已校）"
    window.doc.text.setPlainText(fixed)
    window.doc.apply.click()
    assert ref.document.blocks[row].text == fixed
    assert [(c.block, c.text) for c in ref.corrections] == [(row, fixed)]
    assert window.session.raw_document(ref).blocks[row].text == original   # source untouched
    outcome = wait_layout(qtbot, window)
    dialog = window.compare(ref)
    qtbot.addWidget(dialog)
    assert dialog.count.text() == "1 段有差异"
    html = dialog.view.toHtml()
    assert "已校" in html and "line-through" in html
    window.doc.restore.click()
    assert ref.corrections == [] and ref.document.blocks[row].text == original
    wait_layout(qtbot, window)
    dialog.outcome = window.live.outcome
    dialog.refresh()
    assert dialog.count.text() == "0 段有差异"
    assert outcome is not window.live.outcome


def test_kind_correction_through_the_delegate_value(qtbot, window):
    ref = window.session.issue.sections[0].documents[0]
    window.tree.select_ref(ref)
    model = window.doc.model
    row = next(b for b, blk in enumerate(ref.document.blocks) if blk.kind == BlockKind.PARAGRAPH)
    assert model.setData(model.index(row, 1), BlockKind.HEADING.value)
    block = ref.document.blocks[row]
    assert block.kind == BlockKind.HEADING and block.level == 1 and block.reason == "编辑修改"
    window.session.undo.undo()
    assert ref.document.blocks[row].kind == BlockKind.PARAGRAPH


def test_thumbnails_facing_and_zoom(qtbot, window):
    outcome = window.live.outcome
    thumbs = window.thumbs
    assert thumbs.model_.rowCount() == len(outcome.pages)
    pix = thumbs.model_.data(thumbs.model_.index(2, 0), Qt.ItemDataRole.DecorationRole)
    image = pix.toImage()
    assert not pix.isNull() and image.pixelColor(5, 5).name() == "#ffffff"
    assert any(image.pixelColor(x, y).lightness() < 128 for x in range(image.width())
               for y in range(image.height() // 3))       # the title is drawn
    thumbs.pageActivated.emit(10)
    assert window.pages.current_page() == 10
    window.actions.view_facing.setChecked(True)
    assert window.pages.page_rect(1).top() == window.pages.page_rect(2).top()
    assert window.pages.page_rect(1).left() < window.pages.page_rect(2).left()
    window.actions.view_fit_page.trigger()
    viewport = window.pages.viewport()
    assert window.pages.page_rect(3).height() <= viewport.height()
    window.actions.view_actual.trigger()
    assert window.pages.zoom_percent() == 100


def test_print_draws_every_page(qtbot, window, tmp_path):
    from PySide6.QtPrintSupport import QPrinter
    from pypdf import PdfReader
    from editor.ui.printing import print_pages
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    printer.setFromTo(3, 5)
    assert print_pages(printer, window.live.outcome, window.pp) == 3
    reader = PdfReader(tmp_path / "printed.pdf")
    assert len(reader.pages) == 3
    layout = window.live.outcome.layout
    files = {layout.fonts[line.font].path for line in layout.pages[2].lines}
    assert len(reader.pages[0]["/Resources"]["/Font"]) == len(files)   # embedded, not outlines
    assert "政府工作报告" in reader.pages[0].extract_text().replace(" ", "")


def test_lines_per_column_refits_the_document_and_undoes(qtbot, window):
    """每栏行数 in the 文件 panel: fewer lines a column → the document takes more pages; the
    value is saved with the document; undo gives the layout back."""
    import json
    ref = window.session.issue.sections[0].documents[0]           # the 报告: the layout's 37
    before = wait_layout(qtbot, window)
    first, second = before.layout.doc_pages[0], before.layout.doc_pages[1]
    window.doc.show_ref(ref)
    spin = window.doc.lines
    assert spin.value() == 0 and spin.text() == "按版式"
    spin.setValue(30)
    spin.editingFinished.emit()
    assert ref.lines_per_column == 30 and window.session.undo.count() == 1
    after = wait_layout(qtbot, window)
    assert after.layout.doc_pages[1] - after.layout.doc_pages[0] > second - first
    pitch = [p for p in after.pages if p.doc == 0 and p.kind == "body"][1]
    tops = sorted({round(line.y, 1) for line in pitch.lines if line.doc == 0})
    assert min(b - a for a, b in zip(tops, tops[1:])) > 1.15 * 19.0     # a looser pitch than 37 lines'
    assert window.files.save()
    saved = json.loads(window.session.path.read_text(encoding="utf-8"))
    assert saved["sections"][0]["documents"][0]["lines_per_column"] == 30
    window.session.undo.undo()
    assert ref.lines_per_column == 0 and spin.value() == 0
    assert wait_layout(qtbot, window).layout.doc_pages == before.layout.doc_pages
