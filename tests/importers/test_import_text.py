"""Text sources: encodings found by strict decoding, Markdown-like markup, refusals."""
from __future__ import annotations

import codecs

import pytest

from editor.importers import import_path
from editor.importers.markdown import parse_inline, parse_markdown
from editor.model import BlockKind, Severity
from importer_checks import assert_nothing_lost, refusal

NOTICE = """济南市人民政府办公厅
关于加快推进养老服务发展的实施意见
济政办发〔2020〕7号
各区县人民政府，市政府各部门（单位）：
　　为加快推进我市养老服务发展，经市政府同意，现提出如下实施意见。
一、加快基本养老服务设施建设
　　（一）推进养老服务机构建设。全面完成养老服务设施建设三年行动计划目标任务。
济南市人民政府办公厅
2020年4月30日
（2020年4月30日印发）
"""

ENCODINGS = [
    ("utf-8", b"", "utf-8", "UTF-8"),
    ("utf-8", codecs.BOM_UTF8, "utf-8-sig", "UTF-8（带 BOM）"),
    ("utf-16-le", codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
    ("utf-16-be", codecs.BOM_UTF16_BE, "utf-16", "UTF-16"),
    ("gb18030", b"", "gb18030", "GB18030"),
    ("gbk", b"", "gb18030", "GB18030"),
]


@pytest.mark.parametrize("codec, bom, expected, label", ENCODINGS)
def test_encodings_detected_and_reported(tmp_path, codec, bom, expected, label):
    path = tmp_path / f"意见-{codec}.txt"
    path.write_bytes(bom + NOTICE.encode(codec))
    doc = import_path(path)
    assert doc.encoding == expected
    info = [d for d in doc.diagnostics if d.code == "encoding"]
    assert len(info) == 1 and info[0].severity == Severity.INFO
    assert info[0].message == f"以 {label} 编码读取" and info[0].source == str(path)
    assert doc.title == "济南市人民政府办公厅关于加快推进养老服务发展的实施意见"
    assert doc.title_lines == ["济南市人民政府办公厅", "关于加快推进养老服务发展的实施意见"]
    assert (doc.doc_number, doc.date, doc.signature) == ("济政办发〔2020〕7号", "2020年4月30日", ["济南市人民政府办公厅"])
    assert doc.kind == "意见" and doc.source == str(path)
    assert_nothing_lost(NOTICE, doc, markdown=False)


def test_gb18030_only_characters(tmp_path):
    text = "关于䶮字和𠀀字的通知\n各有关单位：\n　　请注意。\n"
    path = tmp_path / "生僻字.txt"
    path.write_bytes(text.encode("gb18030"))
    doc = import_path(path)
    assert doc.encoding == "gb18030" and "䶮" in doc.text and "𠀀" in doc.text


def test_full_width_indent_is_stripped(tmp_path):
    path = tmp_path / "缩进.txt"
    path.write_text(NOTICE, encoding="utf-8")
    body = [b for b in import_path(path).blocks if b.kind == BlockKind.PARAGRAPH]
    assert body[0].text.startswith("为加快推进")


def test_empty_and_blank_files_refused(tmp_path):
    empty = tmp_path / "空.txt"
    empty.write_bytes(b"")
    assert "空的" in refusal(empty)
    blank = tmp_path / "空白.md"
    blank.write_text(" \n\u3000\u3000\n\t\n", encoding="utf-8")
    assert "只有空白" in refusal(blank)
    bom_only = tmp_path / "只有BOM.txt"
    bom_only.write_bytes(codecs.BOM_UTF16_LE)
    assert "只有空白" in refusal(bom_only)


def test_binary_junk_refused(tmp_path):
    junk = tmp_path / "乱码.txt"
    junk.write_bytes(bytes(range(256)) * 16)
    assert "二进制" in refusal(junk)
    controls = tmp_path / "控制符.txt"
    controls.write_bytes(("正文" + "\x01\x02\x03\x04" * 50).encode("utf-8"))
    assert "控制字符" in refusal(controls)


def test_undecodable_text_refused(tmp_path):
    path = tmp_path / "坏编码.txt"
    path.write_bytes("正文内容".encode("utf-8") + b"\xff\xfe\xfd" + "结束".encode("gbk"))
    assert "编码无法识别" in refusal(path)


def test_pdf_named_txt_refused(tmp_path):
    path = tmp_path / "公报.txt"
    path.write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    assert "PDF" in refusal(path)


def test_bad_bom_refused(tmp_path):
    path = tmp_path / "假BOM.txt"
    path.write_bytes(codecs.BOM_UTF8 + b"\xff\xff\xff")
    assert "BOM" in refusal(path)


def test_inline_markup_to_runs():
    runs = parse_inline("**我们始终把疫情防控作为头等大事来抓**，PM<sub>2.5</sub>平均浓度，m<sup>2</sup>，*强调*")
    assert [(r.text, r.bold, r.italic, r.script) for r in runs] == [
        ("我们始终把疫情防控作为头等大事来抓", True, False, ""), ("，PM", False, False, ""),
        ("2.5", False, False, "sub"), ("平均浓度，m", False, False, ""), ("2", False, False, "sup"),
        ("，", False, False, ""), ("强调", False, True, "")]


def test_links_escapes_and_unpaired_markup():
    text = "".join(r.text for r in parse_inline(
        "网址：<http://www.jinan.gov.cn>，信箱：[sdjngb@jinan.gov.cn](mailto:sdjngb@jinan.gov.cn)，\\*号，a ** b"))
    assert text == "网址：http://www.jinan.gov.cn，信箱：sdjngb@jinan.gov.cn，*号，a ** b"


def test_block_markup_to_candidates():
    blocks = parse_markdown("# 标题一行\n\n---\n\n**第一行  \n第二行**  \n济建发〔2020〕23号\n\n"
                            "- （一）列表项；\n- （二）列表项。\n\n| 项目 | 数量 |\n|---|---|\n| 养老院 | 12 |\n"
                            "前\f后\n")
    assert [(b.kind, b.level, b.text) for b in blocks] == [
        (BlockKind.HEADING, 1, "标题一行"), (BlockKind.PARAGRAPH, 0, "第一行"),
        (BlockKind.PARAGRAPH, 0, "第二行"), (BlockKind.PARAGRAPH, 0, "济建发〔2020〕23号"),
        (BlockKind.LIST_ITEM, 0, "（一）列表项；"), (BlockKind.LIST_ITEM, 0, "（二）列表项。"),
        (BlockKind.TABLE, 0, "项目\t数量\n养老院\t12"), (BlockKind.PARAGRAPH, 0, "前"),
        (BlockKind.PAGE_BREAK, 0, ""), (BlockKind.PARAGRAPH, 0, "后")]
    assert all(r.bold for b in blocks[1:3] for r in b.runs)
    assert not any(r.bold for r in blocks[3].runs)


def test_markdown_document_bold_runs_survive(tmp_path):
    source = ("# 政府工作报告\n\n——2020年5月12日在济南市第十七届\n\n人民代表大会第二次会议上\n\n"
              "济南市市长 孙述涛\n\n各位代表：\n\n**我们始终把疫情防控作为头等大事来抓**，迅速启动一级响应机制。\n")
    path = tmp_path / "报告.md"
    path.write_text(source, encoding="utf-8")
    doc = import_path(path)
    body = doc.blocks[-1]
    assert body.runs[0].bold and body.runs[0].text == "我们始终把疫情防控作为头等大事来抓"
    assert not body.runs[1].bold
    assert doc.subtitle == "——2020年5月12日在济南市第十七届\n人民代表大会第二次会议上"
    assert doc.author == "济南市市长 孙述涛"
    assert_nothing_lost(source, doc)
