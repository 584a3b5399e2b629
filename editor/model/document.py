"""A 公文 as an ordered list of blocks.

Every element of a document, title and 文号 included, is a Block with a kind, in the order
it arrived. Recognition only assigns kinds; an editor's correction only changes a kind,
level or text. So nothing can be lost between import and print, and the fields an app
needs (title, 文号, 落款…) are read from the blocks.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from .diagnostics import Diagnostic


class BlockKind(str, Enum):
    REGISTRATION = "registration"   # 规范性文件登记号 JNCR-2020-0150004, above the title
    TITLE = "title"                 # 标题 (one block; may be several lines)
    SUBTITLE = "subtitle"           # ——2020年5月12日在…会议上
    AUTHOR = "author"               # speaker line: 济南市市长 孙述涛
    DOC_NUMBER = "doc_number"       # 文号: 济政办字〔2020〕20号
    RECIPIENTS = "recipients"       # 主送: 各区县人民政府，市政府各部门（单位）：
    PARAGRAPH = "paragraph"         # body text, first line indented
    HEADING = "heading"             # 一、/（一）/1./（1）: `level` 1–4
    CHAPTER = "chapter"             # 第一章 总则 (regulations), centred
    LIST_ITEM = "list_item"         # item of a list (names, （一）… inside an article)
    TABLE = "table"                 # simple table: `rows` of cell texts
    IMAGE = "image"                 # picture: `image` holds the bytes
    PAGE_BREAK = "page_break"       # explicit page break
    ATTACHMENT_NOTE = "attachment_note"  # 附件说明: 附件：1. …
    SIGNATURE = "signature"         # 落款 line (organ name), right-aligned
    DATE = "date"                   # 成文日期
    ANNEX_LABEL = "annex_label"     # 附件 / 附件1 heading of an appended attachment
    ANNEX_TITLE = "annex_title"     # title of an appended attachment or printed plan
    ISSUED = "issued"               # （2020年5月13日印发）
    NOTE = "note"                   # 注：本文附件详见…
    OMITTED = "omitted"             # kept but not printed, by the editor's choice (红头, 抄送…)


@dataclass
class Run:
    """Text with one character style."""
    text: str
    bold: bool = False
    italic: bool = False
    script: str = ""   # "" | "sub" | "sup"


@dataclass(frozen=True)
class CellImage:
    """A picture inside a table cell: it prints in that cell, after the cell's text."""
    row: int
    col: int
    image: bytes
    size: tuple[float, float] | None = None   # width, height in pt as the source sets it


@dataclass
class Block:
    kind: BlockKind
    runs: list[Run] = field(default_factory=list)
    level: int = 0                 # heading level 1–4 (HEADING only)
    align: str = ""                # "" = the layout's default for the kind; else left/center/right/justify
    rows: list[list[str]] = field(default_factory=list)   # TABLE: cell texts, row by row
    # TABLE: merged cells as (row, col, rows, cols) — the text in rows[row][col], the other
    # cells of the merge "" — and pictures that sit in cells.
    spans: list[tuple[int, int, int, int]] = field(default_factory=list)
    cell_images: list[CellImage] = field(default_factory=list)
    image: bytes | None = None     # IMAGE
    image_size: tuple[float, float] | None = None   # IMAGE: width, height in pt as the source sets it
    reason: str = ""               # why recognition chose this kind (shown to the editor)

    @property
    def text(self) -> str:
        if self.kind == BlockKind.TABLE:
            return "\n".join("\t".join(row) for row in self.rows)
        return "".join(r.text for r in self.runs)

    @classmethod
    def of(cls, kind: BlockKind, text: str, **kw) -> "Block":
        return cls(kind=kind, runs=[Run(text)] if text else [], **kw)


@dataclass
class Document:
    blocks: list[Block] = field(default_factory=list)
    kind: str = ""          # 文种: 报告, 通知, 通报, 意见, 办法… ("" = unknown)
    source: str = ""        # source file path (relative to the issue file when in an issue)
    encoding: str = ""      # detected text encoding of a text source, reported to the editor
    diagnostics: list[Diagnostic] = field(default_factory=list)   # found while importing
    lines_per_column: int = 0   # 每栏行数 the editor set for this document (0 = the layout's)
    # Blocks that are Markdown `#` headings of a document that numbers none of them: they
    # are given the 公文 number of their level (一、（一）1.（1）) unless the editor turns it off.
    unnumbered_headings: list[int] = field(default_factory=list)

    def texts(self, kind: BlockKind) -> list[str]:
        return [b.text for b in self.blocks if b.kind == kind]

    def first(self, kind: BlockKind) -> str:
        found = self.texts(kind)
        return found[0] if found else ""

    @property
    def title(self) -> str:
        """The title as one string (line breaks inside the title block removed)."""
        return self.first(BlockKind.TITLE).replace("\n", "")

    @property
    def title_lines(self) -> list[str]:
        """The title's lines as received (a title block may hold line breaks)."""
        return self.first(BlockKind.TITLE).split("\n") if self.first(BlockKind.TITLE) else []

    @property
    def subtitle(self) -> str:
        return self.first(BlockKind.SUBTITLE)

    @property
    def doc_number(self) -> str:
        return self.first(BlockKind.DOC_NUMBER)

    @property
    def author(self) -> str:
        return self.first(BlockKind.AUTHOR)

    @property
    def recipients(self) -> str:
        return self.first(BlockKind.RECIPIENTS)

    @property
    def signature(self) -> list[str]:
        return self.texts(BlockKind.SIGNATURE)

    @property
    def date(self) -> str:
        return self.first(BlockKind.DATE)

    @property
    def issued(self) -> str:
        return self.first(BlockKind.ISSUED)

    @property
    def attachments(self) -> list[str]:
        return self.texts(BlockKind.ATTACHMENT_NOTE)

    @property
    def registration(self) -> str:
        return self.first(BlockKind.REGISTRATION)

    @property
    def text(self) -> str:
        """Every character of the document, in order (for the nothing-lost checks)."""
        return "".join(b.text for b in self.blocks)
