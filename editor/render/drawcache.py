"""What drawing a PDF made, kept in the user's cache folder for the next build: each page's
text operators and each compressed stream, under a hash of everything they are made from.

in: a kind ("text", "flate") and a key (a hex hash); out: the bytes kept under it, or None.
An entry starts with its own kind and key and the hash of its bytes: one whose bytes do
not match (a torn or damaged file, another entry's file) is not used, and is made again. Entries are written
atomically (concurrent builds write the same bytes under the same key); a read-only cache
folder only costs speed. prune() keeps the MAX_ENTRIES most recently written.
Also here: reportlab's Flate filter made to remember what it compressed, in memory and here.
"""
from __future__ import annotations

import hashlib
import zlib
from pathlib import Path

from ..layout.fonts import cache_dir

MAX_ENTRIES = 3000


def folder() -> Path:
    return cache_dir() / "pdf"


def _header(kind: str, key: str, payload: bytes) -> bytes:
    return f"{kind}-{key} {hashlib.sha1(payload).hexdigest()}\n".encode()


def load(kind: str, key: str) -> bytes | None:
    try:
        data = (folder() / f"{kind}-{key}").read_bytes()
    except OSError:
        return None
    head, _, payload = data.partition(b"\n")
    return payload if head + b"\n" == _header(kind, key, payload) else None


def save(kind: str, key: str, payload: bytes) -> None:
    from ..issuefile import write_atomic
    try:
        folder().mkdir(parents=True, exist_ok=True)
        write_atomic(folder() / f"{kind}-{key}", _header(kind, key, payload) + payload, durable=False)
    except OSError:
        pass


def prune() -> None:
    """At most MAX_ENTRIES entries: the oldest written go."""
    from ..caches import keep_newest
    keep_newest(folder(), "*-*", MAX_ENTRIES)


class RememberedFlate:
    """reportlab's Flate filter (its one shared instance), remembering what it compressed,
    in memory (the app exports the same pages and font subsets again and again) and in
    the cache folder (the next build of an issue compresses only the pages that changed):
    compressing is a third of drawing. Same bytes in, same bytes out (keyed on the bytes'
    hash and zlib's version); at most MAX_BYTES kept in memory."""
    MAX_BYTES = 64 << 20
    STAMP = f"zlib {zlib.ZLIB_RUNTIME_VERSION} level {zlib.Z_DEFAULT_COMPRESSION}"

    def __init__(self, encode):
        self._encode, self._done, self._size = encode, {}, 0

    def __call__(self, text):
        data = text.encode("utf8") if isinstance(text, str) else bytes(text)
        out = self._done.get(data)
        if out is None:
            key = hashlib.sha1(self.STAMP.encode() + b"\0" + data).hexdigest()
            out = load("flate", key)
            if out is None or not _inflates(out, data):
                out = self._encode(data)
                save("flate", key, out)
            if self._size + len(data) > self.MAX_BYTES:
                self._done, self._size = {}, 0
            self._done[data] = out
            self._size += len(data)
        return out


def _inflates(compressed: bytes, data: bytes) -> bool:
    """A kept stream is zlib data of exactly `data` (a few ms for a whole issue)."""
    try:
        return zlib.decompress(compressed) == data
    except zlib.error:
        return False


def remember_compression(pdfdoc) -> None:
    """Make reportlab's shared Flate filter a RememberedFlate (once per process)."""
    if not isinstance(pdfdoc.PDFZCompress.encode, RememberedFlate):
        pdfdoc.PDFZCompress.encode = RememberedFlate(pdfdoc.PDFZCompress.encode)
