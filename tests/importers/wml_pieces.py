"""Pieces of WordprocessingML paired with the text Word shows for them.

Each builder returns a Piece: `xml` goes into a test file; `text` is what a reader sees in
Word with every tracked change accepted, written down here from how the piece is built —
never by running the importer. `after` is text that Word shows beside the paragraph rather
than inside its line (a text box): the importer's documented place for it is right after
the paragraph, so `para` puts it there. Adding pieces adds all three.
"""
from __future__ import annotations

import itertools
from dataclasses import dataclass

from make_fixtures import r

_ids = itertools.count(100)
REVISION = 'w:author="张审核" w:date="2020-05-09T10:00:00Z"'


@dataclass(frozen=True)
class Piece:
    xml: str
    text: str = ""
    after: str = ""

    def __add__(self, other: "Piece") -> "Piece":
        return Piece(self.xml + other.xml, self.text + other.text, self.after + other.after)


def cat(*pieces: Piece) -> Piece:
    out = Piece("")
    for piece in pieces:
        out = out + piece
    return out


def esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def run(text: str, rpr: str = "") -> Piece:
    return Piece(r(text, rpr), text)


def hidden(text: str) -> Piece:
    """A run formatted as hidden text: Word neither shows nor prints it."""
    return Piece(r(text, "<w:vanish/>"))


def _revision(tag: str, inner: str) -> str:
    return f'<w:{tag} w:id="{next(_ids)}" {REVISION}>{inner}</w:{tag}>'


def inserted(*pieces: Piece) -> Piece:
    body = cat(*pieces)
    return Piece(_revision("ins", body.xml), body.text, body.after)


def deleted(text: str) -> Piece:
    return Piece(_revision("del", f'<w:r><w:delText xml:space="preserve">{esc(text)}</w:delText></w:r>'))


def moved_from(text: str) -> Piece:
    return Piece(_revision("moveFrom", r(text)))


def moved_to(text: str) -> Piece:
    return Piece(_revision("moveTo", r(text)), text)


def restyled(text: str) -> Piece:
    """A run whose bold was switched on as a tracked formatting change."""
    change = f'<w:rPrChange w:id="{next(_ids)}" {REVISION}><w:rPr/></w:rPrChange>'
    return Piece(r(text, "<w:b/>" + change), text)


def fld(kind: str) -> str:
    return f'<w:r><w:fldChar w:fldCharType="{kind}"/></w:r>'


def instr(code: str) -> str:
    return f'<w:r><w:instrText xml:space="preserve">{esc(code)}</w:instrText></w:r>'


def field(code: str, *result: Piece, code_inside: Piece | None = None) -> Piece:
    """A complex field: begin, instruction (with an optional nested field inside it), separate,
    result, end. Word shows the result only."""
    shown = cat(*result)
    inner = code_inside.xml if code_inside else ""
    return Piece(fld("begin") + instr(code) + inner + fld("separate") + shown.xml + fld("end"), shown.text)


def simple_field(code: str, *result: Piece) -> Piece:
    shown = cat(*result)
    return Piece(f'<w:fldSimple w:instr="{esc(code)}">{shown.xml}</w:fldSimple>', shown.text)


def hyperlink(rid: str, *pieces: Piece) -> Piece:
    shown = cat(*pieces)
    return Piece(f'<w:hyperlink r:id="{rid}" w:history="1">{shown.xml}</w:hyperlink>', shown.text)


def para(*pieces: Piece, ppr: str = "", mark_deleted: bool = False) -> Piece:
    """One w:p. With `mark_deleted` its paragraph mark is a tracked deletion: accepted, the
    paragraph runs on into the next one, so no line end is added."""
    body = cat(*pieces)
    mark = f"<w:rPr>{_revision('del', '')}</w:rPr>" if mark_deleted else ""
    props = f"<w:pPr>{ppr}{mark}</w:pPr>" if ppr or mark else ""
    end = "" if mark_deleted else "\n"
    return Piece(f"<w:p>{props}{body.xml}</w:p>", body.text + end + body.after)


