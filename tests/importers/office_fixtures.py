"""Every import case the offices really send, as files written into a folder.

Run as a script to look at them: `python tests/importers/office_fixtures.py OUT_DIR`.
in: a folder; out: {name: Fixture}. A readable fixture carries the text Word shows for it
with every change accepted (built from wml_pieces, written down by hand, never computed by
the importer); a refused one carries words its refusal message must contain.
"""
from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

from docx_variants import renamed_main, reprefixed, strict, with_bom
from make_fixtures import docx_parts, png_bytes, write_zip
from office_texts import DAMAGED_UTF8, TEXT_CASES
from office_refusals import REFUSED_CASES
from wml_pieces import (Piece, cat, comment, comment_range, deleted, field as wfield, fld, hidden, hyperlink,
                        inserted, instr, line_shape, moved_from, moved_to, note, note_ref, numbered, para,
                        picture, restyled, run, simple_field, table, textbox_dml, textbox_group, textbox_vml,
                        vml_picture)

CENTER, RIGHT = '<w:jc w:val="center"/>', '<w:jc w:val="right"/>'
IMAGE_A, IMAGE_B, IMAGE_C = png_bytes(4, 2), png_bytes(3, 3), png_bytes(2, 5)


@dataclass
class Fixture:
    name: str
    path: Path
    text: str | None = None                         # visible text; None = must be refused
    refusal: tuple[str, ...] = ()                   # words the refusal must contain
    images: list[bytes] = field(default_factory=list)
    cell_images: list[bytes] = field(default_factory=list)   # pictures that sit in table cells


def _docx(folder: Path, name: str, body: Piece, notes: Piece | None = None, variant=None, **parts) -> Fixture:
    built = docx_parts(body.xml, **parts)
    if variant:
        built = variant(built)
    path = write_zip(folder / f"{name}.docx", built)
    return Fixture(name, path, body.text + (notes.text if notes else ""))


def tracked_changes(folder: Path) -> Fixture:
    body = cat(
        para(run("济南市人民政府办公厅关于做好汛期安全工作的通知"), ppr=CENTER),
        para(run("各区县人民政府，市政府各部门（单位）：")),
        para(run("为切实做好"), deleted("今年"), inserted(run("2020年")), run("汛期安全工作，"),
             moved_from("经市政府同意，"), run("现将有关事项通知如下。")),
        para(moved_to("经市政府同意，"), run("各单位要高度重视。")),
        para(run("各级各部门要把防汛工作摆上"), mark_deleted=True),
        para(run("重要议事日程。")),
        para(inserted(run("新增的整段内容。"))),
        para(deleted("整段删除的内容。"), mark_deleted=True),
        para(restyled("格式修改的文字。")),
        table([[para(run("项目")), para(run("责任单位"))], [para(run("删除的行")), para(run("甲"))],
               [para(run("巡查")), para(run("乙"))]], deleted_rows=(1,)),
        para(run("济南市人民政府办公厅"), ppr=RIGHT), para(run("2020年5月9日"), ppr=RIGHT))
    return _docx(folder, "tracked_changes", body)


def comments(folder: Path) -> Fixture:
    body = cat(
        para(run("根据"), comment_range(1, run("《济南市防汛条例》")), run("规定，现通知如下。")),
        para(run("请于5月底前报送。"), Piece('<w:r><w:commentReference w:id="2"/></w:r>')))
    notes = comment(1, "李编辑", "请核对条例全称。") + comment(2, "王科长", "时间是否合适？")
    return _docx(folder, "comments", body, comments=notes)


SEPARATORS = ('<w:{k} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:{k}>'
              '<w:{k} w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:{k}>')


def _notes(folder: Path, name: str, marks: tuple[str, str, str], settings: str = "") -> Fixture:
    one, two, end = marks
    custom = Piece('<w:r><w:footnoteReference w:customMarkFollows="1" w:id="3"/></w:r>') + run("*")
    body = para(run("根据有关规定"), note_ref("footnote", 1, one), run("，结合实际"), custom,
                run("，制定本办法"), note_ref("footnote", 2, two), note_ref("endnote", 1, end), run("。"))
    footnotes = (note("footnote", 1, one, para(run(" 《中华人民共和国防洪法》。")))
                 + Piece('<w:footnote w:id="3">', "") + para(run("*"), run("自定义标记的脚注。")) + Piece("</w:footnote>")
                 + note("footnote", 2, two, para(run("第一段。")), para(run("第二段。"))))
    endnotes = note("endnote", 1, end, para(run("本办法自发布之日起施行。")))
    return _docx(folder, name, body, footnotes + endnotes, footnotes=SEPARATORS.format(k="footnote") + footnotes.xml,
                 endnotes=SEPARATORS.format(k="endnote") + endnotes.xml, settings=settings)


def notes(folder: Path) -> Fixture:
    """Word's defaults: footnotes 1, 2…; endnotes i, ii…; a custom mark takes no number."""
    return _notes(folder, "notes", ("1", "2", "i"))


