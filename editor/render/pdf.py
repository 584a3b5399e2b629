"""LayoutResult → PDF with reportlab: every glyph where the engine put it.

in: a LayoutResult, an output path, document info, `print_marks` for the print version;
out: the PDF file, written to a temporary name and renamed when complete.
Fonts are embedded as subsets; text and rules are 100 % K (the masthead red 0/100/100/0);
bookmarks (栏目 → documents) and TOC links come from the layout. The print version has
3 mm bleed and crop marks and is PDF/X-4 (pdfx.py): no links, pictures in CMYK, an output
intent; its cover can go to a file of its own.
"""
from __future__ import annotations

import gc
import hashlib
import io
import os
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from reportlab import rl_config
from reportlab.lib.colors import CMYKColor, CMYKColorSep
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfdoc, pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from ..issuefile import write_atomic
from ..layout.pages import LayoutResult, Page, QRCode
from . import drawcache, pdfx
from .pdftext import font_files, num, page_text
from .qrmodules import dark_runs
from .ttfread import BulkTTFont

MM = 72 / 25.4
BLEED = 3 * MM          # bleed on each trimmed edge
SLUG = 12 * MM          # room outside the bleed for crop marks
MARK = 8 * MM           # crop mark length
rl_config.useA85 = 0    # binary streams: ASCII85 only makes the file larger and slower to write
COLORS = {"black": CMYKColor(0, 0, 0, 1), "red": CMYKColor(0, 1, 1, 0)}
REGISTRATION = CMYKColorSep(1, 1, 1, 1, spotName="All")   # crop marks: the /All separation, on every plate


def register_fonts(faces: dict) -> dict[str, str]:
    """Register each role's TrueType file once per process; return role → reportlab font name."""
    names = {}
    for role, face in faces.items():
        key = f"{face.path}#{getattr(face, 'index', 0)}"
        name = "F" + hashlib.sha1(key.encode()).hexdigest()[:10]
        if name not in pdfmetrics.getRegisteredFontNames():
            st = os.stat(face.path)     # before reading: the version the widths come from
            font = BulkTTFont(name, str(face.path), subfontIndex=getattr(face, "index", 0))
            font_files[name] = (str(face.path), st.st_size, st.st_mtime_ns)
            # every face of a line stands in the ideographic em box the layout places it in
            # (0.88 em above the baseline, 0.12 below: paginate.BASELINE); the descriptors
            # say so, and a reader boxes a Times digit like the Han character beside it
            font.face.ascent, font.face.descent = EM_BOX_ASCENT, EM_BOX_ASCENT - 1000
            pdfmetrics.registerFont(font)
        names[role] = name
    return names


EM_BOX_ASCENT = 880       # per 1000 units of the em
drawcache.remember_compression(pdfdoc)


def _draw_qr(c: Canvas, code: QRCode, height: float, dx: float, dy: float) -> None:
    """The code's dark squares in the box the layout reserved, in 100 % K like the text;
    drawn as plain rectangles (renderPDF would also name an unembedded Helvetica)."""
    x0, y0 = dx + code.x, dy + height - code.y - code.size
    c.setFillColor(COLORS["black"])
    for x, y, w, h in dark_runs(code.text, code.size):
        c.rect(x0 + x, y0 + y, w, h, stroke=0, fill=1)


def _draw_graphics(c: Canvas, page: Page, height: float, dx: float, dy: float, cmyk: bool) -> None:
    """Rules, pictures (in CMYK for the press when `cmyk`) and QR codes of one page."""
    for rule in page.rules:
        c.setStrokeColor(COLORS.get(rule.color, COLORS["black"]))
        c.setLineWidth(rule.width)
        c.line(dx + rule.x1, dy + height - rule.y1, dx + rule.x2, dy + height - rule.y2)
    for img in page.images:
        try:
            source = pdfx.cmyk_image(img.data) if cmyk else io.BytesIO(img.data)
            c.drawImage(ImageReader(source), dx + img.x, dy + height - img.y - img.height,
                        img.width, img.height)
        except Exception:   # an image reportlab cannot read: leave its frame visible
            c.setStrokeColor(COLORS["black"])
            c.rect(dx + img.x, dy + height - img.y - img.height, img.width, img.height)
    for code in page.codes:
        _draw_qr(c, code, height, dx, dy)


def _crop_marks(c: Canvas, w: float, h: float, off: float) -> None:
    c.setStrokeColor(REGISTRATION)
    c.setLineWidth(0.25)
    for x in (off, off + w):
        for y in (off, off + h):
            sx = -1 if x == off else 1
            sy = -1 if y == off else 1
            c.line(x, y + sy * BLEED, x, y + sy * (BLEED + MARK))
            c.line(x + sx * BLEED, y, x + sx * (BLEED + MARK), y)


@dataclass(frozen=True)
class PdfOutput:
    """One PDF file to write: the screen version, or the print version (`print_marks`:
    3 mm bleed and crop marks around each page, PDF/X-4); `pages`: the physical page
    indices it holds (None: all)."""
    path: Path
    print_marks: bool = False
    pages: tuple[int, ...] | None = None


def cover_path(path: str | os.PathLike) -> Path:
    """The separate cover file beside the print PDF: 付印.pdf → 付印-封面.pdf."""
    path = Path(path)
    return path.with_name(f"{path.stem}-封面{path.suffix}")


