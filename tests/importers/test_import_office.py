"""The documents offices really send (office_fixtures): each readable one imports with exactly
the text Word shows (changes accepted), each bad one is refused with its own message, and the
review marks, notes, text boxes, fields, numbering and producer quirks are handled as stated."""
from __future__ import annotations

import pytest

from editor.importers import import_path
from editor.model import BlockKind, Severity
from importer_checks import assert_same_text, refusal
from office_fixtures import CASES, IMAGE_C, ONE_PARAGRAPH, REFUSED_CASES
from office_texts import TEXT_CASES

K = BlockKind
READABLE = [name for name in CASES if name not in REFUSED_CASES]
VARIANTS = ["strict", "renamed_main", "bom_parts", "ns0_prefix", "strict_renamed_bom"]


def load(office, name):
    return import_path(office[name].path)


def diagnostics(doc, code):
    return [(d.severity, d.block, d.message) for d in doc.diagnostics if d.code == code]


@pytest.mark.parametrize("name", READABLE)
def test_visible_text_kept_exactly(office, name):
    fixture = office[name]
    doc = import_path(fixture.path)
    assert_same_text(fixture.text, doc.text)
    assert [b.image for b in doc.blocks if b.kind == K.IMAGE] == fixture.images
    assert [c.image for b in doc.blocks if b.kind == K.TABLE for c in b.cell_images] == fixture.cell_images
    assert all(b.reason for b in doc.blocks)


@pytest.mark.parametrize("name", list(REFUSED_CASES))
def test_bad_files_refused_with_their_own_message(office, name):
    message = refusal(office[name].path)
    for word in office[name].refusal:
        assert word in message, (name, message)
    assert "读取时出错" not in message     # the catch-all for reader bugs is never what answers


def test_tracked_changes_accepted_and_reported(office):
    doc = load(office, "tracked_changes")
    texts = [b.text for b in doc.blocks]
    assert "为切实做好2020年汛期安全工作，现将有关事项通知如下。" in texts
    assert "各级各部门要把防汛工作摆上重要议事日程。" in texts        # deleted paragraph mark: one paragraph
    assert doc.text.count("经市政府同意，") == 1                      # moved text printed where it landed
    assert "今年" not in doc.text and "整段删除" not in doc.text and "删除的行" not in doc.text
    assert next(b for b in doc.blocks if b.kind == K.TABLE).rows == [["项目", "责任单位"], ["巡查", "乙"]]
    assert next(b for b in doc.blocks if b.text == "格式修改的文字。").runs[0].bold
    assert diagnostics(doc, "tracked-changes") == [(
        Severity.WARNING, None, "文件中有未接受的修订（插入 2 处、删除 3 处、移动 1 处、格式修改 1 处），"
                                "已按“接受所有修订”后的文字导入，请与来文单位核对定稿")]
    assert (doc.title, doc.signature, doc.date) == ("济南市人民政府办公厅关于做好汛期安全工作的通知",
                                                    ["济南市人民政府办公厅"], "2020年5月9日")


def test_files_without_revisions_raise_no_revision_warning(office):
    assert not [d for name in ("comments", "notes", "transitional", "strict")
                for d in load(office, name).diagnostics if d.code == "tracked-changes"]


def test_comments_listed_not_printed(office):
    doc = load(office, "comments")
    assert [b.text for b in doc.blocks] == ["根据《济南市防汛条例》规定，现通知如下。", "请于5月底前报送。"]
    assert diagnostics(doc, "comment") == [
        (Severity.INFO, None, "批注（李编辑，批在“《济南市防汛条例》”处）：请核对条例全称。"),
        (Severity.INFO, None, "批注（王科长）：时间是否合适？")]


