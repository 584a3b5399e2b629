"""PDF features on small issues built in tmp_path: print marks, bookmarks, TOC links,
document info, a character no font has, atomic output."""
import shutil
import subprocess

import pdfplumber
import pypdf
import pytest

from editor.issuefile import write_issue
from editor.model import DocumentRef, Issue, Section
from editor.pipeline import build

TEXT = """济南市人民政府关于{name}的通知
济政字〔2020〕{n}号
各区县人民政府，市政府各部门（单位）：
　　为做好{name}工作，现将有关事项通知如下。{extra}
　　一、总体要求
　　各单位要高度重视，认真组织实施，确保各项任务落到实处。
济南市人民政府
2020年5月{n}日
（2020年5月{n}日印发）
"""


def small_issue(tmp_path, extra=""):
    docs = tmp_path / "docs"
    docs.mkdir()
    refs = []
    for n, name in enumerate(["加强安全生产", "做好防汛工作", "开展卫生检查"], 1):
        path = docs / f"{n}.txt"
        path.write_text(TEXT.format(name=name, n=n, extra=extra if n == 2 else ""), encoding="utf-8")
        refs.append(DocumentRef(f"docs/{n}.txt"))
    issue = Issue(year=2020, number=11, total_number=321, date="2020-06-05", sponsor="济南市人民政府",
                  sections=[Section("市政府文件", refs[:2]), Section("市政府办公厅文件", refs[2:])])
    write_issue(issue, tmp_path / "issue.json")
    return tmp_path / "issue.json"


def test_print_variant_has_bleed_trim_box_and_crop_marks(tmp_path):
    out = tmp_path / "print.pdf"
    build(small_issue(tmp_path), pdf=out, print_marks=True)
    reader = pypdf.PdfReader(out)
    page = reader.pages[0]
    trim, bleed, media = page.trimbox, page.bleedbox, page.mediabox
    assert float(trim.width) == pytest.approx(595.28, abs=0.5)
    assert float(trim.height) == pytest.approx(841.89, abs=0.5)
    bleed_mm = (float(trim.left) - float(bleed.left)) * 25.4 / 72
    assert bleed_mm == pytest.approx(3, abs=0.05)
    assert float(media.width) > float(bleed.width) > float(trim.width)
    with pdfplumber.open(out) as pdf:
        lines = pdf.pages[0].lines
        # eight crop marks outside the bleed box, none inside the trimmed page
        outside = [ln for ln in lines if ln["x0"] < float(bleed.left) or ln["x1"] > float(bleed.right)
                   or ln["top"] < pdf.pages[0].height - float(bleed.top)
                   or ln["bottom"] > pdf.pages[0].height - float(bleed.bottom)]
        assert len(outside) >= 8


def test_bookmarks_toc_links_and_document_info(tmp_path):
    out = tmp_path / "screen.pdf"
    result = build(small_issue(tmp_path), pdf=out)
    reader = pypdf.PdfReader(out)
    outline = reader.outline
    top = [o.title for o in outline if not isinstance(o, list)]
    assert top == ["【市政府文件】", "【市政府办公厅文件】"]
    children = [o for o in outline if isinstance(o, list)]
    assert [c.title for c in children[0]] == ["济南市人民政府关于加强安全生产的通知",
                                              "济南市人民政府关于做好防汛工作的通知"]
    # TOC links jump to each document's first page
    toc_page = reader.pages[1]
    targets = []
    for annot in toc_page.get("/Annots", []):
        a = annot.get_object()
        dest = a.get("/Dest") or a["/A"].get("/D")
        if isinstance(dest, str) or hasattr(dest, "encode"):
            dest = reader.named_destinations[str(dest)]
            targets.append(reader.get_destination_page_number(dest))
        else:
            targets.append(reader.get_page_number(dest[0].get_object()))
    assert targets == result.layout.doc_pages
    assert reader.metadata.title == "济南市人民政府公报 2020年第11期"


