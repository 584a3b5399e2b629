"""Where a title carries a line break in the DOCX.

in: a title's text, the lines our layout printed it in (placed.LaidLine), the width it is
set on, its face's advances and the issue's organ names; out: the title's parts, written
with a line break (w:br) between them.

A hard break is fragile: a reader whose line is a little narrower than ours wraps before
it and leaves a character alone on a line. So a title breaks by itself wherever a reader,
filling each line as far as it goes, breaks between words (titlebreak.break_costs); it
carries one of our breaks only where the reader would otherwise break inside a word — or
inside what our layout holds together as one (a 四字格, a number and what it counts, a
quotation and its noun, 的 opening a line: breaks it prices at TIGHT or more).
Kept always: a break in the text itself (a newline in the source: a character of the
document), and our break before 关于 that sets the issuing organs on a line of their own
(the title's printed form, GB/T 9704 §7.3.3). One exception keeps the page: when the
reader's lines, so left, would number other than ours, the title carries every break our
layout made (the lines below it would otherwise move, and every page end with them).
"""
from __future__ import annotations

import re
from typing import Callable, Iterable

from ...layout.metrics import FontMetrics
from ...layout.titlebreak import CLOSING, OPENING, SPACES, break_costs
from .placed import squash

EPS = 0.01
TIGHT = 50.0            # a break titlebreak prices this high splits what belongs together
ISSUER_END = "关于"      # our layout sets the issuing organs apart above it
WORD_CHAR = re.compile(r"[0-9A-Za-z.．%]")     # a reader never breaks inside a number or word


def face_metrics(faces: dict) -> dict[str, FontMetrics]:
    """role → its face's widths (read on first use): titles and 名单 numbers as a reader sets them."""
    return {role: FontMetrics(face) for role, face in faces.items()}


def _skip_spaces(text: str, p: int) -> int:
    while p < len(text) and text[p] in SPACES:
        p += 1
    return p


def reader_break(text: str, start: int, width: float, advance: Callable[[str], float]) -> int:
    """Where a reader that fills the line starting at `start` begins the next one: after
    the last character that fits (spaces may hang past the edge), moved back so that no
    line starts with a closing mark or ends with an opening one, nor splits a number."""
    w, i = 0.0, start
    while i < len(text):
        a = advance(text[i])
        if text[i] not in SPACES and w + a > width + EPS:
            break
        w += a
        i += 1
    if i >= len(text):
        return len(text)
    g = i
    while g > start + 1 and (text[g] in CLOSING or text[g - 1] in OPENING
                             or (WORD_CHAR.match(text[g]) and WORD_CHAR.match(text[g - 1]))):
        g -= 1
    return g


def reader_lines(text: str, forced: set[int], width: float, advance) -> list[int]:
    """Start of each line after the first as a reader sets `text`, with line breaks
    before the positions in `forced`."""
    starts, s = [], 0
    while True:
        g = reader_break(text, s, width, advance)
        nxt = min((f for f in forced if s < f <= g), default=None)
        g = nxt if nxt is not None else g
        if g >= len(text):
            return starts
        g = _skip_spaces(text, g)
        if g >= len(text):
            return starts
        starts.append(g)
        s = g


def our_starts(text: str, lines: list) -> list[int] | None:
    """Where each of our printed lines after the first starts in `text` (None when the
    printed lines do not spell the text out)."""
    if not lines or squash("".join(ln.text for ln in lines)) != squash(text):
        return None
    starts, pos = [], 0
    for ln in lines[:-1]:
        want = len(squash(ln.text))
        while pos < len(text) and want:
            want -= not text[pos].isspace()
            pos += 1
        pos = _skip_spaces(text, pos)
        while pos < len(text) and text[pos] == "\n":
            pos = _skip_spaces(text, pos + 1)
        starts.append(pos)
    return starts


def word_breaks(text: str, words: Iterable[str] = ()) -> set[int]:
    """Where a reader's own line break falls between words of `text`."""
    return {p for p, cost in break_costs(text, words).items() if cost < TIGHT}


def carried_breaks(text: str, ours: list[int], width: float, advance,
                   words: Iterable[str] = ()) -> set[int]:
    """Which of our breaks (line starts in `text`, one line of the source) the DOCX writes."""
    stops = word_breaks(text, words)
    carried = {b for b in ours if text.startswith(ISSUER_END, b)}
    while True:
        starts = reader_lines(text, carried, width, advance)
        inside = [g for g in starts if g not in stops]
        fix = None
        for g in inside:
            line_start = max([0] + [s for s in starts if s < g])
            fix = max((b for b in ours if line_start < b <= g and b not in carried), default=None)
            if fix is not None:
                break
        if fix is None:
            break
        carried.add(fix)
    if len(reader_lines(text, carried, width, advance)) != len(ours):
        return set(ours)
    return carried


def title_parts(text: str, lines: list, width: float, advance: Callable[[str], float],
                words: Iterable[str] = ()) -> list[str]:
    """in: a title block's text (its own newlines kept), our printed lines of it, the width
    and advance(ch) in pt; out: its parts, to be joined by line breaks."""
    sources = [s.strip(SPACES) for s in text.split("\n") if s.strip(SPACES)]
    starts = our_starts(text, lines)
    if starts is None:
        return sources
    parts: list[str] = []
    offset = 0
    for source in sources:
        at = text.index(source, offset)
        ours = [s - at for s in starts if at < s < at + len(source)]
        offset = at + len(source)
        cuts = [0] + sorted(carried_breaks(source, ours, width, advance, words)) + [len(source)]
        parts += [source[a:b].strip(SPACES) for a, b in zip(cuts, cuts[1:]) if source[a:b].strip(SPACES)]
    return parts
