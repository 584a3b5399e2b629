"""What the program keeps in the user's cache folder, and clearing it (`main.py cache --clear`).

in: nothing (the folder is editor.layout.fonts.cache_dir()); out: how much it holds, or the
folder emptied of everything the program can make again: imported documents, laid-out
pages, drawn pages and compressed streams of the PDFs, font index, names and metrics,
converted fonts, title cuts, jieba's dictionary, QR codes, the archive's issue summaries. Recovery files (recovery/: an unsaved issue after a crash)
are never removed: they are not a cache. Each entry is checked when read and rebuilt when
missing, so clearing during a build only costs that build speed.
"""
from __future__ import annotations

import hashlib
import shutil
from dataclasses import dataclass
from pathlib import Path

from .layout.fonts import cache_dir

KEEP = ("recovery",)     # not made again by the program: an editor's unsaved work
EDITOR = Path(__file__).resolve().parent


@dataclass(frozen=True)
class Usage:
    folder: Path
    files: int
    size: int            # bytes


def _entries(folder: Path) -> list[Path]:
    try:
        return [p for p in folder.iterdir() if p.name not in KEEP]
    except OSError:      # no cache folder yet
        return []


def usage() -> Usage:
    """out: the cache folder and what it holds (recovery files not counted)."""
    folder = cache_dir()
    files = size = 0
    for entry in _entries(folder):
        for path in [entry] if entry.is_file() else [p for p in entry.rglob("*") if p.is_file()]:
            try:
                size += path.stat().st_size
                files += 1
            except OSError:
                continue
    return Usage(folder, files, size)


def source_stamp(parts: tuple[str, ...], version: int) -> str:
    """A hash of the program's own source under editor/ (`parts`: folders or files; their
    text, not their dates) and a cache format's version: what made a cache entry."""
    digest = hashlib.sha1(str(version).encode())
    for part in parts:
        path = EDITOR / part
        for file in sorted(path.rglob("*.py")) if path.is_dir() else [path]:
            digest.update(file.relative_to(EDITOR).as_posix().encode())
            digest.update(file.read_bytes())
    return digest.hexdigest()


def keep_newest(folder: Path, pattern: str, count: int) -> None:
    """Of the entries matching `pattern` in `folder`, keep the `count` most recently written
    (a cache's size limit); errors are ignored (a cache that stays larger only costs room)."""
    try:
        entries = [(p.stat().st_mtime, p) for p in folder.glob(pattern)]
        if len(entries) <= count:
            return
        entries.sort(reverse=True)
        for _time, old in entries[count:]:
            old.unlink(missing_ok=True)
    except OSError:
        pass


def clear() -> Usage:
    """Remove every cache entry; out: what was there before. Raises OSError if an entry
    cannot be removed (the folder is then partly cleared, which is harmless)."""
    before = usage()
    for entry in _entries(before.folder):
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry)
        else:
            entry.unlink(missing_ok=True)
    return before
