"""Fonts inside the DOCX (issue 11, item 2): the faces our layout used, subset to the
characters set in them, obfuscated as ECMA-376 Part 1 §17.8.1 describes, listed in the font
table with their keys, and the settings that make readers use them.

The embedded parts are read back here without the exporter's code: the key is taken from
the GUID string as the standard states it, the font checked with fontTools.
"""
import io
import re
import struct
import zipfile

import pytest
from fontTools.ttLib import TTFont
from lxml import etree

from editor.layout.fonts import SHIPPED_DIR
from editor.layout.spec import load_spec
from editor.model import Block, BlockKind, Document, DocumentRef, Issue, Section
from editor.pipeline import layout
from editor.render.docx import render_docx
from editor.render.docx.embed import obfuscate
from editor.render.docx.subset import NotTrueType, subset_font

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS = {"w": W, "r": R}
HAN = re.compile(r"[\u3400-\u9fff]")


def deobfuscated(data: bytes, key: str) -> bytes:
    """ECMA-376 Part 1 §17.8.1: the GUID's 32 hex digits read as 16 bytes from the last
    to the first, XORed over the first 32 bytes of the part."""
    digits = key.strip("{}").replace("-", "")
    mask = [int(digits[i:i + 2], 16) for i in range(30, -1, -2)]
    return bytes(b ^ mask[i % 16] for i, b in enumerate(data[:32])) + data[32:]


def test_obfuscation_xors_the_first_32_bytes_with_the_key_read_backwards():
    key = "{00112233-4455-6677-8899-AABBCCDDEEFF}"
    mask = bytes.fromhex("FFEEDDCCBBAA99887766554433221100")
    data = bytes(40)
    assert obfuscate(data, key) == mask + mask + bytes(8)
    font = bytes(range(64))
    assert obfuscate(obfuscate(font, key), key) == font
    assert deobfuscated(obfuscate(font, key), key) == font


def glyph_points(font: TTFont, ch: str):
    glyf = font["glyf"]
    return glyf[font.getBestCmap()[ord(ch)]].getCoordinates(glyf)[0]


@pytest.mark.parametrize("name", ["FandolFang-Regular.ttf", "NotoSerifSC-Bold.ttf"])
def test_a_subset_maps_just_the_characters_asked_with_the_same_outlines(name):
    path = SHIPPED_DIR / name
    wanted = set("济南市人民政府公报2020年，“”") | {"\U0002A6A5"}    # the last: in no face
    data, mapped = subset_font(str(path), 0, wanted)
    assert mapped == wanted - {"\U0002A6A5"}
    words = struct.unpack(f">{len(data) // 4}I", data)
    assert sum(words) & 0xFFFFFFFF == 0xB1B0AFBA         # head.checkSumAdjustment is right
    font, full = TTFont(io.BytesIO(data)), TTFont(str(path), lazy=True)
    assert set(map(chr, font.getBestCmap())) == mapped
    for ch in mapped:
        assert list(glyph_points(font, ch)) == list(glyph_points(full, ch))
        assert font["hmtx"][font.getBestCmap()[ord(ch)]] == full["hmtx"][full.getBestCmap()[ord(ch)]]
    assert not {"GSUB", "GPOS", "kern"} & set(font.keys())   # no reader kerns what we did not


def test_a_subset_keeps_the_parts_of_a_composite_glyph(tmp_path):
    # a font whose Ä is built from A and a diaeresis: both must come along
    from fontTools.fontBuilder import FontBuilder
    from fontTools.pens.ttGlyphPen import TTGlyphPen
    from fontTools.ttLib.tables._g_l_y_f import Glyph, GlyphComponent

    def box(x0, y0, x1, y1):
        pen = TTGlyphPen(None)
        pen.moveTo((x0, y0)); pen.lineTo((x0, y1)); pen.lineTo((x1, y1)); pen.lineTo((x1, y0))
        pen.closePath()
        return pen.glyph()
    order = [".notdef", "A", "dieresis", "Adieresis", "B"]
    fb = FontBuilder(1000, isTTF=True)
    fb.setupGlyphOrder(order)
    fb.setupCharacterMap({ord("A"): "A", 0xA8: "dieresis", 0xC4: "Adieresis", ord("B"): "B"})
    composite = Glyph()
    composite.numberOfContours = -1
    composite.components = []
    for glyph_name, dy in (("A", 0), ("dieresis", 700)):
        c = GlyphComponent()
        c.glyphName, c.x, c.y, c.flags = glyph_name, 0, dy, 0
        composite.components.append(c)
    fb.setupGlyf({".notdef": box(0, 0, 500, 700), "A": box(0, 0, 600, 700),
                  "dieresis": box(100, 0, 400, 100), "Adieresis": composite, "B": box(0, 0, 600, 700)})
    fb.setupHorizontalMetrics({g: (600, 0) for g in order})
    fb.setupHorizontalHeader(ascent=800, descent=-200)
    fb.setupNameTable({"familyName": "Test", "styleName": "Regular"})
    fb.setupOS2()
    fb.setupPost()
    path = tmp_path / "t.ttf"
    fb.save(str(path))
    data, mapped = subset_font(str(path), 0, {"Ä"})
    font = TTFont(io.BytesIO(data))
    glyf = font["glyf"]
    names = font.getGlyphOrder()
    assert mapped == {"Ä"} and set(map(chr, font.getBestCmap())) == {"Ä"}
    assert glyf[names[order.index("A")]].numberOfContours == 1          # kept: a component
    assert glyf[names[order.index("dieresis")]].numberOfContours == 1
    assert glyf[names[order.index("B")]].numberOfContours == 0          # dropped: empty slot


