"""The whole issue: cover, 目录, documents, back page → LayoutResult.

in: an Issue (documents imported), a LayoutSpec, font faces and metrics per role;
out: LayoutResult with absolute page coordinates, bookmarks, TOC links and diagnostics.
The 目录's numbers come from this same layout: the TOC is set with placeholders, the
documents are paginated after it, then the TOC is set again with the real numbers; if
that changes the TOC's page count, everything after it moves and the loop repeats
(at most 5 passes). An issue may end with an Appendix (the year's 总目录) set after its
documents, once their printed pages are known; the 目录 lists it last.
"""
from __future__ import annotations

import hashlib
import pickle
from dataclasses import dataclass, replace
from typing import Callable

from ..model import Diagnostic, Issue, Severity
from . import pagecache
from .blocks import layout_blocks
from .flow import FlowPage, flow
from .frontmatter import back_page_lines, cover_lines, inside_title_lines, issue_label
from .pages import Bookmark, ImageBox, LayoutResult, Link, Page, QRCode, Rule, TextLine
from .paginate import PlacedLine, paginate
from .lines import SetLine
from .setting import Typesetter
from .spec import LayoutSpec, mm_to_pt
from .titlebreak import organ_names
from .toc import build_toc

MAX_PASSES = 5
_doc_cache: dict = {}


@dataclass(frozen=True)
class Appendix:
    """A last part after the documents, in the body's pages: running heads, columns, page
    numbers going on. `lines(ts, starts)` sets it, given each document's printed start page."""
    title: str                                            # its 目录 entry and bookmark
    lines: Callable[[Typesetter, list[int]], list[SetLine]]


def _fingerprint(doc, spec: LayoutSpec, metrics: dict, words: tuple[str, ...]) -> bytes:
    key = (spec, tuple(sorted((r, getattr(m, "name", "")) for r, m in metrics.items())), words,
           [(b.kind, b.level, b.align, tuple((r.text, r.bold, r.italic, r.script) for r in b.runs),
             tuple(map(tuple, b.rows)), tuple(b.spans), hashlib.sha1(b.image).digest() if b.image else None,
             tuple((c.row, c.col, c.size, hashlib.sha1(c.image).digest()) for c in b.cell_images))
            for b in doc.blocks])
    return hashlib.sha1(pickle.dumps(key)).digest()


def _document_pages(doc, k: int, spec: LayoutSpec, metrics: dict,
                    words: tuple[str, ...] = ()) -> tuple[list, list[Diagnostic]]:
    """Paginated lines of one document, cached on its content so an edit re-lays out one
    document; `words`: the issue's organ names, never broken in a title."""
    if doc.lines_per_column and doc.lines_per_column != spec.lines_per_page:
        spec = replace(spec, lines_per_page=doc.lines_per_column)   # the editor's 每栏行数
    fp = _fingerprint(doc, spec, metrics, words)
    hit = _doc_cache.get(fp)
    if hit is None:
        key = pagecache.entry_key(fp, metrics)
        hit = pagecache.load(key)      # laid out by an earlier build
        if hit is None:
            ts = Typesetter(spec, metrics, words=words)
            top = spec.issue.get("document_top_lines", 0) * spec.line_pitch   # room above a title
            pages = flow(layout_blocks(doc, k, ts), spec, first_top=top)
            lone = _lone_lines(pages, k) if spec.avoid_lone_lines else []
            hit = (pages, ts.diagnostics + lone)
            pagecache.save(key, *hit)
        if len(_doc_cache) > 256:
            _doc_cache.clear()
        _doc_cache[fp] = hit
    pages, diags = hit
    return pages, [replace(d, document=k) for d in diags]


