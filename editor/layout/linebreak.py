"""Chinese line breaking: one paragraph's characters in, positioned lines out.

In: the text, each character's natural advance and font size (pt), the measure.
Out: a list of `Line` (index range, x of every glyph, ink width, flags).

Rules (typesetting spec §3): 避头尾 (chars.START_KEYS / END_KEYS); no break inside a
Latin word, a number, —— or ……, and a number keeps the Han character after it
(2019年); the last line holds at least two characters.

Punctuation keeps its width. One scheme per paragraph (the layout's): 全角, every mark
one em, or 开明, 。？！ one em and every other mark half. On top of the scheme only one
thing ever compresses a mark: two adjacent marks share 1.5 em. A mark at a line end keeps
its whole cell (行末全角): its box never reaches past the measure into a gutter, and lines
hold what the printed gazette's lines hold (more of its column breaks fall at our line ends
than with line-end marks set to their ink). Lines are filled at those natural widths; the slack of a full line is
spread evenly over the gaps between glyphs (push-out). A mid-line mark gives up
width only to pull in a mark that may not start a line (push-in), and only when the
text before that mark fits the line at natural width: compression never buys room for
more text. Push-in takes as few marks as possible: brackets, quotes and runs of marks
first; lone ，、；：, then lone 。？！, only when pushing out would loosen the line by
more than 1/8 em per gap (_pushed_in). Ragged lines (left, centred) always push out.
An opening mark at a line start keeps its blank half (no line-start compression).

How: a key string (chars.text_keys) lets regular expressions find the legal break
points and the compressible pairs; prefix sums give any candidate line's natural and
fully compressed width in O(1), so choosing a line end is a bisection.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from itertools import accumulate, repeat
from operator import add, mul, sub
from typing import Sequence

from .chars import COMPRESSIBLE_KEYS, END_KEYS, PUNCT_KEYS, START_KEYS, WORD_KEYS, text_keys

EPS = 1e-6
ALIGNS = ("justify", "left", "center", "right", "distribute")
SCHEMES = ("全角", "开明")   # punctuation width schemes (typesetting spec §3.3)
SENTENCE_MARKS = "。？！．"  # full width under 开明; compressed last when pushing in
ORPHAN_MAX_STRETCH = 0.5   # em per gap a line may be loosened by to cure an orphan
# em per gap a line may be loosened by rather than narrow a lone 点号 to push in: beyond
# it the loose line shows more than one narrowed mark would
PUSH_OUT_MAX_STRETCH = 0.125

_W = f"[{WORD_KEYS}]"
# A break before position j: j-1 may end a line, j may start one, and the pair is not
# inside a word, a dash run, an ellipsis run, or a number and its unit.
_BREAK = re.compile(f"(?<=[^{END_KEYS}W])(?=[^{START_KEYS}W])"
                    f"(?!(?<={_W}){_W}|(?<=D)D|(?<=E)E|(?<=N)H)")
# A break after a run of spaces that follows a character allowed to end a line.
_SPACE_BREAK = re.compile(f"(?<=[^{END_KEYS}W])W+(?=[^{START_KEYS}W])")
_PAIR = re.compile("(?<=[OCS])[OCS]")
_HAN_LATIN = re.compile("(?<=H)[LN]|(?<=[LN])H")
# Gaps justification must not widen: inside a word, ——, ……, and before a space.
_RIGID = re.compile(f"(?<={_W})(?={_W})|(?<=D)(?=D)|(?<=E)(?=E)|(?=W)")


@dataclass(frozen=True)
class Line:
    start: int            # index of the first char of the line in `text`
    end: int              # one past the last char
    xs: tuple[float, ...]  # draw origin (left edge of the full em box) of each char, pt
    width: float          # right edge of the line's ink: where the last glyph's box ends
    last: bool            # last line of the paragraph
    overfull: bool = False  # could not be made to fit (one char wider than the measure)


class _Para:
    """Per-paragraph arrays. Index i is a char; boundary j lies between chars j-1 and j.

    blank[i]: compressible half-em of a mark; consumed[i]: that blank is taken for good,
    by the scheme (fixed[i]: 开明's half-width marks) or by an adjacent-pair compression
    (kern[j] < 0 where it applies); kern[j] also holds the Han-Latin gap; P and Q are
    prefix sums of natural and minimal (every free blank compressed) widths.
    """

    def __init__(self, text: str, adv: Sequence[float], size: Sequence[float], latin_gap: float,
                 scheme: str = "全角"):
        n = self.n = len(text)
        key = self.key = text_keys(text)
        self.text = text
        self.adv, self.size = list(adv), list(size)
        self.blank = [0.0] * n
        self.consumed = bytearray(n)
        self.fixed = bytearray(n)
        self.kern = [0.0] * (n + 1)
        self.gap = [0.0] * (n + 1)
        self._find_blanks()
        if scheme == "开明":
            self._halve_pause_marks()
        self._compress_pairs()
        if latin_gap:
            for m in _HAN_LATIN.finditer(key):
                self.gap[m.start()] = latin_gap
                self.kern[m.start()] += latin_gap
        self.stretch = bytearray(b"\x01") * (n + 1)
        for m in _RIGID.finditer(key):
            self.stretch[m.start()] = 0
        self.inc = [0.0] + list(map(add, self.adv, self.kern[1:n]))   # x step into boundary j
        self.P = list(accumulate(map(add, self.adv, self.kern), initial=0.0))
        minimal = map(add, map(sub, self.adv, self.blank), self.gap)
        self.Q = list(accumulate(minimal, initial=0.0))
        self.breaks = self._find_breaks()

    def _find_blanks(self) -> None:
        """Blank half of each mark, capped so a glyph never moves left of its neighbour."""
        adv, size, blank, key = self.adv, self.size, self.blank, self.key
        for m in re.finditer("[OCS]", key):
            i = m.start()
            b = min(max(adv[i] - 0.5 * size[i], 0.0), 0.5 * size[i])
            if key[i] == "O" and i:
                b = min(b, adv[i - 1] - blank[i - 1])
            blank[i] = b

    def _take_blank(self, i: int) -> None:
        """Mark i loses its blank half for good: the boundary on its blank side moves."""
        self.consumed[i] = 1
        where = i + 1 if self.key[i] in "CS" else i
        if where < self.n:
            self.kern[where] -= self.blank[i]

    def _halve_pause_marks(self) -> None:
        """开明: every mark but 。？！ is set half wide, wherever it stands."""
        for m in re.finditer("[OCS]", self.key):
            i = m.start()
            if self.text[i] not in SENTENCE_MARKS and self.blank[i] > 0:
                self.fixed[i] = 1
                self._take_blank(i)

    def _compress_pairs(self) -> None:
        """Adjacent marks take 1.5 em: the first loses its right blank, else the second.
        A pair with a mark the scheme already halved is 1.5 em or less as it stands."""
        key, blank, consumed, fixed = self.key, self.blank, self.consumed, self.fixed
        for m in _PAIR.finditer(key):
            j = m.start()
            target = j - 1 if key[j - 1] in "CS" else j
            other = j if target == j - 1 else j - 1
            if consumed[target] or blank[target] <= 0 or fixed[other]:
                continue
            self._take_blank(target)

    def _find_breaks(self) -> list[int]:
        found = [m.start() for m in _BREAK.finditer(self.key)]
        if "W" in self.key:
            found = sorted(found + [m.end() for m in _SPACE_BREAK.finditer(self.key)])
        found.append(self.n)
        return found

    def first_visible(self, s: int) -> int:
        while s < self.n and self.key[s] == "W":
            s += 1
        return s

    def visible_end(self, lo: int, e: int) -> int:
        while e > lo and self.key[e - 1] == "W":
            e -= 1
        return e

    def start_blank(self, vs: int) -> float:
        return self.blank[vs] if self.key[vs] == "O" else 0.0

    def end_blank(self, ve: int) -> float:
        """The blank a mark at a line end gave up for good (开明's half-width marks); a
        全角 mark there keeps its whole cell (行末全角), even when it would pair with the mark
        that opens the next line."""
        return self.blank[ve - 1] if self.key[ve - 1] in "CS" and self.fixed[ve - 1] else 0.0

    def natural(self, vs: int, ve: int) -> float:
        """Width of visible chars vs..ve-1 set on one line without adjustment."""
        if ve <= vs:
            return 0.0
        return self.P[ve] - self.P[vs] - self.kern[vs] - self.end_blank(ve)

    def minimal(self, vs: int, ve: int) -> float:
        """Width of visible chars vs..ve-1 with every free blank of the line compressed (a
        mark at the line end keeps its cell)."""
        end = self.blank[ve - 1] if ve > vs and self.key[ve - 1] in "CS" and not self.fixed[ve - 1] else 0.0
        return self.Q[ve] - self.Q[vs] - self.gap[vs] + self.start_blank(vs) + end

    def fit_limit(self, vs: int, room: float) -> int:
        """Last boundary e ≥ vs such that chars vs..e-1 fit `room` at natural width
        (trailing spaces take none)."""
        natural, visible_end = self.natural, self.visible_end
        return vs - 1 + bisect_right(range(vs, self.n + 1), room + EPS,
                                     key=lambda e: natural(vs, visible_end(vs, e)))

    def legal(self, lo: int, p: int) -> bool:
        """Whether a line starting at `lo` may end before p under 避头尾 alone."""
        key = self.key
        if key[p] == "W" or key[p] in START_KEYS:
            return False
        q = self.visible_end(lo, p) - 1
        return q >= lo and key[q] not in END_KEYS


def mark_kerns(text: str, advances: Sequence[float], sizes: Sequence[float],
               punctuation: str = "全角") -> dict[int, float]:
    """out: boundary j (before text[j]) → pt (negative) by which the punctuation scheme
    sets that gap narrower than the glyphs' advances, wherever the line breaks: two
    adjacent marks share 1.5 em, 开明 halves its pause marks. The DOCX export asks this
    to tell Word and LibreOffice, which do not compress adjacent marks by themselves."""
    para = _Para(text, advances, sizes, 0.0, punctuation)
    return {j: k for j, k in enumerate(para.kern) if k < -EPS}


def break_lines(text: str, advances: Sequence[float], sizes: Sequence[float], measure: float,
                indent: float = 0.0, align: str = "justify", latin_gap: float = 0.0,
                first_measure: float | None = None, punctuation: str = "全角") -> list[Line]:
    """Break one paragraph into lines and place every glyph.

    In: text; advances[i] / sizes[i] = natural advance / font size of text[i] in pt;
    measure (pt); indent of the first line; align (justify | left | center | right |
    distribute); latin_gap between Han and Latin/digits; first_measure = right edge
    of the first line if it differs from measure (the indent is inside it);
    punctuation = the width scheme (one of SCHEMES).
    Out: lines covering text in order; xs relative to the left edge of the measure.
    Empty text gives one empty last line.
    """
    if not (len(text) == len(advances) == len(sizes)):
        raise ValueError("字符、字宽与字号的数量不一致")
    if align not in ALIGNS:
        raise ValueError(f"未知的对齐方式：{align}")
    if punctuation not in SCHEMES:
        raise ValueError(f"未知的标点宽度方案：{punctuation}（可用：{'、'.join(SCHEMES)}）")
    if measure <= 0:
        raise ValueError("版心宽度必须大于零")
    first_right = measure if first_measure is None else first_measure
    if not text:
        return [Line(0, 0, (), indent, True)]
    para = _Para(text, advances, sizes, latin_gap, punctuation)
    rooms = (max(first_right - indent, 0.0), measure)
    fill = align in ("justify", "distribute")
    ranges = _choose_ranges(para, rooms, fill)
    _avoid_orphan(para, ranges, rooms, fill)
    lines = []
    for index, (s, e, over) in enumerate(ranges):
        last = index == len(ranges) - 1
        x_left = indent if index == 0 else 0.0
        room = rooms[0] if index == 0 else rooms[1]
        mode = "left" if align == "justify" and last else align
        lines.append(_place(para, s, e, x_left, room, mode, last, over))
    return lines


def _choose_ranges(p: _Para, rooms: tuple[float, float], fill: bool) -> list[tuple[int, int, bool]]:
    """Greedy line ends: each line takes every cluster that fits at natural width, and
    pulls in the next cluster only when that keeps a mark from starting the next line
    (see _pushed_in; `fill`: lines are justified, so pushing out stretches them)."""
    ranges: list[tuple[int, int, bool]] = []
    s, n, breaks = 0, p.n, p.breaks
    while s < n:
        room = rooms[0] if not ranges else rooms[1]
        vs = p.first_visible(s)
        if vs == n:
            ranges.append((s, n, False))
            break
        limit = p.fit_limit(vs, room)
        first = bisect_right(breaks, vs)        # the first break after the line start
        k = max(bisect_right(breaks, limit) - 1, first - 1)
        pulled = None
        if fill and k + 1 < len(breaks):
            pulled = _pushed_in(p, vs, breaks[k] if k >= first else None, breaks[k + 1], room)
        if pulled:
            e, over = pulled, False
        elif k >= first:
            e, over = breaks[k], False
            if e < n and _overwide(p, e, breaks[k + 1], rooms[1]):
                e = _legal_split(p, vs, e, limit) or e   # start the long run on this line
        elif first < len(breaks) and not _overwide(p, vs, breaks[first], room):
            e, over = breaks[first], False    # a word and its mark that fit only with the mark hanging
        else:
            e, over = _forced_split(p, vs, limit)
        ranges.append((s, e, over))
        s = e
    return ranges


def _pushed_in(p: _Para, vs: int, out: int | None, e: int, room: float) -> int | None:
    """e, when the line vs..e is kept by push-in, else None (push out: end at `out`).

    Push-in keeps a cluster whose tail may not start a line (，。”） …) on this line. It
    is allowed only when the text ahead of that tail fits at natural width and the whole
    cluster fits once the line's free blanks are compressed. It is chosen when brackets,
    quotes and runs of marks give the room; lone 点号 (，、；：。？！), whose width the
    reader compares line to line, give it only when pushing out would loosen the line
    by more than PUSH_OUT_MAX_STRETCH per gap (or there is no earlier break)."""
    ve = p.visible_end(vs, e)
    t = ve
    while t > vs and p.key[t - 1] in START_KEYS:
        t -= 1
    if t == ve or t == vs or p.natural(vs, ve) <= room + EPS:
        return None
    if p.natural(vs, t) > room + EPS or p.minimal(vs, ve) > room + EPS:
        return None
    need = p.natural(vs, ve) - room
    if sum(p.blank[i] for i in _free_blanks(p, vs, ve) if _push_in_class(p, i) == 0) >= need - EPS:
        return e
    if out is not None and _stretch(p, vs, out, room) <= PUSH_OUT_MAX_STRETCH:
        return None
    return e


def _stretch(p: _Para, vs: int, e: int, room: float) -> float:
    """How far (em per stretchable gap) justifying chars vs..e-1 to `room` loosens them;
    inf when the line has slack and no gap to take it."""
    ve = p.visible_end(vs, e)
    slack = room - p.natural(vs, ve)
    if slack <= EPS:
        return 0.0
    gaps = p.stretch[vs + 1:ve].count(1)
    return slack / gaps / p.size[ve - 1] if gaps else float("inf")


def _overwide(p: _Para, s: int, e: int, room: float) -> bool:
    """Whether the cluster s..e-1 is wider than a whole line at natural width, even with
    its final mark hanging by its blank (the last resort before breaking inside a word:
    a long address, then 。)."""
    ve = p.visible_end(s, e)
    hang = p.blank[ve - 1] if ve > s and p.key[ve - 1] in "CS" and not p.fixed[ve - 1] else 0.0
    return p.natural(s, ve) - hang > room + EPS


def _legal_split(p: _Para, vs: int, lo: int, limit: int) -> int | None:
    """Last point in (lo, limit] where a line from vs may end under 避头尾, or None."""
    for q in range(min(limit, p.n - 1), lo, -1):
        if p.legal(vs, q):
            return q
    return None


def _forced_split(p: _Para, vs: int, limit: int) -> tuple[int, bool]:
    """Break inside a run too wide for the line: (end, overfull)."""
    found = _legal_split(p, vs, vs, limit)
    if found:
        return found, False
    over = limit <= vs
    e = vs + 1 if over else limit
    while e < p.n and p.key[e] == "W":
        e += 1
    return e, over


def _counted(key: str, s: int, e: int) -> int:
    """Characters of key[s:e] that count for the orphan rule (not spaces, not marks)."""
    return sum(1 for k in key[s:e] if k != "W" and k not in PUNCT_KEYS)


def _avoid_orphan(p: _Para, ranges: list, rooms: tuple[float, float], fill: bool) -> None:
    """孤字不成行: pull one cluster down when the last line holds one character."""
    if len(ranges) < 2:
        return
    (ps, pe, pover), (s, e, over) = ranges[-2], ranges[-1]
    if pover or _counted(p.key, s, e) >= 2:
        return
    k = bisect_left(p.breaks, pe) - 1
    pvs = p.first_visible(ps)
    if k < 0 or p.breaks[k] <= pvs:
        return
    b = p.breaks[k]
    if p.natural(b, p.visible_end(b, e)) > rooms[1] + EPS:
        return
    if fill and _stretch(p, pvs, b, rooms[0] if len(ranges) == 2 else rooms[1]) > ORPHAN_MAX_STRETCH:
        return
    ranges[-2:] = [(ps, b, False), (b, e, over)]


def _place(p: _Para, s: int, e: int, x_left: float, room: float, mode: str,
           last: bool, over: bool) -> Line:
    """Position the glyphs of chars s..e-1 in a line starting at x_left, `room` wide."""
    vs = p.first_visible(s)
    ve = p.visible_end(vs, e)
    if vs == ve:
        return Line(s, e, (x_left,) * (e - s), x_left, last, over)
    natural = p.natural(vs, ve)
    hang = 0.0
    if natural > room + EPS:
        # push in what the line's free blanks give; a final mark hangs by what is still
        # missing, up to its blank (the last resort, see _overwide)
        deficit = natural - room
        free = sum(p.blank[i] for i in _free_blanks(p, vs, ve))
        if p.key[ve - 1] in "CS" and not p.fixed[ve - 1]:
            hang = min(p.blank[ve - 1], max(deficit - free, 0.0))
        xs = _shrunk_xs(p, vs, ve, x_left, deficit - hang)
    else:
        xs = _spread_xs(p, vs, ve, x_left, room - natural, mode)
    width = xs[-1] + p.adv[ve - 1] - p.end_blank(ve) - hang
    full = [xs[0]] * (vs - s) + xs + [width] * (e - ve)
    return Line(s, e, tuple(full), width, last, over)


def _spread_xs(p: _Para, vs: int, ve: int, x_left: float, slack: float, mode: str) -> list:
    """xs of a line with `slack` to spare: stretched gaps for justify/distribute, else offset."""
    steps = p.inc[vs + 1:ve]
    offset = 0.0
    if mode in ("justify", "distribute") and steps:
        flags = p.stretch[vs + 1:ve]
        gaps = flags.count(1)
        if gaps:   # only gaps where stretching is allowed
            steps = list(map(add, steps, map(mul, flags, repeat(slack / gaps))))
        else:      # nothing else to widen: space out the letters
            share = slack / len(steps)
            steps = [step + share for step in steps]
    elif mode in ("center", "distribute"):
        offset = slack / 2
    elif mode == "right":
        offset = slack
    return list(accumulate(steps, initial=x_left + offset))


def _push_in_class(p: _Para, i: int) -> int:
    """Order in which a mid-line mark gives up its blank to push in (clreq §3.5): brackets
    and quotes, and marks in a run of marks (”。 to 1 em), first; then lone ，、；：; then
    lone 。？！. Lone marks, whose width the reader compares line to line, come last."""
    key = p.key
    if key[i] in "OC" or (i and key[i - 1] in "OCS") or (i + 1 < p.n and key[i + 1] in "OCS"):
        return 0
    return 2 if p.text[i] in SENTENCE_MARKS else 1


def _free_blanks(p: _Para, vs: int, ve: int) -> list[int]:
    """Marks of the line vs..ve-1 that still hold a blank push-in may take, right to left
    (an opening mark at the line start and a mark at the line end are not among them)."""
    key, blank, consumed = p.key, p.blank, p.consumed
    return [i for i in range(ve - 1, vs - 1, -1)
            if blank[i] and not consumed[i] and key[i] in COMPRESSIBLE_KEYS
            and not ((i == vs and key[i] == "O") or (i == ve - 1 and key[i] != "O"))]


def _shrunk_xs(p: _Para, vs: int, ve: int, x_left: float, deficit: float) -> list:
    """xs of a line too wide by `deficit` (a push-in). As few marks as possible change
    width: free blanks are taken whole, first class first (_push_in_class), nearest the
    line end first within a class, the last one only as far as needed."""
    key, adv, blank, kern = p.key, p.adv, p.blank, p.kern
    free = sorted(_free_blanks(p, vs, ve), key=lambda i: _push_in_class(p, i))   # stable
    cut = [0.0] * (ve - vs)
    for i in free:
        if deficit <= EPS:
            break
        cut[i - vs] = min(blank[i], deficit)
        deficit -= cut[i - vs]
    xs, pen = [], x_left
    for i in range(vs, ve):
        if i > vs:
            pen += kern[i]
        if key[i] == "O":
            pen -= cut[i - vs]
            xs.append(pen)
            pen += adv[i]
        else:
            xs.append(pen)
            pen += adv[i] - cut[i - vs]
    return xs
