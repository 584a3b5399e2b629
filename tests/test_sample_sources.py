"""The sample issue samples/jinan-2020-10/: rebuilt from the seed, reproducible, complete.

The checks read the seed on their own (region, 目录, markup) rather than through the
generator, so a generator bug cannot hide itself.
"""
from __future__ import annotations

import importlib
import importlib.util
import re
import sys
from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt

from editor.issuefile import read_issue

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "jinan-2020-10"
SEED = ROOT.parent / "shared" / "seeds" / "000_0fbe94d9b63093d3.txt"


# ---- helpers: reading the seed and the sources independently -------------------------

def nonspace(text: str) -> str:
    return re.sub(r"\s+", "", text)


def strip_markup(text: str) -> str:
    """Markdown-like markup removed: `#`, `- ` bullets, `**`, `<sub>`, links, `---` rules."""
    lines = []
    for line in text.split("\n"):
        if line.strip() == "---":
            continue
        line = re.sub(r"^\s*(#+\s*|- )", "", line)
        line = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", line)
        line = re.sub(r"<(https?://[^>]+)>", r"\1", line)
        lines.append(line.replace("**", "").replace("<sub>", "").replace("</sub>", ""))
    return "\n".join(lines)


@pytest.fixture(scope="module")
def seed_lines() -> list[str]:
    assert SEED.is_file(), f"种子文件不存在：{SEED}"
    return SEED.read_text(encoding="utf-8").split("\n")


def document_region(lines: list[str]) -> str:
    start = lines.index("# 政府工作报告")
    end = lines.index("# 《济南市人民政府公报》简介")
    return "\n".join(lines[start:end])


def toc_entries(lines: list[str]) -> list[dict]:
    """The 目录 (lines 25–69): section, title and 文号 of each entry, whitespace removed."""
    start = next(i for i, l in enumerate(lines) if nonspace(l) == "##目录")
    entries, section, held = [], "", []
    for line in lines[start + 1:]:
        if line.startswith("# "):
            break
        text = strip_markup(line).strip()
        if m := re.fullmatch(r"【(.+)】", text):
            section = m.group(1)
        elif "....." in text:
            last = text.split(".....")[0].strip()
            number = nonspace(last.strip("()（）")) if last[0] in "(（" else ""
            title = "".join(t for t in held if not t.startswith("——"))
            entries.append({"section": section, "title": nonspace(title), "doc_number": number})
            held = []
        elif text:
            held.append(text)
    return entries


def sources() -> list[Path]:
    issue = read_issue(SAMPLE / "issue.json")
    return [SAMPLE / ref.source for _, ref in issue.refs()]


def paragraphs(path: Path) -> list[str]:
    """A source's paragraphs as an editor sees them (markup removed, empty ones dropped)."""
    if path.suffix == ".docx":
        found = [p.text for p in docx.Document(str(path)).paragraphs]
    elif path.suffix == ".txt":
        found = path.read_bytes().decode("gb18030").split("\r\n")
    else:
        found = strip_markup(path.read_text(encoding="utf-8")).split("\n\n")
    return [p.strip() for p in found if p.strip()]


def docx_signature(path: Path) -> list[tuple]:
    """Each paragraph's text and formatting, and each run's text and character format."""
    out = []
    for p in docx.Document(str(path)).paragraphs:
        pf = p.paragraph_format
        runs = []
        for r in p.runs:
            fonts = r._element.rPr.rFonts if r._element.rPr is not None else None
            east = fonts.get(qn("w:eastAsia")) if fonts is not None else None
            runs.append((r.text, r.bold, r.font.subscript, r.font.name, east, r.font.size))
        out.append((p.text, pf.alignment, pf.first_line_indent, pf.right_indent, tuple(runs)))
    return out


def is_subsequence(needle: str, hay: str) -> int:
    """-1 if every character of needle occurs in hay in order; else how many were found."""
    pos = 0
    for n, ch in enumerate(needle):
        pos = hay.find(ch, pos)
        if pos < 0:
            return n
        pos += 1
    return -1


# ---- (a) the generator is deterministic and its output is what is committed ----------

