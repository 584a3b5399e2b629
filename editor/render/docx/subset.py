"""A TrueType subset cut from the font file's bytes, fast enough for every export.

in: a TrueType (glyf) font file, the face index (a .ttc holds several) and the characters
to keep; out: the bytes of a TrueType font that maps only those characters.

Why not fontTools' subsetter: it decompiles and recompiles every table, 1 to 2 s per CJK
face, several seconds per issue. Here the glyph ids stay as they are — a dropped glyph is
an empty slot in glyf — so hmtx, hhea, maxp, name, OS/2 and the hinting tables are copied
unchanged, composite glyphs need no renumbering, and only cmap, loca, glyf, post and head
are written anew: a few milliseconds. Layout tables (GSUB, GPOS, kern…) are left out, so
no reader kerns or forms ligatures our own layout did not. Each file is mapped into
memory once per process and file version; only the pages a subset touches are read.
"""
from __future__ import annotations

import mmap
import os
import struct
import sys
import threading
from array import array
from bisect import bisect_left, bisect_right

KEPT_TABLES = {b"OS/2", b"hhea", b"hmtx", b"maxp", b"name", b"cvt ", b"fpgm", b"prep", b"gasp"}
CHECKSUM_MAGIC = 0xB1B0AFBA      # OpenType: head.checkSumAdjustment = magic − file sum

# composite glyph flags (OpenType glyf table)
ARG_WORDS, HAS_SCALE, MORE, HAS_XY_SCALE, HAS_2X2 = 0x0001, 0x0008, 0x0020, 0x0040, 0x0080

KEPT_SUBSETS = 16
_files: dict[str, tuple[tuple[int, float], memoryview]] = {}
_subsets: dict[tuple, tuple[bytes, set[str]]] = {}
_lock = threading.Lock()


class NotTrueType(ValueError):
    """A font without glyf outlines (or unreadable): it cannot be subset here."""


def _file_view(path: str) -> memoryview:
    """The font file mapped into memory (only the pages a subset reads are loaded)."""
    st = os.stat(path)
    key = (st.st_size, st.st_mtime)
    with _lock:
        hit = _files.get(path)
        if hit is None or hit[0] != key:
            with open(path, "rb") as f:
                hit = _files[path] = (key, memoryview(mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)))
        return hit[1]


def _tables(data: memoryview, index: int) -> dict[bytes, memoryview]:
    """in: a .ttf/.ttc file's bytes and a face index; out: tag → table bytes (views)."""
    start = 0
    if bytes(data[:4]) == b"ttcf":
        count = struct.unpack_from(">I", data, 8)[0]
        if not 0 <= index < count:
            raise NotTrueType(f"face {index} of {count}")
        start = struct.unpack_from(">I", data, 12 + 4 * index)[0]
    num = struct.unpack_from(">H", data, start + 4)[0]
    out = {}
    for k in range(num):
        tag, _, offset, length = struct.unpack_from(">4sIII", data, start + 12 + 16 * k)
        out[tag] = data[offset:offset + length]
    if b"glyf" not in out or b"loca" not in out or b"cmap" not in out:
        raise NotTrueType("no glyf outlines")
    return out


def _cmap_lookup(cmap: bytes, codes: set[int]) -> dict[int, int]:
    """The glyph of each wanted code point, from the best Unicode subtable (format 12, else 4)."""
    count = struct.unpack_from(">H", cmap, 2)[0]
    subtables = {}
    for k in range(count):
        platform, encoding, offset = struct.unpack_from(">HHI", cmap, 4 + 8 * k)
        fmt = struct.unpack_from(">H", cmap, offset)[0]
        subtables[(platform, encoding, fmt)] = offset
    for key in ((3, 10, 12), (0, 4, 12), (0, 6, 12), (3, 1, 4), (0, 3, 4), (0, 1, 4), (0, 0, 4)):
        if key in subtables:
            offset = subtables[key]
            return (_format12 if key[2] == 12 else _format4)(cmap, offset, codes)
    raise NotTrueType("no Unicode cmap")


def _format12(cmap: bytes, at: int, codes: set[int]) -> dict[int, int]:
    groups = struct.unpack_from(">I", cmap, at + 12)[0]
    flat = struct.unpack_from(f">{3 * groups}I", cmap, at + 16)
    firsts, lasts, gids = flat[0::3], flat[1::3], flat[2::3]
    out = {}
    for code in codes:
        k = bisect_right(firsts, code) - 1
        if k >= 0 and code <= lasts[k]:
            out[code] = gids[k] + code - firsts[k]
    return out


