"""Word sources: body order, runs, style chain, numbering, tables, breaks, images, and
content the model has no place for kept as text (text boxes once, notes, fields, links)."""
from __future__ import annotations

import struct

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from hypothesis import given, settings, strategies as st

from editor.importers import import_path
from editor.importers.docx import read_docx_candidates
from editor.importers.docx_numbering import chinese, format_number
from editor.importers.docx_styles import w
from editor.model import BlockKind, Severity
from importer_checks import assert_nothing_lost
from make_fixtures import gazette_docx, p, png_bytes, r, write_docx


def kinds(doc):
    return [(b.kind, b.text) for b in doc.blocks]


def test_gazette_docx_recognised(tmp_path):
    doc = import_path(gazette_docx(tmp_path / "通知.docx"))
    assert doc.title_lines == ["济南市人民政府办公厅", "关于加快推进养老服务发展的通知"]
    assert doc.kind == "通知" and doc.doc_number == "济政办发〔2020〕7号"
    assert doc.recipients == "各区县人民政府，市政府各部门（单位）："
    assert doc.signature == ["济南市人民政府办公厅"] and doc.date == "2020年4月30日"
    assert doc.issued == "（2020年4月30日印发）"
    title = doc.blocks[0]
    assert "居中" in title.reason and "加粗" in title.reason and "以“通知”结尾" in title.reason
    headings = [(b.level, b.text[:3]) for b in doc.blocks if b.kind == BlockKind.HEADING]
    assert headings == [(1, "一、加"), (2, "（一）"), (1, "二、发")]
    assert "右对齐" in next(b for b in doc.blocks if b.kind == BlockKind.SIGNATURE).reason
    table = next(b for b in doc.blocks if b.kind == BlockKind.TABLE)
    assert table.rows == [["项目", "数量"], ["养老院", "12"]]
    kinds_in_order = [b.kind for b in doc.blocks]
    assert kinds_in_order.index(BlockKind.PAGE_BREAK) == kinds_in_order.index(BlockKind.TABLE) + 1
    assert not any(d.code in ("missing-date", "missing-signature") for d in doc.diagnostics)


def test_runs_keep_bold_italic_and_scripts(tmp_path):
    doc = import_path(gazette_docx(tmp_path / "通知.docx"))
    runs = next(b for b in doc.blocks if b.text.startswith("（一）")).runs
    assert [(x.text, x.bold, x.italic, x.script) for x in runs] == [
        ("（一）推进养老服务机构建设。", True, False, ""), ("PM", False, False, ""),
        ("2.5", False, False, "sub"), ("浓度下降，面积100m", False, False, ""), ("2", False, False, "sup"),
        ("，", False, False, ""), ("着重强调", False, True, ""), ("。", False, False, "")]


def test_picture_becomes_image_block(tmp_path):
    doc = import_path(gazette_docx(tmp_path / "带图.docx", with_picture=True))
    images = [b for b in doc.blocks if b.kind == BlockKind.IMAGE]
    assert len(images) == 1 and images[0].image == png_bytes()
    # the size Word shows it at (wp:extent): python-docx places a PNG without a dpi at 72 dpi
    width, height = struct.unpack(">II", png_bytes()[16:24])
    assert images[0].image_size == pytest.approx((width, height))


STYLES = """
<w:docDefaults><w:pPrDefault><w:pPr><w:jc w:val="both"/></w:pPr></w:pPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="BigTitle"><w:name w:val="大标题"/><w:basedOn w:val="TitleBase"/>
  <w:rPr><w:b/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="TitleBase"><w:name w:val="标题基础"/><w:pPr><w:jc w:val="center"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Sign"><w:name w:val="落款"/><w:pPr><w:jc w:val="right"/></w:pPr></w:style>
<w:style w:type="character" w:styleId="Strong"><w:name w:val="Strong"/><w:rPr><w:b/></w:rPr></w:style>
"""


