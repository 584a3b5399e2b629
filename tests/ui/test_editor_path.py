"""An editor's whole path through the app: open the sample issue, drop a new .docx into a
栏目, move it to another, correct a heading level, undo and redo, watch the pages and the
目录 follow, export PDF and DOCX through the dialog and read the files back."""
import json
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QUrl

from editor.model import BlockKind

from ui_helpers import drop_on, make_notice, toc_number, toc_text, wait_layout

pytestmark = pytest.mark.gui
TITLE = "关于开展拖放导入测试工作的通知"


def section_names(window) -> list[list[str]]:
    return [[Path(r.source).name for r in s.documents] for s in window.session.issue.sections]


def heading_font(outcome, k: int, block: int) -> str:
    fonts = {line.font for p in outcome.pages for line in p.lines if (line.doc, line.block) == (k, block)}
    assert len(fonts) == 1, fonts
    return fonts.pop()


def test_editor_path(qtbot, window, issue_copy, tmp_path):
    before = wait_layout(qtbot, window)
    pages_before = len(before.pages)
    assert toc_number(toc_text(before), TITLE) is None

    # drop a new .docx from the "file manager" onto 【市政府文件】
    (tmp_path / "drop").mkdir()
    new = make_notice(tmp_path / "drop" / "new.docx", TITLE, "济政字〔2020〕99号")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(new))])
    drop_on(window.tree, window.tree.topLevelItem(1), mime)
    assert section_names(window)[1] == ["02-关于表扬2019年度创新发展突出贡献企业的通报.txt", "new.docx"]
    ref = window.session.issue.sections[1].documents[1]
    assert ref.source == "docs/new.docx"        # copied into the issue folder, listed relative to it
    added = wait_layout(qtbot, window)
    assert len(added.pages) > pages_before
    k = next(n for n, r in enumerate(added.refs) if r is ref)
    first = added.layout.doc_pages[k]
    assert toc_number(toc_text(added), TITLE) == added.pages[first].folio
    assert window.tree.topLevelItem(1).child(1).text(0) == TITLE

    # drag it (inside the tree) onto 【市政府部门文件】
    window.tree.setCurrentItem(window.tree.topLevelItem(1).child(1))
    drop_on(window.tree, window.tree.topLevelItem(3), QMimeData())
    assert [Path(r.source).name for r in window.session.issue.sections[3].documents][-1] == "new.docx"
    assert len(window.session.issue.sections[1].documents) == 1
    moved = wait_layout(qtbot, window)
    k = next(n for n, r in enumerate(moved.refs) if r is ref)
    assert k == len(moved.refs) - 1                 # now the last document of the issue
    text = toc_text(moved)
    assert text.find(TITLE) > text.find("【市政府部门文件】")
    assert toc_number(text, TITLE) == moved.pages[moved.layout.doc_pages[k]].folio

    # correct the level of 二、工作措施 from 1 to 2 in the block list
    window.tree.select_ref(ref)
    assert window.doc.ref is ref
    row = next(b for b, blk in enumerate(ref.document.blocks) if blk.text == "二、工作措施")
    assert ref.document.blocks[row].kind == BlockKind.HEADING and ref.document.blocks[row].level == 1
    font_level1 = heading_font(moved, k, row)
    model = window.doc.model
    assert model.setData(model.index(row, 2), 2)
    assert ref.document.blocks[row].level == 2
    assert [(c.block, c.level) for c in ref.corrections] == [(row, 2)]
    corrected = wait_layout(qtbot, window)
    assert heading_font(corrected, k, row) != font_level1

    # undo the level and the move; redo both
    undo = window.session.undo
    undo.undo()
    assert ref.document.blocks[row].level == 1 and ref.corrections == []
    undo.undo()
    assert section_names(window)[1][-1] == "new.docx"
    back = wait_layout(qtbot, window)
    assert toc_text(back).find(TITLE) < toc_text(back).find("【市政府办公厅文件】")
    undo.redo()
    undo.redo()
    assert section_names(window)[3][-1] == "new.docx"
    assert ref.document.blocks[row].level == 2
    final = wait_layout(qtbot, window)
    assert heading_font(final, k, row) == heading_font(corrected, k, row)
    assert len(final.pages) == len(corrected.pages)

    # save: the issue file holds the new document and the correction, the source is untouched
    assert window.files.save()
    saved = json.loads(issue_copy.read_text(encoding="utf-8"))
    entry = saved["sections"][3]["documents"][-1]
    assert entry == {"source": "docs/new.docx",
                     "corrections": [{"block": row, "original": "二、工作措施", "level": 2}]}
    assert not window.session.modified

    export_and_check(qtbot, window, final, tmp_path / "out", k)


def squeeze(text: str | None) -> str:
    return "".join((text or "").split())


def export_and_check(qtbot, window, outcome, out: Path, k: int) -> None:
    """Export PDF and DOCX through the dialog; check 目录 numbers and the new document."""
    import docx
    import pdfplumber
    out.mkdir()
    dialog = window.export()
    qtbot.addWidget(dialog)
    dialog.folder.setText(str(out))
    dialog.stem.setText("第10期")
    dialog.docx.setChecked(True)
    dialog.start_button.click()
    qtbot.waitUntil(lambda: not dialog.busy(), timeout=180_000)
    assert dialog.error == ""
    pdf, word = out / "第10期.pdf", out / "第10期.docx"
    assert dialog.outputs == [pdf, word]
    with pdfplumber.open(pdf) as doc:
        assert len(doc.pages) == len(outcome.pages)
        toc = "".join(squeeze(doc.pages[p.index].extract_text()) for p in outcome.pages
                      if p.kind == "toc")
        for n, ref in enumerate(outcome.refs):
            title = squeeze(ref.document.title)
            first = outcome.layout.doc_pages[n]
            assert toc_number(toc, title) == outcome.pages[first].folio, title
            assert title[-12:] in squeeze(doc.pages[first].extract_text()), (title, first)
        assert TITLE in (doc.pages[outcome.layout.doc_pages[k]].extract_text() or "")
    paragraphs = [p.text for p in docx.Document(str(word)).paragraphs]
    assert any(TITLE in text for text in paragraphs)
    assert not list(out.glob(".*.tmp"))            # no half-written leftovers
