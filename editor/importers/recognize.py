"""公文 structure recognition: candidate paragraphs → a Document of kinded blocks.

in: candidate Blocks in source order (runs, alignment, and hints from the source: HEADING
for Word heading styles / Markdown `#`, TITLE for Word's Title style, LIST_ITEM for bullets
and `- ` lines, NOTE for footnotes; TABLE/IMAGE/PAGE_BREAK as they are). out: a Document
whose blocks carry their kind, heading level and a short Chinese `reason`, its 文种 from the
title's ending, and proofreading diagnostics. Every character of the candidates is kept:
recognition only labels, merges title lines (joined by '\\n') and cuts run-together parts.

The scan goes in three passes: the head (登记号, 标题, 副标题 and a date line under the title,
讲话人, 文号, 主送), the closings (附件说明, 落款, 成文日期, 附注, 印发, 注, 附件 label and title),
then the body in between and after (headings 一、（一）1.（1）, 章, list items, paragraphs).
What a public gazette must not print is labelled OMITTED with what it is — 份号, 密级, 紧急程度,
发文机关标志 (a "…文件" line, a masthead in text boxes, the office's name above the 文号 in
信函格式), 签发人, a web page's metadata, seal placeholders, 版记 (抄送, 印发机关和印发日期) —
so it is kept, listed in 校对, and printed only if the editor says so.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Block, BlockKind, Document
from . import patterns as P
from .proofread import check_document
from .runs import MARKDOWN_HEADING, TEXT_BOX, all_bold, is_text, joined
from .split import RUN_IN_TITLE, split_run_together

_LEVEL_NAMES = {1: "一级", 2: "二级", 3: "三级", 4: "四级"}
_LIST_END = re.compile(r"[；;，,、]$")
_SUBTITLE_DONE = re.compile(r"(?:上|中|时|讲话|发言|报告|致辞)$")
_SPEECH_KINDS = {"报告", "讲话"}


@dataclass
class _Label:
    kind: BlockKind
    reason: str
    level: int = 0
    group: int = -1      # candidates with the same group ≥ 0 become one block


def recognize(paragraphs: list[Block], notes: list[Block] = ()) -> Document:
    """Candidate blocks → Document (kinds, reasons, 文种, diagnostics).

    `notes` are the source's footnotes and endnotes (NOTE text blocks, or tables and images
    inside notes), each with its reason: they are not scanned for 公文 parts — a note is never
    a title or a 落款 — but appended after the body, one block each, in the order given."""
    candidates = [b for b in paragraphs if not is_text(b) or b.text.strip()]
    scan = _Scan(split_run_together(candidates))
    start = scan.head()
    scan.closings(start)
    scan.body()
    return scan.document(list(notes))


class _Scan:
    def __init__(self, candidates: list[Block]):
        self.c = candidates
        self.n = len(candidates)
        self.labels: list[_Label | None] = [None] * self.n
        self.groups = 0

    # -- helpers -------------------------------------------------------------------
    def text(self, i: int) -> str:
        return self.c[i].text.strip() if 0 <= i < self.n and is_text(self.c[i]) else ""

    def free(self, i: int) -> bool:
        return 0 <= i < self.n and self.labels[i] is None

    def mark(self, indices: list[int], kind: BlockKind, reason: str, level: int = 0) -> None:
        group = -1
        if len(indices) > 1:
            group, self.groups = self.groups, self.groups + 1
        for i in indices:
            self.labels[i] = _Label(kind, reason, level, group)

    def kind_of(self, i: int) -> BlockKind | None:
        return self.labels[i].kind if 0 <= i < self.n and self.labels[i] else None

    def look(self, i: int) -> tuple[bool, bool, bool]:
        """What the source's formatting says about a line: centred, bold, marked as a title."""
        c = self.c[i]
        return c.align == "center", all_bold(c), c.kind in (BlockKind.HEADING, BlockKind.TITLE)

    def title_text(self) -> str:
        return "".join(self.text(i) for i in range(self.n) if self.kind_of(i) == BlockKind.TITLE)

    # -- head ----------------------------------------------------------------------
    def head(self) -> int:
        """Label what stands above the body — 登记号, 文号, 标题, 副标题, the date and speaker
        under a title, 主送 — and what the gazette does not print there (版头 marks, a web
        page's metadata, 签发人); out: the index where the body starts."""
        i, seen, authors = 0, set(), 0
        while i < self.n and not is_text(self.c[i]):
            i += 1
        first = i
        while i < self.n and is_text(self.c[i]):
            t, s = self.text(i), P.squeeze(self.text(i))
            if self.not_printed_head(i, "title" not in seen):
                pass
            elif P.REGISTRATION.match(s) and "reg" not in seen:
                self.mark([i], BlockKind.REGISTRATION, "匹配规范性文件登记号格式（如 JNCR-2020-0150004）")
                seen.add("reg")
            elif P.DOC_NUMBER.match(s) and "number" not in seen:
                self.mark([i], BlockKind.DOC_NUMBER, "匹配文号格式 X〔2020〕N号")
                seen.add("number")
            elif i == first and P.ANNEX_LABEL.match(s):
                self.mark([i], BlockKind.ANNEX_LABEL, "文首的“附件”标识：本文件是单独印发的附件，其后是它的标题")
            elif "title" not in seen and self.letter_organ(i):
                self.mark([i], BlockKind.OMITTED, "发文机关标志（信函格式：发文机关名称在文号之上，标题在文号之下），公报不印")
            elif "title" not in seen and self.title_start(i):
                i = self.title(i)
                seen.add("title")
                continue
            elif "title" in seen and "subtitle" not in seen and P.SUBTITLE.match(t):
                i = self.subtitle(i)
                seen.add("subtitle")
                continue
            elif "title" in seen and "dated" not in seen and P.TITLE_DATE.match(s) and not P.ISSUED.match(s):
                self.mark([i], BlockKind.SUBTITLE, "标题下圆括号中的日期，与副标题一样居中排")
                seen.add("dated")
            elif authors < 2 and "title" in seen and self.author_line(t, seen):
                authors += 1
                self.mark([i], BlockKind.AUTHOR, "标题下的讲话人或发文机关（署名），居中排")
            elif P.is_recipients(t):
                self.mark([i], BlockKind.RECIPIENTS, "正文前以冒号结尾的主送机关")
                return i + 1
            else:
                break
            i += 1
        return i

    def not_printed_head(self, i: int, before_title: bool) -> bool:
        """Label a head line the gazette does not print as OMITTED, with what it is; out:
        whether it was one. 版头 marks and a masthead in text boxes only stand above the
        title; a web page's metadata and the 签发人 anywhere in the head."""
        t, s = self.text(i), P.squeeze(self.text(i))
        if P.is_web_page_line(t):
            reason = "网页转换留下的页面信息（发布日期、来源等），不是公文内容，公报不印"
        elif P.SIGNER.match(t):
            reason = "签发人（上行文的版头），公报不印"
        elif before_title and P.COPY_MARKS.match(s):
            reason = f"原公文版头的{'、'.join(P.copy_mark_names(s))}，公报不印"
        elif before_title and P.LETTERHEAD.match(t):
            reason = "原公文版头的发文机关标志（“……文件”），公报不印"
        elif before_title and self.c[i].reason == TEXT_BOX and (P.is_organ_line(t) or s == "文件"):
            reason = "版头文本框中的发文机关标志，公报不印"
        else:
            return False
        self.mark([i], BlockKind.OMITTED, reason)
        return True

    def letter_organ(self, i: int) -> bool:
        """信函格式: the issuing office's name alone, the 文号 under it, the title after."""
        return (P.is_organ_line(self.text(i)) and P.is_doc_number(self.text(i + 1))
                and self.title_start(i + 2))

    def author_line(self, t: str, seen: set[str]) -> bool:
        """The speaker or the issuing organ under a speech's or a report's title (after its
        subtitle or date line, if any): 济南市市长 孙述涛, 孙述涛, 济南市司法局."""
        under = bool(seen & {"subtitle", "dated"}) or P.kind_of(self.title_text()) in _SPEECH_KINDS
        person = bool(P.PERSON.match(P.squeeze(t))) and not P.SALUTATION.match(t)
        return under and (P.is_author(t) or person or P.is_organ_line(t))

    def is_marker(self, t: str) -> bool:
        """Lines that can never continue a title: they are other 公文 parts."""
        s = P.squeeze(t)
        return bool(P.DOC_NUMBER.match(s) or P.LETTERHEAD.match(t) or P.COPY_MARKS.match(s) or P.REGISTRATION.match(s) or P.SUBTITLE.match(t)
                    or P.is_recipients(t) or P.SALUTATION.match(t) or P.DATE.match(s)
                    or P.ISSUED.match(s) or P.CHAPTER.match(t) or P.ARTICLE.match(t)
                    or P.heading_level(t) or P.ANNEX_LABEL.match(s) or P.ATTACHMENT_NOTE.match(t)
                    or P.NOTE.match(t) or P.TITLE_DATE.match(s) or P.SEAL.match(s) or P.ATTACHED_NOTE.match(s)
                    or P.SIGNER.match(t) or P.is_web_page_line(t))

    def is_head_marker(self, t: str) -> bool:
        s = P.squeeze(t)
        return bool(P.DOC_NUMBER.match(s) or P.SUBTITLE.match(t) or P.is_recipients(t)
                    or P.SALUTATION.match(t))

    def title_start(self, i: int) -> bool:
        """Can a title (or an annex title) begin at i? Long one-line titles need support:
        title formatting, a 文种 ending, or a head marker (文号, 主送…) right after."""
        t = self.text(i)
        if self.is_marker(t) or not P.is_title_like(t, 150):
            return False
        return P.is_title_like(t) or any(self.look(i)) or P.ends_with_kind(t) \
            or self.is_head_marker(self.text(i + 1)) or self.above_table(i)

    def above_table(self, i: int) -> bool:
        """A form's title: the table follows, or one 填报 line (单位：… 日期：…) and then it."""
        nxt = self.c[i + 1] if i + 1 < self.n else None
        if nxt is not None and nxt.kind == BlockKind.TABLE:
            return True
        after = self.c[i + 2] if i + 2 < self.n else None
        return after is not None and after.kind == BlockKind.TABLE and bool(re.search(r"[:：]", self.text(i + 1)))

    def title(self, i: int) -> int:
        """Label the title lines from i; out: the index after them."""
        ahead = self.marker_ahead(i + 1)
        lines = [i]
        j = i + 1
        while j < self.n and len(lines) < 8 and self.title_continues(i, j, ahead, lines):
            lines.append(j)
            j += 1
        self.mark(lines, BlockKind.TITLE, self.title_reason(lines))
        return j

    def marker_ahead(self, j: int) -> int | None:
        """The next head marker (文号, 副标题, 主送…) if only title-like lines come before it."""
        for k in range(j, min(self.n, j + 8)):
            t = self.text(k)
            if self.is_head_marker(t):
                return k
            if not P.is_title_like(t) or self.is_marker(t):
                return None
        return None

    def title_continues(self, first: int, j: int, ahead: int | None, lines: list[int]) -> bool:
        t = self.text(j)
        if not P.is_title_like(t) or self.is_marker(t) or self.look(j) != self.look(first):
            return False
        if re.search(r"[:：]", t) or self.c[j].reason == TEXT_BOX:
            return False        # a 填报单位：… line; a text box's label beside the title
        if P.is_organ_line(t) and P.ends_with_kind("".join(self.text(k) for k in lines)):
            return False        # the organ under a title that is complete: its author
        if ahead is not None:
            return j < ahead
        return not P.ends_with_kind("".join(self.text(k) for k in lines))

    def title_reason(self, lines: list[int]) -> str:
        centred, bold, hinted = self.look(lines[0])
        parts = ["位于文首"]
        parts += ["居中"] if centred else []
        parts += ["加粗"] if bold else []
        parts += ["源文件标为标题"] if hinted else []
        kind = P.kind_of("".join(self.text(k) for k in lines))
        parts += [f"以“{kind}”结尾"] if kind else []
        parts += [f"{len(lines)} 行合并为一个标题"] if len(lines) > 1 else []
        parts += [RUN_IN_TITLE] if self.c[lines[0]].reason == RUN_IN_TITLE else []
        return "，".join(parts)

    def subtitle(self, i: int) -> int:
        """The —— line and its continuation lines; out: the index after them."""
        lines = [i]
        j = i + 1
        while j < self.n and len(lines) < 4:
            t = self.text(j)
            done = _SUBTITLE_DONE.search("".join(self.text(k) for k in lines))
            if done or not P.is_title_like(t, 40) or self.is_marker(t) or P.is_author(t) \
                    or P.is_organ_line(t) or re.search(r"[:：]", t):
                break
            lines.append(j)
            j += 1
        self.mark(lines, BlockKind.SUBTITLE, "以“——”开头，紧随标题")
        return j

    # -- closings ------------------------------------------------------------------
    def closings(self, start: int) -> None:
        """Label 附件说明, seal placeholders, 附注, 落款, 成文日期, 印发, 版记, 注 and appended
        attachments' labels and titles."""
        for j in range(start, self.n):
            s = P.squeeze(self.text(j))
            if not self.free(j):
                continue
            if P.ATTACHMENT_NOTE.match(self.text(j)):
                self.attachment_note(j)
            elif P.SEAL.match(s):
                self.mark([j], BlockKind.OMITTED, "印章位置的占位文字，公报不印")
            elif P.ATTACHED_NOTE.match(s):
                self.mark([j], BlockKind.NOTE, "附注（此件公开发布、联系人等），印在成文日期之下")
        dates = [j for j in range(start, self.n) if self.free(j) and (
            P.DATE.match(P.squeeze(self.text(j))) or P.DATE_PLACEHOLDER.match(P.squeeze(self.text(j))))]
        for d in dates:
            self.mark([d], BlockKind.DATE, "成文日期（落款之后的完整日期）")
            self.signature(start, d)
        for j in range(start, self.n):
            if self.free(j) and P.ISSUED.match(P.squeeze(self.text(j))):
                self.mark([j], BlockKind.ISSUED, "匹配印发日期格式（X年X月X日印发）")
            elif self.free(j) and P.ISSUED_COLOPHON.match(self.text(j)):
                self.mark([j], BlockKind.OMITTED, "原公文版记中的印发机关和印发日期，公报不印")
            elif self.free(j) and P.ANNEX_LABEL.match(P.squeeze(self.text(j))):
                self.annex_label(j)
        closed = [j for j in range(start, self.n)
                  if self.kind_of(j) in (BlockKind.DATE, BlockKind.SIGNATURE, BlockKind.ISSUED)]
        for j in range(closed[0] if closed else self.n, self.n):
            if self.free(j):
                self.closing_line(j)

    def attachment_note(self, j: int) -> None:
        """附件：1. … and the numbered lines under it."""
        self.mark([j], BlockKind.ATTACHMENT_NOTE, "以“附件：”开头的附件说明")
        k = j + 1
        while self.free(k) and P.heading_level(self.text(k)) == 3 and len(self.text(k)) <= 60 \
                and not P.SENTENCE_END.search(self.text(k)[:-1]):
            self.mark([k], BlockKind.ATTACHMENT_NOTE, "附件说明的续行（附件序号）")
            k += 1

    def signature(self, start: int, date: int) -> None:
        """The organ-name lines (at most 6) right above a date become the 落款."""
        lines = []
        k = date - 1
        while k >= start and len(lines) < 6:
            if self.kind_of(k) == BlockKind.OMITTED and P.SEAL.match(P.squeeze(self.text(k))):
                k -= 1          # the seal stands over the 落款 and the date
                continue
            if not (self.free(k) and (
                    P.is_signature_like(self.text(k))
                    or (self.c[k].align == "right" and len(self.text(k)) <= 30 and P.is_title_like(self.text(k))))):
                break
            lines.insert(0, k)
            k -= 1
        right = all(self.c[k].align == "right" for k in lines)
        for k in lines:
            self.mark([k], BlockKind.SIGNATURE, "成文日期前的发文机关名称" + ("，右对齐" if right else ""))

    def closing_line(self, j: int) -> None:
        """A free line after the 落款/date: a 注, or the title of the document being printed."""
        t = self.text(j)
        if P.NOTE.match(t):
            self.mark([j], BlockKind.NOTE, "落款后以“注：”开头的附注")
        elif re.match(r"^抄\s*送\s*[:：]", t):
            self.mark([j], BlockKind.OMITTED, "原公文版记（抄送），公报不印")
        elif self.after_date(j) and self.title_start(j) and not P.is_signature_like(t):
            self.annex_title(j, "成文日期后所印发文件的标题")

    def after_date(self, j: int) -> bool:
        """Does j follow the 成文日期, with at most 附注 and unprinted lines between?"""
        k = j - 1
        while self.kind_of(k) in (BlockKind.NOTE, BlockKind.OMITTED):
            k -= 1
        return self.kind_of(k) == BlockKind.DATE

    def annex_label(self, j: int) -> None:
        """A line "附件" / "附件2" starts an appended attachment; its title follows."""
        self.mark([j], BlockKind.ANNEX_LABEL, "单独一行的“附件”标识，其后是附件正文")
        if self.free(j + 1) and self.title_start(j + 1):
            self.annex_title(j + 1, "“附件”标识后的附件标题")

    def annex_title(self, i: int, reason: str) -> None:
        """Title lines of an attachment or printed document from i, merged into one block."""
        lines, j = [i], i + 1
        while self.free(j) and len(lines) < 6 and P.is_title_like(self.text(j)) \
                and not self.is_marker(self.text(j)) and self.look(j) == self.look(i) \
                and not P.ends_with_kind("".join(self.text(k) for k in lines)):
            lines.append(j)
            j += 1
        self.mark(lines, BlockKind.ANNEX_TITLE, reason + (f"，{len(lines)} 行合并" if len(lines) > 1 else ""))

    # -- body ----------------------------------------------------------------------
    def body(self) -> None:
        """Everything not yet labelled: headings, chapters, list items, paragraphs."""
        self.hint_levels = self.heading_ranks()
        for j in range(self.n):
            if self.free(j):
                self.body_line(j)

    def heading_ranks(self) -> dict[int, int]:
        """Source heading level (# count, Word outline level) → 公文 level 1–4: the highest
        level among the unnumbered headings left in the body is 一级, the next 二级…"""
        levels = sorted({self.c[j].level for j in range(self.n) if self.free(j) and self.hinted_heading(j)})
        return {level: min(rank, 4) for rank, level in enumerate(levels, 1)}

    def hinted_heading(self, j: int) -> bool:
        t = self.text(j)
        return self.c[j].kind in (BlockKind.HEADING, BlockKind.TITLE) and P.is_title_like(t) \
            and not P.heading_level(t) and not P.CHAPTER.match(t) and not P.ARTICLE.match(t)

    def body_line(self, j: int) -> None:
        c, t = self.c[j], self.text(j)
        fixed = {BlockKind.TABLE: "表格", BlockKind.IMAGE: "图片", BlockKind.PAGE_BREAK: "分页",
                 BlockKind.NOTE: c.reason or "脚注"}
        if c.kind in fixed:
            self.mark([j], c.kind, fixed[c.kind])
        elif c.kind == BlockKind.LIST_ITEM:
            self.mark([j], BlockKind.LIST_ITEM, "源文件中的列表项")
        elif P.CHAPTER.match(t) and len(t) <= 30:
            self.mark([j], BlockKind.CHAPTER, f"以“{P.CHAPTER.match(t).group(0).strip()}”开头的章标题")
        elif P.ARTICLE.match(t):
            self.mark([j], BlockKind.PARAGRAPH, f"条文（{P.ARTICLE.match(t).group(0)}）")
        elif P.heading_level(t):
            self.numbered(j)
        elif self.hinted_heading(j):
            level = self.hint_levels.get(c.level, 1)
            source = f"Markdown “{'#' * c.level}” 标题" if c.reason == MARKDOWN_HEADING else "源文件标为标题"
            self.mark([j], BlockKind.HEADING, f"{source}（无编号），按层级为{_LEVEL_NAMES[level]}标题", level=level)
        elif P.SALUTATION.match(t) and len(t) <= 20:
            self.mark([j], BlockKind.PARAGRAPH, "称呼语")
        else:
            self.mark([j], BlockKind.PARAGRAPH, "正文段落")

    def numbered(self, j: int) -> None:
        """A line starting with 一、（一）1.（1）: a heading, or an item of a list of short lines."""
        t = self.text(j)
        level = P.heading_level(t)
        number = P.heading_number(t)
        if _LIST_END.search(t) and len(t) <= 100 and not P.SENTENCE_END.search(t[:-1]):
            self.mark([j], BlockKind.LIST_ITEM, f"以“{t[-1]}”结尾的编号项")
        elif self.short_item(t) and (self.neighbour_item(j, -1, level) or self.neighbour_item(j, 1, level)):
            self.mark([j], BlockKind.LIST_ITEM, "连续的编号短行（列表）")
        elif not P.SENTENCE_END.search(t[:-1]) and self.kind_of(j - 1) == BlockKind.LIST_ITEM \
                and P.heading_level(self.text(j - 1)) == level:
            self.mark([j], BlockKind.LIST_ITEM, "列表的最后一项（前项以“；”结尾）")
        else:
            form = "单独成段" if not P.SENTENCE_END.search(t[:-1]) else "段中标题，正文接排"
            self.mark([j], BlockKind.HEADING, f"以“{number}”开头的{_LEVEL_NAMES[level]}标题（{form}）",
                      level=level)

    @staticmethod
    def short_item(t: str) -> bool:
        return len(t) <= 60 and not P.SENTENCE_END.search(t[:-1]) and not t.endswith(("：", ":"))

    def neighbour_item(self, j: int, step: int, level: int) -> bool:
        """Is the next numbered line in direction `step` a short item of the same style?"""
        k = j + step
        if self.kind_of(k) in (None, BlockKind.PARAGRAPH) and 0 < len(self.text(k)) <= 12 \
                and not P.heading_level(self.text(k)):
            k += step   # a fragment left by a page break inside a list item
        if not (0 <= k < self.n) or self.kind_of(k) not in (None, BlockKind.LIST_ITEM):
            return False
        t = self.text(k)
        return P.heading_level(t) == level and (self.short_item(t) or bool(_LIST_END.search(t)))

    # -- result --------------------------------------------------------------------
    def document(self, notes: list[Block]) -> Document:
        blocks: list[Block] = []
        markdown: list[int] = []        # blocks that are Markdown `#` headings
        k = 0
        while k < self.n:
            label = self.labels[k]
            end = k + 1
            while label.group >= 0 and end < self.n and self.labels[end].group == label.group:
                end += 1
            if label.kind == BlockKind.HEADING and self.c[k].reason == MARKDOWN_HEADING:
                markdown.append(len(blocks))
            blocks.append(_block(self.c[k:end], label))
            k = end
        blocks += [_note(b) for b in notes]
        doc = Document(blocks=blocks, kind=P.kind_of(_first(blocks, BlockKind.TITLE)))
        if markdown and not any(P.heading_level(blocks[k].text) for k in markdown):
            doc.unnumbered_headings = markdown     # numbered by level (headingnumbers) unless turned off
        doc.diagnostics = check_document(doc)
        return doc


def _first(blocks: list[Block], kind: BlockKind) -> str:
    return next((b.text for b in blocks if b.kind == kind), "")


def _note(source: Block) -> Block:
    kind = source.kind if not is_text(source) else BlockKind.NOTE
    return Block(kind=kind, runs=list(source.runs), rows=[list(r) for r in source.rows], spans=list(source.spans),
                 cell_images=list(source.cell_images), image=source.image,
                 image_size=source.image_size,
                 reason=source.reason or "脚注")


def _block(sources: list[Block], label: _Label) -> Block:
    first = sources[0]
    runs = joined(sources)
    # Only a deliberate centring/right alignment of ordinary text is kept; every other kind
    # is placed by the layout's rule for it.
    align = first.align if label.kind in (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM) \
        and first.align in ("center", "right") else ""
    return Block(kind=label.kind, runs=runs if is_text(first) else [], level=label.level, align=align,
                 rows=[list(r) for r in first.rows], spans=list(first.spans), cell_images=list(first.cell_images),
                 image=first.image,
                 image_size=first.image_size, reason=label.reason)
