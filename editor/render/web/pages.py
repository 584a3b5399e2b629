"""The web edition's pages: the issue's index (目录) and one page per document.

in: the Issue, the LayoutResult (where each document is printed), the layout spec (font
stacks); out: HTML text from page.html. Every link is relative, so the folder can be put
anywhere; nothing needs JavaScript to be read.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from html import escape
from importlib.resources import files
from string import Template

from ...layout.frontmatter import issue_label, publication_date
from ...layout.pages import LayoutResult
from ...layout.spec import LayoutSpec
from ...model import Document, Issue, Run
from . import names
from .article import title_html

# generic faces after the layout's own families: what a reader's system most likely has
SYSTEM_FONTS = {
    "body": ["FangSong", "STFangsong", "Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", "SimSun", "serif"],
    "title": ["Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", "SimSun", "serif"],
    "song": ["SimSun", "Songti SC", "Noto Serif CJK SC", "Source Han Serif SC", "serif"],
    "hei": ["SimHei", "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Source Han Sans SC", "sans-serif"],
    "kai": ["KaiTi", "STKaiti", "Kaiti SC", "AR PL UKai CN", "serif"],
    "bold": ["SimHei", "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "sans-serif"],
}
# the family names of the fonts shipped in fonts/ (found on a machine that installed them)
SHIPPED_FAMILIES = {"FandolFang-Regular.ttf": "FandolFang", "FandolKai-Regular.ttf": "FandolKai",
                    "NotoSerifSC-Regular.ttf": "Noto Serif SC", "NotoSerifSC-Bold.ttf": "Noto Serif SC",
                    "NotoSansSC-Regular.ttf": "Noto Sans SC"}


def _css_family(name: str) -> str:
    return name if name in ("serif", "sans-serif") else '"' + name.replace('"', "") + '"'


def font_stacks(spec: LayoutSpec) -> str:
    """:root variables --font-ROLE: the layout's families for the role, its shipped face, then
    common system faces — so the web edition shows the office's fonts where they exist."""
    out = []
    for role, generic in SYSTEM_FONTS.items():
        conf = spec.fonts.get(role, {})
        stack = list(conf.get("families", []))
        shipped = SHIPPED_FAMILIES.get(conf.get("shipped", ""))
        stack += [shipped] if shipped else []
        stack += [g for g in generic if g not in stack]
        out.append(f"  --font-{role}: {', '.join(_css_family(f) for f in stack)};")
    return ":root {\n" + "\n".join(out) + "\n}\n"


def stylesheet(spec: LayoutSpec) -> str:
    return font_stacks(spec) + "\n" + files(__package__).joinpath("gazette.css").read_text(encoding="utf-8")


def script() -> str:
    return files(__package__).joinpath("gazette.js").read_text(encoding="utf-8")


@dataclass(frozen=True)
class PrintPages:
    """A document's pages in the print edition, as their printed numbers (folios)."""
    first: int | None
    last: int | None
    pdf_page: int | None = None     # the first one's page in the PDF (1-based, cover included)

    def text(self) -> str:
        if self.first is None:
            return ""
        if self.last in (None, self.first):
            return f"印刷版第{self.first}页"
        return f"印刷版第{self.first}—{self.last}页"


def print_pages(result: LayoutResult, count: int) -> list[PrintPages]:
    """in: the layout and the number of documents; out: each document's printed pages — the
    folios of the pages that carry any of its lines."""
    found: list[list[tuple[int, int]]] = [[] for _ in range(count)]
    for page in result.pages:
        if page.folio is None:
            continue
        for k in {line.doc for line in page.lines if line.doc is not None and 0 <= line.doc < count}:
            found[k].append((page.folio, page.number))
    return [PrintPages(min(f)[0], max(f)[0], min(f)[1]) if f else PrintPages(None, None) for f in found]


def long_date(issue: Issue) -> str:
    d = publication_date(issue)
    return f"{d.year}年{d.month}月{d.day}日" if d else issue.date


@lru_cache(maxsize=1)
def _template() -> Template:
    return Template(files(__package__).joinpath("page.html").read_text(encoding="utf-8"))


def _page(issue: Issue, title: str, main: str) -> str:
    colophon = [f"{issue.name} {issue_label(issue)}（总第{issue.total_number}期）"]
    if issue.sponsor:
        colophon.append(f"主办：{issue.sponsor}")
    if issue.publisher:
        colophon.append(f"编辑出版：{issue.publisher}")
    return page_html(title, issue.name, f"{issue_label(issue)}　总第{issue.total_number}期", main, colophon)


