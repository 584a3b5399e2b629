"""The one composition point: issue file → imported Issue → layout → PDF / DOCX / web edition.

The CLI and the GUI both call these functions, so both produce the same output.
Progress is reported as progress(step, done, total, label); `cancel` is a threading.Event.
"""
from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from .corrections import apply_corrections
from .importcache import imported
from .importers.errors import ImportRefused
from .importers.headingnumbers import number_headings
from .importers.proofread import CHECK_CODES, check_document
from .issuefile import read_issue
from .layout.fonts import ensure_truetype, resolve_fonts
from .layout.issue import Appendix, layout_issue
from .layout.metrics import FontMetrics
from .layout.pages import LayoutResult
from .layout.spec import LayoutSpec, load_spec
from .model import Diagnostic, Document, DocumentRef, Issue


class BuildError(Exception):
    """A build that cannot go on; str() is a Chinese message naming the file and problem."""


def failure_message(e: Exception, path: str | Path) -> str:
    """in: why reading or building the issue file `path` failed; out: one Chinese line
    naming the file and the problem (never a traceback)."""
    from .issuefile import IssueFileError
    from .layout.spec import SpecError
    from .oserrors import os_message
    if isinstance(e, (IssueFileError, SpecError, BuildError)):
        return str(e)
    if isinstance(e, OSError):
        return os_message(e, str(path), "无法读写文件")
    return f"{path}：排版失败（{type(e).__name__}: {e}）"


@dataclass
class BuildResult:
    issue: Issue
    layout: LayoutResult
    diagnostics: list[Diagnostic] = field(default_factory=list)
    outputs: list[Path] = field(default_factory=list)
    page_counts: dict[Path, int] = field(default_factory=dict)   # a PDF holding only some pages


def as_listed(doc: Document, ref: DocumentRef) -> Document:
    """A document as the issue file lists it: its stored source path, the editor's 文种 and
    corrections applied (in place; returns the document), its unnumbered Markdown headings
    numbered unless the editor turned that off, and the proofreading checks run
    again on that text — 校对 speaks of what will be printed, not of what was received."""
    received_from = doc.source
    doc.source = ref.source
    if ref.kind:
        doc.kind = ref.kind
    doc.lines_per_column = ref.lines_per_column
    apply_corrections(doc, ref.corrections)
    if ref.heading_numbers:
        number_headings(doc)
    doc.diagnostics = [d for d in doc.diagnostics if d.code not in CHECK_CODES] + check_document(doc)
    for d in doc.diagnostics:
        d.source = d.source or received_from
    return doc


def import_received(issue_path: str | Path, ref: DocumentRef) -> Document:
    """in: the issue file's path and one of its refs; out: the ref's source as received
    (from the import cache when neither it nor the importer changed). Raises BuildError
    (a Chinese line naming the file)."""
    try:
        return imported(Path(issue_path).parent / ref.source)
    except ImportRefused as e:
        raise BuildError(str(e)) from None


def load_issue(path: str | Path) -> Issue:
    """Read the issue file and import every document it lists (corrections applied)."""
    issue = read_issue(path)
    for _section, ref in issue.refs():
        ref.document = as_listed(import_received(path, ref), ref)
    return issue


def issue_chars(issue: Issue) -> set[str]:
    chars = set()
    for doc in issue.documents():
        chars.update(doc.text)
    for text in [issue.name, issue.intro_title, *issue.intro, issue.sponsor, issue.publisher,
                 issue.printer, issue.internal_number, issue.address, issue.website, issue.email]:
        chars.update(text)
    chars.update("0123456789年第期总月日出版主管主办目录【】（）—…：")
    return chars


def prepare_fonts(spec: LayoutSpec, chars: Callable[[], set[str]]) -> tuple[dict, dict, list[Diagnostic]]:
    """The spec's fonts: faces (a PostScript-outline face converted for the characters
    `chars()` gives — asked only then), their metrics, and what went wrong in finding them."""
    faces, diags = resolve_fonts(spec.fonts)
    if any(face.cff for face in faces.values()):
        used = chars()
        faces = {role: ensure_truetype(face, used) for role, face in faces.items()}
    metrics = {role: FontMetrics(face) for role, face in faces.items()}
    return faces, metrics, diags


