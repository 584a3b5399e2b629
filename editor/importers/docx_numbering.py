"""Word automatic numbering turned into the text Word would print.

in: the parsed word/numbering.xml (or None); then, paragraph by paragraph in body order,
(numId, ilvl); out: the printed label ("一、", "（二）", "3.", "（1）") and whether it is a
bullet. Counters run per numId; a level restarts after a higher level moves on, and a
w:startOverride restarts it. Formats: decimal and its full-width/zero-padded/circled forms,
Chinese counting (一二三, 壹贰叁), 甲乙丙, letters, roman numerals; others fall back to decimal.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

from .docx_styles import w, wval

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
    """Counters for every list in a document, advanced in body order."""

    def __init__(self, root: etree._Element | None):
        self._abstract: dict[str, dict[int, Level]] = {}
        self._nums: dict[str, tuple[str, dict[int, int]]] = {}
        self._counters: dict[str, list[int | None]] = {}
        if root is None:
            return
        for abstract in root.iter(w("abstractNum")):
            aid = abstract.get(w("abstractNumId"))
            self._abstract[aid] = {int(lvl.get(w("ilvl"), "0")): _level(lvl)
                                   for lvl in abstract.iter(w("lvl")) if lvl.get(w("ilvl"), "0").isdigit()}
        for num in root.iter(w("num")):
            starts = {}
            for override in num.iter(w("lvlOverride")):
                start = wval(override.find(w("startOverride")))
                if start and start.isdigit() and override.get(w("ilvl"), "").isdigit():
                    starts[int(override.get(w("ilvl")))] = int(start)
            self._nums[num.get(w("numId"))] = (wval(num.find(w("abstractNumId")), ""), starts)

    def label(self, num_id: str, ilvl: int) -> tuple[str, bool]:
        """Advance the counter of (numId, ilvl); out: (printed label, is_bullet)."""
        if num_id not in self._nums:
            return "", False
        abstract_id, starts = self._nums[num_id]
        levels = self._abstract.get(abstract_id, {})
        level = levels.get(ilvl, Level())
        if level.fmt == "bullet":
            return "", True
        if level.fmt == "none":
            return _strip_placeholders(level.text), False
        counters = self._counters.setdefault(num_id, [None] * 9)
        ilvl = min(max(ilvl, 0), 8)
        current = counters[ilvl]
        counters[ilvl] = starts.get(ilvl, level.start) if current is None else current + 1
        for deeper in range(ilvl + 1, 9):
            counters[deeper] = None
        text = re.sub(r"%([1-9])", lambda m: self._value(counters, levels, starts, int(m.group(1)) - 1),
                      level.text)
        return text + (" " if level.suffix == "space" else ""), False

    @staticmethod
    def _value(counters: list, levels: dict, starts: dict, k: int) -> str:
        level = levels.get(k, Level())
        value = counters[k] if counters[k] is not None else starts.get(k, level.start)
        return format_number(value, level.fmt)


def _level(lvl: etree._Element) -> Level:
    start = wval(lvl.find(w("start")), "1")
    return Level(fmt=wval(lvl.find(w("numFmt")), "decimal") or "decimal",
                 text=wval(lvl.find(w("lvlText")), "") or "",
                 start=int(start) if start.isdigit() else 1,
                 suffix=wval(lvl.find(w("suff")), "tab") or "tab")


def _strip_placeholders(text: str) -> str:
    return re.sub(r"%[1-9]", "", text)
