"""Issue 15's acceptance, from a clean cache: an archive of three issues made from the sample
with `new --like` and `add` (期号 10, 11 and 13: the sample's documents shared out among
them, and in 第13期 a 通知 printed under 第10期's 文号, written with [] brackets).
`archive` reports exactly the 期号 gap and the repeated 文号; the 总目录's PDF lists every
document with the 期号 and the page its issue's own PDF prints it on; `find` locates a
document by its 文号 in every bracket form."""
import json
import os
import re

import docx
import pdfplumber
import pytest

from testpaths import ROOT, run_main
from pdfreading import reading_lines
from pdfcheck import PAGE_NO, han_only, printed_numbers, squash, toc_entries  # noqa: E402
from editor.pipeline import load_issue

SAMPLE_DIR = ROOT / "samples" / "jinan-2020-10"
SAMPLE = SAMPLE_DIR / "issue.json"
pytestmark = pytest.mark.slow

ISSUES = {   # folder: (期号, 总期号, date, [(section, sample document number or "txt")])
    "2020-10": (10, 320, "2020-05-20", [("市十七届人大二次会议文件", "01"), ("市政府文件", "02"),
                                       ("市政府办公厅文件", "03")]),
    "2020-11": (11, 321, "2020-06-05", [("市政府办公厅文件", "04"), ("市政府办公厅文件", "05")]),
    "2020-13": (13, 323, "2020-07-05", [("市政府办公厅文件", "06"), ("市政府办公厅文件", "07"),
                                       ("市政府办公厅文件", "txt"), ("市政府部门文件", "08")]),
}
REPEATED = "济政办发〔2020〕7号"          # the sample's 03, and the 通知 below
NOTICE = ("关于做好2020年汛期安全工作的通知\n济政办发[2020]7号\n各区县人民政府，市政府各部门（单位）：\n"
          "\u3000\u3000为切实做好今年汛期安全工作，确保人民群众生命财产安全，现就有关事项通知如下。\n"
          "\u3000\u3000各单位要加强值班值守，及时报告险情。\n济南市人民政府办公厅\n2020年6月30日\n")
BRACKETS = ["〔〕", "[]", "()", "（）", "【】", "〈〉"]
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _ok(r):
    assert r.returncode == 0 and "Traceback" not in r.stderr, r.stderr
    return r


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    """out: (the archive folder, the environment with its own cache folder)."""
    root = tmp_path_factory.mktemp("desk")
    env = dict(os.environ, GAZETTE_CACHE_DIR=str(root / "cache"))
    folder = root / "公报"
    (root / "通知.txt").write_text(NOTICE, encoding="utf-8")
    previous = SAMPLE
    for name, (number, total, date, docs) in ISSUES.items():
        issue = folder / name / "issue.json"
        _ok(run_main("new", issue, "--like", previous, "--number", number, "--total", total,
                     "--date", date, env=env))
        for section, doc in docs:
            source = root / "通知.txt" if doc == "txt" else next((SAMPLE_DIR / "docs").glob(f"{doc}-*"))
            _ok(run_main("add", issue, source, "--section", section, env=env))
        previous = issue
    return folder, env


def test_archive_reports_exactly_the_gap_and_the_repeated_doc_number(archive):
    folder, env = archive
    r = run_main("archive", folder, "--json", env=env)
    assert r.returncode == 1, r.stderr
    report = json.loads(r.stdout)
    assert [(i["number"], i["total"], i["documents"]) for i in report["issues"]] == [
        (10, 320, 3), (11, 321, 2), (13, 323, 4)]
    assert sorted(p["code"] for p in report["problems"]) == ["doc-number-repeat", "number-gap"]
    gap = next(p["message"] for p in report["problems"] if p["code"] == "number-gap")
    assert "2020年缺第12期" in gap
    repeat = next(p["message"] for p in report["problems"] if p["code"] == "doc-number-repeat")
    assert REPEATED in repeat and "2020年第10期" in repeat and "2020年第13期" in repeat
    text = run_main("archive", folder, env=env)        # the same, for the editor to read
    assert text.returncode == 1 and "发现 2 个问题" in text.stdout and "缺第12期" in text.stdout


def _title_pages(pdf_path, titles: list[str]) -> list[int]:
    """The printed page number each title (in print order) is printed on in an issue's PDF."""
    with pdfplumber.open(pdf_path) as pdf:
        lines = {n: reading_lines(page) for n, page in enumerate(pdf.pages, 1)}
        heights = {n: float(page.height) for n, page in enumerate(pdf.pages, 1)}
    numbers = printed_numbers(lines, heights)
    _entries, toc_pages = toc_entries(lines)
    han = {n: han_only("".join(t for _y, t in rows)) for n, rows in lines.items()}

    def starts_on(n: int, probe: str) -> bool:      # a title may run on over the page
        at = (han[n] + han.get(n + 1, "")[:40]).find(probe)
        return 0 <= at < len(han[n])
    found, floor = [], max(toc_pages) + 1
    for title in titles:
        floor = next(n for n in sorted(han) if n >= floor and starts_on(n, han_only(title)[:16]))
        found.append(numbers[floor])
    return found


