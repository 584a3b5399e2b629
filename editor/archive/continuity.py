"""Continuity across the archive's issues: what an editor composing the next issue must not
get wrong.

in: the archive's issues in order (folder.read_archive); out: Problems, each a stable code
and one Chinese sentence naming the issues (and pages) concerned:
  unreadable          an issue file that cannot be read or laid out
  number-range        期号 not within 1–24 (a 半月刊 has 24 a year), or 年份/期号 not filled in
  number-repeat       two issues with the same year and 期号
  number-gap          期号 missing between two issues of the archive (also at a year's end,
                      when the archive holds the next year)
  total-gap           总期号 not following on from the issue before (counting the missing ones)
  date-missing        no valid publication date
  date-year           the date lies in another year than the issue's
  date-order          an issue dated on or before the one before it
  date-spacing        issues not about half a month apart (10–20 days an issue)
  doc-number-repeat   one 文号 printed for different documents
  document-repeat     the same document printed twice
Issues the archive does not hold before its first or after its last are not missing: an
archive may start or end within a year.
"""
from __future__ import annotations

import datetime
from dataclasses import dataclass

from .fields import normal_doc_number
from .folder import ArchivedIssue
from .summary import DocumentSummary, IssueSummary

ISSUES_A_YEAR = 24
DAYS_AN_ISSUE = (10, 20)     # a 半月刊: the 5th and the 20th, February's short month included


@dataclass(frozen=True)
class Problem:
    code: str
    message: str


def _date(s: IssueSummary) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(s.date)
    except ValueError:
        return None


def _numbers(a: int, b: int) -> str:
    return f"第{a}期" if a == b else f"第{a}—{b}期"


def _each_issue(s: IssueSummary) -> list[Problem]:
    out = []
    if not s.year or not 1 <= s.number <= ISSUES_A_YEAR:
        out.append(Problem("number-range", f"{s.path}：{s.label}的期号应为 1—{ISSUES_A_YEAR}"
                                           "（半月刊每年 24 期），或未填年份"))
    when = _date(s)
    if when is None:
        out.append(Problem("date-missing", f"{s.label}（{s.path}）未填出版日期或日期无效"))
    elif when.year != s.year:
        out.append(Problem("date-year", f"{s.label}的出版日期 {s.date} 不在 {s.year} 年"))
    return out


def _steps(a: IssueSummary, b: IssueSummary) -> int:
    """Issues from a to b by their numbers (1: b is the next one; 0: the same number)."""
    return (b.year - a.year) * ISSUES_A_YEAR + b.number - a.number


def _between(a: IssueSummary, b: IssueSummary) -> list[Problem]:
    """What is wrong between an issue and the next one the archive holds."""
    steps = _steps(a, b)
    if steps == 0:
        return [Problem("number-repeat", f"{a.label}有两期：{a.path}、{b.path}")]
    out = []
    if a.year == b.year and steps > 1:
        out.append(Problem("number-gap", f"{a.year}年缺{_numbers(a.number + 1, b.number - 1)}"
                                         f"（第{a.number}期之后是第{b.number}期）"))
    elif a.year != b.year:
        if a.number < ISSUES_A_YEAR:
            out.append(Problem("number-gap", f"{a.year}年缺{_numbers(a.number + 1, ISSUES_A_YEAR)}"
                                             f"（第{a.number}期是该年最后一期）"))
        if b.number > 1:
            out.append(Problem("number-gap", f"{b.year}年缺{_numbers(1, b.number - 1)}"
                                             f"（第{b.number}期是该年第一期）"))
    if b.total - a.total != steps:
        out.append(Problem("total-gap", f"总期号不接续：{a.label}是总第{a.total}期，"
                                        f"{b.label}应是总第{a.total + steps}期，却是总第{b.total}期"))
    first, then = _date(a), _date(b)
    if first and then:
        days = (then - first).days
        low, high = DAYS_AN_ISSUE
        if days <= 0:
            out.append(Problem("date-order", f"出版日期顺序不对：{b.label}（{b.date}）"
                                             f"不晚于{a.label}（{a.date}）"))
        elif steps > 0 and not low * steps <= days <= high * steps:
            out.append(Problem("date-spacing", f"{a.label}（{a.date}）与{b.label}（{b.date}）"
                                               f"相隔 {days} 天，半月刊每期约隔 15 天"))
    return out


@dataclass(frozen=True)
class _Printed:
    issue: IssueSummary
    doc: DocumentSummary

    @property
    def place(self) -> str:
        return f"{self.issue.label}第{self.doc.page}页《{self.doc.title or '（无标题）'}》"


def _same_documents(printed: list[_Printed]) -> list[list[int]]:
    """Groups of indices into `printed` that are one document: the same text, or the same
    title under the same 文号."""
    parent = list(range(len(printed)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i
    seen: dict[tuple, int] = {}
    for i, p in enumerate(printed):
        keys = [("text", p.doc.fingerprint)]
        if p.doc.doc_number:
            keys.append(("titled", "".join(p.doc.title.split()), normal_doc_number(p.doc.doc_number)))
        for k in keys:
            if k in seen:
                parent[root(i)] = root(seen[k])
            else:
                seen[k] = i
    groups: dict[int, list[int]] = {}
    for i in range(len(printed)):
        groups.setdefault(root(i), []).append(i)
    return list(groups.values())


def _repeats(issues: list[IssueSummary]) -> list[Problem]:
    printed = [_Printed(s, d) for s in issues for d in s.documents]
    groups = _same_documents(printed)
    document_of = {i: n for n, group in enumerate(groups) for i in group}
    out = []
    for group in groups:
        if len(group) > 1:
            p = printed[group[0]]
            number = f"（{p.doc.doc_number}）" if p.doc.doc_number else ""
            out.append(Problem("document-repeat", f"同一文件《{p.doc.title}》{number}刊登了 "
                                                  f"{len(group)} 次：" + "；".join(
                                                      f"{printed[i].issue.label}第{printed[i].doc.page}页"
                                                      for i in group)))
    by_number: dict[str, list[int]] = {}
    for i, p in enumerate(printed):
        if p.doc.doc_number:
            by_number.setdefault(normal_doc_number(p.doc.doc_number), []).append(i)
    for number, group in by_number.items():
        different = len({document_of[i] for i in group})
        if different > 1:
            out.append(Problem("doc-number-repeat", f"文号 {number} 用于 {different} 篇不同的文件："
                                                    + "；".join(printed[i].place for i in group)))
    return out


def check_archive(issues: list[ArchivedIssue]) -> list[Problem]:
    out = [Problem("unreadable", item.problem) for item in issues if item.summary is None]
    readable = [item.summary for item in issues if item.summary is not None]
    for s in readable:
        out += _each_issue(s)
    for a, b in zip(readable, readable[1:]):
        out += _between(a, b)
    return out + _repeats(readable)
