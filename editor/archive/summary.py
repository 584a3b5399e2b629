"""One issue as the archive keeps it: its numbers and date, and per document what is needed
to list, check and find it — with the pages the issue's own layout printed it on.

in: the issue file's path and its BuildResult (pipeline.layout); out: an IssueSummary, plain
data that goes to and comes back from JSON (summary_to_dict / summary_from_dict; the latter
raises ValueError on anything malformed, so a damaged cache entry is never trusted).
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import asdict, dataclass

from .fields import document_date, organs

_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class DocumentSummary:
    section: str                   # 栏目
    title: str
    doc_number: str                # 文号 as printed ("" when none)
    organs: tuple[str, ...]        # 发文机关
    date: str                      # 成文日期, ISO ("" when it has none)
    source: str                    # as the issue file lists it
    page: int                      # printed page number of its first page
    fingerprint: str               # its text without whitespace, hashed: the same document
    pages: tuple[tuple[int, str], ...] = ()   # (printed page, its text printed on that page)

    @property
    def text(self) -> str:
        return "".join(text for _page, text in self.pages)


@dataclass(frozen=True)
class IssueSummary:
    path: str                      # the issue file, absolute
    name: str                      # 刊名
    year: int
    number: int                    # 期号
    total: int                     # 总期号
    date: str                      # publication date, ISO as the issue file has it
    pages: int                     # physical pages of the issue
    documents: tuple[DocumentSummary, ...]

    @property
    def label(self) -> str:
        return f"{self.year}年第{self.number}期"


def fingerprint(text: str) -> str:
    return hashlib.sha1(_SPACE.sub("", text).encode("utf-8")).hexdigest()


def _printed_number(page) -> int:
    return page.folio if page.folio is not None else page.number


def summarise(path: str, result) -> IssueSummary:
    """in: the issue file's path and its pipeline.BuildResult; out: its summary, pages as
    that layout printed them (a page's printed number; a document's text page by page)."""
    layout, issue = result.layout, result.issue
    printed: list[dict[int, list[str]]] = [{} for _ in layout.doc_pages]
    for page in layout.pages:
        for line in page.lines:
            if line.doc is not None and line.doc < len(printed):
                printed[line.doc].setdefault(_printed_number(page), []).append(line.text)
    sections = [s.name for s, ref in issue.refs() if ref.document]
    documents = []
    for k, doc in enumerate(issue.documents()):
        when = document_date(doc)
        documents.append(DocumentSummary(
            section=sections[k], title=doc.title, doc_number=doc.doc_number, organs=organs(doc),
            date=when.isoformat() if when else "", source=doc.source,
            page=_printed_number(layout.pages[layout.doc_pages[k]]), fingerprint=fingerprint(doc.text),
            pages=tuple((n, "".join(texts)) for n, texts in printed[k].items())))
    return IssueSummary(str(path), issue.name, issue.year, issue.number, issue.total_number,
                        issue.date, len(layout.pages), tuple(documents))


def summary_to_dict(summary: IssueSummary) -> dict:
    return asdict(summary)


def _typed(value, kind, what: str):
    if not isinstance(value, kind) or isinstance(value, bool) and kind is not bool:
        raise ValueError(f"{what}: {value!r}")
    return value


def _document(data: dict) -> DocumentSummary:
    text = {name: _typed(data[name], str, name)
            for name in ("section", "title", "doc_number", "date", "source", "fingerprint")}
    pages = tuple((_typed(n, int, "page"), _typed(t, str, "text")) for n, t in data["pages"])
    return DocumentSummary(**text, organs=tuple(_typed(o, str, "organ") for o in data["organs"]),
                           page=_typed(data["page"], int, "page"), pages=pages)


def summary_from_dict(data: dict) -> IssueSummary:
    """in: what summary_to_dict gave (read back from a file); out: the summary, or ValueError."""
    try:
        return IssueSummary(
            **{name: _typed(data[name], str, name) for name in ("path", "name", "date")},
            **{name: _typed(data[name], int, name) for name in ("year", "number", "total", "pages")},
            documents=tuple(_document(d) for d in _typed(data["documents"], list, "documents")))
    except (KeyError, TypeError) as e:
        raise ValueError(f"摘要不完整（{e}）") from None
