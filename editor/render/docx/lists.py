"""名单 items as our layout sets them (layout.blocks._name_list): the number at the first-line
indent, the name half an em after the widest number of the list, a name that wraps going
on under itself; two short names to a line, the second pair at the middle of the measure.

in: the writing Context, a list item block and the lines our layout printed it in
(placed.py); out: the paragraph's indents (w:ind left = the name's edge, hanging back to
the number) and the extra space after the number (w:spacing on its last character) that
brings the name to that edge on the first line — read from where our PDF drew the number
and the name, not worked out again.
"""
from __future__ import annotations

from ...layout.blocks import LIST_NUMBER
from ...model import Block
from . import oxml
from .placed import column_left, name_start
from .runs import add_runs, char_width
from .styles import add_paragraph, spec_key, style_for


def _prefix_width(ctx, text: str, role: str, size: float) -> float:
    track = ctx.spec.tracking if size == ctx.spec.size else 0.0    # the grid's, as w:spacing
    return sum(char_width(ctx.metrics, ch, role, size) + track for ch in text)


def _number_and_name(ctx, block: Block, lines: list):
    """(number match, number's left, name's left in its column, pt) or None when the
    layout did not set the number apart."""
    m = LIST_NUMBER.match(block.text)
    found = name_start(lines, m.group(1)) if m else None
    if found is None:
        return None
    number_x, name_x = found
    column = number_x - column_left(number_x, ctx.spec, ctx.sections.columns)
    return m, number_x - column, name_x - column


def _space_after_number(ctx, block: Block, m, distance: float) -> dict[int, float]:
    """{offset of the number's last character: the space after it that puts the name
    `distance` pt after the number's start} (add_runs' widths)."""
    st = ctx.spec.style(spec_key(block))
    width = _prefix_width(ctx, block.text[m.start(1):m.end()], st.font, st.size)
    return {m.end() - 1: max(distance - width, 0.0)}


def name_indent(ctx, pPr, block: Block, lines: list) -> dict[int, float]:
    """Indent a list item's paragraph as our layout set it (w:ind left at the name, hanging
    back to the number); out: add_runs' widths for its number ({} when set as it comes)."""
    found = _number_and_name(ctx, block, lines)
    if found is None:
        return {}
    m, number_x, name_x = found
    oxml.set_child(pPr, "ind", left=round(name_x * 20), hanging=round((name_x - number_x) * 20),
                   firstLine=None, leftChars=0, firstLineChars=0, hangingChars=0)
    return _space_after_number(ctx, block, m, name_x - number_x)


def write_pair(ctx, first: Block, second: Block, lines: list, bold: str | None) -> object:
    """Two 名单 items on one line, the second's number at the middle of the measure (plus
    the indent), each name as far after its number as our layout put it."""
    p = add_paragraph(ctx.doc, style_for(first))
    st = ctx.spec.style(spec_key(first))
    pPr = p._p.get_or_add_pPr()
    oxml.set_child(pPr, "jc", val="left")
    oxml.add_tab(pPr, ctx.measure / 2 + st.indent * st.size, "left")
    found = _number_and_name(ctx, first, lines)
    m2 = LIST_NUMBER.match(second.text)
    gaps: tuple[dict, dict] = ({}, {})
    if found and m2:
        m, number_x, name_x = found
        gaps = (_space_after_number(ctx, first, m, name_x - number_x),
                _space_after_number(ctx, second, m2, name_x - number_x))
    add_runs(p, first.runs, bold=bold, bold_face=ctx.bold_face, widths=gaps[0])
    p.add_run("\t")
    add_runs(p, second.runs, bold=bold, bold_face=ctx.bold_face, widths=gaps[1])
    return p
