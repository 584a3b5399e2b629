"""What a Word user reaches for: 查找/替换 over the issue (undoable corrections), 跳到页,
moving a document from the keyboard and the tree's menu, Ctrl+Z inside a metadata field,
whole titles in the tree, and the view staying put after a correction."""
import pytest
from PySide6.QtCore import Qt

from editor.model import BlockKind

from ui_helpers import body_line, click_line, wait_layout

pytestmark = pytest.mark.gui
ALT_SHIFT = Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier


def open_finder(qtbot, window, needle: str, replace: str | None = None):
    window.actions.edit_replace.trigger() if replace is not None else window.actions.edit_find.trigger()
    finder = window.finder
    assert finder.isVisible()
    finder.find_text.setText(needle)
    if replace is not None:
        finder.replace_text.setText(replace)
    finder.find_button.click()
    return finder


def printed_text(outcome, page: int, k: int, block: int) -> str:
    return "".join(ln.text for ln in outcome.pages[page].lines if ln.doc == k and ln.block == block)


def test_find_lists_each_match_with_its_document_and_page_and_shows_it(qtbot, window):
    outcome = window.live.outcome
    k = 0
    ref = outcome.refs[k]
    block = next(b for b, blk in enumerate(ref.document.blocks)
                 if blk.kind == BlockKind.PARAGRAPH and len(blk.text) > 600)
    text = ref.document.blocks[block].text
    needle = text[500:508]                      # well inside a long paragraph
    finder = open_finder(qtbot, window, needle)
    rows = [n for n, m in enumerate(finder.matches) if m.ref is ref and m.block == block]
    assert rows and finder.status.text().startswith(f"找到 {len(finder.matches)} 处")
    row = rows[0]
    assert finder.results.item(row, 0).text() == ref.document.title
    assert finder.results.item(row, 1).text() == str(block + 1)
    page = finder.placed.page(ref, block, finder.matches[row].start)
    assert needle in printed_text(outcome, page, k, block)           # the page it is printed on
    assert finder.results.item(row, 2).text() == str(outcome.pages[page].folio)
    finder.results.setCurrentCell(row, 0)
    assert window.doc.ref is ref and window.doc.current_block() == block
    assert window.tree.current_key() == ("doc", ref)
    assert window.pages.highlight == (k, block)
    assert window.pages.current_page() == page


def test_replace_all_is_stored_as_corrections_and_undone_in_one_step(qtbot, window):
    session = window.session
    before = {(id(ref), b): blk.text for _s, ref in session.issue.refs()
              for b, blk in enumerate(ref.document.blocks) if blk.kind != BlockKind.TABLE}
    finder = open_finder(qtbot, window, "济南市", replace="泉城")
    found = len(finder.matches)
    blocks = {(id(m.ref), m.block) for m in finder.matches if m.replaceable}
    assert found > 20 and len({id(m.ref) for m in finder.matches}) > 3
    steps = session.undo.count()
    finder.replace_all_button.click()
    assert session.undo.count() == steps + 1                          # one step for all of them
    assert "已替换" in finder.status.text()
    for _s, ref in session.issue.refs():
        for b, blk in enumerate(ref.document.blocks):
            if (id(ref), b) in blocks:
                assert blk.text == before[(id(ref), b)].replace("济南市", "泉城")
                assert any(c.block == b and c.text == blk.text for c in ref.corrections)
                assert "济南市" in session.raw_document(ref).blocks[b].text   # the source as received
    assert not [m for m in finder.matches if m.replaceable]           # the list was searched again
    stored = session.to_dict()["sections"]
    assert any("泉城" in c.get("text", "") for s in stored for d in s["documents"]
               for c in d.get("corrections", []))
    session.undo.undo()
    assert all(blk.text == before[(id(ref), b)] for _s, ref in session.issue.refs()
               for b, blk in enumerate(ref.document.blocks) if (id(ref), b) in before)
    assert all(not ref.corrections for _s, ref in session.issue.refs())
    assert len(finder.matches) == found
    session.undo.redo()
    printed = "".join(ln.text for p in wait_layout(qtbot, window).pages if p.kind == "body"
                      for ln in p.lines)
    assert printed.count("泉城") >= len(blocks)


def test_replace_changes_only_the_selected_match(qtbot, window):
    finder = open_finder(qtbot, window, "养老服务", replace="养老事业")
    first, second = finder.matches[0], finder.matches[1]
    finder.results.setCurrentCell(1, 0)
    finder.replace_button.click()
    blocks = second.ref.document.blocks
    text = second.text[:second.start] + "养老事业" + second.text[second.end:]
    assert blocks[second.block].text == text
    if (id(first.ref), first.block) != (id(second.ref), second.block):
        assert first.ref.document.blocks[first.block].text == first.text
    third = finder.matches[1]                          # the list moved on to the next match
    assert finder.results.currentRow() == 1 and finder.status.text().startswith("已替换 1 处")
    assert (id(third.ref), third.block, third.start) != (id(second.ref), second.block, second.start)
    assert window.doc.ref is third.ref and window.doc.current_block() == third.block
    window.session.undo.undo()
    assert second.ref.document.blocks[second.block].text == second.text


