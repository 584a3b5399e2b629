"""Tables written as WordprocessingML directly: one string, parsed once.

in: a TABLE block, the python-docx Document, the measure and the cell style's id; out: a
w:tbl before the body's sectPr — ruled, columns of equal width across the measure, merged
cells as Word merges them (w:gridSpan across, w:vMerge down), pictures in their cells.
python-docx's table.cell(r, c) rebuilds the list of cells on every call, so a table of a
few hundred rows took minutes; this takes time in proportion to the cells.
"""
from __future__ import annotations

import io
import re
from xml.sax.saxutils import escape

from docx.image.exceptions import UnrecognizedImageError
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Pt
from docx.text.paragraph import Paragraph

from ...layout.tables import PAD, cell_image_box, table_cells
from ...model import Block

IMAGE_LOST = "［此处图片格式无法写入 DOCX］"
_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")   # no XML 1.0 document may hold these
_RULE = 'w:val="single" w:sz="4" w:space="0" w:color="000000"'
_PICTURE_PPR = ('<w:pPr>{style}<w:snapToGrid w:val="0"/><w:spacing w:before="0" w:after="0" w:line="240" '
                'w:lineRule="auto"/><w:ind w:firstLine="0" w:firstLineChars="0"/><w:jc w:val="center"/></w:pPr>')


def write_table(doc, block: Block, measure: float, cell_style: str | None, text_height: float) -> None:
    """Append `block` as a Word table to the body of python-docx Document `doc`."""
    rows, cells, owner = table_cells(block)
    if not rows or not rows[0]:
        return
    ncols = len(rows[0])
    colw = measure / ncols
    twips = round(colw * 20)
    style = f'<w:pPr><w:pStyle w:val="{escape(cell_style)}"/></w:pPr>' if cell_style else ""
    out = [f'<w:tbl {nsdecls("w")}><w:tblPr><w:tblW w:w="{round(measure * 20)}" w:type="dxa"/><w:tblBorders>',
           *(f"<w:{side} {_RULE}/>" for side in ("top", "left", "bottom", "right", "insideH", "insideV")),
           '</w:tblBorders><w:tblLayout w:type="fixed"/><w:tblCellMar>',
           *(f'<w:{side} w:w="{round(PAD * 20)}" w:type="dxa"/>' for side in ("top", "left", "bottom", "right")),
           '</w:tblCellMar><w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" '
           'w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr><w:tblGrid>',
           f'<w:gridCol w:w="{twips}"/>' * ncols, "</w:tblGrid>"]
    places = {}          # (row, col) of a cell → its index among the w:tc of its row
    for r in range(len(rows)):
        out.append("<w:tr>")
        n = 0
        for c in range(ncols):
            cell = owner[(r, c)]
            if cell.col != c:
                continue                       # inside a cell merged across: no w:tc of its own
            props = f'<w:tcW w:w="{twips * cell.cols}" w:type="dxa"/>'
            props += f'<w:gridSpan w:val="{cell.cols}"/>' if cell.cols > 1 else ""
            if cell.rows > 1:
                props += '<w:vMerge w:val="restart"/>' if cell.row == r else "<w:vMerge/>"
            text = rows[r][c] if cell.row == r else ""
            out.append(f"<w:tc><w:tcPr>{props}</w:tcPr><w:p>{style}{_runs(text)}</w:p></w:tc>")
            places[(r, c)] = n
            n += 1
        out.append("</w:tr>")
    out.append("</w:tbl>")
    tbl = parse_xml("".join(out))
    body = doc.element.body
    sect = body.find(qn("w:sectPr"))
    if sect is not None:
        sect.addprevious(tbl)
    else:
        body.append(tbl)
    _pictures(doc, tbl, block, places, colw, f'<w:pStyle w:val="{escape(cell_style)}"/>' if cell_style else "",
              text_height)


def _runs(text: str) -> str:
    """A cell's text as runs: a line break where the cell had one, a tab for a tab."""
    if not text:
        return ""
    parts = []
    for k, line in enumerate(_NOT_XML.sub("", text).split("\n")):
        if k:
            parts.append("<w:br/>")
        for j, piece in enumerate(line.split("\t")):
            if j:
                parts.append("<w:tab/>")
            if piece:
                parts.append(f'<w:t xml:space="preserve">{escape(piece)}</w:t>')
    return f"<w:r>{''.join(parts)}</w:r>"


def _pictures(doc, tbl, block: Block, places: dict, colw: float, style_id: str, text_height: float) -> None:
    """Each cell picture in a paragraph of its own after its cell's text, centred, at the
    size our PDF prints it (its line not exact: an exact line would clip it); a visible note
    where Word cannot take the picture."""
    rows = tbl.findall(qn("w:tr"))
    _rows, _cells, owner = table_cells(block)
    for picture in block.cell_images:
        where = (picture.row, picture.col)
        if where not in places:
            continue
        tc = rows[picture.row].findall(qn("w:tc"))[places[where]]
        first = tc.find(qn("w:p"))
        if first is not None and first.find(qn("w:r")) is None:
            tc.remove(first)                 # a cell with no text: the picture stands at its top
        tc.append(parse_xml(f'<w:p {nsdecls("w")}>{_PICTURE_PPR.format(style=style_id)}</w:p>'))
        paragraph = Paragraph(tc[-1], doc._body)
        inner = owner[where].cols * colw - 2 * PAD
        width, height = cell_image_box(picture, inner, text_height)
        try:
            paragraph.add_run().add_picture(io.BytesIO(picture.image), width=Pt(width), height=Pt(height))
        except (UnrecognizedImageError, ValueError, ZeroDivisionError):
            paragraph.add_run(IMAGE_LOST)
