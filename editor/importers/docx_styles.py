"""Word's style chain, resolved once to the few properties recognition needs.

in: the parsed word/styles.xml (or None) and a paragraph's w:pPr / a run's w:rPr; out: the
effective values after docDefaults → basedOn chain → direct formatting: alignment, outline
level (heading hint), numbering reference, Title-style hint, page break before, and run
bold/italic/sub/superscript/hidden. "Inherited" never leaks out: every value is resolved.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_JC = {"left": "left", "start": "left", "center": "center", "right": "right", "end": "right",
       "both": "justify", "distribute": "justify", "thaiDistribute": "justify",
       "lowKashida": "justify", "mediumKashida": "justify", "highKashida": "justify"}
_HEADING_NAME = re.compile(r"^(?:heading|标题)\s*([1-9])$", re.I)


@lru_cache(maxsize=None)
def w(tag: str) -> str:
    """A WordprocessingML name in Clark notation (asked for often: built once per name)."""
    return f"{{{W_NS}}}{tag}"


def wval(el: etree._Element | None, default: str | None = None) -> str | None:
    """The w:val attribute of `el` (or `default` when absent)."""
    if el is None:
        return default
    return el.get(w("val"), default)


def parse_int(text: str | None, default: int, digits: int = 5) -> int:
    """An ASCII non-negative integer attribute, else `default` (so "²" or "9"*99 cannot hurt)."""
    if text and len(text) <= digits and text.isascii() and text.isdigit():
        return int(text)
    return default


def on(el: etree._Element | None) -> bool | None:
    """A toggle property (<w:b/>, <w:b w:val="0"/>) → True/False; absent → None."""
    if el is None:
        return None
    return wval(el, "true") not in ("0", "false", "off", "none")


@dataclass(frozen=True)
class RunStyle:
    bold: bool = False
    italic: bool = False
    script: str = ""        # "" | "sub" | "sup"
    hidden: bool = False    # w:vanish: Word neither shows nor prints it


@dataclass(frozen=True)
class ParaStyle:
    align: str = ""                 # "" (not set) | left | center | right | justify
    outline: int | None = None      # 0 = 第一级 (Heading 1); None = body text
    num_id: str | None = None
    ilvl: int = 0
    title: bool = False             # Word's Title style
    page_break_before: bool = False
    run: RunStyle = field(default_factory=RunStyle)


def read_ppr(ppr: etree._Element | None) -> dict:
    """The paragraph properties set in one w:pPr (only those present)."""
    out: dict = {}
    if ppr is None:
        return out
    jc = wval(ppr.find(w("jc")))
    if jc in _JC:
        out["align"] = _JC[jc]
    lvl = wval(ppr.find(w("outlineLvl")))
    if lvl is not None:
        out["outline"] = parse_int(lvl, 9, 1) if parse_int(lvl, 9, 1) < 9 else None
    numpr = ppr.find(w("numPr"))
    if numpr is not None:
        num_id, ilvl = wval(numpr.find(w("numId"))), wval(numpr.find(w("ilvl")))
        if num_id is not None:
            out["num_id"] = None if num_id == "0" else num_id
        if ilvl is not None:
            out["ilvl"] = parse_int(ilvl, 0, 1)
    pbb = on(ppr.find(w("pageBreakBefore")))
    if pbb is not None:
        out["page_break_before"] = pbb
    return out


def read_rpr(rpr: etree._Element | None) -> dict:
    """The run properties set in one w:rPr (only those present)."""
    out: dict = {}
    if rpr is None:
        return out
    for key, tag in (("bold", "b"), ("italic", "i"), ("hidden", "vanish")):
        value = on(rpr.find(w(tag)))
        if value is not None:
            out[key] = value
    va = wval(rpr.find(w("vertAlign")))
    if va is not None:
        out["script"] = {"superscript": "sup", "subscript": "sub"}.get(va, "")
    return out


class Styles:
    """Style lookups over word/styles.xml; results are cached per style id."""

    def __init__(self, root: etree._Element | None):
        self._by_id: dict[str, etree._Element] = {}
        self._default_para: str | None = None
        self._ppr_default: dict = {}
        self._rpr_default: dict = {}
        self._cache: dict[tuple, object] = {}     # style chains, resolved pPr and rPr
        if root is None:
            return
        for style in root.iter(w("style")):
            sid = style.get(w("styleId"))
            if sid:
                self._by_id[sid] = style
                if style.get(w("type")) == "paragraph" and \
                        style.get(w("default")) in ("1", "true", "on"):
                    self._default_para = sid
        defaults = root.find(w("docDefaults"))
        if defaults is not None:
            self._ppr_default = read_ppr(defaults.find(f"{w('pPrDefault')}/{w('pPr')}"))
            self._rpr_default = read_rpr(defaults.find(f"{w('rPrDefault')}/{w('rPr')}"))

    def paragraph(self, ppr: etree._Element | None) -> ParaStyle:
        """Effective paragraph style for a paragraph with this w:pPr (resolved once per
        distinct w:pPr: a table's thousands of cells mostly share one)."""
        key = ("p", etree.tostring(ppr, with_tail=False) if ppr is not None else b"")
        if key not in self._cache:
            self._cache[key] = self._paragraph(ppr)
        return self._cache[key]

    def _paragraph(self, ppr: etree._Element | None) -> ParaStyle:
        sid = wval(ppr.find(w("pStyle"))) if ppr is not None else None
        sid = sid if sid in self._by_id else self._default_para
        props, rprops = dict(self._ppr_default), dict(self._rpr_default)
        if sid:
            style_p, style_r = self._chain(sid)
            props.update(style_p)
            rprops.update(style_r)
        props.update(read_ppr(ppr))
        run = RunStyle(**{k: v for k, v in rprops.items() if k in ("bold", "italic", "script", "hidden")})
        fields = {k: v for k, v in props.items()
                  if k in ("align", "outline", "num_id", "ilvl", "title", "page_break_before")}
        return ParaStyle(run=run, **fields)

    def numbering_of(self, sid: str | None) -> str | None:
        """The numId a (numbering) style sets, for w:numStyleLink; None if it sets none."""
        return self._chain(sid)[0].get("num_id") if sid in self._by_id else None

    def run(self, base: RunStyle, rpr: etree._Element | None) -> RunStyle:
        """Effective run style: the paragraph's, then a character style, then direct rPr
        (resolved once per paragraph style and distinct w:rPr)."""
        key = (base, etree.tostring(rpr, with_tail=False) if rpr is not None else b"")
        if key not in self._cache:
            self._cache[key] = self._run(base, rpr)
        return self._cache[key]

    def _run(self, base: RunStyle, rpr: etree._Element | None) -> RunStyle:
        props: dict = {}
        sid = wval(rpr.find(w("rStyle"))) if rpr is not None else None
        if sid in self._by_id:
            props.update(self._chain(sid)[1])
        props.update(read_rpr(rpr))
        return replace(base, **props) if props else base

    def _chain(self, sid: str) -> tuple[dict, dict]:
        """(pPr props, rPr props) of a style with its basedOn ancestors applied first."""
        key = ("chain", sid)
        if key not in self._cache:
            chain, seen = [], set()
            while sid and sid in self._by_id and sid not in seen:
                seen.add(sid)
                chain.append(self._by_id[sid])
                sid = wval(self._by_id[sid].find(w("basedOn")))
            pprops: dict = {}
            rprops: dict = {}
            for style in reversed(chain):
                pprops.update(_name_hints(style))
                pprops.update(read_ppr(style.find(w("pPr"))))
                rprops.update(read_rpr(style.find(w("rPr"))))
            self._cache[key] = (pprops, rprops)
        return self._cache[key]


def _name_hints(style: etree._Element) -> dict:
    """Heading N / Title by style name (Word writes English names even in Chinese Word)."""
    name = (wval(style.find(w("name"))) or "").strip()
    m = _HEADING_NAME.match(name)
    if m:
        return {"outline": int(m.group(1)) - 1, "title": False}
    if name.lower() in ("title", "标题"):
        return {"title": True, "outline": None}
    return {}
