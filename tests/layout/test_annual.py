"""The year's 总目录 set by the engine: on pages of its own (columns, running heads, page
numbers from 1) and as the last part of an issue (listed in its 目录, pages going on, its own
documents at the pages this layout gives them). Pure: FixedMetrics, no font files."""
import re
from dataclasses import replace

import pytest

from editor.layout.annual import AnnualIndex, IndexEntry, as_appendix, layout_annual_index
from editor.layout.issue import layout_issue
from editor.layout.metrics import FixedMetrics
from editor.layout.spec import load_spec
from editor.model import Block, BlockKind, Document, DocumentRef, Issue, Section

ROLES = ("body", "title", "hei", "kai", "song", "bold", "latin")
METRICS = {r: FixedMetrics() for r in ROLES}
SECTIONS = ["【市政府文件】", "【市政府办公厅文件】", "【市政府部门文件】"]


def entries(count: int) -> tuple[IndexEntry, ...]:
    """`count` documents shared out among 24 issues and three 栏目, titles of varied length."""
    out = []
    for n in range(count):
        title = f"关于做好第{n + 1}项重点工作" + "进一步加强管理" * (n % 4) + "的通知"
        number = f"济政办字〔2020〕{n + 1}号" if n % 3 else ""
        out.append(IndexEntry(SECTIONS[n % 3], title, number, n % 24 + 1, 3 + 7 * (n % 5), n % 4))
    return tuple(sorted(out, key=lambda e: (e.issue, e.position)))


@pytest.fixture(scope="module")
def spec():
    return load_spec("jinan-gazette")


def page_text(page) -> str:
    return "".join(line.text for line in page.lines)


def test_every_entry_is_printed_whole_with_its_doc_number_issue_and_page(spec):
    index = AnnualIndex("甲市人民政府公报", 2020, entries(60))
    result = layout_annual_index(index, spec, {}, METRICS)
    text = "".join(page_text(p) for p in result.pages)
    assert "甲市人民政府公报" in text and "2020年总目录" in text
    at = 0
    for group, listed in index.groups():
        at = text.index(group, at)
        for e in listed:
            at = text.index(e.title[:8], at)
            rest = text[at:at + 200]
            assert e.doc_number in rest and re.search(rf"…+{e.issue}—{e.page}", rest), (e, rest)
    assert len(result.pages) > 2


def test_entries_stand_in_the_columns_and_their_numbers_end_at_the_columns_edge(spec):
    result = layout_annual_index(AnnualIndex("甲市人民政府公报", 2020, entries(60)), spec, {}, METRICS)
    edges = [spec.column_measure, spec.measure]          # right edge of each column
    numbers = 0
    for page in result.pages:
        left = spec.left_margin(page.number)
        for line in page.lines:
            if re.fullmatch(r"\d+—\d+", line.text):
                right = line.xs[-1] + FixedMetrics().advance(line.text[-1]) * line.size - left
                assert min(abs(right - e) for e in edges) < 0.5, (line.text, right)
                numbers += 1
    assert numbers == 60


def test_an_entry_is_never_split_and_each_group_has_a_bookmark(spec):
    index = AnnualIndex("甲市人民政府公报", 2020, entries(90))
    result = layout_annual_index(index, spec, {}, METRICS)
    for page in result.pages:     # an entry's first line and its number share the page
        text = page_text(page)
        starts = [m.start() for m in re.finditer("关于做好", text)]
        assert len(starts) == len(re.findall(r"…\d+—\d+", text)), page.number
    assert [b.title for b in result.bookmarks] == SECTIONS
    for b in result.bookmarks:
        assert b.title in page_text(result.pages[b.page])


def test_an_index_on_its_own_is_numbered_from_1_under_its_own_running_head(spec):
    result = layout_annual_index(AnnualIndex("甲市人民政府公报", 2021, entries(60)), spec, {}, METRICS)
    assert [p.folio for p in result.pages] == list(range(1, len(result.pages) + 1))
    for page in result.pages:
        assert "2021年总目录" in [line.text for line in page.lines]       # the running head
        assert f"— {page.folio} —" in [line.text for line in page.lines]


def _document(title: str, paragraphs: int) -> Document:
    blocks = [Block.of(BlockKind.TITLE, title), Block.of(BlockKind.DOC_NUMBER, "济政字〔2020〕1号")]
    blocks += [Block.of(BlockKind.PARAGRAPH, "各单位要加强组织领导，明确责任分工，确保各项任务落到实处。" * 6)
               for _ in range(paragraphs)]
    return Document(blocks=blocks)


def test_appended_to_an_issue_it_is_listed_in_the_toc_and_its_own_documents_take_this_layouts_pages(spec):
    docs = [_document("关于甲事项的通知", 30), _document("关于乙事项的通知", 12)]
    issue = Issue(name="甲市人民政府公报", year=2020, number=24, total_number=334, date="2020-12-20",
                  sections=[Section("市政府文件", [DocumentRef("a.txt", document=d) for d in docs])])
    earlier = IndexEntry("【市政府文件】", "关于丙事项的通知", "济政字〔2020〕9号", 23, 17, 0)
    own = [IndexEntry("【市政府文件】", d.title, d.doc_number, 24, 0, k) for k, d in enumerate(docs)]
    index = AnnualIndex(issue.name, 2020, (earlier, *own))
    result = layout_issue(issue, spec, {}, METRICS, appendix=as_appendix(index, spec, 24))
    starts = [result.pages[i].folio for i in result.doc_pages]
    (part,) = [b for b in result.bookmarks if b.title == "2020年总目录"]
    appended = [p for p in result.pages if p.kind == "body" and p.doc is None]
    assert appended[0].index == part.page and appended[0].folio == starts[-1] + len(
        [p for p in result.pages if p.doc == 1])
    toc = "".join(page_text(p) for p in result.pages if p.kind == "toc")
    assert re.search(rf"2020年总目录…+（{appended[0].folio}）", toc)
    text = "".join(page_text(p) for p in appended)
    assert "23—17" in text and f"24—{starts[0]}" in text and f"24—{starts[1]}" in text
    assert result.pages[-1].kind == "back" and all(p.index > appended[-1].index
                                                  for p in result.pages if p.kind in ("back", "blank"))
    assert any(link.target_page == part.page for p in result.pages if p.kind == "toc" for link in p.links)
