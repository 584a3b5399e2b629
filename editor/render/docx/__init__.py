"""DOCX export: the issue as a Word file that Word, WPS and LibreOffice open looking like
our PDF.

in: the Issue (documents imported), its LayoutSpec and our LayoutResult (page numbers,
the lines as printed, the faces used); out: a .docx written atomically at `path`.
Sections: cover + 目录 (no head, no page number), the documents (running head, `— N —`
PAGE fields, numbering starting at the first document's printed page; a section per
stretch across the page or in columns, columns.py), the back page (no head, on an even
page when the spec asks). The 目录's numbers are PAGEREF fields whose cached results are
our own page numbers. The faces our layout used are embedded (embed.py).
"""
from __future__ import annotations

import io
from pathlib import Path

import docx

from ...layout.pages import LayoutResult
from ...layout.spec import LayoutSpec
from ...issuefile import write_atomic
from ...model import Issue
from ...layout.titlebreak import organ_names
from . import oxml
from .body import Context, write_document
from .columns import BodySections, continue_numbering, end_section, make_grid
from .embed import doc_fonts, embed_fonts
from .placed import laid_lines, printed_toc
from .package import write_package
from .front import write_back_page, write_cover, write_inside_title, write_toc
from .sections import (clear_furniture, needs_odd_even, set_start, setup_page,
                       write_furniture, write_settings)
from .styles import FontNames, write_styles
from .titles import face_metrics

__all__ = ["render_docx", "build_docx"]


def build_docx(issue: Issue, spec: LayoutSpec, layout: LayoutResult, progress=None, cancel=None):
    """in: the issue, spec and layout (progress(step, done, total, label) after each document,
    `cancel` a threading.Event checked between documents: InterruptedError);
    out: the python-docx Document (not yet saved)."""
    doc = docx.Document()
    grid = make_grid(spec)
    fonts = doc_fonts(layout.fonts)
    names = FontNames(spec, fonts)
    write_styles(doc, names, grid)
    odd_even = needs_odd_even(spec, issue)
    write_settings(doc, spec, odd_even)
    setup_page(doc.sections[0], spec, grid)
    conf = spec.issue
    docs = issue.documents()
    pages = [p + 1 for p in layout.doc_pages]          # printed number = physical index + 1
    back_page = conf.get("back_page", False)
    front = False
    if conf.get("cover", True):
        write_cover(doc, issue, spec)
        front = True
    if conf.get("toc", True) and docs:
        write_inside_title(doc, issue, spec)
        if not front:       # no cover: the inside title opens the file, no break before it
            oxml.set_on(doc.paragraphs[0]._p.get_or_add_pPr(), "pageBreakBefore", False)
        write_toc(doc, issue, spec, pages, printed_toc(layout))
        front = True
    if docs:
        body = end_section(doc) if front else doc.sections[0]
        set_start(body, "nextPage", pages[0] if pages else 1)
        write_furniture(body, spec, grid, issue, odd_even)
        sections = BodySections(doc, spec)
        ctx = Context(doc, spec, grid, sections, laid_lines(layout, spec), organ_names(issue),
                      face_metrics(layout.fonts), bold_face=names.bold("bold"))
        for k, document in enumerate(docs):
            if cancel is not None and cancel.is_set():
                raise InterruptedError
            write_document(ctx, document, k)
            if progress:
                progress("输出 Word", k + 1, len(docs) + 1, "")
        sections.finish(more=back_page)
    if back_page:
        back = doc.sections[-1] if docs else end_section(doc)
        set_start(back, "evenPage" if conf.get("back_page_even", False) else "nextPage")
        continue_numbering(back)
        clear_furniture(back, odd_even)
        codes = [c for page in layout.pages if page.kind == "back" for c in page.codes]
        write_back_page(doc, issue, spec, grid, codes)
    embed_fonts(doc, fonts)
    return doc


def save_atomic(doc, path: str | Path) -> None:
    """Serialise in memory, then write beside the target and rename (never half a file)."""
    buffer = io.BytesIO()
    write_package(doc, buffer)
    write_atomic(path, buffer.getvalue())


def render_docx(issue: Issue, spec: LayoutSpec, layout: LayoutResult, path: str | Path,
                progress=None, cancel=None) -> None:
    """in: the issue, its spec, our layout; out: the .docx at `path`, written atomically."""
    doc = build_docx(issue, spec, layout, progress, cancel)
    save_atomic(doc, path)
    if progress:
        steps = len(issue.documents()) + 1
        progress("输出 Word", steps, steps, "")
