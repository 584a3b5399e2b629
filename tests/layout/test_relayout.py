"""Laying an issue out again after an edit: what the layout keeps from before (paragraphs
set, documents flowed, pages placed) gives exactly the pages and problems a fresh layout
gives. Pure: FixedMetrics, no font files."""
from __future__ import annotations

import shutil

import pytest

from editor.layout import blocks, issue as issue_layout, pagecache, setting
from editor.layout.fonts import FontFace
from editor.layout.issue import layout_issue
from editor.layout.metrics import FixedMetrics
from editor.layout.spec import load_spec
from editor.model import Block, BlockKind as K, Document, DocumentRef, Issue, Run, Section

ROLES = ("body", "title", "hei", "kai", "song", "bold", "latin")


class WithoutCircle(FixedMetrics):
    """A face without 〇: the layout prints 〓 and reports it."""

    def has(self, ch: str) -> bool:
        return ch != "〇"


@pytest.fixture(autouse=True)
def own_cache(tmp_path, monkeypatch):
    """An empty cache folder: a fresh layout lays out, it does not read earlier pages."""
    monkeypatch.setenv("GAZETTE_CACHE_DIR", str(tmp_path / "cache"))


def _forget_documents() -> None:
    """The documents' pages, in memory and on disk: each is set again."""
    issue_layout._doc_cache.clear()
    shutil.rmtree(pagecache.folder(), ignore_errors=True)


def _forget() -> None:
    _forget_documents()
    issue_layout._emitted.clear()
    setting._set_paragraphs.clear()
    blocks._title_breaks.clear()


def _document(n: int) -> Document:
    blocks = [Block.of(K.TITLE, f"济南市人民政府关于第{n}项工作的通知"), Block.of(K.DOC_NUMBER, f"济政字〔2020〕{n}号"),
              Block.of(K.RECIPIENTS, "各区县人民政府，市政府各部门（单位）：")]
    blocks += [Block.of(K.PARAGRAPH, f"第{k}段，各单位要高度重视这项工作，二〇二〇年底前完成。" * 5) for k in range(12)]
    blocks += [Block.of(K.LIST_ITEM, f"{k}. 济南某某有限公司") for k in range(1, 9)]
    blocks += [Block.of(K.SIGNATURE, "济南市人民政府"), Block.of(K.DATE, "2020年5月9日")]
    return Document(blocks)


def _issue() -> Issue:
    docs = [_document(n) for n in range(1, 4)]
    return Issue(year=2020, number=1, total_number=1, sections=[
        Section("市政府文件", [DocumentRef("a", document=docs[0]), DocumentRef("b", document=docs[1])]),
        Section("市政府办公厅文件", [DocumentRef("c", document=docs[2])])])


def _lay_out(issue: Issue, layout: str):
    metrics = {r: WithoutCircle() for r in ROLES}
    return layout_issue(issue, load_spec(layout), {r: FontFace(r, r, r, "x") for r in ROLES}, metrics)


@pytest.mark.parametrize("layout", ["jinan-gazette", "gbt9704"])
def test_a_layout_after_edits_is_a_fresh_layout(layout):
    _forget()
    issue = _issue()
    first = _lay_out(issue, layout)
    doc = issue.documents()[1]
    doc.blocks[5].runs = doc.blocks[5].runs + [Run("（补充一句话，让这一段长出一行。）" * 2)]
    doc.blocks[-4].runs = [Run("7. 济南另一家有限公司")]
    again = _lay_out(issue, layout)
    _forget()
    fresh = _lay_out(issue, layout)
    assert again.pages == fresh.pages
    assert again.diagnostics == fresh.diagnostics
    assert again.pages != first.pages                  # the edit did change the pages


def test_problems_found_in_setting_are_reported_on_every_layout():
    _forget()
    issue = _issue()
    for _ in range(2):
        result = _lay_out(issue, "jinan-gazette")
        missing = [d for d in result.diagnostics if d.code == "missing-glyph"]
        assert {(d.document, d.block) for d in missing} == {(k, b) for k in range(3) for b in range(3, 15)}
        assert all(d.page is not None for d in missing)
        _forget_documents()     # the documents set again, their paragraphs as before