def test_notes_printed_at_the_end_and_listed(office):
    doc = load(office, "notes")
    body = doc.blocks[0]
    assert body.text == "根据有关规定1，结合实际*，制定本办法2i。"
    assert [(r.text, r.script) for r in body.runs if r.script] == [("1", "sup"), ("2i", "sup")]
    notes = [(b.kind, b.reason, b.text) for b in doc.blocks[1:]]
    assert notes == [(K.NOTE, "脚注 1", "1 《中华人民共和国防洪法》。"), (K.NOTE, "脚注（自定义标记）", "*自定义标记的脚注。"),
                     (K.NOTE, "脚注 2", "2第一段。"), (K.NOTE, "脚注 2（续）", "第二段。"),
                     (K.NOTE, "尾注 i", "i本办法自发布之日起施行。")]
    listed = [(d.code, d.severity, d.block) for d in doc.diagnostics if d.code in ("footnote", "endnote")]
    assert listed == [("footnote", Severity.INFO, 1), ("footnote", Severity.INFO, 2),
                      ("footnote", Severity.INFO, 3), ("endnote", Severity.INFO, 5)]
    assert diagnostics(doc, "footnote")[2][2] == "脚注 2：2第一段。 第二段。（已作为注释排在文末）"


def test_note_number_formats_from_the_document(office):
    doc = load(office, "notes_formatted")
    assert doc.blocks[0].text == "根据有关规定①，结合实际*，制定本办法②5。"
    assert [b.reason for b in doc.blocks if b.kind == K.NOTE] == ["脚注 ①", "脚注（自定义标记）", "脚注 ②",
                                                                 "脚注 ②（续）", "尾注 5"]


def test_text_boxes_kept_once_after_their_paragraph(office):
    doc = load(office, "textboxes")
    assert [b.text for b in doc.blocks] == ["正文第一段，段落继续。", "新式文本框里的字。", "旧式文本框：",
                                           "VML 文本框里的字。", "第二行。", "组合框一。", "组合框二。", "末段。"]


def test_red_header_masthead_in_a_text_box(office):
    doc = load(office, "red_header")
    assert doc.text.count("济南市人民政府办公厅文件") == 1
    assert doc.blocks[0].text == "济南市人民政府办公厅文件" and "版头" in doc.blocks[0].reason
    assert doc.title_lines == ["济南市人民政府办公厅", "关于做好汛期安全工作的通知"] and doc.kind == "通知"
    assert doc.doc_number == "济政办字〔2020〕22号"
    assert doc.recipients == "各区县人民政府，市政府各部门（单位）："
    assert (doc.signature, doc.date) == (["济南市人民政府办公厅"], "2020年5月9日")


def test_fields_print_their_results_only(office):
    doc = load(office, "fields")
    assert [b.text for b in doc.blocks] == ["一、总体要求 1", "二、重点任务 2", "详见济南市人民政府网站。", "第3页，共9页",
                                           "日期：2020年5月9日", "链接：政务服务网", "称呼：先生"]
    for code in ("HYPERLINK", "PAGEREF", "TOC", "NUMPAGES", "MERGEFIELD", "男", "yyyy"):
        assert code not in doc.text


def test_hidden_text_dropped_and_reported(office):
    doc = load(office, "hidden_text")
    assert doc.text == "可见文字。"
    assert diagnostics(doc, "hidden-text") == [(Severity.INFO, None, "文件中有 1 处隐藏文字（Word 中不显示、不打印），未导入")]


def test_automatic_numbering_printed(office):
    doc = load(office, "numbering")
    assert [b.text for b in doc.blocks] == [
        "一、总体要求", "（一）指导思想。", "（二）基本原则。", "1.坚持人民至上。", "（1）细化措施。", "（2）明确分工。",
        "2.坚持依法办事。", "二、重点任务", "（一）完善机制。", "甲、甲项内容", "乙、乙项内容", "三、保障措施", "一、另起编号",
        "第一章 总则", "第二章 附则"]
    assert [(b.kind, b.level) for b in doc.blocks[:1] + doc.blocks[7:9]] == [(K.HEADING, 1), (K.HEADING, 1),
                                                                              (K.HEADING, 2)]
    assert [b.kind for b in doc.blocks[-2:]] == [K.CHAPTER, K.CHAPTER]


def test_tables_kept_as_tables_and_images_as_bytes(office):
    doc = load(office, "tables_images")
    assert [b.kind for b in doc.blocks] == [K.PARAGRAPH, K.TABLE, K.IMAGE, K.PARAGRAPH, K.IMAGE]
    table = doc.blocks[1]
    assert table.rows == [["2020年养老服务设施统计", "", ""], ["市中区", "12", "所"], ["", "8", "处"],
                          ["历下区", "第一行\n第二行", ""]]
    assert table.spans == [(0, 0, 1, 3), (1, 0, 2, 1)]      # gridSpan 3 across; vMerge down two rows
    assert [(c.row, c.col, c.image) for c in table.cell_images] == [(3, 2, IMAGE_C)]   # the picture stays in its cell


