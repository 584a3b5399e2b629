"""Named styles of the exported DOCX: one paragraph style per block kind, the 目录's styles,
the cover and back-page styles, and the document defaults (zh-CN, kinsoku, fonts).

in: a python-docx Document and the LayoutSpec; out: the styles written into the document,
and `style_for(block)` naming the style a block takes. East Asian fonts live on the
styles (w:rFonts w:eastAsia), never on single runs.

Four kinds use Word's built-in styles, because Chinese Word and WPS already show those
under the wanted name and would otherwise list it twice: 正文 = Normal, 标题 = Title,
副标题 = Subtitle, 列表 = List.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from weakref import WeakKeyDictionary

from docx.enum.style import WD_STYLE_TYPE
from lxml import etree
from docx.oxml.ns import qn
from docx.styles import BabelFish
from docx.styles.style import StyleFactory
from docx.text.paragraph import Paragraph

from ...layout.spec import LayoutSpec, Style
from ...model import Block, BlockKind
from . import oxml

# spec style key → (label shown to the editor, name written in the file)
BLOCK_STYLES = {
    "default": ("正文", "Normal"),
    "registration": ("登记号", "登记号"),
    "title": ("标题", "Title"),
    "subtitle": ("副标题", "Subtitle"),
    "author": ("讲话人", "讲话人"),
    "doc_number": ("文号", "文号"),
    "recipients": ("主送", "主送"),
    "heading1": ("一级标题", "一级标题"),
    "heading2": ("二级标题", "二级标题"),
    "heading3": ("三级标题", "三级标题"),
    "heading4": ("四级标题", "四级标题"),
    "chapter": ("章标题", "章标题"),
    "list_item": ("列表", "List"),
    "table": ("表格", "表格"),
    "attachment_note": ("附件说明", "附件说明"),
    "signature": ("落款", "落款"),
    "date": ("成文日期", "成文日期"),
    "annex_label": ("附件标识", "附件标识"),
    "annex_title": ("附件标题", "附件标题"),
    "issued": ("印发", "印发"),
    "note": ("附注", "附注"),
}
TOC_TITLE, TOC_SECTION, TOC_ENTRY, TOC_NUMBER = "目录标题", "目录栏目", "目录条目", "目录页码行"
BODY_CHARS = "正文字符"       # character style: the body text after a run-in heading
BOLD_CHARS = "加粗文字"       # character style: bold runs of body text, in the bold role's face
WIDE_MARKS = "全角标点"       # character style: “ ” — … of body text in the Chinese face
ALIGN = {"justify": "both", "left": "left", "center": "center", "right": "right",
         "distribute": "distribute"}
OUTLINE = {"title": 0, "heading1": 1, "heading2": 2, "heading3": 3, "heading4": 4,
           "chapter": 1, "annex_title": 1}
RED = "FF3333"          # the PDF's masthead red, CMYK 0/80/80/0, as RGB
TRACKING_EPS = 0.01       # pt: characters this close to their own width need no tracking
TOC_SLACK_EM = 2          # ems a 目录 line may run past the measure in a reader before it wraps
KEEP_NEXT = {"registration", "title", "subtitle", "author", "doc_number", "recipients",
             "chapter", "annex_label", "annex_title", "signature"}


@dataclass(frozen=True)
class Grid:
    """The page's type area and grid as Word stores them (whole twips)."""
    measure: float        # pt, from the rounded margins
    line_pitch: float     # pt per grid line (floor to whole twips: N lines must fit)
    char_pitch: float     # pt per character on the grid

    @property
    def line_twips(self) -> int:
        return int(self.line_pitch * 20)


def spec_key(block: Block) -> str:
    """The LayoutSpec style name of a block (as the layout engine picks it)."""
    if block.kind == BlockKind.HEADING:
        return f"heading{min(max(block.level, 1), 4)}"
    if block.kind in (BlockKind.PARAGRAPH, BlockKind.IMAGE, BlockKind.PAGE_BREAK):
        return "default"
    return block.kind.value


