"""The web edition, read back from its HTML (tests/htmlreading.py): nothing lost, the index
and document pages say what the issue says, headings in order, stable file names, a folder
that is only ever replaced whole."""
import io
import re
from pathlib import Path

import pypdf
import pytest

from htmlreading import headings, read_html
from testpaths import SAMPLE, SAMPLE_STARTS, run_main
from editor.issuefile import write_issue
from editor.model import Block, BlockKind, Document, DocumentRef, Issue, Run, Section
from editor.pipeline import build, build_issue, load_issue
from editor.render.web import names


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def sample_web(tmp_path_factory):
    """The sample issue's web edition, made as an editor would (main.py build --web)."""
    out = tmp_path_factory.mktemp("web") / "网页版"
    r = run_main("build", SAMPLE, "--web", out)
    assert r.returncode == 0, r.stderr
    assert f"已生成网页版 {out}" in r.stdout
    return out


@pytest.fixture(scope="module")
def sample_issue():
    return load_issue(SAMPLE)


def test_every_character_of_every_document_is_on_its_page_in_order(sample_web, sample_issue):
    """Model → HTML loses, adds and reorders nothing: the text of each document page's
    <article> equals the document's text, whitespace aside (as the PDF test checks print)."""
    docs = sample_issue.documents()
    for k, doc in enumerate(docs, 1):
        tree = read_html(sample_web / names.document_page(sample_issue, k))
        (article,) = tree.find_all("article")
        assert squeeze(article.text) == squeeze(doc.text), f"document {k} differs"


def test_index_names_the_issue_and_lists_every_document_by_section(sample_web, sample_issue):
    tree = read_html(sample_web / "index.html")
    html = tree.find("html")
    assert html.attrs["lang"] == "zh-CN"
    (h1,) = tree.find_all("h1")
    assert "济南市人民政府公报" in h1.text and "2020年第10期" in h1.text
    facts = squeeze(tree.find("dl", "issue-facts").text)
    for fact in ("2020年", "第10期", "总第320期", "2020年5月20日"):
        assert fact in facts
    toc = tree.find("nav", "toc")
    assert [h.text for h in toc.find_all("h3")] == [f"【{s.name}】" for s in sample_issue.sections]
    entries = toc.find_all("li")
    docs = sample_issue.documents()
    assert len(entries) == len(docs)
    last_pages = [s - 1 for s in SAMPLE_STARTS[1:]] + [53]     # page 54 is the back cover
    for k, (li, doc) in enumerate(zip(entries, docs)):
        link = li.find("a")
        assert link.attrs["href"] == f"2020-10-{k + 1:02d}.html"
        assert (sample_web / link.attrs["href"]).is_file()
        assert squeeze(link.text) == squeeze(doc.title)
        meta = li.find("span", "meta").text
        assert (doc.doc_number in meta) if doc.doc_number else not li.find_all(cls="doc-number")
        # the page the printed 目录 gives, and where the next document begins
        assert f"印刷版第{SAMPLE_STARTS[k]}—{last_pages[k]}页" in meta


def test_index_links_the_whole_issue_pdf_with_its_true_size(sample_web):
    tree = read_html(sample_web / "index.html")
    link = tree.find("p", "download").find("a")
    pdf = sample_web / link.attrs["href"]
    assert link.attrs["href"] == "2020-10.pdf" and pdf.is_file()
    pages = len(pypdf.PdfReader(pdf).pages)
    size = re.search(r"(\d+)页，([\d.]+) MB", link.text)
    assert int(size.group(1)) == pages == 54
    assert float(size.group(2)) == pytest.approx(pdf.stat().st_size / 1024 / 1024, abs=0.05)


