"""Each document's laid-out pages kept in the user's cache folder, so an unchanged document
is not laid out again by the next build (a new process).

in: a document's layout fingerprint (issue._fingerprint: its blocks, the spec, the fonts'
names, the organ names) and its fonts' metrics; out: its FlowPages and the problems found
in laying it out, or None. An entry is keyed on that fingerprint, on the engine's own source
(editor/layout, editor/model: a changed engine lays out again) and on the size and
modification time of each font file. Entries are pickles read by an unpickler that knows
only the layout's own classes, and checked for their shape: an entry that does not match,
cannot be read or holds anything else is laid out afresh, never trusted. They are written
atomically (concurrent builds write the same entry); a read-only cache folder only costs
speed. The folder keeps the MAX_ENTRIES most recently written.
"""
from __future__ import annotations

import functools
import hashlib
import io
import os
import pickle
from pathlib import Path

from ..model import Diagnostic
from .fonts import cache_dir
from .flow import ColumnArea, FlowPage
from .paginate import PlacedLine

VERSION = 1
MAX_ENTRIES = 400
MADE_BY = ("layout", "model")
# the classes an entry may hold; anything else makes it unreadable
ALLOWED = {("editor.layout.flow", "FlowPage"), ("editor.layout.flow", "ColumnArea"),
           ("editor.layout.paginate", "PlacedLine"), ("editor.layout.lines", "SetLine"),
           ("editor.layout.lines", "Segment"), ("editor.model.diagnostics", "Diagnostic"),
           ("editor.model.diagnostics", "Severity")}


def folder() -> Path:
    return cache_dir() / "layout"


@functools.lru_cache(maxsize=1)
def engine_stamp() -> str:
    """What laid an entry out: the engine's source."""
    from ..caches import source_stamp
    return source_stamp(MADE_BY, VERSION)


def entry_key(fingerprint: bytes, metrics: dict) -> str:
    """The fingerprint with the engine and the versions of the font files."""
    files = []
    for role, m in sorted(metrics.items()):
        path = getattr(getattr(m, "face", None), "path", "")
        try:
            st = os.stat(path) if path else None
        except OSError:
            st = None
        files.append((role, str(path), st.st_size if st else None, st.st_mtime_ns if st else None))
    return hashlib.sha1(repr((fingerprint, engine_stamp(), files)).encode()).hexdigest()


class _LayoutUnpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str):
        if (module, name) not in ALLOWED:
            raise pickle.UnpicklingError(f"{module}.{name}")
        return super().find_class(module, name)


def load(key: str) -> tuple[list[FlowPage], list[Diagnostic]] | None:
    """out: the pages and problems kept under `key`, or None."""
    try:
        data = (folder() / f"{key}.pickle").read_bytes()
        found = _LayoutUnpickler(io.BytesIO(data)).load()
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError, TypeError,
            IndexError, KeyError, ImportError, MemoryError, RecursionError):
        return None
    return found[1:] if _well_formed(found) else None


def _well_formed(found) -> bool:
    if not (isinstance(found, tuple) and len(found) == 3 and found[0] == VERSION):
        return False
    _version, pages, diagnostics = found
    return (isinstance(pages, list) and isinstance(diagnostics, list)
            and all(isinstance(d, Diagnostic) for d in diagnostics)
            and all(isinstance(p, FlowPage) and isinstance(p.lines, list) and isinstance(p.chunks, list)
                    and isinstance(p.areas, list)
                    and all(isinstance(a, ColumnArea) for a in p.areas)
                    and all(isinstance(pl, PlacedLine) for pl in p.lines)
                    and all(isinstance(c, list) and all(isinstance(pl, PlacedLine) for pl in c)
                            for c in p.chunks)
                    for p in pages))


def save(key: str, pages: list[FlowPage], diagnostics: list[Diagnostic]) -> None:
    """Keep the pages under `key` (atomically; errors only cost speed)."""
    from ..caches import keep_newest
    from ..issuefile import write_atomic
    try:
        data = pickle.dumps((VERSION, pages, diagnostics), protocol=pickle.HIGHEST_PROTOCOL)
        folder().mkdir(parents=True, exist_ok=True)
        write_atomic(folder() / f"{key}.pickle", data, durable=False)
        keep_newest(folder(), "*.pickle", MAX_ENTRIES)
    except (OSError, pickle.PicklingError, RecursionError):
        pass