def test_alignment_and_bold_inherited_from_style_chain(tmp_path):
    body = (p("济南市人民政府", style="BigTitle") + p("关于表扬先进企业的通报", style="BigTitle")
            + p("各区县人民政府：") + p("正文内容。") + p("济南市人民政府", style="Sign") + p("2020年5月9日", style="Sign"))
    path = write_docx(tmp_path / "样式.docx", body, styles=STYLES)
    candidates, _, _ = read_docx_candidates(path)
    assert [(c.align, all(x.bold for x in c.runs)) for c in candidates] == [
        ("center", True), ("center", True), ("justify", False), ("justify", False),
        ("right", False), ("right", False)]
    doc = import_path(path)
    assert doc.title_lines == ["济南市人民政府", "关于表扬先进企业的通报"] and doc.kind == "通报"
    assert doc.signature == ["济南市人民政府"]


def test_character_style_and_toggle_off(tmp_path):
    body = ("<w:p>" + r("强调", '<w:rStyle w:val="Strong"/>') + r("取消", '<w:rStyle w:val="Strong"/><w:b w:val="0"/>')
            + r("普通") + "</w:p>")
    candidates, _, _ = read_docx_candidates(write_docx(tmp_path / "字符样式.docx", body, styles=STYLES))
    assert [(x.text, x.bold) for x in candidates[0].runs] == [("强调", True), ("取消普通", False)]


def test_heading_style_is_a_hint(tmp_path):
    body = (p("关于做好工作的通知") + p("各有关单位：") + p("正文。") + p("工作要求", style="Heading1")
            + p("正文。"))
    doc = import_path(write_docx(tmp_path / "标题样式.docx", body, styles=STYLES))
    heading = next(b for b in doc.blocks if b.text == "工作要求")
    assert heading.kind == BlockKind.HEADING and heading.level == 1 and "源文件标为标题" in heading.reason


NUMBERING = """
<w:abstractNum w:abstractNumId="0">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:suff w:val="nothing"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/><w:suff w:val="nothing"/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/><w:suff w:val="space"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="\uf0b7"/></w:lvl></w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="9"/></w:lvlOverride></w:num>
"""


def numbered(text: str, num: int, lvl: int) -> str:
    return p(text, extra_ppr=f'<w:numPr><w:ilvl w:val="{lvl}"/><w:numId w:val="{num}"/></w:numPr>')


def test_automatic_numbering_written_out(tmp_path):
    body = (numbered("总体要求", 1, 0) + numbered("指导思想。坚持以人民为中心。", 1, 1)
            + numbered("工作目标。", 1, 1) + numbered("细化任务。", 1, 2) + numbered("重点任务", 1, 0)
            + numbered("完善机制。", 1, 1) + numbered("项目符号", 2, 0) + numbered("重新起算", 3, 0))
    candidates, _, _ = read_docx_candidates(write_docx(tmp_path / "编号.docx", body, numbering=NUMBERING))
    assert [c.text for c in candidates] == [
        "一、总体要求", "（一）指导思想。坚持以人民为中心。", "（二）工作目标。", "1. 细化任务。",
        "二、重点任务", "（一）完善机制。", "项目符号", "九、重新起算"]
    assert candidates[6].kind == BlockKind.LIST_ITEM


def test_number_formats():
    assert [chinese(n) for n in (1, 10, 11, 20, 21, 99, 100, 105, 110, 1000)] == [
        "一", "十", "十一", "二十", "二十一", "九十九", "一百", "一百零五", "一百一十", "一千"]
    assert [format_number(3, f) for f in ("decimal", "upperRoman", "lowerLetter", "ideographTraditional",
                                          "decimalEnclosedCircle", "decimalFullWidth", "chineseLegalSimplified")] \
        == ["3", "III", "c", "丙", "③", "３", "叁"]
    assert format_number(28, "upperLetter") == "BB"


