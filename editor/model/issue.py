"""An issue of the gazette: metadata, back-page texts, and 栏目 holding documents in order."""
from __future__ import annotations

from dataclasses import dataclass, field

from .diagnostics import IgnoredProblem
from .document import Document


@dataclass
class Correction:
    """An editor's change to one recognised block, kept in the issue file, never in the source.

    The block is found again by `original` (its text as received), so a correction follows
    its paragraph when the source is revised; `block` is where it was last found (a hint).
    """
    block: int                 # index into Document.blocks as imported, where last found
    kind: str | None = None    # new BlockKind value
    level: int | None = None   # new heading level
    text: str | None = None    # corrected text (a typo in a submission)
    original: str | None = None   # the block's text as received (None: not yet anchored)
    stale: bool = False        # its paragraph is no longer in the source: applied nowhere (not stored)


@dataclass
class DocumentRef:
    """A document as the issue file holds it: where it comes from and what the editor changed."""
    source: str                               # path relative to the issue file
    kind: str | None = None                   # 文种 override
    corrections: list[Correction] = field(default_factory=list)
    document: Document | None = None          # the imported document, corrections applied
    lines_per_column: int = 0                 # 每栏行数 for this document; 0 = the layout's
    heading_numbers: bool = True              # number unnumbered Markdown `#` headings by level


@dataclass
class Section:
    """A 栏目, e.g. 市政府办公厅文件 (printed as 【市政府办公厅文件】)."""
    name: str
    documents: list[DocumentRef] = field(default_factory=list)


@dataclass
class Issue:
    name: str = "济南市人民政府公报"   # 刊名
    year: int = 0
    number: int = 0                    # 期
    total_number: int = 0              # 总期
    date: str = ""                     # publication date, ISO: 2020-05-20
    sponsor: str = ""                  # 主管主办
    publisher: str = ""                # 编辑出版
    printer: str = ""                  # 印刷单位
    internal_number: str = ""          # 内部刊号 / 准印证号
    address: str = ""
    postcode: str = ""
    phone: str = ""
    website: str = ""
    email: str = ""
    intro_title: str = ""              # 《济南市人民政府公报》简介
    intro: list[str] = field(default_factory=list)   # back-page 简介 paragraphs
    layout: str = "jinan-gazette"      # name of a layout spec in layouts/
    previous_total: int = 0            # 总期号 of the issue this one was made from (0: none)
    sections: list[Section] = field(default_factory=list)
    ignored: list[IgnoredProblem] = field(default_factory=list)   # 校对 items marked 忽略

    def documents(self) -> list[Document]:
        """Imported documents in print order (sections in order, documents in order)."""
        return [ref.document for s in self.sections for ref in s.documents if ref.document]

    def refs(self) -> list[tuple[Section, DocumentRef]]:
        return [(s, ref) for s in self.sections for ref in s.documents]
