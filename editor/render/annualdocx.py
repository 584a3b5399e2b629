"""The year's 总目录 as a Word file, set like our PDF of it (layout/annual.py).

in: the AnnualIndex, the LayoutSpec, the number of its first page (1 for an index on its own;
where it starts when it ends an issue, whose running heads it then carries); out: a .docx
written atomically. One section across the page holds the 刊名, the title and its note; a
continuous section break, then two columns (as the spec's body) hold the groups and
entries: an entry's title (lines after the first one character in), then its 文号, a right
tab with leaders at the column's edge and 期号—页码, kept together.
Page set-up, styles, running heads and page numbers are the issue export's (render/docx).
"""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import docx

from ..layout.annual import NOTE, NUMBER_FORMAT, AnnualIndex, standalone
from ..layout.spec import LayoutSpec, Style
from ..model import Issue
from .docx import oxml, save_atomic
from .docx.columns import end_section, make_grid
from .docx.sections import needs_odd_even, set_start, setup_page, write_furniture, write_settings
from .docx.styles import TOC_TITLE, FontNames, add_paragraph, write_style, write_styles

GROUP, ENTRY, NUMBER, NOTE_STYLE = "总目录分组", "总目录条目", "总目录文号", "总目录说明"
LEADERS = {"…": "middleDot", "·": "middleDot", ".": "dot", "-": "hyphen", "_": "underscore"}


def _styles(doc, spec: LayoutSpec, names: FontNames, grid) -> None:
    conf, size = spec.annual, spec.size
    write_style(doc, NOTE_STYLE, names, grid, Style(font="kai", size=size, align="center", indent=0,
                                                   leading=1.6))
    write_style(doc, GROUP, names, grid, Style(font=conf.get("group_font", "hei"), size=size,
                                              align="left", indent=0, space_before=1), keep_next=True)
    leader = LEADERS.get(spec.toc.get("leader", "…"), "dot")
    em = round(size * 20)
    for name, align in ((ENTRY, "justify"), (NUMBER, "left")):
        style = write_style(doc, name, names, grid, Style(font="body", size=size, align=align, indent=0))
        pPr = style.element.get_or_add_pPr()
        if name == ENTRY:        # a hanging indent: lines after the first stand one in
            oxml.set_child(pPr, "ind", left=em, leftChars=100, hanging=em, hangingChars=100,
                           firstLine=None, firstLineChars=None)
        else:
            oxml.set_child(pPr, "ind", left=em, leftChars=100)
        oxml.set_on(pPr, "keepLines")
        oxml.add_tab(pPr, spec.column_measure, "right", leader)


def _column_grid(grid, spec: LayoutSpec):
    """The document grid with the column's character pitch: chars_per_line is per column."""
    if not spec.chars_per_line:
        return grid
    column = (grid.measure - spec.gutter * (spec.columns - 1)) / spec.columns
    return replace(grid, char_pitch=column / spec.chars_per_line)


def build_annual_docx(index: AnnualIndex, spec: LayoutSpec, first_page: int = 1,
                      issue: Issue | None = None):
    """out: the python-docx Document (not saved); `issue`: the issue it ends, whose running
    heads it carries (None: an index on its own, headed with its title)."""
    on_its_own = issue is None
    if on_its_own:
        spec, issue = standalone(index, spec)
    doc = docx.Document()
    grid = make_grid(spec)
    names = FontNames(spec)          # the office faces by name: the index embeds no fonts
    write_styles(doc, names, grid)
    _styles(doc, spec, names, grid)
    odd_even = needs_odd_even(spec, issue)
    write_settings(doc, spec, odd_even)
    head = doc.sections[0]
    setup_page(head, spec, _column_grid(grid, spec))
    write_furniture(head, spec, grid, issue, odd_even)
    set_start(head, "nextPage", first_page)
    if on_its_own:                                          # inside an issue, its cover names it
        add_paragraph(doc, "扉页刊名", index.name)
    add_paragraph(doc, TOC_TITLE, index.title(spec))
    note = spec.annual.get("note", NOTE)
    if note:
        add_paragraph(doc, NOTE_STYLE, note)
    columns = end_section(doc)
    set_start(columns, "continuous")
    oxml.set_page_numbers(columns._sectPr, None)          # numbering goes on across the break
    oxml.set_child(columns._sectPr, "cols", num=spec.columns, space=round(spec.gutter * 20))
    fmt = spec.annual.get("number_format", NUMBER_FORMAT)
    for n, (group, entries) in enumerate(index.groups()):
        p = add_paragraph(doc, GROUP, group)
        if n == 0:
            oxml.set_spacing(p._p.get_or_add_pPr(), before_pt=0)
        for e in entries:
            p = add_paragraph(doc, ENTRY, e.title)
            if e.doc_number:        # a paragraph of its own: a line break would justify the title's last line
                oxml.set_on(p._p.get_or_add_pPr(), "keepNext")
                p = add_paragraph(doc, NUMBER, e.doc_number)
            p.add_run("\t" + fmt.format(issue=e.issue, page=e.page))
    return doc


def render_annual_docx(index: AnnualIndex, spec: LayoutSpec, path: str | Path, first_page: int = 1,
                       issue: Issue | None = None) -> None:
    save_atomic(build_annual_docx(index, spec, first_page, issue), path)
