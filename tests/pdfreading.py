"""Reading our PDFs back as a reader does: column by column, titles across the page between.

in: a pdfplumber page; out: its text lines in reading order. The reading is the independent
checker's (../shared/tools/pdfcheck.py, column_rows): it finds the gutter from the
characters alone, so a test that reads with it checks what any reader would get, not what
our own layout says it drew.
"""
from __future__ import annotations

import sys

from testpaths import SHARED

sys.path.insert(0, str(SHARED / "tools"))
from pdfcheck import column_rows  # noqa: E402


def reading_lines(page) -> list[tuple[float, str]]:
    """(top, text) of each line of `page` (pdfplumber) in reading order."""
    rows, _ = column_rows(page)
    return [(top, text) for top, text, _ in rows]


def page_text(page, top: float | None = None, bottom: float | None = None) -> str:
    """All of a page's text in reading order (optionally only lines between top and bottom)."""
    return "".join(t for y, t in reading_lines(page)
                   if (top is None or y > top) and (bottom is None or y < bottom))
