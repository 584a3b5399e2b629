"""One document's blocks → SetLines in reading order, with keep rules for pagination.

in: a Document, its index, a Typesetter; out: a list of SetLine. Rules applied here:
the title block never ends a page (every line of it keeps with the next), a standalone
heading keeps with the next lines, a paragraph's first line is not left alone at a page
bottom nor its last line alone at a page top, the 落款 stays with its date.
"""
from __future__ import annotations

import re

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
    width = (ts.measure if measure is None else measure) - indents
    last = None if last_measure is None else last_measure - indents
    key = (ts.setting_key(), ts.words, text, style.font, style.size, width, last, issuer_apart)
    lines = _title_breaks.get(key)
    if lines is None:   # the 目录 sets every title again on each layout: broken once
        lines = tuple(break_title(text, width, lambda ch: ts.char_advance(ch, style.font, style.size),
                                  ts.words, last, issuer_apart))
        if len(_title_breaks) > 4096:
            _title_breaks.clear()
        _title_breaks[key] = lines
    return list(lines)


_title_breaks: dict = {}


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


def signature_offsets(ts: Typesetter, blocks: list[Block], spanning: set[int] = frozenset()) -> dict[int, float]:
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
        measure = ts.spec.measure if group[0] in spanning else ts.spec.column_measure
        em, right = style.size, measure - style.right * style.size
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


LIST_NUMBER = re.compile(r"\s*([（(]\d{1,3}[）)]|[（(][一二三四五六七八九十]{1,3}[）)]|\d{1,3}[.．、])\s*")


SENTENCE_MARKS = re.compile(r"[，。；：！？]")     # an item that is a clause, not a name
CLAUSE_NUMBER = re.compile(r"\s*(?:[（(][一二三四五六七八九十]{1,3}[）)]|[一二三四五六七八九十]{1,3}、)")


def is_name(block: Block) -> bool:
    """An item of a 名单, which may stand two to a line: no sentence marks, and not numbered
    （一） or 一、 as the clauses of an article or a plan are — those are read one per line,
    however short."""
    return not SENTENCE_MARKS.search(block.text) and not CLAUSE_NUMBER.match(block.text)


def _without_prefix(runs: list, n: int) -> list:
    """`runs` with their first n characters taken off."""
    out = []
    for text, *rest in runs:
        cut = min(n, len(text))
        n -= cut
        if text[cut:]:
            out.append((text[cut:], *rest))
    return out


def _name_list(ts: Typesetter, items: list[tuple[int, Block]]) -> list[SetLine]:
    """The items of a list: numbers at the indent, every item at one tab after the widest
    number (an item that wraps goes on under itself); two to a line, row by row, when both
    are names (is_name) that fit half the measure (reading order stays 1, 2, 3, 4…)."""
    _, style = ts.style_for(items[0][1])
    indent = style.indent * style.size
    col = replace(style, align="left", indent=0, left=0, right=0)
    found = [(index, block, LIST_NUMBER.match(block.text)) for index, block in items]
    number_w = max((ts.text_width(m.group(1), col.font, col.size) for _, _, m in found if m), default=0.0)
    name_x = indent + (number_w + col.size / 4 if number_w else 0.0)   # a quarter em after "10."
    half = ts.measure / 2

    def item_lines(index: int, block: Block, m, width: float) -> list[SetLine]:
        runs = ts.runs_for(block, col)
        name = _without_prefix(runs, m.end()) if m else runs
        room = width - name_x - style.right * style.size     # a ragged list keeps off the gutter
        lines = [_shifted(ln, name_x) for ln in ts.set_runs(name, col, index, measure=room)]
        if m and lines:
            number = ts.set_runs([(m.group(1), runs[0][1], col.size, 0.0)], col, index)[0]
            lines[0].segments = _shifted(number, indent).segments + lines[0].segments
        return lines

    halves = [item_lines(index, block, m, half) for index, block, m in found]
    rows: list[SetLine] = []
    k = 0
    while k < len(found):
        pair = (k + 1 < len(found) and len(halves[k]) == 1 and len(halves[k + 1]) == 1
                and is_name(found[k][1]) and is_name(found[k + 1][1]))
        if pair:
            row = halves[k][0]
            row.segments += _shifted(halves[k + 1][0], half).segments
            row.first = row.last = True
            rows.append(row)
            k += 2
            continue
        index, block, m = found[k]
        lines = item_lines(index, block, m, ts.measure)   # a line of its own
        if len(lines) >= 2:          # an item's lines stay together at a column break
            lines[0].keep_with_next = lines[-2].keep_with_next = True
        rows += lines
        k += 1
    return rows


def _shifted(line: SetLine, dx: float) -> SetLine:
    line.segments = [replace(seg, xs=tuple(dx + x for x in seg.xs)) for seg in line.segments]
    return line


def _list_runs(blocks: list[Block]) -> dict[int, list[int]]:
    """Start index → indices of each run of at least 2 consecutive list items."""
    runs, k = {}, 0
    while k < len(blocks):
        j = k
        while j < len(blocks) and blocks[j].kind == BlockKind.LIST_ITEM:
            j += 1
        if j - k >= 2:
            runs[k] = list(range(k, j))
        k = max(j, k + 1)
    return runs


