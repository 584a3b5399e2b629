"""Real documents' layouts read as a person reads them: one test per pattern of
pattern_fixtures.py, plus the reading every pattern shares (title, 文号, 主送, 落款, date, the
kinds of the first blocks, a reason for each block, nothing lost)."""
from __future__ import annotations

import pytest

from editor.importers import import_path
from editor.importers.proofread import CHECK_CODES
from editor.issuefile import read_issue, write_issue
from editor.layout.toc import entry_texts
from editor.model import BlockKind as K, DocumentRef, Issue, Section, Severity
from editor.pipeline import as_listed
from importer_checks import assert_nothing_lost, assert_same_text
from pattern_fixtures import PATTERNS, build_patterns


@pytest.fixture(scope="module")
def patterns(tmp_path_factory):
    return build_patterns(tmp_path_factory.mktemp("patterns"))


def read(patterns, name):
    return import_path(patterns[name].path)


def kinds(doc, n=None):
    return [b.kind for b in doc.blocks[:n]]


def found(doc, code):
    return [d for d in doc.diagnostics if d.code == code]


@pytest.mark.parametrize("name", list(PATTERNS))
def test_each_pattern_is_read_as_a_person_reads_it(patterns, name):
    pattern = patterns[name]
    doc = import_path(pattern.path)
    want = pattern.expect
    assert (doc.title, doc.doc_number, doc.recipients) == (want.title, want.doc_number, want.recipients)
    assert (doc.signature, doc.date) == (want.signature, want.date)
    assert kinds(doc, len(want.kinds)) == want.kinds
    assert all(b.reason for b in doc.blocks)
    if pattern.path.suffix == ".docx":
        assert_same_text(pattern.text, doc.text)
    else:
        assert_nothing_lost(pattern.text, doc, markdown=pattern.path.suffix == ".md")


def test_letter_format_office_name_is_the_masthead_and_the_contact_a_note(patterns):
    doc = read(patterns, "letter")
    assert doc.blocks[0].kind == K.OMITTED and "信函格式" in doc.blocks[0].reason
    assert doc.kind == "函"
    contact = doc.blocks[-1]
    assert (contact.kind, contact.text) == (K.NOTE, "（联系人：王明，联系电话：0531-86012345）")
    assert K.ANNEX_TITLE not in kinds(doc)


def test_subtitle_leaves_organ_number_and_signer_their_own_blocks(patterns):
    doc = read(patterns, "report_subtitle")
    assert doc.subtitle == "——在全市法治政府建设推进会上的汇报"
    assert doc.author == "济南市司法局"
    signer = doc.blocks[4]
    assert (signer.kind, signer.text) == (K.OMITTED, "签发人：张建国") and "签发人" in signer.reason
    assert doc.doc_number == "济司呈〔2021〕3号"      # cut from the line it shared with the 签发人


def test_web_metadata_is_kept_out_of_print_and_the_notice_keeps_its_title(patterns):
    doc = read(patterns, "web_plan_notice")
    meta = [b for b in doc.blocks if b.kind == K.OMITTED]
    assert len(meta) == 7 and all("网页" in b.reason for b in meta)
    note, plan = doc.blocks[13], doc.blocks[14]
    assert (note.kind, note.text) == (K.NOTE, "（此件公开发布）")          # a 附注, not the plan's title
    assert (plan.kind, plan.text) == (K.ANNEX_TITLE, "“十四五”数字经济发展规划")
    assert doc.kind == "通知"
    head, last = entry_texts(doc)                       # the 目录 lists the notice, with its 文号
    assert (head, last) == (["国务院关于印发“十四五”数字经济发展规划的通知"], "（国发〔2021〕29号）")


def test_metadata_lines_above_a_title_do_not_hide_the_number_and_recipients(patterns):
    doc = read(patterns, "web_opinion")
    assert [b.text for b in doc.blocks[:2]] == ["发布日期：2021-03-05　　来源：国务院办公厅",
                                                "【字体：大 中 小】　打印本页　关闭窗口"]
    assert doc.blocks[-1].kind == K.NOTE