def style_for(block: Block) -> str:
    """Name of the DOCX paragraph style a block is written in."""
    return BLOCK_STYLES.get(spec_key(block), BLOCK_STYLES["default"])[1]


def family(spec: LayoutSpec, role: str) -> str:
    """The office font a role asks for first (what Word and WPS look up by name)."""
    entry = spec.fonts.get(role) or spec.fonts.get("body") or {}
    families = entry.get("families") or ["宋体"]
    return families[0]


class FontNames:
    """The family, and whether it is its bold face, that the DOCX names for each font role:
    the face our layout set the role in (embed.doc_fonts), so that the embedded face is the
    one a reader finds; without one, the office font the spec asks for first."""

    def __init__(self, spec: LayoutSpec, fonts: dict | None = None):
        self.spec = spec
        self.fonts = fonts or {}

    def _font(self, role: str):
        return self.fonts.get(role) or (None if role in self.spec.fonts else self.fonts.get("body"))

    def family(self, role: str) -> str:
        font = self._font(role)
        return font.family if font else family(self.spec, role)

    def bold(self, role: str) -> bool:
        font = self._font(role)
        return bool(font and font.bold)

    def latin(self) -> str | None:
        """The face for Latin letters and digits in body text (Times New Roman), if the
        layout names one; the body face otherwise."""
        return self.family("latin") if "latin" in self.spec.fonts else None


_INDEX: WeakKeyDictionary = WeakKeyDictionary()    # document part → {(name, type): w:style}


def _index(doc) -> dict:
    """(name as stored, style type) → w:style of a document, read once: python-docx scans
    every style of the file on each lookup by name, which was most of the export's time."""
    index = _INDEX.get(doc.part)
    if index is None:
        index = _INDEX[doc.part] = {(el.name_val, el.type): el
                                    for el in doc.styles.element.style_lst}
    return index


def _find(doc, name: str, kind):
    return _index(doc).get((BabelFish.ui2internal(name), kind))


def _get_or_add(doc, name: str, kind):
    """The python-docx style `name` of type `kind`, added when the file has none."""
    el = _find(doc, name, kind)
    if el is None:
        el = doc.styles.element.add_style_of_type(name, kind, False)
        _index(doc)[(BabelFish.ui2internal(name), kind)] = el
    return StyleFactory(el)


def style_id(doc, name: str, kind=WD_STYLE_TYPE.PARAGRAPH) -> str | None:
    """The id a style is written under (None for the default paragraph style). Call after
    write_styles (the styles are final)."""
    el = _find(doc, name, kind)
    if el is None or (el.default and kind == WD_STYLE_TYPE.PARAGRAPH):
        return None
    return el.styleId


def add_paragraph(doc, style: str, text: str = ""):
    """doc.add_paragraph(text, style), with the style's id from style_id (same XML), the
    paragraph put straight before the body's closing section properties."""
    body = doc.element.body
    p = body.makeelement(oxml.w("p"))
    body.get_or_add_sectPr().addprevious(p)
    sid = style_id(doc, style)
    if sid:
        etree.SubElement(etree.SubElement(p, oxml.w("pPr")), oxml.w("pStyle")).set(oxml.w("val"), sid)
    paragraph = Paragraph(p, doc._body)
    if text:
        paragraph.add_run(text)
    return paragraph


def _reset(style) -> None:
    """Drop what the template put in a built-in style, keep its identity."""
    el = style.element
    for tag in ("w:pPr", "w:rPr", "w:link", "w:next"):
        for child in el.findall(qn(tag)):
            el.remove(child)


def _paragraph_style(doc, name: str, base: str | None = "Normal"):
    existed = _find(doc, name, WD_STYLE_TYPE.PARAGRAPH) is not None
    style = _get_or_add(doc, name, WD_STYLE_TYPE.PARAGRAPH)
    if existed:
        _reset(style)
    if base and name != base:
        style.base_style = _get_or_add(doc, base, WD_STYLE_TYPE.PARAGRAPH)
    style.quick_style = True
    return style


