"""Pulling 公文 parts out of paragraphs that hold more than one of them.

in: candidate blocks; out: the same content with run-together parts cut into their own
candidates. A whole document pasted as one paragraph ("标题济政字〔2020〕28号各区县…：正文…
济南市人民政府2020年5月9日（2020年5月9日印发）") is the case this exists for: the title is
cut before the 文号, the 主送 after it, headings after sentence ends, and the 落款, date
and 印发 line off the end. Runs are cut, not retyped, so styles and characters survive.
"""
from __future__ import annotations

import re

from ..model import Block
from .patterns import (DATE_AT_END, DOC_NUMBER_INNER, HAN, ISSUED_AT_END, KINDS, ends_with_kind,
                       is_doc_number, is_recipients, is_signature_like, is_title_like)
from .runs import cut_runs, is_text, strip_runs

_HEADING_START = re.compile(rf"(?<=[。！？；])\s*(?=(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|附件[:：]))")
_LAST_SENTENCE_END = re.compile(r"[。！？；”」）)]")
_LONG = 80
RUN_IN_TITLE = "标题与正文连排，在文种之后断开"    # the reason a title cut from its paragraph carries
_SIGNER_AFTER = re.compile(r"(?<=号)[\s　]+(?=签\s*发\s*人\s*[:：])")
# 关于…的<文种> (or 印发…的<文种>), not followed by more of a title (的, a quote or bracket closing).
_RUN_IN_TITLE = re.compile(rf"^(.{{0,30}}?(?:关于|印发).{{2,70}}?的(?:{'|'.join(KINDS)}))(?=[{HAN}])(?!的)")


def split_run_together(blocks: list[Block]) -> list[Block]:
    """Blocks with head/tail parts inside long paragraphs cut out (others untouched)."""
    texts = [k for k, b in enumerate(blocks) if is_text(b) and b.text.strip()]
    if not texts:
        return blocks
    out = [piece for block in blocks for piece in _split_signer(block)]
    texts = [k for k, b in enumerate(out) if is_text(b) and b.text.strip()]
    last = texts[-1]
    out[last:last + 1] = _split_tail(out[last])
    first = texts[0]
    out[first:first + 1] = _split_head(out[first])
    if len(texts) == 1:
        out = [piece for block in out for piece in _split_headings(block)]
    return out


def _pieces(block: Block, offsets: list[int]) -> list[Block]:
    pieces = []
    for runs in cut_runs(block.runs, offsets):
        runs = strip_runs(runs)
        if runs:
            pieces.append(Block(kind=block.kind, runs=runs, align=block.align, level=block.level))
    return pieces


def _split_head(block: Block) -> list[Block]:
    """Title | 文号 | 主送 | rest, when a 文号 sits inside the opening of a long paragraph."""
    text = block.text
    if len(text) <= _LONG or not is_text(block):
        return [block]
    m = DOC_NUMBER_INNER.search(text[:200])
    if not m:
        return _split_title_recipients(block)
    start = _doc_number_start(text, m)
    # A 文号 cited in a sentence ("根据《…》（鲁政办字〔2019〕31号）精神") is not the head:
    # only a title-like prefix ending in a 文种 (or nothing at all) may come before it.
    if start and not (_title_prefix(text[:start]) and ends_with_kind(text[:start])):
        return [block]
    cuts = [start, m.end()] if start > 0 else [m.end()]
    colon = re.search(r"[:：]", text[m.end():m.end() + 90])
    if colon and is_recipients(text[m.end():m.end() + colon.end()]):
        cuts.append(m.end() + colon.end())
    return _pieces(block, cuts)


def _title_prefix(text: str) -> bool:
    return is_title_like(text, 120) and not re.search(r"[，,。；;]", text)


def _doc_number_start(text: str, m: re.Match) -> int:
    """Where the 文号's organ abbreviation begins: just after the title's 文种, if one is there."""
    opening = m.start("open")
    ends = [k + len(kind) for kind in KINDS for k in [text.rfind(kind, 0, opening)]
            if k >= 0 and 1 <= opening - (k + len(kind)) <= 8]
    return max(ends) if ends else m.start("org")


def _split_signer(block: Block) -> list[Block]:
    """文号 | 签发人 when a 上行文's head has both on one line: 济司呈〔2021〕3号　签发人：张建国."""
    m = _SIGNER_AFTER.search(block.text) if is_text(block) else None
    if not m or not is_doc_number(block.text[:m.start()]):
        return [block]
    return _pieces(block, [m.start()])


def _split_title_run_in(block: Block) -> list[Block]:
    """Title | rest, when the title runs into the first paragraph with nothing between:
    "…关于开展安全生产大检查的通知为深刻吸取事故教训，…" — a title of the form 关于…的<文种>
    followed by a sentence."""
    m = _RUN_IN_TITLE.match(block.text)
    if not m or not _title_prefix(m.group(1)):
        return [block]
    rest = block.text[m.end():]
    if len(rest) < 10 or not re.search(r"[。！？]", rest):
        return [block]
    pieces = _pieces(block, [m.end()])
    pieces[0].reason = RUN_IN_TITLE
    return pieces


def _split_title_recipients(block: Block) -> list[Block]:
    """Title | 主送 | rest without a 文号: "…关于…的通知各区县人民政府，…：正文"."""
    text = block.text
    kinds = "|".join(KINDS)
    m = re.match(rf"^(.{{4,80}}?(?:{kinds}))(?=各[{HAN}])", text)
    if not m or not _title_prefix(m.group(1)):
        return _split_title_run_in(block)
    cuts = [m.end()]
    colon = re.search(r"[:：]", text[m.end():m.end() + 90])
    if colon and is_recipients(text[m.end():m.end() + colon.end()]):
        cuts.append(m.end() + colon.end())
    return _pieces(block, cuts)


def _split_tail(block: Block) -> list[Block]:
    """rest | 落款 | date | 印发 line, when those close a longer paragraph."""
    text = block.text.rstrip()
    if not is_text(block):
        return [block]
    cuts: list[int] = []
    end = len(text)
    issued = ISSUED_AT_END.search(text)
    if issued and issued.start() > 0:
        cuts.append(issued.start())
        end = issued.start()
    head = text[:end].rstrip()
    date = DATE_AT_END.search(head)
    if date and date.start() > 0:
        before = head[:date.start()].rstrip()
        sentence_end = max((m.end() for m in _LAST_SENTENCE_END.finditer(before)), default=0)
        if is_signature_like(before[sentence_end:]):
            cuts += [date.start()] + ([sentence_end] if sentence_end else [])
        elif sentence_end == len(before):
            cuts.append(date.start())
    if not cuts:
        return [block]
    return _pieces(block, sorted(cuts))


def _split_headings(block: Block) -> list[Block]:
    """In a one-paragraph document, start a new paragraph at each heading number after a sentence end."""
    if not is_text(block):
        return [block]
    cuts = [m.start() for m in _HEADING_START.finditer(block.text)]
    return _pieces(block, cuts) if cuts else [block]
