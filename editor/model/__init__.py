"""Plain data for a gazette issue. No I/O, no Qt: every other stage reads and writes these."""
from .document import Block, BlockKind, CellImage, Document, Run
from .issue import Correction, DocumentRef, Issue, Section
from .diagnostics import Diagnostic, IgnoredProblem, Severity

__all__ = ["Block", "BlockKind", "CellImage", "Document", "Run",
           "Correction", "DocumentRef", "Issue", "Section", "Diagnostic", "IgnoredProblem",
           "Severity"]
