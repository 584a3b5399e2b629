"""The year's 总目录: every document of the year's issues, grouped by 栏目 (or 发文机关),
each with its title, 文号, 期号 and page.

in: an AnnualIndex — its entries carry the page each issue's own layout printed, never a
number typed in — and a Typesetter; out: SetLines for the flow (the 刊名 and the index's
title across the page, then in columns each group's heading and its entries, set like the
目录's: text, leaders, the number flush right, at the column's width), and for an index
printed on its own, its pages (running heads, columns and page numbers of the body pages).
Appended to the year's last issue instead, it is that issue's Appendix (layout/issue.py).
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from ..model import Issue
from .flow import flow
from .issue import Appendix, body_page
from .lines import SetLine
from .pages import Bookmark, LayoutResult
from .setting import Typesetter
from .spec import LayoutSpec, Style
from .toc import end_with_number, number_room, text_end

TITLE = "{year}年总目录"
NUMBER_FORMAT = "{issue}—{page}"   # 期号—页码, the note under the title says so
NOTE = "（条目末尾的数字为期号—页码）"
LEADERS = 2                         # at least, before an entry's number


@dataclass(frozen=True)
class IndexEntry:
    group: str          # the heading it is listed under, as printed: 【栏目】 or a 发文机关
    title: str
    doc_number: str     # 文号 ("" when it has none)
    issue: int          # 期号
    page: int           # printed page in that issue
    position: int = 0   # the document's place in its issue (print order, from 0)


@dataclass(frozen=True)
class AnnualIndex:
    name: str                        # 刊名
    year: int
    entries: tuple[IndexEntry, ...]  # in the order they are listed within a group
    words: tuple[str, ...] = ()      # organ names, never broken in a title

    def title(self, spec: LayoutSpec) -> str:
        return spec.annual.get("title", TITLE).format(year=self.year)

    @property
    def issue_count(self) -> int:
        return len({e.issue for e in self.entries})

    @property
    def document_count(self) -> int:
        """Documents listed (one listed under each of its organs counts once)."""
        return len({(e.issue, e.position) for e in self.entries})

    def groups(self) -> list[tuple[str, list[IndexEntry]]]:
        """(heading, its entries), headings in the order they first appear."""
        out: dict[str, list[IndexEntry]] = {}
        for entry in self.entries:
            out.setdefault(entry.group, []).append(entry)
        return list(out.items())


def _spanning(ts: Typesetter, text: str, style: Style) -> list[SetLine]:
    lines = ts.set_runs([(text, style.font, style.size, 0.0)], style, measure=ts.spec.measure)
    for ln in lines:
        ln.span = ln.keep_with_next = True
    return lines


@dataclass
class IndexLines:
    lines: list[SetLine]
    heads: list[tuple[int, str]]      # (index in lines, group) of each group's heading


def index_lines(ts: Typesetter, index: AnnualIndex, with_name: bool = True) -> IndexLines:
    """The index as lines for flow(): the 刊名 (unless `with_name` is false: inside an issue,
    whose name is on its cover) and the title across the page, then the groups in columns.
    Entries keep their lines together; a group heading keeps with its first entry."""
    spec, conf = ts.spec, ts.spec.annual
    out: list[SetLine] = []
    heads = []
    if with_name:
        out += _spanning(ts, index.name, Style(font="title", size=22, align="center", indent=0,
                                               leading=1.4))
    out += _spanning(ts, index.title(spec), Style(font=conf.get("title_font", "hei"),
                                                  size=conf.get("title_size", 18), align="center",
                                                  indent=0, leading=1.6))
    note = conf.get("note", NOTE)
    if note:
        out += _spanning(ts, note, Style(font="kai", size=spec.size, align="center", indent=0,
                                         leading=1.6))
    out[-1].space_after = spec.line_pitch
    column = replace(ts, measure=spec.column_measure)
    head = Style(font=conf.get("group_font", "hei"), size=spec.size, align="left", indent=0)
    fmt = conf.get("number_format", NUMBER_FORMAT)
    for n, (group, entries) in enumerate(index.groups()):
        lines = column.set_runs([(group, head.font, head.size, 0.0)], head)
        lines[0].space_before = spec.line_pitch if n else 0.0
        for ln in lines:
            ln.keep_with_next = True
        heads.append((len(out), group))
        out += lines
        for entry in entries:
            out += entry_lines(column, entry, fmt.format(issue=entry.issue, page=entry.page))
    return IndexLines(out, heads)


def entry_lines(ts: Typesetter, entry: IndexEntry, number: str) -> list[SetLine]:
    """One entry: its title in full lines, the lines after the first one em in (so each
    entry's start shows in a dense column); then its 文号, leaders and the number, on the
    title's last line when there is no 文号 and room enough, else on a line of their own.
    Its lines are kept together."""
    style = Style(font="body", size=ts.spec.size, align="justify", indent=-1, left=1)
    leader = ts.spec.toc.get("leader", "…")
    lines = ts.set_runs([(entry.title, style.font, style.size, 0.0)], style)
    room = number_room(ts, number, style, leader, LEADERS)
    if entry.doc_number:
        lines += ts.set_runs([(entry.doc_number, style.font, style.size, 0.0)],
                             replace(style, align="left", indent=0),
                             measure=room)
    if not lines or (not entry.doc_number and text_end(ts, lines[-1], style) > room):
        lines.append(SetLine([], ts.spec.line_pitch, style.size, True))
    end_with_number(ts, lines[-1], number, style, leader)
    for ln in lines[:-1]:
        ln.keep_with_next = True
    return lines


def with_pages(index: AnnualIndex, issue: int, starts: list[int]) -> AnnualIndex:
    """The index with issue `issue`'s entries at the pages `starts` (per document, in print
    order) — that issue's layout with the index at its end."""
    return replace(index, entries=tuple(replace(e, page=starts[e.position]) if e.issue == issue
                                        else e for e in index.entries))


def as_appendix(index: AnnualIndex, spec: LayoutSpec, this_issue: int) -> Appendix:
    """The index as the last part of issue `this_issue`, whose own documents' entries take
    the pages this layout gives them."""
    def lines(ts: Typesetter, starts: list[int]) -> list[SetLine]:
        return index_lines(ts, with_pages(index, this_issue, starts), with_name=False).lines
    return Appendix(index.title(spec), lines)


def standalone(index: AnnualIndex, spec: LayoutSpec) -> tuple[LayoutSpec, Issue]:
    """The spec and the issue fields the running heads of an index printed on its own are
    set from: the index's title where an issue has its number."""
    spec = replace(spec, header={**spec.header, "right": spec.annual.get("head_right", TITLE)})
    return spec, Issue(name=index.name, year=index.year)


def layout_annual_index(index: AnnualIndex, spec: LayoutSpec, faces: dict,
                        metrics: dict) -> LayoutResult:
    """The index on pages of its own, numbered from 1, its running head naming it."""
    spec, furniture = standalone(index, spec)
    ts = Typesetter(spec, metrics, words=index.words)
    laid = index_lines(ts, index)
    heads = {id(laid.lines[i]): group for i, group in laid.heads}
    pages, bookmarks = [], []
    for n, flowed in enumerate(flow(laid.lines, spec)):
        pages.append(body_page(n, flowed, spec, furniture, ts))
        bookmarks += [Bookmark(heads[id(p.line)], 0, n, spec.top + p.top)
                      for p in flowed.lines if id(p.line) in heads]
    return LayoutResult(pages, spec.page_width, spec.page_height, faces, bookmarks, [],
                        list(ts.diagnostics))

