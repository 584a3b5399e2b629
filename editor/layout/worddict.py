"""jieba's dictionary, read one text at a time: the words a title can contain, not all 349,000.

in: a text and extra words (organ names); out: a jieba part-of-speech tokenizer whose
dictionary holds only the dictionary words that occur in the text (with their frequencies
and tags), the extra words, and one filler entry that keeps the dictionary's total
frequency. jieba's route through a text only ever looks up the text's own substrings and
the total, so the cut is the one the whole dictionary gives — for a fraction of the cost:
loading the whole dictionary takes about 2 s and 130 MB per process (its prefix table and
its tag table), which every first build of a new issue paid.

The words live in an SQLite file in the cache folder, made once from jieba's own
dict.txt (about a second) and named for jieba's version and the dictionary's size; a
damaged or missing file is made again, never trusted.
"""
from __future__ import annotations

import io
import logging
import os
import sqlite3
import sys
import tempfile
import threading
from pathlib import Path

from .fonts import cache_dir

FILLER = "\ue000"     # a private-use character: in no title, so never looked up
_lock = threading.Lock()
_index: tuple[sqlite3.Connection, int, int] | None = None   # connection, total, longest word


def _jieba():
    """jieba and its POS module, imported with an empty default dictionary: importing
    jieba.posseg otherwise reads the whole dictionary's tags at once."""
    import jieba
    jieba.setLogLevel(logging.WARNING)
    if "jieba.posseg" not in sys.modules:
        with tempfile.TemporaryDirectory() as tmp:
            empty = Path(tmp) / "empty.txt"
            empty.write_bytes(b"")
            jieba.set_dictionary(str(empty))
            import jieba.posseg  # noqa: F401  (its default tokenizer reads the empty file)
    return jieba


def _dictionary_file():
    """out: jieba's own dict.txt, opened (binary)."""
    jieba = _jieba()
    return jieba.Tokenizer().get_dict_file()


def _index_path() -> Path:
    jieba = _jieba()
    with _dictionary_file() as f:
        size = f.seek(0, io.SEEK_END)
    return cache_dir() / f"jieba-words-{jieba.__version__}-{size}.sqlite"


def _build(path: Path) -> None:
    """Write the index: each word with its frequency and tag, the total, the longest word."""
    rows, total, longest = [], 0, 1
    with _dictionary_file() as f:
        for line in f:
            parts = line.decode("utf-8").split()
            if len(parts) < 2:
                continue
            word, freq, tag = parts[0], int(parts[1]), (parts[2] if len(parts) > 2 else "x")
            rows.append((word, freq, tag))
            total += freq
            longest = max(longest, len(word))
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    os.close(fd)
    try:
        with sqlite3.connect(tmp) as db:
            db.execute("CREATE TABLE words (word TEXT PRIMARY KEY, freq INTEGER, tag TEXT) WITHOUT ROWID")
            db.execute("CREATE TABLE meta (total INTEGER, longest INTEGER)")
            # a later line repeats a word: it wins, as in jieba's own reading
            db.executemany("INSERT OR REPLACE INTO words VALUES (?, ?, ?)", rows)
            db.execute("INSERT INTO meta VALUES (?, ?)", (total, longest))
        db.close()
        os.replace(tmp, path)       # concurrent builds: both files are the same, last one wins
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def _open() -> tuple[sqlite3.Connection, int, int]:
    """out: the index (made when missing or unreadable), its total and longest word."""
    global _index
    if _index is None:
        path = _index_path()
        for attempt in (0, 1):
            try:
                if not path.exists():
                    _build(path)
                db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
                total, longest = db.execute("SELECT total, longest FROM meta").fetchone()
                if total <= 0:
                    raise sqlite3.DatabaseError("empty index")
                _index = (db, int(total), int(longest))
                break
            except (sqlite3.DatabaseError, TypeError, OSError):
                if attempt:
                    raise
                try:
                    path.unlink()
                except OSError:
                    pass
    return _index


def _words_in(text: str) -> list[tuple[str, int, str]]:
    """out: the dictionary's entries that occur in the text."""
    db, _total, longest = _open()
    grams = sorted({text[i:j] for i in range(len(text))
                    for j in range(i + 1, min(len(text), i + longest) + 1)})
    found = []
    for k in range(0, len(grams), 500):
        chunk = grams[k:k + 500]
        found += db.execute(f"SELECT word, freq, tag FROM words WHERE word IN ({','.join('?' * len(chunk))})",
                            chunk).fetchall()
    return found


def pos_tokenizer(text: str, extra: tuple[str, ...] = (), extra_tag: str = "nt"):
    """in: a text and extra dictionary words; out: a jieba POSTokenizer cutting this text as
    the whole dictionary with those words added (jieba's add_word) would."""
    jieba = _jieba()
    import jieba.posseg
    with _lock:
        entries = _words_in(text)
        total = _open()[1]
    lines = [f"{w} {f} {t}" for w, f, t in entries]
    lines.append(f"{FILLER} {total - sum(f for _, f, _ in entries)} x")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "words.txt"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        tokenizer = jieba.Tokenizer(str(path))
        tokenizer.tmp_dir = tmp
        tokenizer.initialize()
        tagger = jieba.posseg.POSTokenizer(tokenizer)
    for word in extra:
        tagger.tokenizer.add_word(word, tag=extra_tag)
    return tagger
