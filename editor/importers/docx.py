"""Word .docx sources.

in: a path; out: a recognised Document. The body is read in order, as it is parsed
(docx_stream: a long file never stands whole in memory), into candidate paragraphs (runs
with bold/italic/sub/sup, alignment and heading hints resolved through the style chain,
Word's automatic numbering written out as its printed text), tables (cell texts on the
table's grid, merged cells and the pictures in cells), images (bytes) and explicit page
breaks. The text is the text Word shows with every tracked change accepted: insertions and
moves kept where they land, deletions and moved-away text dropped, a deleted paragraph mark
joining its paragraph to the next, deleted table rows gone. Content the model has no place
for is kept as text, never dropped: text boxes (once — Word also stores a fallback copy —
after their paragraph, or before it when Word shows the box above it; a label stacked one
character to a line read as one word), footnotes and endnotes (the mark in the text, the
notes as NOTE blocks at the end), field results, hyperlinks, content controls, smart tags.
Not text: field instructions, hidden (w:vanish) runs, comments — those are reported instead,
with the revisions, as diagnostics. The file is checked by `safety` before anything is
parsed, and every XML part goes through its hardened parser (Strict OOXML and any prefix
read alike).
"""
from __future__ import annotations

from pathlib import Path

from lxml import etree

from ..model import Block, BlockKind, CellImage, Diagnostic, Document, Run, Severity
from .docx_graphics import scan_graphic
from .docx_notes import NoteMarks, read_notes
from .docx_numbering import Numbering
from .docx_review import Revisions, comment_diagnostics
from .docx_stream import BodyStream
from .docx_styles import ParaStyle, RunStyle, Styles, parse_int, w, wval
from .recognize import recognize
from .runs import TEXT_BOX, append_text, is_text, strip_runs
from .safety import DocxPackage, open_docx

MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
A_P, A_T = f"{{{A_NS}}}p", f"{{{A_NS}}}t"
M_T = "{http://schemas.openxmlformats.org/officeDocument/2006/math}t"
_SKIP = {w(t) for t in ("rPr", "pPr", "delText", "instrText", "del", "moveFrom", "sdtPr", "sdtEndPr",
                        "proofErr", "bookmarkStart", "bookmarkEnd", "annotationRef", "softHyphen",
                        "lastRenderedPageBreak", "separator", "continuationSeparator", "tblPr",
                        "tblGrid", "trPr", "tcPr", "sectPr", "permStart", "permEnd")}
_COMMENT_MARKS = {w("commentRangeStart"), w("commentRangeEnd"), w("commentReference")}
_WHITESPACE = " \t\u3000\u00a0\u2002\u2003"
_PPR, _RPR, _R, _P, _T = w("pPr"), w("rPr"), w("r"), w("p"), w("t")
_BR, _CR, _NB_HYPHEN = w("br"), w("cr"), w("noBreakHyphen")
_TAB = w("tab")
_GRID_SPAN, _V_MERGE, _H_MERGE = w("gridSpan"), w("vMerge"), w("hMerge")
# What a plain table cell (DocxReader.plain_cell) may hold besides w:p, w:t, w:tab, w:br,
# w:cr and w:noBreakHyphen: the cell itself, runs, and properties that change no text.
_PLAIN_QUIET = {w("tc"), _R, w("tcPr"), _PPR, _RPR, w("proofErr"), w("bookmarkStart"), w("bookmarkEnd"),
                w("lastRenderedPageBreak"), w("softHyphen"), w("permStart"), w("permEnd")}
