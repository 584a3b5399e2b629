"""Proofreading problems (校对): emitted by importers, the layout engine and the checks."""
from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Severity(str, Enum):
    ERROR = "error"      # output would be wrong (missing glyph, lost text)
    WARNING = "warning"  # probably wrong (wrong 文号 brackets, lone line)
    INFO = "info"        # worth knowing (encoding detected, font substituted)


@dataclass
class Diagnostic:
    """One problem. `message` is Chinese, for the editor; `code` is stable, for programs."""
    severity: Severity
    code: str
    message: str
    document: int | None = None   # index of the document in Issue.documents()
    block: int | None = None      # index of the block in Document.blocks
    page: int | None = None       # physical page index (0-based), filled by the layout
    source: str = ""              # file the problem came from

    def to_dict(self) -> dict:
        return {"severity": self.severity.value, "code": self.code, "message": self.message,
                "document": self.document, "block": self.block, "page": self.page,
                "source": self.source}


@dataclass(frozen=True)
class IgnoredProblem:
    """A 校对 item the editor marked 忽略, kept in the issue file. It names what the problem
    says about which block — never where it was listed, which changes with every edit — so
    the same problem stays ignored, and a changed block is checked afresh."""
    code: str
    source: str = ""          # the document's source file ("" for the issue as a whole)
    text_hash: str = ""       # the block's text, hashed (see proofignore.ignore_key)
    message: str = ""