def _lone_lines(pages: list[FlowPage], k: int) -> list[Diagnostic]:
    """Lone lines the keep rules could not avoid: a paragraph's first line alone at the foot
    of a column, or its last line alone at the head of one."""
    out = []
    chunks = [chunk for page in pages for chunk in page.chunks]
    for n, chunk in enumerate(chunks):
        first, last = chunk[0].line, chunk[-1].line
        if n > 0 and first.last and not first.first and first.block is not None:
            out.append(Diagnostic(Severity.WARNING, "widow", "段落末行孤零零地排在栏首",
                                  document=k, block=first.block))
        if n < len(chunks) - 1 and last.first and not last.last and last.block is not None:
            out.append(Diagnostic(Severity.WARNING, "orphan", "段落首行孤零零地排在栏末",
                                  document=k, block=last.block))
    return out


def _emit(page: Page, placed: list[PlacedLine], left: float, top: float, doc: int | None) -> None:
    """Turn placed lines (type-area coordinates) into the page's absolute TextLines and rules."""
    for p in placed:
        ln: SetLine = p.line
        base, x0 = top + p.baseline, left + p.left
        for s in ln.segments:
            page.lines.append(TextLine(s.text, tuple(x0 + x for x in s.xs), base - s.rise,
                                       s.font, s.size, doc, ln.block, s.color, hidden=s.hidden))
            for dx1, dx2, lift, width in s.rules:
                y = base - s.rise - lift
                page.rules.append(Rule(x0 + s.xs[0] + dx1, y, x0 + s.xs[0] + dx2, y, width, s.color))
        for x1, y1, x2, y2, *look in ln.rules:     # look: optional (width, colour)
            page.rules.append(Rule(x0 + x1, top + p.top + y1, x0 + x2, top + p.top + y2, *look))
        if ln.image:
            x, w, h, data = ln.image
            page.images.append(ImageBox(x0 + x, top + p.top, w, h, data, doc, ln.block))
        for x, dy, w, h, data in ln.pictures:
            page.images.append(ImageBox(x0 + x, top + p.top + dy, w, h, data, doc, ln.block))
        if ln.qr:
            x, side, text = ln.qr
            page.codes.append(QRCode(x0 + x, top + p.top, side, text))


def _column_rules(page: Page, flowed: FlowPage, spec: LayoutSpec, left: float) -> None:
    """A thin rule down the middle of each gutter, as tall as the columns beside it."""
    if not spec.column_rule:
        return
    for area in flowed.areas:
        for c in range(1, area.count):
            x = left + c * (spec.column_measure + spec.gutter) - spec.gutter / 2
            page.rules.append(Rule(x, spec.top + area.top, x, spec.top + area.bottom, 0.5))


def _furniture(page: Page, spec: LayoutSpec, issue: Issue, ts: Typesetter) -> None:
    """Running head and page number of a body page."""
    left = spec.left_margin(page.number)
    head = spec.header
    if head.get("enabled"):
        size, font = head.get("size", 9), head.get("font", "song")
        y = spec.top - mm_to_pt(head.get("above_mm", 5))
        texts = [head.get("left", ""), head.get("right", "")]
        if page.number % 2 == 1:      # mirrored: the title goes to the outer edge
            texts.reverse()
        for text, align in zip(texts, ("left", "right")):
            text = text.format(year=issue.year, number=issue.number, name=issue.name,
                               total=issue.total_number)
            if text:
                page.lines.append(_line_at(ts, text, font, size, left, spec.measure, y, align))
        if head.get("rule", True):
            page.rules.append(Rule(left, y + 4, left + spec.measure, y + 4, 0.5))
    folio = spec.folio
    if folio and page.folio is not None:
        size, font = folio.get("size", 14), folio.get("font", "song")
        text = folio.get("format", "{n}").format(n=page.folio)
        pos = folio.get("position", "center")
        inset = folio.get("inset_em", 0) * size
        if pos == "outer":
            pos = "right" if page.number % 2 else "left"
        y = spec.page_height - spec.bottom + mm_to_pt(folio.get("below_mm", 7)) + size * 0.8
        page.lines.append(_line_at(ts, text, font, size, left + inset,
                                   spec.measure - 2 * inset, y, pos))


