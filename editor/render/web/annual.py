"""The 年度总目录 for the website: one page listing every document of the year.

in: an AnnualIndex (entries with 期号 and the page each issue's own layout printed them
on), the layout spec, a folder; out: in that folder index.html, gazette.css and
gazette.js, in the issue web edition's look. Entries are grouped as in the PDF (by 栏目 or
by 发文机关), each with its title, 文号 and 第N期第P页. The folder appears (or replaces an
earlier one this program made) only when complete.
"""
from __future__ import annotations

import os
from html import escape
from pathlib import Path

from ...layout.annual import AnnualIndex
from ...layout.spec import LayoutSpec
from ...model import Run
from . import names, staged_folder
from .article import title_html
from .pages import page_html, script, stylesheet


def where_printed(issue: int, page: int) -> str:
    return f"第{issue}期第{page}页"


def annual_html(index: AnnualIndex, spec: LayoutSpec) -> str:
    heading = index.title(spec)
    main = [f'<h1 class="issue-title"><span>{escape(index.name)}</span> <span>{escape(heading)}</span></h1>',
            '<nav class="toc" aria-label="总目录">']
    for group, entries in index.groups():
        main.append(f'<section><h2 class="group">{escape(group)}</h2><ol>')
        for e in entries:
            meta = [f'<span class="doc-number">{escape(e.doc_number)}</span>'] if e.doc_number else []
            meta.append(f'<span class="page">{where_printed(e.issue, e.page)}</span>')
            main.append(f'<li><span class="entry">{title_html([Run(e.title)], index.words)}</span>'
                        f'<span class="meta">{"".join(meta)}</span></li>')
        main.append("</ol></section>")
    main.append("</nav>")
    return page_html(f"{index.name} {heading}", index.name, heading, "\n".join(main),
                     [f"{index.name} {heading}：{index.issue_count} 期，{index.document_count} 篇文件"])


def render_annual_web(index: AnnualIndex, spec: LayoutSpec, folder: str | os.PathLike) -> Path:
    """Write the folder (WebFolderError when `folder` holds other files); out: its index.html."""
    with staged_folder(folder) as staging:
        (staging / names.STYLESHEET).write_text(stylesheet(spec), encoding="utf-8")
        (staging / names.SCRIPT).write_text(script(), encoding="utf-8")
        (staging / names.INDEX).write_text(annual_html(index, spec), encoding="utf-8")
    return Path(folder) / names.INDEX
