"""The print PDF as the print shop's prepress reads it: PDF/X-4 with an output intent and an
embedded CMYK profile, XMP, Trapped, trim and bleed boxes, no annotations, nothing but
DeviceCMYK (or the /All separation) in any content stream or picture, a real date — read
back with pypdf; and the cover apart in a file of its own."""
import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from datetime import datetime, timedelta, timezone

import pdfplumber
import pypdf
import pytest
from pypdf.generic import ContentStream

from testpaths import SAMPLE, SAMPLE_STARTS, SHARED, run_main
from editor.model import Block, BlockKind, Document, DocumentRef, Issue, Section
from editor.pipeline import build_issue

A4 = (595.28, 841.89)
EPOCH = 1589932800          # 2020-05-20 00:00 UTC: the sample's publication day
RGB_OR_GRAY = {"rg", "RG", "g", "G"}
NS = {"x": "adobe:ns:meta/", "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
      "pdf": "http://ns.adobe.com/pdf/1.3/", "xmp": "http://ns.adobe.com/xap/1.0/",
      "xmpMM": "http://ns.adobe.com/xap/1.0/mm/", "pdfxid": "http://www.npes.org/pdfx/ns/id/"}


@pytest.fixture(scope="module")
def print_pdf(tmp_path_factory):
    out = tmp_path_factory.mktemp("pdfx") / "付印.pdf"
    env = {**os.environ, "SOURCE_DATE_EPOCH": str(EPOCH)}
    r = run_main("build", SAMPLE, "--pdf", out, "--print", env=env)
    assert r.returncode == 0, r.stderr
    return out


def colour_spaces(resources) -> dict:
    spaces = resources.get("/ColorSpace", {}) if resources else {}
    return {name: space.get_object() for name, space in spaces.items()}


def colour_problems(reader: pypdf.PdfReader) -> list[str]:
    """Every colour setting and picture that is not DeviceCMYK or a named separation."""
    bad = []
    for n, page in enumerate(reader.pages, 1):
        resources = page["/Resources"]
        spaces = colour_spaces(resources)
        for operands, op in ContentStream(page.get_contents(), reader).operations:
            op = op.decode()
            if op in RGB_OR_GRAY:
                bad.append(f"page {n}: {op}")
            if op in ("cs", "CS"):
                space = spaces.get(operands[0], operands[0])
                if not (space == "/DeviceCMYK" or (isinstance(space, list) and space[0] == "/Separation")):
                    bad.append(f"page {n}: colour space {space}")
        for name, xobject in (resources.get("/XObject") or {}).items():
            xobject = xobject.get_object()
            if xobject["/Subtype"] == "/Image" and xobject["/ColorSpace"] != "/DeviceCMYK":
                bad.append(f"page {n}: picture {name} in {xobject['/ColorSpace']}")
    return bad


def pdf_datetime(stamp: str) -> datetime:
    """D:YYYYMMDDHHmmSS+HH'mm' → an aware datetime."""
    m = re.fullmatch(r"D:(\d{14})([+-])(\d\d)'(\d\d)'", stamp)
    offset = timedelta(hours=int(m.group(3)), minutes=int(m.group(4))) * (1 if m.group(2) == "+" else -1)
    return datetime.strptime(m.group(1), "%Y%m%d%H%M%S").replace(tzinfo=timezone(offset))


def check_pdfx(path) -> pypdf.PdfReader:
    """The PDF/X-4 checks that do not depend on what the file holds; out: its reader."""
    assert path.read_bytes()[:8] == b"%PDF-1.6"
    reader = pypdf.PdfReader(path)
    info = reader.trailer["/Info"].get_object()
    assert info["/GTS_PDFXVersion"] == "PDF/X-4"
    assert info["/Trapped"] == "/False" and info["/Title"]
    root = reader.trailer["/Root"]
    (intent,) = [i.get_object() for i in root["/OutputIntents"]]
    assert intent["/S"] == "/GTS_PDFX" and intent["/OutputConditionIdentifier"] == "FOGRA39"
    profile = intent["/DestOutputProfile"].get_object()
    icc = profile.get_data()
    assert profile["/N"] == 4 and icc[12:20] == b"prtrCMYK"     # an output profile, CMYK → PCS
    assert int.from_bytes(icc[:4], "big") == len(icc)
    xmp = ET.fromstring(root["/Metadata"].get_object().get_data())
    desc = xmp.find("rdf:RDF/rdf:Description", NS)
    assert desc.find("pdfxid:GTS_PDFXVersion", NS).text == "PDF/X-4"
    assert desc.find("pdf:Trapped", NS).text == "False"
    created = datetime.fromisoformat(desc.find("xmp:CreateDate", NS).text)
    assert pdf_datetime(info["/CreationDate"]) == pdf_datetime(info["/ModDate"]) == created
    for n, page in enumerate(reader.pages, 1):
        trim, bleed, media = page.trimbox, page.bleedbox, page.mediabox
        assert "/TrimBox" in page and "/BleedBox" in page, f"page {n}"
        assert (float(trim.width), float(trim.height)) == pytest.approx(A4, abs=0.5)
        assert float(trim.left) - float(bleed.left) == pytest.approx(3 * 72 / 25.4, abs=0.01)
        assert float(media.width) > float(bleed.width)
        assert "/Annots" not in page, f"page {n} has annotations"
    assert colour_problems(reader) == []
    return reader


