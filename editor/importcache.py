"""Imported documents kept in the user's cache folder, so a rebuild does not import again.

in: a source file's path; out: the Document its importer made, from the cache when the file
and the importer are as they were, else imported now (editor.importers) and kept.
An entry is keyed on the file's resolved path, size and modification time and on a hash of
the importer's and the model's source files (a changed importer imports again). An entry
that does not match, cannot be read or has the wrong shape is imported afresh, never
trusted: entries are plain JSON, decoded field by field with their types checked. Entries
are written atomically (a concurrent build writes the same entry); a read-only cache
folder only costs speed. The folder keeps the MAX_ENTRIES most recently written.
"""
from __future__ import annotations

import base64
import functools
import hashlib
import json
import os
from pathlib import Path

from .caches import keep_newest, source_stamp
from .issuefile import write_atomic
from .layout.fonts import cache_dir
from .model import Block, BlockKind, Diagnostic, Document, Run, Severity

VERSION = 1
MAX_ENTRIES = 500
MADE_BY = ("importers", "model", "importcache.py")   # a change here imports every file again


def folder() -> Path:
    return cache_dir() / "imported"


@functools.lru_cache(maxsize=1)
def importer_stamp() -> str:
    """What imported an entry: the importer's and the model's source."""
    return source_stamp(MADE_BY, VERSION)


def source_key(path: Path) -> str:
    st = path.stat()
    return json.dumps([str(path.resolve()), st.st_size, st.st_mtime_ns, importer_stamp()])


def _entry(path: Path) -> Path:
    return folder() / (hashlib.sha1(str(path.resolve()).encode("utf-8")).hexdigest() + ".json")


def imported(path: str | os.PathLike) -> Document:
    """The Document `import_path(path)` makes, from the cache when it is current. Raises
    what import_path raises (ImportRefused: never cached, so said again every time)."""
    from .importers import import_path
    path = Path(path)
    try:
        key = source_key(path)
    except OSError:
        return import_path(path)      # the importer says what is wrong with the file
    doc = load(path, key)
    if doc is None:
        doc = import_path(path)
        save(path, key, doc)
    return doc


def load(path: Path, key: str) -> Document | None:
    """out: the cached document when its key is `key`, else None."""
    try:
        data = json.loads(_entry(path).read_bytes())
        if not isinstance(data, dict) or data.get("key") != key:
            return None
        return document_from_data(data["document"])
    except (OSError, ValueError, TypeError, KeyError, AttributeError, IndexError):
        return None


def save(path: Path, key: str, doc: Document) -> None:
    """Keep `doc` under `key` (atomically; errors only cost speed)."""
    data = json.dumps({"key": key, "document": document_to_data(doc)}, ensure_ascii=False)
    try:
        folder().mkdir(parents=True, exist_ok=True)
        write_atomic(_entry(path), data.encode("utf-8"), durable=False)
        keep_newest(folder(), "*.json", MAX_ENTRIES)
    except OSError:
        pass


def document_to_data(doc: Document) -> dict:
    """in: a Document; out: JSON-ready data holding every field (images in base64)."""
    return {
        "kind": doc.kind, "source": doc.source, "encoding": doc.encoding,
        "lines_per_column": doc.lines_per_column,
        "blocks": [{"kind": b.kind.value, "runs": [[r.text, r.bold, r.italic, r.script] for r in b.runs],
                    "level": b.level, "align": b.align, "rows": b.rows,
                    "image": base64.b64encode(b.image).decode("ascii") if b.image is not None else None,
                    "image_size": list(b.image_size) if b.image_size is not None else None,
                    "reason": b.reason} for b in doc.blocks],
        "diagnostics": [d.to_dict() for d in doc.diagnostics],
    }


def _typed(value, kind):
    if type(value) is not kind:           # bool is not int here, nor int a float
        raise TypeError(f"{type(value).__name__} for {kind.__name__}")
    return value


def _optional_int(value):
    return None if value is None else _typed(value, int)


def _run(data) -> Run:
    text, bold, italic, script = data
    return Run(_typed(text, str), _typed(bold, bool), _typed(italic, bool), _typed(script, str))


def _block(data: dict) -> Block:
    image = data["image"]
    size = data["image_size"]
    return Block(kind=BlockKind(data["kind"]), runs=[_run(r) for r in _typed(data["runs"], list)],
                 level=_typed(data["level"], int), align=_typed(data["align"], str),
                 rows=[[_typed(c, str) for c in _typed(row, list)] for row in _typed(data["rows"], list)],
                 image=None if image is None else base64.b64decode(_typed(image, str), validate=True),
                 image_size=None if size is None else (float(size[0]), float(size[1])),
                 reason=_typed(data["reason"], str))


def _diagnostic(data: dict) -> Diagnostic:
    return Diagnostic(Severity(data["severity"]), _typed(data["code"], str), _typed(data["message"], str),
                      _optional_int(data["document"]), _optional_int(data["block"]),
                      _optional_int(data["page"]), _typed(data["source"], str))


def document_from_data(data: dict) -> Document:
    """in: document_to_data's output; out: the Document. Raises TypeError, ValueError or
    KeyError on anything of the wrong shape."""
    return Document(blocks=[_block(b) for b in _typed(data["blocks"], list)],
                    kind=_typed(data["kind"], str), source=_typed(data["source"], str),
                    encoding=_typed(data["encoding"], str),
                    diagnostics=[_diagnostic(d) for d in _typed(data["diagnostics"], list)],
                    lines_per_column=_typed(data["lines_per_column"], int))
