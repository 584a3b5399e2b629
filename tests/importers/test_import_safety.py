"""Bad and hostile input: each is refused with its own Chinese message naming the file."""
from __future__ import annotations

import os
import zipfile

import pytest

from editor.importers import import_path
from importer_checks import refusal
from make_fixtures import gazette_docx, ole2_bytes, p, write_docx, write_zip, zip_bomb


def test_random_bytes_named_docx(tmp_path):
    path = tmp_path / "乱码.docx"
    path.write_bytes(os.urandom(4096).replace(b"PK", b"pk").replace(b"\xd0\xcf", b"dc"))
    assert "不是有效的 Word 文档" in refusal(path)


def test_truncated_docx(tmp_path):
    whole = gazette_docx(tmp_path / "whole.docx").read_bytes()
    path = tmp_path / "截断.docx"
    path.write_bytes(whole[: len(whole) // 2])
    assert "压缩包不完整" in refusal(path)


def test_password_protected_docx(tmp_path):
    path = tmp_path / "加密.docx"
    path.write_bytes(ole2_bytes(encrypted=True))
    message = refusal(path)
    assert "已加密" in message and "密码" in message


@pytest.mark.parametrize("name", ["旧文档.docx", "旧文档.doc", "金山.wps"])
def test_old_binary_formats(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(ole2_bytes(encrypted=False))
    message = refusal(path)
    assert ".doc" in message and "另存为" in message


def test_doc_suffix_holding_a_docx_is_read(tmp_path):
    path = tmp_path / "其实是新格式.doc"
    path.write_bytes(gazette_docx(tmp_path / "x.docx").read_bytes())
    assert import_path(path).title == "济南市人民政府办公厅关于加快推进养老服务发展的通知"


def test_pdf_renamed_docx(tmp_path):
    path = tmp_path / "公报.docx"
    path.write_bytes(b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF\n")
    assert "PDF" in refusal(path)


def test_empty_docx(tmp_path):
    path = tmp_path / "空.docx"
    path.write_bytes(b"")
    assert "空的" in refusal(path)


@pytest.fixture
def opened(monkeypatch) -> list:
    """Every zip member opened for reading (to prove a refusal came from the directory alone;
    the test's own writing of the fixture is not counted)."""
    calls = []
    original = zipfile.ZipFile.open

    def spy(self, *a, **k):
        if (a[1] if len(a) > 1 else k.get("mode", "r")) == "r":
            calls.append(a)
        return original(self, *a, **k)
    monkeypatch.setattr(zipfile.ZipFile, "open", spy)
    return calls


def test_zip_bomb_refused_from_directory_before_inflating(tmp_path, opened):
    path = zip_bomb(tmp_path / "炸弹.docx", megabytes=300)
    assert path.stat().st_size < 2 * 2**20
    message = refusal(path)
    assert "压缩炸弹" in message and "200 MB" in message
    assert opened == []


def test_high_ratio_member_refused(tmp_path, opened):
    path = zip_bomb(tmp_path / "高压缩比.docx", megabytes=20, member="word/media/image1.png")
    message = refusal(path)
    assert "压缩比异常" in message and "word/media/image1.png" in message
    assert opened == []


def test_too_many_members(tmp_path):
    path = write_zip(tmp_path / "部件太多.docx", {f"word/x{i}.xml": "" for i in range(5001)})
    assert "部件过多" in refusal(path)


def test_external_entity_refused(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("绝密内容", encoding="utf-8")
    document = ('<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file://'
                f'{secret}">]><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
                '<w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>')
    path = write_docx(tmp_path / "实体.docx", "", document_xml=document)
    message = refusal(path)
    assert "DOCTYPE" in message and "绝密" not in message


def test_billion_laughs_refused(tmp_path):
    entities = "".join(f'<!ENTITY l{i} "&l{i - 1};&l{i - 1};&l{i - 1};">' for i in range(1, 10))
    document = (f'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY l0 "哈">{entities}]>'
                '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
                '<w:body><w:p><w:r><w:t>&l9;</w:t></w:r></w:p></w:body></w:document>')
    assert "DOCTYPE" in refusal(write_docx(tmp_path / "笑.docx", "", document_xml=document))


def test_doctype_in_utf16_part_refused(tmp_path):
    document = ('<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE x><w:document '
                'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body/></w:document>')
    path = write_zip(tmp_path / "十六位.docx", {"word/document.xml": b"\xff\xfe" + document.encode("utf-16-le")})
    assert "DOCTYPE" in refusal(path)


def test_broken_xml(tmp_path):
    path = write_docx(tmp_path / "坏XML.docx", "", document_xml='<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p>')
    assert "已损坏" in refusal(path)


def test_word_owner_file(tmp_path):
    path = tmp_path / "~$通知.docx"
    path.write_bytes(b"\x0aZhang San" + b"\x00" * 152)
    message = refusal(path)
    assert "临时锁定文件" in message and "通知.docx" in message


def test_missing_document_part(tmp_path):
    path = write_zip(tmp_path / "缺正文.docx", {"[Content_Types].xml": "<Types/>", "docProps/app.xml": "<x/>"})
    assert "word/document.xml" in refusal(path)


def test_spreadsheet_renamed_docx(tmp_path):
    path = write_zip(tmp_path / "表格.docx", {"xl/workbook.xml": "<workbook/>"})
    assert "Excel" in refusal(path)


def test_missing_file_and_unsupported_type(tmp_path):
    assert "不存在" in refusal(tmp_path / "没有这个文件.docx")
    other = tmp_path / "图.png"
    other.write_bytes(b"\x89PNG")
    assert "不受支持" in refusal(other)


def test_damaged_member_refused(tmp_path):
    path = write_docx(tmp_path / "坏部件.docx", p("正文"))
    data = bytearray(path.read_bytes())
    start = data.find(b"word/document.xml") + len("word/document.xml")   # first local header's data
    data[start + 5: start + 40] = b"\x00" * 35
    path.write_bytes(bytes(data))
    assert "已损坏" in refusal(path)


def test_deeply_nested_xml_refused(tmp_path):
    body = "<w:sdt><w:sdtContent>" * 300 + p("深") + "</w:sdtContent></w:sdt>" * 300
    assert "嵌套层数过多" in refusal(write_docx(tmp_path / "深.docx", body))
