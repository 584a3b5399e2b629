"""One document's blocks → SetLines in reading order, with keep rules for pagination.

in: a Document, its index, a Typesetter; out: a list of SetLine. Rules applied here:
the title block never ends a page (every line of it keeps with the next), a standalone
heading keeps with the next lines, a paragraph's first line is not left alone at a page
bottom nor its last line alone at a page top, the 落款 stays with its date.
"""
from __future__ import annotations

from dataclasses import replace

from ..model import Block, BlockKind, Diagnostic, Document, Severity
from .lines import SetLine
from .setting import SENTENCE_END, Typesetter
from .titlebreak import break_title

KEEP_WITH_NEXT = {BlockKind.REGISTRATION, BlockKind.TITLE, BlockKind.SUBTITLE, BlockKind.AUTHOR,
                  BlockKind.DOC_NUMBER, BlockKind.CHAPTER, BlockKind.ANNEX_LABEL,
                  BlockKind.ANNEX_TITLE, BlockKind.SIGNATURE, BlockKind.RECIPIENTS}
ATTACHMENT_LEAD = "附件："
TITLE_KINDS = {BlockKind.TITLE, BlockKind.SUBTITLE, BlockKind.ANNEX_TITLE}   # broken between words


def stacked_under_previous(blocks: list[Block], i: int) -> bool:
    """A 落款 line or an attachment name under another of its kind: the run of them takes
    one space above, none between its lines."""
    return (blocks[i].kind in (BlockKind.SIGNATURE, BlockKind.ATTACHMENT_NOTE)
            and i > 0 and blocks[i - 1].kind == blocks[i].kind)


def is_standalone_heading(block: Block) -> bool:
    """A heading printed on a line of its own (no body text run in after a full stop)."""
    if block.kind in (BlockKind.CHAPTER, BlockKind.ANNEX_LABEL, BlockKind.ANNEX_TITLE):
        return True
    if block.kind != BlockKind.HEADING:
        return False
    m = SENTENCE_END.search(block.text)
    return not m or m.end() >= len(block.text.rstrip())


def title_lines(ts: Typesetter, text: str, style, measure: float | None = None,
                last_measure: float | None = None, issuer_apart: bool = False) -> list[str]:
    """A title's lines, broken between words in balanced lines (titlebreak.break_title);
    `measure`: the width it may take (default the layout's), `last_measure` a narrower one
    for its last line; `issuer_apart`: the issuing organs on lines of their own above 关于."""
    indents = (style.left + style.right) * style.size
    width = (ts.spec.measure if measure is None else measure) - indents
    last = None if last_measure is None else last_measure - indents
    return break_title(text, width, lambda ch: ts.char_advance(ch, style.font, style.size),
                       ts.words, last, issuer_apart)


def set_title(ts: Typesetter, text: str, style, index: int | None = None,
              measure: float | None = None, last_measure: float | None = None,
              issuer_apart: bool = False) -> list[SetLine]:
    """A title (or subtitle, 目录 entry) set line by line as title_lines breaks it."""
    texts = title_lines(ts, text, style, measure, last_measure, issuer_apart)
    lines: list[SetLine] = []
    for k, line in enumerate(texts):
        width = last_measure if k == len(texts) - 1 and last_measure is not None else measure
        lines += ts.set_runs([(line, style.font, style.size, 0.0)], style, index, measure=width)
    return lines


def signature_offsets(ts: Typesetter, blocks: list[Block]) -> dict[int, float]:
    """Left edge (pt) of each 落款 line and its date. GB/T 9704 (unsealed): the 署名 stands
    two characters in from the right; the date starts two characters right of the 署名's
    start, unless it is longer — then the date stands two in from the right and the 署名
    moves left with it. Stacked organ names share one left edge."""
    out: dict[int, float] = {}
    k = 0
    while k < len(blocks):
        if blocks[k].kind != BlockKind.SIGNATURE:
            k += 1
            continue
        group = []
        while k < len(blocks) and blocks[k].kind == BlockKind.SIGNATURE:
            group.append(k)
            k += 1
        date = k if k < len(blocks) and blocks[k].kind == BlockKind.DATE else None
        _, style = ts.style_for(blocks[group[0]])
        em, right = style.size, ts.spec.measure - style.right * style.size
        sig_w = max(ts.text_width(blocks[g].text, style.font, em) for g in group)
        left = right - sig_w
        if date is not None:
            date_w = ts.text_width(blocks[date].text, style.font, em)
            if left + 2 * em + date_w > right:
                left = right - date_w - 2 * em
            out[date] = left + 2 * em
        for g in group:
            out[g] = max(left, 0.0)
    return out