def test_whole_document_in_one_paragraph(office):
    doc = load(office, "one_paragraph")
    assert doc.title == ONE_PARAGRAPH[:ONE_PARAGRAPH.index("济政字")] and doc.kind == "通报"
    assert doc.doc_number == "济政字〔2020〕28号"
    assert doc.recipients == "各区县人民政府，市政府各部门（单位）："
    assert (doc.signature, doc.date) == (["济南市人民政府"], "2020年5月9日")


def _shape(doc):
    return ([(b.kind, b.level, b.align, b.text, [(r.bold, r.script) for r in b.runs], b.rows, b.image, b.reason)
             for b in doc.blocks], [(d.code, d.block, d.message) for d in doc.diagnostics])


@pytest.mark.parametrize("name", VARIANTS)
def test_producer_variants_read_like_transitional(office, name):
    base, variant = load(office, "transitional"), load(office, name)
    assert _shape(variant) == _shape(base)
    assert base.title == "济南市人民政府办公厅关于加强养老服务的通知"
    assert [b.text for b in base.blocks if b.kind == K.HEADING] == ["一、总体要求", "（一）指导思想。"]
    assert base.blocks[-1].kind == K.NOTE and base.text.count("框内文字") == 1
    assert diagnostics(base, "comment") == [(Severity.INFO, None, "批注（李编辑，批在“养老服务”处）：请补充依据。")]


def test_strict_fixture_really_is_strict(office):
    import zipfile
    with zipfile.ZipFile(office["strict"].path) as z:
        document = z.read("word/document.xml").decode("utf-8")
        rels = z.read("word/_rels/document.xml.rels").decode("utf-8")
    assert "schemas.openxmlformats.org/wordprocessingml" not in document
    assert 'w:conformance="strict"' in document
    assert "http://purl.oclc.org/ooxml/officeDocument/relationships/footnotes" in rels


@pytest.mark.parametrize("name", list(TEXT_CASES))
def test_text_files_in_every_encoding(office, name):
    doc = load(office, name)
    label = {"utf8": "UTF-8", "utf8_bom": "UTF-8（带 BOM）", "utf16le_bom": "UTF-16", "utf16be_bom": "UTF-16",
             "utf16le_nobom": "UTF-16（无 BOM）", "gbk_crlf": "GB18030", "gb18030": "GB18030",
             "stray_spaces": "UTF-8"}[name]
    assert diagnostics(doc, "encoding") == [(Severity.INFO, None, f"以 {label} 编码读取")]
    assert doc.title_lines == ["济南市人民政府办公厅", "关于加快推进养老服务发展的实施意见"]
    assert (doc.doc_number, doc.date, doc.issued) == ("济政办发〔2020〕7号", "2020年4月30日", "（2020年4月30日印发）")
    paragraphs = [b.text for b in doc.blocks if b.kind == K.PARAGRAPH]
    assert paragraphs and not any(t[:1].isspace() for t in paragraphs)   # 　　 read as the first-line indent
    assert any(t.startswith("（一）推进养老服务机构建设。") for t in [b.text for b in doc.blocks])
    stray = diagnostics(doc, "stray-space")
    if name == "stray_spaces":
        block = next(k for k, b in enumerate(doc.blocks) if "全面完成 养老服务 设施" in b.text)
        [(severity, where, message)] = stray
        assert (severity, where) == (Severity.INFO, block)
        assert message.startswith("两个汉字之间有多余的空格（共 2 处，如：") and "全面完成 养老服务" in message
    else:
        assert stray == []


def test_damaged_utf8_read_as_utf8_and_reported(office):
    doc = load(office, "utf8_damaged")
    assert doc.title_lines == ["济南市人民政府办公厅", "关于加快推进\ufffd老服务发展的实施意见"]
    assert doc.doc_number == "济政办发〔2020〕7号"          # not GB18030 mojibake
    assert diagnostics(doc, "encoding-damaged") == [
        (Severity.WARNING, None, "文件中有 1 处字节不是有效的 UTF-8（可能传输时损坏），已用“\ufffd”代替，请核对原文")]