def test_page_breaks_and_sections(tmp_path):
    body = (p("第一页") + '<w:p><w:r><w:t>前</w:t><w:br w:type="page"/><w:t>后</w:t></w:r></w:p>'
            + p("段前分页", extra_ppr="<w:pageBreakBefore/>")
            + p("分节", extra_ppr='<w:sectPr><w:type w:val="nextPage"/></w:sectPr>')
            + p("连续", extra_ppr='<w:sectPr><w:type w:val="continuous"/></w:sectPr>') + p("末尾"))
    candidates, _, _ = read_docx_candidates(write_docx(tmp_path / "分页.docx", body))
    assert [(c.kind, c.text) for c in candidates] == [
        (BlockKind.PARAGRAPH, "第一页"), (BlockKind.PARAGRAPH, "前"), (BlockKind.PAGE_BREAK, ""),
        (BlockKind.PARAGRAPH, "后"), (BlockKind.PAGE_BREAK, ""), (BlockKind.PARAGRAPH, "段前分页"),
        (BlockKind.PARAGRAPH, "分节"), (BlockKind.PAGE_BREAK, ""), (BlockKind.PARAGRAPH, "连续"),
        (BlockKind.PARAGRAPH, "末尾")]


def test_line_breaks_split_candidates_and_title_merges(tmp_path):
    body = ('<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t>济南市人民政府办公厅</w:t>'
            '<w:br/><w:t>关于印发某某办法的通知</w:t></w:r></w:p>' + p("济政办字〔2020〕20号", jc="center"))
    doc = import_path(write_docx(tmp_path / "换行.docx", body))
    assert doc.title_lines == ["济南市人民政府办公厅", "关于印发某某办法的通知"]


TRACKED = (
    "<w:p>"
    + r("保留") + '<w:del w:id="1" w:author="a"><w:r><w:delText>删除的字</w:delText></w:r></w:del>'
    + '<w:ins w:id="2" w:author="a"><w:r><w:t>插入的字</w:t></w:r></w:ins>'
    + '<w:moveFrom w:id="3" w:author="a"><w:r><w:t>移走</w:t></w:r></w:moveFrom>'
    + '<w:moveTo w:id="4" w:author="a"><w:r><w:t>移来</w:t></w:r></w:moveTo>'
    + '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE \\* MERGEFORMAT </w:instrText></w:r>'
    + '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' + r("域结果") + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    + '<w:fldSimple w:instr=" DATE "><w:r><w:t>简单域</w:t></w:r></w:fldSimple>'
    + '<w:hyperlink r:id="rIdX"><w:r><w:t>链接文字</w:t></w:r></w:hyperlink>'
    + '<w:sdt><w:sdtPr><w:alias w:val="控件"/></w:sdtPr><w:sdtContent><w:r><w:t>控件内容</w:t></w:r></w:sdtContent></w:sdt>'
    + '<w:smartTag w:uri="x" w:element="place"><w:r><w:t>智能标记</w:t></w:r></w:smartTag>'
    + '<w:customXml w:element="x"><w:r><w:t>自定义</w:t></w:r></w:customXml>'
    + '<m:oMath><m:r><m:t>x=1</m:t></m:r></m:oMath>'
    + "</w:p>"
    + '<w:sdt><w:sdtContent>' + p("块级控件段落") + '</w:sdtContent></w:sdt>')


def test_unmodelled_content_kept_deleted_and_instructions_dropped(tmp_path):
    candidates, _, _ = read_docx_candidates(write_docx(tmp_path / "修订.docx", TRACKED))
    text = "".join(c.text for c in candidates)
    assert text == "保留插入的字移来域结果简单域链接文字控件内容智能标记自定义x=1块级控件段落"


TEXTBOX = (
    '<w:p>' + r("正文前") + '<w:r><mc:AlternateContent>'
    '<mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData>'
    '<wps:wsp><wps:txbx><w:txbxContent>' + p("文本框里的字") + '</w:txbxContent></wps:txbx></wps:wsp>'
    '</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>'
    '<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>' + p("文本框里的字")
    + '</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>'
    '</mc:AlternateContent></w:r>' + r("正文后") + '</w:p>' + p("下一段"))


def test_text_box_kept_once(tmp_path):
    candidates, _, _ = read_docx_candidates(write_docx(tmp_path / "文本框.docx", TEXTBOX))
    assert [c.text for c in candidates] == ["正文前正文后", "文本框里的字", "下一段"]


def test_fallback_used_when_choice_is_empty(tmp_path):
    body = ('<w:p><w:r><mc:AlternateContent><mc:Choice Requires="w14"></mc:Choice><mc:Fallback>'
            '<w:pict><v:shape><v:textbox><w:txbxContent>' + p("只在备用内容里") +
            '</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>')
    candidates, _, _ = read_docx_candidates(write_docx(tmp_path / "备用.docx", body))
    assert [c.text for c in candidates] == ["只在备用内容里"]


