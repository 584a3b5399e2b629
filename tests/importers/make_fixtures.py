"""Builders for importer test inputs, written into a test's tmp_path (no binaries in git).

in: a target path and the content wanted; out: the file, written. `write_docx` assembles a
.docx from raw WordprocessingML (for footnotes, text boxes, fields, tracked changes — things
python-docx cannot write); `gazette_docx` uses python-docx the way a clerk's Word file looks;
the rest make bad input: OLE2 files (old .doc, encrypted .docx), zip bombs, PNG bytes.
"""
from __future__ import annotations

import struct
import zipfile
import zlib
from pathlib import Path

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.shared import Pt

NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
      'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
      'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
      'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
      'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture" '
      'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
      'xmlns:wpg="http://schemas.microsoft.com/office/word/2010/wordprocessingGroup" '
      'xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" '
      'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math"')
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Default Extension="png" ContentType="image/png"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.'
    'wordprocessingml.document.main+xml"/></Types>')
_PACKAGE_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    f'<Relationship Id="rId1" Type="{REL}/officeDocument" Target="word/document.xml"/></Relationships>')


def p(text: str = "", *, jc: str = "", bold: bool = False, style: str = "", extra_ppr: str = "") -> str:
    """One w:p with one run (XML-escaped text)."""
    ppr = (f'<w:pStyle w:val="{style}"/>' if style else "") + (f'<w:jc w:val="{jc}"/>' if jc else "") + extra_ppr
    rpr = "<w:rPr><w:b/></w:rPr>" if bold else ""
    run = f'<w:r>{rpr}<w:t xml:space="preserve">{_esc(text)}</w:t></w:r>' if text else ""
    return f"<w:p>{'<w:pPr>' + ppr + '</w:pPr>' if ppr else ''}{run}</w:p>"


def r(text: str, rpr: str = "") -> str:
    return f'<w:r>{"<w:rPr>" + rpr + "</w:rPr>" if rpr else ""}<w:t xml:space="preserve">{_esc(text)}</w:t></w:r>'


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def write_docx(path: Path, body: str, **parts) -> Path:
    """A .docx whose word/document.xml body is `body` (raw w: XML); see `docx_parts`."""
    return write_zip(path, docx_parts(body, **parts))


def docx_parts(body: str, *, styles: str = "", numbering: str = "", footnotes: str = "",
               endnotes: str = "", comments: str = "", settings: str = "",
               media: dict[str, bytes] | None = None, document_xml: str | None = None,
               extra: dict[str, tuple[str, str, str]] | None = None) -> dict[str, str | bytes]:
    """The parts of a .docx by name: word/document.xml around `body`, optional parts by content.
    `extra`: rId → (relationship type name, target under word/, content) for other parts."""
    rels, parts = [], {}
    for rid, name, content in (("rIdStyles", "styles", styles), ("rIdNumbering", "numbering", numbering),
                               ("rIdFootnotes", "footnotes", footnotes), ("rIdEndnotes", "endnotes", endnotes),
                               ("rIdComments", "comments", comments), ("rIdSettings", "settings", settings)):
        if content:
            rels.append(f'<Relationship Id="{rid}" Type="{REL}/{name}" Target="{name}.xml"/>')
            parts[f"word/{name}.xml"] = f'<?xml version="1.0" encoding="UTF-8"?><w:{name} {NS}>{content}</w:{name}>'
    for rid, (rtype, target, content) in (extra or {}).items():
        rels.append(f'<Relationship Id="{rid}" Type="{REL}/{rtype}" Target="{target}"/>')
        parts[f"word/{target}"] = content
    for rid, data in (media or {}).items():
        rels.append(f'<Relationship Id="{rid}" Type="{REL}/image" Target="media/{rid}.png"/>')
        parts[f"word/media/{rid}.png"] = data
    parts["word/_rels/document.xml.rels"] = (
        '<?xml version="1.0" encoding="UTF-8"?><Relationships '
        f'xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{"".join(rels)}</Relationships>')
    parts["word/document.xml"] = document_xml if document_xml is not None else (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {NS}><w:body>{body}'
        '<w:sectPr/></w:body></w:document>')
    return {"[Content_Types].xml": _CONTENT_TYPES, "_rels/.rels": _PACKAGE_RELS, **parts}


