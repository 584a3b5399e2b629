"""The 目录: 栏目 headings and one entry per document, with dot leaders and page numbers.

in: the issue's sections and documents, each document's printed start page (None on the
first pass: a placeholder of the same width is set); out: SetLines for the paginator and,
per entry, the index of its last line (the one that carries the page number and link).
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


def _number_line(ts: Typesetter, text: str, number: str, style: Style, leader: str) -> list[SetLine]:
    """`text` then leaders then `number` flush right; the text wraps first if it is long."""
    spec, em = ts.spec, style.size
    m = ts.metrics[style.font]
    num_w = sum(m.advance(c) for c in number) * em
    lead_w = m.advance(leader) * em
    room = spec.measure - num_w - 3 * lead_w - em          # at least three leaders and a space
    plain = replace(style, align="left", indent=0)
    lines = set_title(ts, text, plain, last_measure=room)
    if not lines:
        lines = [SetLine([], spec.line_pitch, em, True)]
    last = lines[-1]
    end = max((s.xs[-1] + m.advance(s.text[-1]) * em for s in last.segments), default=0.0)
    start = end + em / 2
    count = int((spec.measure - num_w - start - em / 2) // lead_w)
    x0 = spec.measure - num_w - em / 2 - count * lead_w
    leaders = Segment(leader * count, tuple(x0 + k * lead_w for k in range(count)), style.font, em)
    xs, x = [], spec.measure - num_w
    for c in number:
        xs.append(x)
        x += m.advance(c) * em
    last.segments = last.segments + [leaders, Segment(number, tuple(xs), style.font, em)]
    return lines


def build_toc(ts: Typesetter, issue: Issue, start_pages: list[int | None]) -> TocLines:
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
            entry += _number_line(ts, last, fmt.format(n=page), entry_style, leader)
            for ln in entry[:-1]:
                ln.keep_with_next = True
            entry[0].space_before = 0.4 * size
            out += entry
            entry_last.append(len(out) - 1)
    return TocLines(out, entry_last)
