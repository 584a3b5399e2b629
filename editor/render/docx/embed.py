"""Fonts inside the DOCX: the faces our layout set the issue in, named as the file names
them, subset to the characters the DOCX sets in each, obfuscated and embedded.

in: the layout's faces per role (LayoutResult.fonts) and, once the document is written,
the python-docx Document; out: `doc_fonts` — the family each role is written under (its
own name: the office font when the build found it installed, else the shipped stand-in,
e.g. FandolFang R, with the office name kept as w:altName) — and `embed_fonts`, which adds
one obfuscated font part per face.

ECMA-376 Part 1 (5th ed.) relied on:
- §17.8.1 Font Embedding: an embedded font is an obfuscated TrueType part (.odttf, content
  type application/vnd.openxmlformats-officedocument.obfuscatedFont) related to the font
  table part; obfuscation XORs the font's first 32 bytes with the 16 bytes of the GUID
  in w:fontKey, taken from the GUID string's last byte to its first, twice over.
- §17.8.3.3–6 embedRegular / embedBold (w:fontKey, r:id, w:subsetted); §17.8.3.1 altName,
  §17.8.3.2 charset, §17.8.3.10 sig, §17.8.3.13 panose1, all inside w:font in fontTable.
- §17.15.1.43 embedTrueTypeFonts and §17.15.1.74 saveSubsetFonts in settings: Word (2007
  and later) loads embedded fonts only when the first is on, and keeps them subset on save
  with the second. WPS reads the same parts. LibreOffice (writerfilter FontTable.cxx)
  reads embedRegular/Bold/Italic, undoes the obfuscation with the key and uses a face
  whose OS/2 fsType allows editing (installable or editable); it ignores w:subsetted.
"""
from __future__ import annotations

import hashlib
import threading
import uuid
from dataclasses import dataclass

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml.ns import qn
from fontTools.ttLib import TTFont
from lxml import etree

from ...layout.fonts import FontFace
from . import oxml
from .oxml import w
from .subset import NotTrueType, subset_font

OBFUSCATED_FONT = "application/vnd.openxmlformats-officedocument.obfuscatedFont"
GB2312_CODEPAGE = 1 << 18      # OS/2 ulCodePageRange1 bit 18: Chinese simplified (GB2312)
FIELD_DIGITS = set("0123456789")   # PAGE and PAGEREF results change when a reader updates them
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


@dataclass(frozen=True)
class DocFont:
    """How the DOCX names one role's face."""
    family: str         # the face's family (name ID 1), as w:rFonts and w:font/@w:name
    bold: bool          # the family's bold face: styles set w:b, the font table embedBold
    face: FontFace
    office: str = ""    # the office font it stands in for (w:altName), if a stand-in


@dataclass(frozen=True)
class _FaceInfo:
    family: str
    bold: bool
    editable: bool      # OS/2 fsType lets a reader embed it for editing (what LibreOffice asks)
    charset: str
    panose: str
    sig: dict


_info_cache: dict[tuple[str, int], _FaceInfo] = {}
_lock = threading.Lock()


def _face_info(face: FontFace) -> _FaceInfo:
    key = (face.path, face.index)
    with _lock:
        if key not in _info_cache:
            font = TTFont(face.path, fontNumber=face.index, lazy=True)
            name = font["name"]
            family = (name.getName(1, 3, 1, 0x409) or name.getName(1, 1, 0, 0)
                      or name.getDebugName(1) or face.name)
            os2 = font["OS/2"] if "OS/2" in font else None
            weight = os2.usWeightClass if os2 else 400
            fs_type = os2.fsType if os2 else 0
            bold = bool(font["head"].macStyle & 1) or weight >= 600
            pages = os2.ulCodePageRange1 if os2 and os2.version >= 1 else 0
            panose = "".join(f"{getattr(os2.panose, f):02X}" for f in (
                "bFamilyType", "bSerifStyle", "bWeight", "bProportion", "bContrast",
                "bStrokeVariation", "bArmStyle", "bLetterForm", "bMidline", "bXHeight")) \
                if os2 else "0" * 20
            sig = ({"usb0": os2.ulUnicodeRange1, "usb1": os2.ulUnicodeRange2,
                    "usb2": os2.ulUnicodeRange3, "usb3": os2.ulUnicodeRange4,
                    "csb0": pages, "csb1": getattr(os2, "ulCodePageRange2", 0)} if os2 else {})
            _info_cache[key] = _FaceInfo(
                str(family), bold, fs_type == 0 or bool(fs_type & 0x0008),
                "86" if pages & GB2312_CODEPAGE else "00", panose,
                {k: f"{v & 0xFFFFFFFF:08X}" for k, v in sig.items()})
        return _info_cache[key]


