"""Print (Ctrl+P): the layout's pages through QPrintDialog, drawn by the same PagePainter.

in: a BuildOutcome and a QPrinter (or the dialog's); out: printed pages, each scaled to
fit the printer's page at true proportions (A4 on A4 prints at 100 %).
"""
from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter

from .pagepaint import PagePainter


def page_range(printer: QPrinter, count: int) -> range:
    """out: the 0-based pages the printer was asked for (all when no range was chosen)."""
    first, last = printer.fromPage(), printer.toPage()
    if first <= 0 or last <= 0:
        return range(count)
    return range(max(0, first - 1), min(count, last))


def print_pages(printer: QPrinter, outcome, pp: PagePainter | None = None) -> int:
    """Draw the outcome's pages on `printer`; out: how many pages were printed."""
    layout = outcome.layout
    pp = pp or PagePainter()
    pages = page_range(printer, len(layout.pages))
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    printer.setFullPage(True)      # page coordinates from the paper's corner, as in the PDF
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError("无法开始打印（打印机不可用）")
    try:
        for n, index in enumerate(pages):
            if n:
                printer.newPage()
            area: QRectF = printer.pageLayout().fullRectPixels(printer.resolution()).toRectF()
            scale = min(area.width() / layout.width, area.height() / layout.height)
            painter.save()
            painter.translate((area.width() - layout.width * scale) / 2,
                              (area.height() - layout.height * scale) / 2)
            painter.scale(scale, scale)
            pp.paint(painter, layout.pages[index], layout.fonts, layout.width, layout.height,
                     paper=False)
            painter.restore()
    finally:
        painter.end()
    return len(pages)


def print_with_dialog(parent, outcome, pp: PagePainter) -> bool:
    """Ask for a printer and pages, then print; out: whether anything was printed."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setFullPage(True)
    printer.setDocName("公报")
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle("打印")
    dialog.setMinMax(1, len(outcome.pages))
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return False
    return print_pages(printer, outcome, pp) > 0