def test_red_header_masthead_in_text_boxes_is_not_the_title(patterns):
    doc = read(patterns, "red_header_boxes")
    masthead = doc.blocks[:2]
    assert [b.text for b in masthead] == ["济南市人民政府办公厅", "文件"]
    assert all(b.kind == K.OMITTED and "文本框" in b.reason for b in masthead)


def test_a_document_opening_with_an_annex_label_has_the_next_line_as_its_title(patterns):
    doc = read(patterns, "annex_first")
    assert doc.blocks[0].text == "附件4" and "文首" in doc.blocks[0].reason
    assert found(doc, "missing-title") == []


def test_a_form_keeps_its_title_its_merged_cells_and_its_photo(patterns):
    doc = read(patterns, "form_table")
    assert doc.blocks[0].text == "附件2"                 # the stacked label read as one word
    table = doc.blocks[3]
    assert table.rows == [["机构名称", "济南市历下区颐养中心", "", ""], ["基本情况", "床位数", "120张", ""],
                          ["", "入住人数", "96人", ""], ["申请金额", "28.8万元", "审核意见", "同意"]]
    assert table.spans == [(0, 1, 1, 3), (1, 0, 2, 1), (1, 3, 2, 1)]
    assert [(c.row, c.col, c.size) for c in table.cell_images] == [(1, 3, (150.0, 75.0))]
    assert K.IMAGE not in kinds(doc)                    # the photo is not moved out below the table


def test_a_title_run_into_the_first_paragraph_is_cut_after_its_kind(patterns):
    doc = read(patterns, "title_run_in")
    assert doc.blocks[1].text.startswith("为深刻吸取近期事故教训")
    assert "连排" in doc.blocks[0].reason
    assert doc.kind == "通知"


def test_marks_a_public_gazette_must_not_print_are_listed_with_their_reasons(patterns):
    doc = read(patterns, "classified")
    omitted = {b.text: b.reason for b in doc.blocks if b.kind == K.OMITTED}
    assert "份号" in omitted["000123"] and "密级" in omitted["秘密★1年"] and "紧急程度" in omitted["特急"]
    assert "发文机关标志" in omitted["济南市人民政府文件"]
    assert "印章" in omitted["〔此处加盖印章〕"]
    assert "抄送" in omitted["抄送：市委各部门，市人大常委会办公厅，市政协办公厅。"]
    assert "印发机关" in omitted["济南市人民政府办公厅　　　　2020年6月5日印发"]
    [secret] = found(doc, "classified-mark")
    assert secret.severity == Severity.ERROR and secret.block == 1 and "秘密★1年" in secret.message
    assert [b.text for b in doc.blocks if b.kind == K.NOTE] == ["（此件公开发布）"]


def test_labelled_copy_number_and_secrecy_and_a_seal_in_brackets(patterns):
    doc = read(patterns, "classified_labelled")
    assert [d.block for d in found(doc, "classified-mark")] == [1]
    assert doc.blocks[8].text == "（盖章）" and doc.blocks[8].kind == K.OMITTED


def test_a_date_line_and_the_speaker_under_a_title(patterns):
    doc = read(patterns, "speech_date_author")
    date, speaker = doc.blocks[1], doc.blocks[2]
    assert (date.text, speaker.text) == ("（2018年1月2日）", "孙述涛")
    assert "日期" in date.reason and "居中" in speaker.reason
    assert found(doc, "missing-date") == [] and found(doc, "missing-signature") == []


def test_markdown_comments_are_not_printed_but_listed(patterns):
    doc = read(patterns, "markdown_headings")
    assert "<!--" not in doc.text and "目标待核" not in doc.text and "旧文字" not in doc.text
    notes = found(doc, "markdown-comment")
    assert [d.severity for d in notes] == [Severity.INFO] * 3
    assert "目标待核" in notes[1].message and "此处删去一段旧文字" in notes[2].message


def numbered_headings(doc):
    return [(b.level, b.text) for b in doc.blocks if b.kind == K.HEADING]


