"""The 目录: 栏目 headings and one entry per document, with dot leaders and page numbers.

in: the issue's sections and documents (and any part after them), each one's printed
start page (None on the first pass: a placeholder of the same width is set); out: SetLines
for the paginator and, per entry, the index of its last line (the one that carries the page
number and link).
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from ..model import Issue
from .blocks import set_title
from .lines import Segment, SetLine
from .setting import Typesetter
from .spec import Style

PLACEHOLDER = 888


@dataclass
class TocLines:
    lines: list[SetLine]
    entry_last: list[int]       # per document (print order): index in `lines` of its number line


def entry_texts(doc) -> tuple[list[str], str]:
    """(lines before the numbered line, the numbered line) of one document's entry."""
    head = [doc.title or "（无标题）"]
    if doc.subtitle:
        head.append(doc.subtitle)
    if doc.doc_number:
        last = f"（{doc.doc_number}）"
    elif doc.author:
        last = doc.author
    else:
        last = head.pop()
    return head, last


def number_room(ts: Typesetter, number: str, style: Style, leader: str, leaders: int = 3) -> float:
    """Width left for text on the line that ends with `number`: at least `leaders` leaders
    and a space stand between them."""
    m = ts.metrics[style.font]
    used = sum(m.advance(c) for c in number) + leaders * m.advance(leader) + 1
    return ts.measure - used * style.size


def text_end(ts: Typesetter, line: SetLine, style: Style) -> float:
    """Right edge of a line's last character (0 for an empty line)."""
    m = ts.metrics[style.font]
    return max((s.xs[-1] + m.advance(s.text[-1]) * style.size for s in line.segments), default=0.0)


def end_with_number(ts: Typesetter, line: SetLine, number: str, style: Style, leader: str) -> None:
    """Leaders from after `line`'s text, then `number` flush right at the Typesetter's
    measure (the page's, or a column's)."""
    em, measure = style.size, ts.measure
    m = ts.metrics[style.font]
    num_w = sum(m.advance(c) for c in number) * em
    lead_w = m.advance(leader) * em
    start = text_end(ts, line, style) + em / 2
    count = int((measure - num_w - start - em / 2) // lead_w)
    x0 = measure - num_w - em / 2 - count * lead_w
    leaders = Segment(leader * count, tuple(x0 + k * lead_w for k in range(count)), style.font, em)
    xs, x = [], measure - num_w
    for c in number:
        xs.append(x)
        x += m.advance(c) * em
    line.segments = line.segments + [leaders, Segment(number, tuple(xs), style.font, em)]


def number_line(ts: Typesetter, text: str, number: str, style: Style, leader: str) -> list[SetLine]:
    """`text` then leaders then `number` flush right; the text wraps first (between words)
    if it is long."""
    plain = replace(style, align="left", indent=0)
    lines = set_title(ts, text, plain, last_measure=number_room(ts, number, style, leader))
    if not lines:
        lines = [SetLine([], ts.spec.line_pitch, style.size, True)]
    end_with_number(ts, lines[-1], number, style, leader)
    return lines


def build_toc(ts: Typesetter, issue: Issue, start_pages: list[int | None],
              parts: tuple[str, ...] = ()) -> TocLines:
    """`parts`: titles of parts after the documents (the year's 总目录), listed last like a
    栏目 heading with its number; their start pages follow the documents' in start_pages."""
    conf = ts.spec.toc
    size = conf.get("size", ts.spec.size)
    leader = conf.get("leader", "…")
    fmt = conf.get("number_format", "（{n}）")
    leading = conf.get("leading", 1.6)     # off the body grid: the 目录 has its own rhythm
    section_style = Style(font=conf.get("section_font", "hei"), size=size, align="left", indent=0,
                          leading=leading)
    entry_style = Style(font=conf.get("entry_font", "body"), size=size, align="left", indent=0,
                        leading=leading)
    out: list[SetLine] = []
    entry_last: list[int] = []
    k = 0
    for section in issue.sections:
        docs = [ref.document for ref in section.documents if ref.document]
        if not docs:
            continue
        lines = ts.set_runs([(f"【{section.name}】", section_style.font, size, 0.0)], section_style)
        lines[0].space_before = 0.6 * size
        for ln in lines:
            ln.keep_with_next = True
        out += lines
        for doc in docs:
            head, last = entry_texts(doc)
            page = start_pages[k] if k < len(start_pages) and start_pages[k] else PLACEHOLDER
            k += 1
            entry: list[SetLine] = []
            for text in head:
                entry += set_title(ts, text, entry_style)
            entry += number_line(ts, last, fmt.format(n=page), entry_style, leader)
            for ln in entry[:-1]:
                ln.keep_with_next = True
            entry[0].space_before = 0.4 * size
            out += entry
            entry_last.append(len(out) - 1)
    for title in parts:
        page = start_pages[k] if k < len(start_pages) and start_pages[k] else PLACEHOLDER
        k += 1
        lines = number_line(ts, title, fmt.format(n=page), section_style, leader)
        lines[0].space_before = 0.6 * size
        for ln in lines[:-1]:
            ln.keep_with_next = True
        out += lines
        entry_last.append(len(out) - 1)
    return TocLines(out, entry_last)
