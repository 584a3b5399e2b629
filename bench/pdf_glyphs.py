"""Whether two PDFs print the same: every glyph's text, font, size and position, page by page.

    .venv/bin/python bench/pdf_glyphs.py BEFORE.pdf AFTER.pdf

A speed change must leave the output as it was. This compares what pdfplumber extracts
for each character (text, font name without its subset prefix, size, x0, top, rounded
to 0.001 pt) and each rectangle and line drawn (rules, QR squares: x0, top, x1, bottom),
the page count and each page's size; it prints the first differences and
exits 1 when there are any. Bytes are not compared (subset names and object order may
change without changing the print).
"""
from __future__ import annotations

import sys


def glyphs(path: str) -> list[tuple]:
    """in: a PDF; out: per page, its size and (text, font, size, x0, top) of each glyph."""
    import pdfplumber
    pages = []
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            chars = [(c["text"], c["fontname"].split("+", 1)[-1], round(c["size"], 3),
                      round(c["x0"], 3), round(c["top"], 3)) for c in page.chars]
            chars += [(kind, *(round(o[k], 3) for k in ("x0", "top", "x1", "bottom")))
                      for kind in ("rect", "line") for o in getattr(page, kind + "s")]
            pages.append(((round(page.width, 3), round(page.height, 3)), chars))
    return pages


def differences(before: list[tuple], after: list[tuple], limit: int = 10) -> list[str]:
    out = []
    if len(before) != len(after):
        out.append(f"pages: {len(before)} → {len(after)}")
    for n, ((size_a, chars_a), (size_b, chars_b)) in enumerate(zip(before, after), 1):
        if size_a != size_b:
            out.append(f"page {n}: size {size_a} → {size_b}")
        if len(chars_a) != len(chars_b):
            out.append(f"page {n}: {len(chars_a)} → {len(chars_b)} glyphs")
        for a, b in zip(chars_a, chars_b):
            if a != b:
                out.append(f"page {n}: {a} → {b}")
                break
        if len(out) >= limit:
            break
    return out


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__.strip().splitlines()[2].strip())
        return 2
    before, after = glyphs(argv[0]), glyphs(argv[1])
    diff = differences(before, after)
    count = sum(len(chars) for _size, chars in before)
    if diff:
        print("\n".join(diff))
        return 1
    print(f"same: {len(before)} pages, {count} glyphs (text, font, size, x0, top), rectangles and lines")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
