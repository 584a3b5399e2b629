"""Raw WordprocessingML that python-docx 1.2.0 cannot write: East Asian fonts and language,
kinsoku, document grid, page-number format, fields, bookmarks, tab stops, borders.

in: lxml elements of a python-docx document (pPr, rPr, sectPr, settings, paragraphs);
out: the same elements, changed in place. Children are inserted in schema order, since
Word refuses a file whose elements are out of order.
"""
from __future__ import annotations

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

# Schema order (ECMA-376 part 1) of the children we touch; others keep their place.
PPR_ORDER = ("pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr "
             "suppressLineNumbers pBdr shd tabs suppressAutoHyphens kinsoku wordWrap "
             "overflowPunct topLinePunct autoSpaceDE autoSpaceDN bidi adjustRightInd snapToGrid "
             "spacing ind contextualSpacing mirrorIndents suppressOverlap jc textDirection "
             "textAlignment textboxTightWrap outlineLvl divId cnfStyle rPr sectPr pPrChange").split()
RPR_ORDER = ("rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss "
             "imprint noProof snapToGrid vanish webHidden color spacing w kern position sz szCs "
             "highlight u effect bdr shd fitText vertAlign rtl cs em lang eastAsianLayout "
             "specVanish oMath").split()
SECTPR_ORDER = ("headerReference footerReference footnotePr endnotePr type pgSz pgMar paperSrc "
                "pgBorders lnNumType pgNumType cols formProt vAlign noEndnote titlePg "
                "textDirection bidi rtlGutter docGrid printerSettings sectPrChange").split()
SETTINGS_ORDER = ("writeProtection view zoom removePersonalInformation removeDateAndTime "
                  "doNotDisplayPageBoundaries displayBackgroundShape printPostScriptOverText "
                  "printFractionalCharacterWidth printFormsData embedTrueTypeFonts "
                  "embedSystemFonts saveSubsetFonts saveFormsData mirrorMargins "
                  "alignBordersAndEdges bordersDoNotSurroundHeader bordersDoNotSurroundFooter "
                  "gutterAtTop hideSpellingErrors hideGrammaticalErrors activeWritingStyle "
                  "proofState formsDesign attachedTemplate linkStyles stylePaneFormatFilter "
                  "stylePaneSortMethod documentType mailMerge revisionView trackRevisions "
                  "doNotTrackMoves doNotTrackFormatting documentProtection autoFormatOverride "
                  "styleLockTheme styleLockQFSet defaultTabStop autoHyphenation "
                  "consecutiveHyphenLimit hyphenationZone doNotHyphenateCaps showEnvelope "
                  "summaryLength clickAndTypeStyle defaultTableStyle evenAndOddHeaders "
                  "bookFoldRevPrinting bookFoldPrinting bookFoldPrintingSheets "
                  "drawingGridHorizontalSpacing drawingGridVerticalSpacing "
                  "displayHorizontalDrawingGridEvery displayVerticalDrawingGridEvery "
                  "doNotUseMarginsForDrawingGridOrigin drawingGridHorizontalOrigin "
                  "drawingGridVerticalOrigin doNotShadeFormData noPunctuationKerning "
                  "characterSpacingControl printTwoOnOne strictFirstAndLastChars "
                  "noLineBreaksAfter noLineBreaksBefore savePreviewPicture doNotValidateAgainstSchema "
                  "saveInvalidXml ignoreMixedContent alwaysShowPlaceholderText "
                  "doNotDemarcateInvalidXml saveXmlDataOnly useXSLTWhenSaving saveThroughXslt "
                  "showXMLTags alwaysMergeEmptyNamespace updateFields hdrShapeDefaults footnotePr "
                  "endnotePr compat docVars rsids mathPr attachedSchema themeFontLang "
                  "clrSchemeMapping").split()
TBLPR_ORDER = ("tblStyle tblpPr tblOverlap bidiVisual tblStyleRowBandSize tblStyleColBandSize "
               "tblW jc tblCellSpacing tblInd tblBorders shd tblLayout tblCellMar tblLook "
               "tblCaption tblDescription tblPrChange").split()
ORDERS = {"pPr": PPR_ORDER, "rPr": RPR_ORDER, "sectPr": SECTPR_ORDER, "settings": SETTINGS_ORDER,
          "tblPr": TBLPR_ORDER}


W_NS = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# local name → the local names that must follow it, per parent (the schema orders above)
_AFTER = {parent: {name: frozenset(order[k + 1:]) for k, name in enumerate(order)}
          for parent, order in ORDERS.items()}


def w(name: str) -> str:
    """The Clark name of a w: element or attribute ({namespace}name)."""
    return W_NS + name


def _local(el) -> str:
    return el.tag.rsplit("}", 1)[-1]


def set_child(parent, name: str, **attrs):
    """in: a w: element and a child's local name with w: attributes (None drops one);
    out: that child, found or created at its schema position, attributes set. The child
    is made by the parent's own document, so python-docx's element classes apply."""
    tag = W_NS + name
    child = parent.find(tag)
    if child is None:
        child = parent.makeelement(tag)
        after = _AFTER.get(_local(parent), {}).get(name, ())
        for sibling in parent:
            if _local(sibling) in after:
                sibling.addprevious(child)
                break
        else:
            parent.append(child)
    for key, value in attrs.items():
        if value is None:
            child.attrib.pop(W_NS + key, None)
        else:
            child.set(W_NS + key, str(value))
    return child