def write_style(doc, name: str, names: FontNames, grid: Grid, st: Style, *,
                color: str | None = None, keep_next: bool = False,
                outline: int | None = None, base: str | None = "Normal"):
    """in: a style name and a spec Style; out: the paragraph style, fully specified (font,
    size, alignment, indents in characters, spacing in points, exact line height)."""
    style = _paragraph_style(doc, name, base)
    el = style.element
    pPr = el.get_or_add_pPr()
    rPr = el.get_or_add_rPr()
    on_grid = st.leading == 0
    if base is None:           # the root style repeats the defaults: LibreOffice reads these
        oxml.set_chinese_breaking(pPr)
        oxml.set_on(pPr, "widowControl", names.spec.avoid_lone_lines)
    if keep_next:
        oxml.set_on(pPr, "keepNext")
    if not on_grid:            # titles: their lines stay together
        oxml.set_on(pPr, "keepLines")
    # No paragraph snaps to the document grid (which only records the page's lines and
    # characters): a grid paragraph keeps an exact line height of one pitch and text of the
    # grid's size carries the grid's tracking as character spacing. LibreOffice fits snapped
    # lines to its own grid (the sample's 35-lines-a-column document ran a page long in it)
    # and gives a character wider than its cell two cells (GB/T 9704's 16 pt in 15.8 pt).
    oxml.set_on(pPr, "snapToGrid", False)
    line = grid.line_pitch if on_grid else st.leading * st.size
    oxml.set_spacing(pPr, st.space_before * grid.line_pitch, st.space_after * grid.line_pitch, line)
    oxml.set_indent(pPr, st.size, st.indent, st.left, st.right)
    oxml.set_child(pPr, "jc", val=ALIGN.get(st.align, "both"))
    if outline is not None:
        oxml.set_child(pPr, "outlineLvl", val=outline)
    oxml.set_fonts(rPr, names.family(st.font), names.latin() if st.font == "body" else None)
    if names.bold(st.font):        # a role set in a bold face (小标宋's stand-in)
        oxml.set_on(rPr, "b")
    oxml.set_size(rPr, st.size)
    if st.size == names.spec.size and abs(names.spec.tracking) >= TRACKING_EPS:
        oxml.set_child(rPr, "spacing", val=round(names.spec.tracking * 20))
    if color:
        oxml.set_child(rPr, "color", val=color)
    return style


def _character_style(doc, name: str, names: FontNames, role: str, size: float | None = None,
                     latin: bool = True):
    """A character style in a role's face (and size); its boldness stays on the runs.
    `latin`: Latin letters in the layout's Latin face (body text), else in the role's."""
    style = _get_or_add(doc, name, WD_STYLE_TYPE.CHARACTER)
    rPr = style.element.get_or_add_rPr()
    oxml.set_fonts(rPr, names.family(role), names.latin() if role == "body" and latin else None)
    if size:
        oxml.set_size(rPr, size)
    return style


def write_defaults(doc, spec: LayoutSpec, names: FontNames) -> None:
    """docDefaults: body font and size, zh-CN, Chinese line breaking, no space after."""
    root = doc.styles.element
    defaults = root.find(qn("w:docDefaults"))
    rPr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    oxml.set_fonts(rPr, names.family("body"), names.latin())
    oxml.set_size(rPr, spec.size)
    oxml.set_lang(rPr)
    ppr_default = defaults.find(qn("w:pPrDefault"))
    if ppr_default is None:
        ppr_default = oxml.set_child(defaults, "pPrDefault")
    pPr = ppr_default.find(qn("w:pPr"))
    if pPr is None:
        pPr = oxml.set_child(ppr_default, "pPr")
    oxml.set_chinese_breaking(pPr)
    # our columns run full when the layout lets a paragraph's first or last line stand alone
    oxml.set_on(pPr, "widowControl", spec.avoid_lone_lines)
    oxml.set_spacing(pPr, 0, 0)