def test_document_pages_have_one_h1_headings_in_order_and_links_both_ways(sample_web, sample_issue):
    docs = sample_issue.documents()
    for k in range(1, len(docs) + 1):
        tree = read_html(sample_web / names.document_page(sample_issue, k))
        assert tree.attrs["doctype"].lower() == "doctype html"
        assert tree.find("html").attrs["lang"] == "zh-CN"
        levels = [level for level, _ in headings(tree)]
        assert levels.count(1) == 1 and levels[0] == 1
        assert all(b <= a + 1 for a, b in zip(levels, levels[1:])), f"document {k} skips a level"
        pager = tree.find("nav", "pager")
        hrefs = {a.attrs["class"]: a.attrs["href"] for a in pager.find_all("a")}
        assert hrefs["up"] == "index.html"
        assert hrefs.get("prev") == (names.document_page(sample_issue, k - 1) if k > 1 else None)
        assert hrefs.get("next") == (names.document_page(sample_issue, k + 1) if k < len(docs) else None)
        info = tree.find("div", "doc-info").text
        assert f"印刷版第{SAMPLE_STARTS[k - 1]}—" in info
        pdf_link = tree.find("div", "doc-info").find("a").attrs["href"]
        assert pdf_link == f"2020-10.pdf#page={SAMPLE_STARTS[k - 1]}"   # folio = PDF page here


def test_a_report_keeps_its_bold_lead_ins_and_run_in_headings(sample_web, sample_issue):
    doc = sample_issue.documents()[0]
    tree = read_html(sample_web / names.document_page(sample_issue, 1))
    strong = [squeeze(s.text) for s in tree.find("article").find_all("strong")]
    bold = [squeeze(r.text) for b in doc.blocks for r in b.runs if r.bold and r.text.strip()]
    assert strong == bold
    # （一）着力增强综合经济实力，省会首位度持续提升。经… : a heading, its text on the same line
    run_in = tree.find("div", "run-in")
    heading, para = [c for c in run_in.children if not isinstance(c, str)]
    assert heading.tag == "h3" and heading.text.startswith("（一）") and heading.text.endswith("。")
    assert para.tag == "p" and not para.text.startswith("（一）")


def test_a_name_list_is_a_list_and_the_closing_parts_keep_their_kind(sample_web, sample_issue):
    doc = sample_issue.documents()[1]
    tree = read_html(sample_web / names.document_page(sample_issue, 2))
    items = [li.text for ul in tree.find_all("ul", "items") for li in ul.find_all("li")]
    assert items == doc.texts(BlockKind.LIST_ITEM)
    article = tree.find("article")
    assert article.find("p", "doc-number").text == doc.doc_number
    assert article.find("p", "recipients").text == doc.recipients
    assert [p.text for p in article.find_all("p", "signature")] == doc.signature
    assert article.find("p", "date").text == doc.date
    assert article.find("p", "issued").text == doc.issued
    annex = article.find("h2", "annex-title")       # the annex opens a part: its headings below it
    assert annex.text == doc.first(BlockKind.ANNEX_TITLE)
    assert [lv for lv, _ in headings(article)][:3] == [1, 2, 3]


def test_attachments_and_the_note_are_on_the_page(sample_web, sample_issue):
    doc = sample_issue.documents()[6]
    article = read_html(sample_web / names.document_page(sample_issue, 7)).find("article")
    assert [p.text for p in article.find_all("p", "attachment")] == doc.attachments
    assert article.find("p", "note").text == doc.first(BlockKind.NOTE)


def test_the_stylesheet_uses_the_layouts_fonts_first_and_falls_back_to_system_ones(sample_web):
    from editor.layout.spec import load_spec
    css = (sample_web / "gazette.css").read_text(encoding="utf-8")
    fonts = load_spec("jinan-gazette").fonts
    for role in ("body", "title", "kai", "hei"):
        stack = re.search(rf"--font-{role}: ([^;]+);", css).group(1)
        families = [f.strip().strip('"') for f in stack.split(",")]
        assert families[:len(fonts[role]["families"])] == fonts[role]["families"]
        assert families[-1] in ("serif", "sans-serif")
    assert "@media print" in css


def png(width=40, height=20, colour=(200, 30, 30)) -> bytes:
    from PIL import Image
    out = io.BytesIO()
    Image.new("RGB", (width, height), colour).save(out, "PNG")
    return out.getvalue()


