"""The 总目录 as a Word file, reopened with python-docx: every entry's title, 文号 and
期号—页码 in order under its group, in the spec's two columns after the title block across
the page, its pages numbered from 1 — or from where it starts in the issue it ends, under
that issue's running heads."""
import docx
import pytest

from editor.layout.annual import AnnualIndex, IndexEntry
from editor.layout.spec import load_spec
from editor.model import Issue
from editor.render.annualdocx import ENTRY, GROUP, NUMBER, render_annual_docx

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
INDEX = AnnualIndex("济南市人民政府公报", 2020, (
    IndexEntry("【市政府文件】", "济南市人民政府关于表扬2019年度创新发展突出贡献企业的通报",
               "济政字〔2020〕28号", 10, 20, 1),
    IndexEntry("【市政府办公厅文件】", "济南市人民政府办公厅关于加快推进养老服务发展的实施意见",
               "济政办发〔2020〕7号", 10, 23, 2),
    IndexEntry("【市十七届人大二次会议文件】", "政府工作报告", "", 10, 3, 0),
    IndexEntry("【市政府办公厅文件】", "济南市人民政府办公厅关于深入推进老旧小区改造的实施意见",
               "济政办字〔2020〕21号", 11, 5, 0)))


@pytest.fixture(scope="module")
def spec():
    return load_spec("jinan-gazette")


def paragraphs(path) -> list[tuple[str, str]]:
    return [(p.style.name, p.text) for p in docx.Document(path).paragraphs]


def test_every_entry_in_its_group_with_doc_number_and_issue_page(tmp_path, spec):
    path = tmp_path / "总目录.docx"
    render_annual_docx(INDEX, spec, path)
    got = paragraphs(path)
    assert [t for _s, t in got[:3]] == ["济南市人民政府公报", "2020年总目录", "（条目末尾的数字为期号—页码）"]
    body = got[3:]
    expected = []
    for group, entries in INDEX.groups():
        expected.append((GROUP, group))
        for e in entries:
            if e.doc_number:
                expected += [(ENTRY, e.title), (NUMBER, f"{e.doc_number}\t{e.issue}—{e.page}")]
            else:
                expected.append((ENTRY, f"{e.title}\t{e.issue}—{e.page}"))
    assert body == expected


def test_two_columns_after_the_title_block_numbered_from_1_under_the_indexs_head(tmp_path, spec):
    path = tmp_path / "总目录.docx"
    render_annual_docx(INDEX, spec, path)
    d = docx.Document(path)
    head, columns = d.sections
    cols = columns._sectPr.find(f"{W}cols")
    assert cols is not None and cols.get(f"{W}num") == "2"
    assert columns._sectPr.find(f"{W}type").get(f"{W}val") == "continuous"
    assert head._sectPr.find(f"{W}pgNumType").get(f"{W}start") == "1"
    assert columns._sectPr.find(f"{W}pgNumType").get(f"{W}start") is None    # goes on
    heads = {p.text for part in (head.header, head.even_page_header) for p in part.paragraphs}
    assert any("2020年总目录" in h for h in heads)
    tab = d.styles[ENTRY].element.find(f"{W}pPr/{W}tabs/{W}tab")
    assert int(tab.get(f"{W}pos")) == round(spec.column_measure * 20)


def test_ending_an_issue_it_goes_on_from_its_page_under_the_issues_head(tmp_path, spec):
    path = tmp_path / "总目录.docx"
    issue = Issue(name="济南市人民政府公报", year=2020, number=24, total_number=334)
    render_annual_docx(INDEX, spec, path, first_page=57, issue=issue)
    d = docx.Document(path)
    assert d.sections[0]._sectPr.find(f"{W}pgNumType").get(f"{W}start") == "57"
    assert [t for _s, t in paragraphs(path)[:2]] == ["2020年总目录", "（条目末尾的数字为期号—页码）"]
    heads = {p.text for part in (d.sections[0].header, d.sections[0].even_page_header) for p in part.paragraphs}
    assert any("2020年第24期" in h for h in heads)
