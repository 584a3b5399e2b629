"""Corrections follow their paragraph when the source is revised, or are reported stale and
applied nowhere; 校对 checks the corrected text. Pure units first, then the headless path:
`main.py correct`, a revised source, `build` and `proof` as an editor's script runs them."""
import json

import pytest

from testpaths import run_main
from editor.corrections import STALE, anchor, dropped, reapply, set_correction, stale
from editor.importers.proofread import CHECK_CODES, check_document
from editor.issuefile import read_issue, write_issue
from editor.model import Block, BlockKind, Correction, Document, DocumentRef, Issue, Section
from editor.pipeline import as_listed, load_issue
from revised_notice import BODY, FIXED, INSERTED, TITLE, notice


def paras(*texts: str) -> list[Block]:
    return [Block.of(BlockKind.PARAGRAPH, t) for t in texts]


# -- anchoring ------------------------------------------------------------------------------
def test_a_correction_follows_its_paragraph_when_one_is_inserted_above():
    fixes = [Correction(1, text="乙改", original="乙"), Correction(2, level=2, original="丙")]
    anchor(paras("新", "甲", "乙", "丙"), fixes)
    assert [(c.block, c.stale) for c in fixes] == [(2, False), (3, False)]


def test_a_correction_whose_paragraph_is_gone_is_stale_and_keeps_its_hint():
    fixes = [Correction(1, text="乙改", original="乙"), Correction(2, text="丙改", original="丙")]
    anchor(paras("甲", "丙"), fixes)
    assert [(c.block, c.stale) for c in fixes] == [(1, True), (1, False)]


def test_two_corrections_of_equal_paragraphs_keep_to_one_each():
    fixes = [Correction(1, text="一", original="同"), Correction(3, text="二", original="同")]
    anchor(paras("甲", "新", "同", "乙", "同"), fixes)
    assert [(c.block, c.stale) for c in fixes] == [(2, False), (4, False)]
    fixes = [Correction(1, text="一", original="同"), Correction(3, text="二", original="同")]
    anchor(paras("甲", "同", "乙"), fixes)          # one of the two is gone
    assert sorted(c.stale for c in fixes) == [False, True]


def test_a_format_1_correction_is_anchored_where_it_points_when_first_read():
    fixes = [Correction(1, text="乙改"), Correction(7, text="越界")]
    anchor(paras("甲", "乙"), fixes)
    assert (fixes[0].original, fixes[0].stale) == ("乙", False)
    assert (fixes[1].original, fixes[1].stale) == (None, True)
    anchor(paras("新", "甲", "乙"), fixes)          # from now on it follows its text
    assert (fixes[0].block, fixes[0].stale) == (2, False)


# -- setting, re-applying, dropping ----------------------------------------------------------
def test_one_correction_per_block_and_none_that_repeats_the_original():
    original = Block.of(BlockKind.HEADING, "二、工作措施", level=1)
    fixes = set_correction([], 4, {"level": 2}, original)
    assert fixes == [Correction(4, level=2, original="二、工作措施")]
    fixes = set_correction(fixes, 4, {"text": "二、主要措施"}, original)
    assert fixes == [Correction(4, level=2, text="二、主要措施", original="二、工作措施")]
    title = Correction(1, kind="title", original="通知")
    fixes = set_correction(fixes + [title], 4, {"level": 1}, original)
    assert fixes == [title, Correction(4, text="二、主要措施", original="二、工作措施")]
    assert set_correction(fixes, 4, {"text": None}, original) == [title]
    assert set_correction([], 4, {"kind": "heading"}, original) == []


def test_a_stale_correction_is_kept_beside_a_new_one_on_its_old_place_then_reapplied_or_dropped():
    gone = Correction(2, text="旧改", original="旧", stale=True)
    fixes = set_correction([gone], 2, {"text": "新改"}, Block.of(BlockKind.PARAGRAPH, "新"))
    assert [(c.text, c.stale) for c in fixes] == [("旧改", True), ("新改", False)]
    index = stale(fixes)[0][0]
    moved = reapply(fixes, index, 5, Block.of(BlockKind.PARAGRAPH, "别处"))
    assert moved == [Correction(2, text="新改", original="新"), Correction(5, text="旧改", original="别处")]
    assert dropped(fixes, index) == [Correction(2, text="新改", original="新")]


# -- applying, and the checks on what will print -------------------------------------------------
def received(body=BODY) -> Document:
    from editor.importers.recognize import recognize
    return recognize(paras(TITLE, "各区县人民政府，市政府各部门（单位）：", *body, "济南市人民政府", "2020年5月9日"))


