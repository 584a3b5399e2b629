"""One document's blocks → the HTML of its <article>: every printed block, in order.

in: a Document and a function that stores an image and returns its file name (relative to
the page); out: HTML text. Titles, 文号, 主送, 落款, dates, the 印发 line, 附件 and notes keep
their kind as a class (the stylesheet gives them the print edition's look); headings become
h2–h6 in an order without skipped levels; a run-in heading (（一）……。 followed by its text)
is a heading and a paragraph shown on one line; bold runs are <strong>; consecutive list items
are one list; tables get th with scope; images have alt text. Blocks the editor set not to
print (OMITTED) are left out here as in the PDF.
"""
from __future__ import annotations

from html import escape
from typing import Callable

from ...layout.blocks import is_standalone_heading
from ...layout.setting import SENTENCE_END
from ...layout.titlebreak import break_costs
from ...model import Block, BlockKind, Document, Run

SKIPPED = {BlockKind.OMITTED, BlockKind.PAGE_BREAK}
CLASSES = {BlockKind.REGISTRATION: "registration", BlockKind.SUBTITLE: "subtitle",
           BlockKind.AUTHOR: "author", BlockKind.DOC_NUMBER: "doc-number",
           BlockKind.RECIPIENTS: "recipients", BlockKind.PARAGRAPH: "text",
           BlockKind.ATTACHMENT_NOTE: "attachment", BlockKind.SIGNATURE: "signature",
           BlockKind.DATE: "date", BlockKind.ANNEX_LABEL: "annex-label", BlockKind.ISSUED: "issued",
           BlockKind.NOTE: "note", BlockKind.TITLE: "title", BlockKind.LIST_ITEM: "item"}
ALIGNS = {"left", "center", "right", "justify"}


def text_html(text: str) -> str:
    """Plain text as HTML: escaped, a line break kept as <br>."""
    return "<br>".join(escape(part) for part in text.split("\n"))


def runs_html(runs: list[Run], escaped: bool = False) -> str:
    """Runs as HTML (escaped: their text is HTML already)."""
    out = []
    for r in runs:
        piece = r.text if escaped else text_html(r.text)
        if r.script in ("sub", "sup"):
            piece = f"<{r.script}>{piece}</{r.script}>"
        if r.italic:
            piece = f"<em>{piece}</em>"
        if r.bold:
            piece = f"<strong>{piece}</strong>"
        out.append(piece)
    return "".join(out)


DASHES = "—–-/～~"         # a browser may break after these even under keep-all (UAX #14)


def title_html(runs: list[Run], words: tuple[str, ...] = ()) -> str:
    """A title's runs with <wbr> where the print may break it (between words, never inside
    an organ name, a date or a quotation); the stylesheet lets the browser break only there
    (word-break: keep-all), so a narrow screen or 大字号 does not cut 建设 / 局. A short unit
    with a dash in it (（2020—2022年）) is kept on one line as a whole (span.nobr)."""
    text = "".join(r.text for r in runs)
    breaks = {p for p in break_costs(text, words) if 0 < p < len(text)} if text.strip() else set()
    out, pos = [], 0
    for r in runs:
        pieces, segment = [], []

        def close() -> None:
            joined = "".join(text_html(ch) for ch in segment)
            short = len(segment) <= 12 and any(ch in DASHES for ch in segment[:-1])
            pieces.append(f'<span class="nobr">{joined}</span>' if short else joined)
            segment.clear()
        for ch in r.text:
            if pos in breaks:
                close()
                pieces.append("<wbr>")
            segment.append(ch)
            pos += 1
        close()
        out.append(runs_html([Run("".join(pieces), bold=r.bold, italic=r.italic, script=r.script)],
                             escaped=True))
    return "".join(out)


def split_runs(runs: list[Run], at: int) -> tuple[list[Run], list[Run]]:
    """The runs before and after character `at` of their joined text."""
    head, tail, pos = [], [], 0
    for r in runs:
        a, b = pos, pos + len(r.text)
        pos = b
        if a < at:
            head.append(Run(r.text[:at - a], r.bold, r.italic, r.script))
        if b > at:
            tail.append(Run(r.text[max(at - a, 0):], r.bold, r.italic, r.script))
    return head, tail


