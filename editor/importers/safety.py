"""Checks made before a .docx is parsed, and the guarded reader used afterwards.

in: a path; out: a DocxPackage — the zip's members read with size caps, every XML part parsed
by a parser that resolves no entities, loads no DTD and touches no network, and refuses any
DOCTYPE — or ImportRefused with one Chinese sentence saying what is wrong:
Word lock files (~$name.docx), old binary .doc/.wps and password-protected files (both OLE2
compound files), PDF/RTF/HTML files renamed .docx, random bytes, truncated zips, zip bombs
(judged from the zip directory's sizes before anything is decompressed), a missing
word/document.xml, and XML with DOCTYPE or entity declarations.
"""
from __future__ import annotations

import io
import posixpath
import re
import struct
import zipfile
import zlib
from pathlib import Path
from urllib.parse import unquote

from lxml import etree

from .docx_namespaces import normalize
from ..oserrors import os_reason
from .errors import ImportRefused

MAX_FILE_BYTES = 100 * 2**20        # the .docx (or text file) on disk
MAX_TOTAL_BYTES = 200 * 2**20       # all members, uncompressed
MAX_MEMBERS = 5000
MAX_RATIO = 100                     # uncompressed / compressed, for members above RATIO_FLOOR
RATIO_FLOOR = 2**20

OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")
_SIGNATURES = [(b"%PDF", "PDF 文件"), (b"{\\rtf", "RTF 文件"), (OLE2, "旧版 Office 二进制文件"),
               (b"PK\x03\x04", "压缩包（ZIP，例如 .docx）"), (b"\x89PNG", "PNG 图片"),
               (b"\xff\xd8\xff", "JPEG 图片"), (b"GIF8", "GIF 图片"), (b"Rar!", "RAR 压缩包"),
               (b"7z\xbc\xaf", "7z 压缩包"), (b"\x1f\x8b", "gzip 压缩包")]
_DOCTYPE = re.compile(rb"<!\s*(?:DOCTYPE|ENTITY)", re.I)
OFFICE_DOCUMENT = "/officeDocument"
WORD_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml."


def describe_binary(data: bytes) -> str:
    """A Chinese name for a known binary format at the start of `data`, else ""."""
    for signature, name in _SIGNATURES:
        if data.startswith(signature):
            return name
    return ""


def read_limited(path: Path) -> bytes:
    """The file's bytes; refuses a missing, unreadable, empty-named or oversized file."""
    try:
        size = path.stat().st_size
        if path.is_dir():
            raise ImportRefused(path, "是一个文件夹，不是文件。")
        if size > MAX_FILE_BYTES:
            raise ImportRefused(path, f"太大（{size / 2**20:.0f} MB，上限 {MAX_FILE_BYTES // 2**20} MB），"
                                      "拒绝导入。")
        return path.read_bytes()
    except FileNotFoundError:
        raise ImportRefused(path, "不存在，请检查路径。") from None
    except PermissionError:
        raise ImportRefused(path, "没有读取权限，无法打开。") from None
    except OSError as e:
        raise ImportRefused(path, f"无法读取（{os_reason(e)}）。") from None


def open_docx(path: str | Path) -> "DocxPackage":
    """Check a .docx from its bytes and zip directory; out: the package, ready to read."""
    path = Path(path)
    refuse_owner_file(path)
    data = read_limited(path)
    refuse_not_zip(path, data)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError, OSError, NotImplementedError,
            struct.error, UnicodeDecodeError, KeyError, IndexError):   # what a damaged directory raises
        raise ImportRefused(path, "已损坏：压缩包不完整或被改动（可能下载或复制时出错），无法读取。"
                                  "请重新获取原文件。") from None
    check_members(path, archive)
    return DocxPackage(path, archive)


def refuse_owner_file(path: Path) -> None:
    """Word and WPS leave ~$name.docx (the owner file) beside an open document: not a document."""
    if path.name.startswith("~$"):
        raise ImportRefused(path, f"是 Word 打开文档时生成的临时锁定文件，不是文档本身。"
                                  f"请导入原文件（{path.name[2:]}）。")


