"""Turns the panels' intents into undo commands on the open issue.

in: an IssueSession and what the editor asked for (files dropped, a move, a correction,
a field typed); out: commands pushed on session.undo, or the signal problem(message)
when a request cannot be done (a file that cannot be imported, a duplicate).
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QApplication

from ..model import DocumentRef
from ..oserrors import os_message
from ..received import copy_in, listed_as
from . import commands as cmd
from .session import import_source


class Editing(QObject):
    problem = Signal(str)

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session

    def push(self, command) -> None:
        self.session.undo.push(command)

    # -- documents -----------------------------------------------------------------------
    def add_files(self, si: int, di: int, paths: list[str]) -> list[DocumentRef]:
        """Import files into section `si` at `di`, copying those from outside the issue's
        folder into its docs/ (received.copy_in); out: the refs added (one undo step)."""
        if not 0 <= si < len(self.session.issue.sections):
            self.problem.emit("请先新建一个栏目，再添加文件")
            return []
        folder = self.session.folder
        known = [ref.source for _s, ref in self.session.issue.refs()]
        refs, problems = [], []
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            for path in paths:
                same = listed_as(path, folder, known)
                if same:
                    problems.append(f"{Path(path).name}：已在本期中（{same}）")
                    continue
                try:
                    document = import_source(Path(path))
                except Exception as e:   # noqa: BLE001 — an importer's refusal, shown as it is
                    problems.append(str(e) or f"{Path(path).name}：无法导入（{type(e).__name__}）")
                    continue
                try:
                    source = copy_in(path, folder)
                except OSError as e:
                    problems.append(os_message(e, path, "无法复制到期刊文件夹"))
                    continue
                self.session.raw[source] = document
                ref = DocumentRef(source)
                self.session.load_ref(ref)
                known.append(source)
                refs.append(ref)
        finally:
            QApplication.restoreOverrideCursor()
        if refs:
            self.push(cmd.AddDocuments(self.session, si, di, refs))
        if problems:
            self.problem.emit("\n".join(problems))
        return refs

    def move_document(self, src: tuple[int, int], dst: tuple[int, int]) -> None:
        self.push(cmd.MoveDocument(self.session, src, dst))

    def move_to_section(self, ref: DocumentRef, si: int) -> None:
        """Put a document at the end of another section."""
        where = self.session.locate(ref)
        if where and where[0] != si:
            self.move_document(where, (si, len(self.session.issue.sections[si].documents)))

    def remove(self, key) -> None:
        """in: the tree's current key, ('doc', ref) or ('section', section)."""
        if key is None:
            return
        if key[0] == "doc":
            where = self.session.locate(key[1])
            if where:
                self.push(cmd.RemoveDocument(self.session, *where))
            return
        si = next((n for n, s in enumerate(self.session.issue.sections) if s is key[1]), None)
        if si is not None:
            self.push(cmd.RemoveSection(self.session, si))

    # -- sections ------------------------------------------------------------------------
    def add_section(self, si: int, name: str) -> None:
        self.push(cmd.AddSection(self.session, si, name))

    def move_section(self, src: int, dst: int) -> None:
        self.push(cmd.MoveSection(self.session, src, dst))

    def rename_section(self, si: int, name: str) -> None:
        self.push(cmd.RenameSection(self.session, si, name))

    # -- corrections and fields ----------------------------------------------------------
    def correct(self, ref: DocumentRef, block: int, changes: dict) -> None:
        self.push(cmd.CorrectBlock(self.session, ref, block, **changes))

    def reapply_correction(self, ref: DocumentRef, index: int, block: int) -> None:
        """A correction that lost its paragraph goes onto `block` (chosen by the editor)."""
        self.push(cmd.ReapplyCorrection(self.session, ref, index, block))

    def drop_correction(self, ref: DocumentRef, index: int) -> None:
        self.push(cmd.DropCorrection(self.session, ref, index))

    def set_kind(self, ref: DocumentRef, kind: str) -> None:
        self.push(cmd.SetDocumentKind(self.session, ref, kind))

    def set_lines(self, ref: DocumentRef, lines: int) -> None:
        if lines != ref.lines_per_column:
            self.push(cmd.SetLinesPerColumn(self.session, ref, lines))

    def set_heading_numbers(self, ref: DocumentRef, on: bool) -> None:
        self.push(cmd.SetHeadingNumbers(self.session, ref, on))

    def replace_texts(self, changes: list, label: str) -> None:
        """in: (ref, block, new text) for each block, and what to call the step; out: the
        texts stored as corrections — one undo step however many blocks (查找/替换)."""
        undo = self.session.undo
        undo.beginMacro(label)
        try:
            for ref, block, text in changes:
                self.push(cmd.CorrectBlock(self.session, ref, block, text=text))
        finally:
            undo.endMacro()

    def set_meta(self, name: str, value) -> None:
        self.push(cmd.SetMeta(self.session, name, value))

    def ignore(self, keys: list, ignore: bool) -> None:
        """Mark these 校对 items (IgnoredProblem keys) 忽略, or list them again."""
        now = self.session.issue.ignored
        if ignore:
            new = now + [k for k in dict.fromkeys(keys) if k not in now]
            label = f"忽略 {len(new) - len(now)} 个校对问题"
        else:
            new = [k for k in now if k not in keys]
            label = f"取消忽略 {len(now) - len(new)} 个校对问题"
        if new != now:
            self.push(cmd.SetIgnored(self.session, new, label))

    # -- moving with the keyboard or the tree's menu ------------------------------------------
    def move_by(self, key, step: int) -> None:
        """Move the tree's current document or 栏目 (its key) one place up (-1) or down (+1);
        a document at the edge of its 栏目 goes on into the neighbouring one."""
        sections = self.session.issue.sections
        if key is None:
            return
        if key[0] == "section":
            si = next((n for n, s in enumerate(sections) if s is key[1]), None)
            if si is not None and 0 <= si + step < len(sections):
                self.move_section(si, si + 2 if step > 0 else si - 1)
            return
        where = self.session.locate(key[1])
        if where is None:
            return
        si, di = where
        if step < 0 and di > 0:
            self.move_document(where, (si, di - 1))
        elif step < 0 and si > 0:
            self.move_document(where, (si - 1, len(sections[si - 1].documents)))
        elif step > 0 and di + 1 < len(sections[si].documents):
            self.move_document(where, (si, di + 2))
        elif step > 0 and si + 1 < len(sections):
            self.move_document(where, (si + 1, 0))