def _format4(cmap: bytes, at: int, codes: set[int]) -> dict[int, int]:
    segs = struct.unpack_from(">H", cmap, at + 6)[0] // 2
    ends = struct.unpack_from(f">{segs}H", cmap, at + 14)
    starts = struct.unpack_from(f">{segs}H", cmap, at + 16 + 2 * segs)
    deltas = struct.unpack_from(f">{segs}h", cmap, at + 16 + 4 * segs)
    range_at = at + 16 + 6 * segs
    ranges = struct.unpack_from(f">{segs}H", cmap, range_at)
    out = {}
    for code in codes:
        s = bisect_left(ends, code)           # the first segment ending at or after code
        if code > 0xFFFF or s >= segs or code < starts[s]:
            continue
        if ranges[s] == 0:
            gid = (code + deltas[s]) & 0xFFFF
        else:
            where = range_at + 2 * s + ranges[s] + 2 * (code - starts[s])
            gid = struct.unpack_from(">H", cmap, where)[0]
            gid = (gid + deltas[s]) & 0xFFFF if gid else 0
        out[code] = gid
    return out


def _glyph_offsets(tables: dict[bytes, bytes]) -> array:
    """Where each glyph starts in glyf, and where the last ends (loca, as numbers)."""
    long = struct.unpack_from(">h", tables[b"head"], 50)[0] == 1
    n = struct.unpack_from(">H", tables[b"maxp"], 4)[0]
    offsets = array("I" if long else "H")
    offsets.frombytes(tables[b"loca"][:(n + 1) * offsets.itemsize])
    if sys.byteorder == "little":
        offsets.byteswap()
    return offsets if long else array("I", (2 * o for o in offsets))


def _components(glyph: bytes) -> list[int]:
    """Glyph ids a composite glyph is built from (none for a simple glyph)."""
    if len(glyph) < 10 or struct.unpack_from(">h", glyph, 0)[0] >= 0:
        return []
    out, at = [], 10
    while True:
        flags, gid = struct.unpack_from(">HH", glyph, at)
        out.append(gid)
        at += 4 + (4 if flags & ARG_WORDS else 2)
        at += 2 if flags & HAS_SCALE else 4 if flags & HAS_XY_SCALE else 8 if flags & HAS_2X2 else 0
        if not flags & MORE:
            return out


def _cmap_table(mapping: dict[int, int]) -> bytes:
    """cmap with a format 4 subtable (3,1) for the BMP and a format 12 one (3,10) for all."""
    bmp = sorted((c, g) for c, g in mapping.items() if c <= 0xFFFF)
    runs: list[list[int]] = []                 # [first code, last code, first glyph]
    for code, gid in bmp:
        if runs and code == runs[-1][1] + 1 and gid == runs[-1][2] + code - runs[-1][0]:
            runs[-1][1] = code
        else:
            runs.append([code, code, gid])
    runs.append([0xFFFF, 0xFFFF, 0])           # the required last segment
    segs = len(runs)
    search = 2 * (1 << (segs.bit_length() - 1))
    sub4 = struct.pack(">HHHHHHH", 4, 16 + 8 * segs, 0, 2 * segs, search,
                       (segs.bit_length() - 1), 2 * segs - search)
    sub4 += struct.pack(f">{segs}H", *(r[1] for r in runs)) + b"\0\0"
    sub4 += struct.pack(f">{segs}H", *(r[0] for r in runs))
    sub4 += struct.pack(f">{segs}H", *(((r[2] - r[0]) & 0xFFFF) if r[2] else 1 for r in runs))
    sub4 += struct.pack(f">{segs}H", *([0] * segs))
    groups: list[list[int]] = []
    for code, gid in sorted(mapping.items()):
        if groups and code == groups[-1][1] + 1 and gid == groups[-1][2] + code - groups[-1][0]:
            groups[-1][1] = code
        else:
            groups.append([code, code, gid])
    sub12 = struct.pack(">HHIII", 12, 0, 16 + 12 * len(groups), 0, len(groups))
    sub12 += b"".join(struct.pack(">III", *g) for g in groups)
    head = struct.pack(">HH", 0, 2) + struct.pack(">HHI", 3, 1, 20) \
        + struct.pack(">HHI", 3, 10, 20 + len(sub4))
    return head + sub4 + sub12


