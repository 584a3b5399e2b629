"""The issue file (issue.json): metadata, 栏目, document order, sources and corrections.

in: a path; out: an Issue whose DocumentRefs are not yet imported (see pipeline.load_issue).
Writes are atomic: a temporary file beside the target, fsync, rename. A broken file or an
unknown format version raises IssueFileError with a Chinese message and changes nothing.
"""
from __future__ import annotations

import json
import os
import tempfile
from dataclasses import fields
from pathlib import Path

from .model import Correction, DocumentRef, IgnoredProblem, Issue, Section

FORMAT = "gazette-issue"
VERSION = 1
_META = [f.name for f in fields(Issue) if f.name not in ("sections", "ignored")]


class IssueFileError(Exception):
    """A problem with an issue file; str() is a Chinese message naming the file."""


def issue_to_dict(issue: Issue) -> dict:
    meta = {name: getattr(issue, name) for name in _META}
    sections = []
    for s in issue.sections:
        docs = []
        for ref in s.documents:
            entry: dict = {"source": ref.source}
            if ref.kind:
                entry["kind"] = ref.kind
            if ref.corrections:
                entry["corrections"] = [
                    {k: v for k, v in vars(c).items() if v is not None} for c in ref.corrections]
            docs.append(entry)
        sections.append({"name": s.name, "documents": docs})
    data = {"format": FORMAT, "version": VERSION, "issue": meta, "sections": sections}
    if issue.ignored:      # 校对 items marked 忽略 (files without any stay as they were)
        data["ignored"] = [{k: v for k, v in vars(i).items() if v} for i in issue.ignored]
    return data


def issue_from_dict(data: dict, where: str = "") -> Issue:
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise IssueFileError(f"{where}：不是公报期刊文件（缺少 format: {FORMAT}）")
    if data.get("version") != VERSION:
        raise IssueFileError(f"{where}：文件格式版本 {data.get('version')!r} 无法识别"
                             f"（本程序支持版本 {VERSION}）")
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
                    corrections=[Correction(**c) for c in d.get("corrections", [])]))
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
        raise IssueFileError(f"{path}：无法读取期刊文件（{e.strerror}）") from None
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


def write_atomic(path: str | os.PathLike, data: bytes) -> None:
    """Replace `path` with `data` so that a crash leaves either the old or the new file."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.chmod(tmp, _mode_for(path))   # mkstemp makes 0600; keep the file's usual mode
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
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