def doc_fonts(faces: dict[str, FontFace]) -> dict[str, DocFont]:
    """in: role → the face the layout used; out: role → how the DOCX names it."""
    out = {}
    for role, face in faces.items():
        info = _face_info(face)
        out[role] = DocFont(info.family, info.bold, face, face.wanted if face.substitute else "")
    return out


def font_key(data: bytes) -> str:
    """A GUID for w:fontKey, derived from the font's bytes (the same file, the same key)."""
    return "{" + str(uuid.UUID(bytes=hashlib.sha1(data).digest()[:16])).upper() + "}"


def obfuscate(data: bytes, key: str) -> bytes:
    """ECMA-376 Part 1 §17.8.1: XOR bytes 0–31 with the key's 16 bytes, which are the GUID
    string's hex pairs read from the last to the first (the same operation undoes it)."""
    digits = key.strip("{}").replace("-", "")
    mask = bytes.fromhex(digits)[::-1]
    head = bytes(b ^ mask[i % 16] for i, b in enumerate(data[:32]))
    return head + data[32:]


# -- which characters each face sets -------------------------------------------------

def _resolved_styles(styles) -> dict[str, tuple[str | None, str | None, bool]]:
    """style id → (East Asian family, Latin family, bold) after basedOn and the defaults."""
    defaults = styles.find(qn("w:docDefaults"))
    base = _run_fonts(defaults.find("w:rPrDefault/w:rPr", {"w": W_NS})
                      if defaults is not None else None, (None, None, False))
    raw = {s.get(qn("w:styleId")): s for s in styles.findall(qn("w:style"))}
    out: dict[str, tuple] = {}

    def resolve(sid: str, depth: int = 0) -> tuple:
        if sid in out:
            return out[sid]
        el = raw.get(sid)
        if el is None or depth > 20:
            return base
        based = el.find(qn("w:basedOn"))
        parent = resolve(based.get(qn("w:val")), depth + 1) if based is not None else base
        out[sid] = _run_fonts(el.find(qn("w:rPr")), parent)
        return out[sid]

    for sid in raw:
        resolve(sid)
    return out


def _run_fonts(rPr, inherited: tuple) -> tuple:
    east, latin, bold = inherited
    if rPr is None:
        return inherited
    fonts = rPr.find(qn("w:rFonts"))
    if fonts is not None:
        east = fonts.get(qn("w:eastAsia"), east)
        latin = fonts.get(qn("w:ascii"), latin)
    b = rPr.find(qn("w:b"))
    if b is not None:
        bold = b.get(qn("w:val"), "1") not in ("0", "false", "off")
    return east, latin, bold


def _default_paragraph_style(styles) -> str | None:
    for s in styles.findall(qn("w:style")):
        if s.get(qn("w:type")) == "paragraph" and s.get(qn("w:default")) in ("1", "true"):
            return s.get(qn("w:styleId"))
    return None


def characters_by_face(doc) -> dict[tuple[str, bool], set[str]]:
    """(family, bold) → the characters the document's runs set in it: body, headers and
    footers, each run in the fonts its character style, paragraph style and defaults give."""
    styles = doc.styles.element
    fonts = _resolved_styles(styles)
    default = _default_paragraph_style(styles)
    parts = [doc.part] + [rel.target_part for rel in doc.part.rels.values()
                          if rel.reltype in (RT.HEADER, RT.FOOTER)]
    out: dict[tuple[str, bool], set[str]] = {}
    P, R, T, PPR, PSTYLE, RPR, RSTYLE, VAL = (w(n) for n in (
        "p", "r", "t", "pPr", "pStyle", "rPr", "rStyle", "val"))
    for part in parts:
        for p in part.element.iter(P):
            pPr = p.find(PPR)
            style = pPr.find(PSTYLE) if pPr is not None else None
            para = fonts.get(style.get(VAL) if style is not None else default, (None, None, False))
            for r in p.iter(R):
                text = "".join(t.text or "" for t in r.iter(T))
                if not text:
                    continue
                rPr = r.find(RPR)
                own = para
                if rPr is not None:
                    rstyle = rPr.find(RSTYLE)
                    if rstyle is not None:
                        own = _merge(para, fonts.get(rstyle.get(VAL), (None, None, False)))
                    own = _run_fonts(rPr, own)
                east, latin, bold = own
                for family in {east, latin} - {None}:
                    out.setdefault((family, bold), set()).update(text)
    return out