def test_a_character_no_font_has_is_reported_and_marked(tmp_path):
    out = tmp_path / "missing.pdf"
    result = build(small_issue(tmp_path, extra="地名𠀾村。"), pdf=out)
    errors = [d for d in result.diagnostics if d.code == "missing-glyph"]
    assert len(errors) == 1
    assert errors[0].document == 1 and "𠀾" in errors[0].message
    assert errors[0].page == result.layout.doc_pages[1]
    with pdfplumber.open(out) as pdf:
        text = pdf.pages[errors[0].page].extract_text()
    assert "地名〓村" in text


def test_a_failed_build_leaves_no_output(tmp_path):
    import threading
    cancel = threading.Event()
    cancel.set()
    out = tmp_path / "never.pdf"
    with pytest.raises(InterruptedError):
        build(small_issue(tmp_path), pdf=out, cancel=cancel)
    assert not out.exists()
    assert not [p for p in tmp_path.iterdir() if p.suffix == ".tmp"]


def test_a_block_the_editor_sets_to_not_print_is_left_out_of_pdf_and_docx(tmp_path):
    import docx as python_docx
    from editor.issuefile import read_issue
    from editor.model import Correction
    path = small_issue(tmp_path)
    issue = read_issue(path)
    issue.sections[0].documents[0].corrections.append(Correction(1, kind="omitted"))   # its 文号
    write_issue(issue, path)
    result = build(path, pdf=tmp_path / "o.pdf", docx=tmp_path / "o.docx")
    with pdfplumber.open(tmp_path / "o.pdf") as pdf:
        printed = "".join(page.extract_text() or "" for page in pdf.pages[2:])
    assert "济政字〔2020〕1号" not in printed and "济政字〔2020〕2号" in printed
    words = "".join(p.text for p in python_docx.Document(str(tmp_path / "o.docx")).paragraphs)
    assert "济政字〔2020〕1号" not in words and "济政字〔2020〕2号" in words
    omitted = [d for d in result.diagnostics if d.code == "omitted"]
    assert [(d.document, d.block) for d in omitted] == [(0, 1)]


def ink_rows_and_columns(png, box):
    """Rows and columns of dark pixels inside box (left, top, right, bottom) of an image."""
    from PIL import Image
    image = Image.open(png).convert("L").crop(box)
    w, h = image.size
    dark = {(x, y) for x in range(w) for y in range(h) if image.getpixel((x, y)) < 128}
    return sorted({y for _, y in dark}), sorted({x for x, _ in dark})


@pytest.mark.skipif(not shutil.which("pdftoppm"), reason="需要 poppler-utils 的 pdftoppm")
def test_a_two_em_dash_prints_as_one_unbroken_mark_on_the_middle_and_reads_as_text(tmp_path):
    out = tmp_path / "dash.pdf"
    result = build(small_issue(tmp_path, extra="——省会龙头加速扬起。"), pdf=out)
    index = result.layout.doc_pages[1]
    with pdfplumber.open(out) as pdf:
        page = pdf.pages[index]
        assert "——省会龙头加速扬起" in page.extract_text()
        chars = [c for c in page.chars if c["text"].strip()]
        k = "".join(c["text"] for c in chars).index("——省")
        dash, han = chars[k], chars[k + 2]
    subprocess.run(["pdftoppm", "-r", "300", "-f", str(index + 1), "-l", str(index + 1), "-png",
                    str(out), str(tmp_path / "page")], check=True)
    (png,) = tmp_path.glob("page*.png")
    s = 300 / 72
    em = han["size"] * s
    top, bottom = round(han["top"] * s), round(han["bottom"] * s)
    left, right = round(dash["x0"] * s), round(han["x0"] * s)         # the dash's two cells
    han_rows, _ = ink_rows_and_columns(png, (right, top, right + round(em), bottom))
    rows, columns = ink_rows_and_columns(png, (left, top, right, bottom))
    middle = (han_rows[0] + han_rows[-1]) / 2
    assert rows[-1] - rows[0] < 0.15 * em                    # one stroke, nothing else drawn
    assert abs((rows[0] + rows[-1]) / 2 - middle) < 0.1 * em  # on the middle of the Han glyphs
    assert columns[-1] - columns[0] > 1.8 * em               # two cells long
    assert columns == list(range(columns[0], columns[-1] + 1))   # with no gap


