"""The proofreading list (校对): every problem found by the importers, the fonts and the layout.

in: a BuildResult (its diagnostics already carry the page of their block, see
layout.issue); out: the diagnostics in reading order — issue-wide first, then by
document and block, errors before warnings before notes.
"""
from __future__ import annotations

from .model import Diagnostic

_ORDER = {"error": 0, "warning": 1, "info": 2}


def check_issue(result) -> list[Diagnostic]:
    return sorted(result.diagnostics, key=lambda d: (
        d.document if d.document is not None else -1,
        d.block if d.block is not None else -1, _ORDER[d.severity.value]))
