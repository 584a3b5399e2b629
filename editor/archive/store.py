"""Issue summaries kept in the user's cache folder, so an archive is laid out once.

in: an issue file's path and what it depends on; out: its cached IssueSummary, or None.
An entry is keyed on the path, size and modification time of the issue file, of each source
it lists, of its layout file and the fonts that layout resolves to, and of the program's
own engine (a new version lays out again). An entry that does not match, cannot be read or
is malformed is rebuilt, never trusted. Entries are written atomically; a read-only cache
folder only costs speed. The folder keeps the MAX_ENTRIES most recently written.
"""
from __future__ import annotations

import functools
import gzip
import hashlib
import json
import os
from pathlib import Path

from ..caches import keep_newest
from ..issuefile import write_atomic
from ..layout.fonts import cache_dir
from .summary import IssueSummary, summary_from_dict, summary_to_dict

VERSION = 1
MAX_ENTRIES = 200
EDITOR = Path(__file__).resolve().parents[1]
# What a summary is made by: a change here lays every issue out again.
ENGINE = ("layout", "importers", "model", "archive/summary.py", "archive/fields.py",
          "pipeline.py", "corrections.py")
ENVIRONMENT = ("GAZETTE_NO_SYSTEM_FONTS", "GAZETTE_FONT_DIRS")


def folder() -> Path:
    return cache_dir() / "archive"


def _stat(path: Path) -> list:
    try:
        st = path.stat()
    except OSError:
        return [str(path), None]
    return [str(path), st.st_size, st.st_mtime_ns]


@functools.lru_cache(maxsize=1)
def engine_stamp() -> str:
    files = []
    for part in ENGINE:
        path = EDITOR / part
        files += sorted(path.rglob("*.py")) if path.is_dir() else [path]
    return hashlib.sha1(json.dumps([_stat(f) for f in files]).encode()).hexdigest()


@functools.lru_cache(maxsize=8)
def fonts_stamp(layout: str) -> str:
    """The layout file and the font files it resolves to on this computer now."""
    from ..layout.fonts import resolve_fonts
    from ..layout.spec import LAYOUTS_DIR, load_spec
    path = Path(layout) if Path(layout).suffix else LAYOUTS_DIR / f"{layout}.toml"
    parts = [_stat(path)]
    try:
        faces, _ = resolve_fonts(load_spec(layout).fonts)
        parts += [_stat(Path(face.path)) for _role, face in sorted(faces.items())]
    except Exception as e:   # noqa: BLE001 — the build itself will say what is wrong
        parts.append(repr(e))
    return hashlib.sha1(json.dumps(parts).encode()).hexdigest()


def key(issue_path: Path, sources: list[str], layout: str) -> str:
    """What the summary of the issue file depends on, as one hash."""
    issue_path = issue_path.resolve()
    parts = [VERSION, _stat(issue_path), [_stat(issue_path.parent / s) for s in sources],
             fonts_stamp(layout), engine_stamp(), [os.environ.get(v, "") for v in ENVIRONMENT]]
    return hashlib.sha1(json.dumps(parts).encode()).hexdigest()


def _entry(issue_path: Path) -> Path:
    name = hashlib.sha1(str(issue_path.resolve()).encode("utf-8")).hexdigest()
    return folder() / f"{name}.json.gz"


def load(issue_path: Path, wanted: str) -> IssueSummary | None:
    """out: the cached summary when its key is `wanted`, else None."""
    try:
        data = json.loads(gzip.decompress(_entry(issue_path).read_bytes()))
        if data.get("key") != wanted:
            return None
        return summary_from_dict(data["summary"])
    except (OSError, EOFError, ValueError, TypeError, KeyError, AttributeError, gzip.BadGzipFile):
        return None


def save(issue_path: Path, made: str, summary: IssueSummary) -> None:
    """Keep `summary` under key `made` (atomically; errors only cost speed)."""
    data = json.dumps({"key": made, "summary": summary_to_dict(summary)}, ensure_ascii=False)
    try:
        folder().mkdir(parents=True, exist_ok=True)
        write_atomic(_entry(issue_path), gzip.compress(data.encode("utf-8"), mtime=0))
        keep_newest(folder(), "*.json.gz", MAX_ENTRIES)
    except OSError:
        pass