def _placed(path) -> list:
    """Every character of a PDF with its font (subset prefix dropped), size and position."""
    with pdfplumber.open(path) as pdf:
        return [[(c["text"], c["fontname"].split("+")[-1], round(c["size"], 2), c["x0"], c["top"])
                 for c in page.chars] for page in pdf.pages]


def test_screen_and_print_pdfs_drawn_in_one_pass_match_each_drawn_alone(tmp_path):
    from editor.pipeline import layout, load_issue
    from editor.render.pdf import PdfOutput, render_pdf, render_pdfs
    result = layout(load_issue(small_issue(tmp_path, extra="（二）Latin 2020 与“引号”。")))
    render_pdfs(result.layout, [PdfOutput(tmp_path / "screen.pdf"),
                                PdfOutput(tmp_path / "print.pdf", print_marks=True)])
    render_pdf(result.layout, tmp_path / "screen-alone.pdf")
    render_pdf(result.layout, tmp_path / "print-alone.pdf", print_marks=True)
    for together, alone in (("screen.pdf", "screen-alone.pdf"), ("print.pdf", "print-alone.pdf")):
        a, b = _placed(tmp_path / together), _placed(tmp_path / alone)
        assert len(a) == len(b) == len(result.layout.pages)
        for page_a, page_b in zip(a, b):
            assert [c[:3] for c in page_a] == [c[:3] for c in page_b]
            assert all(abs(p[3] - q[3]) < 0.01 and abs(p[4] - q[4]) < 0.01
                       for p, q in zip(page_a, page_b))
    screen, printed = _placed(tmp_path / "screen.pdf"), _placed(tmp_path / "print.pdf")
    shift = (3 + 12) * 72 / 25.4                      # bleed and slug around the print page
    assert all(abs(q[3] - p[3] - shift) < 0.01 and abs(q[4] - p[4] - shift) < 0.01
               for ps, qs in zip(screen, printed) for p, q in zip(ps, qs))


def test_every_face_of_a_line_stands_in_one_em_box(tmp_path, monkeypatch):
    """A Latin or digit face beside the Han face: the PDF says both stand in the ideographic
    em box the layout placed them in, so a reader boxes 2019 and 年 alike (same top and
    bottom) and reads them as one line, whatever the Latin face's own ascent (here a
    Times New Roman of 0.7 / 0.3 em)."""
    from test_fonts import make_font
    fonts = tmp_path / "installed"
    fonts.mkdir()
    make_font(fonts / "times.ttf", "Times New Roman", chars="0123456789ABC", ascent=700, descent=-300)
    monkeypatch.setenv("GAZETTE_FONT_DIRS", str(fonts))
    out = tmp_path / "faces.pdf"
    result = build(small_issue(tmp_path, extra="自2019年起施行ABC规定。"), pdf=out)
    with pdfplumber.open(out) as pdf:
        page = pdf.pages[result.layout.doc_pages[1]]
        chars = [c for c in page.chars if c["text"].strip()]
        text = "".join(c["text"] for c in chars)
        k = text.index("2019年")
        digit, han = chars[k], chars[k + 4]
        assert "Times" in digit["fontname"] and digit["fontname"] != han["fontname"]
        assert digit["top"] == pytest.approx(han["top"], abs=0.01)
        assert digit["bottom"] == pytest.approx(han["bottom"], abs=0.01)