def body_page(index: int, flowed: FlowPage, spec: LayoutSpec, issue: Issue, ts: Typesetter,
              doc: int | None = None) -> Page:
    """Physical page `index` holding one flowed page: its lines, the rules between its
    columns, running head and page number (the printed number is the physical one)."""
    page = Page(index, "body", doc=doc)
    page.folio = page.number
    left = spec.left_margin(page.number)
    _emit(page, flowed.lines, left, spec.top, doc)
    _column_rules(page, flowed, spec, left)
    _furniture(page, spec, issue, ts)
    return page


_emitted: dict = {}     # a document's page as placed before: key → (its FlowPage, the Page)


def _document_page(index: int, flowed: FlowPage, spec: LayoutSpec, issue: Issue, ts: Typesetter,
                   doc: int) -> Page:
    """body_page, remembered: after an edit the pages of the other documents — the same
    FlowPages from the document cache, at the same place — are not placed again."""
    key = (id(flowed), index, doc, ts.setting_key(), issue.name, issue.year, issue.number,
           issue.total_number)
    hit = _emitted.get(key)
    if hit is None or hit[0] is not flowed:      # the FlowPage is kept: its id is not reused
        if len(_emitted) > 4 * 256:
            _emitted.clear()
        hit = _emitted[key] = (flowed, body_page(index, flowed, spec, issue, ts, doc))
    page = hit[1]
    return replace(page, lines=list(page.lines), rules=list(page.rules), links=list(page.links),
                   images=list(page.images), codes=list(page.codes))


def _line_at(ts: Typesetter, text: str, font: str, size: float, left: float, width: float,
             y: float, align: str) -> TextLine:
    m = ts.metrics[font]
    advances = [m.advance(c) * size for c in text]
    total = sum(advances)
    x = left + {"left": 0.0, "right": width - total, "center": (width - total) / 2}[align]
    xs = []
    for a in advances:
        xs.append(x)
        x += a
    return TextLine(text, tuple(xs), y, font, size)


def _lay_out_documents(docs, spec, metrics, words, progress, cancel) -> tuple[list, list[Diagnostic]]:
    doc_pages, diagnostics = [], []
    for k, doc in enumerate(docs):
        if cancel is not None and cancel.is_set():
            raise InterruptedError
        pages, diags = _document_pages(doc, k, spec, metrics, words)
        doc_pages.append(pages)
        diagnostics += [replace(d, document=k) for d in doc.diagnostics] + diags
        if progress:
            progress("排版", k + 1, len(docs), doc.title)
    return doc_pages, diagnostics


def _settle_toc(ts: Typesetter, issue: Issue, doc_pages: list, front: int, toc_top: float,
                parts: tuple[str, ...] = ()):
    """Set the 目录 until its numbers and its own length agree (a longer 目录 moves every
    document back); `parts`: titles of the parts after the documents (listed last).
    out: (TocLines or None, its pages, passes used, settled?)."""
    if not ts.spec.issue.get("toc", True):
        return None, [], 1, True
    starts: list[int | None] = [None] * (len(doc_pages) + len(parts))
    for passes in range(1, MAX_PASSES + 1):
        toc = build_toc(ts, issue, starts, parts)
        toc_pages = paginate(toc.lines, ts.spec, first_top=toc_top)
        new, page_no = [], front + len(toc_pages)
        for pages in doc_pages:
            new.append(page_no + 1)              # printed number = physical page number
            page_no += len(pages)
        new += [page_no + 1] * len(parts)        # one part: it starts after the documents
        if new == starts:
            return toc, toc_pages, passes, True
        starts = new
    return toc, toc_pages, MAX_PASSES, False