def test_go_to_page_by_printed_number_or_by_count(qtbot, window):
    pages = window.live.outcome.pages
    target = next(p for p in pages[8:] if p.folio)
    dialog = window.go_to_page()
    qtbot.addWidget(dialog)
    dialog.counting.setCurrentIndex(0)
    dialog.number.setValue(target.folio)
    assert f"页码 {target.folio}" in dialog.answer.text()
    dialog.accept()
    assert window.pages.current_page() == target.index
    dialog = window.go_to_page()
    qtbot.addWidget(dialog)
    assert dialog.number.value() == target.folio          # it opens on the page shown
    dialog.counting.setCurrentIndex(1)
    dialog.number.setValue(2)
    dialog.accept()
    assert window.pages.current_page() == 1
    dialog = window.go_to_page()
    qtbot.addWidget(dialog)
    dialog.counting.setCurrentIndex(0)
    dialog.number.setValue(max(p.folio or 0 for p in pages) + 1)
    assert dialog.page() is None and "没有这一页" in dialog.answer.text()
    assert window.actions.view_go_to_page.shortcut().toString() == "Ctrl+G"


def test_move_a_document_with_the_keyboard_and_the_trees_menu(qtbot, window):
    sections = window.session.issue.sections
    tree = window.tree
    ref = sections[2].documents[0]
    tree.select_ref(ref)
    tree.setFocus()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)
    qtbot.keyClick(tree, Qt.Key.Key_Down, ALT_SHIFT)
    assert window.session.locate(ref) == (2, 1) and tree.current_key() == ("doc", ref)
    qtbot.keyClick(tree, Qt.Key.Key_Up, ALT_SHIFT)
    qtbot.keyClick(tree, Qt.Key.Key_Up, ALT_SHIFT)            # past the top: into 市政府文件
    assert window.session.locate(ref) == (1, 1)
    menu = window.tree_menu
    assert window.move_menu.menuAction() in menu.actions()
    assert {window.actions.edit_move_up, window.actions.edit_move_down} <= set(menu.actions())
    window.fill_move_menu()
    entries = window.move_menu.actions()
    assert [a.text() for a in entries] == [f"【{s.name}】" for s in sections]
    assert not entries[1].isEnabled()                         # where it is now
    entries[3].trigger()
    assert window.session.locate(ref) == (3, 1) and tree.current_key() == ("doc", ref)
    for _ in range(4):
        window.session.undo.undo()
    assert window.session.locate(ref) == (2, 0)


def test_ctrl_z_in_a_metadata_field_undoes_the_issues_last_edits(qtbot, window):
    ref = window.session.issue.sections[0].documents[0]
    window.editing.correct(ref, 5, {"level": 2})
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)
    window.right.setCurrentWidget(window.meta)
    field = window.meta.editors["phone"]
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, "0531-1")
    assert window.session.issue.phone == "0531-1"
    qtbot.keyClick(field, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.session.issue.phone == "0531-66607646" and field.text() == "0531-66607646"
    qtbot.keyClick(field, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert ref.corrections == []                              # the edit before the typing
    qtbot.keyClick(field, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert [c.level for c in ref.corrections] == [2]
    number = window.meta.editors["number"]
    number.setFocus()
    qtbot.keyClicks(number, "2")
    assert window.session.issue.number != 10
    qtbot.keyClick(number, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.session.issue.number == 10 and number.value() == 10


def test_the_tree_shows_whole_titles_and_their_numbers(qtbot, window):
    tree = window.tree
    window.main.setSizes([200, 800, 360])
    qtbot.waitUntil(lambda: tree.width() < 230, timeout=5000)
    one_line = tree.fontMetrics().height()
    for si, section in enumerate(window.session.issue.sections):
        for di, ref in enumerate(section.documents):
            item = tree.topLevelItem(si).child(di)
            title = ref.document.title
            assert item.text(0) == title
            tip = item.toolTip(0)
            assert title in tip and f"文号：{ref.document.doc_number or '（无）'}" in tip
            wanted = tree.fontMetrics().horizontalAdvance(title)
            rect = tree.visualItemRect(item)
            if wanted > rect.width():                          # wrapped: taller, nothing cut
                lines = -(-wanted // rect.width())
                assert rect.height() >= one_line * lines


def test_the_view_stays_where_it_was_after_a_correction(qtbot, window):
    open_finder(qtbot, window, "养老")           # a search open in 查找 follows the edit quietly
    outcome = window.live.outcome
    k = 2
    page_index, line = body_line(outcome, k)
    pages = window.pages
    pages.go_to_page(page_index)
    pages.verticalScrollBar().setValue(pages.verticalScrollBar().value() + 333)
    click_line(qtbot, pages, page_index, line)
    assert window.doc.current_block() == line.block
    where = pages.verticalScrollBar().value()
    text = window.doc.text.toPlainText()
    window.doc.text.setPlainText(text.replace("，", "、", 1))
    window.doc.apply.click()
    after = wait_layout(qtbot, window)
    assert after is not outcome and len(after.pages) == len(outcome.pages)
    assert pages.verticalScrollBar().value() == where
    assert window.doc.current_block() == line.block