def notes_formatted(folder: Path) -> Fixture:
    settings = ('<w:footnotePr><w:numFmt w:val="decimalEnclosedCircle"/></w:footnotePr>'
                '<w:endnotePr><w:numFmt w:val="decimal"/><w:numStart w:val="5"/></w:endnotePr>')
    return _notes(folder, "notes_formatted", ("①", "②", "5"), settings)


def textboxes(folder: Path) -> Fixture:
    body = cat(
        para(run("正文第一段，"), textbox_dml(para(run("新式文本框里的字。"))), run("段落继续。")),
        para(run("旧式文本框："), textbox_vml(para(run("VML 文本框里的字。")), para(run("第二行。")))),
        para(textbox_group((para(run("组合框一。")),), (para(run("组合框二。")),))),
        para(run("末段。")))
    return _docx(folder, "textboxes", body)


def red_header(folder: Path) -> Fixture:
    """A 红头 template: the masthead in a text box anchored in an empty first paragraph, the
    red rule a shape without text."""
    masthead = run("济南市人民政府办公厅文件", '<w:color w:val="FF0000"/><w:sz w:val="72"/>')
    body = cat(
        para(textbox_dml(para(masthead, ppr=CENTER))),
        para(run("济政办字〔2020〕22号"), ppr=CENTER),
        para(line_shape()),
        para(run("济南市人民政府办公厅", "<w:b/>"), ppr=CENTER),
        para(run("关于做好汛期安全工作的通知", "<w:b/>"), ppr=CENTER),
        para(run("各区县人民政府，市政府各部门（单位）：")),
        para(run("　　为切实做好汛期安全工作，现通知如下。")),
        para(run("济南市人民政府办公厅"), ppr=RIGHT), para(run("2020年5月9日"), ppr=RIGHT))
    return _docx(folder, "red_header", body)


def _toc() -> Piece:
    entry = lambda text, page: (hyperlink("rIdToc", run(text), Piece('<w:r><w:tab/></w:r>'),  # noqa: E731
                                          wfield(" PAGEREF _Toc1 \\h ", run(page))))
    first = Piece("<w:p>" + fld("begin") + instr(' TOC \\o "1-3" \\h \\z \\u ') + fld("separate")) \
        + entry("一、总体要求", "1") + Piece("</w:p>", "\n")
    last = Piece("<w:p>") + entry("二、重点任务", "2") + Piece(fld("end") + "</w:p>", "\n")
    return first + last


def fields(folder: Path) -> Fixture:
    body = cat(
        _toc(),
        para(run("详见"), wfield(' HYPERLINK "http://www.jinan.gov.cn" ', run("济南市人民政府网站")), run("。")),
        para(run("第"), wfield(" PAGE ", run("3")), run("页，共"), simple_field(" NUMPAGES ", run("9")), run("页")),
        para(run("日期："), simple_field(' DATE \\@ "yyyy年M月d日" ', run("2020年5月9日"))),
        para(run("链接："), hyperlink("rIdLink", run("政务服务网"))),
        para(run("称呼："), wfield(" IF ", run("先生"), code_inside=wfield(" MERGEFIELD 性别 ", run("男")))))
    return _docx(folder, "fields", body)


def hidden_text(folder: Path) -> Fixture:
    return _docx(folder, "hidden_text", para(run("可见"), hidden("隐藏的字"), run("文字。")))


NUMBERING = """
<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="multilevel"/>
 <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:suff w:val="nothing"/></w:lvl>
 <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/><w:suff w:val="nothing"/></w:lvl>
 <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
 <w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="（%4）"/><w:suff w:val="nothing"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="ideographTraditional"/>
 <w:lvlText w:val="%1、"/><w:suff w:val="nothing"/></w:lvl></w:abstractNum>
<w:abstractNum w:abstractNumId="2"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>
 <w:lvlText w:val="第%1章"/><w:suff w:val="space"/></w:lvl></w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="1"/></w:num>
<w:num w:numId="4"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
<w:num w:numId="5"><w:abstractNumId w:val="2"/></w:num>
"""
NUMBERED_STYLES = """
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Chapter"><w:name w:val="章标题"/><w:pPr><w:numPr><w:numId w:val="5"/></w:numPr>
 <w:jc w:val="center"/></w:pPr></w:style>
"""


def numbering(folder: Path) -> Fixture:
    """一、/（一）/1./（1） from chineseCounting and decimal; a second w:num over the same list
    continues it; 甲、 from ideographTraditional; a startOverride restarts; 第一章 via a style."""
    body = cat(
        numbered("一、", "总体要求", 1, 0), numbered("（一）", "指导思想。", 1, 1), numbered("（二）", "基本原则。", 1, 1),
        numbered("1.", "坚持人民至上。", 1, 2), numbered("（1）", "细化措施。", 1, 3), numbered("（2）", "明确分工。", 1, 3),
        numbered("2.", "坚持依法办事。", 1, 2), numbered("二、", "重点任务", 2, 0), numbered("（一）", "完善机制。", 2, 1),
        numbered("甲、", "甲项内容", 3, 0), numbered("乙、", "乙项内容", 3, 0), numbered("三、", "保障措施", 1, 0),
        numbered("一、", "另起编号", 4, 0),
        Piece(para(run("总则"), ppr='<w:pStyle w:val="Chapter"/>').xml, "第一章 总则\n"),
        Piece(para(run("附则"), ppr='<w:pStyle w:val="Chapter"/>').xml, "第二章 附则\n"))
    return _docx(folder, "numbering", body, numbering=NUMBERING, styles=NUMBERED_STYLES)


