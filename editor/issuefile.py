"""The issue file (issue.json): metadata, 栏目, document order, sources and corrections.

in: a path; out: an Issue whose DocumentRefs are not yet imported (see pipeline.load_issue).
Format 2 stores with each correction the text it corrects (`original`), so it can be
found again when the source changes (editor/corrections.py); format 1 files still open,
their corrections are anchored when first imported. Writes are atomic: a temporary file
beside the target, fsync, rename. A broken file or an unknown (or newer) format version
raises IssueFileError with a Chinese message and changes nothing.
"""
from __future__ import annotations

import errno
import json
import os
import tempfile
from dataclasses import fields
from pathlib import Path

from .model import BlockKind, Correction, DocumentRef, IgnoredProblem, Issue, Section
from .oserrors import os_reason

FORMAT = "gazette-issue"
VERSION = 2
READABLE = (1, 2)     # format 1: corrections without `original`
_CORRECTION_KEYS = ("block", "original", "kind", "level", "text")   # in the order written
_META = [f.name for f in fields(Issue) if f.name not in ("sections", "ignored")]
_UNSET_OMITTED = {"previous_total": 0}   # fields added later: written only when set


class IssueFileError(Exception):
    """A problem with an issue file; str() is a Chinese message naming the file."""


def issue_to_dict(issue: Issue) -> dict:
    meta = {name: getattr(issue, name) for name in _META}
    for name, unset in _UNSET_OMITTED.items():
        if meta[name] == unset:
            del meta[name]
    sections = []
    for s in issue.sections:
        docs = []
        for ref in s.documents:
            entry: dict = {"source": ref.source}
            if ref.kind:
                entry["kind"] = ref.kind
            if ref.lines_per_column:
                entry["lines_per_column"] = ref.lines_per_column
            if not ref.heading_numbers:
                entry["heading_numbers"] = False
            if ref.corrections:
                entry["corrections"] = [correction_to_dict(c) for c in ref.corrections]
            docs.append(entry)
        sections.append({"name": s.name, "documents": docs})
    data = {"format": FORMAT, "version": VERSION, "issue": meta, "sections": sections}
    if issue.ignored:      # 校对 items marked 忽略 (files without any stay as they were)
        data["ignored"] = [{k: v for k, v in vars(i).items() if v} for i in issue.ignored]
    return data


def correction_to_dict(c: Correction) -> dict:
    """The issue file's entry for one correction (the CLI and the app write the same)."""
    return {k: getattr(c, k) for k in _CORRECTION_KEYS if getattr(c, k) is not None}


def _lines_per_column(value) -> int:
    """in: a stored 每栏行数; out: it, or ValueError when it cannot be one."""
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 200:
        raise ValueError(f"每栏行数 {value!r} 不是 0–200 之间的整数")
    return value


def _switch(value, name: str) -> bool:
    """in: a stored on/off option; out: it, or ValueError when it is not true or false."""
    if not isinstance(value, bool):
        raise ValueError(f"{name} 应为 true 或 false，而不是 {value!r}")
    return value


def _correction(entry: dict) -> Correction:
    """in: one stored correction; out: a Correction, or ValueError saying what is wrong."""
    unknown = set(entry) - set(_CORRECTION_KEYS)
    if unknown:
        raise ValueError(f"修改记录中有未知字段 {', '.join(sorted(unknown))}")
    c = Correction(**entry)
    whole = all(isinstance(v, int) and not isinstance(v, bool) for v in (c.block, c.level or 0))
    if not whole or c.block < 0 or not all(isinstance(v, (str, type(None))) for v in (c.text, c.original)):
        raise ValueError(f"修改记录有误：{entry}")
    if c.kind is not None and c.kind not in {k.value for k in BlockKind}:
        raise ValueError(f"修改记录中的段落类型 {c.kind!r} 无法识别")
    return c


def issue_from_dict(data: dict, where: str = "") -> Issue:
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise IssueFileError(f"{where}：不是公报期刊文件（缺少 format: {FORMAT}）")
    version = data.get("version")
    if isinstance(version, int) and not isinstance(version, bool) and version > VERSION:
        raise IssueFileError(f"{where}：期刊文件由较新版本的程序保存（文件格式版本 {version}），"
                             f"本程序只能打开版本 {READABLE[0]}–{VERSION}，请更新本程序后再打开")
    if isinstance(version, bool) or version not in READABLE:
        raise IssueFileError(f"{where}：文件格式版本 {version!r} 无法识别"
                             f"（本程序支持版本 {READABLE[0]}–{VERSION}）")
    try:
        meta = data.get("issue", {})
        unknown = set(meta) - set(_META)
        if unknown:
            raise IssueFileError(f"{where}：未知的期刊字段 {', '.join(sorted(unknown))}")
        issue = Issue(**meta)
        for s in data.get("sections", []):
            section = Section(name=str(s["name"]))
            for d in s.get("documents", []):
                section.documents.append(DocumentRef(
                    source=str(d["source"]), kind=d.get("kind"),
                    corrections=[_correction(c) for c in d.get("corrections", [])],
                    lines_per_column=_lines_per_column(d.get("lines_per_column", 0)),
                    heading_numbers=_switch(d.get("heading_numbers", True), "heading_numbers")))
            issue.sections.append(section)
        issue.ignored = [IgnoredProblem(**entry) for entry in data.get("ignored", [])]
    except IssueFileError:
        raise
    except (KeyError, TypeError, ValueError) as e:
        raise IssueFileError(f"{where}：期刊文件内容不完整或有误（{e}）") from None
    return issue


def read_issue(path: str | os.PathLike) -> Issue:
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as e:
        raise IssueFileError(f"{path}：无法读取期刊文件（{os_reason(e)}）") from None
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        raise IssueFileError(f"{path}：期刊文件已损坏，不是有效的 JSON（{e}）") from None
    return issue_from_dict(data, str(path))


def _mode_for(path: Path) -> int:
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def write_atomic(path: str | os.PathLike, data: bytes, durable: bool = True) -> None:
    """Replace `path` with `data` so that a crash leaves either the old or the new file.
    `durable=False` (a cache entry, checked when read): no waiting for the disk (fsync), so
    after a power cut the entry may be empty or unreadable (and is then made again)."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.chmod(tmp, _mode_for(path))   # mkstemp makes 0600; keep the file's usual mode
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            if durable:
                f.flush()
                os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    if not durable:
        return
    try:  # make the rename itself durable
        dfd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(dfd)
        finally:
            os.close(dfd)
    except OSError:
        pass


def relative_source(path: str | os.PathLike, issue_dir: str | os.PathLike) -> str:
    """in: a document file and the issue's folder; out: the path to store (relative if possible)."""
    try:
        return Path(os.path.relpath(Path(path).resolve(), Path(issue_dir).resolve())).as_posix()
    except ValueError:   # another drive on Windows
        return str(Path(path).resolve())


def write_issue(issue: Issue, path: str | os.PathLike) -> None:
    text = json.dumps(issue_to_dict(issue), ensure_ascii=False, indent=2) + "\n"
    write_atomic(path, text.encode("utf-8"))


def create_issue(issue: Issue, path: str | os.PathLike) -> None:
    """Write a new issue file, making its missing folders; never over an existing file
    (FileExistsError)."""
    path = Path(path)
    if path.exists():
        raise FileExistsError(errno.EEXIST, "exists", str(path))
    path.parent.mkdir(parents=True, exist_ok=True)
    write_issue(issue, path)
