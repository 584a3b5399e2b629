"""DOCX export: reopened with python-docx and read as XML with lxml.

A small hand-made issue (every block kind, a table, a picture, a title outside GB2312) is
laid out by the real engine and exported; the sample issue is built through the CLI and
its text compared with the seed's body paragraphs.
"""
import importlib.util
import math
import re
import struct
import subprocess
import sys
import zipfile
import zlib

import docx
import pytest
from lxml import etree

from testpaths import ROOT, SEED, SHARED
from editor.layout.spec import load_spec
from editor.model import Block, BlockKind, Document, DocumentRef, Issue, Run, Section
from editor.pipeline import layout
from editor.render.docx import render_docx, save_atomic
from editor.render.docx.styles import BLOCK_STYLES

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W, "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"}
RARE_TITLE = "关于𠮷野家与䶮字测试的通知"      # U+20BB7 and U+4DAE: outside GB2312


def png(width: int, height: int) -> bytes:
    """A grey PNG of the given pixel size, made by hand."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))
    raw = b"".join(b"\x00" + b"\x80" * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def every_kind_document() -> Document:
    B, K = Block.of, BlockKind
    return Document(blocks=[
        B(K.REGISTRATION, "JNCR-2020-0150004"),
        B(K.TITLE, "济南市人民政府办公厅\n关于测试导出的通知"),
        B(K.DOC_NUMBER, "济政办字〔2020〕20号"),
        B(K.RECIPIENTS, "各区县人民政府，市政府各部门（单位）："),
        Block(K.PARAGRAPH, [Run("加粗开头。", bold=True), Run("PM"), Run("2.5", script="sub"),
                            Run("浓度下降，面积10"), Run("2", script="sup"), Run("。")]),
        B(K.HEADING, "一、总体要求", level=1),
        B(K.HEADING, "（一）推进建设。其后是正文文字。", level=2),
        B(K.HEADING, "1. 三级标题", level=3),
        B(K.HEADING, "（1）四级标题", level=4),
        B(K.CHAPTER, "第一章 总 则"),
        B(K.LIST_ITEM, "1. 山东钢铁集团有限公司"),
        Block(K.TABLE, rows=[["序号", "单位"], ["1", "市民政局"], ["2", "市财政局"]]),
        Block(K.IMAGE, image=png(40, 20)),
        Block(K.IMAGE, image=png(40, 20), image_size=(900.0, 450.0)),
        B(K.ATTACHMENT_NOTE, "附件：1. 基础类公共设施改造内容与标准"),
        B(K.ATTACHMENT_NOTE, "2. 老旧小区改造任务分工表"),
        B(K.SIGNATURE, "济南市人民政府办公厅"),
        B(K.DATE, "2020年5月9日"),
        B(K.PAGE_BREAK, ""),
        B(K.ANNEX_LABEL, "附件"),
        B(K.ANNEX_TITLE, "名单"),
        B(K.NOTE, "注：本文附件详见济南市人民政府网站"),
        B(K.ISSUED, "（2020年5月13日印发）"),
    ])


def speech() -> Document:
    B, K = Block.of, BlockKind
    return Document(blocks=[B(K.TITLE, "政府工作报告"),
                            B(K.SUBTITLE, "——2020年5月12日在会议上"),
                            B(K.AUTHOR, "济南市市长 孙述涛"),
                            *[B(K.PARAGRAPH, "各位代表，" + "正文" * 200) for _ in range(4)]])


def rare() -> Document:
    return Document(blocks=[Block.of(BlockKind.TITLE, RARE_TITLE),
                            Block.of(BlockKind.PARAGRAPH, "正文。")])


@pytest.fixture(scope="module")
def spec():
    return load_spec("jinan-gazette")


@pytest.fixture(scope="module")
def issue():
    return Issue(year=2020, number=10, total_number=320, date="2020-05-20",
                 sponsor="济南市人民政府", intro_title="《济南市人民政府公报》简介",
                 intro=["《济南市人民政府公报》是政府出版物。"], email="a@b.cn",
                 sections=[Section("市十七届人大二次会议文件", [DocumentRef("a", document=speech())]),
                           Section("市政府办公厅文件", [DocumentRef("b", document=every_kind_document()),
                                                     DocumentRef("c", document=rare())])])


@pytest.fixture(scope="module")
def built(issue, spec, tmp_path_factory):
    result = layout(issue, spec)
    path = tmp_path_factory.mktemp("docx") / "issue.docx"
    render_docx(issue, spec, result.layout, path)
    return path, result.layout


def xml(path, part: str):
    with zipfile.ZipFile(path) as z:
        return etree.fromstring(z.read(part))


def attr(el, name: str):
    return el.get(f"{{{W}}}{name}")


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def docx_text(path) -> str:
    """Paragraph and table text in body order."""
    body = xml(path, "word/document.xml").find(f"{{{W}}}body")
    return "".join("".join(t.text or "" for t in el.iter(f"{{{W}}}t")) for el in body)


def test_python_docx_reopens_it_with_one_named_style_per_kind(built):
    path, _ = built
    reopened = docx.Document(str(path))
    by_text = {p.text.replace("\n", ""): p.style.name for p in reopened.paragraphs}
    assert by_text["济南市人民政府办公厅关于测试导出的通知"] == "Title"       # 标题
    assert by_text["济政办字〔2020〕20号"] == "文号"
    assert by_text["各区县人民政府，市政府各部门（单位）："] == "主送"
    assert by_text["一、总体要求"] == "一级标题"
    assert by_text["（1）四级标题"] == "四级标题"
    assert by_text["第一章 总 则"] == "章标题"
    assert by_text["济南市人民政府办公厅"] == "落款"
    assert by_text["（2020年5月13日印发）"] == "印发"
    assert by_text["JNCR-2020-0150004"] == "登记号"
    names = {s.name for s in reopened.styles}
    wanted = {name for _, name in BLOCK_STYLES.values()} | {"目录标题", "目录栏目", "目录条目", "目录页码行"}
    assert wanted <= names


def family_in_file(face) -> str:
    """The family a font file gives itself (name ID 1, Windows English), read here apart
    from the exporter: the name Word and LibreOffice find an embedded face by."""
    from fontTools.ttLib import TTFont
    return TTFont(face.path, fontNumber=face.index, lazy=True)["name"].getName(1, 3, 1, 0x409).toUnicode()


def test_styles_name_the_faces_our_layout_used_and_the_spec_sizes(built, spec):
    styles = xml(built[0], "word/styles.xml")
    faces = built[1].fonts
    def style(name):
        return styles.xpath(f"w:style[w:name/@w:val='{name}']", namespaces=NS)[0]
    for name, role, size in (("文号", "body", spec.style("doc_number").size),
                             ("Title", "title", spec.style("title").size),
                             ("一级标题", "hei", spec.style("heading1").size),
                             ("二级标题", "kai", spec.style("heading2").size)):
        fonts = style(name).find("w:rPr/w:rFonts", NS)
        # the office font only when the build found it installed; else the stand-in it used
        want = faces[role].name if not faces[role].substitute else family_in_file(faces[role])
        assert attr(fonts, "eastAsia") == want
        assert attr(fonts, "hint") == "eastAsia"
        assert attr(style(name).find("w:rPr/w:sz", NS), "val") == str(round(size * 2))
    normal = style("Normal").find("w:pPr", NS)
    assert attr(normal.find("w:ind", NS), "firstLineChars") == "200"
    assert attr(normal.find("w:jc", NS), "val") == "both"
    assert attr(style("落款").find("w:pPr/w:jc", NS), "val") == "right"
    defaults = styles.find("w:docDefaults", NS)
    assert attr(defaults.find("w:rPrDefault/w:rPr/w:lang", NS), "eastAsia") == "zh-CN"
    assert attr(defaults.find("w:pPrDefault/w:pPr/w:kinsoku", NS), "val") == "1"
    # fonts live on styles: no run in the body names a font
    assert not xml(built[0], "word/document.xml").xpath("//w:r/w:rPr/w:rFonts", namespaces=NS)


def test_settings_keep_full_width_marks_mirror_margins_odd_even_heads_and_fonts_inside(built):
    settings = xml(built[0], "word/settings.xml")
    # the gazette's 全角 scheme: every mark one em, Word must not compress them
    assert attr(settings.find("w:characterSpacingControl", NS), "val") == "doNotCompress"
    assert attr(settings.find("w:embedTrueTypeFonts", NS), "val") == "1"
    assert attr(settings.find("w:saveSubsetFonts", NS), "val") == "1"
    assert settings.find("w:mirrorMargins", NS) is not None
    assert settings.find("w:evenAndOddHeaders", NS) is not None
    assert attr(settings.find("w:themeFontLang", NS), "eastAsia") == "zh-CN"


@pytest.mark.parametrize("name", ["jinan-gazette", "gbt9704"])
def test_the_grid_holds_the_spec_lines_and_characters(name, tmp_path):
    # gbt9704: 28 characters of 16 pt need a pitch below the size (a character grid,
    # charSpace < 0); the gazette's 18 characters of 12 pt fill a column at their own
    # width (a line grid: a character grid would also pitch Latin letters and digits)
    spec = load_spec(name)
    small = Issue(year=2020, number=1, sections=[Section("栏目", [DocumentRef("r", document=rare())])])
    path = tmp_path / f"{name}.docx"
    render_docx(small, spec, layout(small, spec).layout, path)
    doc = xml(path, "word/document.xml")
    sections = doc.xpath("//w:sectPr", namespaces=NS)
    assert len(sections) == 2 + bool(spec.issue.get("back_page"))   # front, document, back
    for sect in sections:
        grid, size, margins = (sect.find(f"w:{n}", NS) for n in ("docGrid", "pgSz", "pgMar"))
        assert (attr(size, "w"), attr(size, "h")) == ("11906", "16838")
        assert abs(int(attr(margins, "top")) - spec.top * 20) <= 1
        height = 16838 - int(attr(margins, "top")) - int(attr(margins, "bottom"))
        assert height // int(attr(grid, "linePitch")) == spec.lines_per_page
        measure_pt = (11906 - int(attr(margins, "left")) - int(attr(margins, "right"))) / 20
        column_pt = (measure_pt - spec.gutter * (spec.columns - 1)) / spec.columns
        if name == "gbt9704":
            assert attr(grid, "type") == "linesAndChars"
            pitch = spec.size + int(attr(grid, "charSpace")) / 4096
        else:
            assert attr(grid, "type") == "lines"
            pitch = spec.size
        assert math.floor(column_pt / pitch + 1e-6) == spec.chars_per_line
    # no paragraph snaps to the grid: body text carries the grid's pitch as its own spacing
    normal = xml(path, "word/styles.xml").xpath("w:style[w:name/@w:val='Normal']", namespaces=NS)[0]
    assert attr(normal.find("w:pPr/w:snapToGrid", NS), "val") == "0"
    spacing = normal.find("w:rPr/w:spacing", NS)
    tracking = round((pitch - spec.size) * 20)
    assert (int(attr(spacing, "val")) if spacing is not None else 0) == tracking
    assert (tracking != 0) == (name == "gbt9704")


def test_toc_pagerefs_point_at_title_bookmarks_with_our_page_numbers(built):
    path, laid = built
    doc = xml(path, "word/document.xml")
    marks = doc.xpath("//w:bookmarkStart/@w:name", namespaces=NS)
    instr = [t.text.strip() for t in doc.iter(f"{{{W}}}instrText")]
    refs = [i for i in instr if i.startswith("PAGEREF")]
    assert refs == [f"PAGEREF _Toc_doc{k} \\h" for k in range(3)]
    assert marks == [f"_Toc_doc{k}" for k in range(3)]
    # cached results are our layout's printed numbers, inside （ ）
    numbered = [p for p in doc.iter(f"{{{W}}}p")
                if any("PAGEREF" in (t.text or "") for t in p.iter(f"{{{W}}}instrText"))]
    shown = [squash("".join(t.text for t in p.iter(f"{{{W}}}t")))[-6:] for p in numbered]
    assert [re.search(r"（(\d+)）$", s).group(1) for s in shown] == [str(p + 1) for p in laid.doc_pages]
    # each bookmark sits on the title paragraph
    titles = doc.xpath("//w:p[w:bookmarkStart]/w:pPr/w:pStyle/@w:val", namespaces=NS)
    assert titles == ["Title"] * 3


def test_body_section_numbers_pages_like_our_pdf_with_page_fields(built):
    path, laid = built
    doc = xml(path, "word/document.xml")
    cover, *body, back = doc.xpath("//w:sectPr", namespaces=NS)
    assert cover.find("w:footerReference", NS) is None       # no number on cover and 目录
    first, *rest = body
    assert attr(first.find("w:pgNumType", NS), "start") == str(laid.doc_pages[0] + 1)
    types = {attr(r, "type") for r in first.findall("w:footerReference", NS)}
    assert types == {"default", "even"}
    for sect in rest:           # later stretches run on: same heads, numbers not restarted
        assert sect.find("w:pgNumType", NS) is None
        assert sect.find("w:footerReference", NS) is None and sect.find("w:headerReference", NS) is None
    assert back.find("w:pgNumType", NS) is None
    assert attr(back.find("w:type", NS), "val") == "evenPage"
    with zipfile.ZipFile(path) as z:
        footers = [n for n in z.namelist() if re.match(r"word/footer\d+\.xml", n)]
        texts = [etree.fromstring(z.read(n)) for n in footers]
    with_page = [f for f in texts if any(t.text.strip() == "PAGE" for t in f.iter(f"{{{W}}}instrText"))]
    assert len(with_page) == 2
    words = "".join(t.text for t in with_page[0].iter(f"{{{W}}}t"))
    assert words.startswith("— ") and words.endswith(" —")


def test_every_block_text_is_written_in_order_including_rare_characters(built, issue):
    text = squash(docx_text(built[0]))
    pos = 0
    for doc in issue.documents():
        for block in doc.blocks:
            want = squash(block.text)
            if not want or block.kind == BlockKind.TABLE:
                continue
            at = text.find(want, pos)
            assert at >= 0, block.text
            pos = at + len(want)
    assert RARE_TITLE in text


def test_bold_runs_and_scripts_stay_run_properties(built):
    reopened = docx.Document(str(built[0]))
    runs = [r for p in reopened.paragraphs for r in p.runs]
    bold = [r.text for r in runs if r.bold]
    assert "加粗开头。" in bold
    assert any(r.text == "2.5" and r.font.subscript for r in runs)
    assert any(r.text == "2" and r.font.superscript for r in runs)
    tail = [r for r in runs if r.text == "其后是正文文字。"]
    assert tail and tail[0].style.name == "正文字符"        # run-in heading: body text after


def test_tables_are_ruled_word_tables_and_pictures_fit_the_measure(built, spec):
    path, _ = built
    reopened = docx.Document(str(path))
    table = reopened.tables[0]
    assert [[c.text for c in row.cells] for row in table.rows] == [
        ["序号", "单位"], ["1", "市民政局"], ["2", "市财政局"]]
    borders = table._tbl.tblPr.find(f"{{{W}}}tblBorders")
    assert {attr(b, "val") for b in borders} == {"single"}
    order = [c.tag.split("}")[1] for c in table._tbl.tblPr]
    assert order.index("tblBorders") < order.index("tblLook")      # Word rejects other orders
    extents = xml(path, "word/document.xml").xpath("//wp:inline/wp:extent", namespaces=NS)
    assert len(extents) == 2
    widths = [int(e.get("cx")) / 12700 for e in extents]
    # a small picture keeps its own size (40 px at 96 dpi); one wider than the measure shrinks to it
    assert widths == [pytest.approx(30.0, abs=0.5), pytest.approx(spec.measure, abs=1.0)]
    for e in extents:
        assert int(e.get("cy")) * 2 == pytest.approx(int(e.get("cx")), rel=0.01)


def test_second_attachment_note_aligns_under_the_first_name(built):
    doc = xml(built[0], "word/document.xml")
    p = [p for p in doc.iter(f"{{{W}}}p")
         if "".join(t.text or "" for t in p.iter(f"{{{W}}}t")) == "2. 老旧小区改造任务分工表"][0]
    assert attr(p.find("w:pPr/w:ind", NS), "leftChars") == "500"


def test_atomic_write_leaves_the_old_file_when_saving_fails(tmp_path):
    target = tmp_path / "out.docx"
    target.write_bytes(b"old")

    class Broken:          # a document whose parts cannot be read out (disk, memory)
        class part:
            class package:
                @staticmethod
                def iter_parts():
                    raise OSError("disk full")

    with pytest.raises(OSError):
        save_atomic(Broken(), target)
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.docx"]


def load_pdfcheck():
    spec = importlib.util.spec_from_file_location("pdfcheck", SHARED / "tools" / "pdfcheck.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.skipif(not SEED.exists(), reason="the seed issue (../shared/seeds) is not beside the checkout")
def test_sample_issue_docx_holds_every_seed_paragraph_in_order(tmp_path):
    out = tmp_path / "out.docx"
    run = subprocess.run([sys.executable, "main.py", "build", "samples/jinan-2020-10/issue.json",
                          "--docx", str(out)], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    docx.Document(str(out))                                    # python-docx reopens it
    text = squash(docx_text(out))
    pos, missing = 0, []
    for para in load_pdfcheck().seed_paragraphs(str(SEED)):
        at = text.find(para, pos)
        if at < 0:
            missing.append(para[:30])
        else:
            pos = at + len(para)
    assert not missing


def test_the_back_page_carries_the_qr_code_as_a_picture(spec, tmp_path):
    """The code our layout placed under the 简介 paragraph that asks to scan it, 25 mm wide,
    its picture holding the modules of the issue's web address."""
    import io
    from PIL import Image
    from qrcheck import encoded, sampled
    from editor.layout.spec import mm_to_pt
    issue = Issue(year=2020, number=10, total_number=320, date="2020-05-20", website="http://a.gov.cn",
                  intro=["本刊是政府出版物。", "扫描二维码可查阅。", "全年24期。"],
                  sections=[Section("市政府文件", [DocumentRef("a", document=speech())])])
    path = tmp_path / "qr.docx"
    render_docx(issue, spec, layout(issue, spec).layout, path)
    body = [p for p in xml(path, "word/document.xml").iter(f"{{{W}}}p")]
    texts = ["".join(t.text or "" for t in p.iter(f"{{{W}}}t")) for p in body]
    pictures = [k for k, p in enumerate(body) if p.xpath(".//wp:inline", namespaces=NS)]
    assert len(pictures) == 1 and texts[pictures[0] - 1] == "扫描二维码可查阅。"
    assert texts[pictures[0] + 1] == "全年24期。"
    extent = body[pictures[0]].xpath(".//wp:inline/wp:extent", namespaces=NS)[0]
    assert int(extent.get("cx")) / 12700 == pytest.approx(mm_to_pt(25), abs=0.5)
    with zipfile.ZipFile(path) as z:
        png = next(z.read(n) for n in z.namelist() if n.startswith("word/media/"))
    image = Image.open(io.BytesIO(png)).convert("L")
    want = encoded("http://a.gov.cn")
    assert sampled(0, 0, image.width, len(want), lambda x, y: image.getpixel((int(x), int(y))) < 128) == want
