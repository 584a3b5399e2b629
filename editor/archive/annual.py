"""The 年度总目录 from an archive: every document of a year's issues, with the 期号 and
the page its issue's own layout printed it on.

in: the archive's issues, a year, how to group (by 栏目, or by 发文机关) and the outputs;
out: the index as a PDF and/or DOCX of its own (pages numbered from 1) and/or a web page
(render/web/annual.py), or — `append` —
the year's last issue with the index as its last part (its 目录 listing it, its pages
going on from the issue's), that issue's own entries taking this layout's pages.
An issue of the year that cannot be read stops the build: the index would be incomplete.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..layout.annual import AnnualIndex, IndexEntry
from .folder import ArchivedIssue
from .summary import IssueSummary


class AnnualError(Exception):
    """The index cannot be made; str() is one Chinese line."""


@dataclass
class AnnualOutcome:
    index: AnnualIndex
    pages: int                             # of the PDF written (the whole issue with `append`)
    outputs: list[Path] = field(default_factory=list)
    issue: IssueSummary | None = None      # with `append`: the issue it ends


def year_issues(archive: list[ArchivedIssue], year: int) -> list[IssueSummary]:
    """The year's issues in order; AnnualError when one of the archive cannot be read (its
    year unknown, it may belong to this one) or the year has none."""
    broken = [item.problem for item in archive if item.summary is None]
    if broken:
        raise AnnualError(f"有期刊无法读取，总目录会不完整，未生成：{broken[0]}")
    issues = [item.summary for item in archive if item.summary.year == year]
    if not issues:
        years = sorted({item.summary.year for item in archive})
        raise AnnualError(f"档案中没有 {year} 年的期刊（有：{'、'.join(map(str, years)) or '无'}）")
    return issues


def annual_index(issues: list[IssueSummary], year: int, by_organ: bool = False) -> AnnualIndex:
    """Entries in print order within each group; groups in the order they first appear.
    By 发文机关, a document issued jointly is listed under each of its organs."""
    entries, words = [], set()
    for issue in issues:
        for k, doc in enumerate(issue.documents):
            words.update(doc.organs)
            groups = (doc.organs or ("（未署发文机关）",)) if by_organ else (f"【{doc.section}】",)
            entries += [IndexEntry(group, doc.title or "（无标题）", doc.doc_number, issue.number,
                                   doc.page, k) for group in groups]
    return AnnualIndex(issues[-1].name, year, tuple(entries), tuple(sorted(words)))


def _chars(index: AnnualIndex, spec) -> set[str]:
    """Every character the index prints (its fonts are cut down to them when needed)."""
    from ..layout.annual import NOTE, TITLE
    texts = [index.name, index.title(spec), spec.annual.get("note", NOTE), spec.header.get("left", ""),
             spec.annual.get("head_right", TITLE).format(year=index.year), spec.toc.get("leader", "…")]
    texts += [e.group + e.title + e.doc_number for e in index.entries]
    return set("".join(texts)) | set("0123456789—")


def _info(index: AnnualIndex, spec) -> dict:
    return {"title": f"{index.name} {index.title(spec)}", "subject": index.title(spec),
            "author": index.name}


def build_annual(archive: list[ArchivedIssue], year: int, pdf: Path | None = None,
                 docx: Path | None = None, by_organ: bool = False,
                 append: bool = False, web: Path | None = None) -> AnnualOutcome:
    issues = year_issues(archive, year)
    index = annual_index(issues, year, by_organ)
    if web:
        from ..render.web import check_folder
        check_folder(web)           # before anything is written
    from ..layout.spec import load_spec
    spec = load_spec(_layout_of(issues[-1]))      # the year's last issue's layout
    outcome = (_appended(issues[-1], index, spec, pdf, docx) if append
               else _standalone(index, spec, pdf, docx))
    if web:
        from ..render.web.annual import render_annual_web
        outcome.outputs.append(render_annual_web(outcome.index, spec, web).parent)
    return outcome


def _standalone(index: AnnualIndex, spec, pdf: Path | None, docx: Path | None) -> AnnualOutcome:
    if not (pdf or docx):
        return AnnualOutcome(index, 0)
    from ..layout.annual import layout_annual_index
    from ..pipeline import prepare_fonts
    faces, metrics, _ = prepare_fonts(spec, lambda: _chars(index, spec))
    result = layout_annual_index(index, spec, faces, metrics)
    outcome = AnnualOutcome(index, len(result.pages))
    if pdf:
        from ..render.pdf import render_pdf
        render_pdf(result, pdf, _info(index, spec))
        outcome.outputs.append(Path(pdf))
    if docx:
        from ..render.annualdocx import render_annual_docx
        render_annual_docx(index, spec, docx)
        outcome.outputs.append(Path(docx))
    return outcome


def _layout_of(issue: IssueSummary) -> str:
    from ..issuefile import read_issue
    return read_issue(issue.path).layout


def _appended(last: IssueSummary, index: AnnualIndex, spec, pdf: Path | None,
              docx: Path | None) -> AnnualOutcome:
    """The year's last issue with the index after its documents. The PDF is the whole issue;
    the DOCX holds the index alone, its page numbers going on from where it starts there."""
    from ..layout.annual import as_appendix, with_pages
    from ..pipeline import layout, load_issue
    issue = load_issue(last.path)
    appendix = as_appendix(index, spec, last.number)
    result = layout(issue, spec, appendix=appendix)
    pages = result.layout.pages
    index = with_pages(index, last.number, [pages[i].number for i in result.layout.doc_pages])
    outcome = AnnualOutcome(index, len(pages), issue=last)
    if pdf:
        from ..render.pdf import render_pdf
        render_pdf(result.layout, pdf, {"title": f"{issue.name} {last.label}",
                                        "subject": f"总第{issue.total_number}期，附{index.title(spec)}",
                                        "author": issue.sponsor})
        outcome.outputs.append(Path(pdf))
    if docx:
        from ..render.annualdocx import render_annual_docx
        first = next(b.page for b in result.layout.bookmarks if b.title == appendix.title)
        render_annual_docx(index, spec, docx, first_page=pages[first].number, issue=issue)
        outcome.outputs.append(Path(docx))
    return outcome
