"""The body's section structure: a Word section for every stretch our layout sets across
the page or in columns, so that Word, WPS and LibreOffice flow the text as our PDF does.

in: the python-docx Document whose last section is the body's (page size, margins, heads,
first page number already set), the spec; out: as the documents are written, each stretch
closed as a section of its own: a document opens on a new page (w:type nextPage) with its
own line pitch (每栏行数: w:docGrid/@w:linePitch); a title block, a short part or a 名单
spans the page (w:cols w:num=1); text runs in columns (w:cols w:num=2, w:space = the gutter,
w:sep when the layout rules the gutter) between continuous section breaks.

ECMA-376 Part 1 relied on: §17.6.4 cols (num, space, sep), §17.6.22 type (continuous,
nextPage), §17.6.5 docGrid, §17.6.12 pgNumType, §17.10.5 headerReference (a section
without one takes the previous section's: heads and page numbers run on).
Word balances the columns of a section that a continuous section break ends; our layout
balances a column run that ends on its page (平衡栏: a spanning title follows, or the
document ends). So a document that follows one ending in columns starts with a continuous
break and carries its page break on its first paragraph (`document_start`). LibreOffice
balances the columns before a spanning title but not those before such a page break; an
empty section in between to make it would cost a blank page in it, so it is not added.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, replace

from docx.enum.section import WD_SECTION

from ...layout.spec import LayoutSpec
from ...model import Document
from . import oxml
from .styles import TRACKING_EPS, Grid


def twips(pt: float) -> int:
    return round(pt * 20)


def make_grid(spec: LayoutSpec) -> Grid:
    """The measure from whole-twip margins, the line pitch floored to whole twips, and the
    character pitch that puts chars_per_line characters on a column's line."""
    measure_tw = twips(spec.page_width) - twips(spec.inner) - twips(spec.outer)
    height_tw = twips(spec.page_height) - twips(spec.top) - twips(spec.bottom)
    line = math.floor(height_tw / spec.lines_per_page) / 20
    column_tw = (measure_tw - twips(spec.gutter) * (spec.columns - 1)) / spec.columns
    chars = spec.chars_per_line
    pitch = column_tw / 20 / chars if chars else spec.size
    return Grid(measure_tw / 20, line, pitch)


def document_grid(spec: LayoutSpec, doc: Document) -> Grid:
    """The grid of one document's pages: its own 每栏行数 when the editor set one."""
    if doc.lines_per_column and doc.lines_per_column != spec.lines_per_page:
        spec = replace(spec, lines_per_page=doc.lines_per_column)
    return make_grid(spec)


def char_space(grid: Grid, size: float) -> int:
    """w:charSpace = (character pitch − Normal's size) × 4096 (ECMA-376 §17.6.5), rounded
    down so the wanted number of characters still fits the line."""
    return math.floor((grid.char_pitch - size) * 4096)


def grid_kind(spec: LayoutSpec) -> str:
    """docGrid type: lines and characters when the characters need a pitch other than their
    size (GB/T 9704's 28 in 156 mm); a line grid alone when they sit at their own width
    (the gazette's 18 to a column). The grid records the page for Word's page setup
    (文档网格); no paragraph snaps to it (styles.write_style says why)."""
    return "linesAndChars" if spec.chars_per_line and abs(spec.tracking) >= TRACKING_EPS else "lines"


def set_grid(sectPr, spec: LayoutSpec, grid: Grid) -> None:
    oxml.set_doc_grid(sectPr, grid.line_twips, char_space(grid, spec.size), grid_kind(spec))


def end_section(doc):
    """Close the current section at its last paragraph (python-docx's add_section would add
    an empty paragraph, which can spill onto a page of its own); out: the new section,
    which has no heads of its own (it takes the closed section's)."""
    body = doc.element.body
    sentinel = body.get_or_add_sectPr()
    blocks = [el for el in body if el is not sentinel]
    last = blocks[-1] if blocks else None
    if last is None or last.tag != oxml.qn("w:p") or last.xpath("w:pPr/w:sectPr"):
        return doc.add_section(WD_SECTION.NEW_PAGE)
    last.set_sectPr(sentinel.clone())
    for ref in sentinel.xpath("w:headerReference|w:footerReference"):
        sentinel.remove(ref)
    return doc.sections[-1]


def continue_numbering(section) -> None:
    """A section cloned from the first body section keeps its restart; later ones must not."""
    num = section._sectPr.find(oxml.qn("w:pgNumType"))
    if num is not None:
        section._sectPr.remove(num)


@dataclass(frozen=True)
class Stretch:
    """One section of the body: its columns, how it starts and its grid."""
    columns: int
    start: str           # nextPage | continuous
    grid: Grid


class BodySections:
    """The body's sections, closed one after another as the documents are written."""

    def __init__(self, doc, spec: LayoutSpec):
        self.doc, self.spec = doc, spec
        self.open: Stretch | None = None

    def start(self, columns: int, start: str, grid: Grid) -> None:
        """From the next paragraph on, a new stretch; the open one closes before it."""
        if self.open is not None:
            self._close()
        self.open = Stretch(columns, start, grid)

    @property
    def columns(self) -> int:
        return self.open.columns if self.open else 1

    def document_start(self) -> str:
        """How the next document's first section starts: on a new page; or, when the last
        document ended in columns, continuously, so that those columns are balanced (Word
        balances a section's columns only before a continuous break) — its first paragraph
        then carries the page break."""
        return "continuous" if self.columns > 1 else "nextPage"

    def finish(self, more: bool) -> None:
        """The last stretch: closed when another section (the back page) follows, else it
        is the document's final section."""
        if self.open is None:
            return
        if more:
            self._close()
        else:
            self._apply(self.doc.sections[-1]._sectPr, self.open)
        self.open = None

    def _close(self) -> None:
        end_section(self.doc)
        closed = self.doc.sections[-2]._sectPr
        self._apply(closed, self.open)
        continue_numbering(self.doc.sections[-1])       # only the first stretch restarts

    def _apply(self, sectPr, stretch: Stretch) -> None:
        oxml.set_section_start(sectPr, stretch.start)
        spec = self.spec
        if stretch.columns > 1:
            oxml.set_child(sectPr, "cols", num=stretch.columns, space=twips(spec.gutter),
                           sep="1" if spec.column_rule else None)
        else:
            oxml.set_child(sectPr, "cols", num=1, space=0, sep=None)
        set_grid(sectPr, spec, stretch.grid)