def write_zip(path: Path, parts: dict[str, str | bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data.encode("utf-8") if isinstance(data, str) else data)
    return path


def png_bytes(width: int = 2, height: int = 1) -> bytes:
    """A valid tiny PNG (python-docx reads its header)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    raw = b"".join(b"\x00" + b"\xff\x00\x00" * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def gazette_docx(path: Path, *, with_picture: bool = False) -> Path:
    """A 通知 as a clerk types it in Word: centred bold title over two paragraphs, centred
    文号, 主送, body with bold lead-in runs and sub/superscript, headings, a table, a page
    break, right-aligned 落款 and date, the 印发 line."""
    d = docx.Document()
    for line in ("济南市人民政府办公厅", "关于加快推进养老服务发展的通知"):
        para = d.add_paragraph()
        para.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = para.add_run(line)
        run.bold, run.font.size = True, Pt(22)
    d.add_paragraph("济政办发〔2020〕7号").alignment = WD_ALIGN_PARAGRAPH.CENTER
    d.add_paragraph("各区县人民政府，市政府各部门（单位）：")
    d.add_paragraph("为加快推进我市养老服务发展，经市政府同意，现通知如下。")
    d.add_paragraph("一、加快基本养老服务设施建设")
    body = d.add_paragraph()
    body.add_run("（一）推进养老服务机构建设。").bold = True
    body.add_run("PM")
    body.add_run("2.5").font.subscript = True
    body.add_run("浓度下降，面积100m")
    body.add_run("2").font.superscript = True
    body.add_run("，").italic = False
    body.add_run("着重强调").italic = True
    body.add_run("。")
    table = d.add_table(rows=2, cols=2)
    for (row, col), text in {(0, 0): "项目", (0, 1): "数量", (1, 0): "养老院", (1, 1): "12"}.items():
        table.cell(row, col).text = text
    broken = d.add_paragraph()
    broken.add_run().add_break(WD_BREAK.PAGE)
    broken.add_run("二、发展居家养老服务")
    if with_picture:
        image = path.with_suffix(".png")
        image.write_bytes(png_bytes())
        d.add_picture(str(image))
    for line in ("济南市人民政府办公厅", "2020年4月30日"):
        d.add_paragraph(line).alignment = WD_ALIGN_PARAGRAPH.RIGHT
    d.add_paragraph("（2020年4月30日印发）")
    d.save(path)
    return path


def ole2_bytes(encrypted: bool) -> bytes:
    """A minimal OLE2 compound file: header sector and one directory sector.

    With `encrypted`, the directory names the "EncryptedPackage" stream, as Office does
    for a password-protected .docx; without, it names "WordDocument" (old binary .doc)."""
    header = bytearray(512)
    header[0:8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    struct.pack_into("<HHHH", header, 24, 0x3E, 3, 0xFFFE, 9)    # minor, major version, BOM, 512-byte sectors
    struct.pack_into("<I", header, 48, 0)                        # first directory sector
    directory = bytearray(512)
    for slot, name in enumerate(["Root Entry", "EncryptedPackage" if encrypted else "WordDocument"]):
        encoded = name.encode("utf-16-le") + b"\x00\x00"
        directory[slot * 128: slot * 128 + len(encoded)] = encoded
        struct.pack_into("<H", directory, slot * 128 + 64, len(encoded))
        directory[slot * 128 + 66] = 5 if slot == 0 else 2
    return bytes(header + directory)


def zip_bomb(path: Path, megabytes: int = 300, member: str = "word/document.xml") -> Path:
    """A zip whose one member inflates to `megabytes` MB of zeros (about 1000:1)."""
    chunk = b"\x00" * 2**20
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        with z.open(member, "w", force_zip64=True) as out:
            for _ in range(megabytes):
                out.write(chunk)
    return path


def blocks_to_docx(blocks, path: Path) -> Path:
    """Candidate blocks (e.g. parsed Markdown) as a Word file: `#` lines centred and bold,
    runs with their bold/italic/sub/sup, tables as tables, page breaks as breaks."""
    from editor.model import BlockKind

    d = docx.Document()
    for block in blocks:
        if block.kind == BlockKind.TABLE:
            table = d.add_table(rows=len(block.rows), cols=max(len(row) for row in block.rows))
            for i, row in enumerate(block.rows):
                for j, text in enumerate(row):
                    table.cell(i, j).text = text
            continue
        if block.kind == BlockKind.PAGE_BREAK:
            d.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
            continue
        para = d.add_paragraph()
        heading = block.kind == BlockKind.HEADING
        if heading:
            para.alignment = WD_ALIGN_PARAGRAPH.CENTER
        for run in block.runs:
            out = para.add_run(run.text)
            out.bold = run.bold or heading
            out.italic = run.italic
            out.font.subscript = run.script == "sub"
            out.font.superscript = run.script == "sup"
    d.save(path)
    return path
