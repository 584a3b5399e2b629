"""Footnotes and endnotes: their printed marks, and their text as NOTE blocks.

in: the document's settings part and last section properties (for the mark formats), then,
in reference order, (kind, id) of each footnoteReference / endnoteReference; out: the mark
Word prints for each (1, 2… for footnotes and i, ii… for endnotes unless the document sets
another w:numFmt / w:numStart), and after the body the notes themselves as candidate blocks
(kind NOTE, reason "脚注 1" / "尾注 i") with one INFO diagnostic per note listing it.
"""
from __future__ import annotations

from lxml import etree

from ..model import Block, BlockKind, Diagnostic, Severity
from .docx_numbering import format_number
from .docx_styles import parse_int, w, wval

KINDS = ("footnote", "endnote")
_NAMES = {"footnote": "脚注", "endnote": "尾注"}
_DEFAULT_FORMAT = {"footnote": "decimal", "endnote": "lowerRoman"}   # Word's defaults


class NoteMarks:
    """Counters and formats of the two note kinds, advanced in reference order."""

    def __init__(self, settings: etree._Element | None, sect_pr: etree._Element | None):
        self.fmt = dict(_DEFAULT_FORMAT)
        self.start = {kind: 1 for kind in KINDS}
        self.count = {kind: 0 for kind in KINDS}
        for source in (settings, sect_pr):      # the section's own setting wins
            for kind in KINDS if source is not None else ():
                props = source.find(w(f"{kind}Pr"))
                if props is None:
                    continue
                self.fmt[kind] = wval(props.find(w("numFmt")), self.fmt[kind]) or self.fmt[kind]
                self.start[kind] = parse_int(wval(props.find(w("numStart"))), self.start[kind])

    def numbers_like(self, other: "NoteMarks") -> bool:
        """Do both number the notes the same way (format and first number of each kind)?"""
        return (self.fmt, self.start) == (other.fmt, other.start)

    def next(self, kind: str) -> str:
        """The mark of the next reference of `kind`."""
        value = self.start[kind] + self.count[kind]
        self.count[kind] += 1
        return format_number(value, self.fmt[kind])


def read_notes(reader, refs: list[tuple[str, str, str]]) -> tuple[list[Block], list[Diagnostic]]:
    """The referenced notes, in reference order → (candidate blocks, INFO diagnostics whose
    `block` is the index of the note's first block in the returned list).

    `reader` is the DocxReader (its `collect` reads a note's paragraphs like the body's);
    `refs` holds (kind, w:id, printed mark) per reference."""
    blocks: list[Block] = []
    found: list[Diagnostic] = []
    parts = {kind: reader.pkg.related(reader.main, f"/{kind}s") for kind in KINDS}
    notes = {kind: _by_id(reader.xml(part), kind) for kind, part in parts.items() if part}
    seen: set[tuple[str, str]] = set()
    k = 0
    while k < len(refs):   # a note may refer to another note (refs grows): each is read once
        kind, nid, mark = refs[k]
        k += 1
        note = notes.get(kind, {}).get(nid)
        if note is None or (kind, nid) in seen:
            continue
        seen.add((kind, nid))
        reader.part, reader.note_mark = parts[kind], mark
        label = f"{_NAMES[kind]} {mark}" if mark else f"{_NAMES[kind]}（自定义标记）"
        first = len(blocks)
        for block in reader.collect(note):
            if block.kind not in (BlockKind.TABLE, BlockKind.IMAGE, BlockKind.PAGE_BREAK):
                block.kind = BlockKind.NOTE
            block.reason = label if len(blocks) == first else f"{label}（续）"
            blocks.append(block)
        text = " ".join(b.text for b in blocks[first:] if b.kind == BlockKind.NOTE)
        found.append(Diagnostic(Severity.INFO, kind, f"{label}：{_short(text)}（已作为注释排在文末）",
                                block=first if len(blocks) > first else None))
    reader.part, reader.note_mark = reader.main, ""
    return blocks, found


def _by_id(root: etree._Element, kind: str) -> dict[str, etree._Element]:
    return {n.get(w("id")): n for n in root.findall(w(kind)) if n.get(w("type")) in (None, "normal")}


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit] + "…"
