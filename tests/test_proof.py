"""The 校对 list's last check: the laid-out 目录 against the pages where titles stand."""
from dataclasses import replace

import pytest

from testpaths import ROOT
from editor.pipeline import layout, load_issue
from editor.proof import check_issue, check_toc


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
