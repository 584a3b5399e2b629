"""The sample issue's PDF, checked from the PDF alone (pdfplumber / pypdf), never by bytes."""
import json
import re
import subprocess
import sys

import pdfplumber

from pdfreading import page_text
import pypdf
import pytest

from testpaths import ROOT, SAMPLE, SAMPLE_STARTS, SEED, SHARED
from editor.layout.chars import END_PROHIBITED, START_PROHIBITED

ISSUE = SAMPLE
EXPECTED_STARTS = SAMPLE_STARTS
A4 = (595.28, 841.89)
PAGE_NO = re.compile(r"^[\s—]*(\d{1,3})[\s—]*$")


def build(tmp, *extra):
    out = tmp / "issue.pdf"
    r = subprocess.run([sys.executable, str(ROOT / "main.py"), "build", str(ISSUE), "--pdf", str(out),
                        *extra], capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 0, r.stderr
    return out


@pytest.fixture(scope="module")
def sample_pdf(tmp_path_factory):
    return build(tmp_path_factory.mktemp("pdf"))


@pytest.fixture(scope="module")
def pages(sample_pdf):
    with pdfplumber.open(sample_pdf) as pdf:
        return [[(ln["top"], ln["text"], ln["x0"], ln["x1"]) for ln in pg.extract_text_lines()]
                for pg in pdf.pages]


def printed_number(lines):
    for top, text, *_ in lines:
        m = PAGE_NO.match(text)
        if m and top > 760:
            return int(m.group(1))
    return None


def test_every_page_is_a4_and_every_font_embedded(sample_pdf):
    reader = pypdf.PdfReader(sample_pdf)
    for page in reader.pages:
        box = page.trimbox
        assert abs(float(box.width) - A4[0]) < 1 and abs(float(box.height) - A4[1]) < 1
        fonts = page["/Resources"].get("/Font", {})
        for ref in fonts.values():
            font = ref.get_object()
            if font["/Subtype"] == "/Type0":
                font = font["/DescendantFonts"][0].get_object()
            desc = font["/FontDescriptor"].get_object()
            assert "/FontFile2" in desc, f"{font['/BaseFont']} not embedded"


def test_no_line_breaks_the_kinsoku_rules(pages):
    bad = []
    for n, lines in enumerate(pages, 1):
        for _, text, *_ in lines:
            t = text.strip()
            if len(t) >= 2 and (t[0] in START_PROHIBITED or t[-1] in END_PROHIBITED):
                bad.append((n, t[:12], t[-12:]))
    assert not bad


def test_documents_start_where_the_printed_toc_says(pages):
    toc_text = "\n".join(t for lines in pages[:3] for _, t, *_ in lines)
    numbers = [int(n) for n in re.findall(r"[…\.]{3,}\s*（(\d+)）", toc_text)]
    assert numbers == EXPECTED_STARTS
    # each number is the printed folio of the page where that document's title stands
    titles = ["政府工作报告", "关于表扬2019年度创新发展突出贡献企业的通报", "关于加快推进养老服务发展的实施意见",
              "关于进一步开展政务服务", "关于促进生活性服务业高端化发展的意见", "三年行动计划（2020—2022年）的通知",
              "关于深入推进老旧小区改造的实施意见", "关于印发《济南市建筑外立面管理办法》的通知"]
    for title, number in zip(titles, numbers):
        page = pages[number - 1]
        text = "".join(t for _, t, *_ in page[:8]).replace(" ", "")
        assert title in text, f"{title} not at the top of page {number}"
        assert printed_number(page) == number


def test_every_body_paragraph_of_the_seed_is_printed_in_order(sample_pdf):
    if not SEED.exists():
        pytest.skip("the seed issue (../shared/seeds) is not beside this checkout")
    r = subprocess.run([sys.executable, str(SHARED / "tools" / "pdfcheck.py"), str(sample_pdf),
                        "--seed", str(SEED), "--json"], capture_output=True, text=True)
    report = json.loads(r.stdout[: r.stdout.rindex("}") + 1])
    assert report["fidelity"]["missing"] == 0, report["fidelity"]["examples"]
    assert report["fidelity"]["chars_lost"] == 0


def test_full_lines_fill_the_measure_exactly(pages):
    """Justified lines end exactly at the type area's right edge (mirrored margins: the
    edge differs between odd and even pages); a paragraph's last line ends short."""
    from editor.layout.spec import load_spec
    spec = load_spec("jinan-gazette")
    at_edge = short = 0
    for number in range(4, 19):
        edge = spec.left_margin(number) + spec.measure
        for top, text, x0, x1 in pages[number - 1]:
            if not (80 < top < 760) or not re.search(r"[\u4e00-\u9fff]$", text):
                continue
            assert x1 <= edge + 0.5, f"page {number}: line overflows: {text[-10:]}"
            if abs(x1 - edge) < 0.5:
                at_edge += 1
            else:
                short += 1
    assert at_edge > 3 * short


def test_gbt9704_layout_sets_28_characters_and_22_lines(tmp_path):
    """GB/T 9704: 156 mm measure, 28 hanzi a line (pitch 156/28 mm), 22 lines a page."""
    import collections
    out = build(tmp_path, "--layout", "gbt9704")
    pitch = 156 / 28 * 72 / 25.4
    gaps, lines_per_page = collections.Counter(), []
    with pdfplumber.open(out) as pdf:
        for page in pdf.pages[3:12]:
            lines = [ln for ln in page.extract_text_lines(return_chars=True) if 100 < ln["top"] < 740]
            lines_per_page.append(len(lines))
            for ln in lines:
                chars = ln["chars"]
                for a, b in zip(chars, chars[1:]):
                    if re.match(r"[\u4e00-\u9fff]", a["text"]) and re.match(r"[\u4e00-\u9fff]", b["text"]):
                        gaps[round(b["x0"] - a["x0"], 2)] += 1
    # its 4号 目录 needs two pages; every number still matches where the title is printed
    r = subprocess.run([sys.executable, str(SHARED / "tools" / "pdfcheck.py"), str(out), "--json"],
                       capture_output=True, text=True)
    report = json.loads(r.stdout[: r.stdout.rindex("}") + 1])
    assert report["toc"]["entries"] == 8 and report["toc"]["errors"] == []
    assert report["toc"]["starts"][0] == 3   # 目录 on pages 1-2 (no cover in this layout)
    typical, _ = gaps.most_common(1)[0]
    assert typical == pytest.approx(pitch, abs=0.02)     # 28 x pitch = the 156 mm measure
    assert max(lines_per_page) == 22 and lines_per_page.count(22) >= len(lines_per_page) // 2


def test_every_character_of_every_imported_document_is_printed_in_order(sample_pdf):
    """Model → PDF loses, adds and reorders nothing: the text printed inside the type area of
    each document's pages equals the document's text, whitespace aside."""
    from editor.layout.spec import load_spec
    from editor.pipeline import layout, load_issue
    issue = load_issue(ISSUE)
    spec = load_spec(issue.layout)
    starts = layout(issue, spec).layout.doc_pages + [None]
    docs = issue.documents()
    with pdfplumber.open(sample_pdf) as pdf:
        ends = starts[1:-1] + [len(pdf.pages) - 1]     # the back page is not a document's
        for k, doc in enumerate(docs):
            printed = "".join(
                re.sub(r"\s+", "", page_text(page, spec.top - 2, spec.page_height - spec.bottom))
                for page in pdf.pages[starts[k]:ends[k]])
            assert printed == re.sub(r"\s+", "", doc.text), f"document {k + 1} differs"


def test_back_page_prints_a_qr_code_of_the_website_and_the_total_number(sample_pdf):
    """The 简介 asks the reader to scan a QR code: it is there, 25 mm square with its quiet
    zone, in 100 % K, under that paragraph, and it encodes the issue file's web address."""
    from qrcheck import QUIET, encoded, sampled
    from editor.layout.spec import mm_to_pt
    meta = json.loads(ISSUE.read_text(encoding="utf-8"))["issue"]
    want = encoded(meta["website"])
    n = len(want)
    with pdfplumber.open(sample_pdf) as pdf:
        back = pdf.pages[-1]
        rects = [r for r in back.rects if r["fill"]]
        lines = back.extract_text_lines()
    assert rects and all(r["non_stroking_color"] == (0, 0, 0, 1) for r in rects)
    left, top = min(r["x0"] for r in rects), min(r["top"] for r in rects)
    module = (max(r["x1"] for r in rects) - left) / n
    side = module * (n + 2 * QUIET)
    assert side == pytest.approx(mm_to_pt(25), abs=0.5)

    def dark_at(x, y):
        return any(r["x0"] <= x <= r["x1"] and r["top"] <= y <= r["bottom"] for r in rects)
    assert sampled(left - QUIET * module, top - QUIET * module, side, n, dark_at) == want
    scan = next(ln for ln in lines if "二维码" in ln["text"])
    colophon = next(ln for ln in lines if ln["text"].startswith(f"{meta['year']}年第"))
    assert scan["bottom"] < top and top + side < colophon["top"]
    assert colophon["text"] == f"{meta['year']}年第{meta['number']}期（总第{meta['total_number']}期）"
