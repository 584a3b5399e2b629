"""Corrections in the app: made in the block list they are stored as `main.py correct` stores
them, follow their paragraph when the source is revised (文件 → 重新载入), and when the
paragraph is gone are listed stale — in 校对 and above the blocks with the original and
corrected text — to be re-applied or dropped. 校对 refreshes after each edit and agrees
with `main.py proof`."""
import json
import shutil

import pytest

from editor.corrections import STALE
from editor.issuefile import write_issue
from editor.model import Correction, DocumentRef, Issue, Section, Severity

from revised_notice import BODY, FIXED, INSERTED, notice
from testpaths import run_main
from ui_helpers import close_window, open_window, wait_layout

pytestmark = pytest.mark.gui


@pytest.fixture
def small(qtbot, tmp_path, config_dir):
    """A window with an issue of one 通知 (a .txt) open; out: (window, issue.json, source)."""
    source = tmp_path / "issue" / "a.txt"
    source.parent.mkdir()
    source.write_text(notice(BODY), encoding="utf-8")
    path = source.parent / "issue.json"
    write_issue(Issue(year=2020, number=1, total_number=1,
                      sections=[Section("市政府文件", [DocumentRef("a.txt")])]), path)
    w = open_window(qtbot, config_dir, path)
    yield w, path, source
    close_window(w)


def printed_blocks(outcome) -> dict[int, str]:
    """block → the characters the pages show for it (the issue's first document)."""
    texts: dict[int, str] = {}
    for page in outcome.pages:
        for line in page.lines:
            if line.doc == 0 and line.block is not None:
                texts[line.block] = texts.get(line.block, "") + "".join(line.text.split())
    return texts


def problems(window, code: str) -> list:
    return [d for d in window.proof.shown() if d.code == code]


def test_a_correction_follows_its_paragraph_or_is_listed_stale(qtbot, small, tmp_path):
    window, path, source = small
    cli_copy = tmp_path / "cli"
    shutil.copytree(path.parent, cli_copy)
    ref = window.session.issue.sections[0].documents[0]
    assert [d.block for d in problems(window, "halfwidth-punctuation")] == [2]

    # correct paragraph 3 (序号 3) in the block list
    window.tree.select_ref(ref)
    window.doc.table.setCurrentIndex(window.doc.model.index(2, 0))
    window.doc.text.setPlainText(FIXED)
    window.doc.apply.click()
    assert ref.corrections == [Correction(2, text=FIXED, original=BODY[0])]
    outcome = wait_layout(qtbot, window)
    assert printed_blocks(outcome)[2] == FIXED
    assert problems(window, "halfwidth-punctuation") == []             # 校对 sees what prints
    assert window.files.save()
    r = run_main("correct", cli_copy / "issue.json", 1, 3, "--text", FIXED)
    assert r.returncode == 0, r.stderr
    saved, by_cli = (json.loads(p.read_text(encoding="utf-8")) for p in (path, cli_copy / "issue.json"))
    assert saved == by_cli                                             # one store for both

    # the source gains a paragraph above: the correction follows, nothing else changes
    source.write_text(notice([INSERTED] + BODY), encoding="utf-8")
    window.actions.file_reload.trigger()
    moved = printed_blocks(wait_layout(qtbot, window))
    raw = window.session.raw_document(ref)
    assert moved == {b: "".join(blk.text.split()) for b, blk in enumerate(raw.blocks)} | {3: FIXED}
    assert [(c.block, c.stale) for c in ref.corrections] == [(3, False)]
    assert not window.doc.stale.isVisibleTo(window.doc)
    assert window.doc.table.verticalHeader().count() == len(raw.blocks)   # the list shows the new source

    # the paragraph is gone: applied nowhere, an error in 校对, listed with both texts
    source.write_text(notice([INSERTED] + BODY[1:]), encoding="utf-8")
    window.actions.file_reload.trigger()
    gone = wait_layout(qtbot, window)
    assert FIXED not in "".join(printed_blocks(gone).values())
    raw = window.session.raw_document(ref)
    assert [b.text for b in ref.document.blocks] == [b.text for b in raw.blocks]
    [error] = problems(window, "stale-correction")
    assert error.severity == Severity.ERROR and STALE in error.message
    window.proof.diagnosticActivated.emit(error)
    assert window.doc.ref is ref and window.doc.stale.isVisibleTo(window.doc)
    listed = window.doc.stale.list.item(0).text()
    assert BODY[0] in listed and FIXED in listed

    # re-apply it to the selected paragraph (undoable), or drop it
    window.doc.table.setCurrentIndex(window.doc.model.index(3, 0))
    window.doc.stale.reapply.click()
    assert ref.document.blocks[3].text == FIXED and ref.corrections == [
        Correction(3, text=FIXED, original=BODY[1])]
    wait_layout(qtbot, window)
    assert problems(window, "stale-correction") == []
    window.session.undo.undo()
    assert ref.corrections[0].stale and window.doc.stale.list.count() == 1
    window.doc.stale.drop.click()
    assert ref.corrections == [] and not window.doc.stale.isVisibleTo(window.doc)
    wait_layout(qtbot, window)
    assert problems(window, "stale-correction") == []


def comparable(diags) -> list[tuple]:
    return [(d["severity"], d["code"], d["message"], d["document"], d["block"], d["page"])
            for d in diags]


def test_proof_panel_refreshes_after_an_edit_and_agrees_with_the_cli(qtbot, window, issue_copy):
    found = problems(window, "halfwidth-punctuation")
    assert found
    target = found[0]
    ref = window.live.outcome.refs[target.document]
    block = ref.document.blocks[target.block].text
    fixed = block.translate(str.maketrans(",;:?!()", "，；：？！（）"))
    assert fixed != block
    window.select(ref, target.block)
    window.doc.text.setPlainText(fixed)
    window.doc.apply.click()
    wait_layout(qtbot, window)
    assert not [d for d in problems(window, "halfwidth-punctuation")
                if (d.document, d.block) == (target.document, target.block)]
    assert len(problems(window, "halfwidth-punctuation")) == len(found) - 1
    assert window.proof.table.rowCount() == len(window.proof.shown())
    assert window.files.save()
    r = run_main("proof", issue_copy, "--json")
    assert r.returncode in (0, 1), r.stderr
    panel = [d.to_dict() for d in window.live.outcome.diagnostics]
    assert comparable(json.loads(r.stdout)) == comparable(panel)


def test_a_format_1_issue_opens_in_the_app_and_saves_its_corrections_anchored(qtbot, tmp_path, config_dir):
    folder = tmp_path / "v1"
    folder.mkdir()
    (folder / "a.txt").write_text(notice(BODY), encoding="utf-8")
    path = folder / "issue.json"
    path.write_text(json.dumps({                       # as format 1 was written
        "format": "gazette-issue", "version": 1, "issue": {"year": 2020, "number": 1, "total_number": 1},
        "sections": [{"name": "市政府文件", "documents": [
            {"source": "a.txt", "corrections": [{"block": 2, "text": FIXED}]}]}]},
        ensure_ascii=False), encoding="utf-8")
    window = open_window(qtbot, config_dir, path)
    try:
        assert printed_blocks(window.live.current())[2] == FIXED
        window.editing.set_meta("phone", "0531-1")
        assert window.files.save()
        data = json.loads(path.read_text(encoding="utf-8"))
        assert data["version"] == 2
        assert data["sections"][0]["documents"][0]["corrections"] == [
            {"block": 2, "original": BODY[0], "text": FIXED}]
    finally:
        close_window(window)
