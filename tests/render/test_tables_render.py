"""A form with merged cells and a photo in a cell, as the PDF draws it (read back with
pdfplumber) and as Word gets it (read back as WordprocessingML); a long table in DOCX."""
import sys
import zipfile
from pathlib import Path

import docx
import pdfplumber
import pytest
from lxml import etree

from editor.issuefile import write_issue
from editor.layout.spec import load_spec
from editor.model import Block, BlockKind, Document, DocumentRef, Issue, Section
from editor.pipeline import build, layout
from editor.render.docx import render_docx

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "importers"))
from pattern_fixtures import form_table  # noqa: E402

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    folder = tmp_path_factory.mktemp("form")
    (folder / "docs").mkdir()
    source = form_table(folder / "docs").path
    issue = Issue(year=2020, number=11, total_number=321, date="2020-06-05",
                  sections=[Section("部门文件", [DocumentRef(f"docs/{source.name}")])])
    write_issue(issue, folder / "issue.json")
    pdf, word = folder / "o.pdf", folder / "o.docx"
    build(folder / "issue.json", pdf=pdf, docx=word)
    return pdf, word


def form_page(pdf):
    return next(page for page in pdf.pages if "床位数" in (page.extract_text() or ""))


def words_at(page, text):
    return next(w for w in page.extract_words() if w["text"].startswith(text))


def test_pdf_draws_merged_cells_as_one_cell(built):
    with pdfplumber.open(built[0]) as pdf:
        page = form_page(pdf)
        left = words_at(page, "机构名称")["x0"]
        name = words_at(page, "济南市历下区颐养中心")
        beds = words_at(page, "床位数")
        row0 = (name["top"] + name["bottom"]) / 2
        walls = sorted(round(ln["x0"]) for ln in page.lines
                       if abs(ln["x0"] - ln["x1"]) < 0.1 and ln["top"] <= row0 <= ln["bottom"])
        assert name["x0"] == pytest.approx(beds["x0"], abs=1)      # the merged cell starts at column 1
        assert len(walls) == 3 and walls[0] <= left                 # no walls inside it: 4 columns, 3 walls
        basics, stay = words_at(page, "基本情况"), words_at(page, "入住人数")
        gap = (basics["bottom"] + stay["top"]) / 2                  # between rows 1 and 2
        rules = [ln for ln in page.lines if abs(ln["top"] - ln["bottom"]) < 0.1 and abs(ln["top"] - gap) < 12]
        assert rules and all(ln["x0"] > basics["x1"] for ln in rules)   # column 0 runs on down: no rule under it


def test_pdf_prints_the_photo_inside_its_cell(built):
    with pdfplumber.open(built[0]) as pdf:
        page = form_page(pdf)
        [image] = page.images
        count, agree = words_at(page, "120张"), words_at(page, "同意")
        above = words_at(page, "济南市历下区颐养中心")
        assert image["x0"] > count["x1"] and image["x0"] >= agree["x0"] - 4      # column 3
        assert above["bottom"] < image["top"] and image["bottom"] < agree["top"]  # rows 1–2


def cells(word_path):
    with zipfile.ZipFile(word_path) as z:
        root = etree.fromstring(z.read("word/document.xml"))
    table = root.find(".//w:tbl", NS)
    return [[(("".join(tc.itertext())),
              tc.find("w:tcPr/w:gridSpan", NS).get(f"{{{W}}}val") if tc.find("w:tcPr/w:gridSpan", NS) is not None else "1",
              tc.find("w:tcPr/w:vMerge", NS).get(f"{{{W}}}val", "continue") if tc.find("w:tcPr/w:vMerge", NS) is not None else "",
              bool(tc.findall(".//w:drawing", NS)))
             for tc in tr.findall("w:tc", NS)] for tr in table.findall("w:tr", NS)]


def test_docx_merges_cells_as_word_does_and_keeps_the_photo_in_its_cell(built):
    assert cells(built[1]) == [
        [("机构名称", "1", "", False), ("济南市历下区颐养中心", "3", "", False)],
        [("基本情况", "1", "restart", False), ("床位数", "1", "", False), ("120张", "1", "", False),
         ("", "1", "restart", True)],
        [("", "1", "continue", False), ("入住人数", "1", "", False), ("96人", "1", "", False),
         ("", "1", "continue", False)],
        [("申请金额", "1", "", False), ("28.8万元", "1", "", False), ("审核意见", "1", "", False), ("同意", "1", "", False)]]
    table = docx.Document(str(built[1])).tables[0]
    assert table.cell(0, 3).text == "济南市历下区颐养中心"        # Word's grid: the merge covers columns 1–3


def test_a_table_of_hundreds_of_rows_is_written_cell_by_cell(tmp_path):
    rows = [[f"第{r}行第{c}列" for c in range(10)] for r in range(300)]
    doc = Document(blocks=[Block.of(BlockKind.TITLE, "关于测试长表格的通知"), Block(BlockKind.TABLE, rows=rows)])
    issue = Issue(year=2020, number=1, total_number=1, sections=[Section("文件", [DocumentRef("a.txt", document=doc)])])
    result = layout(issue)
    out = tmp_path / "long.docx"
    render_docx(issue, load_spec(issue.layout), result.layout, out)
    table = docx.Document(str(out)).tables[0]
    assert len(table.rows) == 300 and len(table.columns) == 10
    assert [c.text for c in table.rows[299].cells] == rows[299]
    assert table.rows[0].cells[0].text == "第0行第0列"
