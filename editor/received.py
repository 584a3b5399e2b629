"""Files received for an issue: kept in the issue's docs/ folder, listed once.

in: a received file, the issue's folder and the sources the issue lists; out: the source
path to list (relative to the issue's folder). A file from outside the folder is copied
into docs/ so that the issue folder, moved or sent elsewhere, still builds. A file that is
already listed — the same path or the same bytes — is reported instead of added twice.
"""
from __future__ import annotations

from pathlib import Path

from .issuefile import relative_source, write_atomic

DOCS = "docs"


def _same_bytes(a: Path, b: Path) -> bool:
    try:
        return a.stat().st_size == b.stat().st_size and a.read_bytes() == b.read_bytes()
    except OSError:
        return False


def listed_as(path: str | Path, folder: str | Path, sources) -> str | None:
    """out: the listed source that is this file (same path or same content), else None."""
    path, folder = Path(path).resolve(), Path(folder).resolve()
    for source in sources:
        listed = (folder / source).resolve()
        if listed == path or _same_bytes(listed, path):
            return source
    return None


def _free_name(docs: Path, name: str, data: bytes) -> Path:
    """docs/name, or docs/name（2）… when a different file already has that name; a file
    there with the same bytes is taken as it is."""
    stem, suffix = Path(name).stem, Path(name).suffix
    n = 1
    while True:
        target = docs / (name if n == 1 else f"{stem}（{n}）{suffix}")
        if not target.exists() or (target.is_file() and target.read_bytes() == data):
            return target
        n += 1


def copy_in(path: str | Path, folder: str | Path) -> str:
    """in: a received file and the issue's folder; out: the source to list. A file inside
    the folder stays where it is; any other is copied (atomically) into docs/.
    Raises OSError when the copy cannot be written."""
    path, folder = Path(path).resolve(), Path(folder).resolve()
    if path.is_relative_to(folder):
        return relative_source(path, folder)
    data = path.read_bytes()
    docs = folder / DOCS
    docs.mkdir(exist_ok=True)
    target = _free_name(docs, path.name, data)
    if not target.exists():
        write_atomic(target, data)
    return relative_source(target, folder)
