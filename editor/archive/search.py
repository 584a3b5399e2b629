"""Finding documents across the archive: by 文号 (any bracket form), by words of the title or
the text, by 发文机关, by 成文日期.

in: issue summaries and a Query; out: Hits in archive order, each naming the issue, the
printed page (where the words are printed, for words found in the text) and the 文号.
Every condition given must hold; words are matched ignoring spaces and letter case.
"""
from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from .fields import doc_number_query, normal_doc_number
from .summary import DocumentSummary, IssueSummary

AROUND = 12          # characters shown either side of words found in the text
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Query:
    text: str = ""                        # a 文号 (or its tail, 〔2020〕7号), or words
    organ: str = ""                       # part of a 发文机关's name
    since: datetime.date | None = None    # 成文日期 (the issue's date when a document has none)
    until: datetime.date | None = None

    @property
    def empty(self) -> bool:
        return not (self.text.strip() or self.organ.strip() or self.since or self.until)


@dataclass(frozen=True)
class Hit:
    issue: IssueSummary
    document: DocumentSummary
    page: int              # printed page
    where: str             # 文号 | 标题 | 正文 | "" (only the filters were asked)
    excerpt: str = ""      # the words in their context, for a hit in the text


def _plain(text: str) -> str:
    return _SPACE.sub("", text).casefold()


def _dated(doc: DocumentSummary, issue: IssueSummary, q: Query) -> bool:
    if q.since is None and q.until is None:
        return True
    try:
        when = datetime.date.fromisoformat(doc.date or issue.date)
    except ValueError:
        return False
    return (q.since is None or q.since <= when) and (q.until is None or when <= q.until)


def _in_text(doc: DocumentSummary, words: list[str]) -> tuple[int, str] | None:
    """(page, excerpt) where the first of `words` missing from the title is printed, when
    every word is in the title or the text; None otherwise."""
    title = _plain(doc.title)
    pages = [(n, _plain(text)) for n, text in doc.pages]
    body = "".join(text for _n, text in pages)
    if not all(w in title or w in body for w in words):
        return None
    word = next((w for w in words if w not in title), None)
    if word is None:
        return doc.page, ""
    at = body.find(word)
    page, start = doc.page, 0
    for n, text in pages:
        if at < start + len(text):
            page = n
            break
        start += len(text)
    excerpt = body[max(0, at - AROUND):at + len(word) + AROUND]
    return page, excerpt


def _match(doc: DocumentSummary, issue: IssueSummary, q: Query) -> Hit | None:
    if q.organ and not any(_plain(q.organ) in _plain(o) for o in doc.organs):
        return None
    if not _dated(doc, issue, q):
        return None
    number = doc_number_query(q.text) if q.text.strip() else None
    if number is not None:
        found = doc.doc_number and number in normal_doc_number(doc.doc_number)
        return Hit(issue, doc, doc.page, "文号") if found else None
    words = [_plain(w) for w in q.text.split()]
    if not words:
        return Hit(issue, doc, doc.page, "")
    found = _in_text(doc, words)
    if found is None:
        return None
    page, excerpt = found
    return Hit(issue, doc, page, "正文" if excerpt else "标题", excerpt)


def find(issues: list[IssueSummary], q: Query) -> list[Hit]:
    return [hit for issue in issues for doc in issue.documents
            if (hit := _match(doc, issue, q)) is not None]
