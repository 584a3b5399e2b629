"""Word automatic numbering turned into the text Word would print.

in: the parsed word/numbering.xml (or None); then, paragraph by paragraph in body order,
(numId, ilvl); out: the printed label ("一、", "（二）", "3.", "（1）") and whether it is a
bullet. Counters run per abstract definition, as Word's do; a level restarts after a higher
level moves on (or as w:lvlRestart says), a w:startOverride restarts it, w:isLgl prints the
label in decimal, and w:numStyleLink and whole-level overrides are followed. Formats: decimal
and its full-width/zero-padded/circled forms, Chinese counting (一二三, 壹贰叁), 甲乙丙, letters,
roman numerals; others fall back to decimal.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable

from lxml import etree

from .docx_styles import on, parse_int, w, wval

MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"

_DIGITS = "零一二三四五六七八九"
_LEGAL = "零壹贰叁肆伍陆柒捌玖"
_TIANGAN = "甲乙丙丁戊己庚辛壬癸"
_DIZHI = "子丑寅卯辰巳午未申酉戌亥"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


@dataclass
class Level:
    fmt: str = "decimal"
    text: str = "%1."
    start: int = 1
    suffix: str = "tab"
    restart: int | None = None   # w:lvlRestart: restarts only after levels above this one (0 = never)
    legal: bool = False          # w:isLgl: every number in the label printed in decimal


@dataclass
class _Num:
    abstract: str
    starts: dict[int, int] = field(default_factory=dict)     # w:startOverride per level
    levels: dict[int, Level] = field(default_factory=dict)   # whole w:lvl overrides


def chinese(n: int, digits: str = _DIGITS, ten: str = "十") -> str:
    """1 → 一, 10 → 十, 21 → 二十一, 105 → 一百零五 (up to 9999)."""
    if n <= 0 or n > 9999:
        return str(n)
    units = [(1000, "千"), (100, "百"), (10, ten), (1, "")]
    out, zero = "", False
    for value, name in units:
        d = n // value % 10
        if d:
            if zero:
                out += digits[0]
            out += ("" if (value == 10 and d == 1 and not out) else digits[d]) + name
            zero = False
        elif out:
            zero = True
    return out


def roman(n: int) -> str:
    if n <= 0 or n >= 4000:
        return str(n)
    out = ""
    for value, sym in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                       (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out, n = out + sym, n - value
    return out


def letters(n: int) -> str:
    """1 → A, 26 → Z, 27 → AA (Word repeats the letter)."""
    if n <= 0:
        return str(n)
    return chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def format_number(n: int, fmt: str) -> str:
    """A counter value in one of Word's w:numFmt formats."""
    if fmt in ("chineseCounting", "chineseCountingThousand", "japaneseCounting",
               "taiwaneseCounting", "taiwaneseCountingThousand", "ideographDigital"):
        return chinese(n)
    if fmt == "chineseLegalSimplified":
        return chinese(n, _LEGAL, "拾")
    if fmt == "ideographTraditional":
        return _TIANGAN[(n - 1) % 10] if n > 0 else str(n)
    if fmt == "ideographZodiac":
        return _DIZHI[(n - 1) % 12] if n > 0 else str(n)
    if fmt == "decimalEnclosedCircle" or fmt == "decimalEnclosedCircleChinese":
        return _CIRCLED[n - 1] if 0 < n <= len(_CIRCLED) else str(n)
    if fmt == "decimalFullWidth" or fmt == "decimalFullWidth2":
        return "".join(chr(ord(c) + 0xFEE0) for c in str(n))
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "upperLetter":
        return letters(n)
    if fmt == "lowerLetter":
        return letters(n).lower()
    if fmt == "upperRoman":
        return roman(n)
    if fmt == "lowerRoman":
        return roman(n).lower()
    return str(n)