def test_the_print_pdf_is_pdfx4_with_an_output_intent_and_only_cmyk(print_pdf):
    reader = check_pdfx(print_pdf)
    assert len(reader.pages) == 54
    assert reader.trailer["/Info"]["/CreationDate"] == "D:20200520000000+00'00'"   # SOURCE_DATE_EPOCH


def test_text_is_100_percent_black_and_the_masthead_red_is_0_100_100_0(print_pdf):
    with pdfplumber.open(print_pdf) as pdf:
        colours = {}
        for page in pdf.pages:
            for ch in page.chars:
                colours.setdefault(tuple(ch["non_stroking_color"]), []).append(ch["text"])
        rules = {tuple(ln["stroking_color"]) for ln in pdf.pages[0].lines
                 if pdf.pages[0].width * 0.2 < ln["x1"] - ln["x0"]}       # the rules across the type area
    assert set(colours) == {(0, 0, 0, 1), (0, 1, 1, 0)}
    assert "".join(colours[(0, 1, 1, 0)]) == "济南市人民政府公报"
    assert rules == {(0, 1, 1, 0)}


def test_the_print_pdf_still_passes_the_independent_checker(print_pdf):
    r = subprocess.run([sys.executable, str(SHARED / "tools" / "pdfcheck.py"), str(print_pdf), "--json",
                        "--toc-expect", ",".join(map(str, SAMPLE_STARTS))], capture_output=True, text=True)
    report = json.loads(r.stdout[: r.stdout.rindex("}") + 1])
    assert report["not_a4"] == [] and report["toc"]["errors"] == []
    assert report["toc"]["starts"] == SAMPLE_STARTS
    assert "PASS" in r.stdout.splitlines()[-1]


def test_without_source_date_epoch_the_pdf_carries_the_build_time(tmp_path, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    issue = pictured_issue()
    before = datetime.now(timezone.utc).replace(microsecond=0)
    build_issue(issue, pdf=tmp_path / "p.pdf", print_marks=True)
    made = pdf_datetime(pypdf.PdfReader(tmp_path / "p.pdf").trailer["/Info"]["/CreationDate"])
    assert before <= made <= datetime.now(timezone.utc) + timedelta(seconds=1)


def pictured_issue() -> Issue:
    """An issue in memory whose one document holds an RGB picture."""
    import io
    from PIL import Image
    data = io.BytesIO()
    Image.new("RGB", (60, 30), (30, 90, 200)).save(data, "PNG")
    blocks = [Block.of(BlockKind.TITLE, "济南市人民政府关于公布防汛地图的通知"),
              Block.of(BlockKind.PARAGRAPH, "现将防汛地图公布如下。"),
              Block(BlockKind.IMAGE, image=data.getvalue(), image_size=(120.0, 60.0))]
    return Issue(year=2020, number=12, total_number=322, date="2020-06-20", sponsor="济南市人民政府",
                 sections=[Section("市政府文件", [DocumentRef("x.md", document=Document(blocks))])])


def test_a_picture_goes_to_press_in_cmyk_and_stays_rgb_on_screen(tmp_path):
    build_issue(pictured_issue(), pdf=tmp_path / "print.pdf", print_marks=True)
    build_issue(pictured_issue(), pdf=tmp_path / "screen.pdf")

    def pictures(path):
        reader = pypdf.PdfReader(path)
        return [x.get_object() for p in reader.pages for x in (p["/Resources"].get("/XObject") or {}).values()
                if x.get_object()["/Subtype"] == "/Image"]
    (printed,) = pictures(tmp_path / "print.pdf")
    (shown,) = pictures(tmp_path / "screen.pdf")
    assert printed["/ColorSpace"] == "/DeviceCMYK" and shown["/ColorSpace"] == "/DeviceRGB"
    c, m, y, k = printed.get_data()[:4]          # a blue: much cyan, some magenta, little yellow
    assert c > 150 and m > 60 and y < 60
    check_pdfx(tmp_path / "print.pdf")


def test_cover_separate_puts_cover_and_back_cover_in_a_pdfx_file_of_their_own(tmp_path):
    out = tmp_path / "付印.pdf"
    r = run_main("build", SAMPLE, "--pdf", out, "--print", "--cover-separate")
    assert r.returncode == 0, r.stderr
    cover = tmp_path / "付印-封面.pdf"
    assert f"已生成 {cover}（2 页）" in r.stdout and f"已生成 {out}（52 页）" in r.stdout
    inside, outside = check_pdfx(out), check_pdfx(cover)
    assert len(outside.pages) == 2 and len(inside.pages) == 52
    front, back = (p.extract_text().replace(" ", "") for p in outside.pages)
    assert "济南市人民政府公报" in front and "第10期（总第320期）" in front
    assert "简介" in back
    assert "目录" in inside.pages[0].extract_text().replace(" ", "")
    assert "政府工作报告" in inside.pages[1].extract_text().replace(" ", "")


def test_cover_separate_without_a_print_pdf_is_refused(tmp_path):
    r = run_main("build", SAMPLE, "--pdf", tmp_path / "a.pdf", "--cover-separate")
    assert r.returncode == 2 and "--print" in r.stderr and "Traceback" not in r.stderr
    assert not (tmp_path / "a.pdf").exists()
