"""The column flow on synthetic lines (no fonts): spanning titles, columns, balancing, keeps."""
from dataclasses import replace

import pytest

from editor.layout.flow import flow
from editor.layout.lines import SetLine
from editor.layout.spec import load_spec


@pytest.fixture(scope="module")
def spec():
    """Two columns of 10 grid lines: small numbers keep the cases readable."""
    base = load_spec("jinan-gazette")
    return replace(base, columns=2, lines_per_page=10)


def para(spec, n, block, keep_first_last=True):
    lines = [SetLine([], spec.line_pitch, spec.size, True, block, first=i == 0, last=i == n - 1)
             for i in range(n)]
    if keep_first_last and n >= 2:
        lines[0].keep_with_next = True
        lines[-2].keep_with_next = True
    return lines


def title(spec, block=0, n=1):
    lines = [SetLine([], spec.line_pitch, spec.size, True, block, first=i == 0, last=i == n - 1,
                     keep_with_next=True, span=True) for i in range(n)]
    lines[-1].space_after = spec.line_pitch
    return lines


def columns_of(page):
    """Per chunk: (left offset, number of lines)."""
    return [(round(chunk[0].left), len(chunk)) for chunk in page.chunks]


def rows(spec, placed):
    return [round(p.top / spec.line_pitch) for p in placed]


def test_full_pages_fill_both_columns_to_the_last_grid_line(spec):
    pages = flow(para(spec, 45, 0, keep_first_last=False), spec)
    assert [len(p.lines) for p in pages] == [20, 20, 5]
    left, right = pages[0].chunks
    assert rows(spec, left) == rows(spec, right) == list(range(10))
    assert right[0].left == pytest.approx(spec.column_measure + spec.gutter)


def test_a_documents_last_columns_are_balanced(spec):
    pages = flow(para(spec, 7, 0, keep_first_last=False), spec)
    assert columns_of(pages[0])[0][1] == 4 and columns_of(pages[0])[1][1] == 3


def test_a_spanning_title_then_columns_below_it(spec):
    pages = flow(title(spec) + para(spec, 12, 1, keep_first_last=False), spec)
    page = pages[0]
    head, left, right = page.chunks
    assert head[0].line.span and head[0].left == 0
    assert rows(spec, left)[0] == rows(spec, right)[0] == 2        # title, one blank line, text
    assert len(left) == len(right) == 6                              # the run ends: balanced


def test_a_title_mid_page_balances_the_columns_above_it(spec):
    lines = para(spec, 6, 0, keep_first_last=False) + title(spec, 1) + para(spec, 4, 2, keep_first_last=False)
    page = flow(lines, spec)[0]
    above_left, above_right, head, below_left, below_right = page.chunks
    assert len(above_left) == len(above_right) == 3
    assert head[0].top >= max(p.bottom for p in above_right) - 0.01
    assert len(below_left) == len(below_right) == 2
    assert below_left[0].top > head[0].top


def test_a_title_that_would_end_a_page_moves_with_its_text(spec):
    lines = para(spec, 18, 0, keep_first_last=False) + title(spec, 1) + para(spec, 6, 2)
    pages = flow(lines, spec)
    assert pages[0].chunks[-1][-1].line.block == 0
    assert pages[1].chunks[0][0].line.span


def test_widows_and_orphans_hold_per_column(spec):
    # 9 lines of a first paragraph, then a 3-line paragraph: its first line would stand alone
    # at the foot of the left column; it goes to the head of the right column instead
    lines = para(spec, 9, 0, keep_first_last=False) + para(spec, 3, 1) + para(spec, 10, 2)
    page = flow(lines, spec)[0]
    left, right = page.chunks[:2]
    assert [p.line.block for p in left] == [0] * 9
    assert right[0].line.block == 1 and right[0].line.first


def test_one_column_layout_is_the_same_flow(spec):
    one = replace(spec, columns=1)
    pages = flow(title(one) + para(one, 25, 1, keep_first_last=False), one)
    assert [len(p.lines) for p in pages] == [9, 10, 7]     # title, a blank line, 8 lines
    assert all(p.left == 0 for page in pages for p in page.lines)


def test_nothing_is_lost_or_repeated(spec):
    lines = (title(spec, 0, 2) + para(spec, 23, 1) + title(spec, 2) + para(spec, 5, 3)
             + para(spec, 31, 4) + title(spec, 5) + para(spec, 2, 6))
    pages = flow(lines, spec)
    placed = [p.line for page in pages for p in page.lines]
    assert [id(x) for x in placed] == [id(x) for x in lines]