FOOTNOTES = """
<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>
<w:footnote w:id="1"><w:p><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteRef/></w:r>
<w:r><w:t xml:space="preserve"> 脚注的内容。</w:t></w:r></w:p></w:footnote>
"""
ENDNOTES = """<w:endnote w:id="5"><w:p><w:r><w:endnoteRef/></w:r><w:r><w:t>尾注的内容。</w:t></w:r></w:p></w:endnote>"""


def test_footnotes_and_endnotes_kept(tmp_path):
    body = ('<w:p>' + r("正文有脚注") + '<w:r><w:footnoteReference w:id="1"/></w:r>' + r("和尾注")
            + '<w:r><w:endnoteReference w:id="5"/></w:r>' + r("。") + '</w:p>')
    path = write_docx(tmp_path / "脚注.docx", body, footnotes=FOOTNOTES, endnotes=ENDNOTES)
    doc = import_path(path)
    first = doc.blocks[0]
    assert first.text == "正文有脚注1和尾注i。"   # Word numbers endnotes i, ii… unless told otherwise
    assert [x.script for x in first.runs if x.text in ("1", "i")] == ["sup", "sup"]
    notes = [b for b in doc.blocks if b.kind == BlockKind.NOTE]
    assert [b.text for b in notes] == ["1 脚注的内容。", "i尾注的内容。"]
    assert [b.reason for b in notes] == ["脚注 1", "尾注 i"]
    listed = [(d.code, d.severity, d.block, d.message) for d in doc.diagnostics if d.code in ("footnote", "endnote")]
    assert listed == [("footnote", Severity.INFO, 1, "脚注 1：1 脚注的内容。（已作为注释排在文末）"),
                      ("endnote", Severity.INFO, 2, "尾注 i：i尾注的内容。（已作为注释排在文末）")]


def test_nested_table_and_cell_image(tmp_path):
    inner = '<w:tbl><w:tr><w:tc>' + p("内表") + '</w:tc></w:tr></w:tbl>'
    image = ('<w:p><w:r><w:drawing><wp:inline><a:graphic><a:graphicData><pic:pic><pic:blipFill>'
             '<a:blip r:embed="rIdImg"/></pic:blipFill></pic:pic></a:graphicData></a:graphic></wp:inline>'
             '</w:drawing></w:r></w:p>')
    body = ('<w:tbl><w:tblPr/><w:tr><w:tc>' + p("甲") + p("乙") + '</w:tc><w:tc>' + inner + p("") + '</w:tc></w:tr>'
            '<w:tr><w:tc>' + image + '</w:tc><w:tc>' + p("丁") + '</w:tc></w:tr></w:tbl>')
    candidates, _, _ = read_docx_candidates(write_docx(tmp_path / "表格.docx", body, media={"rIdImg": png_bytes(3, 3)}))
    assert [c.kind for c in candidates] == [BlockKind.TABLE]
    assert candidates[0].rows == [["甲\n乙", "内表"], ["", "丁"]]
    assert [(c.row, c.col, c.image) for c in candidates[0].cell_images] == [(1, 0, png_bytes(3, 3))]


def test_missing_image_part_reported(tmp_path):
    body = ('<w:p><w:r><w:drawing><a:blip r:embed="rIdGone"/></w:drawing></w:r>' + r("文字") + '</w:p>')
    doc = import_path(write_docx(tmp_path / "缺图.docx", body))
    assert doc.text == "文字"
    assert [d.code for d in doc.diagnostics if d.code == "image-missing"] == ["image-missing"]


SMARTART_DATA = ('<?xml version="1.0"?><dgm:dataModel xmlns:dgm="http://schemas.openxmlformats.org/drawingml/2006/diagram" '
                 'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><dgm:ptLst>'
                 '<dgm:pt><dgm:t><a:p><a:r><a:t>申请</a:t></a:r></a:p></dgm:t></dgm:pt>'
                 '<dgm:pt><dgm:t><a:p><a:r><a:t>受理</a:t></a:r><a:r><a:t>审核</a:t></a:r></a:p></dgm:t></dgm:pt>'
                 '</dgm:ptLst></dgm:dataModel>')


