"""The seed issue's eight documents (../shared/seeds), imported as .md, as GB18030 .txt and
as .docx, and the sample issue's sources (samples/jinan-2020-10) when they are there:
each document's title (as the seed's 目录 prints it, whitespace aside), 文号, 主送, 落款,
date, 印发 line, 附件说明, 登记号 and annex title, heading counts, and nothing lost."""
from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from editor.importers import import_path
from editor.importers.markdown import parse_markdown
from editor.model import BlockKind
from importer_checks import assert_nothing_lost
from importer_seed import SEED, seed_documents
from make_fixtures import blocks_to_docx

pytestmark = pytest.mark.skipif(not SEED.is_file(), reason="seed not beside the checkout")

STD = "各区县人民政府，市政府各部门（单位）："
OFFICE = ["济南市人民政府办公厅"]
EXPECTED = {   # from the seed: 目录 titles (lines 25–69) and the documents' own lines
    "report": dict(title="政府工作报告", kind="报告", subtitle="——2020年5月12日在济南市第十七届人民代表大会第二次会议上",
                   author="济南市市长 孙述涛", headings={1: 4, 2: 20}),
    "tongbao": dict(title="济南市人民政府关于表扬2019年度创新发展突出贡献企业的通报", kind="通报",
                    doc_number="济政字〔2020〕28号", recipients=STD, signature=["济南市人民政府"], date="2020年5月9日",
                    issued="（2020年5月9日印发）", annex_label="附件", annex_title="济南市2019年度创新发展突出贡献企业名单",
                    headings={1: 9}, list_items=110),
    "yanglao": dict(title="济南市人民政府办公厅关于加快推进养老服务发展的实施意见", kind="意见",
                    doc_number="济政办发〔2020〕7号", recipients=STD, signature=OFFICE, date="2020年4月30日",
                    issued="（2020年4月30日印发）", headings={1: 6, 2: 25}),
    "haochaping": dict(title="济南市人民政府办公厅关于进一步开展政务服务“好差评”工作全面提高政务服务水平的实施意见", kind="意见",
                       doc_number="济政办字〔2020〕18号", recipients=STD, signature=OFFICE, date="2020年4月30日",
                       issued="（2020年4月30日印发）", headings={1: 3, 2: 11, 3: 11}),
    "shenghuo": dict(title="济南市人民政府办公厅关于促进生活性服务业高端化发展的意见", kind="意见",
                     doc_number="济政办字〔2020〕19号", recipients="各区县人民政府，市政府有关部门（单位）：", signature=OFFICE,
                     date="2020年5月12日", issued="（2020年5月12日印发）", headings={1: 4, 2: 22}),
    "zaixian": dict(title="济南市人民政府办公厅关于印发济南市加快推进在线新经济发展三年行动计划（2020—2022年）的通知", kind="通知",
                    doc_number="济政办字〔2020〕20号", recipients=STD, signature=OFFICE, date="2020年5月13日",
                    issued="（2020年5月13日印发）", annex_title="济南市加快推进在线新经济发展三年行动计划（2020—2022年）",
                    headings={1: 4, 2: 2, 3: 21}),
    "laojiu": dict(title="济南市人民政府办公厅关于深入推进老旧小区改造的实施意见", kind="意见",
                   doc_number="济政办字〔2020〕21号", recipients=STD, signature=OFFICE, date="2020年5月11日",
                   issued="（2020年5月11日印发）", attachments=["附件：1. 基础类公共设施改造内容与标准", "2. 老旧小区改造任务分工表"],
                   note="注：本文附件详见济南市人民政府网站", headings={1: 6, 2: 27, 3: 5}, list_items=2),
    "waili": dict(title="济南市住房和城乡建设局济南市自然资源和规划局济南市生态环境局济南市城市管理局"
                        "关于印发《济南市建筑外立面管理办法》的通知", kind="通知",
                  registration="JNCR-2020-0150004", doc_number="济建发〔2020〕23号", recipients="各有关单位：",
                  signature=["济南市住房和城乡建设局", "济南市自然资源和规划局", "济南市生态环境局", "济南市城市管理局"],
                  date="2020年5月9日", issued="（2020年5月9日印发）", annex_title="济南市建筑外立面管理办法",
                  headings={}, chapters=5, list_items=10),
}