def page_html(title: str, name: str, issue_line: str, main: str, colophon: list[str]) -> str:
    """A page of the web edition: the masthead (刊名 and a line under it), `main` (HTML),
    the colophon's lines (text)."""
    return _template().substitute(
        title=escape(title), stylesheet=names.STYLESHEET, script=names.SCRIPT, index=names.INDEX,
        name=escape(name), issue_line=escape(issue_line), main=main,
        colophon="\n".join(f"<p>{escape(line)}</p>" for line in colophon))


def _size(nbytes: int) -> str:
    return f"{nbytes / 1024:.0f} KB" if nbytes < 1024 * 1024 else f"{nbytes / 1024 / 1024:.1f} MB"


def index_html(issue: Issue, pages: list[PrintPages], pdf_bytes: int | None, pdf_pages: int,
               words: tuple[str, ...] = ()) -> str:
    """The issue's page: 刊名, year, 期号, 总期号, date, the whole issue's PDF with its size,
    and the 目录 by 栏目, each entry with its 文号 and its page in the print edition."""
    d = publication_date(issue)
    when = f'<time datetime="{escape(issue.date)}">{escape(long_date(issue))}</time>' if d else escape(issue.date)
    facts = [("年份", f"{issue.year}年"), ("期号", f"第{issue.number}期"),
             ("总期号", f"总第{issue.total_number}期")]
    facts_html = "".join(f"<div><dt>{a}</dt><dd>{escape(b)}</dd></div>" for a, b in facts)
    facts_html += f"<div><dt>出版日期</dt><dd>{when or '未填'}</dd></div>"
    main = [f'<h1 class="issue-title"><span>{escape(issue.name)}</span> <span>{escape(issue_label(issue))}</span></h1>',
            f'<dl class="issue-facts">{facts_html}</dl>']
    if pdf_bytes is not None:
        main.append(f'<p class="download"><a href="{names.pdf_name(issue)}" type="application/pdf">'
                    f"本期全文（PDF，{pdf_pages}页，{_size(pdf_bytes)}）</a></p>")
    toc = ['<nav class="toc" aria-labelledby="toc-heading">', '<h2 id="toc-heading">目录</h2>']
    number = 0
    for section in issue.sections:
        docs = [ref.document for ref in section.documents if ref.document]
        if not docs:
            continue
        toc.append(f"<section><h3>【{escape(section.name)}】</h3><ol>")
        for doc in docs:
            number += 1
            meta = [f'<span class="doc-number">{escape(doc.doc_number)}</span>'] if doc.doc_number else []
            where = pages[number - 1].text()
            meta += [f'<span class="page">{where}</span>'] if where else []
            toc.append(f'<li><a href="{names.document_page(issue, number)}">{title_html([Run(doc.title)], words) if doc.title else "（无标题）"}</a>'
                       f'<span class="meta">{"".join(meta)}</span></li>')
        toc.append("</ol></section>")
    toc.append("</nav>")
    title = f"{issue.name} {issue_label(issue)}（总第{issue.total_number}期）"
    return _page(issue, title, "\n".join(main + toc))


def _pager_link(issue: Issue, docs: list[Document], k: int, rel: str, label: str) -> str:
    if not 0 <= k < len(docs):
        return f'<span class="{rel}"></span>'
    return (f'<a class="{rel}" rel="{rel}" href="{names.document_page(issue, k + 1)}">'
            f'<span class="label">{label}</span>{escape(docs[k].title or "（无标题）")}</a>')


def document_html(issue: Issue, docs: list[Document], k: int, article: str, pages: PrintPages,
                  section: str) -> str:
    """Document k's page: where it stands (栏目, print pages, the PDF), its article, and
    previous / 目录 / next links."""
    doc = docs[k]
    info = [f"<p>栏目：【{escape(section)}】</p>"] if section else []
    if pages.first is not None:
        info.append(f'<p>{pages.text()}（<a href="{names.pdf_name(issue)}#page={pages.pdf_page}">全文 PDF</a>）</p>')
    head = f'<div class="doc-info">{"".join(info)}</div>'
    if "<h1" not in article:        # a document without a title still has its one h1
        head = f'<h1 class="title">第{k + 1}篇</h1>' + head
    pager = ('<nav class="pager" aria-label="翻页">' + _pager_link(issue, docs, k - 1, "prev", "上一篇")
             + f'<a class="up" href="{names.INDEX}">目录</a>' + _pager_link(issue, docs, k + 1, "next", "下一篇")
             + "</nav>")
    title = f"{doc.title or f'第{k + 1}篇'} - {issue.name} {issue_label(issue)}"
    return _page(issue, title, "\n".join([head, article, pager]))