def test_smartart_text_kept_and_chart_reported(tmp_path):
    body = ('<w:p>' + r("流程如下") + '<w:r><w:drawing><wp:inline><a:graphic><a:graphicData>'
            '<dgm:relIds xmlns:dgm="http://schemas.openxmlformats.org/drawingml/2006/diagram" r:dm="rIdDm"/>'
            '</a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>'
            '<w:p><w:r><w:drawing><wp:inline><a:graphic><a:graphicData>'
            '<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" r:id="rIdChart"/>'
            '</a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>')
    path = write_docx(tmp_path / "图示.docx", body, extra={"rIdDm": ("diagramData", "diagrams/data1.xml", SMARTART_DATA)})
    candidates, _, diagnostics = read_docx_candidates(path)
    assert [b.text for b in candidates] == ["流程如下", "申请", "受理审核"]
    assert [d.code for d in diagnostics] == ["chart-skipped"]
    assert "chart-skipped" in [d.code for d in import_path(path).diagnostics]


def test_nothing_lost_from_generated_docx(tmp_path):
    doc = import_path(gazette_docx(tmp_path / "通知.docx"))
    source = ("济南市人民政府办公厅关于加快推进养老服务发展的通知济政办发〔2020〕7号各区县人民政府，市政府各部门（单位）："
              "为加快推进我市养老服务发展，经市政府同意，现通知如下。一、加快基本养老服务设施建设"
              "（一）推进养老服务机构建设。PM2.5浓度下降，面积100m2，着重强调。项目数量养老院12"
              "二、发展居家养老服务济南市人民政府办公厅2020年4月30日（2020年4月30日印发）")
    assert_nothing_lost(source, doc, markdown=False)


_TEXT = st.text(alphabet="济南市人民政府关于通知〔2020〕28号一二、（）1.。；：“”附件 　abc", min_size=0, max_size=30)
_RUN = st.tuples(_TEXT, st.booleans())
_PARA = st.tuples(st.lists(_RUN, max_size=3), st.sampled_from([None, "center", "right"]))


@settings(max_examples=25, deadline=None)
@given(st.lists(_PARA, max_size=10))
def test_random_word_files_lose_nothing(tmp_path_factory, paragraphs):
    d = docx.Document()
    for runs, align in paragraphs:
        para = d.add_paragraph()
        if align:
            para.alignment = {"center": WD_ALIGN_PARAGRAPH.CENTER, "right": WD_ALIGN_PARAGRAPH.RIGHT}[align]
        for text, bold in runs:
            para.add_run(text).bold = bold
    path = tmp_path_factory.mktemp("random") / "随机.docx"
    d.save(path)
    doc = import_path(path)
    assert_nothing_lost("".join(t for runs, _ in paragraphs for t, _ in runs), doc, markdown=False)
    assert all(b.reason for b in doc.blocks)


MORE_NUMBERING = """
<w:abstractNum w:abstractNumId="0">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/><w:isLgl/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="(%3)"/><w:lvlRestart w:val="1"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="1"><w:numStyleLink w:val="ListStyle"/></w:abstractNum>
<w:abstractNum w:abstractNumId="2"><w:lvl w:ilvl="0"><w:start w:val="1"/>
  <mc:AlternateContent><mc:Choice Requires="w14"><w:numFmt w:val="custom" w:format="001, 002, 003, ..."/></mc:Choice>
  <mc:Fallback><w:numFmt w:val="decimalZero"/></mc:Fallback></mc:AlternateContent><w:lvlText w:val="%1"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="99999999999"/><w:numFmt w:val="upperLetter"/><w:lvlText w:val="%2"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="3"><w:lvl w:ilvl="0"><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="4"><w:abstractNumId w:val="2"/></w:num>
<w:num w:numId="5"><w:abstractNumId w:val="3"/><w:lvlOverride w:ilvl="0"><w:lvl w:ilvl="0"><w:start w:val="3"/>
  <w:numFmt w:val="ideographTraditional"/><w:lvlText w:val="第%1部分"/></w:lvl></w:lvlOverride></w:num>
"""
LIST_STYLE = """<w:style w:type="numbering" w:styleId="ListStyle"><w:name w:val="公文列表"/>
<w:pPr><w:numPr><w:numId w:val="3"/></w:numPr></w:pPr></w:style>"""