def _toc_styles(doc, names: FontNames, grid: Grid) -> None:
    spec = names.spec
    conf = spec.toc
    size = conf.get("size", spec.size)
    leading = conf.get("leading", 1.6)     # the 目录 is off the body grid, as in layout/toc.py
    plain = Style(font=conf.get("entry_font", "body"), size=size, align="left", indent=0,
                  leading=leading)
    write_style(doc, TOC_TITLE, names, grid,
                Style(font=conf.get("title_font", "hei"), size=conf.get("title_size", 18),
                      align="center", indent=0, leading=1.6), outline=0)
    write_style(doc, TOC_SECTION, names, grid,
                replace(plain, font=conf.get("section_font", "hei"), space_before=0.6 * size
                        / grid.line_pitch), keep_next=True)
    # each printed line of an entry is a paragraph of its own: room past the measure keeps a
    # reader that sets a line a little wider (LibreOffice spaces digits from Han) from
    # wrapping it; the page number's tab stays at the measure
    entry = replace(plain, right=-TOC_SLACK_EM)
    write_style(doc, TOC_ENTRY, names, grid, entry, keep_next=True)
    number = write_style(doc, TOC_NUMBER, names, grid, entry)
    leader = {"…": "middleDot", "·": "middleDot", ".": "dot", "-": "hyphen", "_": "underscore"}
    oxml.add_tab(number.element.get_or_add_pPr(), grid.measure, "right",
                 leader.get(conf.get("leader", "…"), "dot"))


def _furniture_styles(doc, names: FontNames, grid: Grid) -> None:
    """Header, footer, cover, back page: off the grid, no indent."""
    spec = names.spec
    def centre(font: str, size: float, leading: float = 1.5, align: str = "center") -> Style:
        return Style(font=font, size=size, align=align, indent=0, leading=leading)
    head = spec.header
    write_style(doc, "Header", names, grid, centre(head.get("font", "song"), head.get("size", 9),
                                                  1.2, "left"))
    folio = spec.folio
    write_style(doc, "Footer", names, grid, centre(folio.get("font", "song"),
                                                  folio.get("size", 10.5), 1.2))
    s = spec.size
    for name, st in (("封面刊名", centre("title", 40, 1.3)), ("封面年份", centre("hei", 64, 1.2)),
                     ("封面期号", centre("song", 20)), ("封面日期", centre("song", 14)),
                     ("扉页刊名", centre("title", 22, 1.4)), ("扉页信息", centre("song", 12)),
                     ("简介标题", centre("hei", s * 1.4, 1.8)),
                     ("简介", Style(font="body", size=s, align="justify", indent=2, leading=1.7)),
                     ("版权刊名", centre("hei", s * 1.1, 1.8, "left")),
                     ("版权", centre("body", s * 0.9, 1.6, "left"))):
        write_style(doc, name, names, grid, st, color=RED if name == "封面刊名" else None)


def write_styles(doc, names: FontNames, grid: Grid) -> None:
    """Every style the exporter uses, from the spec's block styles."""
    spec = names.spec
    write_defaults(doc, spec, names)
    write_style(doc, "Normal", names, grid, spec.style("default"), base=None)
    for key, (_, name) in BLOCK_STYLES.items():
        if key == "default":
            continue
        st = spec.style(key)
        if key == "table":
            st = replace(st, indent=0, align="left", left=0, right=0, leading=1.5)
        write_style(doc, name, names, grid, st, keep_next=key in KEEP_NEXT,
                    outline=OUTLINE.get(key))
    _character_style(doc, BODY_CHARS, names, spec.style("default").font, spec.style("default").size)
    _character_style(doc, BOLD_CHARS, names, "bold")
    _character_style(doc, WIDE_MARKS, names, spec.style("default").font, spec.style("default").size,
                     latin=False)
    _toc_styles(doc, names, grid)
    _furniture_styles(doc, names, grid)