def tables_images(folder: Path) -> Fixture:
    merged = {(0, 0): '<w:gridSpan w:val="3"/>', (1, 0): '<w:vMerge w:val="restart"/>', (2, 0): "<w:vMerge/>"}
    body = cat(
        para(run("附表如下：")),
        table([[para(run("2020年养老服务设施统计"))],
               [para(run("市中区")), para(run("12")), para(run("所"))],
               [Piece(""), para(run("8")), para(run("处"))],
               [para(run("历下区")), cat(para(run("第一行")), para(run("第二行"))), para(picture("rIdImgC"))]],
              props=merged),
        para(picture("rIdImgA")),
        para(run("图片说明"), vml_picture("rIdImgB")))
    fixture = _docx(folder, "tables_images", body, media={"rIdImgA": IMAGE_A, "rIdImgB": IMAGE_B, "rIdImgC": IMAGE_C})
    fixture.images, fixture.cell_images = [IMAGE_A, IMAGE_B], [IMAGE_C]
    return fixture


ONE_PARAGRAPH = ("济南市人民政府关于表扬2019年度创新发展突出贡献企业的通报济政字〔2020〕28号"
                 "各区县人民政府，市政府各部门（单位）：2019年，全市广大企业深入贯彻新发展理念，为全市经济社会发展"
                 "作出了突出贡献。为表彰先进，市政府决定对济南二机床集团有限公司等企业予以通报表扬。希望受表扬的企业"
                 "珍惜荣誉，再创佳绩。济南市人民政府2020年5月9日")


def one_paragraph(folder: Path) -> Fixture:
    return _docx(folder, "one_paragraph", para(run(ONE_PARAGRAPH)))


def _sampler() -> tuple[Piece, Piece, dict]:
    """One document using styles, numbering, a footnote, a comment, a table, an image and a text
    box: the source of the producer variants below."""
    body = cat(
        para(run("济南市人民政府办公厅关于加强养老服务的通知"), ppr=CENTER + ""),
        para(run("济政办字〔2020〕30号"), ppr=CENTER),
        para(run("各区县人民政府：")),
        para(run("为加强"), comment_range(3, run("养老服务")), note_ref("footnote", 1, "1"), run("，现通知如下。")),
        numbered("一、", "总体要求", 1, 0), numbered("（一）", "指导思想。", 1, 1),
        para(run("文本框前，"), textbox_dml(para(run("框内文字。"))), run("文本框后。")),
        table([[para(run("项目")), para(run("数量"))], [para(run("养老院")), para(run("12"))]]),
        para(picture("rIdImgA")),
        para(run("济南市人民政府办公厅"), ppr=RIGHT), para(run("2020年5月9日"), ppr=RIGHT))
    notes = note("footnote", 1, "1", para(run("见《养老服务条例》。")))
    parts = dict(numbering=NUMBERING, styles=NUMBERED_STYLES, footnotes=SEPARATORS.format(k="footnote") + notes.xml,
                 comments=comment(3, "李编辑", "请补充依据。"), media={"rIdImgA": IMAGE_A})
    return body, notes, parts


def _variant(name: str, variant):
    def build(folder: Path) -> Fixture:
        body, notes, parts = _sampler()
        fixture = _docx(folder, name, body, notes, variant=variant, **parts)
        fixture.images = [IMAGE_A]
        return fixture
    return build


DOCX_CASES = {
    "tracked_changes": tracked_changes, "comments": comments, "notes": notes, "notes_formatted": notes_formatted,
    "textboxes": textboxes, "red_header": red_header, "fields": fields, "hidden_text": hidden_text,
    "numbering": numbering, "tables_images": tables_images, "one_paragraph": one_paragraph,
    "transitional": _variant("transitional", None), "strict": _variant("strict", strict),
    "renamed_main": _variant("renamed_main", renamed_main), "bom_parts": _variant("bom_parts", with_bom),
    "ns0_prefix": _variant("ns0_prefix", reprefixed),
    "strict_renamed_bom": _variant("strict_renamed_bom", lambda p: with_bom(renamed_main(strict(p)))),
}
CASES = {**DOCX_CASES, **TEXT_CASES, **DAMAGED_UTF8, **REFUSED_CASES}


def build_all(folder: Path) -> dict[str, Fixture]:
    folder.mkdir(parents=True, exist_ok=True)
    out = {}
    for name, build in CASES.items():
        built = build(folder)
        out[name] = built if isinstance(built, Fixture) else Fixture(name, *built)
    return out


if __name__ == "__main__":
    for fixture in build_all(Path(sys.argv[1] if len(sys.argv) > 1 else "office-fixtures")).values():
        print(("读入 " if fixture.text is not None else "拒绝 ") + str(fixture.path))
