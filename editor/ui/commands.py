"""Every edit the editor can make, as an undoable command on an IssueSession.

in: a session and what to change; out: QUndoCommands to push on session.undo. Each command
keeps what it needs to undo itself and changes the session only through its methods, so
the panels hear about it through the session's signals.
"""
from __future__ import annotations

import dataclasses

from PySide6.QtGui import QUndoCommand

from ..corrections import dropped, reapply, set_correction
from ..model import Correction, DocumentRef, Section
from .labels import META_LABELS

_META_ID = 1001


class SetMeta(QUndoCommand):
    """Change one issue field; successive edits of the same field merge into one step."""

    def __init__(self, session, name: str, value):
        super().__init__(f"修改{META_LABELS.get(name, name)}")
        self.session, self.name = session, name
        self.old, self.new = getattr(session.issue, name), value

    def id(self) -> int:
        return _META_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SetMeta) or other.name != self.name:
            return False
        self.new = other.new
        return True

    def redo(self):
        self.session.set_meta(self.name, self.new)

    def undo(self):
        self.session.set_meta(self.name, self.old)


def received_block(session, ref: DocumentRef, block: int):
    """out: block `block` of ref's document as received, or None (not imported, out of range)."""
    raw = session.raw_document(ref)
    return raw.blocks[block] if raw and 0 <= block < len(raw.blocks) else None


class _SetCorrections(QUndoCommand):
    """Replace a ref's corrections by `new` (undo: back to what they were)."""

    def __init__(self, text: str, session, ref: DocumentRef, new: list[Correction]):
        super().__init__(text)
        self.session, self.ref = session, ref
        self.old = [dataclasses.replace(c) for c in ref.corrections]
        self.new = new

    def redo(self):
        self.session.set_corrections(self.ref, self.new, self.ref.kind)

    def undo(self):
        self.session.set_corrections(self.ref, self.old, self.ref.kind)


class CorrectBlock(_SetCorrections):
    """Correct a block's kind, level or text (None in `changes` = back to as received):
    the one way to set a correction on block `block` of `ref`."""

    def __init__(self, session, ref: DocumentRef, block: int, **changes):
        names = {"kind": "类型", "level": "级别", "text": "文字"}
        what = "、".join(names[k] for k in changes)
        new = set_correction(ref.corrections, block, changes, received_block(session, ref, block))
        super().__init__(f"修改第 {block + 1} 段{what}", session, ref, new)


class ReapplyCorrection(_SetCorrections):
    """Put a correction that no longer finds its paragraph onto block `block` instead."""

    def __init__(self, session, ref: DocumentRef, index: int, block: int):
        new = reapply(ref.corrections, index, block, received_block(session, ref, block))
        super().__init__(f"将修改重新应用到第 {block + 1} 段", session, ref, new)


class DropCorrection(_SetCorrections):
    """Drop a correction (one whose paragraph is gone from the source)."""

    def __init__(self, session, ref: DocumentRef, index: int):
        super().__init__("放弃无法对应的修改", session, ref, dropped(ref.corrections, index))


class SetDocumentKind(QUndoCommand):
    """Override a document's 文种 ('' = as recognised)."""

    def __init__(self, session, ref: DocumentRef, kind: str):
        super().__init__("修改文种")
        self.session, self.ref = session, ref
        self.old, self.new = ref.kind, (kind or None)

    def redo(self):
        self.session.set_corrections(self.ref, self.ref.corrections, self.new)

    def undo(self):
        self.session.set_corrections(self.ref, self.ref.corrections, self.old)


class SetLinesPerColumn(QUndoCommand):
    """A document's own 每栏行数 — the editor's way to fit a document to its pages (0 = the
    layout's)."""

    def __init__(self, session, ref: DocumentRef, lines: int):
        super().__init__("修改每栏行数")
        self.session, self.ref = session, ref
        self.old, self.new = ref.lines_per_column, lines

    def redo(self):
        self.session.set_lines_per_column(self.ref, self.new)

    def undo(self):
        self.session.set_lines_per_column(self.ref, self.old)