def set_fonts(rPr, family: str, latin: str | None = None) -> None:
    """Chinese text in `family` (w:eastAsia), Latin and digits in `latin` (default the same);
    hint eastAsia so quotes and dashes take the Chinese font and width."""
    latin = latin or family
    fonts = set_child(rPr, "rFonts", ascii=latin, hAnsi=latin, eastAsia=family, cs=latin,
                      hint="eastAsia")
    for theme in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
        fonts.attrib.pop(qn(f"w:{theme}"), None)


def set_size(rPr, size_pt: float) -> None:
    half_points = str(round(size_pt * 2))
    set_child(rPr, "sz", val=half_points)
    set_child(rPr, "szCs", val=half_points)


def set_lang(rPr, east_asia: str = "zh-CN") -> None:
    set_child(rPr, "lang", val="en-US", eastAsia=east_asia, bidi="ar-SA")


def set_chinese_breaking(pPr) -> None:
    """Word's 中文版式 switches: kinsoku on, no hanging punctuation, Han–Latin spacing off
    (our PDF sets none), so the line breaks come out as close to the PDF's as Word allows."""
    set_child(pPr, "kinsoku", val="1")
    set_child(pPr, "overflowPunct", val="0")
    set_child(pPr, "autoSpaceDE", val="0")
    set_child(pPr, "autoSpaceDN", val="0")


def set_spacing(pPr, before_pt: float | None = None, after_pt: float | None = None,
                line_pt: float | None = None) -> None:
    """Space before/after and an exact line height, in points (None leaves one as it is)."""
    attrs = {}
    if before_pt is not None:
        attrs["before"] = max(0, round(before_pt * 20))
        attrs["beforeLines"] = None
        attrs["beforeAutospacing"] = None
    if after_pt is not None:
        attrs["after"] = max(0, round(after_pt * 20))
        attrs["afterLines"] = None
        attrs["afterAutospacing"] = None
    if line_pt is not None:
        attrs["line"] = max(1, int(line_pt * 20))     # floor: N lines must fit the page
        attrs["lineRule"] = "exact"
    set_child(pPr, "spacing", **attrs)


def set_indent(pPr, pitch_pt: float, first_chars: float = 0.0, left_chars: float = 0.0,
               right_chars: float = 0.0) -> None:
    """Indents in characters (w:*Chars, what Word and WPS show as 字符) plus the same in
    twips for programs that ignore the *Chars attributes."""
    def tw(chars: float) -> int:
        return round(chars * pitch_pt * 20)
    set_child(pPr, "ind",
              firstLineChars=round(first_chars * 100), firstLine=tw(first_chars),
              leftChars=round(left_chars * 100), left=tw(left_chars),
              rightChars=round(right_chars * 100), right=tw(right_chars))


def set_on(parent, name: str, on: bool = True) -> None:
    set_child(parent, name, val="1" if on else "0")


def add_tab(pPr, pos_pt: float, kind: str = "right", leader: str | None = None) -> None:
    tabs = set_child(pPr, "tabs")
    tab = OxmlElement("w:tab")
    tab.set(qn("w:val"), kind)
    if leader:
        tab.set(qn("w:leader"), leader)
    tab.set(qn("w:pos"), str(round(pos_pt * 20)))
    tabs.append(tab)


def set_border(pPr, side: str, width_pt: float = 0.5, space_pt: float = 1.0) -> None:
    """A single rule on one side (top, bottom…) of a paragraph."""
    borders = set_child(pPr, "pBdr")
    rule = borders.find(qn(f"w:{side}"))
    if rule is None:
        rule = OxmlElement(f"w:{side}")
        borders.append(rule)
    for key, value in (("val", "single"), ("sz", round(width_pt * 8)),
                       ("space", round(space_pt)), ("color", "000000")):
        rule.set(qn(f"w:{key}"), str(value))


def _field_char(kind: str):
    run = OxmlElement("w:r")
    char = OxmlElement("w:fldChar")
    char.set(qn("w:fldCharType"), kind)
    run.append(char)
    return run


def add_field(paragraph, instruction: str, cached: str, rPr=None) -> None:
    """Append a complex field (begin, instruction, separate, cached result, end) to a
    python-docx paragraph; `cached` is what a reader shows before fields are updated."""
    p = paragraph._p
    instr_run = OxmlElement("w:r")
    instr = OxmlElement("w:instrText")
    instr.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    instr.text = f" {instruction} "
    instr_run.append(instr)
    result = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = cached
    result.append(text)
    runs = [_field_char("begin"), instr_run, _field_char("separate"), result, _field_char("end")]
    for run in runs:
        if rPr is not None:
            run.insert(0, _copy(rPr))
        p.append(run)


def _copy(el):
    from copy import deepcopy
    return deepcopy(el)


def add_bookmark(paragraph, name: str, ident: int) -> None:
    """Wrap the paragraph's content in a bookmark `name` (PAGEREF fields point to it)."""
    p = paragraph._p
    start = OxmlElement("w:bookmarkStart")
    start.set(qn("w:id"), str(ident))
    start.set(qn("w:name"), name)
    end = OxmlElement("w:bookmarkEnd")
    end.set(qn("w:id"), str(ident))
    pPr = p.find(qn("w:pPr"))
    if pPr is not None:
        pPr.addnext(start)
    else:
        p.insert(0, start)
    p.append(end)


def set_doc_grid(sectPr, line_pitch_tw: int, char_space: int, kind: str = "linesAndChars") -> None:
    set_child(sectPr, "docGrid", type=kind, linePitch=line_pitch_tw, charSpace=char_space)


def set_page_numbers(sectPr, start: int | None, fmt: str = "decimal") -> None:
    set_child(sectPr, "pgNumType", fmt=fmt, start=start)


def set_section_start(sectPr, kind: str) -> None:
    """nextPage | evenPage | oddPage | continuous."""
    set_child(sectPr, "type", val=kind)