def test_the_checks_run_on_the_corrected_text():
    doc = received()
    assert [(d.code, d.block) for d in doc.diagnostics] == [("halfwidth-punctuation", 2)]
    fixed = as_listed(received(), DocumentRef("a.txt", corrections=[Correction(2, text=FIXED)]))
    assert fixed.diagnostics == []
    broken = as_listed(received(), DocumentRef("a.txt", corrections=[
        Correction(3, text="各单位要认真核对（报送的文件。"), Correction(6, kind="omitted")]))
    assert {(d.code, d.block) for d in broken.diagnostics} == {
        ("halfwidth-punctuation", 2), ("unpaired-brackets", 3), ("missing-date", 0)}


def test_the_checks_see_the_editors_wenzhong():
    doc = Document(blocks=[Block.of(BlockKind.TITLE, "济南市城市管理工作要点"),
                           Block.of(BlockKind.PARAGRAPH, "全年工作安排如下。")])
    assert check_document(doc) == []
    listed = as_listed(doc, DocumentRef("a.txt", kind="通知"))      # a 通知 wants 落款 and 日期
    assert {d.code for d in listed.diagnostics} == {"missing-date", "missing-signature"}


def test_a_block_that_does_not_print_is_not_checked():
    doc = as_listed(received(), DocumentRef("a.txt", corrections=[Correction(2, kind="omitted")]))
    assert doc.diagnostics == []


def test_a_stale_correction_is_applied_nowhere_and_is_an_error():
    doc = received(BODY[1:])
    before = [b.text for b in doc.blocks]
    ref = DocumentRef("a.txt", corrections=[Correction(2, text=FIXED, original=BODY[0])])
    as_listed(doc, ref)
    assert [b.text for b in doc.blocks] == before
    errors = [d for d in doc.diagnostics if d.severity.value == "error"]
    assert len(errors) == 1 and errors[0].code == "stale-correction"
    assert STALE in errors[0].message and BODY[0][:10] in errors[0].message and FIXED[:10] in errors[0].message


def test_every_code_the_checks_emit_is_one_that_is_checked_again():
    doc = Document(blocks=[Block.of(BlockKind.OMITTED, "秘密★1年"), Block.of(BlockKind.DOC_NUMBER, "济政字[2020]1号"),
                           Block.of(BlockKind.PARAGRAPH, "一个（括号与“引号,还有 空格"),
                           Block.of(BlockKind.PARAGRAPH, "［此处输入正文］")], kind="通知")
    codes = {d.code for d in check_document(doc)}
    assert codes == CHECK_CODES


# -- the issue file ------------------------------------------------------------------------------
def test_a_format_1_issue_opens_and_its_corrections_are_anchored_on_first_read(tmp_path):
    (tmp_path / "a.txt").write_text(notice(BODY), encoding="utf-8")
    (tmp_path / "issue.json").write_text(json.dumps({    # as format 1 was written
        "format": "gazette-issue", "version": 1, "issue": {"year": 2020, "number": 1},
        "sections": [{"name": "市政府文件", "documents": [
            {"source": "a.txt", "corrections": [{"block": 2, "text": FIXED}]}]}]},
        ensure_ascii=False), encoding="utf-8")
    issue = load_issue(tmp_path / "issue.json")
    ref = issue.sections[0].documents[0]
    assert ref.document.blocks[2].text == FIXED
    assert ref.corrections == [Correction(2, text=FIXED, original=BODY[0])]
    write_issue(issue, tmp_path / "issue.json")
    data = json.loads((tmp_path / "issue.json").read_text(encoding="utf-8"))
    assert data["version"] == 2
    assert data["sections"][0]["documents"][0]["corrections"] == [
        {"block": 2, "original": BODY[0], "text": FIXED}]


@pytest.mark.parametrize("entry, words", [
    ({"block": "2", "text": "x"}, "有误"),
    ({"block": 2, "kind": "banner"}, "banner"),
    ({"block": 2, "colour": "red"}, "colour"),
])
def test_a_broken_correction_entry_is_refused_in_chinese(tmp_path, entry, words):
    path = tmp_path / "issue.json"
    path.write_text(json.dumps({"format": "gazette-issue", "version": 2, "issue": {}, "sections": [
        {"name": "栏目", "documents": [{"source": "a.txt", "corrections": [entry]}]}]}), encoding="utf-8")
    from editor.issuefile import IssueFileError
    with pytest.raises(IssueFileError) as e:
        read_issue(path)
    assert "期刊文件内容不完整或有误" in str(e.value) and words in str(e.value)


