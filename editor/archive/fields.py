"""What the archive reads of a document to compare it across issues: its 文号 in one
bracket form, its 发文机关, its 成文日期 as a date.

in: texts as printed (a 文号 written 济政办发[2020]7号, a date 二〇二〇年五月九日) or a
Document; out: comparable values. The same 文号 written with 〔〕 [] ［］ () （） 【】 〈〉
<> 〖〗 is one 文号.
"""
from __future__ import annotations

import datetime
import re

from ..importers.patterns import DOC_NUMBER, squeeze
from ..model import Document

_YEAR_IN_BRACKETS = re.compile(r"[〔\[［(（【〈<〖]((?:19|20)\d{2})[〕\]］)）】〉>〗]第?0*(\d*)")
_CN_DIGITS = {c: n for n, c in enumerate("〇一二三四五六七八九")} | {"零": 0, "○": 0, "O": 0}
_DATE = re.compile(r"(\d{4}|[〇零○O一二三四五六七八九]{4})\s*[年.\-/]\s*(\d{1,2}|[一二三四五六七八九十]{1,3})"
                   r"\s*[月.\-/]\s*(\d{1,2}|[一二三四五六七八九十]{1,3})")


def normal_doc_number(text: str) -> str:
    """in: a 文号 as written (any brackets, spaces, 第, leading zeros); out: 机关代字〔年份〕序号号,
    or the text without spaces when it is not a whole 文号."""
    m = DOC_NUMBER.match(squeeze(text))
    if not m:
        return squeeze(text)
    return f"{m.group('org')}〔{m.group('year')}〕{int(m.group('num'))}号"


def doc_number_query(text: str) -> str | None:
    """in: what an editor searches for; out: the 文号 (or its tail, 〔2020〕7号) in the form
    normal_doc_number gives, or None when the text holds no year in brackets."""
    squeezed = squeeze(text)
    if DOC_NUMBER.match(squeezed):
        return normal_doc_number(squeezed)
    if not _YEAR_IN_BRACKETS.search(squeezed):
        return None
    return _YEAR_IN_BRACKETS.sub(lambda m: f"〔{m.group(1)}〕{m.group(2)}", squeezed)


def _cn_number(text: str) -> int:
    """in: 12, 十二, 二十一, 三十; out: the number."""
    if text.isdigit():
        return int(text)
    if "十" not in text:
        return _CN_DIGITS[text]
    tens, _, units = text.partition("十")
    return (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[units] if units else 0)


def parse_date(text: str) -> datetime.date | None:
    """in: a date as a 公文 prints it (2020年5月9日, 二〇二〇年五月九日, （2020年5月9日印发）)
    or ISO; out: the date, or None when the text holds none."""
    m = _DATE.search(text)
    if not m:
        return None
    year = m.group(1)
    if not year.isdigit():
        year = "".join(str(_CN_DIGITS[c]) for c in year)
    try:
        return datetime.date(int(year), _cn_number(m.group(2)), _cn_number(m.group(3)))
    except (ValueError, KeyError):
        return None


def document_date(doc: Document) -> datetime.date | None:
    """The 成文日期; for a document without one, the date of its （…印发） line."""
    return parse_date(doc.date) or parse_date(doc.issued)


def organs(doc: Document) -> tuple[str, ...]:
    """The 发文机关: the 落款 lines; for a document without 落款, the issuers named before
    its title's 关于; for a speech, its 署名 line."""
    signed = tuple(name for name in (line.strip() for line in doc.signature) if name)
    if signed:
        return signed
    head, about, _ = doc.title.partition("关于")
    if about and head.strip():
        return tuple(head.split())
    return (doc.author.strip(),) if doc.author.strip() else ()