def _checksum(data: bytes) -> int:
    words = array("I")
    words.frombytes(data + b"\0" * (-len(data) % 4))
    if sys.byteorder == "little":
        words.byteswap()
    return sum(words) & 0xFFFFFFFF


def _assemble(tables: dict[bytes, bytes]) -> bytes:
    """An sfnt file from its tables (tags sorted, each 4-byte aligned, checksums set)."""
    tags = sorted(tables)
    n = len(tags)
    power = 1 << (n.bit_length() - 1)
    header = struct.pack(">IHHHH", 0x00010000, n, 16 * power, power.bit_length() - 1,
                         16 * n - 16 * power)
    offset = 12 + 16 * n
    records, body, total = [], [], 0
    for tag in tags:
        data = tables[tag]
        checksum = _checksum(data)
        total += checksum
        records.append(struct.pack(">4sIII", tag, checksum, offset, len(data)))
        padded = data + b"\0" * (-len(data) % 4)
        body.append(padded)
        offset += len(padded)
    directory = header + b"".join(records)
    font = bytearray(directory + b"".join(body))
    # the file's checksum is the directory's plus every (padded) table's
    head_at = struct.unpack_from(">I", font, 12 + 16 * tags.index(b"head") + 8)[0]
    adjustment = CHECKSUM_MAGIC - (_checksum(directory) + total)
    struct.pack_into(">I", font, head_at + 8, adjustment & 0xFFFFFFFF)
    return bytes(font)


def subset_font(path: str, index: int, chars: set[str]) -> tuple[bytes, set[str]]:
    """in: a TrueType font file, face index, the characters wanted; out: the subset's bytes
    and the characters it maps (those of `chars` the face has). Raises NotTrueType.
    The last subsets made are kept: exporting the same issue again costs nothing."""
    st = os.stat(path)
    key = (path, index, st.st_size, st.st_mtime, frozenset(chars))
    with _lock:
        hit = _subsets.get(key)
    if hit is None:
        hit = _subset(path, index, chars)
        with _lock:
            if len(_subsets) >= KEPT_SUBSETS:
                _subsets.pop(next(iter(_subsets)))
            _subsets[key] = hit
    return hit


def _subset(path: str, index: int, chars: set[str]) -> tuple[bytes, set[str]]:
    try:
        tables = _tables(_file_view(path), index)
        where = _glyph_offsets(tables)
        count = len(where) - 1
        mapping = {code: gid for code, gid in _cmap_lookup(tables[b"cmap"], {ord(c) for c in chars}).items()
                   if 0 < gid < count}
    except (struct.error, IndexError, KeyError, ValueError) as e:
        raise NotTrueType(str(e)) from None
    glyf = tables[b"glyf"]
    keep, todo = {0}, list(mapping.values())        # .notdef always
    while todo:
        gid = todo.pop()
        if gid in keep or gid >= count:
            continue
        keep.add(gid)
        todo += _components(glyf[where[gid]:where[gid + 1]])
    # the new loca: an offset stays put across the dropped (empty) glyphs
    parts, offsets, pos, done = [], array("I"), 0, 0
    for gid in sorted(keep):
        offsets.extend(array("I", [pos]) * (gid + 1 - done))
        a, b = where[gid], where[gid + 1]
        if b > a:
            parts.append(bytes(glyf[a:b]) + b"\0" * (-(b - a) % 4))
            pos += len(parts[-1])
        done = gid + 1
    offsets.extend(array("I", [pos]) * (count + 1 - done))
    if sys.byteorder == "little":
        offsets.byteswap()
    head = bytearray(tables[b"head"])
    struct.pack_into(">I", head, 8, 0)               # checkSumAdjustment, set in _assemble
    struct.pack_into(">h", head, 50, 1)              # long loca
    post = bytearray(bytes(tables.get(b"post", b"")[:32]).ljust(32, b"\0"))
    struct.pack_into(">I", post, 0, 0x00030000)      # no glyph names
    out = {tag: bytes(data) for tag, data in tables.items() if tag in KEPT_TABLES}
    out.update({b"head": bytes(head), b"post": bytes(post), b"glyf": b"".join(parts),
                b"loca": offsets.tobytes(),
                b"cmap": _cmap_table(mapping)})
    return _assemble(out), {chr(c) for c in mapping}