def set_block(ts: Typesetter, block: Block, index: int, note_indent: float,
              offset: float | None = None) -> list[SetLine]:
    name, style = ts.style_for(block)
    if offset is not None:
        style = replace(style, align="left", indent=0, left=offset / style.size, right=0)
    if block.kind == BlockKind.PAGE_BREAK:
        return []
    if block.kind == BlockKind.TABLE:
        from .tables import set_table
        return set_table(ts, block, index, style)
    if block.kind == BlockKind.IMAGE:
        from .tables import set_image
        return set_image(ts, block, index)
    if block.kind in TITLE_KINDS:
        lines: list[SetLine] = []
        for part in block.text.split("\n"):
            lines += set_title(ts, part, style, index, issuer_apart=block.kind == BlockKind.TITLE)
        return lines
    if block.kind == BlockKind.ATTACHMENT_NOTE and not block.text.startswith(ATTACHMENT_LEAD[:2]):
        # a second attachment name aligns under the first one's text
        style = replace(style, indent=0, left=note_indent / style.size)
    return ts.set_runs(ts.runs_for(block, style), style, index)


def _two_columns(ts: Typesetter, items: list[tuple[int, Block]]) -> list[SetLine]:
    """List items of a 名单 set two to a line, row by row (reading order stays 1, 2, 3, 4…);
    an item too long for half the line gets a full line of its own."""
    _, style = ts.style_for(items[0][1])
    indent = style.indent * style.size
    half = ts.spec.measure / 2
    col = replace(style, align="left", indent=0)
    sets = []
    for index, block in items:
        lines = ts.set_runs(ts.runs_for(block, col), col, index, measure=half - indent)
        sets.append((index, block, lines[0] if len(lines) == 1 else None))
    rows: list[SetLine] = []
    k = 0
    while k < len(sets):
        index, block, one = sets[k]
        pair = sets[k + 1] if k + 1 < len(sets) else None
        if one is None or pair is None or pair[2] is None:
            # no partner that fits: the item takes a line of its own
            rows += ts.set_runs(ts.runs_for(block, style), style, index)
            k += 1
            continue
        row = _shifted(one, indent)
        row.segments += _shifted(pair[2], half + indent).segments
        rows.append(row)
        k += 2
    for row in rows:
        row.first = row.last = True
    return rows


def _shifted(line: SetLine, dx: float) -> SetLine:
    line.segments = [replace(seg, xs=tuple(dx + x for x in seg.xs)) for seg in line.segments]
    return line


def _list_runs(blocks: list[Block]) -> dict[int, list[int]]:
    """Start index → indices of each run of at least 6 consecutive list items."""
    runs, k = {}, 0
    while k < len(blocks):
        j = k
        while j < len(blocks) and blocks[j].kind == BlockKind.LIST_ITEM:
            j += 1
        if j - k >= 6:
            runs[k] = list(range(k, j))
        k = max(j, k + 1)
    return runs


def layout_blocks(doc: Document, doc_index: int, ts: Typesetter) -> list[SetLine]:
    ts.doc = doc_index
    out: list[SetLine] = []
    pending_break = False
    note_indent = 0.0
    pitch = ts.spec.line_pitch
    list_runs = _list_runs(doc.blocks)
    offsets = signature_offsets(ts, doc.blocks)
    skip_to = 0
    for i, block in enumerate(doc.blocks):
        if i < skip_to:
            continue
        if i in list_runs:
            out += _two_columns(ts, [(k, doc.blocks[k]) for k in list_runs[i]])
            skip_to = list_runs[i][-1] + 1
            continue
        if block.kind == BlockKind.ISSUED and out:
            out[-1].keep_with_next = True      # the 印发 line never opens a page alone
        if block.kind == BlockKind.PAGE_BREAK:
            pending_break = True
            continue
        if block.kind == BlockKind.OMITTED:
            ts.diagnostics.append(Diagnostic(Severity.INFO, "omitted", f"此段设为不印：{block.text[:20]}",
                                             document=doc_index, block=i))
            continue
        name, style = ts.style_for(block)
        if block.kind == BlockKind.ATTACHMENT_NOTE and block.text.startswith(ATTACHMENT_LEAD[:2]):
            lead = ATTACHMENT_LEAD if block.text.startswith(ATTACHMENT_LEAD) else block.text[:3]
            note_indent = style.indent * style.size + ts.text_width(lead, style.font, style.size)
        lines = set_block(ts, block, i, note_indent, offsets.get(i))
        if not lines:
            continue
        stacked = stacked_under_previous(doc.blocks, i)
        lines[0].space_before = 0.0 if stacked else style.space_before * pitch
        lines[0].page_break_before = pending_break or (
            style.new_page and i > 0 and doc.blocks[i - 1].kind != BlockKind.ANNEX_LABEL)
        pending_break = False
        keep_all = block.kind in KEEP_WITH_NEXT or is_standalone_heading(block)
        for ln in lines:
            ln.keep_with_next = keep_all
        if len(lines) >= 2 and not keep_all:
            lines[0].keep_with_next = True          # no orphan at a page bottom
            lines[-2].keep_with_next = True         # no widow at a page top
        lines[-1].space_after = style.space_after * pitch
        out += lines
    return out
