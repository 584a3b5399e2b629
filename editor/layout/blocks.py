"""One document's blocks → SetLines in reading order, with keep rules for pagination.

in: a Document, its index, a Typesetter; out: a list of SetLine. Rules applied here:
the title block never ends a page (every line of it keeps with the next), a standalone
heading keeps with the next lines, a paragraph's first line is not left alone at a page
bottom nor its last line alone at a page top, the 落款 stays with its date.
"""
from __future__ import annotations

from dataclasses import replace

from ..model import Block, BlockKind, Document
from .lines import SetLine
from .setting import SENTENCE_END, Typesetter

KEEP_WITH_NEXT = {BlockKind.REGISTRATION, BlockKind.TITLE, BlockKind.SUBTITLE, BlockKind.AUTHOR,
                  BlockKind.DOC_NUMBER, BlockKind.CHAPTER, BlockKind.ANNEX_LABEL,
                  BlockKind.ANNEX_TITLE, BlockKind.SIGNATURE, BlockKind.RECIPIENTS}
ATTACHMENT_LEAD = "附件："


def is_standalone_heading(block: Block) -> bool:
    """A heading printed on a line of its own (no body text run in after a full stop)."""
    if block.kind in (BlockKind.CHAPTER, BlockKind.ANNEX_LABEL, BlockKind.ANNEX_TITLE):
        return True
    if block.kind != BlockKind.HEADING:
        return False
    m = SENTENCE_END.search(block.text)
    return not m or m.end() >= len(block.text.rstrip())


def set_block(ts: Typesetter, block: Block, index: int, note_indent: float) -> list[SetLine]:
    name, style = ts.style_for(block)
    if block.kind == BlockKind.PAGE_BREAK:
        return []
    if block.kind == BlockKind.TABLE:
        from .tables import set_table
        return set_table(ts, block, index, style)
    if block.kind == BlockKind.IMAGE:
        from .tables import set_image
        return set_image(ts, block, index)
    if block.kind == BlockKind.TITLE:
        lines: list[SetLine] = []
        for part in block.text.split("\n"):
            if part.strip():
                lines += ts.set_runs([(part.strip(), style.font, style.size, 0.0)], style, index)
        return lines
    if block.kind == BlockKind.ATTACHMENT_NOTE and not block.text.startswith(ATTACHMENT_LEAD[:2]):
        # a second attachment name aligns under the first one's text
        style = replace(style, indent=0, left=note_indent / style.size)
    return ts.set_runs(ts.runs_for(block, style), style, index)


def layout_blocks(doc: Document, doc_index: int, ts: Typesetter) -> list[SetLine]:
    ts.doc = doc_index
    out: list[SetLine] = []
    pending_break = False
    note_indent = 0.0
    pitch = ts.spec.line_pitch
    for i, block in enumerate(doc.blocks):
        if block.kind == BlockKind.PAGE_BREAK:
            pending_break = True
            continue
        name, style = ts.style_for(block)
        if block.kind == BlockKind.ATTACHMENT_NOTE and block.text.startswith(ATTACHMENT_LEAD[:2]):
            lead = ATTACHMENT_LEAD if block.text.startswith(ATTACHMENT_LEAD) else block.text[:3]
            note_indent = style.indent * style.size + sum(
                ts.metrics[style.font].advance(c) * style.size for c in lead)
        lines = set_block(ts, block, i, note_indent)
        if not lines:
            continue
        lines[0].space_before = style.space_before * pitch
        lines[0].page_break_before = pending_break
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