def print_outputs(result: LayoutResult, path: str | os.PathLike, cover_separate: bool) -> list[PdfOutput]:
    """The print version's files: one, or (cover_separate) the inside pages and, in a file of
    their own for the cover stock, the cover and back cover."""
    if not cover_separate:
        return [PdfOutput(Path(path), True)]
    cover, inside = pdfx.cover_pages(result.pages)
    return [PdfOutput(Path(path), True, tuple(inside)), PdfOutput(cover_path(path), True, tuple(cover))]


def _new_canvas(result: LayoutResult, fonts: dict[str, str], info: dict, out: PdfOutput, off: float,
                buffer: io.BytesIO, when) -> Canvas:
    c = Canvas(buffer, pagesize=(result.width + 2 * off, result.height + 2 * off), invariant=1,
               initialFontName=fonts.get("body", next(iter(fonts.values()))), initialFontSize=12,
               pdfVersion=pdfx.PDF_VERSION if out.print_marks else None)
    c.setTitle(info.get("title", ""))
    c.setSubject(info.get("subject", ""))
    c.setAuthor(info.get("author", ""))
    c.setCreator("gazette-editor")
    pdfx.date_info(c, when)
    if out.print_marks:
        pdfx.make_pdfx(c, when, out.path.name)
    return c


def _start_page(c: Canvas, result: LayoutResult, page: Page, off: float, keys: dict) -> None:
    """Page boxes, crop marks and the outline destinations of one page."""
    w, h = result.width, result.height
    if off:
        c.setTrimBox((off, off, off + w, off + h))
        c.setBleedBox((off - BLEED, off - BLEED, off + w + BLEED, off + h + BLEED))
        _crop_marks(c, w, h, off)
    else:
        c.setTrimBox((0, 0, w, h))
    if page.index in keys:
        c.bookmarkPage(keys[page.index], fit="XYZ", top=h + off)
    for n, bm in enumerate(result.bookmarks):
        if bm.page == page.index:   # one destination per outline entry (栏目 → documents)
            c.bookmarkPage(f"b{n}", fit="XYZ", top=h + off)
            c.addOutlineEntry(bm.title, f"b{n}", level=bm.level)


def render_pdfs(result: LayoutResult, outputs: list[PdfOutput], info: dict | None = None,
                progress=None, cancel=None) -> None:
    """Write several PDFs of one layout in one pass over the pages: each page's text is set
    into PDF operators once and shared (the print version places it inside its bleed with
    a translation). Files holding other pages (a separate cover) take a pass of their own:
    files drawn together must see the same text to share font subsets. Each file is
    written atomically when complete."""
    with _collector_paused():
        _render_groups(result, outputs, info, progress, cancel)
    drawcache.prune()


@contextmanager
def _collector_paused():
    """Python's cycle collector off while the pages are drawn: drawing makes hundreds of
    thousands of strings and lists, no cycles worth finding, and the collector's passes
    over them cost a sixth of the time. Back on (as it was) afterwards."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def _render_groups(result: LayoutResult, outputs: list[PdfOutput], info: dict | None, progress,
                   cancel) -> None:
    when = pdfx.build_time()
    groups: dict = {}
    for out in outputs:
        groups.setdefault(out.pages, []).append(out)
    todo = [[p for p in result.pages if pages is None or p.index in pages] for pages in groups]
    total, done = sum(len(pages) for pages in todo), 0
    for pages, group in zip(todo, groups.values()):
        done = _render_pass(result, pages, group, info or {}, when, progress, cancel, done, total)


def _render_pass(result: LayoutResult, pages: list[Page], outputs: list[PdfOutput], info: dict, when,
                 progress, cancel, done: int, total: int) -> int:
    """One pass over `pages` drawing every file of `outputs`; out: pages done so far."""
    fonts = register_fonts(result.fonts)
    h = result.height
    offs = [BLEED + SLUG if out.print_marks else 0.0 for out in outputs]
    buffers = [io.BytesIO() for _ in outputs]     # a file appears only when complete
    canvases = [_new_canvas(result, fonts, info, out, off, b, when)
                for out, off, b in zip(outputs, offs, buffers)]
    docs, names = [c._doc for c in canvases], {}
    keys = {l.target_page: f"p{l.target_page}" for p in result.pages for l in p.links}
    for page in pages:
        if cancel is not None and cancel.is_set():
            raise InterruptedError
        for c, off, out in zip(canvases, offs, outputs):
            _start_page(c, result, page, off, keys)
            _draw_graphics(c, page, h, off, off, cmyk=out.print_marks)
        text = page_text(docs, page, h, fonts, names)
        for c, off, out in zip(canvases, offs, outputs):
            c._code.append(f"q 1 0 0 1 {num(off)} {num(off)} cm\n{text}\nQ" if off else text)
            links = [] if out.print_marks else page.links     # PDF/X: no annotations
            for link in links:
                c.linkRect("", keys[link.target_page],
                           (off + link.x1, off + h - link.y2, off + link.x2, off + h - link.y1),
                           relative=0, thickness=0)
            c.showPage()
        done += 1
        if progress:
            progress("输出 PDF", done, total, "")
    for c, buffer, out in zip(canvases, buffers, outputs):
        c.save()
        write_atomic(out.path, buffer.getvalue())
    return done


def render_pdf(result: LayoutResult, path: str | os.PathLike, info: dict | None = None,
               print_marks: bool = False, progress=None, cancel=None) -> None:
    """One PDF of the layout (see render_pdfs)."""
    render_pdfs(result, [PdfOutput(Path(path), print_marks)], info, progress, cancel)
