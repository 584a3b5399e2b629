"""Setting one block's text into lines: fonts per run, widths, line breaking, alignment.

in: a Block (or plain text), its Style, the spec and the font metrics per role;
out: SetLines — lines with segments positioned relative to the type area's left edge,
ready for the paginator to give them a page and a baseline.
"""
from __future__ import annotations

import hashlib
import pickle
import re
from dataclasses import dataclass, field, replace

from ..model import Block, BlockKind, Diagnostic, Run, Severity
from .linebreak import break_lines
from .lines import Segment, SetLine
from .marks import joins, strokes, two_em_runs
from .spec import LayoutSpec, Style

QUOTES_OPEN, QUOTES_CLOSE = "“‘", "”’"   # shared with Latin: some CJK fonts give them narrow glyphs
MISSING_MARK = "〓"     # the traditional 方正 mark for a character no font has
SENTENCE_END = re.compile(r"[。！？]")
FALLBACK_ROLES = ("body", "song", "hei", "kai", "title", "bold")


def _in_reading_order(xs: tuple[float, ...], before: float | None) -> tuple[float, ...]:
    """Nudge draw origins so they strictly increase: two fully compressed marks (，“) share an
    origin, and a PDF reader would then read them in either order. 0.05 pt is invisible."""
    out, last = [], before
    for x in xs:
        if last is not None and x < last + 0.05:
            x = last + 0.05
        out.append(x)
        last = x
    return tuple(out)


HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def _widen_spaces_between_han(m: "_Measured", tracking) -> None:
    """A space between two Han characters is a deliberate gap, not a word space (Chinese has
    none): 第一条　为…, 第一章　总　则, organ names side by side — one em (with the grid's
    tracking), as a 全角 space would be."""
    chars = m.chars
    for i in range(1, len(chars) - 1):
        if chars[i] == " " and HAN.match(chars[i - 1]) and HAN.match(chars[i + 1]):
            size = m.sizes[i]
            m.advances[i] = size + tracking(size)


@dataclass
class _Measured:
    chars: list[str]
    advances: list[float]
    sizes: list[float]
    roles: list[str]
    rises: list[float]
    shifts: list[float]
    ruled: list[bool] = field(default_factory=list)   # in a ——/…… run drawn as strokes


def _segments(text: str, m: _Measured, ln, left: float, metrics: dict) -> list[Segment]:
    """One line cut into segments of one role, size and rise, at absolute x in the measure;
    a ——/…… run the face cannot draw whole is a segment of its own, hidden under strokes."""
    segs: list[Segment] = []
    i = ln.start

    def look(k: int) -> tuple:
        return m.roles[k], m.sizes[k], m.rises[k], m.ruled[k]

    while i < ln.end:
        j = i
        while j < ln.end and look(j) == look(i):
            j += 1
        xs = tuple(left + x + m.shifts[i + k] for k, x in enumerate(ln.xs[i - ln.start:j - ln.start]))
        xs = _in_reading_order(xs, segs[-1].xs[-1] if segs else None)
        if m.ruled[i]:
            rules = strokes(metrics[m.roles[i]], text[i], j - i, m.advances[i], m.sizes[i])
            segs.append(Segment(text[i:j], xs, m.roles[i], m.sizes[i], m.rises[i], hidden=True,
                                rules=rules))
        elif text[i:j].strip():
            segs.append(Segment(text[i:j], xs, m.roles[i], m.sizes[i], m.rises[i]))
        i = j
    return segs


MAX_SET_PARAGRAPHS = 20_000
_set_paragraphs: dict = {}     # set_runs' memory: key → (its lines, the problems it found)


def _copies(lines: list[SetLine]) -> list[SetLine]:
    """Lines the caller may change (keep flags, segments added) without changing the kept
    ones: each line's fields copied, its lists too (dataclasses.replace takes 4× as long)."""
    out = []
    for ln in lines:
        copy = object.__new__(SetLine)
        copy.__dict__.update(ln.__dict__)
        copy.segments, copy.rules = list(ln.segments), list(ln.rules)
        out.append(copy)
    return out


