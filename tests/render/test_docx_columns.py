"""The page structure of the DOCX (issue 11, items 1 and 3): the gazette's two columns as
Word sections with continuous breaks around the spanning title blocks, each document's
own line pitch, 名单 items and 落款 placed as our PDF places them.

The expectations come from the spec and from where our layout drew the text
(LayoutResult), not from the exporter.
"""
import math
import zipfile

import pytest
from lxml import etree

from editor.layout.spec import load_spec
from editor.model import Block, BlockKind, Document, DocumentRef, Issue, Section
from editor.pipeline import layout
from editor.render.docx import render_docx

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}
B, K = Block.of, BlockKind


def attr(el, name):
    return el.get(f"{{{W}}}{name}")


def long_report() -> Document:
    """A title block over more than a column of text, ending in a 落款: set in columns."""
    return Document(blocks=[B(K.TITLE, "济南市人民政府关于加快城市建设的通知"),
                            B(K.DOC_NUMBER, "济政发〔2020〕9号"),
                            B(K.RECIPIENTS, "各区县人民政府，市政府各部门："),
                            *[B(K.PARAGRAPH, "加快推进城市更新，提升城市品质。" * 12) for _ in range(6)],
                            B(K.SIGNATURE, "济南市人民政府"), B(K.DATE, "2020年5月9日")],
                    lines_per_column=32)


def clause_list() -> Document:
    """Numbered clauses (a 名单 the layout sets one to a line, names aligned) in column text."""
    return Document(blocks=[B(K.TITLE, "济南市建筑外立面管理办法"),
                            *[B(K.PARAGRAPH, "建筑外立面应当保持整洁完好。" * 8) for _ in range(4)],
                            B(K.LIST_ITEM, "（一）有明显污迹或者严重变色，影响市容景观的；"),
                            B(K.LIST_ITEM, "（二）表面残损、脱落，可能危及公共安全的；"),
                            B(K.LIST_ITEM, "（十）存在乱张贴、乱涂写、乱刻画现象的。"),
                            *[B(K.PARAGRAPH, "建筑外立面应当保持整洁完好。" * 8) for _ in range(2)]])


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    spec = load_spec("jinan-gazette")
    issue = Issue(year=2020, number=1, total_number=300, date="2020-01-01",
                  sections=[Section("市政府文件", [DocumentRef("a", document=long_report()),
                                                   DocumentRef("b", document=clause_list())])])
    result = layout(issue, spec)
    path = tmp_path_factory.mktemp("cols") / "c.docx"
    render_docx(issue, spec, result.layout, path)
    with zipfile.ZipFile(path) as z:
        doc = etree.fromstring(z.read("word/document.xml"))
    return spec, issue, result.layout, doc


def body_sections(doc):
    """(sectPr, paragraphs it closes) of each section after the front matter's."""
    out, current = [], []
    for p in doc.find("w:body", NS):
        if p.tag == f"{{{W}}}sectPr":
            out.append((p, current))
            break
        current.append(p)
        sect = p.find("w:pPr/w:sectPr", NS)
        if sect is not None:
            out.append((sect, current))
            current = []
    return out[1:-1]        # neither the cover/目录 section nor the back page's


def text(paragraphs) -> str:
    return "".join(t.text or "" for p in paragraphs for t in p.iter(f"{{{W}}}t"))


def test_title_blocks_span_the_page_and_text_runs_in_columns_between_continuous_breaks(exported):
    spec, issue, _, doc = exported
    sections = body_sections(doc)
    shapes = [(attr(s.find("w:type", NS), "val"), attr(s.find("w:cols", NS), "num"),
               attr(s.find("w:cols", NS), "space")) for s, _ in sections]
    gutter = str(round(spec.gutter * 20))
    # document a: its title block across the page on a new page, its text in two columns;
    # document b likewise, starting continuously so that a's last columns are balanced,
    # its title carrying the page break
    assert shapes == [("nextPage", "1", "0"), ("continuous", "2", gutter),
                      ("continuous", "1", "0"), ("continuous", "2", gutter)]
    title_a, body_a, title_b, body_b = (paragraphs for _, paragraphs in sections)
    assert text(title_a).startswith("济南市人民政府") and "济政发" in text(title_a)
    assert text(body_a).startswith("各区县人民政府") and text(body_a).endswith("2020年5月9日")
    assert text(title_b) == "济南市建筑外立面管理办法"
    assert title_b[0].find("w:pPr/w:pageBreakBefore", NS) is not None