def _index_entries(pdf_path, first: int = 1) -> list[tuple[str, int, int]]:
    """(Han characters of the entry, 期号, page) of each entry in the 总目录 from physical page
    `first` to the end, read column by column; the running heads, folios and the title
    block above the first 栏目 skipped."""
    entries, pending, started = [], [], False
    with pdfplumber.open(pdf_path) as pdf:
        for page in pdf.pages[first - 1:]:
            for top, text in reading_lines(page):
                s = squash(text)
                if top < 72 or top > 780 or PAGE_NO.match(text):
                    continue
                if re.fullmatch(r"【.*】", s):
                    started, pending = True, []
                    continue
                m = re.search(r"(\d+)—(\d+)$", s)
                if started and m and "…" in s:
                    entries.append((han_only("".join(pending) + s[:m.start()]), int(m[1]), int(m[2])))
                    pending = []
                elif started:
                    pending.append(s)
    return entries


def _web_entries(html_path) -> list[tuple[str, int, int]]:
    """(Han characters of the title, 期号, page) of each entry of the web edition's 总目录."""
    from htmlreading import read_html
    out = []
    for li in read_html(html_path).find("nav", "toc").find_all("li"):
        n, p = re.fullmatch(r"第(\d+)期第(\d+)页", li.find("span", "page").text).groups()
        out.append((han_only(li.find("span", "entry").text), int(n), int(p)))
    return out


def test_the_annual_index_prints_each_documents_issue_and_page_as_its_issue_prints_them(archive, tmp_path):
    folder, env = archive
    index, web = tmp_path / "2020年总目录.pdf", tmp_path / "总目录网页"
    r = _ok(run_main("annual", folder, "--year", 2020, "--pdf", index, "--web", web, env=env))
    assert "3 期 9 篇文件" in r.stdout
    listed = _index_entries(index)
    assert len(listed) == 9
    on_web = _web_entries(web / "index.html")           # the web page lists the same, in order
    assert len(on_web) == len(listed)
    assert all(text.startswith(title) and (n, p) == (wn, wp)     # the PDF's text runs on into the 文号
               for (title, wn, wp), (text, n, p) in zip(on_web, listed)), (on_web, listed)
    for name, (number, _total, _date, _docs) in ISSUES.items():
        issue = folder / name / "issue.json"
        pdf = tmp_path / f"{name}.pdf"
        _ok(run_main("build", issue, "--pdf", pdf, env=env))
        titles = [d.title for d in load_issue(issue).documents()]
        for title, page in zip(titles, _title_pages(pdf, titles)):
            entry = [(n, p) for text, n, p in listed if text.startswith(han_only(title))]
            assert entry == [(number, page)], (title, entry)


def test_appended_to_the_years_last_issue_the_index_goes_on_from_its_pages(archive, tmp_path):
    folder, env = archive
    whole, part = tmp_path / "第13期.pdf", tmp_path / "总目录.docx"
    r = _ok(run_main("annual", folder, "--year", 2020, "--append", "--pdf", whole, "--docx", part, env=env))
    assert "2020年第13期，末尾附2020年总目录" in r.stdout
    with pdfplumber.open(whole) as pdf:
        lines = {n: reading_lines(page) for n, page in enumerate(pdf.pages, 1)}
        heights = {n: float(page.height) for n, page in enumerate(pdf.pages, 1)}
    numbers = printed_numbers(lines, heights)
    entries, _toc_pages = toc_entries(lines)
    title, start = entries[-1]                   # the 目录's last entry: the index, and its page
    assert squash(title).startswith("2020年总目录")
    (first,) = [n for n in lines if numbers[n] == start]
    assert any(squash(t) == "2020年总目录" for _y, t in lines[first])
    listed = _index_entries(whole, first)
    assert len(listed) == 9
    titles = [d.title for d in load_issue(folder / "2020-13" / "issue.json").documents()]
    for title, page in zip(titles, _title_pages(whole, titles)):
        assert [(n, p) for text, n, p in listed if text.startswith(han_only(title))] == [(13, page)]
    sections = docx.Document(part).sections
    assert sections[0]._sectPr.find(f"{W}pgNumType").get(f"{W}start") == str(start)


@pytest.mark.parametrize("brackets", BRACKETS)
def test_find_locates_a_document_by_its_doc_number_in_each_bracket_form(archive, brackets):
    folder, env = archive
    opening, closing = brackets
    r = _ok(run_main("find", folder, f"济政办字{opening}2020{closing}18号", "--json", env=env))
    (hit,) = json.loads(r.stdout)
    assert (hit["number"], hit["doc_number"]) == (11, "济政办字〔2020〕18号")
    assert hit["title"].endswith("全面提高政务服务水平的实施意见") and hit["page"] > 2
    both = _ok(run_main("find", folder, f"济政办发{opening}2020{closing}7号", env=env))
    assert "2020年第10期" in both.stdout and "2020年第13期" in both.stdout and "共找到 2 篇" in both.stdout
