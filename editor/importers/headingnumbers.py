"""公文 numbers for Markdown `#` headings written without them.

in: a recognised (and corrected) Document whose `unnumbered_headings` lists its Markdown
headings when none of them carries a number; out: the same document, each of those still a
heading given the number of its level — 一、 （一） 1. （1） — counted afresh under each
heading of the level above and in each appended attachment. A heading an editor has since
numbered by hand keeps its text and is counted. The numbers are added text: nothing of the
source is lost, and turning the option off (DocumentRef.heading_numbers) shows it as sent.
"""
from __future__ import annotations

from ..model import BlockKind, Document, Run
from .patterns import heading_level

_DIGITS = "零一二三四五六七八九"
_RESTART = {BlockKind.ANNEX_LABEL, BlockKind.ANNEX_TITLE}


def chinese_number(n: int) -> str:
    """1–99 as 公文 writes them: 一, 十, 十一, 二十, 二十一."""
    tens, ones = divmod(n, 10)
    if n < 10:
        return _DIGITS[n]
    return (_DIGITS[tens] if tens > 1 else "") + "十" + (_DIGITS[ones] if ones else "")


def heading_number(level: int, n: int) -> str:
    """The number heading n of a level carries: 一、 （一） 1. （1）."""
    if level == 1:
        return f"{chinese_number(n)}、"
    if level == 2:
        return f"（{chinese_number(n)}）"
    if level == 3:
        return f"{n}. "
    return f"（{n}）"


def number_headings(doc: Document) -> None:
    """Prefix each unnumbered Markdown heading of `doc` with its number (in place)."""
    wanted = set(doc.unnumbered_headings)
    if not wanted:
        return
    counts = [0] * 5
    for k, block in enumerate(doc.blocks):
        if block.kind in _RESTART:
            counts = [0] * 5
        if k not in wanted or block.kind != BlockKind.HEADING or not 1 <= block.level <= 4:
            continue
        level = block.level
        counts[level] += 1
        counts[level + 1:] = [0] * (4 - level)
        if heading_level(block.text):
            continue
        number = heading_number(level, counts[level])
        bold = bool(block.runs) and block.runs[0].bold
        block.runs = [Run(number, bold=bold)] + block.runs
        block.reason += f"；加编号“{number.strip()}”（可在“文件”页关闭“# 标题加编号”）"
