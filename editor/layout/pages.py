"""What the layout engine produces: positioned pages that every renderer draws the same way.

Coordinates are PDF points with the origin at the TOP-LEFT of the page and y growing
downwards (as on screen); the PDF renderer flips y. A TextLine's `y` is its baseline.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Diagnostic


@dataclass(frozen=True)
class TextLine:
    """Characters on one baseline, each drawn at its own x (justification is already in xs)."""
    text: str
    xs: tuple[float, ...]      # absolute x of each character's draw origin
    y: float                   # baseline
    font: str                  # font role (a key of LayoutResult.fonts)
    size: float
    doc: int | None = None     # document index, for click → block and the proofreading links
    block: int | None = None   # block index in that document
    color: str = "black"       # black | red
    rise: float = 0.0          # baseline shift (sub/superscript), positive = up
    hidden: bool = False       # text only (extractable, searchable): a rule draws it (——)

    @property
    def right(self) -> float:
        """Right edge of the last character's em box (for highlights and hit tests)."""
        return self.xs[-1] + self.size if self.xs else 0.0


@dataclass(frozen=True)
class Rule:
    x1: float
    y1: float
    x2: float
    y2: float
    width: float = 0.5
    color: str = "black"


@dataclass(frozen=True)
class Link:
    """A clickable area that jumps to another page (TOC entries)."""
    x1: float
    y1: float
    x2: float
    y2: float
    target_page: int           # physical page index (0-based)


@dataclass(frozen=True)
class ImageBox:
    x: float
    y: float                   # top edge
    width: float
    height: float
    data: bytes
    doc: int | None = None
    block: int | None = None


@dataclass(frozen=True)
class QRCode:
    """A QR code encoding `text` in a square box, its quiet zone included. The engine only
    reserves the box; each renderer draws the same modules (editor/render/qrmodules.py)."""
    x: float
    y: float                   # top edge
    size: float                # side of the box
    text: str


@dataclass
class Page:
    index: int                         # physical page, 0-based
    kind: str                          # cover | toc | body | blank | back
    folio: int | None = None           # printed page number, if any
    doc: int | None = None             # document this page belongs to
    lines: list[TextLine] = field(default_factory=list)
    rules: list[Rule] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    images: list[ImageBox] = field(default_factory=list)
    codes: list[QRCode] = field(default_factory=list)

    @property
    def number(self) -> int:
        return self.index + 1


@dataclass(frozen=True)
class Bookmark:
    title: str
    level: int                 # 0 = section (栏目), 1 = document
    page: int                  # physical page index
    y: float                   # top of the target on that page


@dataclass
class LayoutResult:
    pages: list[Page]
    width: float
    height: float
    fonts: dict                            # role → FontFace (path etc.), for the renderers
    bookmarks: list[Bookmark] = field(default_factory=list)
    doc_pages: list[int] = field(default_factory=list)   # first physical page index per document
    diagnostics: list[Diagnostic] = field(default_factory=list)
    passes: int = 1                        # TOC fixpoint passes used
