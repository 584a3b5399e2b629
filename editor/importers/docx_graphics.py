"""What a w:drawing, w:pict or w:object holds, found without reading it as text.

in: the graphic element; out: a Graphic listing, in document order, the relationship ids of
pictures (DrawingML a:blip and VML v:imagedata), SmartArt data parts and charts, and the
outermost text-box contents (w:txbxContent, DrawingML wps:txbx and VML v:textbox alike; a
box nested inside another box is read with its outer box, so it is listed once), each with
whether Word shows it above the paragraph it is anchored in.
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


WP_NS = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
WP_EXTENT, WP_ANCHOR = f"{{{WP_NS}}}extent", f"{{{WP_NS}}}anchor"
WP_POSITION_V, WP_POS_OFFSET = f"{{{WP_NS}}}positionV", f"{{{WP_NS}}}posOffset"
EMU_PER_PT = 12700
_CSS_PT = {"pt": 1.0, "in": 72.0, "cm": 72 / 2.54, "mm": 72 / 25.4, "px": 0.75, "pc": 12.0}


@dataclass
class Graphic:
    images: list[str] = field(default_factory=list)
    sizes: list[tuple[float, float] | None] = field(default_factory=list)   # per image, pt
    boxes: list[etree._Element] = field(default_factory=list)
    above: list[bool] = field(default_factory=list)   # per box: Word shows it above its paragraph
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
            found.above.append(_placed_above(child))
            continue
        if tag == A_BLIP and child.get(_EMBED):
            found.images.append(child.get(_EMBED))
            found.sizes.append(_drawing_size(child))
        elif tag == V_IMAGEDATA and child.get(_LINK_ID):
            found.images.append(child.get(_LINK_ID))
            found.sizes.append(_vml_size(child.getparent()))
        elif tag == DGM_RELIDS and child.get(_DM):
            found.diagrams.append(child.get(_DM))
        elif tag == C_CHART:
            found.charts.append(child.get(_LINK_ID) or "")
        _scan(child, found)


def _placed_above(box: etree._Element) -> bool:
    """Is a floating box positioned above the paragraph it is anchored in (a negative
    vertical offset from the paragraph or line)? Then Word shows it before that paragraph."""
    for ancestor in box.iterancestors(WP_ANCHOR):
        position = ancestor.find(WP_POSITION_V)
        if position is None or position.get("relativeFrom") not in ("paragraph", "line"):
            return False
        offset = position.find(WP_POS_OFFSET)
        try:
            return offset is not None and int((offset.text or "0").strip()) < 0
        except ValueError:
            return False
    return False


def _drawing_size(blip: etree._Element) -> tuple[float, float] | None:
    """The size a DrawingML picture is shown at: wp:extent (EMU) of its inline or anchor."""
    for ancestor in blip.iterancestors():
        extent = ancestor.find(WP_EXTENT)
        if extent is not None:
            try:
                cx, cy = int(extent.get("cx", "0")), int(extent.get("cy", "0"))
            except ValueError:
                return None
            return (cx / EMU_PER_PT, cy / EMU_PER_PT) if cx > 0 and cy > 0 else None
    return None


def _vml_size(shape: etree._Element | None) -> tuple[float, float] | None:
    """The size of a VML picture from its shape's style: width:120pt;height:3cm."""
    if shape is None:
        return None
    style = dict(part.split(":", 1) for part in (shape.get("style") or "").split(";") if ":" in part)
    sizes = []
    for key in ("width", "height"):
        value = style.get(key, "").strip().lower()
        unit = value[-2:]
        try:
            sizes.append(float(value[:-2]) * _CSS_PT[unit] if unit in _CSS_PT else float(value) * 0.75)
        except ValueError:
            return None
    return (sizes[0], sizes[1]) if sizes[0] > 0 and sizes[1] > 0 else None