def made_issue(tmp_path, title="关于做好防汛工作的通知") -> Path:
    """A small issue on disk: a notice with a bold lead-in, a Markdown table, and a second
    notice after it."""
    docs = tmp_path / "docs"
    docs.mkdir(exist_ok=True)
    (docs / "1.md").write_text(
        f"济南市人民政府{title}\n\n济政字〔2020〕9号\n\n各区县人民政府：\n\n**一是加强值守。**各单位严格执行值班制度。\n\n"
        "| 区县 | 责任人 | 电话 |\n|---|---|---|\n| 历下区 | 张三 | 12345 |\n| 市中区 | 李四 | 23456 |\n\n"
        "济南市人民政府\n\n2020年5月9日\n", encoding="utf-8")
    (docs / "2.txt").write_text("济南市人民政府关于开展卫生检查的通知\n济政字〔2020〕10号\n各区县人民政府：\n"
                                "　　现将有关事项通知如下。\n济南市人民政府\n2020年5月10日\n", encoding="utf-8")
    issue = Issue(year=2020, number=11, total_number=321, date="2020-06-05", sponsor="济南市人民政府",
                  sections=[Section("市政府文件", [DocumentRef("docs/1.md"), DocumentRef("docs/2.txt")])])
    write_issue(issue, tmp_path / "issue.json")
    return tmp_path / "issue.json"


def test_a_table_has_column_heads_with_scope_and_every_cell(tmp_path):
    path = made_issue(tmp_path)
    build(path, web=tmp_path / "web")
    issue = load_issue(path)
    table_block = next(b for b in issue.documents()[0].blocks if b.kind == BlockKind.TABLE)
    table = read_html(tmp_path / "web" / "2020-11-01.html").find("table")
    ths = table.find("thead").find_all("th")
    assert [th.text for th in ths] == table_block.rows[0]
    assert all(th.attrs.get("scope") == "col" for th in ths)
    rows = [[td.text for td in tr.find_all("td")] for tr in table.find("tbody").find_all("tr")]
    assert rows == table_block.rows[1:]


def test_file_names_stay_when_a_title_changes_and_the_edition_is_replaced_whole(tmp_path):
    path = made_issue(tmp_path)
    web = tmp_path / "web"
    build(path, web=web)
    first = sorted(p.relative_to(web) for p in web.rglob("*"))
    (web / "stray.txt").write_text("left by an earlier build", encoding="utf-8")
    made_issue(tmp_path, title="关于做好抗旱工作的通知")
    build(path, web=web)
    assert sorted(p.relative_to(web) for p in web.rglob("*")) == first
    assert "抗旱" in read_html(web / "2020-11-01.html").find("h1").text
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".web.")]   # no staging left


def test_pictures_are_copied_with_alt_text_and_an_omitted_block_is_not_shown(tmp_path):
    blocks = [Block.of(BlockKind.TITLE, "济南市人民政府关于公布防汛地图的通知"),
              Block.of(BlockKind.PARAGRAPH, "现将防汛地图公布如下。"),
              Block(BlockKind.IMAGE, image=png(), image_size=(120.0, 60.0)),
              Block.of(BlockKind.PARAGRAPH, "图1 防汛重点区域"),
              Block.of(BlockKind.OMITTED, "抄送：市委办公厅"),
              Block(BlockKind.PARAGRAPH, [Run("附："), Run("地图以实地为准", bold=True)])]
    issue = Issue(year=2020, number=12, total_number=322, date="2020-06-20",
                  sections=[Section("市政府文件", [DocumentRef("x.md", document=Document(blocks))])])
    build_issue(issue, web=tmp_path / "web")
    tree = read_html(tmp_path / "web" / "2020-12-01.html")
    (img,) = tree.find_all("img")
    assert img.attrs["alt"] == "图1 防汛重点区域"
    assert (tmp_path / "web" / img.attrs["src"]).read_bytes() == blocks[2].image
    assert (img.attrs["width"], img.attrs["height"]) == ("160", "80")     # 120 × 60 pt in CSS px
    article = squeeze(tree.find("article").text)
    assert "抄送" not in article
    assert article == squeeze("".join(b.text for b in blocks if b.kind != BlockKind.OMITTED))


def test_a_folder_holding_other_files_is_refused_and_left_as_it_was(tmp_path):
    path = made_issue(tmp_path)
    folder = tmp_path / "site"
    folder.mkdir()
    (folder / "notes.txt").write_text("mine", encoding="utf-8")
    r = run_main("build", path, "--web", folder)
    assert r.returncode == 2 and "Traceback" not in r.stderr
    assert str(folder) in r.stderr and "其他文件" in r.stderr
    assert [p.name for p in folder.iterdir()] == ["notes.txt"]
