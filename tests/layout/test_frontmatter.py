"""The back page as printed (issue 10, item 7): a QR code of the issue's web address under
the 简介 paragraph that asks to scan it, and the colophon with 总第N期. Pure: FixedMetrics."""
import pytest

from editor.layout.frontmatter import QR_SIDE, back_page_lines, colophon_rows
from editor.layout.metrics import FixedMetrics
from editor.layout.setting import Typesetter
from editor.layout.spec import load_spec, mm_to_pt
from editor.model import Issue

ROLES = ("body", "title", "hei", "kai", "song", "bold")
INTRO = ["《甲市人民政府公报》是政府出版物。", "登陆甲市人民政府网站，或扫描二维码均可查阅相关文件。",
         "本刊为半月刊。"]


def back_page(**fields):
    ts = Typesetter(load_spec("jinan-gazette"), {r: FixedMetrics() for r in ROLES})
    issue = Issue(name="甲市人民政府公报", year=2020, number=10, total_number=320, date="2020-05-20",
                  intro_title="简介", intro=INTRO, **fields)
    return ts, back_page_lines(ts, issue)


def text(placed):
    return "".join(s.text for s in placed.line.segments)


def test_the_qr_code_stands_under_the_paragraph_that_asks_to_scan_it():
    ts, placed = back_page(website="http://www.example.gov.cn")
    codes = [p for p in placed if p.line.qr]
    assert len(codes) == 1
    x, side, encoded = codes[0].line.qr
    assert encoded == "http://www.example.gov.cn"
    assert side == pytest.approx(mm_to_pt(25)) == pytest.approx(QR_SIDE)
    assert x == pytest.approx((ts.spec.measure - side) / 2)       # centred on the measure
    order = [text(p) or "QR" for p in placed]
    k = order.index("QR")
    assert "二维码" in order[k - 1] and order[k + 1].startswith("本刊")
    # nothing overlaps it: the next line starts below the box
    assert placed[k + 1].top >= codes[0].top + side
    assert not ts.diagnostics


def test_no_web_address_no_code_and_the_proofreader_is_told():
    ts, placed = back_page()
    assert not any(p.line.qr for p in placed)
    assert [d.code for d in ts.diagnostics] == ["qr-no-website"]
    assert "网址" in ts.diagnostics[0].message


def test_no_invitation_to_scan_no_code():
    ts = Typesetter(load_spec("jinan-gazette"), {r: FixedMetrics() for r in ROLES})
    issue = Issue(year=2020, number=1, intro=["本刊为半月刊。"], website="http://a.cn")
    assert not any(p.line.qr for p in back_page_lines(ts, issue))


def test_the_colophon_carries_the_total_number():
    issue = Issue(year=2020, number=10, total_number=320, date="2020-05-20", website="http://a.cn")
    rows = colophon_rows(issue)
    assert rows[:2] == ["2020年第10期（总第320期）", "5月20日出版"]
    assert "网　　址：http://a.cn" in rows
    assert colophon_rows(Issue(year=2020, number=1))[0] == "2020年第1期"
