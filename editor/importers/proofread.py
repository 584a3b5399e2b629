"""Proofreading checks run while recognising, and again on the text as corrected.

in: a recognised Document (or one Block and its index); out: Diagnostics with Chinese
messages and `block=` set. Per document: 文号 with wrong year brackets, a letter-type 公文
without 成文日期 or 落款 (WARNING), no title (ERROR: the 目录 would print （无标题）), a 密级
mark (ERROR: a public gazette carries no classified document). Per block: template text
never filled in (ERROR), brackets or quotes that do not pair up within
the paragraph (WARNING), half-width , ; : ? ! or ( ) between Chinese characters (WARNING),
ASCII spaces between two Chinese characters (INFO). pipeline.as_listed replaces what these
checks found (CHECK_CODES) by a new run on the corrected document, so 校对 speaks of what
will print; blocks that do not print (不印) are not checked.
"""
from __future__ import annotations

import re

from ..model import Block, BlockKind, Diagnostic, Document, Severity
from . import patterns as P
from .patterns import ARTICLE, HAN

_OPENERS = {"（": "round", "(": "round", "〔": "tortoise", "【": "lenticular", "《": "book",
            "〈": "angle", "[": "square", "［": "square", "｛": "curly", "{": "curly",
            "「": "corner", "『": "wcorner"}
_CLOSERS = {"）": "round", ")": "round", "〕": "tortoise", "】": "lenticular", "》": "book",
            "〉": "angle", "]": "square", "］": "square", "｝": "curly", "}": "curly",
            "」": "corner", "』": "wcorner"}
_QUOTE_OPENS = {"“": "double", "‘": "single"}
_QUOTE_CLOSES = {"”": "double", "’": "single"}
_LIST_MARK = re.compile(r"^\s*[0-9A-Za-z]{1,3}[)）]")
_HALF_PUNCT = re.compile(rf"(?<=[{HAN}])\s*([,;:?!])\s*(?=[{HAN}])")
_HALF_PARENS = re.compile(r"\(([^()]*)\)")
_HAN_CHAR = re.compile(rf"[{HAN}]")
_STRAY_SPACE = re.compile(rf"[{HAN}] +[{HAN}]")
_LETTER_KINDS = {"通知", "通报", "意见", "决定", "批复", "函", "请示", "报告", "公告", "通告", "命令", "议案"}
# Spaces are part of the form in these kinds: organ names side by side, 均排 chapter titles.
_SPACED_KINDS = {BlockKind.TITLE, BlockKind.ANNEX_TITLE, BlockKind.SIGNATURE, BlockKind.AUTHOR,
                 BlockKind.CHAPTER, BlockKind.SUBTITLE, BlockKind.TABLE, BlockKind.DATE}
# Nothing to check in blocks that print no text of their own, or do not print at all.
_UNCHECKED = {BlockKind.IMAGE, BlockKind.PAGE_BREAK, BlockKind.TABLE, BlockKind.OMITTED}
CHECK_CODES = frozenset({"unpaired-brackets", "unpaired-quotes", "halfwidth-punctuation", "stray-space",
                         "doc-number-brackets", "missing-date", "missing-signature", "missing-title",
                         "classified-mark", "placeholder"})


def check_document(doc: Document) -> list[Diagnostic]:
    """Every check of this module on one document: the document's, then each block's."""
    found = structure_diagnostics(doc)
    for index, block in enumerate(doc.blocks):
        found.extend(proofread(block, index))
    return found


def proofread(block: Block, index: int) -> list[Diagnostic]:
    """All single-block checks for one block."""
    if block.kind in _UNCHECKED:
        return []
    text = block.text
    found = [check_placeholder(text), check_brackets(text), check_quotes(text), check_halfwidth(text)]
    if block.kind not in _SPACED_KINDS:
        found.append(check_spaces(text))
    out = []
    for item in found:
        if item:
            severity, code, message = item
            out.append(Diagnostic(severity, code, message, block=index))
    return out


def _excerpt(text: str, pos: int, width: int = 10) -> str:
    start, end = max(0, pos - width), min(len(text), pos + width + 1)
    return ("…" if start else "") + text[start:end].replace("\n", " ") + ("…" if end < len(text) else "")


def _unpaired(text: str, scanned: str, opens: dict, closes: dict, code: str, what: str,
              missing_open: str, missing_close: str, lone_single_ok: bool = False) -> tuple | None:
    """The first mark in `scanned` (= text, or text with list marks blanked) without a
    partner, as (WARNING, code, message), or None. `lone_single_ok`: a lone ’ is an apostrophe."""
    stack: list[tuple[str, int]] = []
    for pos, ch in enumerate(scanned):
        if ch in opens:
            stack.append((opens[ch], pos))
        elif ch in closes:
            if stack and stack[-1][0] == closes[ch]:
                stack.pop()
            elif not (lone_single_ok and closes[ch] == "single" and not stack):
                return Severity.WARNING, code, f"{what}不配对：“{ch}”没有对应的{missing_open}（{_excerpt(text, pos)}）"
    if stack:
        _kind, pos = stack[0]
        return Severity.WARNING, code, f"{what}不配对：“{text[pos]}”没有对应的{missing_close}（{_excerpt(text, pos)}）"
    return None


