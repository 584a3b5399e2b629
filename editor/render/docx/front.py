"""The issue's own pages in the DOCX: cover, inside title block with the 目录, back page.

in: the python-docx Document, the Issue, the spec, the grid and each document's printed
start page (layout.doc_pages[k] + 1); out: paragraphs placed as layout/frontmatter.py and layout/toc.py place them
(the same gaps in points). TOC page numbers are PAGEREF fields to the documents' title
bookmarks whose cached result is our own layout's number, written like the PDF: （N）.
"""
from __future__ import annotations

import io

from docx.shared import Pt

from ...layout.frontmatter import (QR_GAP, colophon_rows, issue_label, publication_date,
                                   scan_paragraph)
from ...layout.pages import QRCode
from ...layout.spec import LayoutSpec
from ...layout.toc import entry_texts
from ...model import Issue
from . import oxml
from .body import bookmark_name
from ..qrmodules import qr_png
from .flow import estimate_lines
from .placed import split_like
from .styles import TOC_ENTRY, TOC_NUMBER, TOC_SECTION, TOC_TITLE, Grid, add_paragraph

TOC_TOP = 2.0           # pt between the 目录 heading and the first 栏目


def _line(doc, style: str, text: str, before: float, line_height: float | None = None,
          page_break: bool = False):
    """One paragraph `text` in `style` with `before` points above it."""
    p = add_paragraph(doc, style, text)
    pPr = p._p.get_or_add_pPr()
    if page_break:
        oxml.set_on(pPr, "pageBreakBefore")
    oxml.set_spacing(pPr, before_pt=before, line_pt=line_height)
    return p


def write_cover(doc, issue: Issue, spec: LayoutSpec) -> None:
    """Masthead (red), year, issue numbers; sponsor and date at the foot of the page."""
    h = spec.text_height
    _line(doc, "封面刊名", issue.name, h * 0.12)
    _line(doc, "封面年份", str(issue.year), h * 0.18)
    _line(doc, "封面期号", f"第{issue.number}期（总第{issue.total_number}期）", h * 0.04)
    y = h * 0.34 + 40 * 1.3 + 64 * 1.2 + 20 * 1.5
    d = publication_date(issue)
    foot = [f"{issue.sponsor}　主办" if issue.sponsor else "",
            f"{d.year}年{d.month}月{d.day}日" if d else ""]
    gap = h * 0.86 - y
    for text in filter(None, foot):
        _line(doc, "封面日期", text, gap)
        gap = 4.0


def write_inside_title(doc, issue: Issue, spec: LayoutSpec) -> None:
    """The block above the 目录, on a new page."""
    d = publication_date(issue)
    _line(doc, "扉页刊名", issue.name, 0.0, page_break=True)
    infos = [issue_label(issue), f"（总第{issue.total_number}期）"]
    if issue.sponsor:
        infos.append(f"主管主办：{issue.sponsor}")
    if d:
        infos.append(f"{d.year}年{d.month}月{d.day}日出版")
    for n, text in enumerate(infos):
        _line(doc, "扉页信息", text, 4.0 if n == 0 else 0.0)
    _line(doc, TOC_TITLE, spec.toc.get("title", "目 录"), 16.0)


def _number_line(doc, text: str, k: int, page: int, fmt: str, before: float) -> None:
    """`text`, a right tab with leaders to the measure, then （PAGEREF）."""
    p = add_paragraph(doc, TOC_NUMBER, text)
    oxml.set_spacing(p._p.get_or_add_pPr(), before_pt=before)
    lead, _, trail = fmt.partition("{n}")
    p.add_run(f"\t{lead}")
    oxml.add_field(p, f"PAGEREF {bookmark_name(k)} \\h", str(page))
    if trail:
        p.add_run(trail)


def write_toc(doc, issue: Issue, spec: LayoutSpec, pages: list[int], printed: list[str]) -> None:
    """【栏目】 headings and one entry per document: title lines, then the numbered line.
    Off the body grid like layout/toc.py: 0.6 em above a heading, 0.4 em above an entry.
    Each line our 目录 printed (`printed`, placed.printed_toc) is a paragraph of its own:
    the 目录 is generated, not edited, and reads exactly as printed in every reader."""
    size = spec.toc.get("size", spec.size)
    fmt = spec.toc.get("number_format", "（{n}）")
    k, at = 0, 0
    first = True
    for section in issue.sections:
        docs = [ref.document for ref in section.documents if ref.document]
        if not docs:
            continue
        _line(doc, TOC_SECTION, f"【{section.name}】", TOC_TOP if first else 0.6 * size)
        first = False
        for document in docs:
            head, last = entry_texts(document)
            before = 0.4 * size
            for text in head:
                lines, at = split_like(text, printed, at)
                for line in lines:
                    _line(doc, TOC_ENTRY, line, before)
                    before = 0.0
            pieces, at = split_like(last, printed, at)
            *wrapped, last = pieces
            for line in wrapped:
                _line(doc, TOC_ENTRY, line, before)
                before = 0.0
            number = pages[k] if k < len(pages) else 0
            _number_line(doc, last, k, number, fmt, before)
            k += 1


def _qr_picture(doc, code: QRCode) -> None:
    """The back page's QR code as a centred picture, the size our layout gives it."""
    p = doc.add_paragraph(style="简介")
    pPr = p._p.get_or_add_pPr()
    oxml.set_child(pPr, "jc", val="center")
    oxml.set_child(pPr, "ind", firstLine=0, firstLineChars=0)
    oxml.set_on(pPr, "snapToGrid", False)
    oxml.set_child(pPr, "spacing", before=round(QR_GAP * 20), after=round(QR_GAP * 20),
                   line=240, lineRule="auto")            # an exact line would clip it
    p.add_run().add_picture(io.BytesIO(qr_png(code.text)), width=Pt(code.size))


def write_back_page(doc, issue: Issue, spec: LayoutSpec, grid: Grid,
                    codes: list[QRCode] | None = None) -> None:
    """The 简介 at the top, the QR code our layout placed under the paragraph that asks to
    scan it, the colophon at the foot of the back page."""
    s = spec.size
    y = 0.0
    if issue.intro_title:
        _line(doc, "简介标题", issue.intro_title, 0.0)
        y += s * 1.4 * 1.8
    scan = scan_paragraph(issue)
    for n, para in enumerate(issue.intro):
        _line(doc, "简介", para, 6.0 if n == 0 else 0.0)
        width = grid.measure - 2 * s                # the first-line indent, spread over
        y += (6.0 if n == 0 else 0.0) + estimate_lines(para, s, width) * s * 1.7
        if n == scan and codes:
            _qr_picture(doc, codes[0])
            y += codes[0].size + 2 * QR_GAP
    rows = colophon_rows(issue)
    height = s * 1.1 * 1.8 + len(rows) * s * 0.9 * 1.6
    # one line of slack: our estimate of the 简介's length must not push the colophon over
    gap = max(24.0, spec.text_height - height - y - s * 1.7)
    _line(doc, "版权刊名", issue.name, gap)
    for text in rows:
        _line(doc, "版权", text, 0.0)
