"""The documents: every block of every document as a styled paragraph, table or picture.

in: the python-docx Document, the documents in print order, the spec and grid, what our
layout did with each block (placed.py) and which blocks it set across the page
(layout.blocks.spanning_blocks); out: paragraphs in the styles of styles.py, each document
opening a section on a new page with its own line pitch, its spanning and column stretches
in sections of their own (columns.py), its title bookmarked `_Toc_doc{k}` for the 目录's
PAGEREF fields. Italic and sub/super script stay run properties; bold runs of body text take
the bold face's character style, as our PDF sets them; fonts come from the styles.
"""
from __future__ import annotations

import io
import re
from dataclasses import dataclass, field

from docx.enum.style import WD_STYLE_TYPE
from docx.image.exceptions import UnrecognizedImageError
from docx.shared import Pt

from ...layout.blocks import (ATTACHMENT_LEAD, is_standalone_heading, spanning_blocks,
                              stacked_under_previous)
from ...layout.chars import CLOSING, OPENING, STOPS
from ...layout.linebreak import mark_kerns
from ...layout.setting import SENTENCE_END, Typesetter
from ...layout.spec import LayoutSpec
from ...layout.tables import PAD, image_box
from ...model import Block, BlockKind, Document, Run
from . import oxml
from .columns import BodySections, document_grid
from .flow import Flow, estimate_lines
from .placed import column_left, shares_line
from .styles import (ALIGN, BODY_CHARS, BOLD_CHARS, BLOCK_STYLES, WIDE_MARKS, Grid, add_paragraph, spec_key,
                     style_for, style_id)
from .lists import name_indent, write_pair
from .runs import add_runs, char_width, han_gaps, split_runs, wide_marks
from .tables import IMAGE_LOST, write_table
from .titles import title_parts

# two marks in a row, the only place the 全角 scheme narrows one (layout.linebreak)
ADJACENT_MARKS = re.compile("[{0}]{{2,}}".format(re.escape("".join(sorted(OPENING | CLOSING | STOPS)))))


def bookmark_name(k: int) -> str:
    """The bookmark on document k's title (hidden in Word: the name starts with _)."""
    return f"_Toc_doc{k}"


@dataclass
class Context:
    doc: object           # python-docx Document
    spec: LayoutSpec
    grid: Grid            # the page's grid (the document's own pitch while one is written)
    sections: BodySections
    laid: dict = field(default_factory=dict)   # (doc, block) → LaidLine list (placed.py)
    words: tuple = ()     # the issue's organ names, never broken in a title
    metrics: dict = field(default_factory=dict)   # role → FontMetrics, for titles
    bold_face: bool = True    # bold runs are set in a bold face (else: its regular, unbolded)
    bookmark_id: int = 0
    last: object = None   # the previous paragraph (None after a table)
    flow: Flow | None = None
    measure: float = 0.0  # the width of the stretch being written: the page's or a column's
    page_grid: Grid | None = None    # the layout's own grid, whose pitch the styles carry

    def __post_init__(self):
        self.flow = self.flow or Flow(self.grid.line_pitch)
        self.measure = self.measure or self.grid.measure
        self.page_grid = self.page_grid or self.grid


def bold_style(ctx: Context, role: str) -> str | None:
    """The character style bold runs take in a paragraph set in `role`: our layout sets
    them in the bold face only within body text; elsewhere they keep the paragraph's face."""
    if role != ctx.spec.style("default").font:
        return None
    return style_id(ctx.doc, BOLD_CHARS, WD_STYLE_TYPE.CHARACTER)


def _write_title(ctx: Context, p, block: Block, lines: list) -> None:
    """The title, breaking by itself, with a line break where our PDF broke it only when a
    reader would otherwise break inside a word (titles.py); a space between two organs one
    em wide as printed. Its face comes from its style."""
    st = ctx.spec.style(spec_key(block))
    metrics = ctx.metrics.get(st.font)
    if metrics is None:
        add_runs(p, [Run("\n".join(part for part in block.text.split("\n") if part.strip()))])
        return

    def advance(ch: str) -> float:       # a space in a title stands between organs: one em
        return st.size if ch == " " else metrics.advance(ch) * st.size
    width = ctx.measure - (st.left + st.right) * st.size
    text = "\n".join(title_parts(block.text, lines, width, advance, ctx.words))
    add_runs(p, [Run(text)], widths=han_gaps(text, st.size, metrics.advance(" ") * st.size))


