"""Word .docx sources.

in: a path; out: a recognised Document. The body is read in order into candidate paragraphs
(runs with bold/italic/sub/sup, alignment and heading hints resolved through the style chain,
Word's automatic numbering written out as its printed text), tables (cell texts), images
(bytes) and explicit page breaks. The text is the text Word shows with every tracked change
accepted: insertions and moves kept where they land, deletions and moved-away text dropped,
a deleted paragraph mark joining its paragraph to the next, deleted table rows gone.
Content the model has no place for is kept as text, never dropped: text boxes (once — Word
also stores a fallback copy — after their paragraph, or before it when Word shows the box
above it; a label stacked one character to a line read as one word), footnotes and endnotes (the mark in the text, the notes as
NOTE blocks at the end), field results, hyperlinks, content controls, smart tags. Not text:
field instructions, hidden (w:vanish) runs, comments — those are reported instead, with the
revisions, as diagnostics. The file is checked by `safety` before anything is parsed, and
every XML part goes through its hardened parser (Strict OOXML and any prefix read alike).
"""
from __future__ import annotations

from pathlib import Path

from lxml import etree

from ..model import Block, BlockKind, Diagnostic, Document, Run, Severity
from .docx_graphics import scan_graphic
from .docx_notes import NoteMarks, read_notes
from .docx_numbering import Numbering
from .docx_review import comment_diagnostics, revision_diagnostic
from .docx_styles import ParaStyle, RunStyle, Styles, w, wval
from .errors import ImportRefused
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
    root = pkg.xml(main)
    body = root.find(w("body"))
    if root.tag != w("document") or body is None:
        raise ImportRefused(pkg.path, f"的正文部分（{main}）不是 Word 文档正文（缺少 w:document/w:body），无法导入。")
    reader = DocxReader(pkg, main, body)
    blocks = reader.read(body)
    notes, listed = read_notes(reader, reader.notes)
    return blocks, notes, _review(reader, root) + listed + reader.diagnostics


def _review(reader: "DocxReader", root: etree._Element) -> list[Diagnostic]:
    """The tracked-changes warning (body and notes) and the comments, once the body is read."""
    revisions = revision_diagnostic([root] + [reader.xml(part) for part in reader.note_parts()])
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

    def __init__(self, pkg: DocxPackage, part: str, body: etree._Element | None = None):
        self.pkg, self.main, self.part = pkg, part, part
        self._parsed: dict[str, etree._Element] = {}
        styles, numbering = pkg.related(part, "/styles"), pkg.related(part, "/numbering")
        self.styles = Styles(self.xml(styles) if styles else None)
        self.numbering = Numbering(self.xml(numbering) if numbering else None, self.styles.numbering_of)
        settings = pkg.related(part, "/settings")
        self.marks = NoteMarks(self.xml(settings) if settings else None,
                               body.find(w("sectPr")) if body is not None else None)
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

    def xml(self, name: str) -> etree._Element:
        """A part parsed once (the notes are read twice: for text and for revisions)."""
        if name not in self._parsed:
            self._parsed[name] = self.pkg.xml(name)
        return self._parsed[name]

    def note_parts(self) -> list[str]:
        parts = [self.pkg.related(self.main, kind) for kind in ("/footnotes", "/endnotes")]
        return [p for p in parts if p]

    def read(self, body: etree._Element) -> list[Block]:
        self.container(body)
        self.flush_carry()
        if self.hidden:
            self.diagnostics.append(Diagnostic(Severity.INFO, "hidden-text",
                                               f"文件中有 {self.hidden} 处隐藏文字（Word 中不显示、不打印），未导入"))
        return self.out

    # -- block level ---------------------------------------------------------------
    def container(self, el: etree._Element) -> None:
        """Block-level children in order: paragraphs, tables, and wrappers around them."""
        for child in el:
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
        ppr = p.find(w("pPr"))
        style = self.styles.paragraph(ppr)
        mark_deleted = _mark_deleted(ppr)
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
        self.fields = [f for f in self.fields if f != "instr"]   # field codes never span paragraphs
        if mark_deleted:   # accepted, the deletion joins this paragraph's last line to the next one
            self.carry, self.para.runs = self.para.runs, []
        else:
            self.para.end_line()
            sect = ppr.find(w("sectPr")) if ppr is not None else None
            if sect is not None and wval(sect.find(w("type")), "nextPage") not in ("continuous", "nextColumn"):
                self.para.blocks.append(Block(kind=BlockKind.PAGE_BREAK, reason="分节符（下一页）"))
        done, self.para = self.para, outer
        self.emit(done.before + done.blocks + done.after)

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
        rows, images = [], []
        for tr in _descendants(tbl, w("tr"), stop=w("tbl")):
            if _row_deleted(tr):
                continue
            row = []
            for tc in _descendants(tr, w("tc"), stop=w("tbl")):
                cell = self.collect(tc)
                row.append("\n".join(b.text for b in cell if b.kind != BlockKind.IMAGE and b.text))
                images += [b for b in cell if b.kind == BlockKind.IMAGE]
            rows.append(row)
        if rows:
            self.emit([Block(kind=BlockKind.TABLE, rows=rows)])
        self.emit(images)

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
            if tag == w("r"):
                self.inline(child, self.styles.run(rs, child.find(w("rPr"))))
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
