"""Files an importer must refuse, each as the office would send it (for importer tests).

in: a folder; out, per case: (path, None, words the refusal must contain). Password-protected
Word files (an OLE2 package with an EncryptedPackage stream) and zip-level encryption, cut-off
and fuzz-damaged zips, Word's owner file ~$name.docx, old .doc and .wps files and a PDF named
.docx, and zip bombs judged by their ratio and by their declared size.
"""
from __future__ import annotations

import io
import struct
import zipfile
from pathlib import Path

from make_fixtures import docx_parts, ole2_bytes, p, write_zip, zip_bomb

_BODY = p("济南市人民政府关于表扬先进企业的通报") + p("各区县人民政府：") + p("正文内容。")


def _good(folder: Path, name: str) -> bytes:
    """A sound .docx's bytes (the file written to make them is removed again)."""
    path = write_zip(folder / name, docx_parts(_BODY * 20))
    data = path.read_bytes()
    path.unlink()
    return data


def _write(folder: Path, name: str, data: bytes, *words: str) -> tuple[Path, None, tuple[str, ...]]:
    path = folder / name
    path.write_bytes(data)
    return path, None, words


def _central(data: bytes) -> int:
    return data.index(b"PK\x01\x02")


def truncated(folder: Path):
    good = _good(folder, ".truncated-source.docx")
    return _write(folder, "truncated.docx", good[: len(good) * 2 // 3], "压缩包不完整")


def damaged_directory(folder: Path):
    """The central directory overwritten with noise, as a bad disk or transfer leaves it."""
    good = bytearray(_good(folder, ".directory-source.docx"))
    start = _central(good)
    good[start + 4: start + 60] = bytes((i * 37 + 11) % 256 for i in range(56))
    return _write(folder, "damaged_directory.docx", bytes(good), "损坏")


def damaged_member(folder: Path):
    """word/document.xml's compressed bytes overwritten: the directory still looks fine."""
    good = bytearray(_good(folder, ".member-source.docx"))
    with zipfile.ZipFile(io.BytesIO(bytes(good))) as z:
        info = z.getinfo("word/document.xml")
    name_len, extra_len = struct.unpack_from("<HH", good, info.header_offset + 26)
    data = info.header_offset + 30 + name_len + extra_len
    good[data + 8: data + 200] = bytes((i * 53 + 7) % 256 for i in range(192))
    return _write(folder, "damaged_member.docx", bytes(good), "损坏")


def zip_encrypted(folder: Path):
    """A zip whose members carry the 'encrypted' flag (a password set by an archiver)."""
    good = bytearray(_good(folder, ".encrypted-source.docx"))
    offset = 0
    while (offset := good.find(b"PK\x03\x04", offset)) >= 0:
        good[offset + 6] |= 1
        offset += 4
    offset = 0
    while (offset := good.find(b"PK\x01\x02", offset)) >= 0:
        good[offset + 8] |= 1
        offset += 4
    return _write(folder, "zip_encrypted.docx", bytes(good), "已加密")


def declared_bomb(folder: Path):
    """A small zip whose directory declares 300 MB for word/document.xml."""
    good = bytearray(_good(folder, ".declared-source.docx"))
    offset = 0
    while (offset := good.find(b"PK\x01\x02", offset)) >= 0:
        name_len = struct.unpack_from("<H", good, offset + 28)[0]
        if bytes(good[offset + 46: offset + 46 + name_len]) == b"word/document.xml":
            struct.pack_into("<I", good, offset + 24, 300 * 2**20)
        offset += 4
    return _write(folder, "declared_bomb.docx", bytes(good), "压缩炸弹")


def ratio_bomb(folder: Path):
    path = zip_bomb(folder / "ratio_bomb.docx", megabytes=20)
    return path, None, ("压缩炸弹",)


REFUSED_CASES = {
    "encrypted": lambda f: _write(f, "encrypted.docx", ole2_bytes(encrypted=True), "已加密", "密码"),
    "zip_encrypted": zip_encrypted,
    "truncated": truncated,
    "damaged_directory": damaged_directory,
    "damaged_member": damaged_member,
    "owner_file": lambda f: _write(f, "~$通知.docx", b"\x0aZhang San" + b"\x00" * 152, "临时锁定文件", "通知.docx"),
    "owner_file_doc": lambda f: _write(f, "~$旧通知.doc", b"\x0aZhang San" + b"\x00" * 152, "临时锁定文件", "旧通知.doc"),
    "doc_renamed": lambda f: _write(f, "doc_renamed.docx", ole2_bytes(encrypted=False), ".doc", "另存为"),
    "wps_renamed": lambda f: _write(f, "wps_renamed.docx", ole2_bytes(encrypted=False), "WPS", "另存为"),
    "old_doc": lambda f: _write(f, "old.doc", ole2_bytes(encrypted=False), ".doc", "另存为"),
    "old_wps": lambda f: _write(f, "old.wps", ole2_bytes(encrypted=False), "WPS", "另存为"),
    "pdf_renamed": lambda f: _write(f, "pdf_renamed.docx", b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF\n",
                                    "PDF"),
    "ratio_bomb": ratio_bomb,
    "declared_bomb": declared_bomb,
}
