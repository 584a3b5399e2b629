"""Damaged and hostile input, generated: import_path either imports or refuses with one clear
line — never a crash, a traceback, a hang, or the catch-all "读取时出错" that marks a reader bug.

Mutations of the office fixtures (office_fixtures): bytes flipped, files cut short, zip members
replaced by junk, and WordprocessingML rearranged — odd elements dropped in at random places
(unbalanced fields, note references to nothing, numbering with absurd levels, deleted marks,
empty tables, stray text boxes…) and attribute values swapped for absurd ones. Text files:
random text in random encodings, then damaged the same ways. Bounded: a few hundred examples.
"""
from __future__ import annotations

import io
import json
import os
import re
import zipfile

from hypothesis import HealthCheck, given, settings, strategies as st

from editor.importers import ImportRefused, import_path
from editor.importers.jsonview import document_to_json
from make_fixtures import NS

EXAMPLES = int(os.environ.get("IMPORT_FUZZ_EXAMPLES", "150"))
BASES = ["tracked_changes", "comments", "notes", "textboxes", "red_header", "fields", "numbering",
         "tables_images", "transitional", "strict", "renamed_main", "bom_parts"]
_DECL = NS.replace('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ', "")
SNIPPETS = [
    '<w:r><w:fldChar w:fldCharType="begin"/></w:r>', '<w:r><w:fldChar w:fldCharType="separate"/></w:r>',
    '<w:r><w:fldChar w:fldCharType="end"/></w:r>', '<w:r><w:instrText> PAGE </w:instrText></w:r>',
    '<w:r><w:footnoteReference w:id="1"/></w:r>', '<w:r><w:endnoteReference w:id="404"/></w:r>',
    '<w:r><w:footnoteRef/></w:r>', '<w:p><w:pPr><w:numPr><w:ilvl w:val="8"/><w:numId w:val="1"/></w:numPr></w:pPr></w:p>',
    '<w:p><w:pPr><w:numPr><w:ilvl w:val="99"/><w:numId w:val="77"/></w:numPr></w:pPr></w:p>',
    '<w:p><w:pPr><w:rPr><w:del w:id="1" w:author="x"/></w:rPr></w:pPr><w:r><w:t>并</w:t></w:r></w:p>',
    "<w:tbl/>", "<w:tbl><w:tr/></w:tbl>", "<w:tc><w:p/></w:tc>", "<w:tr><w:trPr><w:del/></w:trPr></w:tr>",
    '<w:r><w:sym w:char="D800"/></w:r>', '<w:r><w:sym w:char="zz"/></w:r>', '<w:r><w:sym w:char="110000"/></w:r>',
    '<w:r><w:br w:type="page"/></w:r>', "<w:r><w:cr/></w:r>", "<w:r><w:t>字</w:t></w:r>", "<w:t>字</w:t>",
    f'<mc:AlternateContent {_DECL}><mc:Fallback><w:p><w:r><w:t>备</w:t></w:r></w:p></mc:Fallback></mc:AlternateContent>',
    f'<mc:AlternateContent {_DECL}><mc:Choice/></mc:AlternateContent>',
    "<w:txbxContent><w:p><w:r><w:t>框</w:t></w:r></w:p></w:txbxContent>",
    f'<w:drawing><a:blip {_DECL} r:embed="rIdNone"/></w:drawing>', f'<w:pict><v:imagedata {_DECL} r:id="rIdStyles"/></w:pict>',
    f'<w:drawing><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" {_DECL} r:id="x"/></w:drawing>',
    f'<w:drawing><dgm:relIds xmlns:dgm="http://schemas.openxmlformats.org/drawingml/2006/diagram" {_DECL} r:dm="rIdStyles"/></w:drawing>',
    '<w:commentRangeStart w:id="7"/>', '<w:commentReference w:id="7"/>', "<w:commentRangeEnd/>",
    f'<w:altChunk {_DECL} r:id="x"/>', '<w:sectPr><w:type w:val="nextPage"/></w:sectPr>',
    "<w:ins><w:p/></w:ins>", "<w:del><w:r><w:t>删</w:t></w:r></w:del>", "<w:moveTo><w:tbl/></w:moveTo>",
    "<w:sdt><w:sdtContent><w:p/></w:sdtContent></w:sdt>", "<w:body/>", "<w:p><w:p/></w:p>",
    '<w:r><w:rPr><w:vanish/></w:rPr><w:t>隐</w:t></w:r>', "<w:hyperlink><w:r><w:t>链</w:t></w:r></w:hyperlink>",
]
VALUES = ["", "-1", "0", "1", "8", "9", "99999999999", "²", "abc", "%1%2%9", "💥", "nothing", "bullet", "none",
          "page", "begin", "end", "separate", "center", "true", "D800", "10FFFF"]
