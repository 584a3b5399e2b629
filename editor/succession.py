"""The next issue from the last one (沿用上一期): what carries over and what moves on.

in: the previous Issue; out: a new Issue with the previous one's colophon, 简介 and 栏目
(empty), the next 期号 and 总期号, the next publication date of a 半月刊, and
`previous_total` so that 校对 can check that the 总期号 continues. Pure data, no I/O.
"""
from __future__ import annotations

import calendar
import datetime

from .model import Issue, Section

# What stays from issue to issue: 刊名, the colophon, the 简介 and the layout.
STANDING_FIELDS = ("name", "sponsor", "publisher", "printer", "internal_number", "address",
                   "postcode", "phone", "website", "email", "intro_title", "intro", "layout")
HALF_MONTH = 15   # days: a 半月刊 comes out twice a month (the sample: the 5th and the 20th)


def next_date(iso: str) -> str:
    """in: a publication date (ISO); out: the date half a month later (the 5th → the 20th,
    the 20th → the 5th of the next month), or "" when `iso` is not a date."""
    try:
        d = datetime.date.fromisoformat(iso)
    except ValueError:
        return ""
    if d.day <= HALF_MONTH:
        last = calendar.monthrange(d.year, d.month)[1]
        return d.replace(day=min(d.day + HALF_MONTH, last)).isoformat()
    year, month = (d.year + 1, 1) if d.month == 12 else (d.year, d.month + 1)
    return datetime.date(year, month, d.day - HALF_MONTH).isoformat()


def following(before: Issue) -> Issue:
    """out: the issue after `before`: standing texts and 栏目 names copied, 期号 and 总期号
    one more, the next date; a date in a new year starts again at 第1期."""
    issue = Issue(**{name: getattr(before, name) for name in STANDING_FIELDS})
    issue.intro = list(before.intro)
    issue.sections = [Section(s.name) for s in before.sections]
    issue.date = next_date(before.date)
    issue.year, issue.number = before.year, before.number + 1
    if issue.date and int(issue.date[:4]) > before.year:
        issue.year, issue.number = int(issue.date[:4]), 1
    issue.total_number = before.total_number + 1
    issue.previous_total = before.total_number
    return issue