def test_unnumbered_markdown_headings_get_the_numbers_of_their_level(patterns):
    received = read(patterns, "markdown_headings")
    assert numbered_headings(received)[0] == (1, "总体要求")
    doc = as_listed(received, DocumentRef("markdown_headings.md"))
    assert numbered_headings(doc) == [(1, "一、总体要求"), (2, "（一）指导思想"), (2, "（二）工作目标"),
                                      (1, "二、重点任务"), (2, "（一）推进政务服务“一网通办”"),
                                      (3, "1. 统一身份认证"), (1, "三、保障措施")]
    assert "加编号“一、”" in doc.blocks[2].reason


def test_heading_numbers_can_be_turned_off_and_are_kept_in_the_issue_file(patterns, tmp_path):
    ref = DocumentRef("markdown_headings.md", heading_numbers=False)
    doc = as_listed(read(patterns, "markdown_headings"), ref)
    assert numbered_headings(doc)[:2] == [(1, "总体要求"), (2, "指导思想")]
    path = tmp_path / "issue.json"
    write_issue(Issue(sections=[Section("文件", [ref, DocumentRef("b.md")])]), path)
    again = [r.heading_numbers for r in read_issue(path).sections[0].documents]
    assert again == [False, True]
    assert '"heading_numbers": false' in path.read_text(encoding="utf-8")
    assert path.read_text(encoding="utf-8").count("heading_numbers") == 1     # written only when off


def test_a_heading_the_editor_numbered_by_hand_keeps_its_number_and_is_counted(patterns):
    from editor.model import Correction
    received = read(patterns, "markdown_headings")
    fixed = Correction(received.blocks.index(next(b for b in received.blocks if b.text == "工作目标")),
                       text="（二）奋斗目标")
    doc = as_listed(received, DocumentRef("m.md", corrections=[fixed]))
    assert numbered_headings(doc)[1:4] == [(2, "（一）指导思想"), (2, "（二）奋斗目标"), (1, "二、重点任务")]


def test_numbered_markdown_headings_are_left_as_written():
    from editor.importers.markdown import parse_markdown
    from editor.importers.recognize import recognize
    doc = recognize(parse_markdown("# 关于某事的意见\n\n## 一、总体要求\n\n正文。\n\n## 重点任务\n"))
    assert doc.unnumbered_headings == []


def test_clauses_of_an_article_are_list_items_of_their_article(patterns):
    doc = read(patterns, "article_clauses")
    assert [b.text for b in doc.blocks if b.kind == K.LIST_ITEM][0] == "（一）机构职能"


def test_an_unfilled_template_is_an_error_for_each_placeholder(patterns):
    doc = read(patterns, "template")
    placeholders = found(doc, "placeholder")
    assert {d.block for d in placeholders} == {0, 1, 3, 4, 5}
    assert all(d.severity == Severity.ERROR for d in placeholders)
    assert "[此处输入正文]" in next(d.message for d in placeholders if d.block == 3)


def test_a_document_without_a_title_is_an_error_not_a_silent_untitled_entry():
    from editor.importers.markdown import parse_markdown
    from editor.importers.recognize import recognize
    doc = recognize(parse_markdown("为加强管理，现通知如下。\n\n一、各单位要高度重视。\n"))
    [missing] = found(doc, "missing-title")
    assert missing.severity == Severity.ERROR and "（无标题）" in missing.message
    assert {"missing-title", "classified-mark", "placeholder"} <= CHECK_CODES    # checked again after edits


def test_a_text_box_shown_above_its_paragraph_comes_before_it(tmp_path):
    from make_fixtures import docx_parts, write_zip
    from wml_pieces import cat, para, run, textbox_label
    body = cat(para(run("济南市养老服务机构运营补贴申请表"), textbox_label("附件3", above=True)),
               para(run("填表说明：本表一式三份。")))
    doc = import_path(write_zip(tmp_path / "above.docx", docx_parts(body.xml)))
    assert [b.text for b in doc.blocks[:2]] == ["附件3", "济南市养老服务机构运营补贴申请表"]
    assert (doc.blocks[0].kind, doc.title) == (K.ANNEX_LABEL, "济南市养老服务机构运营补贴申请表")