def refuse_not_zip(path: Path, data: bytes) -> None:
    """Refuse everything that is not a zip, each kind with its own message."""
    if not data:
        raise ImportRefused(path, "是空的（0 字节），不是 Word 文档。")
    if data.startswith(OLE2):
        if ENCRYPTED_STREAM in data:
            raise ImportRefused(path, "已加密（受密码保护），无法读取。请在 Word 中取消密码后重新导入。")
        raise ImportRefused(path, "是旧版 Word（.doc）或 WPS（.wps）二进制格式，不是 .docx。"
                                  "请在 Word 或 WPS 中“另存为” .docx 后重新导入。")
    if data.startswith(b"%PDF"):
        raise ImportRefused(path, "实际上是 PDF 文件（只是扩展名为 .docx），无法作为 Word 文档导入。"
                                  "请导入原始的 Word 文档。")
    if data.startswith(b"{\\rtf"):
        raise ImportRefused(path, "实际上是 RTF 文件，不是 .docx。请在 Word 中另存为 .docx 后重新导入。")
    head = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"<html", b"<!doctype html", b"mime-version")):
        raise ImportRefused(path, "实际上是网页（HTML/MHT）文件，不是 .docx。请在 Word 中另存为 .docx。")
    if head.startswith(b"<?xml"):
        raise ImportRefused(path, "是 XML 文件（可能是 Word 2003 XML），不是 .docx。请在 Word 中另存为 .docx。")
    if not data.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        raise ImportRefused(path, "不是有效的 Word 文档（.docx）：内容无法识别，文件可能已损坏。")


def check_members(path: Path, archive: zipfile.ZipFile) -> None:
    """Zip-bomb and encryption checks from the central directory alone (nothing inflated)."""
    infos = archive.infolist()
    if len(infos) > MAX_MEMBERS:
        raise ImportRefused(path, f"包含的部件过多（{len(infos)} 个），疑似恶意构造的文件，拒绝导入。")
    total = sum(i.file_size for i in infos)
    if total > MAX_TOTAL_BYTES:
        raise ImportRefused(path, f"解压后约 {total / 2**20:.0f} MB，超过上限 "
                                  f"{MAX_TOTAL_BYTES // 2**20} MB（疑似“压缩炸弹”），拒绝导入。")
    for info in infos:
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > RATIO_FLOOR and ratio > MAX_RATIO:
            raise ImportRefused(path, f"中的 {info.filename} 压缩比异常（约 {ratio:.0f} 倍），"
                                      "疑似“压缩炸弹”，拒绝导入。")
        if info.flag_bits & 0x1:
            raise ImportRefused(path, "已加密（受密码保护），无法读取。请在 Word 中取消密码后重新导入。")


def parse_xml(path: Path, name: str, data: bytes) -> etree._Element:
    """XML bytes of one part → element; refuses DOCTYPE/entities and broken XML."""
    refuse_doctype(path, name, data)
    try:
        root = etree.fromstring(data, etree.XMLParser(**PARSER_OPTIONS))
    except etree.XMLSyntaxError as e:
        raise xml_refusal(path, name, e) from None
    check_docinfo(path, name, root)
    return root


# A hardened parser's options (a fresh parser each time: lxml parsers must not be shared
# between threads): no entities resolved, no DTD, no network, libxml2's depth limit kept.
PARSER_OPTIONS = dict(resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
                      huge_tree=False, remove_pis=True)


def refuse_doctype(path: Path, name: str, data: bytes) -> None:
    """Refuse a part that declares a DOCTYPE or entities, before any parser sees it."""
    probe = data
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        probe = data.decode("utf-16", errors="ignore").encode("utf-8")
    if _DOCTYPE.search(probe):
        raise ImportRefused(path, f"中的 {name} 含有 DOCTYPE 或实体声明（可能引用外部文件），"
                                  "出于安全原因拒绝导入。")


def xml_refusal(path: Path, name: str, e: etree.XMLSyntaxError) -> ImportRefused:
    """The refusal for a part the parser stopped on."""
    if "depth" in (e.msg or "").lower():   # libxml2 stops at 256 levels unless told otherwise
        return ImportRefused(path, f"中的 {name} 嵌套层数过多（超过 256 层），疑似恶意构造的文件，拒绝导入。")
    return ImportRefused(path, f"中的 {name} 已损坏（XML 格式错误：{e.msg}），无法读取。")


