"""The widths our layout gives a character that a reader would not (issue 11, item 3), told
in the DOCX run by run: a space between Han characters is a one-em gap, two adjacent marks
share 1.5 em, “ ” — … after Latin text stay in the Chinese face.
"""
import docx
import pytest
from lxml import etree

from editor.layout.spec import load_spec
from editor.model import Block, BlockKind, Document, DocumentRef, Issue, Run, Section
from editor.pipeline import layout
from editor.render.docx import build_docx
from editor.render.docx.runs import add_runs, han_gaps, wide_marks

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}


def test_a_space_between_han_characters_is_widened_to_an_em():
    assert han_gaps("第一条 为规范管理 A 类", 12.0, 4.0) == {3: 8.0}
    assert han_gaps("1. 山东", 12.0, 4.0) == {}


def test_shared_marks_after_latin_text_or_digits_take_the_chinese_face():
    text = "引培“200+”企业，“好差评”——A——"
    assert {text[i] for i in wide_marks(text)} == set("”—")
    assert wide_marks(text) == {text.index("”"), len(text) - 2, len(text) - 1}


def test_runs_are_cut_around_the_characters_that_carry_a_width_or_a_style():
    p = docx.Document().add_paragraph()
    runs = [Run("第一条 规范"), Run("管理。", bold=True)]
    written = add_runs(p, runs, bold="Bold", widths={3: 8.0, 8: -6.0}, marks=("Wide", {5}))
    texts = ["".join(t.text for t in r.iter(f"{{{W}}}t")) for r in written]
    assert texts == ["第一条", " ", "规", "范", "管理", "。"]
    spacing = [r.find("w:rPr/w:spacing", NS) for r in written]
    assert [s.get(f"{{{W}}}val") if s is not None else None for s in spacing] == \
        [None, "160", None, None, None, "-120"]
    styles = [r.find("w:rPr/w:rStyle", NS) for r in written]
    assert [s.get(f"{{{W}}}val") if s is not None else None for s in styles] == \
        [None, None, None, "Wide", "Bold", "Bold"]
    assert "".join(texts) == "第一条 规范管理。"


@pytest.fixture(scope="module")
def body_runs():
    spec = load_spec("jinan-gazette")
    text = "实现“一日办结”。全面落实“四早”“四集中”，第一条 为规范管理，引培“200+”企业。"
    doc = Document(blocks=[Block.of(BlockKind.TITLE, "测试"), Block.of(BlockKind.PARAGRAPH, text)])
    issue = Issue(year=2020, number=1, sections=[Section("栏目", [DocumentRef("a", document=doc)])])
    out = build_docx(issue, spec, layout(issue, spec).layout)
    xml = etree.fromstring(etree.tostring(out.element))
    p = next(p for p in xml.iter(f"{{{W}}}p") if "一日办结" in "".join(p.xpath(".//w:t/text()", namespaces=NS)))
    return text, [("".join(t.text or "" for t in r.iter(f"{{{W}}}t")), r) for r in p.findall("w:r", NS)]


def test_adjacent_marks_in_body_text_share_one_and_a_half_em(body_runs):
    text, runs = body_runs
    narrowed = [(t, r.find("w:rPr/w:spacing", NS).get(f"{{{W}}}val")) for t, r in runs
                if r.find("w:rPr/w:spacing", NS) is not None]
    # ”。 ”“ ”， : the first of each pair gives up half an em (12 pt body: 6 pt = 120 twips)
    assert ("”", "-120") in narrowed
    assert [t for t, v in narrowed if v == "-120"] == ["”", "”", "”"]
    assert ("".join(t for t, _ in runs)) == text
    wide = [t for t, r in runs if r.find("w:rPr/w:rStyle", NS) is not None
            and r.find("w:rPr/w:rStyle", NS).get(f"{{{W}}}val") == "全角标点"]
    assert wide == ["”"]                 # the quote after 200+
