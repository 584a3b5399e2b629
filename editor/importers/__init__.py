"""Importers: a source file (.docx, .txt, .md) → a recognised model.Document.

in: a path; out: a Document whose blocks carry 公文 kinds, or ImportRefused — one Chinese line
naming the file and the problem. Bad input never raises anything else and never yields a
partly imported document.
"""
from __future__ import annotations

import os
from pathlib import Path

from ..model import Document
from .errors import ImportRefused

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
SUFFIXES = {".docx"} | TEXT_SUFFIXES


def import_path(path: str | os.PathLike) -> Document:
    """Read and recognise one source file; `source` and each diagnostic's `source` are set."""
    path = Path(path)
    reader = _reader_for(path)
    try:
        doc = reader(path)
    except ImportRefused:
        raise
    except (MemoryError, RecursionError):
        raise ImportRefused(path, "内容过大或结构嵌套过深，无法导入。") from None
    except Exception as e:   # a reader bug must still reach the editor as one clear line
        raise ImportRefused(path, f"读取时出错，无法导入（{type(e).__name__}: {e}）。") from None
    doc.source = str(path)
    for diagnostic in doc.diagnostics:
        diagnostic.source = str(path)
    return doc


def _reader_for(path: Path):
    from .docx import read_docx
    from .safety import refuse_owner_file
    from .text import read_text

    suffix = path.suffix.lower()
    if suffix == ".docx":
        return read_docx
    if suffix in TEXT_SUFFIXES:
        return read_text
    if suffix in (".doc", ".wps", ".docm", ".dotx", ".dot", ".wpt"):
        refuse_owner_file(path)
        if suffix in (".docm", ".dotx") or _is_zip(path):
            return read_docx      # a .docx under another name reads fine
        raise ImportRefused(path, "是旧版 Word（.doc）或 WPS（.wps）格式，无法直接读取。"
                                  "请在 Word 或 WPS 中“另存为” .docx 后重新导入。")
    if suffix == ".pdf":
        raise ImportRefused(path, "是 PDF 文件，无法导入。请导入原始的 Word（.docx）或文本（.txt/.md）文件。")
    raise ImportRefused(path, f"的类型（{suffix or '无扩展名'}）不受支持。请导入 .docx、.txt 或 .md 文件。")


def _is_zip(path: Path) -> bool:
    try:
        with open(path, "rb") as f:
            return f.read(4) == b"PK\x03\x04"
    except OSError:
        return False


__all__ = ["import_path", "ImportRefused", "SUFFIXES"]
