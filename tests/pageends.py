"""Where the pages of a typeset issue end, read from its PDF, and how two PDFs of the same
issue agree on it.

in: a PDF (ours, or LibreOffice's rendering of our DOCX), the first and last physical page
of the documents, the type area's top and bottom; out: the documents' text as one string
(its Han characters, as the independent checker counts distances, read column by column
with its reader; running heads and page numbers left out) and the offset in it where each page ends. Two PDFs of one issue
hold the same text, so an offset in one is an offset in the other; `agreement` counts the
page ends of one that lie within a few characters of a page end of the other.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import pdfplumber

from pdfreading import reading_lines

HAN = re.compile(r"[\u3400-\u9fff]")     # as ../shared/tools/pdfcheck.py counts


@dataclass
class PageEnds:
    text: str
    ends: list[int]          # offset in text after each page's last character
    pages: list[int]         # physical page number (1-based) of each end


def page_ends(path, first: int, stop_at: str, top: float, bottom: float) -> PageEnds:
    """in: a PDF, the physical page (1-based) where the documents start, a text that marks
    the first page after them (the back page's 简介 title), the type area's top and bottom
    (pt from the page top); out: the documents' text and its page ends."""
    text, ends, pages = [], [], []
    size = 0
    with pdfplumber.open(path) as pdf:
        for number, page in enumerate(pdf.pages[first - 1:], first):
            rows = [t for y, t in reading_lines(page) if top - 6 <= y <= bottom]
            body = "".join(HAN.findall("".join(rows)))
            if "".join(HAN.findall(stop_at)) in body:
                break
            if not body:
                continue
            text.append(body)
            size += len(body)
            ends.append(size)
            pages.append(number)
    return PageEnds("".join(text), ends, pages)


def agreement(ours: PageEnds, theirs: PageEnds, within: int = 20) -> tuple[int, list[int]]:
    """out: how many of our page ends lie within `within` characters of one of theirs, and
    each of our ends' distance to the nearest of theirs."""
    distances = [min((abs(e - t) for t in theirs.ends), default=10 ** 6) for e in ours.ends]
    return sum(d <= within for d in distances), distances
