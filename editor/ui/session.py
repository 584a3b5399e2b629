"""The open issue: its file, the imported documents, the editor's changes and the undo stack.

in: an issue file path; out: an IssueSession (QObject) that the widgets read and that the
undo commands change. Documents are imported once as received (`raw`); what the layout
and the panels see is a corrected copy per DocumentRef, rebuilt whenever its corrections
change, and never mutated after that — so a build snapshot can share it with a worker.
"""
from __future__ import annotations

import copy
import dataclasses
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from ..issuefile import issue_to_dict, read_issue, relative_source, write_issue
from ..model import Correction, Diagnostic, Document, DocumentRef, Issue, Section, Severity
from ..pipeline import as_listed

SUFFIXES = (".docx", ".txt", ".md")


def import_source(path: Path) -> Document:
    """in: a source file; out: the Document as received (from the import cache when neither
    it nor the importer changed). Raises with a Chinese message."""
    from ..importcache import imported   # the importers load only for a new or changed file
    return imported(path)


def corrected(raw: Document, ref: DocumentRef) -> Document:
    """in: a document as received and its ref; out: a new document with the ref's changes."""
    return as_listed(copy.deepcopy(raw), ref)


class IssueSession(QObject):
    """One open issue. Signals say what changed so each panel updates only what it shows."""
    structureChanged = Signal()          # sections or documents added, removed, moved, renamed
    metaChanged = Signal(str)            # an issue field (name)
    documentChanged = Signal(object)     # a DocumentRef whose corrections or kind changed
    ignoredChanged = Signal()            # the 校对 items marked 忽略
    changed = Signal()                   # anything that changes the printed pages

    def __init__(self, path: Path, issue: Issue, parent: QObject | None = None):
        super().__init__(parent)
        self.path = Path(path)
        self.issue = issue
        self.raw: dict[str, Document] = {}        # source → document as received
        self.problems: dict[str, str] = {}        # source → why it could not be imported
        self.undo = QUndoStack(self)
        self.undo.indexChanged.connect(self.changed)

    # -- opening -------------------------------------------------------------------------
    @classmethod
    def open(cls, path: str | Path, issue: Issue | None = None, progress=None) -> "IssueSession":
        """in: an issue file (and, when recovering, the Issue read from the autosave);
        out: a session with every document imported. Raises IssueFileError."""
        path = Path(path).resolve()
        session = cls(path, issue if issue is not None else read_issue(path))
        refs = [ref for _s, ref in session.issue.refs()]
        for n, ref in enumerate(refs):
            if progress:
                progress(n, len(refs), ref.source)
            session.load_ref(ref)
        return session

    @property
    def folder(self) -> Path:
        return self.path.parent

    def load_ref(self, ref: DocumentRef) -> None:
        """Import ref's source (once) and set ref.document; a failure is kept in `problems`."""
        if ref.source not in self.raw:
            try:
                self.raw[ref.source] = import_source(self.folder / ref.source)
                self.problems.pop(ref.source, None)
            except Exception as e:   # noqa: BLE001 — every importer failure is shown, not raised
                self.problems[ref.source] = str(e) or f"{ref.source}：无法导入（{type(e).__name__}）"
                ref.document = None
                return
        ref.document = corrected(self.raw[ref.source], ref)

    def reload(self) -> None:
        """Import every source again (after the files changed on disk)."""
        self.raw.clear()
        self.problems.clear()
        for _s, ref in self.issue.refs():
            self.load_ref(ref)
        self.structureChanged.emit()
        self.changed.emit()

    # -- reading -------------------------------------------------------------------------
    @property
    def modified(self) -> bool:
        return not self.undo.isClean()

    def locate(self, ref: DocumentRef) -> tuple[int, int] | None:
        """in: a ref of this issue; out: (section index, document index) or None."""
        for si, section in enumerate(self.issue.sections):
            for di, other in enumerate(section.documents):
                if other is ref:
                    return si, di
        return None

    def raw_document(self, ref: DocumentRef) -> Document | None:
        return self.raw.get(ref.source)

    def import_problems(self) -> list[Diagnostic]:
        """out: one ERROR diagnostic per listed source that could not be imported."""
        return [Diagnostic(Severity.ERROR, "import-failed", message, source=source)
                for source, message in self.problems.items()
                if any(ref.source == source for _s, ref in self.issue.refs())]

    def snapshot(self) -> tuple[Issue, list[DocumentRef]]:
        """out: an Issue for one build (documents shared read-only, diagnostics copied) and
        the session's refs in the layout's document order (for click → document)."""
        issue = dataclasses.replace(self.issue, intro=list(self.issue.intro), sections=[])
        order = []
        for section in self.issue.sections:
            copy_section = Section(section.name)
            for ref in section.documents:
                if ref.document is None:
                    continue
                doc = dataclasses.replace(
                    ref.document, blocks=list(ref.document.blocks),
                    diagnostics=[dataclasses.replace(d) for d in ref.document.diagnostics])
                copy_section.documents.append(dataclasses.replace(ref, corrections=list(ref.corrections), document=doc))
                order.append(ref)
            issue.sections.append(copy_section)
        return issue, order

    # -- changes (called by the undo commands only) --------------------------------------
    def set_meta(self, name: str, value) -> None:
        setattr(self.issue, name, value)
        self.metaChanged.emit(name)

    def set_ignored(self, ignored: list) -> None:
        self.issue.ignored = list(ignored)    # a new list: build snapshots keep the old one
        self.ignoredChanged.emit()

    def set_corrections(self, ref: DocumentRef, corrections: list[Correction], kind: str | None) -> None:
        ref.corrections = [dataclasses.replace(c) for c in corrections]
        ref.kind = kind
        self._recorrect(ref)

    def _recorrect(self, ref: DocumentRef) -> None:
        """The document as printed again from its source as received, after a change of what
        the issue file says about it."""
        if ref.source in self.raw:
            ref.document = corrected(self.raw[ref.source], ref)
        self.documentChanged.emit(ref)

    def set_lines_per_column(self, ref: DocumentRef, lines: int) -> None:
        """A document's own 每栏行数 (0 = the layout's)."""
        ref.lines_per_column = lines
        self._recorrect(ref)

    def set_heading_numbers(self, ref: DocumentRef, on: bool) -> None:
        ref.heading_numbers = on
        self._recorrect(ref)

    def insert_document(self, si: int, di: int, ref: DocumentRef) -> None:
        if ref.document is None and ref.source not in self.problems:
            self.load_ref(ref)
        self.issue.sections[si].documents.insert(di, ref)
        self.structureChanged.emit()

    def take_document(self, si: int, di: int) -> DocumentRef:
        ref = self.issue.sections[si].documents.pop(di)
        self.structureChanged.emit()
        return ref

    def move_document(self, src: tuple[int, int], dst: tuple[int, int]) -> None:
        """Take the document at `src` out and put it at `dst` (counted after taking it out):
        one change, so the panels keep it selected."""
        ref = self.issue.sections[src[0]].documents.pop(src[1])
        self.issue.sections[dst[0]].documents.insert(dst[1], ref)
        self.structureChanged.emit()

    def move_section(self, src: int, dst: int) -> None:
        """The same for a 栏目 (`dst` counted after taking it out)."""
        self.issue.sections.insert(dst, self.issue.sections.pop(src))
        self.structureChanged.emit()

    def insert_section(self, si: int, section: Section) -> None:
        self.issue.sections.insert(si, section)
        self.structureChanged.emit()

    def take_section(self, si: int) -> Section:
        section = self.issue.sections.pop(si)
        self.structureChanged.emit()
        return section

    def rename_section(self, si: int, name: str) -> None:
        self.issue.sections[si].name = name
        self.structureChanged.emit()

    # -- saving --------------------------------------------------------------------------
    def save(self, path: str | Path | None = None) -> None:
        """Write the issue file atomically; a new folder rebases the relative sources."""
        target = Path(path).resolve() if path else self.path
        if target.parent != self.folder:
            self._rebase(target.parent)
        write_issue(self.issue, target)
        self.path = target
        self.undo.setClean()

    def _rebase(self, folder: Path) -> None:
        moved = {}
        for _s, ref in self.issue.refs():
            source = Path(ref.source)
            absolute = source if source.is_absolute() else self.folder / source
            new = relative_source(absolute, folder)
            moved[ref.source] = new
            ref.source = new
        self.raw = {moved.get(k, k): v for k, v in self.raw.items()}
        self.problems = {moved.get(k, k): v for k, v in self.problems.items()}

    def to_dict(self) -> dict:
        return issue_to_dict(self.issue)