def test_legal_restart_style_link_level_override_and_fallback_format(tmp_path):
    body = (numbered("总体", 1, 0) + numbered("甲", 1, 1) + numbered("子", 1, 2) + numbered("乙", 1, 1)
            + numbered("丑", 1, 2)   # lvlRestart=1: level 3 restarts only after level 1, not level 2
            + numbered("经样式链接", 2, 0) + numbered("补零", 4, 0) + numbered("超大起始值", 4, 1)
            + numbered("整级替换", 5, 0))
    candidates, _, _ = read_docx_candidates(write_docx(tmp_path / "编号2.docx", body, numbering=MORE_NUMBERING,
                                                        styles=LIST_STYLE))
    assert [c.text for c in candidates] == ["一、总体", "1.1甲", "(1)子", "1.2乙", "(2)丑", "二、经样式链接", "01补零",
                                           "A超大起始值", "第丙部分整级替换"]


def test_main_part_found_from_content_types_without_package_relationships(tmp_path):
    from make_fixtures import docx_parts, write_zip
    parts = docx_parts(p("正文在别处。"))
    del parts["_rels/.rels"]
    parts["word/main.xml"] = parts.pop("word/document.xml")
    parts["word/_rels/main.xml.rels"] = parts.pop("word/_rels/document.xml.rels")
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace("/word/document.xml", "/word/main.xml")
    assert import_path(write_zip(tmp_path / "无关系.docx", parts)).text == "正文在别处。"


def test_part_that_is_not_a_document_refused(tmp_path):
    from importer_checks import refusal
    path = write_docx(tmp_path / "词汇表.docx", "", document_xml='<w:glossaryDocument xmlns:w="http://schemas.'
                      'openxmlformats.org/wordprocessingml/2006/main"><w:docParts/></w:glossaryDocument>')
    assert "不是 Word 文档正文" in refusal(path)


def test_alt_chunk_reported(tmp_path):
    doc = import_path(write_docx(tmp_path / "嵌入.docx", p("前文。") + '<w:altChunk r:id="rIdHtml"/>' + p("后文。")))
    assert doc.text == "前文。后文。"
    assert [d.severity for d in doc.diagnostics if d.code == "alt-chunk-skipped"] == [Severity.WARNING]


def test_a_note_that_refers_to_itself_is_read_once(tmp_path):
    # a damaged file: footnote 1 holds a reference to footnote 1 (and to 2, which refers to 1)
    notes = ('<w:footnote w:id="1"><w:p><w:r><w:t>注一</w:t></w:r>'
             '<w:r><w:footnoteReference w:id="1"/></w:r><w:r><w:footnoteReference w:id="2"/></w:r></w:p></w:footnote>'
             '<w:footnote w:id="2"><w:p><w:r><w:t>注二</w:t></w:r>'
             '<w:r><w:footnoteReference w:id="1"/></w:r></w:p></w:footnote>')
    body = '<w:p>' + r("正文") + '<w:r><w:footnoteReference w:id="1"/></w:r></w:p>'
    doc = import_path(write_docx(tmp_path / "自引用脚注.docx", body, footnotes=notes))
    notes_read = [b.text for b in doc.blocks if b.kind == BlockKind.NOTE]
    assert len(notes_read) == 2
    assert notes_read[0].startswith("注一") and notes_read[1].startswith("注二")