@dataclass
class Typesetter:
    spec: LayoutSpec
    metrics: dict              # role → FontMetrics
    diagnostics: list[Diagnostic] = field(default_factory=list)
    doc: int | None = None
    measure: float = 0.0       # width lines are set to now: a column, or the page (0 = the page)
    words: tuple[str, ...] = ()    # never broken in a title: the organ names
    _key: bytes = field(default=b"", repr=False, compare=False)

    def __post_init__(self):
        self.measure = self.measure or self.spec.measure

    def setting_key(self) -> bytes:
        """What set_runs depends on besides its arguments: the spec and the fonts (each
        metrics' class, name and file), as one hash."""
        if not self._key:
            fonts = sorted((role, type(m).__module__, type(m).__qualname__, getattr(m, "name", ""),
                            str(getattr(getattr(m, "face", None), "path", "")))
                           for role, m in self.metrics.items())
            self._key = hashlib.sha1(pickle.dumps((self.spec, fonts))).digest()
        return self._key

    # -- widths ---------------------------------------------------------
    def latin_role(self, ch: str, role: str) -> str:
        """Body text sets Latin letters, digits and ASCII marks in the layout's Latin face
        (Times New Roman in a 公文, as Word does with w:ascii) when it has one; other roles
        keep their own face's Latin."""
        if role == "body" and "!" <= ch < "\u0250" and "latin" in self.metrics:
            return "latin"
        return role

    def resolve_char(self, ch: str, role: str, block: int | None) -> tuple[str, str]:
        """(char to draw, role to draw it with); a char no font has becomes 〓, reported."""
        if ch == " " or self.metrics[role].has(ch):
            return ch, role
        for other in FALLBACK_ROLES:
            if other in self.metrics and self.metrics[other].has(ch):
                return ch, other
        self.diagnostics.append(Diagnostic(
            Severity.ERROR, "missing-glyph",
            f"字符“{ch}”（U+{ord(ch):04X}）在所有字体中都没有，已用“{MISSING_MARK}”标出，请更换字体或改字",
            document=self.doc, block=block))
        return MISSING_MARK, role

    def tracking(self, size: float) -> float:
        """Extra advance per character: the grid's, on text of the grid's size only."""
        return self.spec.tracking * size / self.spec.size if size == self.spec.size else 0.0

    def _cell(self, ch: str, role: str, size: float) -> tuple[float, float]:
        """(advance, draw shift) of one character in a role's face, before tracking."""
        adv = self.metrics[role].advance(ch) * size
        if adv < 0.9 * size and (ch in QUOTES_OPEN or ch in QUOTES_CLOSE):
            # Chinese quotes take a full cell; an opening one hugs the text after it
            return size, (size - adv if ch in QUOTES_OPEN else 0.0)
        return adv, 0.0

    def char_advance(self, ch: str, role: str, size: float) -> float:
        """One character's advance as set_runs sets it: its face's width (quotes in full
        cells) plus the grid's tracking."""
        adv, _ = self._cell(ch, self.latin_role(ch, role), size)
        return adv + (self.tracking(size) if adv else 0.0)

    def _measure(self, runs, block: int | None) -> _Measured:
        """Per character: what to draw, its advance (quotes in full cells), size, role, rise."""
        out = _Measured([], [], [], [], [], [])
        for text, role, size, rise in runs:
            track = self.tracking(size)
            for ch in text:
                if ch in "\t\n\r\x0b\x0c\u2028\u2029":
                    ch = " "      # breaks and tabs inside a block are spaces, never a drawn glyph
                ch2, role2 = self.resolve_char(ch, self.latin_role(ch, role), block)
                adv, shift = self._cell(ch2, role2, size)
                out.chars.append(ch2)
                out.advances.append(adv + (track if adv else 0.0))
                out.sizes.append(size)
                out.roles.append(role2)
                out.rises.append(rise)
                out.shifts.append(shift)
        _widen_spaces_between_han(out, self.tracking)
        self._two_em_marks(out)
        return out

    def _two_em_marks(self, m: _Measured) -> None:
        """Each —— and …… takes two full cells (Noto's dash is 0.89 em). A face whose
        glyphs join has them set one em apart, centred in the cells; any other face's
        are marked to be drawn as strokes (marks.py)."""
        m.ruled = [False] * len(m.chars)
        for start, end in two_em_runs("".join(m.chars)):
            for i in range(start, end):
                size = m.sizes[i]
                track = self.tracking(size)
                m.advances[i] = size + track
                if joins(self.metrics[m.roles[i]], m.chars[i]):
                    m.shifts[i] = track * ((end - start) / 2 - (i - start))
                else:
                    m.ruled[i] = True

    def set_runs(self, runs: list[tuple[str, str, float, float]], style: Style,
                 block: int | None = None, measure: float | None = None) -> list[SetLine]:
        """Set styled runs [(text, role, size, rise)] as one paragraph in `style`. A paragraph
        set before with the same text, style, width and fonts is not set again (editing one
        paragraph re-lays out its document: the others come from here), and the problems
        found in setting it are reported again."""
        width = measure if measure is not None else self.measure
        key = (self.setting_key(), self.doc, block, width, style, tuple(runs))
        hit = _set_paragraphs.get(key)
        if hit is None:
            mark = len(self.diagnostics)
            lines = self._set_runs(runs, style, block, width)
            hit = (_copies(lines), tuple(self.diagnostics[mark:]))
            if len(_set_paragraphs) > MAX_SET_PARAGRAPHS:
                _set_paragraphs.clear()
            _set_paragraphs[key] = hit
            return lines
        self.diagnostics.extend(replace(d) for d in hit[1])
        return _copies(hit[0])

    def _set_runs(self, runs: list[tuple[str, str, float, float]], style: Style,
                  block: int | None, measure: float) -> list[SetLine]:
        spec, em = self.spec, style.size
        left = style.left * em
        width = measure - left - style.right * em
        m = self._measure(runs, block)
        text = "".join(m.chars)
        if not text:
            return []
        lines = break_lines(text, m.advances, m.sizes, width, indent=style.indent * em,
                            align=style.align, latin_gap=spec.latin_gap_em * em,
                            punctuation=spec.punctuation)
        grid = style.leading == 0
        pitch = spec.line_pitch if grid else style.leading * em
        out = []
        for n, ln in enumerate(lines):
            if ln.overfull:
                self.diagnostics.append(Diagnostic(
                    Severity.WARNING, "overfull-line",
                    f"一行排不下：“{text[ln.start:ln.end][:20]}”超出版心", document=self.doc, block=block))
            out.append(SetLine(_segments(text, m, ln, left, self.metrics), pitch, em, grid, block,
                               first=n == 0, last=ln.last))
        return out

    def text_width(self, text: str, role: str, size: float) -> float:
        """Natural width of a one-line text (tracking included on grid-size text)."""
        track, m = self.tracking(size), self.metrics[role]
        return sum(m.advance(c) * size + track for c in text)

    # -- blocks ---------------------------------------------------------
    def style_for(self, block: Block) -> tuple[str, Style]:
        if block.kind == BlockKind.HEADING:
            name = f"heading{min(max(block.level, 1), 4)}"
        elif block.kind == BlockKind.PARAGRAPH:
            name = "default"
        else:
            name = block.kind.value
        style = self.spec.style(name)
        if block.align and block.kind in (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM):
            style = Style(**{**style.__dict__, "align": block.align})
        return name, style

    def runs_for(self, block: Block, style: Style) -> list[tuple[str, str, float, float]]:
        """Font role per run: bold runs in the bold face, a run-in heading's lead in the
        heading face and the rest of the paragraph in the body face."""
        body = self.spec.style("default")
        runs: list[Run] = block.runs
        out = []
        if block.kind == BlockKind.HEADING and block.level >= 2:
            text = block.text
            m = SENTENCE_END.search(text)
            if m and m.end() < len(text.rstrip()):
                lead_end = m.end()
                pos = 0
                for r in runs:
                    a, b = pos, pos + len(r.text)
                    pos = b
                    if a < lead_end:
                        out.append((r.text[:lead_end - a], style.font, style.size, 0.0))
                    if b > lead_end:
                        part = r.text[max(lead_end - a, 0):]
                        out.append((part, "bold" if r.bold else body.font, body.size, 0.0))
                return out
        for r in runs:
            role = "bold" if r.bold and style.font == body.font else style.font
            size = style.size * (0.6 if r.script else 1.0)
            rise = {"sub": -0.2, "sup": 0.35}.get(r.script, 0.0) * style.size
            out.append((r.text, role, size, rise))
        return out
