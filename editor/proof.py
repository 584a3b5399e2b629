"""The proofreading list (校对): every problem found by the importers, the fonts and the layout.

in: a BuildResult; out: diagnostics sorted by document, block and severity, each with the
page it is on where the layout knows it.
"""
from __future__ import annotations

from .model import Diagnostic

_ORDER = {"error": 0, "warning": 1, "info": 2}


def _block_pages(layout) -> dict[tuple[int, int], int]:
    pages = {}
    for page in layout.pages:
        for line in page.lines:
            if line.doc is not None and line.block is not None:
                pages.setdefault((line.doc, line.block), page.index)
    return pages


def check_issue(result) -> list[Diagnostic]:
    where = _block_pages(result.layout)
    out = []
    for d in result.diagnostics:
        if d.document is not None and d.block is not None and (d.document, d.block) in where:
            d.page = where[(d.document, d.block)]
        elif d.document is not None and d.page is None and d.document < len(result.layout.doc_pages):
            d.page = result.layout.doc_pages[d.document]
        out.append(d)
    out.sort(key=lambda d: (d.document if d.document is not None else -1,
                            d.block if d.block is not None else -1, _ORDER[d.severity.value]))
    return out