def check_docinfo(path: Path, name: str, root: etree._Element) -> None:
    info = root.getroottree().docinfo
    if info.doctype or info.internalDTD is not None or info.externalDTD is not None:
        raise ImportRefused(path, f"中的 {name} 含有 DOCTYPE 声明，出于安全原因拒绝导入。")


class DocxPackage:
    """The parts of a checked .docx: raw bytes by name, XML parsed safely, relationships."""

    def __init__(self, path: Path, archive: zipfile.ZipFile):
        self.path = path
        self._zip = archive
        self._names = {n.lower(): n for n in archive.namelist()}
        self._rels: dict[str, dict[str, tuple[str, str]]] = {}

    def has(self, name: str) -> bool:
        return name.lower() in self._names

    def blob(self, name: str) -> bytes:
        """A member's bytes (at most its declared size); refuses a damaged member."""
        real = self._names.get(name.lower())
        if real is None:
            raise ImportRefused(self.path, f"缺少部件 {name}，文件不完整。")
        info = self._zip.getinfo(real)
        try:
            with self._zip.open(info) as member:
                return member.read(info.file_size + 1)
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError, RuntimeError,
                ValueError, struct.error):   # a damaged local header can point before the file start
            raise ImportRefused(self.path, f"已损坏：部件 {name} 无法解压，文件可能被截断或改动。") from None

    def xml(self, name: str) -> etree._Element:
        """A part parsed safely, in transitional namespaces (Strict and bare forms renamed)."""
        data = self.blob(name)
        return normalize(parse_xml(self.path, name, data), data)

    def main_part(self) -> str:
        """The main document part: the package's officeDocument relationship (any name), else
        the part [Content_Types].xml calls the main document, else word/document.xml."""
        for target, _type in self.rels("").values():
            if _type.endswith(OFFICE_DOCUMENT) and self.has(target):
                if target.lower().startswith(("xl/", "ppt/")):
                    raise ImportRefused(self.path, _not_word(target))
                return target
        declared = self._declared_main()
        if declared:
            return declared
        if self.has("word/document.xml"):
            return "word/document.xml"
        if self.has("mimetype") and b"opendocument" in self.blob("mimetype"):
            raise ImportRefused(self.path, "是 OpenDocument（.odt）文件，不是 .docx。请另存为 .docx 后导入。")
        for name in self._names.values():
            if name.startswith(("xl/", "ppt/")):
                raise ImportRefused(self.path, _not_word(name))
        raise ImportRefused(self.path, "缺少正文部分（word/document.xml），不是完整的 Word 文档，无法导入。")

    def _declared_main(self) -> str | None:
        if not self.has("[Content_Types].xml"):
            return None
        for override in self.xml("[Content_Types].xml"):
            kind, name = override.get("ContentType", ""), override.get("PartName", "").lstrip("/")
            if kind.startswith(WORD_MAIN) and kind.endswith(".main+xml") and self.has(name):
                return name
        return None

    def rels(self, part: str) -> dict[str, tuple[str, str]]:
        """rId → (target part name, relationship type) for `part` ("" = the package)."""
        if part not in self._rels:
            self._rels[part] = self._read_rels(part)
        return self._rels[part]

    def _read_rels(self, part: str) -> dict[str, tuple[str, str]]:
        folder, base = posixpath.split(part)
        rels_name = posixpath.join(folder, "_rels", base + ".rels")
        if not self.has(rels_name):
            return {}
        out = {}
        for rel in self.xml(rels_name):
            rid, target = rel.get("Id"), unquote(rel.get("Target", ""))
            if rid is None or rel.get("TargetMode") == "External":
                continue
            if target.startswith("/"):
                name = target.lstrip("/")
            else:
                name = posixpath.normpath(posixpath.join(folder, target))
            out[rid] = (name, rel.get("Type", ""))
        return out

    def related(self, part: str, type_suffix: str) -> str | None:
        """The first part related to `part` by a relationship type ending in `type_suffix`."""
        for target, rtype in self.rels(part).values():
            if rtype.endswith(type_suffix) and self.has(target):
                return target
        return None


def _not_word(name: str) -> str:
    what = " Excel 表格" if name.startswith("xl/") else " PowerPoint 演示文稿" if name.startswith("ppt/") else "其他格式"
    return f"不是 Word 文档（实际是{what}，只是扩展名为 .docx），无法导入。"
