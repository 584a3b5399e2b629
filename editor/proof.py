"""The proofreading list (校对): every problem found by the importers, the fonts and the
layout, plus last checks of the cover's numbers (期号, 总期号, date) and of the laid-out
目录 against the pages.

in: a BuildResult (its diagnostics already carry the page of their block, see
layout.issue); out: the diagnostics in reading order — issue-wide first, then by
document and block, errors before warnings before notes.
"""
from __future__ import annotations

import re

from .layout.frontmatter import publication_date
from .model import BlockKind, Diagnostic, Severity

_ORDER = {"error": 0, "warning": 1, "info": 2}


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def check_toc(result) -> list[Diagnostic]:
    """Each document's 目录 entry shows its title as printed, and its number is the folio
    of the page where that title stands."""
    layout = result.layout
    toc_pages = [p for p in layout.pages if p.kind == "toc"]
    if not toc_pages:
        return []
    toc_text = _squash("".join(ln.text for p in toc_pages for ln in p.lines))
    out = []
    for k, doc in enumerate(result.issue.documents()):
        title_block = next((i for i, b in enumerate(doc.blocks) if b.kind == BlockKind.TITLE), None)
        if title_block is None:
            continue
        printed = [p for p in layout.pages if any(ln.doc == k and ln.block == title_block for ln in p.lines)]
        title = "".join(ln.text for p in printed for ln in p.lines
                        if ln.doc == k and ln.block == title_block)
        if _squash(title) not in toc_text:
            out.append(Diagnostic(Severity.ERROR, "toc-title", f"目录条目与标题不一致：{doc.title[:20]}",
                                  document=k, block=title_block))
        folio = printed[0].folio if printed else None
        if folio is None or f"（{folio}）" not in toc_text or printed[0].index != layout.doc_pages[k]:
            out.append(Diagnostic(Severity.ERROR, "toc-page", f"目录页码与标题所在页不符：{doc.title[:20]}",
                                  document=k, block=title_block))
    return out


def check_numbering(issue) -> list[Diagnostic]:
    """The cover's numbers: 期号 and 总期号 filled in, a publication date, and a 总期号 that
    continues the issue this one was made from (沿用上一期)."""
    out = []
    if issue.number <= 0:
        out.append(Diagnostic(Severity.ERROR, "issue-number", "期号未填（为 0）"))
    if issue.total_number <= 0:
        out.append(Diagnostic(Severity.ERROR, "issue-total", "总期号未填（为 0）"))
    if publication_date(issue) is None:
        out.append(Diagnostic(Severity.ERROR, "issue-date", "缺少出版日期" if not issue.date
                              else f"出版日期“{issue.date}”不是有效日期"))
    expected = issue.previous_total + 1
    if issue.previous_total and issue.total_number > 0 and issue.total_number != expected:
        out.append(Diagnostic(Severity.WARNING, "issue-total-sequence",
                              f"总期号 {issue.total_number} 没有接续上一期（总第{issue.previous_total}期），"
                              f"应为 {expected}"))
    return out


def check_issue(result) -> list[Diagnostic]:
    found = result.diagnostics + check_numbering(result.issue) + check_toc(result)
    return sorted(found, key=lambda d: (
        d.document if d.document is not None else -1,
        d.block if d.block is not None else -1, _ORDER[d.severity.value]))