def _merge(para: tuple, char: tuple) -> tuple:
    """A character style's fonts over the paragraph's (what it names wins)."""
    return (char[0] or para[0], char[1] or para[1], char[2] or para[2])


# -- the parts ---------------------------------------------------------------------

def embed_fonts(doc, fonts: dict[str, DocFont]) -> None:
    """Embed every face of `fonts`, subset to the characters set in it, and write the font
    table (one w:font per family) and the settings that make readers use them."""
    used = characters_by_face(doc)
    faces: dict[tuple[str, bool], DocFont] = {}
    for f in fonts.values():
        faces.setdefault((f.family, f.bold), f)
    table_part = doc.part.part_related_by(RT.FONT_TABLE)
    table = etree.Element(qn("w:fonts"), nsmap={"w": W_NS, "r": R_NS})
    entries: dict[str, object] = {}
    for n, ((family, bold), f) in enumerate(sorted(faces.items()), 1):
        info = _face_info(f.face)
        entry = entries.get(family)
        if entry is None:
            entry = entries[family] = _font_entry(table, family, f, info)
        chars = _chars_for(used, family, bold, faces)
        if not info.editable or not chars:
            continue
        try:
            data, _ = subset_font(f.face.path, f.face.index, chars | FIELD_DIGITS)
        except (NotTrueType, OSError):
            continue              # named, not embedded: a reader falls back to its own fonts
        key = font_key(data)
        part = Part(PackURI(f"/word/fonts/font{n}.odttf"), OBFUSCATED_FONT, obfuscate(data, key),
                    doc.part.package)
        rid = table_part.relate_to(part, RT.FONT)
        embed = etree.SubElement(entry, qn("w:embedBold" if bold else "w:embedRegular"))
        embed.set(qn("r:id"), rid)
        embed.set(qn("w:fontKey"), key)
        embed.set(qn("w:subsetted"), "1")
    for entry in entries.values():       # embedRegular before embedBold (schema order)
        embeds = sorted(entry.findall(qn("w:embedRegular")) + entry.findall(qn("w:embedBold")),
                        key=lambda e: e.tag != qn("w:embedRegular"))
        for e in embeds:
            entry.append(e)
    table_part._blob = etree.tostring(table, xml_declaration=True, encoding="UTF-8",
                                      standalone=True)
    settings = doc.settings.element
    oxml.set_on(settings, "embedTrueTypeFonts")
    oxml.set_on(settings, "saveSubsetFonts")


def _chars_for(used: dict, family: str, bold: bool, faces: dict) -> set[str]:
    """Characters set in (family, bold); a family embedded in one weight only also takes
    the characters set in its other weight (a reader draws those from this face)."""
    chars = set(used.get((family, bold), set()))
    if (family, not bold) not in faces:
        chars |= used.get((family, not bold), set())
    return chars


def _font_entry(table, family: str, f: DocFont, info: _FaceInfo):
    entry = etree.SubElement(table, qn("w:font"))
    entry.set(qn("w:name"), family)
    if f.office and f.office != family:
        etree.SubElement(entry, qn("w:altName")).set(qn("w:val"), f.office)
    etree.SubElement(entry, qn("w:panose1")).set(qn("w:val"), info.panose)
    etree.SubElement(entry, qn("w:charset")).set(qn("w:val"), info.charset)
    etree.SubElement(entry, qn("w:family")).set(qn("w:val"), "auto")
    etree.SubElement(entry, qn("w:pitch")).set(qn("w:val"), "variable")
    if info.sig:
        sig = etree.SubElement(entry, qn("w:sig"))
        for k, v in info.sig.items():
            sig.set(qn(f"w:{k}"), v)
    return entry