class Numbering:
    """Counters for every list in a document, advanced in body order.

    As in Word, the running count belongs to the abstract definition: every w:num over the
    same w:abstractNum continues one sequence, and a w:startOverride restarts it the first
    time its w:num is used at that level."""

    def __init__(self, root: etree._Element | None, style_num: Callable[[str], str | None] | None = None):
        self._abstract: dict[str, dict[int, Level]] = {}
        self._links: dict[str, str] = {}          # abstractNumId → numbering style it links to
        self._nums: dict[str, _Num] = {}
        self._counters: dict[str, list[int | None]] = {}
        self._seen: set[tuple[str, int]] = set()
        self._style_num = style_num or (lambda _sid: None)
        if root is None:
            return
        for abstract in root.iter(w("abstractNum")):
            aid = abstract.get(w("abstractNumId"))
            self._abstract[aid] = _levels(abstract)
            link = wval(abstract.find(w("numStyleLink")))
            if link:
                self._links[aid] = link
        for num in root.iter(w("num")):
            entry = _Num(wval(num.find(w("abstractNumId")), "") or "")
            for override in num.iter(w("lvlOverride")):
                ilvl = parse_int(override.get(w("ilvl")), -1, 1)
                if ilvl < 0:
                    continue
                start = wval(override.find(w("startOverride")))
                if start is not None:
                    entry.starts[ilvl] = parse_int(start, 1)
                lvl = override.find(w("lvl"))
                if lvl is not None:
                    entry.levels[ilvl] = _level(lvl)
            self._nums[num.get(w("numId"))] = entry

    def label(self, num_id: str, ilvl: int) -> tuple[str, bool]:
        """Advance the counter of (numId, ilvl); out: (printed label, is_bullet)."""
        num = self._nums.get(num_id)
        if num is None:
            return "", False
        abstract_id = self._resolve(num.abstract)
        levels = {**self._abstract.get(abstract_id, {}), **num.levels}
        ilvl = min(max(ilvl, 0), 8)
        level = levels.get(ilvl, Level())
        if level.fmt == "bullet":
            return "", True
        if level.fmt == "none":
            return _strip_placeholders(level.text), False
        counters = self._counters.setdefault(abstract_id, [None] * 9)
        first_use = (num_id, ilvl) not in self._seen
        self._seen.add((num_id, ilvl))
        if first_use and ilvl in num.starts:
            counters[ilvl] = num.starts[ilvl]
        else:
            counters[ilvl] = level.start if counters[ilvl] is None else counters[ilvl] + 1
        for deeper in range(ilvl + 1, 9):
            restart = levels.get(deeper, Level()).restart
            if restart is None or ilvl < restart:
                counters[deeper] = None
        text = re.sub(r"%([1-9])", lambda m: self._value(counters, levels, num.starts, int(m.group(1)) - 1,
                                                         level.legal), level.text)
        return text + (" " if level.suffix == "space" else ""), False

    def _resolve(self, abstract_id: str) -> str:
        """Follow w:numStyleLink (a list defined by a numbering style) to the real definition."""
        for _ in range(3):
            link = self._links.get(abstract_id)
            num = self._nums.get(self._style_num(link) or "") if link else None
            if num is None or num.abstract == abstract_id:
                break
            abstract_id = num.abstract
        return abstract_id

    @staticmethod
    def _value(counters: list, levels: dict, starts: dict, k: int, legal: bool) -> str:
        level = levels.get(k, Level())
        value = counters[k] if counters[k] is not None else starts.get(k, level.start)
        return format_number(value, "decimal" if legal else level.fmt)


def _levels(abstract: etree._Element) -> dict[int, Level]:
    out = {}
    for lvl in abstract.findall(w("lvl")):
        ilvl = parse_int(lvl.get(w("ilvl"), "0"), -1, 1)
        if ilvl >= 0:
            out[ilvl] = _level(lvl)
    return out


def _level(lvl: etree._Element) -> Level:
    fmt = lvl.find(w("numFmt"))
    if fmt is None:   # Word 2010 writes custom formats as mc:AlternateContent with a plain fallback
        fmt = lvl.find(f"{{{MC}}}AlternateContent/{{{MC}}}Fallback/{w('numFmt')}")
    restart = wval(lvl.find(w("lvlRestart")))
    return Level(fmt=wval(fmt, "decimal") or "decimal",
                 text=wval(lvl.find(w("lvlText")), "") or "",
                 start=parse_int(wval(lvl.find(w("start"))), 1),
                 suffix=wval(lvl.find(w("suff")), "tab") or "tab",
                 restart=None if restart is None else parse_int(restart, 9, 1),
                 legal=on(lvl.find(w("isLgl"))) or False)


def _strip_placeholders(text: str) -> str:
    return re.sub(r"%[1-9]", "", text)