def _height(ctx: Context, block: Block, lines: list) -> tuple[bool, float]:
    """(sits on the grid, height in pt when it does not) of a block, as our layout sets it."""
    st = ctx.spec.style(spec_key(block))
    if block.kind == BlockKind.TABLE:
        size, line = st.size, st.size * 1.5
        cols = max((len(r) for r in block.rows), default=1)
        width = ctx.measure / cols - 2 * PAD
        return False, sum(max(estimate_lines(c, size, width) for c in row) * line + 2 * PAD
                          for row in block.rows if row)
    if block.kind == BlockKind.IMAGE:
        return False, _image_box(ctx, block)[1]
    if st.leading:
        measure = ctx.measure - (st.left + st.right) * st.size
        count = len(lines) if lines else estimate_lines(block.text, st.size, measure)
        return False, count * st.leading * st.size
    return True, 0.0


def _image_box(ctx: Context, block: Block) -> tuple[float, float]:
    """Width and height in pt, as our layout prints the picture."""
    return image_box(block, ctx.measure, ctx.spec.text_height * 0.9)


def _spacing(ctx: Context, block: Block, paragraph, page_break: bool, lines: list,
             stacked: bool = False) -> None:
    """Space before as our paginator puts it; a page break before the block if asked.
    A 落款 line or attachment name under another (`stacked`) gets no space before."""
    st = ctx.spec.style(spec_key(block))
    pitch = ctx.grid.line_pitch
    if page_break:
        ctx.flow.new_page()
    on_grid, height = _height(ctx, block, lines)
    own_before = 0.0 if stacked else st.space_before * pitch
    before, drop_after = ctx.flow.place(own_before, st.space_after * pitch, on_grid, height)
    if drop_after and ctx.last is not None:
        oxml.set_spacing(ctx.last._p.get_or_add_pPr(), after_pt=0)
    ctx.last = paragraph
    if paragraph is None:
        return
    pPr = paragraph._p.get_or_add_pPr()
    if page_break:
        oxml.set_on(pPr, "pageBreakBefore")
    if abs(before - st.space_before * pitch) > 0.05 or drop_after:
        oxml.set_spacing(pPr, before_pt=before)
    if on_grid and ctx.grid.line_twips != ctx.page_grid.line_twips:
        oxml.set_spacing(pPr, line_pt=ctx.grid.line_pitch)   # the document's own 每栏行数


def write_text_block(ctx: Context, block: Block, note_indent: float, lines: list) -> object:
    """One paragraph for a text block; returns the python-docx paragraph."""
    p = add_paragraph(ctx.doc, style_for(block))
    pPr = p._p.get_or_add_pPr()
    if block.kind in (BlockKind.TITLE, BlockKind.SUBTITLE, BlockKind.ANNEX_TITLE):
        _write_title(ctx, p, block, lines)
        return p
    if block.kind in (BlockKind.SIGNATURE, BlockKind.DATE) and lines:
        # placed like our PDF (GB/T 9704: date two characters right of the 署名's start)
        oxml.set_child(pPr, "jc", val="left")
        left = column_left(lines[0].left, ctx.spec, ctx.sections.columns)
        oxml.set_child(pPr, "ind", left=round(left * 20), firstLine=0, right=0,
                       leftChars=0, firstLineChars=0, rightChars=0)
    runs = block.runs
    st = ctx.spec.style(spec_key(block))
    widths = _widths(ctx, block.text, st)
    if block.kind == BlockKind.HEADING and block.level >= 2:
        m = SENTENCE_END.search(block.text)
        if m and m.end() < len(block.text.rstrip()):
            head, tail = split_runs(runs, m.end())
            add_runs(p, head, bold=bold_style(ctx, st.font), bold_face=ctx.bold_face,
                     widths=widths, marks=_marks(ctx, block.text, st.font))
            body = ctx.spec.style("default")
            add_runs(p, tail, style_id(ctx.doc, BODY_CHARS, WD_STYLE_TYPE.CHARACTER),
                     bold_style(ctx, body.font), ctx.bold_face, widths=_widths(ctx, block.text, body),
                     start=m.end(), marks=_marks(ctx, block.text, body.font))
            return p
    if is_standalone_heading(block):
        oxml.set_on(pPr, "keepNext")
    if block.align and block.kind in (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM):
        oxml.set_child(pPr, "jc", val=ALIGN.get(block.align, "both"))
    if block.kind == BlockKind.ATTACHMENT_NOTE and not block.text.startswith(ATTACHMENT_LEAD[:2]):
        oxml.set_indent(pPr, ctx.spec.style("attachment_note").size, 0, note_indent)
    if block.kind == BlockKind.LIST_ITEM:
        widths.update(name_indent(ctx, pPr, block, lines))
    add_runs(p, runs, bold=bold_style(ctx, st.font), bold_face=ctx.bold_face, widths=widths,
             marks=_marks(ctx, block.text, st.font))
    return p


