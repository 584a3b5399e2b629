"""Crash recovery: the unsaved issue is written beside its file and offered back on start.

in: an issue file path and the session's issue dict; out: `<issue>.autosave.json` beside
it (or, when that folder is read-only, in the user's cache folder), written atomically.
A recovery file counts only when it is newer than the issue file it belongs to.
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


def write_recovery(issue_path: Path, data: dict) -> Path:
    """in: the issue file and the issue as a dict; out: the recovery file written."""
    text = json.dumps({**data, "recovers": str(Path(issue_path).resolve())},
                      ensure_ascii=False, indent=1).encode("utf-8")
    beside, fallback = recovery_paths(issue_path)
    try:
        write_atomic(beside, text)
        return beside
    except OSError:
        fallback.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(fallback, text)
        return fallback


def pending_recovery(issue_path: Path) -> Path | None:
    """out: a recovery file newer than the issue file, or None."""
    try:
        saved = Path(issue_path).stat().st_mtime
    except OSError:
        saved = 0.0
    for path in recovery_paths(issue_path):
        try:
            if path.stat().st_mtime > saved:
                return path
        except OSError:
            continue
    return None


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


def discard_recovery(issue_path: Path) -> None:
    """Remove the recovery files of an issue (after a save, or when the editor declines)."""
    for path in recovery_paths(issue_path):
        try:
            os.unlink(path)
        except OSError:
            pass
