"""Runs of a paragraph: the text of a block's runs with their italic, script and bold, and
the few widths our layout gives a character that a reader would not.

in: a python-docx paragraph and model Runs; out: w:r elements. A bold run of body text
takes the bold face's character style (styles.BOLD_CHARS). A character whose width our
PDF sets otherwise than its glyph (`widths`: a space between two Han characters is a
one-em gap, a 名单 number is followed by the room up to its name) is a run of its own
with w:spacing (ECMA-376 §17.3.2.35: space added after the character), so Word and
LibreOffice fill the line with the same text.
"""
from __future__ import annotations

import re

from lxml import etree

from ...model import Run
from . import oxml

HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
CJK = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]")   # Han, CJK marks, full-width forms
SHARED_MARKS = set("“”‘’—…")      # code points Chinese shares with Latin text
SHARED_RUN = re.compile("[“”‘’—…]")
MIN_SPACING = 0.05      # pt: less than this is not worth a run of its own


def char_width(metrics: dict, ch: str, role: str, size: float) -> float:
    """One character's advance as a reader sets it (pt): Latin letters and digits of body
    text in the Latin face (w:ascii), the rest in the role's face (w:eastAsia)."""
    face = "latin" if role == "body" and "!" <= ch < "\u0250" and "latin" in metrics else role
    found = metrics.get(face)
    return (found.advance(ch) if found else (0.5 if ch.isascii() else 1.0)) * size


def han_gaps(text: str, em: float, space_width: float) -> dict[int, float]:
    """offset → extra pt for each space standing between two Han characters: our layout
    sets it one em wide (第一条　…, 第一章 总 则), a reader at its glyph's width."""
    return {i: em - space_width for i in range(1, len(text) - 1)
            if text[i] == " " and HAN.match(text[i - 1]) and HAN.match(text[i + 1])}


def add_runs(paragraph, runs: list[Run], char_style: str | None = None,
             bold: str | None = None, bold_face: bool = True,
             widths: dict[int, float] | None = None, start: int = 0,
             marks: tuple[str, set[int]] | None = None) -> list:
    """Runs with their italic/script; '\\n' becomes a line break, '\\t' a tab.
    `char_style` is a character style's id (see style_id); a bold run takes `bold` (the
    bold face's character style) instead, and w:b when that face is a bold one.
    `widths`: offset (in the block's text; runs[0] starts at `start`) → pt to add after
    that character. `marks`: (a character style, offsets) for characters that take that
    style rather than `char_style` (full-width marks in the Chinese face, wide_marks).
    out: the w:r elements written."""
    widths = {k: v for k, v in (widths or {}).items() if abs(v) >= MIN_SPACING}
    mark_style, marked = marks if marks else (None, set())
    single = set(widths) | marked
    written, pos = [], start
    for r in runs:
        if not r.text:
            continue
        inside = [k - pos for k in single if pos <= k < pos + len(r.text)]
        cuts = sorted({0, len(r.text)} | set(inside) | {k + 1 for k in inside})
        for a, b in zip(cuts, cuts[1:]):
            style = mark_style if b - a == 1 and pos + a in marked else char_style
            run = _add(paragraph, Run(r.text[a:b], r.bold, r.italic, r.script), style,
                       bold, bold_face)
            if b - a == 1 and pos + a in widths:
                oxml.set_child(run.get_or_add_rPr(), "spacing", val=round(widths[pos + a] * 20))
            written.append(run)
        pos += len(r.text)
    return written


def wide_marks(text: str) -> set[int]:
    """Offsets of the marks our layout sets full width in the Chinese face (“ ” ‘ ’ — …)
    where a reader that gives a shared mark the script of the character before it
    (LibreOffice) would set it in the Latin face, narrow: after a Latin letter or a digit
    (through any marks and spaces between), or before any such character."""
    out = set()
    for m in SHARED_RUN.finditer(text):
        before = m.start() - 1
        while before >= 0 and (text[before].isspace() or text[before] in SHARED_MARKS):
            before -= 1
        if before < 0 or not CJK.match(text[before]):
            out.add(m.start())
    return out


def _add(paragraph, r: Run, char_style: str | None, bold: str | None, bold_face: bool):
    """One w:r written directly (python-docx's Run.text setter walks the text character by
    character); out: the w:r element."""
    run = etree.SubElement(paragraph._p, oxml.w("r"))     # runs follow the paragraph's pPr
    style = bold if (r.bold and bold) else char_style
    if style or (r.bold and bold and bold_face) or r.italic or r.script:
        rPr = etree.SubElement(run, oxml.w("rPr"))
        if style:
            oxml.set_child(rPr, "rStyle", val=style)
        if r.bold and bold and bold_face:
            oxml.set_child(rPr, "b")
        if r.italic:
            oxml.set_child(rPr, "i")
        if r.script in ("sub", "sup"):
            oxml.set_child(rPr, "vertAlign", val="subscript" if r.script == "sub" else "superscript")
    for piece in re.split("([\t\n])", r.text):
        if piece == "\t":
            etree.SubElement(run, oxml.w("tab"))
        elif piece == "\n":
            etree.SubElement(run, oxml.w("br"))
        elif piece:
            t = etree.SubElement(run, oxml.w("t"))
            t.text = piece
            if piece != piece.strip():
                t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return run


def split_runs(runs: list[Run], at: int) -> tuple[list[Run], list[Run]]:
    """Runs cut at character offset `at` (the end of a run-in heading's lead sentence)."""
    head, tail, pos = [], [], 0
    for r in runs:
        a, b = pos, pos + len(r.text)
        pos = b
        if b <= at:
            head.append(r)
        elif a >= at:
            tail.append(r)
        else:
            head.append(Run(r.text[:at - a], r.bold, r.italic, r.script))
            tail.append(Run(r.text[at - a:], r.bold, r.italic, r.script))
    return head, tail
