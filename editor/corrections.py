"""The editor's corrections, anchored to the paragraph they correct, not to its number.

in: a document as received and a DocumentRef's corrections; out: each correction pointed at
the block whose received text is its `original` (its `block` is only a hint: where it was
last found), the document with the found ones applied, and the ones whose paragraph is gone
from the source marked `stale` — applied nowhere, reported as errors for the editor to
re-apply or drop. A correction without `original` (an issue file of format 1) is anchored
to the block it points at when first read. Pure: model only.
"""
from __future__ import annotations

import dataclasses

from .model import Block, BlockKind, Correction, Diagnostic, Document, Run, Severity

FIELDS = ("kind", "level", "text")
STALE = "源文件已修改，此处修改无法对应"


def anchor(blocks: list[Block], corrections: list[Correction]) -> None:
    """Set each correction's `block` to where its paragraph is now, or mark it stale.

    A correction whose hint still holds its text stays; the others take the nearest block
    with the same text that no other correction holds (so two corrections of two equal
    paragraphs keep to one each)."""
    texts = [b.text for b in blocks]
    held: set[int] = set()
    moving = []
    for c in corrections:
        at_hint = 0 <= c.block < len(texts)
        if c.original is None and at_hint:
            c.original = texts[c.block]          # format 1: anchored where it points on first read
        if at_hint and texts[c.block] == c.original:
            c.stale = False
            held.add(c.block)
        else:
            moving.append(c)
    for c in moving:
        found = [i for i, t in enumerate(texts) if t == c.original and i not in held] \
            if c.original is not None else []
        c.stale = not found
        if found:
            c.block = min(found, key=lambda i: (abs(i - c.block), i))
            held.add(c.block)


def apply_corrections(doc: Document, corrections: list[Correction]) -> None:
    """Anchor the corrections to `doc` as received, apply the found ones (in place), and add
    one ERROR diagnostic per stale one."""
    anchor(doc.blocks, corrections)
    for c in corrections:
        if c.stale:
            doc.diagnostics.append(stale_diagnostic(c))
            continue
        block = doc.blocks[c.block]
        if c.kind:
            block.kind = BlockKind(c.kind)
            block.reason = "编辑修改"
        if c.level is not None:
            block.level = c.level
        if c.text is not None:
            bold = bool(block.runs and all(r.bold for r in block.runs))
            block.runs = [Run(c.text, bold=bold)]


def _short(text: str, width: int = 30) -> str:
    text = text.replace("\n", " ")
    return text if len(text) <= width else text[:width] + "…"


def stale_diagnostic(c: Correction) -> Diagnostic:
    """The 校对 error for a correction whose paragraph is gone: what it corrected and how."""
    was = f"原文“{_short(c.original)}”" if c.original is not None else f"原第 {c.block + 1} 段"
    if c.text is not None:
        what = f"{was}改为“{_short(c.text)}”"
    else:
        what = f"{was}的类型或级别修改"
    return Diagnostic(Severity.ERROR, "stale-correction", f"{STALE}：{what}")


def stale(corrections: list[Correction]) -> list[tuple[int, Correction]]:
    """out: (index in the list, correction) for each correction applied nowhere."""
    return [(n, c) for n, c in enumerate(corrections) if c.stale]


def set_correction(corrections: list[Correction], block: int, changes: dict,
                   received: Block | None) -> list[Correction]:
    """Set fields of the correction on `block` (a value of None: back to as received).

    in: a ref's corrections, a block index, field → value and that block as received;
    out: a new list with one correction per block, anchored to the received text, none
    that only repeats what was received, stale ones kept as they are."""
    at = next((n for n, c in enumerate(corrections) if c.block == block and not c.stale), None)
    entry = dataclasses.replace(corrections[at]) if at is not None else Correction(block)
    for name, value in changes.items():
        if name not in FIELDS:
            raise ValueError(name)
        setattr(entry, name, value)
    if received is not None:
        entry.original = received.text
        if entry.kind == received.kind.value:
            entry.kind = None
        if entry.level == received.level:
            entry.level = None
        if entry.text == received.text:
            entry.text = None
    rest = [dataclasses.replace(c) for n, c in enumerate(corrections) if n != at]
    if any(getattr(entry, f) is not None for f in FIELDS):
        rest.append(entry)
    return sorted(rest, key=lambda c: c.block)


def reapply(corrections: list[Correction], index: int, block: int,
            received: Block | None) -> list[Correction]:
    """A stale correction's changes put on `block` instead; out: the new list (without it)."""
    moved = corrections[index]
    rest = corrections[:index] + corrections[index + 1:]
    return set_correction(rest, block, {f: getattr(moved, f) for f in FIELDS
                                        if getattr(moved, f) is not None}, received)


def dropped(corrections: list[Correction], index: int) -> list[Correction]:
    """out: the list without the correction at `index`."""
    return [dataclasses.replace(c) for n, c in enumerate(corrections) if n != index]
