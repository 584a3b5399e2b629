"""A page's text as PDF operators: every glyph where the engine put it.

in: the PDF documents drawn together (reportlab's, for their font subsets), a Page, the
page height, role → reportlab font name; out: one BT … ET block in page coordinates.
Each line is one TJ per font subset, with an explicit adjustment after each glyph whose
successor is not at its natural advance (not Tc: some readers drop it at string ends, and
extraction then misorders glyphs). Drawing a line is most of a PDF's time, so what is made
is kept: each line's operators in memory (the app's next export; the unchanged lines of an
edited page) and each page's in the cache folder (the next build), keyed on everything the
operators are made of — the line's text, places, size, font (and the version of its file:
the widths come from it), its glyphs' codes in the font subsets — and on this module's own
source.
"""
from __future__ import annotations

import hashlib
import pickle
from pathlib import Path

from reportlab.lib.rl_accel import escapePDF
from reportlab.pdfbase import pdfmetrics

from ..layout.pages import Page, TextLine
from . import drawcache

FILL = {"black": "0 0 0 1 k", "red": "0 1 1 0 k"}
SOURCE = hashlib.sha1(Path(__file__).read_bytes()).digest()   # a change here draws anew
_NUMS: dict[float, str] = {}
_widths_of: dict = {}
_drawn_lines: dict = {}
_drawn_pages: dict = {}
font_files: dict[str, tuple] = {}   # reportlab font name → (path, size, mtime) it was read from


def num(v: float) -> str:
    """A number as the content stream writes it: three decimals at most, no trailing zeros.
    The pages repeat few values (baselines, column edges, a line's justification step), so
    each is formatted once (0 apart: -0.0 equals 0.0 as a key but is written "-0")."""
    text = _NUMS.get(v) if v else None
    if text is None:
        text = f"{v:.3f}".rstrip("0").rstrip(".") or "0"
        if v:
            if len(_NUMS) > 100_000:
                _NUMS.clear()
            _NUMS[v] = text
    return text


_ONE_BYTE = [f"({escapePDF(bytes([b]))})" for b in range(256)]   # a justified line: most strings


def _pdf_string(data: bytes) -> str:
    return _ONE_BYTE[data[0]] if len(data) == 1 else f"({escapePDF(data)})"


def _widths(font, size: float):
    cache = _widths_of.setdefault((font.fontName, size), {})

    def width(ch: str) -> float:
        w = cache.get(ch)
        if w is None:
            w = cache[ch] = font.stringWidth(ch, size)
        return w
    return width


def page_text(docs: list, page: Page, height: float, fonts: dict[str, str], names: dict) -> str:
    """The page's text as one BT … ET block, in page coordinates (origin bottom left).
    `docs` are the PDF documents drawn together (screen and print): each must note the
    glyphs in its own subsets, and since all see the same text in the same order their
    subsets agree, so the operators are made once for all. `names` keeps each subset's
    operator name for the pass (asking reportlab for it costs as much as drawing)."""
    lines = []
    for line in page.lines:
        if line.text:
            font = pdfmetrics.getFont(fonts[line.font])
            lines.append((font, line, height - line.y, *_glyph_codes(docs, font, line, names)))
    key = hashlib.sha1(SOURCE + pickle.dumps(
        [(font.fontName, font_files.get(font.fontName), line.text, line.xs, line.size, y, line.color,
          line.hidden, runs, subsets) for font, line, y, runs, subsets in lines])).hexdigest()
    text = _drawn_pages.get(key)
    if text is None:
        kept = drawcache.load("text", key)
        text = kept.decode("latin-1") if kept is not None else None
    if text is None:
        text = _compose(lines)
        drawcache.save("text", key, text.encode("latin-1"))
    if len(_drawn_pages) > 2000:
        _drawn_pages.clear()
    _drawn_pages[key] = text
    return text


def _compose(lines: list) -> str:
    ops, color = ["BT"], None
    for font, line, y, runs, subsets in lines:
        if line.color != color:
            color = line.color
            ops.append(FILL.get(color, FILL["black"]))
        line_ops = _line_ops(font, line, y, runs, subsets)
        ops += ["3 Tr", *line_ops, "0 Tr"] if line.hidden else line_ops   # 3 Tr: text, no ink
    ops.append("ET")
    return "\n".join(ops)


def _glyph_codes(docs: list, font, line: TextLine, names: dict) -> tuple[tuple, tuple]:
    """The line's glyphs as (subset, one byte per glyph) runs, noted in every document's
    subsets, and each run's subset operator name."""
    splits = [font.splitString(line.text, doc) for doc in docs]
    if any(split != splits[0] for split in splits[1:]):
        raise RuntimeError("内部错误：同时输出的 PDF 字体子集不一致")
    runs = tuple(splits[0])
    return runs, tuple(_subset_name(docs, font, subset, names) for subset, _data in runs)


def _subset_name(docs: list, font, subset: int, names: dict) -> str:
    name = names.get((font.fontName, subset))
    if name is None:
        found = {font.getSubsetInternalName(subset, doc) for doc in docs}
        if len(found) != 1:
            raise RuntimeError("内部错误：同时输出的 PDF 字体名称不一致")
        name = names[(font.fontName, subset)] = found.pop()
    return name


def _line_ops(font, line: TextLine, y: float, runs: tuple, subsets: tuple) -> tuple[str, ...]:
    """The operators of one line, given its glyph codes per subset and the subsets' names
    (remembered: a line drawn before with the same codes is not drawn again)."""
    key = (font.fontName, line.text, line.xs, line.size, y, runs, subsets)
    ops = _drawn_lines.get(key)
    if ops is None:
        ops = _glyph_ops(font, line, y, runs, subsets)
        if len(_drawn_lines) > 50_000:
            _drawn_lines.clear()
        _drawn_lines[key] = ops
    return ops


def _glyph_ops(font, line: TextLine, y: float, runs: tuple, subsets: tuple) -> tuple[str, ...]:
    size, text, xs = line.size, line.text, line.xs
    width = _widths(font, size)
    ops = [f"1 0 0 1 {num(xs[0])} {num(y)} Tm"]
    # each glyph's distance from its natural advance to the next glyph's x
    gaps = [b - a - width(ch) for a, b, ch in zip(xs, xs[1:], text)]
    k = 0                     # the line's character at data[0] (one byte per glyph)
    for (_subset, data), name in zip(runs, subsets):
        ops.append(f"{name} {num(size)} Tf")
        arr, start = [], 0
        for j, delta in enumerate(gaps[k:k + len(data)]):
            if delta > 0.001 or delta < -0.001:
                arr.append(_ONE_BYTE[data[j]] if j == start else _pdf_string(data[start:j + 1]))
                arr.append(num(-delta * 1000 / size))
                start = j + 1
        if start < len(data):
            arr.append(_pdf_string(data[start:]))
        k += len(data)
        ops.append(f"[{' '.join(arr)}] TJ")
    return tuple(ops)