_PLAIN_PROPERTIES = {w(t) for t in (
    "tcW", "gridSpan", "vMerge", "hMerge", "tcBorders", "top", "left", "bottom", "right", "start", "end",
    "insideH", "insideV", "tl2br", "tr2bl", "shd", "noWrap", "tcMar", "textDirection", "tcFitText", "vAlign",
    "hideMark", "cnfStyle", "keepNext", "keepLines", "widowControl", "pBdr", "tabs", "suppressAutoHyphens",
    "kinsoku", "wordWrap", "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "adjustRightInd",
    "snapToGrid", "spacing", "ind", "contextualSpacing", "jc", "textAlignment", "outlineLvl", "rFonts", "b",
    "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike", "color", "w", "kern", "position", "sz", "szCs",
    "highlight", "u", "effect", "bdr", "fitText", "lang", "eastAsianLayout", "noProof", "webHidden", "em",
    "rtl", "cs", "bidi", "mirrorIndents", "suppressLineNumbers", "framePr", "pageBreakBefore", "outline",
    "shadow", "emboss", "imprint", "specVanish")}


def read_docx(path: str | Path) -> Document:
    """A .docx file → Document (recognised), or ImportRefused."""
    body, notes, diagnostics = read_docx_candidates(path)
    doc = recognize(body, notes)
    first_note = len(doc.blocks) - len(notes)
    for d in diagnostics:
        if d.code in ("footnote", "endnote") and d.block is not None:
            d.block += first_note
    doc.diagnostics[:0] = diagnostics
    return doc


def read_docx_candidates(path: str | Path) -> tuple[list[Block], list[Block], list[Diagnostic]]:
    """A .docx file → (body candidates in order, note candidates, reader diagnostics): not yet
    recognised. A note diagnostic's `block` indexes the note candidates."""
    pkg = open_docx(path)
    main = pkg.main_part()
    stream = BodyStream(pkg, main)
    reader = DocxReader(pkg, main)
    blocks = reader.read(stream)
    if reader.notes and not reader.marks.numbers_like(reader.note_marks(stream.section)):
        # the body's own section numbers its notes otherwise than the settings do: read
        # again, numbering them as it says (the section comes last in the file)
        section = stream.section
        stream = BodyStream(pkg, main)
        reader = DocxReader(pkg, main, section)
        blocks = reader.read(stream)
    notes, listed = read_notes(reader, reader.notes)
    return blocks, notes, _review(reader, stream.revisions) + listed + reader.diagnostics


def _review(reader: "DocxReader", revisions: Revisions) -> list[Diagnostic]:
    """The tracked-changes warning (body and notes) and the comments, once the body is read."""
    for part in reader.note_parts():
        revisions.add(reader.xml(part))
    revisions = revisions.diagnostic()
    comments = reader.pkg.related(reader.main, "/comments")
    anchors = {cid: "".join(texts) for cid, texts in reader.anchors.items()}
    listed = comment_diagnostics(reader.xml(comments) if comments else None, reader.comments, anchors)
    return ([revisions] if revisions else []) + listed


class _Para:
    """Collects one source paragraph: text lines, and images/page breaks in their places."""

    def __init__(self, style: ParaStyle, kind: BlockKind, level: int):
        self.style, self.kind, self.level = style, kind, level
        self.runs: list = []
        self.blocks: list[Block] = []
        self.before: list[Block] = []     # text boxes placed above this paragraph
        self.after: list[Block] = []      # other text boxes: their paragraphs follow this one

    def text(self, text: str, rs: RunStyle) -> None:
        append_text(self.runs, text, rs.bold, rs.italic, rs.script)

    def end_line(self) -> None:
        runs = strip_runs(self.runs, _WHITESPACE)
        if runs:
            self.blocks.append(Block(kind=self.kind, runs=runs, align=self.style.align, level=self.level))
        self.runs = []

    def put(self, block: Block) -> None:
        self.end_line()
        self.blocks.append(block)

    def size(self) -> int:
        return sum(len(r.text) for r in self.runs) + len(self.blocks) + len(self.before) + len(self.after)


