"""Page geometry, document grid, settings, and the running head and page number of the
body section.

in: python-docx sections/settings, the LayoutSpec and the Issue; out: those parts set so
Word, WPS and LibreOffice lay the page out like our PDF: A4, (mirrored) margins, a
linesAndChars grid that holds spec.chars_per_line × spec.lines_per_page, zh-CN, punctuation
compression, odd/even heads, and `— N —` page numbers as PAGE fields.
"""
from __future__ import annotations

from docx.shared import Twips

from ...layout.frontmatter import issue_label
from ...layout.spec import LayoutSpec
from ...model import Issue
from . import oxml
from .columns import set_grid, twips
from .styles import Grid

# Our punctuation scheme → w:characterSpacingControl (ECMA-376 §17.15.1.18). 全角 keeps every
# mark one em: no compression. 开明 halves the pause marks: Word and LibreOffice can only
# compress every mark (。？！ too), the nearest they offer.
PUNCTUATION = {"全角": "doNotCompress", "开明": "compressPunctuation"}
HEAD_LINE = 1.2          # header/footer line height, × font size
BASELINE_IN_LINE = 0.8   # where Word puts the baseline within an exact line, × line height


def setup_page(section, spec: LayoutSpec, grid: Grid) -> None:
    """A4 (or the spec's size), margins, header/footer distances and the document grid."""
    section.page_width = Twips(twips(spec.page_width))
    section.page_height = Twips(twips(spec.page_height))
    section.top_margin = Twips(twips(spec.top))
    section.bottom_margin = Twips(twips(spec.bottom))
    section.left_margin = Twips(twips(spec.inner))      # mirrored: inside on odd pages
    section.right_margin = Twips(twips(spec.outer))
    section.gutter = Twips(0)
    head, folio = spec.header, spec.folio
    head_line = head.get("size", 9) * HEAD_LINE
    head_base = spec.top - head.get("above_mm", 5) * 72 / 25.4
    section.header_distance = Twips(twips(max(head_base - BASELINE_IN_LINE * head_line, 12)))
    foot_line = folio.get("size", 10.5) * HEAD_LINE
    foot_base = (spec.page_height - spec.bottom + folio.get("below_mm", 7) * 72 / 25.4
                 + folio.get("size", 10.5) * 0.8)
    bottom_of_line = foot_base + (1 - BASELINE_IN_LINE) * foot_line
    section.footer_distance = Twips(twips(max(spec.page_height - bottom_of_line, 12)))
    set_grid(section._sectPr, spec, grid)


def write_settings(doc, spec: LayoutSpec, odd_even: bool) -> None:
    """Mirror margins, odd/even heads, Chinese punctuation compression, zh-CN theme fonts."""
    settings = doc.settings.element
    if spec.mirror:
        oxml.set_child(settings, "mirrorMargins")
    if odd_even:
        doc.settings.odd_and_even_pages_header_footer = True
    oxml.set_child(settings, "characterSpacingControl", val=PUNCTUATION[spec.punctuation])
    oxml.set_child(settings, "themeFontLang", val="en-US", eastAsia="zh-CN")


def _head_texts(spec: LayoutSpec, issue: Issue) -> tuple[list[str], list[str]]:
    """(odd page [left, right], even page [left, right]) texts of the running head."""
    head = spec.header
    texts = [head.get("left", ""), head.get("right", "")]
    texts = [t.format(year=issue.year, number=issue.number, name=issue.name,
                      total=issue.total_number, label=issue_label(issue)) for t in texts]
    return list(reversed(texts)), texts      # mirrored: the title goes to the outer edge


def needs_odd_even(spec: LayoutSpec, issue: Issue) -> bool:
    odd, even = _head_texts(spec, issue)
    heads_differ = spec.header.get("enabled", False) and odd != even
    return heads_differ or spec.folio.get("position") == "outer"


def _write_head(header, spec: LayoutSpec, grid: Grid, texts: list[str]) -> None:
    p = header.paragraphs[0]
    p.style = "Header"
    pPr = p._p.get_or_add_pPr()
    oxml.add_tab(pPr, grid.measure, "right")
    if spec.header.get("rule", True):
        oxml.set_border(pPr, "bottom", 0.5, 1)
    left, right = texts
    p.add_run(f"{left}\t{right}" if right else left)


def _write_folio(footer, spec: LayoutSpec, grid: Grid, side: str) -> None:
    """`format` around a PAGE field, e.g. 「— 」 PAGE 「 —」, on the folio's side."""
    folio = spec.folio
    fmt = folio.get("format", "{n}")
    before, _, after = fmt.partition("{n}")
    p = footer.paragraphs[0]
    p.style = "Footer"
    pPr = p._p.get_or_add_pPr()
    inset = folio.get("inset_em", 0)
    oxml.set_child(pPr, "jc", val={"left": "left", "right": "right"}.get(side, "center"))
    oxml.set_indent(pPr, folio.get("size", 10.5), 0,
                    inset if side == "left" else 0, inset if side == "right" else 0)
    if before:
        p.add_run(before)
    oxml.add_field(p, "PAGE", "1")
    if after:
        p.add_run(after)


def write_furniture(section, spec: LayoutSpec, grid: Grid, issue: Issue, odd_even: bool) -> None:
    """Running head and page number of the body section (odd and, if needed, even pages)."""
    odd_texts, even_texts = _head_texts(spec, issue)
    pos = spec.folio.get("position", "center")
    parts = [(section.header, section.footer, odd_texts, "right" if pos == "outer" else pos)]
    if odd_even:
        parts.append((section.even_page_header, section.even_page_footer, even_texts,
                      "left" if pos == "outer" else pos))
    for header, footer, texts, side in parts:
        header.is_linked_to_previous = False
        footer.is_linked_to_previous = False
        if spec.header.get("enabled"):
            _write_head(header, spec, grid, texts)
        if spec.folio:
            _write_folio(footer, spec, grid, side)


def clear_furniture(section, odd_even: bool) -> None:
    """A section without head or page number (the back page), not inheriting the body's."""
    parts = [section.header, section.footer]
    if odd_even:
        parts += [section.even_page_header, section.even_page_footer]
    for part in parts:
        part.is_linked_to_previous = False


def set_start(section, kind: str, first_number: int | None = None) -> None:
    """How the section starts (nextPage, evenPage, oddPage) and its first page number."""
    sectPr = section._sectPr
    oxml.set_section_start(sectPr, kind)
    if first_number is not None:
        oxml.set_page_numbers(sectPr, first_number)
