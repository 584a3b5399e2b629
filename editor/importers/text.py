"""Plain-text and Markdown sources (.txt, .md).

in: a path; out: a recognised Document whose `encoding` says how the bytes were read, with an
INFO diagnostic saying the same. The encoding is found by strict decoding: a BOM (UTF-8,
UTF-16, UTF-32) wins, then UTF-8, then GB18030 (which covers GBK and GB2312); bytes with NULs
are tried as UTF-16 without a BOM. Bytes that decode as none of these, or that hold binary
data, or a file with no text at all, are refused.
"""
from __future__ import annotations

import codecs
import unicodedata
from pathlib import Path

from ..model import Diagnostic, Document, Severity
from .errors import ImportRefused
from .markdown import comments, parse_markdown
from .recognize import recognize
from .safety import describe_binary, read_limited

_BOMS = [  # UTF-32 first: its little-endian BOM starts with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32", "UTF-32"), (codecs.BOM_UTF32_BE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8-sig", "UTF-8（带 BOM）"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"), (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"),
]
_ALLOWED_CONTROLS = set("\t\n\r\f\v\x1a")
DAMAGED_UTF8 = "utf-8-damaged"   # Document.encoding when a few bytes were not UTF-8


def read_text(path: str | Path) -> Document:
    """A .txt or .md file → Document (recognised), or ImportRefused."""
    path = Path(path)
    data = read_limited(path)
    text, encoding, label = decode_text(path, data)
    doc = recognize(parse_markdown(text))
    doc.encoding = encoding
    found = [Diagnostic(Severity.INFO, "encoding", f"以 {label} 编码读取")]
    found += [Diagnostic(Severity.INFO, "markdown-comment", f"Markdown 注释不印：{_short(note)}")
              for note in comments(text)]
    if encoding == DAMAGED_UTF8:
        bad = text.count("\ufffd") - data.decode("utf-8", errors="ignore").count("\ufffd")
        found.append(Diagnostic(Severity.WARNING, "encoding-damaged",
                                f"文件中有 {bad} 处字节不是有效的 UTF-8（可能传输时损坏），已用“\ufffd”代替，请核对原文"))
    doc.diagnostics[:0] = found
    return doc


def _short(text: str, width: int = 40) -> str:
    text = " ".join(text.split())
    return (text if len(text) <= width else text[:width] + "…") or "（空注释）"


def decode_text(path: Path, data: bytes) -> tuple[str, str, str]:
    """Bytes → (text, codec name, label for the editor). Refuses empty and binary input."""
    if not data:
        raise ImportRefused(path, "是空的（0 字节），没有可导入的文字。")
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            text = _strict(path, data, codec, label)
            break
    else:
        kind = describe_binary(data)
        if kind:
            raise ImportRefused(path, f"不是文本文件（内容是{kind}），无法按文本导入。")
        if b"\x00" in data:
            text, codec = _utf16_without_bom(path, data)
            label = "UTF-16（无 BOM）"
        else:
            text, codec, label = _utf8_or_gb18030(path, data)
    _refuse_binary(path, text)
    if not text.strip() or not text.replace("\ufeff", "").strip():
        raise ImportRefused(path, "只有空白，没有可导入的文字。")
    return text.replace("\ufeff", ""), codec, label


def _utf8_or_gb18030(path: Path, data: bytes) -> tuple[str, str, str]:
    """UTF-8; UTF-8 with a few broken bytes (a cut-off or damaged file: read as UTF-8 with the
    bad bytes replaced, rather than all of it as GB18030 mojibake); else GB18030."""
    try:
        return data.decode("utf-8"), "utf-8", "UTF-8"
    except UnicodeDecodeError:
        pass
    lenient = data.decode("utf-8", errors="replace")
    bad = lenient.count("\ufffd")
    wide = sum(1 for ch in lenient if ord(ch) > 0x7F) - bad
    if wide >= 20 and bad * 50 <= wide:
        return lenient, DAMAGED_UTF8, "UTF-8（含损坏字节）"
    try:
        return data.decode("gb18030"), "gb18030", "GB18030"
    except UnicodeDecodeError:
        raise ImportRefused(path, "的编码无法识别（既不是 UTF-8 也不是 GB18030/GBK），"
                                  "或不是文本文件。请另存为 UTF-8 编码后重新导入。") from None


def _utf16_without_bom(path: Path, data: bytes) -> tuple[str, str]:
    """NUL bytes: UTF-16 saved without a BOM (ASCII characters and line ends leave a zero in
    every other byte), when it decodes strictly to ordinary text; else binary, refused."""
    even, odd = data[0::2].count(0), data[1::2].count(0)
    codec = "utf-16-le" if odd > even else "utf-16-be"
    try:
        text = data.decode(codec) if len(data) % 2 == 0 and min(even, odd) * 4 < max(even, odd) else None
    except UnicodeDecodeError:
        text = None
    if text is None or not _ordinary(text):
        raise ImportRefused(path, "含有二进制数据（不是文本文件），无法导入。")
    return text, codec


def _ordinary(text: str) -> bool:
    """Letters (Chinese or other) and hardly any unassigned, private or control characters."""
    odd = sum(1 for ch in text if ch not in _ALLOWED_CONTROLS and unicodedata.category(ch) in ("Cc", "Cn", "Co", "Cs"))
    letters = sum(1 for ch in text if ch.isalpha())
    return odd * 100 <= len(text) and letters * 4 >= len(text)


def _strict(path: Path, data: bytes, codec: str, label: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        raise ImportRefused(path, f"以 {label} 开头（BOM），但内容不是有效的 {label} 文本，"
                                  "文件可能已损坏。") from None


def _refuse_binary(path: Path, text: str) -> None:
    """Control characters in more than a trace amount mean the bytes were not text."""
    if "\x00" in text:
        raise ImportRefused(path, "含有二进制数据（不是文本文件），无法导入。")
    controls = sum(1 for ch in text
                   if ch not in _ALLOWED_CONTROLS and unicodedata.category(ch) in ("Cc", "Cs"))
    if controls > max(2, len(text) // 200):
        raise ImportRefused(path, "含有大量控制字符，像是二进制文件而不是文本，无法导入。")
