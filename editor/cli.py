"""Headless commands: import, build, proof; and the start of the app.

Every failure the user can cause (a bad file, a bad issue) ends with one Chinese line on
stderr and exit status 2, never a traceback; `proof` exits 1 when there are errors.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

SAMPLE = Path(__file__).resolve().parents[1] / "samples" / "jinan-2020-10" / "issue.json"


def _fail(message: str) -> int:
    print(message, file=sys.stderr)
    return 2


def cmd_import(a) -> int:
    from .importers import import_path
    from .importers.errors import ImportRefused
    from .importers.jsonview import document_to_json
    try:
        doc = import_path(a.file)
    except ImportRefused as e:
        return _fail(str(e))
    data = document_to_json(doc)
    if a.json:
        print(json.dumps(data, ensure_ascii=False, indent=1))
    else:
        print(f"{data['kind'] or '（文种未识别）'}：{data['title']}")
        for b in data["blocks"]:
            print(f"  [{b['kind']}{b['level'] or ''}] {b['text'][:60]}")
    return 0


def _report(diags, as_json: bool) -> None:
    if as_json:
        print(json.dumps([d.to_dict() for d in diags], ensure_ascii=False, indent=1))
        return
    names = {"error": "错误", "warning": "警告", "info": "提示"}
    for d in diags:
        where = []
        if d.document is not None:
            where.append(f"第{d.document + 1}篇")
        if d.page is not None:
            where.append(f"第{d.page + 1}页")
        print(f"{names[d.severity.value]}：{' '.join(where)} {d.message}".replace("  ", " "))


def cmd_build(a) -> int:
    from .pipeline import build
    if not (a.pdf or a.docx):
        return _fail("请用 --pdf 或 --docx 指定输出文件")
    for out in (a.pdf, a.docx):
        if out and not Path(out).resolve().parent.is_dir():
            return _fail(f"输出目录不存在：{Path(out).parent}")
    try:
        result = build(a.issue, pdf=a.pdf, docx=a.docx, layout_name=a.layout, print_marks=a.print)
    except Exception as e:   # noqa: BLE001 — every failure becomes one clear line
        return _fail(_message(e, a.issue))
    errors = [d for d in result.diagnostics if d.severity.value == "error"]
    pages = len(result.layout.pages)
    for out in result.outputs:
        print(f"已生成 {out}（{pages} 页）")
    if errors:
        print(f"校对发现 {len(errors)} 个错误，运行 `python main.py proof {a.issue}` 查看", file=sys.stderr)
    return 0


def _message(e: Exception, issue: str) -> str:
    from .issuefile import IssueFileError
    from .layout.spec import SpecError
    from .pipeline import BuildError
    if isinstance(e, (IssueFileError, SpecError, BuildError)):
        return str(e)
    if isinstance(e, OSError):
        return f"{getattr(e, 'filename', '') or issue}：无法读写文件（{e.strerror}）"
    return f"{issue}：排版失败（{type(e).__name__}: {e}）"


STANDING_FIELDS = ("name", "sponsor", "publisher", "printer", "internal_number", "address",
                   "postcode", "phone", "website", "email", "intro_title", "intro", "layout")


def cmd_new(a) -> int:
    """A new issue file with its metadata and empty 栏目 (never over an existing file)."""
    from .issuefile import read_issue, write_issue
    from .model import Issue, Section
    path = Path(a.issue)
    if path.exists():
        return _fail(f"{path}：文件已存在，不会覆盖")
    if not path.resolve().parent.is_dir():
        return _fail(f"输出目录不存在：{path.parent}")
    issue = Issue()
    if a.like:   # the standing texts (colophon, 简介, 栏目) come from an earlier issue
        try:
            before = read_issue(a.like)
        except Exception as e:   # noqa: BLE001
            return _fail(_message(e, a.like))
        for field in STANDING_FIELDS:
            setattr(issue, field, getattr(before, field))
        issue.sections = [Section(s.name) for s in before.sections]
    issue.year, issue.number, issue.total_number = a.year, a.number, a.total
    issue.date = a.date or ""
    for field in ("name", "sponsor", "layout"):
        if getattr(a, field):
            setattr(issue, field, getattr(a, field))
    issue.sections += [Section(n.strip("【】")) for n in a.section or []
                       if n.strip("【】") not in {s.name for s in issue.sections}]
    write_issue(issue, path)
    print(f"已新建 {path}（{issue.year}年第{issue.number}期，{len(issue.sections)} 个栏目）")
    return 0


def cmd_add(a) -> int:
    """Import each file (refusing the whole call if one cannot be read), then append them to a
    栏目 — made if missing — and save the issue file once."""
    from .importers import import_path
    from .importers.errors import ImportRefused
    from .issuefile import read_issue, relative_source, write_issue
    from .model import DocumentRef, Section
    try:
        issue = read_issue(a.issue)
    except Exception as e:   # noqa: BLE001
        return _fail(_message(e, a.issue))
    folder = Path(a.issue).resolve().parent
    titles = []
    for file in a.files:
        try:
            titles.append(import_path(file).title or Path(file).name)
        except ImportRefused as e:
            return _fail(str(e))
    name = a.section.strip("【】")
    section = next((s for s in issue.sections if s.name == name), None)
    if section is None:
        section = Section(name)
        issue.sections.append(section)
    section.documents += [DocumentRef(relative_source(f, folder)) for f in a.files]
    write_issue(issue, a.issue)
    for title in titles:
        print(f"已加入【{name}】：{title}")
    return 0


def cmd_proof(a) -> int:
    from .pipeline import layout, load_issue
    from .proof import check_issue
    from .proofignore import split_ignored
    try:
        issue = load_issue(a.issue)
        result = layout(issue)
    except Exception as e:   # noqa: BLE001
        return _fail(_message(e, a.issue))
    diags, ignored = split_ignored(check_issue(result), issue, issue.ignored)
    _report(diags, a.json)
    if ignored and not a.json:
        print(f"（另有 {len(ignored)} 项已在校对中标记为忽略，未列出）")
    return 1 if any(d.severity.value == "error" for d in diags) else 0


def cmd_app(a) -> int:
    """The window (no issue: the last one, or the welcome page). Without any display — a
    server, a CI box — build the issue (or the sample) headless and say where it went."""
    headless = sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
        or os.environ.get("QT_QPA_PLATFORM"))
    if a.screenshot or not headless:
        from .ui.app import main as app_main
        return app_main(a.issue, screenshot=a.screenshot)
    issue = a.issue or (str(SAMPLE) if SAMPLE.exists() else None)
    if not issue:
        return _fail("没有可打开的期刊文件")
    out = Path.cwd() / "out"
    out.mkdir(exist_ok=True)
    stem = Path(issue).parent.name or "issue"
    print("没有图形显示环境，直接生成样刊：")
    b = argparse.Namespace(issue=issue, pdf=str(out / f"{stem}.pdf"), docx=str(out / f"{stem}.docx"),
                           layout=None, print=False)
    return cmd_build(b)


def run(argv: list[str]) -> int:
    commands = {"import", "build", "proof", "new", "add"}
    if not argv or argv[0] not in commands:
        p = argparse.ArgumentParser(prog="main.py", description="济南市人民政府公报排版工具")
        p.add_argument("issue", nargs="?", help="期刊文件（issue.json）")
        p.add_argument("--screenshot", help="打开窗口、截图保存到此文件后退出")
        return cmd_app(p.parse_args(argv))
    p = argparse.ArgumentParser(prog="main.py")
    sub = p.add_subparsers(dest="command", required=True)
    s = sub.add_parser("import", help="识别一个公文文件并输出结构")
    s.add_argument("file")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_import)
    s = sub.add_parser("build", help="排版并输出 PDF / DOCX")
    s.add_argument("issue")
    s.add_argument("--pdf")
    s.add_argument("--docx")
    s.add_argument("--layout", help="版式名称，如 jinan-gazette、gbt9704")
    s.add_argument("--print", action="store_true", help="印刷版：3 mm 出血与裁切线")
    s.set_defaults(func=cmd_build)
    s = sub.add_parser("new", help="新建一期（期刊文件）")
    s.add_argument("issue", help="要新建的期刊文件，如 2020-11/issue.json")
    s.add_argument("--year", type=int, required=True)
    s.add_argument("--number", type=int, required=True, help="期号")
    s.add_argument("--total", type=int, default=0, help="总期号")
    s.add_argument("--date", help="出版日期，如 2020-06-05")
    s.add_argument("--name", help="刊名（默认 济南市人民政府公报）")
    s.add_argument("--sponsor", help="主管主办")
    s.add_argument("--layout", help="版式名称")
    s.add_argument("--section", action="append", help="栏目（可多次给出，按顺序）")
    s.add_argument("--like", help="沿用此前一期的刊名、版权信息、简介和栏目")
    s.set_defaults(func=cmd_new)
    s = sub.add_parser("add", help="把文件加入某个栏目")
    s.add_argument("issue")
    s.add_argument("files", nargs="+")
    s.add_argument("--section", required=True, help="栏目名称，不存在时新建")
    s.set_defaults(func=cmd_add)
    s = sub.add_parser("proof", help="列出校对问题")
    s.add_argument("issue")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_proof)
    a = p.parse_args(argv)
    return a.func(a)