def load_generator():
    spec = importlib.util.spec_from_file_location("make_sample", ROOT / "samples" / "make_sample.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module   # dataclasses look their module up while being built
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def regenerated(tmp_path_factory, seed_lines) -> tuple[Path, Path]:
    gen = load_generator()
    first, second = tmp_path_factory.mktemp("a"), tmp_path_factory.mktemp("b")
    gen.build_sample(SEED, first)
    gen.build_sample(SEED, second)
    return first, second


def test_generator_gives_the_same_bytes_twice(regenerated):
    first, second = regenerated
    names = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    assert len(names) == 9
    for name in names:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name


def test_committed_sample_is_the_generator_output(regenerated):
    fresh = regenerated[0]
    committed = sorted(p.relative_to(SAMPLE) for p in SAMPLE.rglob("*") if p.is_file())
    assert committed == sorted(p.relative_to(fresh) for p in fresh.rglob("*") if p.is_file())
    for name in committed:
        if name.suffix == ".docx":
            assert docx_signature(SAMPLE / name) == docx_signature(fresh / name), name
        else:
            assert (SAMPLE / name).read_bytes() == (fresh / name).read_bytes(), name


# ---- (b) the sources lose and add nothing ---------------------------------------------

def test_sources_hold_exactly_the_seed_documents(seed_lines):
    want = nonspace(strip_markup(document_region(seed_lines)))
    got = nonspace("".join("".join(paragraphs(p)) for p in sources()))
    if got != want:
        at = next((i for i, (a, b) in enumerate(zip(got, want)) if a != b), min(len(got), len(want)))
        pytest.fail(f"来源文件与种子不一致，位置 {at}：\n种子：{want[at - 30:at + 30]}\n来源：{got[at - 30:at + 30]}")


def test_page_breaks_are_joined_verbatim():
    texts = [paragraphs(p) for p in sources()]
    joined = {  # document index → fragments that must now sit inside one paragraph
        0: ["山东高等技术研究院挂牌成立", "调集全市优质医疗资源", "牢记使命使命”主题教育",
            "（二）推进法治政府建设。坚持依宪施政", "——2020年5月12日在济南市第十七届人民代表大会第二次会议上",
            "各位代表！让我们更加紧密地团结在以习近平同志为核心的党中央周围"],
        1: ["对山东钢铁集团有限公司等110户", "4. 中国工商银行股份有限公司济南分行",
            "10. 中国邮政储蓄银行股份有限公司山东省分行"],
        2: ["（二）扩大社区养老服务设施供给。各区县规划居住"],
        4: ["叫响“味道济南”新名片", "市人力资源社会保障障局"],
        5: ["（责任部门：市工业和信息化局）", "为进一步统筹推进疫情防控"],
        6: ["（四）招标采购。基础类公共设施改造实施主体", "利用小区现有资源配置（新建、置换）"],
    }
    for doc, fragments in joined.items():
        for fragment in fragments:
            assert any(fragment in p for p in texts[doc]), (doc, fragment)


def test_real_paragraph_ends_stay_apart():
    texts = [paragraphs(p) for p in sources()]
    alone = {  # paragraphs that end without a full stop and must not swallow the next one
        1: ["济南市人民政府", "2020年5月9日", "附件", "（2020年5月9日印发）", "1. 山东钢铁集团有限公司"],
        6: ["附件：1. 基础类公共设施改造内容与标准", "2. 老旧小区改造任务分工表",
            "济南市人民政府办公厅", "2020年5月11日", "注：本文附件详见济南市人民政府网站"],
        7: ["JNCR - 2020 - 0150004", "济建发〔2020〕23号", "济南市生态环境局", "济南市建筑外立面管理办法",
            "第十二条 新建建筑物外立面，应当按照规划许可要求和规范标准进行图审、施工、监理和验收"],
    }
    for doc, paras in alone.items():
        for para in paras:
            assert para in texts[doc], (doc, para)
    assert texts[7][0] == "JNCR - 2020 - 0150004"   # the registration code opens document 8


# ---- (c) the issue file ---------------------------------------------------------------

def test_issue_file_has_the_four_sections(seed_lines):
    issue = read_issue(SAMPLE / "issue.json")
    toc = toc_entries(seed_lines)
    assert [s.name for s in issue.sections] == ["市十七届人大二次会议文件", "市政府文件",
                                                "市政府办公厅文件", "市政府部门文件"]
    assert [len(s.documents) for s in issue.sections] == [1, 1, 5, 1]
    assert [s.name for s, _ in issue.refs()] == [e["section"] for e in toc]
    for path in sources():
        assert path.is_file(), path
    assert sorted(p.suffix for p in sources()) == [".docx"] * 6 + [".md", ".txt"]


def test_issue_metadata_comes_from_cover_and_back_page():
    issue = read_issue(SAMPLE / "issue.json")
    assert (issue.name, issue.year, issue.number, issue.total_number, issue.date) == \
        ("济南市人民政府公报", 2020, 10, 320, "2020-05-20")
    assert (issue.sponsor, issue.publisher, issue.printer) == \
        ("济南市人民政府", "济南市人民政府公报编辑室", "济南市政府机关文印中心")
    assert issue.internal_number == "鲁联内资（2009）第1351号"
    assert (issue.website, issue.email, issue.postcode) == \
        ("http://www.jinan.gov.cn", "sdjngb@jinan.gov.cn", "250099")
    assert issue.address.startswith("济南市历下区") and issue.phone.startswith("0531")
    assert issue.intro_title == "《济南市人民政府公报》简介" and len(issue.intro) == 5
    assert not any("](" in p or "<http" in p for p in issue.intro)
    assert "www.jinan.gov.cn" in issue.intro[4] and issue.layout == "jinan-gazette"


# ---- the sources look like what an office sends ---------------------------------------

def test_titles_and_numbers_are_single_paragraphs(seed_lines):
    for path, entry in zip(sources(), toc_entries(seed_lines)):
        paras = [nonspace(p) for p in paragraphs(path)]
        assert entry["title"] in paras, path.name
        if entry["doc_number"]:
            assert paras[paras.index(entry["title"]) + 1] == entry["doc_number"], path.name


def test_word_files_are_formatted_by_hand_not_markdown():
    for path in sources():
        if path.suffix != ".docx":
            continue
        d = docx.Document(str(path))
        assert round(d.sections[0].page_width.mm) == 210 and round(d.sections[0].page_height.mm) == 297
        paras = [p for p in d.paragraphs if p.text.strip()]
        assert not any(re.match(r"(#+|- |\* )", p.text) or "**" in p.text or "<sub>" in p.text
                       for p in paras), path.name
        title = paras[1] if paras[0].text.startswith("JNCR") else paras[0]
        assert title.alignment == WD_ALIGN_PARAGRAPH.CENTER and title.runs[0].font.size == Pt(22)
        body = [p for p in paras if p.paragraph_format.first_line_indent == Pt(32)]
        assert len(body) > len(paras) / 2, path.name
        east = {r._element.rPr.rFonts.get(qn("w:eastAsia")) for p in body for r in p.runs}
        assert "仿宋_GB2312" in east and all(r.font.size == Pt(16) for p in body for r in p.runs)
        ends = [p for p in paras if p.alignment == WD_ALIGN_PARAGRAPH.RIGHT]
        assert path.name.startswith("01-") or re.fullmatch(r"\d{4}年\d+月\d+日", ends[-1].text)


def test_bold_lead_ins_and_subscript_survive_as_character_styles():
    report, rules = docx.Document(str(sources()[0])), docx.Document(str(sources()[7]))
    bold = [r.text for p in report.paragraphs for r in p.runs if r.bold]
    assert "我们始终把疫情防控作为头等大事来抓" in bold and "对外开放步伐加快。" in bold
    assert [r.text for p in report.paragraphs for r in p.runs if r.font.subscript] == ["2.5"]
    articles = [r.text for p in rules.paragraphs for r in p.runs if r.bold and r.text.startswith("第")]
    assert articles[:2] == ["第一条", "第二条"] and len(articles) == 26


def test_plain_text_source_is_gb18030_with_office_indents():
    path = next(p for p in sources() if p.suffix == ".txt")
    raw = path.read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    lines = raw.decode("gb18030").split("\r\n")
    assert "\n" not in raw.decode("gb18030").replace("\r\n", "")
    body = [l for l in lines if l.startswith("　　") and not l.startswith("　　　")]
    assert len(body) > 100 and lines[0] == "济南市人民政府关于表扬2019年度创新发展突出贡献企业的通报"


def test_markdown_source_is_utf8_markdown():
    path = next(p for p in sources() if p.suffix == ".md")
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# 济南市人民政府办公厅关于进一步开展政务服务“好差评”工作")
    assert "\n## 一、总体要求\n" in text and "\n### （三）强化数据归集共享与分析处理。\n" in text


# ---- importing every sample source (needs editor.importers.import_path) --------------

def _import_path():
    try:
        return getattr(importlib.import_module("editor.importers"), "import_path", None)
    except ImportError:
        return None


needs_importer = pytest.mark.skipif(_import_path() is None,
                                    reason="editor.importers.import_path 尚未提供")


@needs_importer
@pytest.mark.parametrize("index", range(8))
def test_importer_recognises_title_and_number(index, seed_lines):
    entry, path = toc_entries(seed_lines)[index], sources()[index]
    document = _import_path()(path)
    assert nonspace(document.title) == entry["title"], f"{path.name}：标题识别不对"
    assert nonspace(document.doc_number) == entry["doc_number"], f"{path.name}：文号识别不对"


@needs_importer
@pytest.mark.parametrize("index", range(8))
def test_importer_keeps_every_character(index):
    path = sources()[index]
    document = _import_path()(path)
    want = nonspace("".join(paragraphs(path)))
    found = is_subsequence(want, nonspace(document.text))
    assert found == -1, f"{path.name}：第 {found} 个字符起丢失：{want[found:found + 30]}"
