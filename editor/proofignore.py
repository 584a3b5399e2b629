"""The 校对 items an editor marked 忽略 (Issue.ignored), for the app and `main.py proof`.

in: diagnostics and the issue they were found in (documents imported, corrections
applied, in layout order); out: each diagnostic's IgnoredProblem — its check's code, the
document's source, a hash of the block's text and the message, never a row number — and
the diagnostics split into those still listed and those ignored.
"""
from __future__ import annotations

import hashlib

from .model import Diagnostic, IgnoredProblem, Issue


def text_hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def ignore_key(diag: Diagnostic, issue: Issue) -> IgnoredProblem:
    """in: a diagnostic and the issue it is about; out: what to store to ignore it."""
    docs = issue.documents()
    doc = docs[diag.document] if diag.document is not None and diag.document < len(docs) else None
    source = doc.source if doc is not None else diag.source
    block = ""
    if doc is not None and diag.block is not None and diag.block < len(doc.blocks):
        block = text_hash(doc.blocks[diag.block].text)
    return IgnoredProblem(diag.code, source, block, diag.message)


def split_ignored(diags: list[Diagnostic], issue: Issue,
                  ignored: list[IgnoredProblem]) -> tuple[list[Diagnostic], list[Diagnostic]]:
    """out: (the diagnostics still listed, those the editor ignored), each in order."""
    keys = set(ignored)
    listed, hidden = [], []
    for d in diags:
        (hidden if keys and ignore_key(d, issue) in keys else listed).append(d)
    return listed, hidden
