"""The one composition point: issue file → imported Issue → layout → PDF / DOCX.

The CLI and the GUI both call these functions, so both produce the same output.
Progress is reported as progress(step, done, total, label); `cancel` is a threading.Event.
"""
from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path

from .corrections import apply_corrections
from .importers import import_path
from .importers.errors import ImportRefused
from .importers.headingnumbers import number_headings
from .importers.proofread import CHECK_CODES, check_document
from .issuefile import read_issue
from .layout.fonts import ensure_truetype, resolve_fonts
from .layout.issue import layout_issue
from .layout.metrics import FontMetrics
from .layout.pages import LayoutResult
from .layout.spec import LayoutSpec, load_spec
from .model import Diagnostic, Document, DocumentRef, Issue


class BuildError(Exception):
    """A build that cannot go on; str() is a Chinese message naming the file and problem."""


@dataclass
class BuildResult:
    issue: Issue
    layout: LayoutResult
    diagnostics: list[Diagnostic] = field(default_factory=list)
    outputs: list[Path] = field(default_factory=list)


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
    """in: the issue file's path and one of its refs; out: the ref's source as received.
    Raises BuildError (a Chinese line naming the file)."""
    try:
        return import_path(Path(issue_path).parent / ref.source)
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


def prepare_fonts(spec: LayoutSpec, chars: set[str]) -> tuple[dict, dict, list[Diagnostic]]:
    faces, diags = resolve_fonts(spec.fonts)
    faces = {role: ensure_truetype(face, chars) for role, face in faces.items()}
    metrics = {role: FontMetrics(face) for role, face in faces.items()}
    return faces, metrics, diags


def layout(issue: Issue, spec: LayoutSpec | None = None, progress=None, cancel=None) -> BuildResult:
    spec = spec or load_spec(issue.layout)
    faces, metrics, font_diags = prepare_fonts(spec, issue_chars(issue))
    result = layout_issue(issue, spec, faces, metrics, progress, cancel)
    return BuildResult(issue, result, font_diags + result.diagnostics)


def build(issue_path: str | Path, pdf: str | Path | None = None, docx: str | Path | None = None,
          layout_name: str | None = None, print_marks: bool = False, progress=None,
          cancel: threading.Event | None = None) -> BuildResult:
    return build_issue(load_issue(issue_path), pdf, docx, layout_name, print_marks, progress, cancel)


def build_issue(issue: Issue, pdf: str | Path | None = None, docx: str | Path | None = None,
                layout_name: str | None = None, print_marks: bool = False, progress=None,
                cancel: threading.Event | None = None) -> BuildResult:
    """build() for an issue already loaded (load_issue)."""
    spec = load_spec(layout_name or issue.layout)
    result = layout(issue, spec, progress, cancel)
    info = {"title": f"{issue.name} {issue.year}年第{issue.number}期",
            "subject": f"总第{issue.total_number}期", "author": issue.sponsor}
    if pdf:
        from .render.pdf import render_pdf
        render_pdf(result.layout, pdf, info, print_marks, progress, cancel)
        result.outputs.append(Path(pdf))
    if docx:
        from .render.docx import render_docx
        render_docx(issue, spec, result.layout, docx)
        result.outputs.append(Path(docx))
    return result