def _name_list_annex(blocks: list[Block], start: int) -> list[int]:
    """The blocks of a 名单 appended under the annex title at `start`: its names (list items
    that are not clauses) and the headings that group them, up to the next annex or the 印发
    line; [] when
    what follows is text, not a list of names."""
    part = []
    for k in range(start + 1, len(blocks)):
        if blocks[k].kind in (BlockKind.ANNEX_LABEL, BlockKind.ANNEX_TITLE, BlockKind.ISSUED):
            break
        part.append(k)
    items = [k for k in part if blocks[k].kind == BlockKind.LIST_ITEM]
    kinds_ok = all(blocks[k].kind in (BlockKind.LIST_ITEM, BlockKind.HEADING, BlockKind.OMITTED,
                                      BlockKind.PAGE_BREAK) for k in part)
    names = [k for k in items if not SENTENCE_MARKS.search(blocks[k].text)]
    return part if kinds_ok and len(items) >= 6 and len(names) >= 0.8 * len(items) else []


def _short_parts(ts: Typesetter, blocks: list[Block], spanning: set[int]) -> set[int]:
    """Blocks of a part too short to be worth two columns — a covering 印发 notice, a brief
    通报 — which is set across the page instead ([columns] min_chars): two short columns
    side by side read as one line to a reader's eye (and to a PDF reader)."""
    least = ts.spec.min_column_chars
    out: set[int] = set()
    part: list[int] = []
    for i in range(len(blocks) + 1):
        ends = i == len(blocks) or i in spanning or ts.style_for(blocks[i])[1].span
        if not ends:
            if blocks[i].kind not in (BlockKind.OMITTED, BlockKind.PAGE_BREAK):
                part.append(i)
            continue
        if part and sum(len(blocks[k].text) for k in part) < least:
            out.update(part)
        part = []
    return out


def spanning_blocks(ts: Typesetter, blocks: list[Block]) -> set[int]:
    """Blocks set across all columns: those whose style spans; a 名单 appended under its
    title (names two to a line across the page: a ragged list in narrow columns wastes
    half of them and reads badly across the gutter); the parts too short for two columns;
    and a block that keeps with a spanning one below it (附件 over an appended plan's
    title), which goes up with it."""
    out: set[int] = set()
    for i, block in enumerate(blocks):
        if block.kind == BlockKind.ANNEX_TITLE:
            out.update(_name_list_annex(blocks, i))
    out.update(_short_parts(ts, blocks, out))
    for i in range(len(blocks) - 1, -1, -1):
        block = blocks[i]
        if ts.style_for(block)[1].span:
            out.add(i)
        elif (i + 1 in out and (block.kind in KEEP_WITH_NEXT or is_standalone_heading(block))
              and block.kind != BlockKind.SIGNATURE):
            out.add(i)
    return out


def layout_blocks(doc: Document, doc_index: int, ts: Typesetter) -> list[SetLine]:
    ts.doc = doc_index
    out: list[SetLine] = []
    pending_break = False
    note_indent = 0.0
    pitch = ts.spec.line_pitch
    list_runs = _list_runs(doc.blocks)
    spanning = spanning_blocks(ts, doc.blocks) if ts.spec.columns > 1 else set()
    offsets = signature_offsets(ts, doc.blocks, spanning)
    skip_to = 0
    for i, block in enumerate(doc.blocks):
        if i < skip_to:
            continue
        if i in list_runs:
            ts.measure = ts.spec.measure if i in spanning else ts.spec.column_measure
            rows = _name_list(ts, [(k, doc.blocks[k]) for k in list_runs[i]])
            for row in rows:
                row.span = i in spanning
            out += rows
            skip_to = list_runs[i][-1] + 1
            continue
        if block.kind in (BlockKind.ISSUED, BlockKind.NOTE) and out:
            out[-1].keep_with_next = True      # the 印发 line and a 附注 never open a page alone
        if block.kind == BlockKind.PAGE_BREAK:
            pending_break = True
            continue
        if block.kind == BlockKind.OMITTED:
            why = f"（{block.reason}）" if block.reason else ""      # 版头, 版记, 印章…, or the editor's choice
            ts.diagnostics.append(Diagnostic(Severity.INFO, "omitted", f"此段设为不印：{block.text[:20]}{why}",
                                             document=doc_index, block=i))
            continue
        name, style = ts.style_for(block)
        span = i in spanning
        ts.measure = ts.spec.measure if span else ts.spec.column_measure
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
        if len(lines) >= 2 and not keep_all and ts.spec.avoid_lone_lines:
            lines[0].keep_with_next = True          # no orphan at a page bottom
            lines[-2].keep_with_next = True         # no widow at a page top
        lines[-1].space_after = style.space_after * pitch
        for ln in lines:
            ln.span = span
        out += lines
    ts.measure = ts.spec.measure
    return out