class HeadingLevels:
    """h2–h6 for a document's headings, never skipping a level (WCAG / GB/T 37668: headings
    in order). An annex title opens a part one level down; a 第N章 heads the headings under
    it; 一、/（一）/1./（1） rank by the levels the part actually uses."""

    def __init__(self, blocks: list[Block]):
        self.levels_by_part: list[list[int]] = []
        part: set[int] = set()
        for b in blocks:
            if b.kind == BlockKind.ANNEX_TITLE:
                self.levels_by_part.append(sorted(part))
                part = set()
            elif b.kind == BlockKind.HEADING:
                part.add(b.level)
        self.levels_by_part.append(sorted(part))
        self.part, self.base, self.chapter, self.last = 0, 2, False, 1

    def next(self, block: Block) -> int:
        if block.kind == BlockKind.ANNEX_TITLE:
            self.part = min(self.part + 1, len(self.levels_by_part) - 1)
            self.base, self.chapter = 3, False
            wanted = 2
        elif block.kind == BlockKind.CHAPTER:
            self.chapter = True
            wanted = self.base
        else:
            ranks = self.levels_by_part[self.part]
            rank = ranks.index(block.level) if block.level in ranks else 0
            wanted = self.base + (1 if self.chapter else 0) + rank
        self.last = min(wanted, self.last + 1, 6)
        return self.last


def heading_html(block: Block, level: int) -> str:
    """A heading; a run-in one is its lead (up to the first full stop) as the heading and the
    rest as a paragraph, shown on one line as printed."""
    if block.kind == BlockKind.HEADING and not is_standalone_heading(block):
        m = SENTENCE_END.search(block.text)
        head, tail = split_runs(block.runs, m.end())
        return (f'<div class="run-in level-{block.level}"><h{level} class="heading level-{block.level}">'
                f"{runs_html(head)}</h{level}><p>{runs_html(tail)}</p></div>")
    kind = {BlockKind.ANNEX_TITLE: "annex-title", BlockKind.CHAPTER: "chapter"}.get(block.kind, "heading")
    extra = f" level-{block.level}" if block.kind == BlockKind.HEADING else ""
    return f'<h{level} class="{kind}{extra}">{runs_html(block.runs)}</h{level}>'


def table_html(block: Block) -> str:
    """A table in a scrolling region of its own (a wide table never widens the page); the
    first row holds the column heads."""
    rows = block.rows
    if not rows:
        return ""
    width = max(len(r) for r in rows)
    head = "".join(f'<th scope="col">{text_html(c)}</th>' for c in rows[0])
    body = "".join("<tr>" + "".join(f"<td>{text_html(c)}</td>" for c in r)
                   + "<td></td>" * (width - len(r)) + "</tr>" for r in rows[1:])
    caption = escape(rows[0][0][:20]) if rows[0] and rows[0][0] else "表格"
    return (f'<div class="table-wrap" role="region" tabindex="0" aria-label="表格：{caption}">'
            f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>")


def image_alt(blocks: list[Block], i: int, doc: Document, number: int) -> str:
    """Alt text of picture `number` of a document: the caption printed beside it when there is
    one (a short 图… line just below or above), else what it is and where."""
    for j in (i + 1, i - 1):
        if 0 <= j < len(blocks) and blocks[j].kind == BlockKind.PARAGRAPH:
            text = blocks[j].text.strip()
            if text.startswith("图") and len(text) <= 40:
                return text
    return f"《{doc.title or '本文'}》插图{number}"


def article_html(doc: Document, save_image: Callable[[bytes, int], str | None],
                 words: tuple[str, ...] = ()) -> str:
    """in: a document, save_image(data, n) → the stored file's name (None: not a picture a
    browser shows), the issue's organ names (titles break between them); out: the <article>
    element."""
    blocks = doc.blocks
    levels = HeadingLevels(blocks)
    out, items, images, title_done = [], [], 0, False

    def close_list() -> None:
        if items:
            out.append('<ul class="items">' + "".join(items) + "</ul>")
            items.clear()

    for i, block in enumerate(blocks):
        if block.kind in SKIPPED:
            continue
        if block.kind != BlockKind.LIST_ITEM:
            close_list()
        align = f" align-{block.align}" if block.align in ALIGNS else ""
        if block.kind == BlockKind.LIST_ITEM:
            items.append(f'<li class="item{align}">{runs_html(block.runs)}</li>')
        elif block.kind == BlockKind.TITLE and not title_done:
            title_done = True
            out.append(f'<h1 class="title">{title_html(block.runs, words)}</h1>')
        elif block.kind in (BlockKind.HEADING, BlockKind.CHAPTER, BlockKind.ANNEX_TITLE):
            out.append(heading_html(block, levels.next(block)))
        elif block.kind == BlockKind.TABLE:
            out.append(table_html(block))
        elif block.kind == BlockKind.IMAGE:
            images += 1
            name = save_image(block.image, images) if block.image else None
            if name:
                alt = escape(image_alt(blocks, i, doc, images), quote=True)
                size = block.image_size
                dims = f' width="{round(size[0] / 0.75)}" height="{round(size[1] / 0.75)}"' if size else ""
                out.append(f'<figure class="image"><img src="{escape(name, quote=True)}" alt="{alt}"'
                           f'{dims} loading="lazy"></figure>')
        else:
            out.append(f'<p class="{CLASSES.get(block.kind, "text")}{align}">{runs_html(block.runs)}</p>')
    close_list()
    return '<article class="document">\n' + "\n".join(out) + "\n</article>"
