"""Word .docx sources.

in: a path; out: a recognised Document. The body is read in order into candidate paragraphs
(runs with bold/italic/sub/sup, alignment and heading hints resolved through the style chain,
Word's automatic numbering written out as its printed text), tables (cell texts), images
(bytes) and explicit page breaks. Content the model has no place for is kept as text, never
dropped: text boxes (once — Word also stores a fallback copy), footnotes and endnotes (a
superscript mark in the text, the note itself as a NOTE block at the end), field results,
hyperlinks, content controls, smart tags, tracked insertions. Deleted text (w:del) and field
instructions (w:instrText) are not text. The file is checked by `safety` before anything is
parsed, and every XML part goes through its hardened parser.
"""
from __future__ import annotations

from pathlib import Path

from lxml import etree

from ..model import Block, BlockKind, Diagnostic, Document, Run, Severity
from .docx_numbering import Numbering
from .docx_styles import ParaStyle, RunStyle, Styles, W_NS, w, wval
from .errors import ImportRefused
from .recognize import recognize
from .runs import append_text, strip_runs
from .safety import DocxPackage, open_docx

MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
A_BLIP, A_P, A_T = f"{{{A_NS}}}blip", f"{{{A_NS}}}p", f"{{{A_NS}}}t"
DGM_RELIDS = "{http://schemas.openxmlformats.org/drawingml/2006/diagram}relIds"
C_CHART = "{http://schemas.openxmlformats.org/drawingml/2006/chart}chart"
V_IMAGEDATA = "{urn:schemas-microsoft-com:vml}imagedata"
M_T = "{http://schemas.openxmlformats.org/officeDocument/2006/math}t"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_SKIP = {w(t) for t in ("rPr", "pPr", "delText", "instrText", "del", "moveFrom", "sdtPr", "sdtEndPr",
                        "proofErr", "bookmarkStart", "bookmarkEnd", "commentRangeStart",
                        "commentRangeEnd", "commentReference", "annotationRef", "softHyphen",
                        "lastRenderedPageBreak", "separator", "continuationSeparator", "tblPr",
                        "tblGrid", "trPr", "tcPr", "sectPr", "permStart", "permEnd")}
_WHITESPACE = " \t\u3000\u00a0\u2002\u2003"


def read_docx(path: str | Path) -> Document:
    """A .docx file → Document (recognised), or ImportRefused."""
    candidates, diagnostics = read_docx_candidates(path)
    doc = recognize(candidates)
    doc.diagnostics[:0] = diagnostics
    return doc


def read_docx_candidates(path: str | Path) -> tuple[list[Block], list[Diagnostic]]:
    """A .docx file → (candidate blocks in body order, reader diagnostics), not yet recognised."""
    pkg = open_docx(path)
    main = pkg.main_part()
    root = pkg.xml(main)
    body = root.find(w("body"))
    if body is None:
        if "purl.oclc.org" in str(root.tag):
            raise ImportRefused(pkg.path, "使用 Strict Open XML 格式保存，暂不支持。请在 Word 中另存为普通 .docx。")
        raise ImportRefused(pkg.path, f"的正文部分（{main}）没有内容（缺少 w:body），不是有效的 Word 文档。")
    reader = DocxReader(pkg, main)
    return reader.read(body), reader.diagnostics


class _Para:
    """Collects one source paragraph: text lines, and images/page breaks in their places."""

    def __init__(self, style: ParaStyle, kind: BlockKind, level: int):
        self.style, self.kind, self.level = style, kind, level
        self.runs: list = []
        self.blocks: list[Block] = []
        self.after: list[Block] = []      # text boxes: their paragraphs follow this one

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
        return sum(len(r.text) for r in self.runs) + len(self.blocks) + len(self.after)


