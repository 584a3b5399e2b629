"""The issue's own pages: cover, the inside title block above the 目录, the back page.

in: the Issue and a Typesetter; out: placed lines (PlacedLine, top y within the type
area) for the page concerned. Texts come from the issue's metadata fields only. The back
page carries a QR code of the issue's web address under the 简介 paragraph that invites
the reader to scan it; the engine only reserves its box (SetLine.qr).
"""
from __future__ import annotations

from dataclasses import replace
from datetime import date as Date

from ..model import Diagnostic, Issue, Severity
from .paginate import PlacedLine
from .lines import SetLine
from .setting import Typesetter
from .spec import Style, mm_to_pt

QR_SIDE = mm_to_pt(25)     # quiet zone included: about 20 mm of modules, scanned at arm's length
QR_GAP = 8.0               # pt above and below it
QR_MENTION = "二维码"


def publication_date(issue: Issue) -> Date | None:
    try:
        return Date.fromisoformat(issue.date)
    except ValueError:
        return None


def issue_label(issue: Issue) -> str:
    return f"{issue.year}年第{issue.number}期"


def _stack(ts: Typesetter, items: list[tuple[str, Style, float]], top: float) -> tuple[list[PlacedLine], float]:
    """Set each (text, style, gap before in pt) under the previous; return lines and the new y."""
    placed, y = [], top
    for text, style, gap in items:
        y += gap
        for ln in ts.set_runs([(text, style.font, style.size, 0.0)], style):
            ln.height = max(ln.height, style.size * (style.leading or 1.5))
            placed.append(PlacedLine(ln, y))
            y += ln.height
    return placed, y


def _centre(font: str, size: float, leading: float = 1.5) -> Style:
    return Style(font=font, size=size, align="center", indent=0, leading=leading)


def cover_lines(ts: Typesetter, issue: Issue) -> list[PlacedLine]:
    h = ts.spec.text_height
    items = [
        (issue.name, _centre("title", 40, 1.3), h * 0.12),
        (str(issue.year), _centre("hei", 64, 1.2), h * 0.18),
        (f"第{issue.number}期（总第{issue.total_number}期）", _centre("song", 20), h * 0.04),
    ]
    placed, _ = _stack(ts, items, 0.0)
    d = publication_date(issue)
    if issue.sponsor or d:
        bottom = [(f"{issue.sponsor}　主办" if issue.sponsor else "", _centre("song", 14), 0.0)]
        if d:
            bottom.append((f"{d.year}年{d.month}月{d.day}日", _centre("song", 14), 4.0))
        more, _ = _stack(ts, [b for b in bottom if b[0]], h * 0.86)
        placed += more
    for p in placed:   # the masthead is printed in red
        p.line.segments = [replace(s, color="red") if s.font == "title" else s
                           for s in p.line.segments]
    # a thick and a thin red rule under the masthead, across the type area
    w = ts.spec.measure
    under = placed[0].top + placed[0].line.height + 14.0
    placed.append(PlacedLine(SetLine([], 0.0, 0.0, grid=False,
                                     rules=[(0.0, 0.0, w, 0.0, 2.5, "red"),
                                            (0.0, 4.5, w, 4.5, 0.75, "red")]), under))
    return placed


def inside_title_lines(ts: Typesetter, issue: Issue) -> tuple[list[PlacedLine], float]:
    """The block above the 目录 on page 2; returns the lines and the y below them."""
    d = publication_date(issue)
    items = [(issue.name, _centre("title", 22, 1.4), 0.0),
             (issue_label(issue), _centre("song", 12), 4.0),
             (f"（总第{issue.total_number}期）", _centre("song", 12), 0.0)]
    if issue.sponsor:
        items.append((f"主管主办：{issue.sponsor}", _centre("song", 12), 0.0))
    if d:
        items.append((f"{d.year}年{d.month}月{d.day}日出版", _centre("song", 12), 0.0))
    placed, y = _stack(ts, items, 0.0)
    title = ts.spec.toc.get("title", "目 录")
    more, y = _stack(ts, [(title, Style(font=ts.spec.toc.get("title_font", "hei"),
                                       size=ts.spec.toc.get("title_size", 18), align="center",
                                       indent=0, leading=1.6), 10.0)], y + 6.0)
    rule_y = y + 2.0
    placed += more
    return placed, rule_y


def colophon_rows(issue: Issue) -> list[str]:
    """The colophon under the 刊名: issue and date, then each filled field with its label
    (two-character labels spread to four, 均排, as the gazette prints them)."""
    d = publication_date(issue)
    rows = [issue_label(issue) + (f"（总第{issue.total_number}期）" if issue.total_number else "")]
    if d:
        rows.append(f"{d.month}月{d.day}日出版")
    for name, value in (("主管主办", issue.sponsor), ("编辑出版", issue.publisher),
                        ("印刷单位", issue.printer), ("内部刊号", issue.internal_number),
                        ("地　　址", issue.address), ("邮　　编", issue.postcode),
                        ("联系电话", issue.phone), ("网　　址", issue.website),
                        ("电子信箱", issue.email)):
        if value:
            rows.append(f"{name}：{value}")
    return rows


def scan_paragraph(issue: Issue) -> int | None:
    """The 简介 paragraph the QR code stands under: the first that asks to scan 二维码."""
    return next((k for k, para in enumerate(issue.intro) if QR_MENTION in para), None)


def back_page_lines(ts: Typesetter, issue: Issue) -> list[PlacedLine]:
    body = Style(font="body", size=ts.spec.size, align="justify", indent=2, leading=1.7)
    items: list[tuple[str, Style, float]] = []
    if issue.intro_title:
        items.append((issue.intro_title, _centre("hei", ts.spec.size * 1.4, 1.8), 0.0))
    scan = scan_paragraph(issue)
    cut = len(items) + (scan + 1 if scan is not None else len(issue.intro))
    items += [(para, body, 6.0 if k == 0 else 0.0) for k, para in enumerate(issue.intro)]
    placed, y = _stack(ts, items[:cut], 0.0)
    if scan is not None and issue.website.strip():
        x = (ts.spec.measure - QR_SIDE) / 2
        code = SetLine([], QR_SIDE, 0.0, grid=False, qr=(x, QR_SIDE, issue.website.strip()))
        placed.append(PlacedLine(code, y + QR_GAP))
        y += QR_SIDE + 2 * QR_GAP
    elif scan is not None:
        ts.diagnostics.append(Diagnostic(
            Severity.WARNING, "qr-no-website",
            "简介请读者扫描二维码，但期刊信息没有填写网址：封底印不出二维码，请在“期刊信息”中填写网址"))
    more, y = _stack(ts, items[cut:], y)
    placed += more
    label = Style(font="body", size=ts.spec.size * 0.9, align="left", indent=0, leading=1.6)
    colophon = [(issue.name, Style(font="hei", size=ts.spec.size * 1.1, align="left", indent=0,
                                   leading=1.8), 0.0)]
    colophon += [(row, label, 0.0) for row in colophon_rows(issue)]
    # the colophon stands at the foot of the back page
    height = sum(s.size * (s.leading or 1.5) for _, s, _ in colophon)
    top = max(y + 24.0, ts.spec.text_height - height)
    more, _ = _stack(ts, colophon, top)
    return placed + more
