"""Crash recovery: the unsaved issue is written beside its file and offered back on start.

in: an issue file path and the session's issue dict; out: `<issue>.autosave.json` beside
it (or, when that folder is read-only, in the user's cache folder), written atomically.
A recovery file counts only when it is newer than the issue file it belongs to. One the
editor put off (稍后) is `kept`: this session's autosaves go to the other place, and neither
an autosave nor a save removes it, so it is offered again at the next opening.
"""
from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from ..issuefile import issue_from_dict, write_atomic
from ..layout.fonts import cache_dir
from ..model import Issue

SUFFIX = ".autosave.json"


def recovery_paths(issue_path: Path) -> list[Path]:
    """out: where the recovery file may be, beside the issue first."""
    issue_path = Path(issue_path).resolve()
    key = hashlib.sha1(str(issue_path).encode()).hexdigest()[:16]
    return [issue_path.with_name(issue_path.name + SUFFIX),
            cache_dir() / "recovery" / f"{issue_path.stem}-{key}{SUFFIX}"]


def write_recovery(issue_path: Path, data: dict, kept: Path | None = None) -> Path:
    """in: the issue file, the issue as a dict and a recovery file not to touch (稍后);
    out: the recovery file written (beside the issue, else in the cache folder)."""
    text = json.dumps({**data, "recovers": str(Path(issue_path).resolve())},
                      ensure_ascii=False, indent=1).encode("utf-8")
    *first, last = [path for path in recovery_paths(issue_path) if path != kept]
    for path in first:
        try:
            write_atomic(path, text)
            return path
        except OSError:     # a read-only issue folder: the cache folder then
            continue
    last.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(last, text)
    return last


def pending_recovery(issue_path: Path) -> Path | None:
    """out: the newest recovery file newer than the issue file, or None."""
    try:
        saved = Path(issue_path).stat().st_mtime
    except OSError:
        saved = 0.0
    newer = []
    for path in recovery_paths(issue_path):
        try:
            if path.stat().st_mtime > saved:
                newer.append((path.stat().st_mtime, path))
        except OSError:
            continue
    return max(newer)[1] if newer else None


def read_recovery(path: Path) -> Issue:
    """in: a recovery file; out: the Issue it holds (documents not imported).
    Raises IssueFileError when it is damaged."""
    from ..issuefile import IssueFileError
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        raise IssueFileError(f"{path}：恢复文件已损坏（{e}）") from None
    data.pop("recovers", None)
    return issue_from_dict(data, str(path))


def recovery_label(recovery: Path, issue_path: Path) -> str:
    """out: how the recovery question names the issue: its 年份·期号 as the autosave holds
    them, then the file (every issue file is called issue.json); the path alone when the
    autosave cannot be read."""
    from ..issuefile import IssueFileError
    try:
        saved = read_recovery(recovery)
    except IssueFileError:
        return str(issue_path)
    return f"{saved.year}年第{saved.number}期（{issue_path}）"


def discard_recovery(issue_path: Path, kept: Path | None = None) -> None:
    """Remove the recovery files of an issue (after a save, or when the editor declines),
    all but `kept`."""
    for path in recovery_paths(issue_path):
        if path == kept:
            continue
        try:
            os.unlink(path)
        except OSError:
            pass