PLAIN_CELLS = [p("甲"), p("第一段") + p("第二段"), p(" 　前后空白　 "), p(""),
               f'<w:p>{r("名称")}<w:r><w:tab/></w:r>{r("数量")}</w:p>',
               f'<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr>{r("制表位")}</w:p>',
               f'<w:p>{r("第一行")}<w:r><w:br/></w:r>{r("第二行")}<w:r><w:cr/></w:r></w:p>',
               f'<w:p><w:proofErr w:type="spellStart"/><w:bookmarkStart w:id="0" w:name="a"/>{r("书签")}'
               '<w:bookmarkEnd w:id="0"/></w:p>',
               '<w:p><w:pPr><w:jc w:val="center"/><w:spacing w:line="560"/></w:pPr>'
               + r("居中", '<w:b/><w:sz w:val="24"/>') + '<w:r><w:noBreakHyphen/></w:r></w:p>']
FULL_CELLS = [f'<w:p>{r("隐藏", "<w:vanish/>")}{r("可见")}</w:p>', '<w:p>' + r("上标", '<w:vertAlign w:val="superscript"/>') + '</w:p>',
              '<w:p><w:ins w:id="1" w:author="甲">' + r("插入") + '</w:ins></w:p>',
              '<w:p><w:r><w:sym w:font="Wingdings" w:char="F0FC"/></w:r></w:p>',
              '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>' + r("编号") + '</w:p>',
              '<w:sdt><w:sdtContent>' + p("控件") + '</w:sdtContent></w:sdt>', '<w:p><!-- 注释 -->' + r("注释旁") + '</w:p>']


def test_plain_cells_read_in_one_pass_give_the_text_the_full_reader_gives(tmp_path):
    from editor.importers.docx import DocxReader
    from editor.importers.safety import open_docx
    cells = PLAIN_CELLS + FULL_CELLS
    body = "<w:tbl>" + "".join(f"<w:tr><w:tc><w:tcPr><w:tcW w:w=\"900\"/></w:tcPr>{c}</w:tc></w:tr>" for c in cells) + "</w:tbl>"
    pkg = open_docx(write_docx(tmp_path / "单元格.docx", body, numbering=NUMBERING))
    reader = DocxReader(pkg, pkg.main_part())
    tcs = list(pkg.xml(pkg.main_part()).iter(w("tc")))
    fast = [reader.plain_cell(tc) for tc in tcs]
    full = ["\n".join(b.text for b in reader.collect(tc) if b.text) for tc in tcs]
    assert [f is not None for f in fast] == [True] * len(PLAIN_CELLS) + [False] * len(FULL_CELLS)
    assert fast[:len(PLAIN_CELLS)] == full[:len(PLAIN_CELLS)]
    assert fast[4:7] == ["名称 数量", "制表位", "第一行\n第二行"]


def test_the_body_is_read_in_order_whatever_stands_between_paragraphs_and_tables(tmp_path):
    body = (p("甲") + '<w:bookmarkStart w:id="0" w:name="a"/><w:sdt><w:sdtContent>' + p("乙") + '</w:sdtContent></w:sdt>'
            + '<w:customXml w:element="x">' + p("丙") + '</w:customXml><w:tbl><w:tr><w:tc>' + p("丁")
            + '</w:tc></w:tr></w:tbl><w:sdt><w:sdtContent>' + p("戊") + '</w:sdtContent></w:sdt>')
    candidates, _, _ = read_docx_candidates(write_docx(tmp_path / "顺序.docx", body))
    assert [c.text for c in candidates] == ["甲", "乙", "丙", "丁", "戊"]


def test_notes_follow_the_numbering_the_body_section_sets(tmp_path):
    """The body's own w:sectPr comes last in the file, after the notes are referenced: the
    marks still follow it (upper-case Roman footnotes here, while settings say nothing)."""
    from make_fixtures import NS, docx_parts, write_zip
    body = '<w:p>' + r("正文") + '<w:r><w:footnoteReference w:id="1"/></w:r>' + r("。") + '</w:p>'
    document = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {NS}><w:body>{body}'
                '<w:sectPr><w:footnotePr><w:numFmt w:val="upperRoman"/><w:numStart w:val="3"/></w:footnotePr>'
                '</w:sectPr></w:body></w:document>')
    path = write_zip(tmp_path / "节.docx", docx_parts("", footnotes=FOOTNOTES, document_xml=document))
    doc = import_path(path)
    assert doc.blocks[0].text == "正文III。"
    assert [b.text for b in doc.blocks if b.kind == BlockKind.NOTE] == ["III 脚注的内容。"]
