"""Headless commands over an archive of issues: archive (list and check), annual (the
年度总目录), find (by 文号, words, 发文机关, date).

An archive is a folder holding one folder per issue (as `new --like` makes them). Each
command ends a failure with one Chinese line on stderr and exit status 2; `archive` exits 1
when it finds a problem, `find` when it finds nothing. Issues laid out for the first time
are announced on stderr (later runs read their summaries from the cache).
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from .cliparse import display_width

PROBLEM_LABELS = {"unreadable": "无法读取", "number-range": "期号", "number-repeat": "期号",
                  "number-gap": "期号", "total-gap": "总期号", "date-missing": "出版日期",
                  "date-year": "出版日期", "date-order": "出版日期", "date-spacing": "出版日期",
                  "doc-number-repeat": "文号重复", "document-repeat": "重复刊登"}


def _fail(message: str) -> int:
    print(message, file=sys.stderr)
    return 2


def _read(folder: str):
    """out: (the archive's issues, None) or (None, exit status after saying why)."""
    from .archive.folder import issue_files, read_archive
    path = Path(folder)
    if not path.is_dir():
        return None, _fail(f"{folder}：文件夹不存在")
    if not issue_files(path):
        return None, _fail(f"{folder}：没有找到期刊（档案中每期一个文件夹，内有 issue.json）")

    def progress(done: int, total: int, issue: Path) -> None:
        print(f"正在排版 {_shown(issue, path)}（{done + 1}/{total}）…", file=sys.stderr, flush=True)
    return read_archive(path, progress), None


def _shown(issue: Path | str, folder: Path) -> str:
    """An issue file as the editor finds it: relative to the archive's folder."""
    try:
        return Path(issue).resolve().relative_to(folder.resolve()).as_posix()
    except ValueError:
        return str(issue)


def _table(rows: list[list[str]]) -> list[str]:
    """Columns padded by terminal width (a Chinese character takes two)."""
    widths = [max(display_width(r[c]) for r in rows) for c in range(len(rows[0]))]
    return ["  ".join(cell + " " * (w - display_width(cell)) for cell, w in zip(r, widths)).rstrip()
            for r in rows]


def cmd_archive(a) -> int:
    from .archive.continuity import check_archive
    issues, status = _read(a.folder)
    if issues is None:
        return status
    folder = Path(a.folder)
    problems = check_archive(issues)
    if a.json:
        listed = [{"path": str(i.path), "problem": i.problem} if i.summary is None else
                  {"path": str(i.path), "year": i.summary.year, "number": i.summary.number,
                   "total": i.summary.total, "date": i.summary.date,
                   "documents": len(i.summary.documents), "pages": i.summary.pages} for i in issues]
        print(json.dumps({"issues": listed, "problems": [vars(p) for p in problems]},
                         ensure_ascii=False, indent=1))
        return 1 if problems else 0
    rows = [["年份", "期号", "总期号", "出版日期", "篇数", "页数", "期刊文件"]]
    for i in issues:
        s = i.summary
        rows.append([str(s.year), f"第{s.number}期", f"总第{s.total}期", s.date or "未填",
                     str(len(s.documents)), str(s.pages), _shown(i.path, folder)] if s else
                    ["—"] * 6 + [_shown(i.path, folder)])
    print(f"档案 {folder}：{len(issues)} 期")
    for line in _table(rows):
        print("  " + line)
    if not problems:
        print("未发现问题：期号、总期号和出版日期都接续，文号和文件都没有重复。")
        return 0
    print(f"发现 {len(problems)} 个问题：")
    for p in problems:
        print(f"  {PROBLEM_LABELS.get(p.code, p.code)}：{p.message}")
    return 1


def cmd_annual(a) -> int:
    from .archive.annual import AnnualError, build_annual
    from .render.web import WebFolderError
    from .cli import output_problem
    from .pipeline import failure_message
    problem = output_problem(a.pdf, a.docx, a.web)
    if problem:
        return _fail(problem)
    issues, status = _read(a.folder)
    if issues is None:
        return status
    try:
        made = build_annual(issues, a.year, Path(a.pdf) if a.pdf else None,
                            Path(a.docx) if a.docx else None, a.by_organ, a.append,
                            Path(a.web) if a.web else None)
    except AnnualError as e:
        return _fail(f"{a.folder}：{e}")
    except WebFolderError as e:
        return _fail(str(e))
    except Exception as e:   # noqa: BLE001 — every failure becomes one clear line
        return _fail(failure_message(e, a.folder))
    count, issues_in = made.index.document_count, made.index.issue_count
    what = (f"{made.issue.label}，末尾附{a.year}年总目录" if made.issue
            else f"{a.year}年总目录：{issues_in} 期 {count} 篇文件")
    for out in made.outputs:
        pages = f"，{made.pages} 页" if out.suffix.lower() == ".pdf" else ""
        print(f"已生成 {out}（{what}{pages}）")
    return 0


def _date_option(text: str | None, name: str):
    from .archive.fields import parse_date
    if text is None:
        return None, None
    when = parse_date(text)
    if when is None:
        return None, f"{name} 的日期“{text}”无效，应写成 2020-05-09 或 2020年5月9日"
    return when, None


def cmd_find(a) -> int:
    from .archive.search import Query, find
    since, problem = _date_option(a.since, "--from")
    until, problem = (None, problem) if problem else _date_option(a.until, "--to")
    if problem:
        return _fail(problem)
    query = Query(" ".join(a.query), a.organ or "", since, until)
    if query.empty:
        return _fail("请给出要查找的文号或文字，或用 --organ、--from、--to 指定条件")
    issues, status = _read(a.folder)
    if issues is None:
        return status
    broken = [i.problem for i in issues if i.summary is None]
    for problem in broken:
        print(f"注意：未能查找这一期：{problem}", file=sys.stderr)
    hits = find([i.summary for i in issues if i.summary is not None], query)
    if a.json:
        print(json.dumps([{"issue": str(h.issue.path), "year": h.issue.year, "number": h.issue.number,
                           "total": h.issue.total, "page": h.page, "doc_number": h.document.doc_number,
                           "title": h.document.title, "organs": list(h.document.organs),
                           "date": h.document.date, "where": h.where, "excerpt": h.excerpt}
                          for h in hits], ensure_ascii=False, indent=1))
        return 0 if hits else 1
    for h in hits:
        number = f"  {h.document.doc_number}" if h.document.doc_number else ""
        print(f"{h.issue.label}（总第{h.issue.total}期）第{h.page}页{number}  《{h.document.title}》")
        if h.excerpt:
            print(f"    {h.where}：…{h.excerpt}…")
    print(f"共找到 {len(hits)} 篇" if hits else "没有找到符合条件的文件")
    return 0 if hits else 1


def add_archive_parsers(sub) -> None:
    """The archive's commands on the main parser (editor/cli.py)."""
    s = sub.add_parser("archive", help="列出档案中的各期并检查是否接续（有问题时退出码为 1）")
    s.add_argument("folder", metavar="档案文件夹", help="每期一个文件夹（内有 issue.json）的文件夹")
    s.add_argument("--json", action="store_true", help="以 JSON 输出")
    s.set_defaults(func=cmd_archive)
    s = sub.add_parser("annual", help="排出一年的总目录（PDF / DOCX / 网页）")
    s.add_argument("folder", metavar="档案文件夹")
    s.add_argument("--year", type=int, required=True, metavar="年份")
    s.add_argument("--pdf", metavar="PDF文件", help="输出的 PDF")
    s.add_argument("--docx", metavar="DOCX文件", help="输出的 Word 文件")
    s.add_argument("--web", metavar="文件夹", help="输出网页版总目录的文件夹（index.html 及样式）")
    s.add_argument("--by-organ", action="store_true", help="按发文机关分组（默认按栏目）")
    s.add_argument("--append", action="store_true",
                   help="排在本年最后一期的末尾：PDF 为整期（目录列出总目录，页码接续该期），"
                        "DOCX 只含总目录（页码同样接续）")
    s.set_defaults(func=cmd_annual)
    s = sub.add_parser("find", help="在档案中查找文件：按文号（各种括号均可）、标题或正文文字、发文机关、成文日期")
    s.add_argument("folder", metavar="档案文件夹")
    s.add_argument("query", nargs="*", metavar="文号或文字", help="文号，或标题、正文中的文字（几个词都要出现）")
    s.add_argument("--organ", metavar="发文机关", help="发文机关（名称的一部分即可）")
    s.add_argument("--from", dest="since", metavar="日期", help="成文日期不早于此日，如 2020-05-01")
    s.add_argument("--to", dest="until", metavar="日期", help="成文日期不晚于此日")
    s.add_argument("--json", action="store_true", help="以 JSON 输出")
    s.set_defaults(func=cmd_find)