class DocxReader:
    """Walks a document part in order; `read(body)` returns the candidate blocks."""

    def __init__(self, pkg: DocxPackage, part: str, section: etree._Element | None = None):
        self.pkg, self.main, self.part = pkg, part, part
        self._parsed: dict[str, etree._Element] = {}
        styles, numbering = pkg.related(part, "/styles"), pkg.related(part, "/numbering")
        self.styles = Styles(self.xml(styles) if styles else None)
        self.numbering = Numbering(self.xml(numbering) if numbering else None, self.styles.numbering_of)
        self.marks = self.note_marks(section)
        self.out: list[Block] = []
        self.para: _Para | None = None
        self.carry: list[Run] = []                 # text whose paragraph mark was deleted
        self.fields: list[str] = []               # "instr" / "result" per open field
        self.notes: list[tuple[str, str, str]] = []   # (footnote|endnote, id, printed mark)
        self.note_mark = ""
        self.comments: list[str] = []             # comment ids in reference order
        self.anchors: dict[str, list[str]] = {}   # comment id → the text it is anchored to
        self.open_anchors: set[str] = set()
        self.hidden = 0
        self.diagnostics: list[Diagnostic] = []
        self._properties: dict[bytes, tuple[ParaStyle, bool, bool]] = {}
        default = self.styles.paragraph(None)      # plain_cell assumes the default style adds nothing
        self.plain_default = not (default.num_id or default.run.hidden or default.page_break_before)

    def xml(self, name: str) -> etree._Element:
        """A part parsed once (the notes are read twice: for text and for revisions)."""
        if name not in self._parsed:
            self._parsed[name] = self.pkg.xml(name)
        return self._parsed[name]

    def note_marks(self, section: etree._Element | None) -> NoteMarks:
        """How notes are numbered: by the settings, and the body's section (w:sectPr) if known."""
        settings = self.pkg.related(self.part, "/settings")
        return NoteMarks(self.xml(settings) if settings else None, section)

    def note_parts(self) -> list[str]:
        parts = [self.pkg.related(self.main, kind) for kind in ("/footnotes", "/endnotes")]
        return [p for p in parts if p]

    def read(self, children) -> list[Block]:
        """The candidates of the body, given its children in order (a BodyStream)."""
        for child in children:
            self.block_level(child)
        self.flush_carry()
        if self.hidden:
            self.diagnostics.append(Diagnostic(Severity.INFO, "hidden-text",
                                               f"文件中有 {self.hidden} 处隐藏文字（Word 中不显示、不打印），未导入"))
        return self.out

    # -- block level ---------------------------------------------------------------
    def container(self, el: etree._Element) -> None:
        """Block-level children in order: paragraphs, tables, and wrappers around them."""
        for child in el:
            self.block_level(child)

    def block_level(self, child: etree._Element) -> None:
        """One block-level element: a paragraph, a table, or a wrapper around them."""
        tag = child.tag
        if tag == w("p"):
            self.paragraph(child)
        elif tag == w("tbl"):
            self.flush_carry()
            self.table(child)
        elif tag in _COMMENT_MARKS:
            self.comment_mark(child)
        elif tag == w("altChunk"):
            self.diagnostics.append(Diagnostic(Severity.WARNING, "alt-chunk-skipped",
                                               "文件中嵌入的外部内容（altChunk）无法导入，请在 Word 中"
                                               "打开并另存为 .docx 后重新导入"))
        elif tag == f"{{{MC}}}AlternateContent":
            self.alternate(child, self.container)
        elif isinstance(tag, str) and tag not in _SKIP and tag.startswith(w("")):
            self.container(child)          # sdt, sdtContent, customXml, ins, moveTo…

    def paragraph(self, p: etree._Element) -> None:
        ppr = _first_child(p, _PPR)
        style, mark_deleted, section_break = self.paragraph_properties(ppr)
        outer, self.para = self.para, _Para(style, *self._hint(style))
        if style.page_break_before:
            self.para.put(Block(kind=BlockKind.PAGE_BREAK, reason="段前分页"))
        if style.num_id and not mark_deleted:
            label, bullet = self.numbering.label(style.num_id, style.ilvl)
            self.para.text(label, style.run)
            if bullet and self.para.kind == BlockKind.PARAGRAPH:
                self.para.kind = BlockKind.LIST_ITEM
        carried, self.carry = self.carry, []
        for run in carried:
            append_text(self.para.runs, run.text, run.bold, run.italic, run.script)
        self.inline(p, style.run)
        if "instr" in self.fields:    # field codes never span paragraphs
            self.fields = [f for f in self.fields if f != "instr"]
        if mark_deleted:   # accepted, the deletion joins this paragraph's last line to the next one
            self.carry, self.para.runs = self.para.runs, []
        else:
            self.para.end_line()
            if section_break:
                self.para.blocks.append(Block(kind=BlockKind.PAGE_BREAK, reason="分节符（下一页）"))
        done, self.para = self.para, outer
        self.emit(done.before + done.blocks + done.after)

    def paragraph_properties(self, ppr: etree._Element | None) -> tuple[ParaStyle, bool, bool]:
        """(style, paragraph mark deleted, ends a section on a new page) of a w:pPr, worked
        out once per distinct w:pPr: the cells of a table mostly share one."""
        key = etree.tostring(ppr, with_tail=False) if ppr is not None else b""
        found = self._properties.get(key)
        if found is None:
            sect = ppr.find(w("sectPr")) if ppr is not None else None
            section_break = sect is not None and \
                wval(sect.find(w("type")), "nextPage") not in ("continuous", "nextColumn")
            found = self._properties[key] = (self.styles.paragraph(ppr), _mark_deleted(ppr), section_break)
        return found

    def flush_carry(self) -> None:
        """Text left by a deleted paragraph mark with no paragraph after it: its own paragraph."""
        runs, self.carry = strip_runs(self.carry, _WHITESPACE), []
        if runs:
            self.emit([Block(kind=BlockKind.PARAGRAPH, runs=runs)])

    def _hint(self, style: ParaStyle) -> tuple[BlockKind, int]:
        if style.title:
            return BlockKind.TITLE, 0
        if style.outline is not None:
            return BlockKind.HEADING, style.outline + 1
        return BlockKind.PARAGRAPH, 0

    def emit(self, blocks: list[Block]) -> None:
        (self.para.after if self.para else self.out).extend(blocks)

    def table(self, tbl: etree._Element) -> None:
        """A table on its grid: a cell merged across columns (gridSpan, hMerge) or down rows
        (vMerge) keeps its text in its first grid cell and is listed in `spans`; pictures
        stay in the cell they sit in."""
        grid = _TableGrid()
        for tr in _descendants(tbl, w("tr"), stop=w("tbl")):
            if _row_deleted(tr):
                continue
            trpr = _first_child(tr, w("trPr"))
            grid.start_row(_count(trpr.find(w("gridBefore")) if trpr is not None else None))
            for tc in _descendants(tr, w("tc"), stop=w("tbl")):
                text, images = self.plain_cell(tc), []
                if text is None:
                    cell = self.collect(tc)
                    text = "\n".join(b.text for b in cell if b.kind != BlockKind.IMAGE and b.text)
                    images = [(b.image, b.image_size) for b in cell if b.kind == BlockKind.IMAGE]
                grid.cell(_first_child(tc, w("tcPr")), text, images)
        if grid.rows:
            self.emit([grid.block()])

    def plain_cell(self, tc: etree._Element) -> str | None:
        """The text of a table cell that holds nothing but paragraphs of plain runs — what
        most cells of a long table hold — read in one pass over its elements; None for any
        other cell (numbering, styles, fields, notes, comments, revisions, pictures, boxes,
        hidden text, nested tables…), which `collect` reads in full. The two readings give
        the same text for a plain cell; this one in a fraction of the time."""
        if self.fields or self.open_anchors or not self.plain_default:
            return None
        lines: list[str] = []
        line: list[str] | None = None
        for el in tc.iter():
            tag = el.tag
            if tag == _T and line is not None:
                line.append(el.text or "")
            elif tag in _PLAIN_QUIET:
                continue
            elif tag == _P:
                if el.getparent() is not tc:
                    return None
                if line is not None:
                    lines.append("".join(line))
                line = []
            elif tag in (_BR, _CR) and line is not None:
                lines.append("".join(line))
                line = []
            elif tag == _TAB and line is not None:
                if el.getparent().tag == _R:      # else a tab stop in w:pPr, not a tab character
                    line.append(" ")
            elif tag == _NB_HYPHEN and line is not None:
                line.append("-")
            elif tag not in _PLAIN_PROPERTIES:
                return None        # anything else (or text outside a paragraph): read in full
        if line is not None:
            lines.append("".join(line))
        return "\n".join(t for t in (text.strip(_WHITESPACE) for text in lines) if t)

    def collect(self, el: etree._Element) -> list[Block]:
        """The blocks of a nested container (table cell, text box, note), not emitted."""
        saved = self.out, self.para, self.carry
        self.out, self.para, self.carry = [], None, []
        try:
            self.container(el)
            self.flush_carry()
            return self.out
        finally:
            self.out, self.para, self.carry = saved

    # -- inline level ----------------------------------------------------------------
    def inline(self, el: etree._Element, rs: RunStyle) -> None:
        """Inline content in order; unknown wrappers are walked so no text is missed."""
        for child in el:
            tag = child.tag
            if not isinstance(tag, str) or tag in _SKIP:
                continue
            if tag == _R:
                self.inline(child, self.styles.run(rs, _first_child(child, _RPR)))
            elif tag in (w("t"), M_T):
                self.put_text(child.text or "", rs)
            elif tag in (w("tab"), w("ptab")):
                self.put_text(" ", rs)
            elif tag == w("br"):
                if child.get(w("type")) == "page":
                    self.para.put(Block(kind=BlockKind.PAGE_BREAK, reason="分页符"))
                else:
                    self.para.end_line()
            elif tag == w("cr"):
                self.para.end_line()
            elif tag == w("noBreakHyphen"):
                self.put_text("-", rs)
            elif tag == w("sym"):
                self.put_text(_symbol(child), rs)
            elif tag == w("fldChar"):
                self.field(child.get(w("fldCharType")))
            elif tag in (w("drawing"), w("pict"), w("object")):
                self.graphic(child)
            elif tag in (w("footnoteReference"), w("endnoteReference")):
                self.note_reference(child, rs)
            elif tag in (w("footnoteRef"), w("endnoteRef")):
                self.para.text(self.note_mark, RunStyle(rs.bold, rs.italic, "sup"))
            elif tag in _COMMENT_MARKS:
                self.comment_mark(child)
            elif tag == f"{{{MC}}}AlternateContent":
                self.alternate(child, lambda e: self.inline(e, rs))
            else:
                self.inline(child, rs)   # hyperlink, ins, moveTo, smartTag, sdt, fldSimple, math…

    def put_text(self, text: str, rs: RunStyle) -> None:
        """Visible text into the paragraph, and into the comments anchored around it."""
        if "instr" in self.fields or not text:
            return
        if rs.hidden:
            self.hidden += 1
            return
        self.para.text(text, rs)
        for cid in self.open_anchors:
            self.anchors[cid].append(text)

    def field(self, kind: str | None) -> None:
        if kind == "begin":
            self.fields.append("instr")
        elif kind == "separate" and self.fields:
            self.fields[-1] = "result"
        elif kind == "end" and self.fields:
            self.fields.pop()

    def comment_mark(self, el: etree._Element) -> None:
        cid = el.get(w("id"), "")
        if el.tag == w("commentRangeStart"):
            self.open_anchors.add(cid)
            self.anchors.setdefault(cid, [])
        elif el.tag == w("commentRangeEnd"):
            self.open_anchors.discard(cid)
        else:
            self.comments.append(cid)

    def alternate(self, el: etree._Element, walk) -> None:
        """mc:AlternateContent: the Choice, or the Fallback only if the Choice gave nothing."""
        before = (len(self.out), self.para.size() if self.para else 0)
        choice, fallback = el.find(f"{{{MC}}}Choice"), el.find(f"{{{MC}}}Fallback")
        if choice is not None:
            walk(choice)
        after = (len(self.out), self.para.size() if self.para else 0)
        if after == before and fallback is not None:
            walk(fallback)

    def graphic(self, el: etree._Element) -> None:
        """Pictures become IMAGE blocks; text boxes and SmartArt text become paragraphs after
        this one; a chart cannot be kept and is reported."""
        found = scan_graphic(el)
        for rid, size in zip(found.images, found.sizes):
            data = self.image_bytes(rid)
            if data is not None:
                self.para.put(Block(kind=BlockKind.IMAGE, image=data, image_size=size, reason="图片"))
        for box, above in zip(found.boxes, found.above):
            (self.para.before if above else self.para.after).extend(_box_lines(self.collect(box)))
        for rid in found.diagrams:
            self.para.after.extend(self.diagram_text(rid))
        if found.charts:
            self.diagnostics.append(Diagnostic(Severity.WARNING, "chart-skipped",
                                               "文档中的图表（Chart）无法导入，请改为图片后重新导入"))

    def diagram_text(self, rid: str) -> list[Block]:
        """SmartArt: the text of each shape in its data part, one paragraph per text line."""
        target = self.pkg.rels(self.part).get(rid)
        if target is None or not self.pkg.has(target[0]):
            return []
        out = []
        for para in self.pkg.xml(target[0]).iter(A_P):
            text = "".join(t.text or "" for t in para.iter(A_T)).strip()
            if text:
                out.append(Block(kind=BlockKind.PARAGRAPH, runs=[Run(text)]))
        return out

    def image_bytes(self, rid: str) -> bytes | None:
        target = self.pkg.rels(self.part).get(rid)
        if target is None or not self.pkg.has(target[0]):
            self.diagnostics.append(Diagnostic(Severity.WARNING, "image-missing",
                                               "文档中的一张图片是外部链接或已缺失，未能导入"))
            return None
        return self.pkg.blob(target[0])

    def note_reference(self, el: etree._Element, rs: RunStyle) -> None:
        kind = "footnote" if el.tag == w("footnoteReference") else "endnote"
        if el.get(w("customMarkFollows")) in ("1", "true", "on"):
            mark = ""       # the mark is typed in the text and takes no number
        else:
            mark = self.marks.next(kind)
            self.para.text(mark, RunStyle(rs.bold, rs.italic, "sup"))
        self.notes.append((kind, el.get(w("id"), ""), mark))


