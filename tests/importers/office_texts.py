"""Plain-text submissions in the encodings offices save them in (for importer tests).

in: a folder; out, per case: (path, the text a reader sees). The same 实施意见 is written as
UTF-8 with and without BOM, UTF-16 with BOM (both byte orders) and without, GBK with Windows
line ends, and GB18030 with characters GBK lacks; every body paragraph is indented with two
full-width spaces as typed in Notepad; one file has stray spaces between Chinese characters and
one lost a byte in transfer.
"""
from __future__ import annotations

import codecs
from pathlib import Path

NOTICE = ("济南市人民政府办公厅\n关于加快推进养老服务发展的实施意见\n济政办发〔2020〕7号\n"
          "各区县人民政府，市政府各部门（单位）：\n"
          "　　为加快推进我市养老服务发展，经市政府同意，现提出如下实施意见。\n"
          "一、加快基本养老服务设施建设\n"
          "　　（一）推进养老服务机构建设。全面完成养老服务设施建设三年行动计划目标任务。\n"
          "济南市人民政府办公厅\n2020年4月30日\n（2020年4月30日印发）\n")
RARE = NOTICE.replace("现提出如下实施意见。", "现提出如下实施意见（涉及䶮村、𠀀屯两地）。")
SPACED = NOTICE.replace("全面完成养老服务设施", "全面完成 养老服务 设施")


def _cut_one_byte(text: str) -> bytes:
    """UTF-8 with the last byte of the first 养 lost (a damaged transfer)."""
    data = text.encode("utf-8")
    at = data.index("养".encode("utf-8"))
    return data[:at + 2] + data[at + 3:]


def _case(name: str, text: str, encode):
    def build(folder: Path) -> tuple[Path, str]:
        path = folder / name
        path.write_bytes(encode(text))
        return path, text
    return build


TEXT_CASES = {
    "utf8": _case("utf8.txt", NOTICE, lambda t: t.encode("utf-8")),
    "utf8_bom": _case("utf8_bom.txt", NOTICE, lambda t: codecs.BOM_UTF8 + t.encode("utf-8")),
    "utf16le_bom": _case("utf16le_bom.txt", NOTICE, lambda t: codecs.BOM_UTF16_LE + t.encode("utf-16-le")),
    "utf16be_bom": _case("utf16be_bom.txt", NOTICE, lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be")),
    "utf16le_nobom": _case("utf16le_nobom.txt", NOTICE, lambda t: t.encode("utf-16-le")),
    "gbk_crlf": _case("gbk_crlf.txt", NOTICE, lambda t: t.replace("\n", "\r\n").encode("gbk")),
    "gb18030": _case("gb18030.txt", RARE, lambda t: t.encode("gb18030")),
    "stray_spaces": _case("stray_spaces.txt", SPACED, lambda t: t.encode("utf-8")),
}
# One broken character shows as U+FFFD (one per maximal broken sequence, as Unicode specifies).
DAMAGED_UTF8 = {"utf8_damaged": lambda folder: (_case("utf8_damaged.txt", NOTICE, _cut_one_byte)(folder)[0],
                                                NOTICE.replace("养", "\ufffd", 1))}