def flat(value):
    if isinstance(value, list):
        return [flat(v) for v in value]
    return re.sub(r"\s+", "", value)


def check(doc, name: str, full: bool = True) -> None:
    want = EXPECTED[name]
    got = {"title": doc.title, "kind": doc.kind, "subtitle": doc.subtitle, "author": doc.author,
           "doc_number": doc.doc_number, "recipients": doc.recipients, "signature": doc.signature,
           "date": doc.date, "issued": doc.issued, "attachments": doc.attachments,
           "registration": doc.registration, "note": doc.first(BlockKind.NOTE),
           "annex_label": doc.first(BlockKind.ANNEX_LABEL), "annex_title": doc.first(BlockKind.ANNEX_TITLE)}
    defaults = {"signature": [], "attachments": []}
    for key, value in got.items():
        assert flat(value) == flat(want.get(key, defaults.get(key, ""))), (name, key)
    if full:
        levels = Counter(b.level for b in doc.blocks if b.kind == BlockKind.HEADING)
        assert dict(levels) == want["headings"], name
        assert sum(b.kind == BlockKind.LIST_ITEM for b in doc.blocks) == want.get("list_items", 0), name
        assert sum(b.kind == BlockKind.CHAPTER for b in doc.blocks) == want.get("chapters", 0), name
    assert not [d for d in doc.diagnostics if d.code in ("missing-date", "missing-signature", "doc-number-brackets")]


@pytest.fixture(scope="module")
def seed():
    return seed_documents()


@pytest.mark.parametrize("name", list(EXPECTED))
def test_seed_document_as_markdown(tmp_path, seed, name):
    path = tmp_path / f"{name}.md"
    path.write_text(seed[name], encoding="utf-8")
    doc = import_path(path)
    check(doc, name)
    assert_nothing_lost(seed[name], doc)


@pytest.mark.parametrize("name", ["tongbao", "waili"])
def test_seed_document_as_gb18030_text(tmp_path, seed, name):
    path = tmp_path / f"{name}.txt"
    path.write_bytes(seed[name].encode("gb18030"))
    doc = import_path(path)
    assert doc.encoding == "gb18030"
    check(doc, name)
    assert_nothing_lost(seed[name], doc)


@pytest.mark.parametrize("name", list(EXPECTED))
def test_seed_document_as_docx_matches_markdown(tmp_path, seed, name):
    md = tmp_path / f"{name}.md"
    md.write_text(seed[name], encoding="utf-8")
    docx_path = blocks_to_docx(parse_markdown(seed[name]), tmp_path / f"{name}.docx")
    from_md, from_docx = import_path(md), import_path(docx_path)
    check(from_docx, name)
    assert [(b.kind, b.level, b.text) for b in from_docx.blocks] == [(b.kind, b.level, b.text) for b in from_md.blocks]
    assert [[(r.text, r.bold, r.script) for r in b.runs] for b in from_docx.blocks if b.kind == BlockKind.PARAGRAPH] \
        == [[(r.text, r.bold, r.script) for r in b.runs] for b in from_md.blocks if b.kind == BlockKind.PARAGRAPH]
    assert_nothing_lost(seed[name], from_docx)


SAMPLE_DOCS = Path(__file__).resolve().parents[2] / "samples" / "jinan-2020-10" / "docs"
SAMPLE_ORDER = list(EXPECTED)


@pytest.mark.skipif(not SAMPLE_DOCS.is_dir(), reason="sample issue not built")
def test_sample_issue_sources():
    files = sorted(f for f in SAMPLE_DOCS.iterdir() if f.suffix in (".docx", ".txt", ".md"))
    assert len(files) == len(SAMPLE_ORDER)
    for path, name in zip(files, SAMPLE_ORDER):
        check(import_path(path), name, full=False)