def numbered(label: str, text: str, num: int, level: int) -> Piece:
    """A paragraph numbered by numbering.xml; Word prints `label` (written by hand) before it."""
    ppr = f'<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num}"/></w:numPr>'
    piece = para(run(text), ppr=ppr)
    return Piece(piece.xml, label + piece.text)


def table(rows: list[list[Piece]], deleted_rows: tuple[int, ...] = (), props: dict | None = None) -> Piece:
    """A w:tbl of cells (each cell one or more paragraphs). Rows in `deleted_rows` are tracked
    deletions: gone once accepted. `props`: (row, col) → w:tcPr content (merges)."""
    xml, text = ["<w:tbl><w:tblPr/><w:tblGrid/>"], []
    for i, row in enumerate(rows):
        gone = i in deleted_rows
        tr_pr = f"<w:trPr>{_revision('del', '')}</w:trPr>" if gone else ""
        xml.append(f"<w:tr>{tr_pr}")
        for j, cell in enumerate(row):
            tc_pr = (props or {}).get((i, j), "")
            xml.append(f"<w:tc>{'<w:tcPr>' + tc_pr + '</w:tcPr>' if tc_pr else ''}{cell.xml or '<w:p/>'}</w:tc>")
            if not gone:
                text.append(cell.text)
        xml.append("</w:tr>")
    xml.append("</w:tbl>")
    return Piece("".join(xml), "".join(text))


def _box_paras(paras: tuple[Piece, ...]) -> Piece:
    return cat(*paras)


def textbox_dml(*paras: Piece) -> Piece:
    """A Word 2010+ text box: DrawingML wps:txbx in mc:Choice, the same text again in a VML
    v:textbox in mc:Fallback (as Word writes it). Word shows the text once."""
    box = _box_paras(paras)
    xml = ('<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor behindDoc="0" '
           'locked="0" layoutInCell="1" allowOverlap="1" relativeHeight="2" simplePos="0" distT="0" '
           'distB="0" distL="0" distR="0"><wp:simplePos x="0" y="0"/><wp:extent cx="5400000" cy="900000"/>'
           '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
           f'<wps:wsp><wps:spPr/><wps:txbx><w:txbxContent>{box.xml}</w:txbxContent></wps:txbx><wps:bodyPr/>'
           '</wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict>'
           f'<v:rect style="width:425pt;height:70pt"><v:textbox><w:txbxContent>{box.xml}</w:txbxContent>'
           '</v:textbox></v:rect></w:pict></mc:Fallback></mc:AlternateContent></w:r>')
    return Piece(xml, "", box.text)


def textbox_label(label: str, above: bool = False) -> Piece:
    """A narrow text box holding a label one character to a paragraph (附 / 件 / 2), as a
    clerk stacks it down the margin: Word shows the label read top to bottom. `above`: the
    box is positioned above the paragraph it is anchored in (a negative vertical offset)."""
    chars = cat(*(para(run(ch)) for ch in label))
    offset = -457200 if above else 0
    xml = ('<w:r><w:drawing><wp:anchor behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1" '
           'relativeHeight="3" simplePos="0" distT="0" distB="0" distL="0" distR="0"><wp:simplePos x="0" y="0"/>'
           '<wp:positionH relativeFrom="margin"><wp:posOffset>0</wp:posOffset></wp:positionH>'
           f'<wp:positionV relativeFrom="paragraph"><wp:posOffset>{offset}</wp:posOffset></wp:positionV>'
           '<wp:extent cx="228600" cy="914400"/><a:graphic>'
           '<a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
           f'<wps:wsp><wps:spPr/><wps:txbx><w:txbxContent>{chars.xml}</w:txbxContent></wps:txbx><wps:bodyPr/>'
           '</wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></w:r>')
    return Piece(xml, "", label + "\n")