class SetHeadingNumbers(QUndoCommand):
    """Number a Markdown document's unnumbered `#` headings by level, or print them as sent."""

    def __init__(self, session, ref: DocumentRef, on: bool):
        super().__init__("给 # 标题加编号" if on else "不给 # 标题加编号")
        self.session, self.ref, self.on = session, ref, on

    def redo(self):
        self.session.set_heading_numbers(self.ref, self.on)

    def undo(self):
        self.session.set_heading_numbers(self.ref, not self.on)


class SetIgnored(QUndoCommand):
    """Mark 校对 items 忽略, or list them again (the whole list before and after)."""

    def __init__(self, session, ignored: list, label: str):
        super().__init__(label)
        self.session = session
        self.old, self.new = list(session.issue.ignored), list(ignored)

    def redo(self):
        self.session.set_ignored(self.new)

    def undo(self):
        self.session.set_ignored(self.old)


class MoveDocument(QUndoCommand):
    """Move a document to (section, index); the index counts positions before the move."""

    def __init__(self, session, src: tuple[int, int], dst: tuple[int, int]):
        super().__init__("移动文件")
        self.session = session
        si, di = src
        ti, tj = dst
        if si == ti and tj > di:
            tj -= 1          # the document leaves its place before it is inserted
        self.src, self.dst = (si, di), (ti, tj)

    def redo(self):
        self.session.move_document(self.src, self.dst)

    def undo(self):
        self.session.move_document(self.dst, self.src)


class MoveSection(QUndoCommand):
    """Move a 栏目 to position `dst` (counted before the move)."""

    def __init__(self, session, src: int, dst: int):
        super().__init__("移动栏目")
        self.session = session
        self.src, self.dst = src, (dst - 1 if dst > src else dst)

    def redo(self):
        self.session.move_section(self.src, self.dst)

    def undo(self):
        self.session.move_section(self.dst, self.src)


class AddDocuments(QUndoCommand):
    """Insert new documents (already imported or failed) into a section at an index."""

    def __init__(self, session, si: int, di: int, refs: list[DocumentRef]):
        super().__init__(f"添加 {len(refs)} 个文件")
        self.session, self.si, self.di, self.refs = session, si, di, refs

    def redo(self):
        for n, ref in enumerate(self.refs):
            self.session.insert_document(self.si, self.di + n, ref)

    def undo(self):
        for _ref in self.refs:
            self.session.take_document(self.si, self.di)


class RemoveDocument(QUndoCommand):
    def __init__(self, session, si: int, di: int):
        super().__init__("移除文件")
        self.session, self.si, self.di = session, si, di
        self.ref: DocumentRef | None = None

    def redo(self):
        self.ref = self.session.take_document(self.si, self.di)

    def undo(self):
        self.session.insert_document(self.si, self.di, self.ref)


class AddSection(QUndoCommand):
    def __init__(self, session, si: int, name: str):
        super().__init__("新建栏目")
        self.session, self.si, self.section = session, si, Section(name)

    def redo(self):
        self.session.insert_section(self.si, self.section)

    def undo(self):
        self.session.take_section(self.si)


class RemoveSection(QUndoCommand):
    """Remove a 栏目 with its documents (undo puts both back)."""

    def __init__(self, session, si: int):
        super().__init__("删除栏目")
        self.session, self.si = session, si
        self.section: Section | None = None

    def redo(self):
        self.section = self.session.take_section(self.si)

    def undo(self):
        self.session.insert_section(self.si, self.section)


class RenameSection(QUndoCommand):
    def __init__(self, session, si: int, name: str):
        super().__init__("重命名栏目")
        self.session, self.si = session, si
        self.old, self.new = session.issue.sections[si].name, name

    def redo(self):
        self.session.rename_section(self.si, self.new)

    def undo(self):
        self.session.rename_section(self.si, self.old)