def test_a_file_without_truetype_outlines_is_refused(tmp_path):
    path = tmp_path / "x.ttf"
    path.write_bytes(b"\0\1\0\0" + bytes(200))
    with pytest.raises(NotTrueType):
        subset_font(str(path), 0, {"A"})


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    spec = load_spec("jinan-gazette")
    B, K = Block.of, BlockKind
    doc = Document(blocks=[B(K.TITLE, "关于加强城市管理的通知"), B(K.DOC_NUMBER, "济政字〔2020〕1号"),
                           B(K.HEADING, "一、总体要求", level=1),
                           B(K.HEADING, "（一）指导思想。坚持新发展理念。", level=2),
                           B(K.PARAGRAPH, "各区县要在2020年底前完成改造。")])
    issue = Issue(year=2020, number=1, total_number=300, date="2020-01-01",
                  sections=[Section("市政府文件", [DocumentRef("a", document=doc)])])
    result = layout(issue, spec)
    path = tmp_path_factory.mktemp("fonts") / "f.docx"
    render_docx(issue, spec, result.layout, path)
    return path, result.layout, doc


def parts(path) -> dict:
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n) for n in z.namelist()}


def test_every_face_is_embedded_once_deobfuscated_into_the_family_it_is_named_for(exported):
    path, laid, _ = exported
    files = parts(path)
    table = etree.fromstring(files["word/fontTable.xml"])
    rels = etree.fromstring(files["word/_rels/fontTable.xml.rels"])
    targets = {r.get("Id"): "word/" + r.get("Target") for r in rels}
    types = files["[Content_Types].xml"].decode()
    embedded = {}
    for font in table.findall("w:font", NS):
        for kind in ("embedRegular", "embedBold"):
            embed = font.find(f"w:{kind}", NS)
            if embed is None:
                continue
            part = targets[embed.get(f"{{{R}}}id")]
            assert re.search(rf'PartName="/{part}" ContentType="application/vnd\.openxmlformats-'
                             r'officedocument\.obfuscatedFont"', types)
            key = embed.get(f"{{{W}}}fontKey")
            assert re.fullmatch(r"\{[0-9A-F]{8}(-[0-9A-F]{4}){3}-[0-9A-F]{12}\}", key)
            face = TTFont(io.BytesIO(deobfuscated(files[part], key)))
            assert face["name"].getName(1, 3, 1, 0x409).toUnicode() == font.get(f"{{{W}}}name")
            assert bool(face["head"].macStyle & 1) == (kind == "embedBold")
            embedded[(font.get(f"{{{W}}}name"), kind)] = face
    # each role's face is in the file (title and bold runs share Noto Serif SC Bold)
    names = {(TTFont(f.path, lazy=True)["name"].getName(1, 3, 1, 0x409).toUnicode(),
              "embedBold" if TTFont(f.path, lazy=True)["head"].macStyle & 1 else "embedRegular")
             for f in laid.fonts.values()}
    assert names <= set(embedded)


def test_a_stand_in_keeps_the_office_font_it_replaces_as_its_alternative_name(exported):
    path, laid, _ = exported
    table = etree.fromstring(parts(path)["word/fontTable.xml"])
    body = laid.fonts["body"]
    assert body.substitute        # the tests run with the shipped fonts only
    family = TTFont(body.path, lazy=True)["name"].getName(1, 3, 1, 0x409).toUnicode()
    entry = table.xpath(f"w:font[@w:name='{family}']", namespaces=NS)[0]
    assert entry.find("w:altName", NS).get(f"{{{W}}}val") == body.wanted
    assert entry.find("w:charset", NS).get(f"{{{W}}}val") == "86"        # GB2312


def test_the_embedded_faces_hold_every_character_set_in_them(exported):
    path, _, doc = exported
    files = parts(path)
    table = etree.fromstring(files["word/fontTable.xml"])
    rels = {r.get("Id"): "word/" + r.get("Target")
            for r in etree.fromstring(files["word/_rels/fontTable.xml.rels"])}
    styles = etree.fromstring(files["word/styles.xml"])

    def face_of(style_name: str) -> TTFont:
        style = styles.xpath(f"w:style[w:name/@w:val='{style_name}']", namespaces=NS)[0]
        family = style.find("w:rPr/w:rFonts", NS).get(f"{{{W}}}eastAsia")
        bold = style.find("w:rPr/w:b", NS) is not None
        font = table.xpath(f"w:font[@w:name='{family}']", namespaces=NS)[0]
        embed = font.find("w:embedBold" if bold else "w:embedRegular", NS)
        data = deobfuscated(files[rels[embed.get(f"{{{R}}}id")]], embed.get(f"{{{W}}}fontKey"))
        return TTFont(io.BytesIO(data))
    for style_name, text in (("Title", doc.blocks[0].text), ("一级标题", doc.blocks[2].text),
                             ("Normal", doc.blocks[4].text)):
        cmap = face_of(style_name).getBestCmap()
        assert set(HAN.findall(text)) <= set(map(chr, cmap)), style_name
        assert set("0123456789") <= set(map(chr, cmap))       # page numbers may change
