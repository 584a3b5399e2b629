"""Headless commands: new, add, correct, import, build, proof (and, in archivecli.py, the
archive's: archive, annual, find); and the start of the app.

Every failure the user can cause (a bad file, a bad issue) ends with one Chinese line on
stderr and exit status 2, never a traceback; `proof` exits 1 when there are errors.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from .cliparse import ChineseParser, suggestion

SAMPLE = Path(__file__).resolve().parents[1] / "samples" / "jinan-2020-10" / "issue.json"
USAGE = "%(prog)s [期刊文件] [--screenshot 图片]\n       %(prog)s 命令 [参数 …]"
APP_HELP = """不带命令时打开窗口：
  期刊文件               要打开的 issue.json（不给出时打开上次的期刊，或显示欢迎页）；
                         没有图形显示环境时，直接把它（或样刊）排成 out/ 里的 PDF 和 DOCX
  --screenshot 图片      打开窗口、截图保存到此文件后退出

另有：
  test [pytest 参数]     运行全部测试

每个命令的用法：main.py 命令 -h"""
OTHER_COMMANDS = ("test",)   # handled by main.py before this module runs


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
        print(f"{names[d.severity.value]}：{' '.join(where + [d.message])}")


def output_problem(pdf: str | None, docx: str | None, web: str | None = None) -> str | None:
    """What is wrong with the --pdf / --docx (/ --web) outputs asked for (none, or a missing
    folder)."""
    if not (pdf or docx or web):
        return "请用 --pdf 或 --docx 指定输出文件" if web is None else "请用 --pdf、--docx 或 --web 指定输出文件"
    for out in (pdf, docx, web):
        if out and not Path(out).resolve().parent.is_dir():
            return f"输出目录不存在：{Path(out).parent}"
    return None


def cmd_build(a) -> int:
    from .pipeline import build
    problem = output_problem(a.pdf, a.docx, a.web)
    if problem:
        return _fail(problem)
    if a.cover_separate and not (a.pdf and a.print):
        return _fail("--cover-separate 只用于印刷版：请同时给出 --pdf 和 --print")
    try:
        result = build(a.issue, pdf=a.pdf, docx=a.docx, layout_name=a.layout, print_marks=a.print,
                       web=a.web, cover_separate=a.cover_separate)
    except Exception as e:   # noqa: BLE001 — every failure becomes one clear line
        return _fail(_message(e, a.issue))
    _built(result, a.issue)
    return 0


def _built(result, issue_path) -> None:
    """Say which files were written and whether 校对 found errors."""
    errors = [d for d in result.diagnostics if d.severity.value == "error"]
    pages = len(result.layout.pages)
    for out in result.outputs:
        if out.is_dir():
            print(f"已生成网页版 {out}（目录页 index.html，{len(result.issue.documents())} 篇文件）")
        else:
            print(f"已生成 {out}（{result.page_counts.get(out, pages)} 页）")
    if errors:
        print(f"校对发现 {len(errors)} 个错误，运行 `python main.py proof {issue_path}` 查看", file=sys.stderr)


def _message(e: Exception, issue: str) -> str:
    from .pipeline import failure_message
    return failure_message(e, issue)


def cmd_new(a) -> int:
    """A new issue file with its metadata and empty 栏目, its folders made as needed (never
    over an existing file). With --like, what is not given is proposed from that issue."""
    from .issuefile import create_issue, read_issue
    from .layout.frontmatter import issue_label, publication_date
    from .layout.spec import layout_titles
    from .model import Issue, Section
    from .succession import following
    path = Path(a.issue)
    if path.exists():
        return _fail(f"{path}：文件已存在，不会覆盖")
    if a.like:   # the standing texts (colophon, 简介, 栏目) come from an earlier issue
        try:
            issue = following(read_issue(a.like))
        except Exception as e:   # noqa: BLE001
            return _fail(_message(e, a.like))
    elif a.year is None or a.number is None:
        return _fail(f"{path}：新建一期要给出 --year 和 --number（或用 --like 沿用上一期）")
    else:
        issue = Issue()
    given = {"year": a.year, "number": a.number, "total_number": a.total, "date": a.date,
             "name": a.name, "sponsor": a.sponsor, "layout": a.layout}
    for field, value in given.items():
        if value is not None:
            setattr(issue, field, value)
    if a.date is not None and publication_date(issue) is None:
        return _fail(f"出版日期“{a.date}”无效，应写成 2020-06-05 这样的日期")
    if issue.layout not in layout_titles():
        return _fail(suggestion(issue.layout, layout_titles(), "版式"))
    issue.sections += [Section(n.strip("【】")) for n in a.section or []
                       if n.strip("【】") not in {s.name for s in issue.sections}]
    try:
        create_issue(issue, path)
    except OSError as e:
        return _fail(_message(e, str(path)))
    print(f"已新建 {path}（{issue_label(issue)}，总第{issue.total_number}期，"
          f"出版日期 {issue.date or '未填'}，{len(issue.sections)} 个栏目）")
    return 0


def cmd_add(a) -> int:
    """Check and import every file first (one that cannot be read, or is already in the
    issue, refuses the whole call), then copy those from elsewhere into the issue's docs/,
    append them to a 栏目 — made if missing — and save the issue file once."""
    from .importers import import_path
    from .importers.errors import ImportRefused
    from .issuefile import read_issue, write_issue
    from .model import DocumentRef, Section
    from .received import copy_in, listed_as
    try:
        issue = read_issue(a.issue)
    except Exception as e:   # noqa: BLE001
        return _fail(_message(e, a.issue))
    folder = Path(a.issue).resolve().parent
    listed = [ref.source for _s, ref in issue.refs()]
    titles = []
    for n, file in enumerate(a.files):
        same = listed_as(file, folder, listed)
        if same:
            return _fail(f"{file}：已在本期中（{same}），不会重复加入")
        twin = listed_as(file, folder, [str(Path(f).resolve()) for f in a.files[:n]])
        if twin:
            return _fail(f"{file}：与 {twin} 是同一个文件，不会重复加入")
        try:
            titles.append(import_path(file).title or Path(file).name)
        except ImportRefused as e:
            return _fail(str(e))
    name = a.section.strip("【】")
    section = next((s for s in issue.sections if s.name == name), None)
    if section is None:
        section = Section(name)
        issue.sections.append(section)
    try:
        sources = [copy_in(f, folder) for f in a.files]
        section.documents += [DocumentRef(source) for source in sources]
        write_issue(issue, a.issue)
    except OSError as e:
        return _fail(_message(e, a.issue))
    for title, source in zip(titles, sources):
        print(f"已加入【{name}】：{title}（{source}）")
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


def _block_kind(name: str) -> str | None:
    """in: a block kind as the app names it (层次标题) or its id (heading); out: the id or None."""
    from .model import BlockKind
    from .ui.labels import KIND_NAMES      # plain data, no Qt
    by_name = {label: kind.value for kind, label in KIND_NAMES.items()}
    return by_name.get(name) or next((k.value for k in BlockKind if k.value == name), None)


def cmd_correct(a) -> int:
    """Correct paragraph PARA of document DOC (both 1-based: 第N篇 as `proof` lists it, 序号 as
    the app's block list shows it) in the issue file — the entry the app writes for the same
    edit. The source file is never changed."""
    from .corrections import set_correction, stale
    from .issuefile import write_issue
    from .pipeline import import_received, load_issue
    from .ui.labels import KIND_NAMES
    changes: dict = {}
    if a.kind is not None:
        changes["kind"] = _block_kind(a.kind)
        if changes["kind"] is None:
            return _fail(f"段落类型“{a.kind}”无法识别，可用：{'、'.join(KIND_NAMES.values())}")
    if a.level is not None:
        changes["level"] = a.level
    if a.text is not None:
        changes["text"] = a.text
    if not changes:
        return _fail("请用 --text、--kind 或 --level 指定要改的内容")
    try:
        issue = load_issue(a.issue)          # anchors the corrections already there, too
        refs = [ref for _s, ref in issue.refs()]
        if not 1 <= a.doc <= len(refs):
            return _fail(f"{a.issue}：没有第 {a.doc} 篇文件（本期共 {len(refs)} 篇）")
        ref = refs[a.doc - 1]
        received = import_received(a.issue, ref).blocks
    except Exception as e:   # noqa: BLE001 — every failure becomes one clear line
        return _fail(_message(e, a.issue))
    if not 1 <= a.para <= len(received):
        return _fail(f"{ref.source}：没有第 {a.para} 段（共 {len(received)} 段）")
    block = received[a.para - 1]
    if a.text is not None and block.kind.value in ("table", "image", "page_break"):
        return _fail(f"{ref.source}：第 {a.para} 段是{KIND_NAMES[block.kind]}，不能改文字")
    ref.corrections = set_correction(ref.corrections, a.para - 1, changes, block)
    try:
        write_issue(issue, a.issue)
    except OSError as e:
        return _fail(_message(e, a.issue))
    print(f"已修改第 {a.doc} 篇（{ref.document.title or ref.source}）第 {a.para} 段")
    lost = stale(ref.corrections)
    if lost:
        print(f"注意：此文件有 {len(lost)} 处修改无法对应（源文件已修改），"
              f"运行 `python main.py proof {a.issue}` 查看", file=sys.stderr)
    return 0


def cmd_cache(a) -> int:
    """Say where the cache folder is and how much it holds; with --clear, empty it."""
    from . import caches
    try:
        found = caches.clear() if a.clear else caches.usage()
    except OSError as e:
        return _fail(_message(e, str(caches.cache_dir())))
    size = f"{found.size / 1e6:.1f} MB"
    if a.clear:
        print(f"已清空缓存文件夹 {found.folder}（删除 {found.files} 个文件，{size}；恢复文件保留）")
    else:
        print(f"缓存文件夹：{found.folder}（{found.files} 个文件，{size}）")
    return 0


def add_correct_parser(sub) -> None:
    s = sub.add_parser("correct", help="修改某篇文件某一段的文字、类型或级别（保存在期刊文件里）")
    s.add_argument("issue", help="期刊文件（issue.json）")
    s.add_argument("doc", type=int, help="第几篇文件（从 1 起，与校对列表的“第N篇”相同）")
    s.add_argument("para", type=int, help="第几段（从 1 起，与窗口中段落表的序号相同）")
    s.add_argument("--text", help="改正后的文字")
    s.add_argument("--kind", help="段落类型，如 层次标题、正文、落款（或 heading、paragraph…）")
    s.add_argument("--level", type=int, choices=range(0, 5), help="层次标题级别 1–4（0 = 无）")
    s.set_defaults(func=cmd_correct)


def cmd_app(a) -> int:
    """The window (no issue: the last one, or the welcome page). Without any display — a
    server, a CI box — load the issue (or the sample), then build it into ./out and say
    which issue it built and where."""
    headless = sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
        or os.environ.get("QT_QPA_PLATFORM"))
    if a.screenshot or not headless:
        from .ui.app import main as app_main
        return app_main(a.issue, screenshot=a.screenshot)
    from .layout.frontmatter import issue_label
    from .pipeline import build_issue, load_issue
    path = a.issue or (str(SAMPLE) if SAMPLE.exists() else None)
    if not path:
        return _fail("没有可打开的期刊文件")
    try:
        issue = load_issue(path)
        out = Path.cwd() / "out"
        out.mkdir(exist_ok=True)
    except Exception as e:   # noqa: BLE001
        return _fail(_message(e, path))
    what = "样刊" if Path(path).resolve() == SAMPLE.resolve() else f"《{issue.name}》"
    print(f"没有图形显示环境，直接排出{what}{issue_label(issue)}（总第{issue.total_number}期）：")
    stem = Path(path).resolve().parent.name
    try:
        result = build_issue(issue, pdf=out / f"{stem}.pdf", docx=out / f"{stem}.docx")
    except Exception as e:   # noqa: BLE001
        return _fail(_message(e, path))
    _built(result, path)
    return 0


def _layout_help() -> str:
    from .layout.spec import layout_titles
    return "版式：" + "、".join(f"{name}（{title}）" for name, title in layout_titles().items())


def command_parser() -> ChineseParser:
    p = ChineseParser(prog="main.py", usage=USAGE, description="济南市人民政府公报排版工具", epilog=APP_HELP)
    sub = p.add_subparsers(title="命令", metavar="命令", help="下列之一", dest="command", required=True,
                           prog="main.py")
    s = sub.add_parser("import", help="识别一个公文文件并输出结构")
    s.add_argument("file", metavar="文件", help=".docx、.txt 或 .md 文件")
    s.add_argument("--json", action="store_true", help="以 JSON 输出")
    s.set_defaults(func=cmd_import)
    s = sub.add_parser("build", help="排版并输出 PDF / DOCX")
    s.add_argument("issue", metavar="期刊文件")
    s.add_argument("--pdf", metavar="PDF文件", help="输出的 PDF")
    s.add_argument("--docx", metavar="DOCX文件", help="输出的 Word 文件")
    s.add_argument("--layout", metavar="版式", help=_layout_help())
    s.add_argument("--print", action="store_true",
                   help="印刷版：PDF/X-4（CMYK、输出意图 FOGRA39、无链接），3 mm 出血与裁切线")
    s.add_argument("--cover-separate", action="store_true",
                   help="印刷版的封面和封底另成一个 PDF/X 文件（文件名加“-封面”），供用不同纸张印封面")
    s.add_argument("--web", metavar="文件夹",
                   help="网页版：目录页、每篇文件一页、样式表和全刊 PDF，可直接上传到网站")
    s.set_defaults(func=cmd_build)
    s = sub.add_parser("new", help="新建一期（期刊文件）")
    s.add_argument("issue", metavar="期刊文件", help="要新建的期刊文件，如 2020-11/issue.json（文件夹不存在时新建）")
    s.add_argument("--year", type=int, metavar="年份")
    s.add_argument("--number", type=int, metavar="期号")
    s.add_argument("--total", type=int, metavar="总期号")
    s.add_argument("--date", metavar="日期", help="出版日期，如 2020-06-05")
    s.add_argument("--name", metavar="刊名", help="默认 济南市人民政府公报")
    s.add_argument("--sponsor", metavar="主管主办")
    s.add_argument("--layout", metavar="版式", help=_layout_help())
    s.add_argument("--section", action="append", metavar="栏目", help="栏目（可多次给出，按顺序）")
    s.add_argument("--like", metavar="上一期", help="沿用这一期的刊名、版权信息、简介和栏目，并据它推出"
                   "期号、总期号和出版日期（给出的 --year 等优先）")
    s.set_defaults(func=cmd_new)
    s = sub.add_parser("add", help="把文件加入某个栏目（复制到期刊的 docs/ 文件夹）")
    s.add_argument("issue", metavar="期刊文件")
    s.add_argument("files", nargs="+", metavar="文件")
    s.add_argument("--section", required=True, metavar="栏目", help="栏目名称，不存在时新建")
    s.set_defaults(func=cmd_add)
    s = sub.add_parser("proof", help="列出校对问题（有错误时退出码为 1）")
    s.add_argument("issue", metavar="期刊文件")
    s.add_argument("--json", action="store_true", help="以 JSON 输出")
    s.set_defaults(func=cmd_proof)
    add_correct_parser(sub)
    s = sub.add_parser("cache", help="查看或清空缓存（导入的文件、排好的页面、字体信息等，可随时重建）")
    s.add_argument("--clear", action="store_true", help="清空缓存文件夹（异常退出后的恢复文件保留）")
    s.set_defaults(func=cmd_cache)
    from .archivecli import add_archive_parsers
    add_archive_parsers(sub)
    p.commands = list(sub.choices)
    return p


def _is_a_word(arg: str) -> bool:
    """A bare word that names no file: a command, perhaps misspelt — not an issue file."""
    return not (arg.startswith("-") or os.path.exists(arg) or any(c in arg for c in "./\\"))


def run(argv: list[str]) -> int:
    try:
        return _dispatch(argv)
    except BrokenPipeError:   # the reader went away (`main.py proof … | head`): stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1


def _dispatch(argv: list[str]) -> int:
    parser = command_parser()
    if argv and (argv[0] in parser.commands or argv[0] in ("-h", "--help")):
        a = parser.parse_args(argv)
        return a.func(a)
    if argv and _is_a_word(argv[0]):
        parser.error(suggestion(argv[0], [*parser.commands, *OTHER_COMMANDS], "命令"))
    p = ChineseParser(prog="main.py", usage=USAGE, add_help=False)
    p.add_argument("issue", nargs="?", metavar="期刊文件")
    p.add_argument("--screenshot", metavar="图片")
    return cmd_app(p.parse_args(argv))