def layout(issue: Issue, spec: LayoutSpec | None = None, progress=None, cancel=None,
           appendix: Appendix | None = None) -> BuildResult:
    """`appendix`: a last part after the documents (the year's 总目录, archive/annual.py)."""
    spec = spec or load_spec(issue.layout)
    faces, metrics, font_diags = prepare_fonts(spec, lambda: issue_chars(issue))
    result = layout_issue(issue, spec, faces, metrics, progress, cancel, appendix)
    return BuildResult(issue, result, font_diags + result.diagnostics)


def issue_info(issue: Issue) -> dict:
    """in: an Issue; out: the PDF document info (title, subject, author)."""
    return {"title": f"{issue.name} {issue.year}年第{issue.number}期",
            "subject": f"总第{issue.total_number}期", "author": issue.sponsor}


def build(issue_path: str | Path, pdf: str | Path | None = None, docx: str | Path | None = None,
          layout_name: str | None = None, print_marks: bool = False, progress=None,
          cancel: threading.Event | None = None, web: str | Path | None = None,
          cover_separate: bool = False) -> BuildResult:
    return build_issue(load_issue(issue_path), pdf, docx, layout_name, print_marks, progress, cancel,
                       web, cover_separate)


def build_issue(issue: Issue, pdf: str | Path | None = None, docx: str | Path | None = None,
                layout_name: str | None = None, print_marks: bool = False, progress=None,
                cancel: threading.Event | None = None, web: str | Path | None = None,
                cover_separate: bool = False) -> BuildResult:
    """build() for an issue already loaded (load_issue). `print_marks`: the PDF is the print
    version (PDF/X-4), `cover_separate` its cover in a file of its own; `web`: a folder for
    the web edition (its screen PDF drawn in the same pass as the other PDFs)."""
    if web:
        from .render.web import WebFolderError, check_folder
        try:
            check_folder(web)
        except WebFolderError as e:
            raise BuildError(str(e)) from None
    spec = load_spec(layout_name or issue.layout)
    result = layout(issue, spec, progress, cancel)
    if pdf or web:
        from .render.pdf import PdfOutput, print_outputs
        outputs = []
        if pdf:
            outputs = print_outputs(result.layout, pdf, cover_separate) if print_marks else [PdfOutput(Path(pdf))]
        write_pdfs_and_web(issue, result.layout, spec, outputs, web, progress, cancel)
        result.outputs += [out.path for out in outputs] + ([Path(web)] if web else [])
        result.page_counts.update({out.path: len(out.pages) for out in outputs if out.pages is not None})
    if docx:
        from .render.docx import render_docx
        render_docx(issue, spec, result.layout, docx)
        result.outputs.append(Path(docx))
    return result


def write_pdfs_and_web(issue: Issue, pages: LayoutResult, spec: LayoutSpec, outputs: list,
                       web: str | Path | None, progress=None, cancel=None) -> None:
    """The PDFs (`outputs`, PdfOutput) and the web edition's screen PDF in one pass over the
    pages, then the web pages; the web folder appears when complete. Progress runs once
    from the first PDF page to the last web page."""
    from .render.pdf import PdfOutput, render_pdfs
    if not web:
        render_pdfs(pages, outputs, issue_info(issue), progress, cancel)
        return
    from .render.web import WebFolderError, render_web, staged_folder, web_pdf
    drawn = {"pages": 0}
    web_count = len(issue.documents())

    def pdf_progress(what, done, total, label=""):
        drawn["pages"] = total
        if progress:
            progress(what, done, total + web_count, label)

    def web_progress(what, done, total, label=""):
        if progress:
            progress(what, drawn["pages"] + done, drawn["pages"] + total, label)

    try:
        with staged_folder(web) as staging:
            render_pdfs(pages, outputs + [PdfOutput(web_pdf(staging, issue))], issue_info(issue),
                        pdf_progress, cancel)
            render_web(issue, pages, spec, staging, web_progress, cancel)
    except WebFolderError as e:
        raise BuildError(str(e)) from None
