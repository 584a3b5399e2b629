"""What a w:drawing, w:pict or w:object holds, found without reading it as text.

in: the graphic element; out: a Graphic listing, in document order, the relationship ids of
pictures (DrawingML a:blip and VML v:imagedata), SmartArt data parts and charts, and the
outermost text-box contents (w:txbxContent, DrawingML wps:txbx and VML v:textbox alike; a
box nested inside another box is read with its outer box, so it is listed once).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from .docx_styles import w

A_BLIP = "{http://schemas.openxmlformats.org/drawingml/2006/main}blip"
DGM_RELIDS = "{http://schemas.openxmlformats.org/drawingml/2006/diagram}relIds"
C_CHART = "{http://schemas.openxmlformats.org/drawingml/2006/chart}chart"
V_IMAGEDATA = "{urn:schemas-microsoft-com:vml}imagedata"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_EMBED, _LINK_ID, _DM = f"{{{R_NS}}}embed", f"{{{R_NS}}}id", f"{{{R_NS}}}dm"


@dataclass
class Graphic:
    images: list[str] = field(default_factory=list)
    boxes: list[etree._Element] = field(default_factory=list)
    diagrams: list[str] = field(default_factory=list)
    charts: list[str] = field(default_factory=list)


def scan_graphic(el: etree._Element) -> Graphic:
    found = Graphic()
    _scan(el, found)
    return found


def _scan(el: etree._Element, found: Graphic) -> None:
    for child in el:
        tag = child.tag
        if not isinstance(tag, str):
            continue
        if tag == w("txbxContent"):
            found.boxes.append(child)
            continue
        if tag == A_BLIP and child.get(_EMBED):
            found.images.append(child.get(_EMBED))
        elif tag == V_IMAGEDATA and child.get(_LINK_ID):
            found.images.append(child.get(_LINK_ID))
        elif tag == DGM_RELIDS and child.get(_DM):
            found.diagrams.append(child.get(_DM))
        elif tag == C_CHART:
            found.charts.append(child.get(_LINK_ID) or "")
        _scan(child, found)