class _TableGrid:
    """Cells placed on a table's grid as they are read, row by row."""

    def __init__(self):
        self.rows: list[list[str]] = []
        self.merges: dict[tuple[int, int], list[int]] = {}   # (row, col) → [rows, cols]
        self.down: dict[int, tuple[int, int]] = {}           # column → the cell a vMerge continues
        self.images: list[CellImage] = []
        self.col = 0

    def start_row(self, skipped: int) -> None:
        self.rows.append([""] * skipped)
        self.col = skipped

    def cell(self, tcpr: etree._Element | None, text: str, images: list) -> None:
        r, col = len(self.rows) - 1, self.col
        props = {child.tag: child for child in tcpr} if tcpr is not None else {}
        span = max(1, _count(props.get(_GRID_SPAN)))
        vmerge, hmerge = props.get(_V_MERGE), props.get(_H_MERGE)
        if vmerge is not None and wval(vmerge, "continue") == "continue" and col in self.down:
            anchor = self.down[col]
            self.merges[anchor][0] = r - anchor[0] + 1
        elif hmerge is not None and wval(hmerge, "continue") == "continue" and col > 0 and r >= 0:
            anchor = self._owner(r, col - 1)
            self.merges.setdefault(anchor, [1, 1])[1] += span
        else:
            anchor = (r, col)
            if span > 1 or vmerge is not None:
                self.merges[anchor] = [1, span]
            if vmerge is not None:
                self.down[col] = anchor
            else:
                self.down.pop(col, None)
            self.rows[r] += [text] + [""] * (span - 1)
            self.images += [CellImage(r, col, data, size) for data, size in images if data]
            self.col += span
            return
        # a continuation: its grid cells stay empty; whatever it holds joins the merged cell
        self.rows[r] += [""] * span
        ar, ac = anchor
        if text:
            self.rows[ar][ac] = "\n".join(t for t in (self.rows[ar][ac], text) if t)
        self.images += [CellImage(ar, ac, data, size) for data, size in images if data]
        self.col += span

    def _owner(self, r: int, c: int) -> tuple[int, int]:
        for (ar, ac), (rs, cs) in self.merges.items():
            if ar <= r < ar + rs and ac <= c < ac + cs:
                return ar, ac
        return r, c

    def block(self) -> Block:
        width = max(len(row) for row in self.rows)
        rows = [row + [""] * (width - len(row)) for row in self.rows]
        spans = [(r, c, rs, cs) for (r, c), (rs, cs) in sorted(self.merges.items()) if rs > 1 or cs > 1]
        return Block(kind=BlockKind.TABLE, rows=rows, spans=spans, cell_images=self.images)


