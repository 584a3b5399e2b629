"""The one composition point: issue file → imported Issue → layout → PDF / DOCX.

The CLI and the GUI both call these functions, so both produce the same output.
Progress is reported as progress(step, done, total, label); `cancel` is a threading.Event.
"""
from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path

from .importers import import_path
from .importers.errors import ImportRefused
from .issuefile import read_issue
from .layout.fonts import ensure_truetype, resolve_fonts
from .layout.issue import layout_issue
from .layout.metrics import FontMetrics
from .layout.pages import LayoutResult
from .layout.spec import LayoutSpec, load_spec
from .model import BlockKind, Diagnostic, Document, DocumentRef, Issue, Run, Severity


class BuildError(Exception):
    """A build that cannot go on; str() is a Chinese message naming the file and problem."""


@dataclass
class BuildResult:
    issue: Issue
    layout: LayoutResult
    diagnostics: list[Diagnostic] = field(default_factory=list)
    outputs: list[Path] = field(default_factory=list)


def apply_corrections(doc: Document, corrections) -> None:
    """The editor's changes (kept in the issue file) on top of the imported document."""
    for c in corrections:
        if not 0 <= c.block < len(doc.blocks):
            doc.diagnostics.append(Diagnostic(
                Severity.WARNING, "stale-correction",
                f"第 {c.block + 1} 段的修改已无法对应（源文件可能已变）", block=c.block))
            continue
        block = doc.blocks[c.block]
        if c.kind:
            block.kind = BlockKind(c.kind)
            block.reason = "编辑修改"
        if c.level is not None:
            block.level = c.level
        if c.text is not None:
            bold = bool(block.runs and all(r.bold for r in block.runs))
            block.runs = [Run(c.text, bold=bold)]


def as_listed(doc: Document, ref: DocumentRef) -> Document:
    """A document as the issue file lists it: its stored source path, the editor's 文种 and
    corrections applied (in place; returns the document)."""
    doc.source = ref.source
    if ref.kind:
        doc.kind = ref.kind
    apply_corrections(doc, ref.corrections)
    return doc


def load_issue(path: str | Path) -> Issue:
    """Read the issue file and import every document it lists (corrections applied)."""
    path = Path(path)
    issue = read_issue(path)
    for section, ref in issue.refs():
        source = (path.parent / ref.source)
        try:
            doc = import_path(source)
        except ImportRefused as e:
            raise BuildError(str(e)) from None
        ref.document = as_listed(doc, ref)
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
