"""Pagination on the grid with keep rules, on synthetic lines (no fonts involved)."""
import pytest

from editor.layout.paginate import paginate
from editor.layout.lines import SetLine
from editor.layout.spec import load_spec


@pytest.fixture(scope="module")
def spec():
    return load_spec("gbt9704")


def para(spec, n, block, keep_first_last=True):
    lines = [SetLine([], spec.line_pitch, spec.size, True, block, first=i == 0, last=i == n - 1)
             for i in range(n)]
    if keep_first_last and n >= 2:
        lines[0].keep_with_next = True
        lines[-2].keep_with_next = True
    return lines


def blocks_per_page(pages):
    return [[p.line.block for p in page] for page in pages]


def test_a_full_page_holds_lines_per_page_grid_lines(spec):
    pages = paginate(para(spec, 50, 0, keep_first_last=False), spec)
    assert [len(p) for p in pages] == [22, 22, 6]
    tops = [p.top for p in pages[0]]
    assert tops == pytest.approx([k * spec.line_pitch for k in range(22)])


def test_heading_is_not_left_at_the_page_bottom(spec):
    lines = para(spec, 21, 0)
    head = SetLine([], spec.line_pitch, spec.size, True, 1, first=True, last=True, keep_with_next=True)
    pages = paginate(lines + [head] + para(spec, 5, 2), spec)
    assert 1 not in blocks_per_page(pages)[0]
    assert blocks_per_page(pages)[1][0] == 1


def test_first_line_of_a_paragraph_is_not_alone_at_the_bottom(spec):
    pages = paginate(para(spec, 21, 0) + para(spec, 6, 1), spec)
    assert blocks_per_page(pages)[0].count(1) == 0
    assert len(pages[0]) == 21


def test_last_line_of_a_paragraph_is_not_alone_at_the_top(spec):
    pages = paginate(para(spec, 23, 0) + para(spec, 4, 1), spec)
    # 23 lines: 22 would fit, but then the last line would open page 2 alone
    assert len(pages[0]) == 21 and len(pages[1]) == 2 + 4


def test_explicit_page_break_and_space_before(spec):
    a = para(spec, 3, 0)
    b = para(spec, 3, 1)
    b[0].page_break_before = True
    c = para(spec, 2, 2)
    c[0].space_before = spec.line_pitch
    pages = paginate(a + b + c, spec)
    assert blocks_per_page(pages) == [[0, 0, 0], [1, 1, 1, 2, 2]]
    assert pages[1][3].top == pytest.approx(4 * spec.line_pitch)   # one blank grid line


def test_space_before_is_dropped_at_a_page_top(spec):
    a = para(spec, 22, 0, keep_first_last=False)
    b = para(spec, 2, 1)
    b[0].space_before = 2 * spec.line_pitch
    pages = paginate(a + b, spec)
    assert pages[1][0].top == 0


def test_a_keep_chain_longer_than_a_page_still_breaks(spec):
    lines = para(spec, 30, 0, keep_first_last=False)
    for ln in lines:
        ln.keep_with_next = True
    pages = paginate(lines, spec)
    assert [len(p) for p in pages] == [22, 8]


def test_off_grid_lines_then_snap_back(spec):
    title = SetLine([], 30.0, 22, False, 0, keep_with_next=True)
    pages = paginate([title] + para(spec, 2, 1), spec)
    assert pages[0][1].top == pytest.approx(2 * spec.line_pitch)   # 30 pt rounds up to the next grid line


def test_lone_lines_that_could_not_be_avoided_are_reported(spec):
    from editor.layout.flow import FlowPage
    from editor.layout.issue import _lone_lines
    from editor.layout.paginate import PlacedLine
    a = para(spec, 3, 7, keep_first_last=False)
    b = para(spec, 3, 8, keep_first_last=False)
    pages = []
    for column in ([PlacedLine(a[0], 0), PlacedLine(a[1], 29)], [PlacedLine(a[2], 0), PlacedLine(b[0], 29)],
                   [PlacedLine(b[1], 0), PlacedLine(b[2], 29)]):
        pages.append(FlowPage())
        pages[-1].add(column)
    found = {(d.code, d.block) for d in _lone_lines(pages, 4)}
    assert found == {("widow", 7), ("orphan", 8)}
    assert all(d.document == 4 for d in _lone_lines(pages, 4))