def _count(el: etree._Element | None) -> int:
    """A count of grid columns (w:gridSpan, w:gridBefore): 0 when absent or unreadable, at
    most Word's 63 columns (a hostile 10⁶ would build huge rows)."""
    return min(parse_int(wval(el), 0, digits=3), 63) if el is not None else 0


def _box_lines(blocks: list[Block]) -> list[Block]:
    """A text box's blocks, each marked as read from a box (recognition tells a masthead or
    a label from the document's own lines by it). A label stacked one character to a line
    down a narrow box (附 / 件 / 2) is read as Word shows it: one word, top to bottom."""
    texts = [b for b in blocks if is_text(b)]
    if len(texts) >= 2 and len(texts) == len(blocks) and all(len(b.text.strip()) == 1 for b in texts):
        runs: list[Run] = []
        for b in texts:
            for r in b.runs:
                append_text(runs, r.text.strip(), r.bold, r.italic, r.script)
        blocks = [Block(kind=texts[0].kind, runs=runs, align=texts[0].align)]
    for b in blocks:
        if is_text(b) and not b.reason:
            b.reason = TEXT_BOX
    return blocks


def _first_child(el: etree._Element, tag: str) -> etree._Element | None:
    """The w:pPr of a w:p, the w:rPr of a w:r: its first child by the schema, looked for
    further only in a file that puts it elsewhere."""
    if len(el) and el[0].tag == tag:
        return el[0]
    return el.find(tag)


def _mark_deleted(ppr: etree._Element | None) -> bool:
    """Was this paragraph's mark deleted (or moved away) as a tracked change?"""
    rpr = ppr.find(w("rPr")) if ppr is not None else None
    return rpr is not None and (rpr.find(w("del")) is not None or rpr.find(w("moveFrom")) is not None)


def _row_deleted(tr: etree._Element) -> bool:
    props = tr.find(w("trPr"))
    return props is not None and props.find(w("del")) is not None


def _descendants(el: etree._Element, tag: str, stop: str):
    """Children with `tag`, looking through wrappers (sdt, customXml) but not into `stop`."""
    for child in el:
        if child.tag == tag:
            yield child
        elif isinstance(child.tag, str) and child.tag != stop and child.tag not in _SKIP:
            yield from _descendants(child, tag, stop)


def _symbol(el: etree._Element) -> str:
    code = el.get(w("char"), "")
    try:
        value = int(code, 16)
    except ValueError:
        return ""
    return chr(value) if 0 < value < 0x110000 and not 0xD800 <= value <= 0xDFFF else ""