def test_a_document_with_its_own_lines_per_column_gets_that_pitch(exported):
    spec, issue, _, doc = exported
    height = round(spec.page_height * 20) - round(spec.top * 20) - round(spec.bottom * 20)
    (title, _), (body, paragraphs), (other, _), _ = body_sections(doc)
    pitch = math.floor(height / 32)                      # document a: 32 lines a column
    assert int(attr(body.find("w:docGrid", NS), "linePitch")) == pitch
    assert int(attr(title.find("w:docGrid", NS), "linePitch")) == pitch
    default = math.floor(height / spec.lines_per_page)   # document b: the layout's own
    assert int(attr(other.find("w:docGrid", NS), "linePitch")) == default
    # grid paragraphs keep one line of that pitch (they do not snap: see columns.py)
    lines = {attr(p.find("w:pPr/w:spacing", NS), "line") for p in paragraphs
             if p.find("w:pPr/w:pStyle", NS) is None}
    assert lines == {str(pitch)}


def test_signature_and_date_stand_where_our_pdf_puts_them_in_their_column(exported):
    spec, issue, laid, doc = exported
    paragraphs = list(doc.iter(f"{{{W}}}p"))
    blocks = issue.documents()[0].blocks
    for i in (len(blocks) - 2, len(blocks) - 1):
        p = next(p for p in paragraphs if text([p]) == blocks[i].text)
        page, drawn = min(((pg, ln) for pg in laid.pages for ln in pg.lines
                           if ln.doc == 0 and ln.block == i), key=lambda found: found[1].xs[0])
        left = drawn.xs[0] - spec.left_margin(page.number)
        step = spec.column_measure + spec.gutter
        in_column = left - step if left >= step else left
        assert abs(int(attr(p.find("w:pPr/w:ind", NS), "left")) / 20 - in_column) < 0.1


def test_clauses_of_a_list_hang_their_names_where_our_pdf_aligns_them(exported):
    spec, issue, laid, doc = exported
    paragraphs = list(doc.iter(f"{{{W}}}p"))
    for block in issue.documents()[1].blocks:
        if block.kind != K.LIST_ITEM:
            continue
        p = next(p for p in paragraphs if text([p]) == block.text)
        number = block.text[:block.text.index("）") + 1]
        drawn = [ln for page in laid.pages for ln in page.lines if ln.doc == 1]
        number_line = next(ln for ln in drawn if ln.text == number)
        name_line = next(ln for ln in drawn if ln.y == number_line.y and ln.xs[0] > number_line.xs[0])
        ind = p.find("w:pPr/w:ind", NS)
        left, hanging = int(attr(ind, "left")) / 20, int(attr(ind, "hanging")) / 20
        # the name's edge and the number's, as far apart as in our PDF
        assert abs(hanging - (name_line.xs[0] - number_line.xs[0])) < 0.1
        # the number's last character carries the room up to the name
        spaced = p.xpath("w:r[w:rPr/w:spacing]/w:t", namespaces=NS)
        assert [t.text for t in spaced] == ["）"]
        assert left > hanging > 0


@pytest.mark.parametrize("rule", [True, False])
def test_the_gutter_is_ruled_when_the_layout_rules_it(rule, tmp_path):
    from dataclasses import replace
    spec = replace(load_spec("jinan-gazette"), column_rule=rule)
    issue = Issue(year=2020, number=1, sections=[Section("栏目", [DocumentRef("a", document=long_report())])])
    path = tmp_path / "r.docx"
    render_docx(issue, spec, layout(issue, spec).layout, path)
    with zipfile.ZipFile(path) as z:
        doc = etree.fromstring(z.read("word/document.xml"))
    cols = [s.find("w:cols", NS) for s, _ in body_sections(doc)]
    two = [c for c in cols if attr(c, "num") == "2"]
    assert two and all((attr(c, "sep") == "1") == rule for c in two)
    assert all(attr(c, "sep") is None for c in cols if attr(c, "num") == "1")