def textbox_group(*boxes: tuple[Piece, ...]) -> Piece:
    """A DrawingML group (wpg:wgp) of several text boxes, with its VML fallback copy."""
    shapes = "".join(f'<wps:wsp><wps:txbx><w:txbxContent>{_box_paras(b).xml}</w:txbxContent></wps:txbx></wps:wsp>'
                     for b in boxes)
    vml = "".join(f'<v:rect><v:textbox><w:txbxContent>{_box_paras(b).xml}</w:txbxContent></v:textbox></v:rect>'
                  for b in boxes)
    xml = ('<w:r><mc:AlternateContent><mc:Choice Requires="wpg"><w:drawing><wp:anchor><a:graphic>'
           '<a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingGroup">'
           f'<wpg:wgp>{shapes}</wpg:wgp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>'
           f'<mc:Fallback><w:pict><v:group>{vml}</v:group></w:pict></mc:Fallback></mc:AlternateContent></w:r>')
    return Piece(xml, "", "".join(_box_paras(b).text for b in boxes))


def textbox_vml(*paras: Piece) -> Piece:
    """An old-style (Word 2003/WPS) text box: w:pict/v:shape/v:textbox only."""
    box = _box_paras(paras)
    xml = (f'<w:r><w:pict><v:shape type="#_x0000_t202" style="width:300pt;height:40pt"><v:textbox>'
           f'<w:txbxContent>{box.xml}</w:txbxContent></v:textbox></v:shape></w:pict></w:r>')
    return Piece(xml, "", box.text)


def line_shape() -> Piece:
    """The red rule under a 红头 masthead: a shape with no text, DrawingML with VML fallback."""
    return Piece('<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic>'
                 '<a:graphicData><wps:wsp><wps:spPr><a:ln w="28575"><a:solidFill><a:srgbClr val="FF0000"/>'
                 '</a:solidFill></a:ln></wps:spPr><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor>'
                 '</w:drawing></mc:Choice><mc:Fallback><w:pict><v:line from="0,0" to="450pt,0" strokecolor="red" '
                 'strokeweight="2.25pt"/></w:pict></mc:Fallback></mc:AlternateContent></w:r>')


def picture(rid: str) -> Piece:
    """An inline DrawingML picture (no text)."""
    return Piece('<w:r><w:drawing><wp:inline><wp:extent cx="1905000" cy="952500"/><a:graphic>'
                 '<a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic>'
                 f'<pic:blipFill><a:blip r:embed="{rid}"/></pic:blipFill></pic:pic></a:graphicData></a:graphic>'
                 '</wp:inline></w:drawing></w:r>')


def vml_picture(rid: str) -> Piece:
    """An old-style VML picture (w:pict/v:shape/v:imagedata)."""
    return Piece(f'<w:r><w:pict><v:shape style="width:100pt;height:50pt"><v:imagedata r:id="{rid}" o:title=""/>'
                 '</v:shape></w:pict></w:r>')


def note_ref(kind: str, nid: int, mark: str) -> Piece:
    """A footnote/endnote reference; Word prints its mark (written by hand) in the text."""
    return Piece(f'<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:{kind}Reference w:id="{nid}"/></w:r>',
                 mark)


def note(kind: str, nid: int, mark: str, *paras: Piece) -> Piece:
    """A w:footnote/w:endnote whose first paragraph starts with the note's own mark."""
    first, rest = paras[0], paras[1:]
    ref = f'<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:{kind}Ref/></w:r>'
    xml = first.xml.replace("<w:p>", "<w:p>" + ref, 1) + "".join(p.xml for p in rest)
    return Piece(f'<w:{kind} w:id="{nid}">{xml}</w:{kind}>', mark + "".join(p.text for p in paras))


def comment_range(cid: int, *pieces: Piece) -> Piece:
    """Text with a comment anchored to it: the comment marks themselves show nothing."""
    body = cat(*pieces)
    return Piece(f'<w:commentRangeStart w:id="{cid}"/>{body.xml}<w:commentRangeEnd w:id="{cid}"/>'
                 f'<w:r><w:commentReference w:id="{cid}"/></w:r>', body.text, body.after)


def comment(cid: int, author: str, text: str) -> str:
    return (f'<w:comment w:id="{cid}" w:author="{esc(author)}" w:date="2020-05-09T10:00:00Z" w:initials="审">'
            f'<w:p><w:r><w:annotationRef/></w:r>{r(text)}</w:p></w:comment>')