# -- the headless path ----------------------------------------------------------------------
def printed(issue, pdf) -> str:
    """Build the issue with the CLI; out: every character the PDF prints, spaces dropped."""
    import pdfplumber
    from editor.issuefile import read_issue
    from editor.layout.spec import load_spec
    from pdfreading import page_text
    r = run_main("build", issue, "--pdf", pdf)
    assert r.returncode == 0, r.stderr
    spec = load_spec(read_issue(issue).layout)
    with pdfplumber.open(pdf) as doc:
        return "".join("".join(page_text(page).split()) for page in doc.pages)


@pytest.fixture
def small_issue(tmp_path):
    """An issue of one 通知 (a .txt), made with the CLI; out: (issue.json, its source)."""
    source = tmp_path / "a.txt"
    source.write_text(notice(BODY), encoding="utf-8")
    issue = tmp_path / "issue.json"
    assert run_main("new", issue, "--year", 2020, "--number", 1, "--total", 1, "--date", "2020-01-05").returncode == 0
    assert run_main("add", issue, source, "--section", "市政府文件").returncode == 0
    return issue, source


def test_correct_insert_above_then_delete_headless(small_issue, tmp_path):
    issue, source = small_issue
    as_received = printed(issue, tmp_path / "0.pdf")

    r = run_main("correct", issue, 1, 3, "--text", FIXED)
    assert r.returncode == 0, r.stderr
    entry = read_issue(issue).sections[0].documents[0].corrections
    assert entry == [Correction(2, text=FIXED, original=BODY[0])]
    corrected = printed(issue, tmp_path / "1.pdf")
    assert corrected == as_received.replace(BODY[0], FIXED)
    assert FIXED in corrected and BODY[0] not in corrected
    proof = json.loads(run_main("proof", issue, "--json").stdout)
    assert "halfwidth-punctuation" not in {p["code"] for p in proof}   # 校对 sees what prints

    # the submitter sends a revised file: one paragraph inserted above the corrected one
    source.write_text(notice([INSERTED] + BODY), encoding="utf-8")
    moved = printed(issue, tmp_path / "2.pdf")
    assert moved == corrected.replace(FIXED, INSERTED + FIXED)          # nothing else changes
    assert load_issue(issue).sections[0].documents[0].corrections == [
        Correction(3, text=FIXED, original=BODY[0])]
    assert run_main("proof", issue).returncode == 0

    # ... and then one without the corrected paragraph
    source.write_text(notice([INSERTED] + BODY[1:]), encoding="utf-8")
    gone = printed(issue, tmp_path / "3.pdf")
    assert FIXED not in gone and BODY[0] not in gone                     # applied nowhere
    assert gone == moved.replace(FIXED, "")
    r = run_main("proof", issue)
    assert r.returncode == 1
    line = next(ln for ln in r.stdout.splitlines() if STALE in ln)
    assert line.startswith("错误：第1篇") and BODY[0][:10] in line and FIXED[:10] in line
    assert read_issue(issue).sections[0].documents[0].corrections[0].text == FIXED   # kept for the editor


def test_correct_kind_and_level_by_their_chinese_names_and_clear_refusals(small_issue):
    issue, _source = small_issue
    r = run_main("correct", issue, 1, 4, "--kind", "层次标题", "--level", 2)
    assert r.returncode == 0, r.stderr
    doc = load_issue(issue).sections[0].documents[0].document
    assert (doc.blocks[3].kind, doc.blocks[3].level, doc.blocks[3].reason) == (BlockKind.HEADING, 2, "编辑修改")
    before = issue.read_bytes()
    for args, words in [((2, 1, "--text", "x"), "没有第 2 篇"), ((1, 99, "--text", "x"), "没有第 99 段"),
                        ((1, 3, "--kind", "横幅"), "横幅"), ((1, 3), "--text")]:
        r = run_main("correct", issue, *args)
        assert r.returncode == 2 and words in r.stderr and "Traceback" not in r.stderr, (args, r.stderr)
    assert issue.read_bytes() == before


def test_a_newer_issue_file_is_refused_in_chinese(tmp_path):
    path = tmp_path / "issue.json"
    path.write_text(json.dumps({"format": "gazette-issue", "version": 3, "issue": {}, "sections": []}),
                    encoding="utf-8")
    r = run_main("correct", path, 1, 1, "--text", "x")
    assert r.returncode == 2 and "较新版本" in r.stderr and str(path) in r.stderr


def test_issue_written_after_a_correction_round_trips(tmp_path):
    issue = Issue(year=2020, sections=[Section("栏目", [DocumentRef("a.txt", corrections=[
        Correction(2, text=FIXED, original=BODY[0]), Correction(4, kind="heading", level=1, original="x")])])])
    write_issue(issue, tmp_path / "issue.json")
    assert read_issue(tmp_path / "issue.json") == issue