def _locate(diagnostics: list[Diagnostic], pages: list[Page], first_pages: list[int]) -> None:
    """Point each problem at the page where its block is printed (else its document's first)."""
    where: dict[tuple[int, int], int] = {}
    for page in pages:
        for line in page.lines:
            if line.doc is not None and line.block is not None:
                where.setdefault((line.doc, line.block), page.index)
    for d in diagnostics:
        if d.document is not None and d.document < len(first_pages):
            d.page = where.get((d.document, d.block), first_pages[d.document])


def layout_issue(issue: Issue, spec: LayoutSpec, faces: dict, metrics: dict,
                 progress=None, cancel=None, appendix: Appendix | None = None) -> LayoutResult:
    docs = issue.documents()
    words = organ_names(issue)
    doc_pages, diagnostics = _lay_out_documents(docs, spec, metrics, words, progress, cancel)
    conf = spec.issue
    ts = Typesetter(spec, metrics, words=words)
    front = 1 if conf.get("cover", True) else 0
    head_lines, toc_top = inside_title_lines(ts, issue) if conf.get("toc", True) else ([], 0.0)
    parts = (appendix.title,) if appendix else ()
    toc, toc_pages, passes, settled = _settle_toc(ts, issue, doc_pages, front, toc_top, parts)
    if not settled:
        diagnostics.append(Diagnostic(Severity.WARNING, "toc-unstable",
                                      "目录页码经 5 次排版仍未稳定，请检查目录"))
    pages: list[Page] = []

    def new_page(kind: str, doc: int | None = None, folio: bool = True) -> Page:
        page = Page(len(pages), kind, doc=doc)
        page.folio = page.number if folio else None
        pages.append(page)
        return page

    if front:
        _emit(new_page("cover", folio=False), cover_lines(ts, issue), spec.inner, spec.top, None)
    entry_spots = []
    numbered = {id(toc.lines[i]) for i in toc.entry_last} if toc else set()
    for n, placed in enumerate(toc_pages):
        page = new_page("toc", folio=False)
        left = spec.left_margin(page.number)
        if n == 0:
            _emit(page, head_lines, left, spec.top, None)
        _emit(page, placed, left, spec.top, None)
        entry_spots += [(page, left, p) for p in placed if id(p.line) in numbered]
    bookmarks: list[Bookmark] = []
    first_pages = []
    section_of = [s for s in issue.sections for ref in s.documents if ref.document]
    for k, placed_pages in enumerate(doc_pages):
        first_pages.append(len(pages))
        if k == 0 or section_of[k] is not section_of[k - 1]:
            bookmarks.append(Bookmark(f"【{section_of[k].name}】", 0, len(pages), 0.0))
        bookmarks.append(Bookmark(docs[k].title or "（无标题）", 1, len(pages), spec.top))
        for flowed in placed_pages:
            pages.append(_document_page(len(pages), flowed, spec, issue, ts, k))
    targets = list(first_pages)
    if appendix is not None:
        targets.append(len(pages))
        bookmarks.append(Bookmark(appendix.title, 0, len(pages), spec.top))
        for flowed in flow(appendix.lines(ts, [pages[i].number for i in first_pages]), spec):
            pages.append(body_page(len(pages), flowed, spec, issue, ts))
    if conf.get("back_page", False):
        if conf.get("back_page_even", False) and len(pages) % 2 == 0:
            new_page("blank", folio=False)      # the back cover is an even page
        back = new_page("back", folio=False)
        _emit(back, back_page_lines(ts, issue), spec.left_margin(back.number), spec.top, None)
    # TOC links: the number line of entry k jumps to document (or part) k's first page
    for k, (page, left, p) in enumerate(entry_spots):
        y = spec.top + p.top
        page.links.append(Link(left, y, left + spec.measure, y + p.line.height, targets[k]))
    _locate(diagnostics, pages, first_pages)
    return LayoutResult(pages, spec.page_width, spec.page_height, faces, bookmarks,
                        first_pages, diagnostics + ts.diagnostics, passes)