class DocxReader:
    """Walks a document part in order; `read(body)` returns the candidate blocks."""

    def __init__(self, pkg: DocxPackage, part: str):
        self.pkg, self.main, self.part = pkg, part, part
        styles, numbering = pkg.related(part, "/styles"), pkg.related(part, "/numbering")
        self.styles = Styles(pkg.xml(styles) if styles else None)
        self.numbering = Numbering(pkg.xml(numbering) if numbering else None)
        self.out: list[Block] = []
        self.para: _Para | None = None
        self.fields: list[str] = []               # "instr" / "result" per open field
        self.notes: list[tuple[str, str, str]] = []   # (footnote|endnote, id, printed mark)
        self.note_mark = ""
        self.diagnostics: list[Diagnostic] = []

    def read(self, body: etree._Element) -> list[Block]:
        self.container(body)
        self.out.extend(self.read_notes())
        return self.out

    # -- block level ---------------------------------------------------------------
    def container(self, el: etree._Element) -> None:
        """Block-level children in order: paragraphs, tables, and wrappers around them."""
        for child in el:
            tag = child.tag
            if tag == w("p"):
                self.paragraph(child)
            elif tag == w("tbl"):
                self.table(child)
            elif tag == f"{{{MC}}}AlternateContent":
                self.alternate(child, self.container)
            elif isinstance(tag, str) and tag not in _SKIP and tag.startswith(f"{{{W_NS}}}"):
                self.container(child)          # sdt, sdtContent, customXml, ins, moveTo…

    def paragraph(self, p: etree._Element) -> None:
        ppr = p.find(w("pPr"))
        style = self.styles.paragraph(ppr)
        outer, self.para = self.para, _Para(style, *self._hint(style))
        if style.page_break_before:
            self.para.put(Block(kind=BlockKind.PAGE_BREAK, reason="段前分页"))
        if style.num_id:
            label, bullet = self.numbering.label(style.num_id, style.ilvl)
            self.para.text(label, style.run)
            if bullet and self.para.kind == BlockKind.PARAGRAPH:
                self.para.kind = BlockKind.LIST_ITEM
        self.inline(p, style.run)
        self.para.end_line()
        self.fields = [f for f in self.fields if f != "instr"]   # field codes never span paragraphs
        sect = ppr.find(w("sectPr")) if ppr is not None else None
        if sect is not None and wval(sect.find(w("type")), "nextPage") not in ("continuous", "nextColumn"):
            self.para.blocks.append(Block(kind=BlockKind.PAGE_BREAK, reason="分节符（下一页）"))
        done, self.para = self.para, outer
        self.emit(done.blocks + done.after)

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
            row = []
            for tc in _descendants(tr, w("tc"), stop=w("tbl")):
                cell = self.collect(tc)
                row.append("\n".join(b.text for b in cell if b.kind != BlockKind.IMAGE and b.text))
                images += [b for b in cell if b.kind == BlockKind.IMAGE]
            rows.append(row)
        self.emit([Block(kind=BlockKind.TABLE, rows=rows)] + images)

    def collect(self, el: etree._Element) -> list[Block]:
        """The blocks of a nested container (table cell, text box, note), not emitted."""
        saved_out, saved_para = self.out, self.para
        self.out, self.para = [], None
        try:
            self.container(el)
            return self.out
        finally:
            self.out, self.para = saved_out, saved_para

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
                if "instr" not in self.fields:
                    self.para.text(child.text or "", rs)
            elif tag in (w("tab"), w("ptab")):
                self.para.text(" ", rs)
            elif tag == w("br"):
                if child.get(w("type")) == "page":
                    self.para.put(Block(kind=BlockKind.PAGE_BREAK, reason="分页符"))
                else:
                    self.para.end_line()
            elif tag == w("cr"):
                self.para.end_line()
            elif tag == w("noBreakHyphen"):
                self.para.text("-", rs)
            elif tag == w("sym"):
                self.para.text(_symbol(child), rs)
            elif tag == w("fldChar"):
                self.field(child.get(w("fldCharType")))
            elif tag in (w("drawing"), w("pict"), w("object")):
                self.graphic(child)
            elif tag in (w("footnoteReference"), w("endnoteReference")):
                self.note_reference(child, rs)
            elif tag in (w("footnoteRef"), w("endnoteRef")):
                self.para.text(self.note_mark, RunStyle(rs.bold, rs.italic, "sup"))
            elif tag == f"{{{MC}}}AlternateContent":
                self.alternate(child, lambda e: self.inline(e, rs))
            else:
                self.inline(child, rs)   # hyperlink, ins, moveTo, smartTag, sdt, fldSimple, math…

    def field(self, kind: str | None) -> None:
        if kind == "begin":
            self.fields.append("instr")
        elif kind == "separate" and self.fields:
            self.fields[-1] = "result"
        elif kind == "end" and self.fields:
            self.fields.pop()

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
        found: dict[str, list] = {"image": [], "box": [], "diagram": [], "chart": []}
        _scan_graphic(el, found)
        for rid in found["image"]:
            data = self.image_bytes(rid)
            if data is not None:
                self.para.put(Block(kind=BlockKind.IMAGE, image=data, reason="图片"))
        for box in found["box"]:
            self.para.after.extend(self.collect(box))
        for rid in found["diagram"]:
            self.para.after.extend(self.diagram_text(rid))
        if found["chart"]:
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

    # -- notes -----------------------------------------------------------------------
    def note_reference(self, el: etree._Element, rs: RunStyle) -> None:
        kind = "footnote" if el.tag == w("footnoteReference") else "endnote"
        mark = str(sum(1 for n in self.notes if n[0] == kind) + 1)
        if el.get(w("customMarkFollows")) not in ("1", "true", "on"):   # else the mark is in the text
            self.para.text(mark, RunStyle(rs.bold, rs.italic, "sup"))
        self.notes.append((kind, el.get(w("id"), ""), mark))

    def read_notes(self) -> list[Block]:
        """The referenced footnotes and endnotes, in reference order, as NOTE candidates."""
        out: list[Block] = []
        parts = {kind: self.pkg.related(self.main, f"/{kind}s") for kind in ("footnote", "endnote")}
        roots = {kind: self.pkg.xml(part) for kind, part in parts.items() if part}
        for kind, nid, mark in self.notes:
            if kind not in roots:
                continue
            note = next((n for n in roots[kind].findall(w(kind)) if n.get(w("id")) == nid), None)
            if note is None:
                continue
            self.part, self.note_mark = parts[kind], mark
            for block in self.collect(note):
                if block.kind not in (BlockKind.TABLE, BlockKind.IMAGE, BlockKind.PAGE_BREAK):
                    block.kind, block.reason = BlockKind.NOTE, "脚注" if kind == "footnote" else "尾注"
                out.append(block)
        self.part = self.main
        return out


def _scan_graphic(el: etree._Element, found: dict[str, list]) -> None:
    """Image, SmartArt and chart relationship ids and outermost text boxes under a drawing."""
    for child in el:
        if not isinstance(child.tag, str):
            continue
        if child.tag == w("txbxContent"):
            found["box"].append(child)
            continue
        if child.tag == A_BLIP and child.get(f"{{{R_NS}}}embed"):
            found["image"].append(child.get(f"{{{R_NS}}}embed"))
        elif child.tag == V_IMAGEDATA and child.get(f"{{{R_NS}}}id"):
            found["image"].append(child.get(f"{{{R_NS}}}id"))
        elif child.tag == DGM_RELIDS and child.get(f"{{{R_NS}}}dm"):
            found["diagram"].append(child.get(f"{{{R_NS}}}dm"))
        elif child.tag == C_CHART:
            found["chart"].append(child.get(f"{{{R_NS}}}id"))
        _scan_graphic(child, found)


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
        return chr(int(code, 16))
    except ValueError:
        return ""