def _marks(ctx: Context, text: str, role: str) -> tuple[str, set[int]] | None:
    """add_runs' marks: in body text, the shared marks a reader would set in the Latin face
    (runs.wide_marks) take the character style that sets them in the Chinese one."""
    if role != ctx.spec.style("default").font or "latin" not in ctx.spec.fonts:
        return None
    found = wide_marks(text)
    return (style_id(ctx.doc, WIDE_MARKS, WD_STYLE_TYPE.CHARACTER), found) if found else None


def _widths(ctx: Context, text: str, st) -> dict[int, float]:
    """add_runs' widths for a block in style `st`, as our layout sets them: a space between
    Han characters one em, and (全角, where readers are told not to compress) two adjacent
    marks 1.5 em (layout.linebreak.mark_kerns)."""
    if ctx.metrics.get(st.font) is None:
        return {}
    widths: dict[int, float] = {}
    if " " in text:
        em = st.size + (ctx.spec.tracking * st.size / ctx.spec.size if st.size == ctx.spec.size else 0.0)
        widths.update(han_gaps(text, em, char_width(ctx.metrics, " ", st.font, st.size)))
    if ctx.spec.punctuation == "全角":
        for m in ADJACENT_MARKS.finditer(text):
            # a run of marks and a character each side is all the compression looks at
            a, b = max(m.start() - 1, 0), min(m.end() + 1, len(text))
            window = text[a:b]
            track = ctx.spec.tracking if st.size == ctx.spec.size else 0.0
            advances = [char_width(ctx.metrics, ch, st.font, st.size) + track for ch in window]
            for j, kern in mark_kerns(window, advances, [st.size] * len(window), "全角").items():
                if a + j > 0:
                    widths[a + j - 1] = widths.get(a + j - 1, 0.0) + kern
    return widths


def write_image(ctx: Context, block: Block) -> object:
    """The picture centred, scaled to the measure; a visible note when Word cannot take it."""
    p = add_paragraph(ctx.doc, style_for(block))
    pPr = p._p.get_or_add_pPr()
    oxml.set_child(pPr, "jc", val="center")
    oxml.set_indent(pPr, ctx.spec.size, 0)
    oxml.set_on(pPr, "snapToGrid", False)
    oxml.set_child(pPr, "spacing", line=240, lineRule="auto")   # an exact line would clip it
    width, _ = _image_box(ctx, block)
    try:
        p.add_run().add_picture(io.BytesIO(block.image or b""), width=Pt(width))
    except (UnrecognizedImageError, ValueError, ZeroDivisionError):
        p.add_run(IMAGE_LOST)
    return p


def _breaks_page(ctx: Context, blocks: list[Block], i: int) -> bool:
    """A style that starts a new page (附件), unless it follows its 附件 label."""
    st = ctx.spec.style(spec_key(blocks[i]))
    return bool(getattr(st, "new_page", False)) and i > 0 and \
        blocks[i - 1].kind != BlockKind.ANNEX_LABEL


def spanning(spec: LayoutSpec, doc: Document) -> set[int]:
    """Indices of the blocks our layout set across the page (every block on a one-column
    page), by the layout's own rule (layout.blocks.spanning_blocks reads only styles)."""
    if spec.columns == 1:
        return set(range(len(doc.blocks)))
    return spanning_blocks(Typesetter(spec, {}), doc.blocks)