def check_brackets(text: str) -> tuple | None:
    """The first bracket without a partner, as a WARNING, or None."""
    body = _LIST_MARK.sub(lambda m: " " * len(m.group(0)), text)
    return _unpaired(text, body, _OPENERS, _CLOSERS, "unpaired-brackets", "括号", "左括号", "右括号")


def check_quotes(text: str) -> tuple | None:
    """Curly quotes “” ‘’ that do not pair up, as a WARNING, or None."""
    return _unpaired(text, text, _QUOTE_OPENS, _QUOTE_CLOSES, "unpaired-quotes", "引号", "前引号", "后引号",
                     lone_single_ok=True)


def check_halfwidth(text: str) -> tuple | None:
    """Half-width , ; : ? ! or ( ) used between Chinese characters, as a WARNING, or None."""
    hits = [(m.group(1), m.start(1)) for m in _HALF_PUNCT.finditer(text)]
    for m in _HALF_PARENS.finditer(text):
        before = text[:m.start()].rstrip()[-1:]
        after = text[m.end():].lstrip()[:1]
        if _HAN_CHAR.search(m.group(1)) and (_HAN_CHAR.match(before or "a") or _HAN_CHAR.match(after or "a")):
            hits.append(("()", m.start()))
    if not hits:
        return None
    hits.sort(key=lambda h: h[1])
    marks = "、".join(dict.fromkeys(f"“{h[0]}”" for h in hits))
    return (Severity.WARNING, "halfwidth-punctuation",
            f"中文中使用了半角标点 {marks}，应为全角（{_excerpt(text, hits[0][1])}）")


def check_placeholder(text: str) -> tuple | None:
    """Template text never filled in ([此处输入正文], XX〔20XX〕X号, 20XX年X月X日), as an ERROR."""
    m = P.PLACEHOLDER.search(text)
    if not m:
        return None
    return (Severity.ERROR, "placeholder",
            f"有模板中未填写的占位文字“{m.group(0)}”，请与来文单位核实后改正（{_excerpt(text, m.start())}）")


def check_spaces(text: str) -> tuple | None:
    """ASCII spaces between two Chinese characters, as INFO, or None."""
    article = ARTICLE.match(text)
    # "第一条 为规范…": the space after an article number is the house form, not a stray.
    allowed = article.end() - 1 if article else -1
    hits = [m.start() for m in _STRAY_SPACE.finditer(text) if m.start() != allowed]
    if not hits:
        return None
    return (Severity.INFO, "stray-space",
            f"两个汉字之间有多余的空格（共 {len(hits)} 处，如：{_excerpt(text, hits[0] + 1)}）")


def _secrecy_marks(doc: Document) -> list[Diagnostic]:
    """A 密级 mark (秘密★1年, 密级：机密) in a 版头 line, printed or not: a public gazette
    must not carry a classified document — an ERROR until the editor has made sure."""
    out = []
    for index, block in enumerate(doc.blocks):
        squeezed = P.squeeze(block.text)
        if block.kind != BlockKind.TABLE and P.COPY_MARKS.match(squeezed) and P.SECRECY.search(squeezed):
            out.append(Diagnostic(Severity.ERROR, "classified-mark",
                                  f"文件带有密级标志“{block.text}”：公开发行的公报不能刊登涉密文件，"
                                  "请与来文单位核实已解密、可以公开（这一行不印）", block=index))
    return out


def structure_diagnostics(doc: Document) -> list[Diagnostic]:
    """Document-level checks: 文号 brackets, missing 落款 or 成文日期 in a letter-type 公文."""
    out = []
    for index, block in enumerate(doc.blocks):
        if block.kind != BlockKind.DOC_NUMBER:
            continue
        m = P.DOC_NUMBER.match(P.squeeze(block.text))
        if m and (m.group("open"), m.group("close")) != ("〔", "〕"):
            right = f"{m.group('org')}〔{m.group('year')}〕{m.group('num')}号"
            out.append(Diagnostic(Severity.WARNING, "doc-number-brackets",
                                  f"文号“{block.text}”的年份括号用错了，应使用六角括号〔〕：{right}",
                                  block=index))
    out += _secrecy_marks(doc)
    kinds = {b.kind for b in doc.blocks}
    if BlockKind.TITLE not in kinds:
        out.append(Diagnostic(Severity.ERROR, "missing-title",
                              "没有识别出标题，目录将印为“（无标题）”：请在“文件”页把标题所在的一段改为“标题”",
                              block=0))
    speech = bool(kinds & {BlockKind.SUBTITLE, BlockKind.AUTHOR})
    letter = bool(kinds & {BlockKind.DOC_NUMBER, BlockKind.RECIPIENTS}) or doc.kind in _LETTER_KINDS
    if letter and not speech:
        where = next((k for k, b in enumerate(doc.blocks) if b.kind == BlockKind.TITLE), 0)
        if BlockKind.DATE not in kinds:
            out.append(Diagnostic(Severity.WARNING, "missing-date", "文件缺少成文日期", block=where))
        if BlockKind.SIGNATURE not in kinds:
            out.append(Diagnostic(Severity.WARNING, "missing-signature", "文件缺少落款", block=where))
    return out
