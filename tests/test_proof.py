"""The 校对 list's last check: the laid-out 目录 against the pages where titles stand."""
from dataclasses import replace

import pytest

from testpaths import ROOT
from editor.pipeline import layout, load_issue
from editor.model import Issue
from editor.proof import check_issue, check_numbering, check_toc


@pytest.fixture(scope="module")
def result():
    return layout(load_issue(ROOT / "samples" / "jinan-2020-10" / "issue.json"))


def test_the_sample_toc_agrees_with_its_pages(result):
    assert check_toc(result) == []
    codes = [d.code for d in check_issue(result)]
    assert "toc-page" not in codes and "toc-title" not in codes


def test_a_toc_number_that_points_elsewhere_is_an_error(result):
    moved = replace(result, layout=replace(result.layout, doc_pages=[p + 1 for p in result.layout.doc_pages]))
    problems = check_toc(moved)
    assert [d.code for d in problems] == ["toc-page"] * 8
    assert [d.document for d in problems] == list(range(8))


def test_a_title_changed_after_the_toc_was_set_is_an_error(result):
    pages = result.layout.pages
    toc = next(p for p in pages if p.kind == "toc")
    lines = toc.lines
    toc.lines = [replace(ln, text=ln.text.replace("养老服务", "养老事业")) for ln in lines]
    try:
        problems = check_toc(result)
    finally:
        toc.lines = lines
    assert [(d.code, d.document) for d in problems] == [("toc-title", 2)]


def test_the_sample_cover_numbers_need_no_remark(result):
    assert check_numbering(result.issue) == []


def test_numbers_of_0_and_a_missing_date_are_errors():
    problems = check_numbering(Issue(year=2020))
    assert [(d.code, d.severity.value) for d in problems] == [
        ("issue-number", "error"), ("issue-total", "error"), ("issue-date", "error")]
    assert "缺少出版日期" in problems[2].message
    assert "不是有效日期" in check_numbering(Issue(year=2020, number=1, total_number=1, date="5月20日"))[0].message


def test_a_total_number_that_does_not_continue_the_previous_issue_is_flagged():
    made = Issue(year=2020, number=11, total_number=321, date="2020-06-05", previous_total=320)
    assert check_numbering(made) == []
    made.total_number = 312
    (problem,) = check_numbering(made)
    assert problem.code == "issue-total-sequence" and "总第320期" in problem.message and "321" in problem.message
    assert check_numbering(Issue(year=2020, number=11, total_number=5, date="2020-06-05")) == []   # not made from one