def _open_stretch(ctx: Context, columns: int, start: str) -> None:
    """A new section from the next paragraph: across the page or in columns."""
    ctx.sections.start(columns, start, ctx.grid)
    ctx.measure = ctx.grid.measure if columns == 1 else ctx.spec.column_measure
    if start == "nextPage":
        ctx.flow.new_page()
    elif columns == 1:
        ctx.flow.below_columns()


def write_document(ctx: Context, doc: Document, k: int) -> None:
    """All blocks of document k: a section on a new page with the document's own line
    pitch, then a section for each change between spanning and column text (a page break
    that falls on such a change is the new section's start); the title carries the
    bookmark; columns that end the document are balanced (columns.finish_document)."""
    ctx.grid = document_grid(ctx.spec, doc)
    ctx.flow = Flow(ctx.grid.line_pitch)
    ctx.last = None
    across = spanning(ctx.spec, doc)
    columns = 0                   # of the open stretch; 0: none opened for this document
    page_break = False
    note_indent = 0.0
    first = marked = None
    blocks, skip = doc.blocks, -1
    for i, block in enumerate(blocks):
        if i == skip:
            continue
        if block.kind == BlockKind.PAGE_BREAK:
            page_break = True
            continue
        if block.kind == BlockKind.OMITTED or (block.kind == BlockKind.TABLE and not any(block.rows)):
            continue
        page_break = page_break or _breaks_page(ctx, blocks, i)
        wanted = 1 if i in across else ctx.spec.columns
        if not columns:
            start = ctx.sections.document_start()
            _open_stretch(ctx, wanted, start)
            columns, page_break = wanted, start != "nextPage"
        elif wanted != columns:
            _open_stretch(ctx, wanted, "nextPage" if page_break else "continuous")
            columns, page_break = wanted, False
        lines = ctx.laid.get((k, i), [])
        if block.kind == BlockKind.ATTACHMENT_NOTE and block.text.startswith(ATTACHMENT_LEAD[:2]):
            note_indent = ctx.spec.style("attachment_note").indent + 3   # 附件： is 3 characters
        if block.kind in (BlockKind.ISSUED, BlockKind.NOTE) and ctx.last is not None:
            oxml.set_on(ctx.last._p.get_or_add_pPr(), "keepNext")   # 印发, 附注 never open a page alone
        if block.kind == BlockKind.TABLE:
            if page_break:
                # a table cannot carry a page break: an empty paragraph does
                p = add_paragraph(ctx.doc, style_for(block))
                oxml.set_on(p._p.get_or_add_pPr(), "pageBreakBefore")
                ctx.flow.new_page()
                first = first or p
                page_break = False
            _spacing(ctx, block, None, False, lines)
            write_table(ctx.doc, block, ctx.measure, style_id(ctx.doc, BLOCK_STYLES["table"][1]),
                        ctx.spec.text_height)
            continue
        nxt = blocks[i + 1] if i + 1 < len(blocks) else None
        if (block.kind == BlockKind.LIST_ITEM and nxt is not None
                and nxt.kind == BlockKind.LIST_ITEM and shares_line(lines, block.text, nxt.text)):
            bold = bold_style(ctx, ctx.spec.style(spec_key(block)).font)
            p, skip = write_pair(ctx, block, nxt, lines, bold), i + 1
        elif block.kind == BlockKind.IMAGE:
            p = write_image(ctx, block)
        else:
            p = write_text_block(ctx, block, note_indent, lines)
        stacked = stacked_under_previous(blocks, i)
        _spacing(ctx, block, p, page_break, lines, stacked)
        page_break = False
        first = first or p
        if block.kind == BlockKind.TITLE and marked is None:
            marked = p
    target = marked or first
    if target is None:      # an empty document still gets a page and a bookmark
        if not columns:
            _open_stretch(ctx, 1, "nextPage")
        target = ctx.doc.add_paragraph()
    oxml.add_bookmark(target, bookmark_name(k), ctx.bookmark_id)
    ctx.bookmark_id += 1