_BOUNDARY = re.compile(r">(?=<)")
_ATTRIBUTE = re.compile(r'(\w+:\w+)="[^"]*"')


def _outcome(path) -> None:
    """Import `path`: a Document that serialises to JSON, or one clean refusal line."""
    try:
        doc = import_path(path)
    except ImportRefused as refused:
        message = str(refused)
        assert "\n" not in message and path.name in message
        assert "读取时出错" not in message, message
        return
    json.dumps(document_to_json(doc), ensure_ascii=False).encode("utf-8")   # no lone surrogates
    assert all(b.reason for b in doc.blocks)


def _mutate_xml(text: str, data: st.DataObject) -> str:
    """Drop snippets in between tags and swap attribute values, a few times each."""
    for _ in range(data.draw(st.integers(0, 6), label="insertions")):
        spots = [m.end() for m in _BOUNDARY.finditer(text)]
        if spots:
            at = data.draw(st.sampled_from(spots), label="where")
            text = text[:at] + data.draw(st.sampled_from(SNIPPETS), label="snippet") + text[at:]
    attributes = list(_ATTRIBUTE.finditer(text))
    for _ in range(data.draw(st.integers(0, 4), label="attribute changes")) if attributes else ():
        m = data.draw(st.sampled_from(attributes), label="attribute")
        text = text[:m.start()] + f'{m.group(1)}="{data.draw(st.sampled_from(VALUES))}"' + text[m.end():]
        attributes = list(_ATTRIBUTE.finditer(text))
    if data.draw(st.booleans(), label="drop an end tag"):
        ends = list(re.finditer(r"</[\w:]+>", text))
        if ends:
            m = data.draw(st.sampled_from(ends))
            text = text[:m.start()] + text[m.end():]
    return text


def _rezip(original: bytes, members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(original)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name in source.namelist():
            z.writestr(name, members.get(name, source.read(name)))
    return out.getvalue()


def _mutated_docx(base: bytes, data: st.DataObject) -> bytes:
    how = data.draw(st.sampled_from(["xml", "xml", "xml", "member", "flip", "truncate"]), label="how")
    if how == "flip":
        out = bytearray(base)
        for _ in range(data.draw(st.integers(1, 8))):
            out[data.draw(st.integers(0, len(out) - 1))] ^= data.draw(st.integers(1, 255))
        return bytes(out)
    if how == "truncate":
        return base[: data.draw(st.integers(0, len(base) - 1))]
    with zipfile.ZipFile(io.BytesIO(base)) as z:
        names = z.namelist()
        name = data.draw(st.sampled_from(names), label="member")
        content = z.read(name)
    if how == "member":
        junk = data.draw(st.sampled_from([b"", b"<x/>", b"\x00\xff" * 40, content[: len(content) // 2],
                                          b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e "e">]><x>&e;</x>',
                                          b"\xef\xbb\xbf" + content, content.replace(b"w:", b"q:")]))
        return _rezip(base, {name: junk})
    xml_names = [n for n in names if n.endswith((".xml", ".rels"))]
    name = data.draw(st.sampled_from(xml_names), label="xml member")
    with zipfile.ZipFile(io.BytesIO(base)) as z:
        text = z.read(name).decode("utf-8", errors="replace").lstrip("\ufeff")
    return _rezip(base, {name: _mutate_xml(text, data).encode("utf-8")})


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_mutated_word_files_import_or_refuse_cleanly(office, tmp_path_factory, data):
    base = office[data.draw(st.sampled_from(BASES), label="base")].path.read_bytes()
    path = tmp_path_factory.mktemp("fuzz") / "变异.docx"
    path.write_bytes(_mutated_docx(base, data))
    _outcome(path)


_TEXT = st.text(st.one_of(st.sampled_from("济南市人民政府关于通知〔〕（）：。，、　 \t\r\n\f一二1.#*-|<>"),
                          st.characters(codec="utf-8")), max_size=300)


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=_TEXT, codec=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "gb18030",
                                          "utf-32"]),
       damage=st.lists(st.tuples(st.integers(0, 10_000), st.integers(0, 255)), max_size=4),
       cut=st.one_of(st.none(), st.integers(0, 2_000)), suffix=st.sampled_from([".txt", ".md"]))
def test_damaged_text_files_import_or_refuse_cleanly(tmp_path_factory, text, codec, damage, cut, suffix):
    raw = bytearray(text.encode(codec, errors="replace"))
    for at, value in damage:
        if raw:
            raw[at % len(raw)] = value
    path = tmp_path_factory.mktemp("fuzz") / f"文本{suffix}"
    path.write_bytes(bytes(raw[:cut] if cut is not None else raw))
    _outcome(path)
