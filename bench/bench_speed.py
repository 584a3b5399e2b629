"""Benchmark: the figures of issue 14, each with Typst's time on the same text beside it.

    .venv/bin/python bench/bench_speed.py [ISSUE] [--runs N] [--scales 1,3,10] [--skip-app]

Whole process (each run a fresh `main.py build` process, paired with a fresh process running
the `typst` package on the same issue written as Typst by bench/typst_issue.py; the pair's
order alternates; medians of N runs; peak memory is the child's ru_maxrss):
  first-ever build --pdf     an empty cache folder (GAZETTE_CACHE_DIR), as on a new computer
  first build of a new issue the program's own caches there (an earlier issue was built: fonts,
                             their metrics, jieba's word index), none of this issue's
  second build --pdf         the cache folder a first build left, sources unchanged
  build --pdf --docx         the same, with the DOCX as well
  1x / 3x / 10x              issues of 1, 3 and 10 copies of the sample's documents (each copy
                             a file of its own with its title corrected, so no copy is the
                             same document as another): second build, time and peak memory
In the app (one warm process: the calls the app's layout and export jobs make):
  re-layout after editing one paragraph (a different paragraph of the longest document each
  time: the whole document after it is set again), beside Typst's
  incremental compile after the same edit (typst.Compiler, warm); PDF export (the screen PDF
  of the laid-out issue, fonts already read), beside Typst's warm compile of the unchanged
  issue (layout and PDF: Typst has no separate export); DOCX export (Typst writes none).
GAZETTE_NO_SYSTEM_FONTS=1: the shipped fonts, as Typst gets. No assertions: figures only.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "samples" / "jinan-2020-10" / "issue.json"
sys.path.insert(0, str(ROOT))
os.environ["GAZETTE_NO_SYSTEM_FONTS"] = "1"
TYPST = ("import sys, typst; typst.compile(sys.argv[1], output=sys.argv[2], "
         f"font_paths=[{str(ROOT / 'fonts')!r}], ignore_system_fonts=True)")


def run_child(cmd: list[str], env: dict) -> tuple[float, float]:
    """in: a command; out: its wall time (s) and peak memory (MB). Fails loudly."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _pid, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    err = proc.stderr.read().decode("utf-8", "replace")
    proc.stderr.close()
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode not in (0, 1) or "Traceback" in err:
        raise SystemExit(f"{' '.join(cmd)} failed:\n{err}")
    return wall, usage.ru_maxrss / 1024


def ours(issue: Path, out: Path, docx: bool = False) -> list[str]:
    cmd = [sys.executable, str(ROOT / "main.py"), "build", str(issue), "--pdf", str(out / "ours.pdf")]
    return cmd + (["--docx", str(out / "ours.docx")] if docx else [])


def typst(typ: Path, out: Path) -> list[str]:
    return [sys.executable, "-c", TYPST, str(typ), str(out / "typst.pdf")]


def write_typst(issue: Path, env: dict, folder: Path) -> Path:
    typ = folder / f"{issue.parent.name}.typ"
    text = subprocess.run([sys.executable, str(ROOT / "bench" / "typst_issue.py"), str(issue)],
                          env=env, capture_output=True, text=True, check=True).stdout
    typ.write_text(text, encoding="utf-8")
    return typ


def paired(runs: int, first: list[str], second: list[str], env_for) -> dict:
    """Alternate the two commands `runs` times; out: medians of (time, memory) of each."""
    times: dict = {0: [], 1: []}
    for n in range(runs):
        order = (0, 1) if n % 2 == 0 else (1, 0)
        for which in order:
            times[which].append(run_child((first, second)[which], env_for(which)))
    return {which: (statistics.median(t for t, _ in got), statistics.median(m for _, m in got))
            for which, got in times.items()}


def other_issue(folder: Path) -> Path:
    """An issue of one short 通知 none of the sample's documents is: building it fills the
    program's own caches (fonts, their metrics, jieba's word index) as an earlier issue would."""
    (folder / "docs").mkdir(parents=True)
    (folder / "docs" / "通知.txt").write_text(
        "济南市人民政府办公厅关于做好2020年汛期安全生产和防汛抗旱工作的通知\n济政办字〔2020〕99号\n各区县人民政府，市政府各部门（单位）：\n"
        "\u3000\u3000现就做好汛期安全工作有关事项通知如下，请认真贯彻执行。\n济南市人民政府办公厅\n"
        "2020年6月1日\n", encoding="utf-8")
    (folder / "issue.json").write_text(json.dumps({
        "format": "gazette-issue", "version": 2,
        "issue": {"year": 2020, "number": 11, "total_number": 321, "date": "2020-06-05"},
        "sections": [{"name": "市政府办公厅文件", "documents": [{"source": "docs/通知.txt"}]}]},
        ensure_ascii=False), encoding="utf-8")
    return folder / "issue.json"


def scaled_issue(folder: Path, copies: int) -> Path:
    """The sample with its documents `copies` times over, in a folder of its own: copy k of
    a document is a file of its own whose title the issue file corrects (…（k）)."""
    from editor.issuefile import read_issue, write_issue
    from editor.model import BlockKind, Correction
    from editor.pipeline import import_received
    issue = read_issue(SAMPLE)
    (folder / "docs").mkdir(parents=True)
    sections = issue.sections
    issue.sections = []
    for k in range(copies):
        for section in sections:
            copy = type(section)(section.name if k == 0 else f"{section.name}（{k + 1}）")
            for ref in section.documents:
                source = Path(ref.source)
                target = f"docs/{k + 1:02d}-{source.name}"
                shutil.copy(SAMPLE.parent / source, folder / target)
                new = type(ref)(target, lines_per_column=ref.lines_per_column, kind=ref.kind)
                if k:
                    blocks = import_received(SAMPLE, ref).blocks
                    at = next(i for i, b in enumerate(blocks) if b.kind == BlockKind.TITLE)
                    new.corrections = [Correction(at, text=f"{blocks[at].text}（{k + 1}）",
                                                  original=blocks[at].text)]
                copy.documents.append(new)
            issue.sections.append(copy)
    write_issue(issue, folder / "issue.json")
    return folder / "issue.json"


def whole_process(issue: Path, runs: int, scales: list[int]) -> None:
    base = dict(os.environ)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        out = tmp / "out"
        out.mkdir()
        typ = write_typst(issue, base, tmp)
        warm = dict(base, GAZETTE_CACHE_DIR=str(tmp / "cache"))
        fresh_dirs = iter(range(10 ** 6))

        def cold(which: int) -> dict:     # ours: a new, empty cache folder each run
            return dict(base, GAZETTE_CACHE_DIR=str(tmp / f"empty{next(fresh_dirs)}")) if which == 0 else base

        print(f"whole process, medians of {runs} paired runs (ours | Typst | ratio), peak memory:")
        first = paired(runs, ours(issue, out), typst(typ, out), cold)
        _say("first-ever build --pdf", first)
        programs = tmp / "programs-caches"
        run_child(ours(other_issue(tmp / "other"), out), dict(base, GAZETTE_CACHE_DIR=str(programs)))
        copies = iter(range(10 ** 6))

        def new_issue(which: int) -> dict:     # ours: the program's caches, none of this issue's
            if which:
                return base
            folder = tmp / f"copy{next(copies)}"
            shutil.copytree(programs, folder)
            return dict(base, GAZETTE_CACHE_DIR=str(folder))
        _say("first build of a new issue --pdf", paired(runs, ours(issue, out), typst(typ, out), new_issue))
        run_child(ours(issue, out), warm)                        # fills the cache
        second = paired(runs, ours(issue, out), typst(typ, out), lambda w: warm)
        _say("second build --pdf", second)
        both = paired(runs, ours(issue, out, docx=True), typst(typ, out), lambda w: warm)
        _say("build --pdf --docx", both)
        for copies in scales:
            folder = tmp / f"x{copies}"
            big = scaled_issue(folder, copies)
            big_typ = write_typst(big, base, folder)
            run_child(ours(big, out), warm)
            got = paired(max(1, runs // 2) if copies > 3 else runs, ours(big, out), typst(big_typ, out),
                         lambda w: warm)
            pages = _pages(out / "ours.pdf")
            _say(f"{copies}x issue ({pages} pages), second build", got)


def _pages(pdf: Path) -> int:
    from pypdf import PdfReader
    return len(PdfReader(pdf).pages)


def _say(label: str, got: dict) -> None:
    (t0, m0), (t1, m1) = got[0], got[1]
    print(f"  {label:<34} {t0:6.2f} s | {t1:5.2f} s | {t0 / t1:4.2f}×   "
          f"{m0:4.0f} MB | {m1:4.0f} MB")


def app_figures(issue: str) -> dict:
    """In this (warm) process: what the app's layout and export jobs cost. out: seconds."""
    from editor.model import Run
    from editor.pipeline import issue_info, layout, load_issue
    from editor.render.docx import render_docx
    from editor.render.pdf import PdfOutput, render_pdfs
    from editor.layout.spec import load_spec
    import typst as typst_package
    from bench.typst_issue import issue_typst
    loaded = load_issue(issue)
    result = layout(loaded)
    out = Path(tempfile.mkdtemp())
    screen = [PdfOutput(out / "screen.pdf")]
    render_pdfs(result.layout, screen, issue_info(loaded))        # the first export reads the fonts
    figures: dict = {"relayout": [], "pdf": [], "docx": [], "typst_edit": [], "typst_warm": []}
    typ = out / "issue.typ"
    typ.write_text(issue_typst(loaded), encoding="utf-8")
    compiler = typst_package.Compiler(str(typ), font_paths=[str(ROOT / "fonts")], ignore_system_fonts=True)
    compiler.compile(format="pdf")
    doc = max(loaded.documents(), key=lambda d: len(d.blocks))     # the longest: the worst case
    paragraphs = [b for b in doc.blocks if b.kind.value == "paragraph"]
    for n in range(5):
        block = paragraphs[(n + 1) * len(paragraphs) // 7]
        block.runs = block.runs + [Run(f"（编辑补充的第{n + 1}句话。）")]
        t0 = time.perf_counter()
        result = layout(loaded)
        figures["relayout"].append(time.perf_counter() - t0)
        typ.write_text(issue_typst(loaded), encoding="utf-8")
        t0 = time.perf_counter()
        compiler.compile(format="pdf")
        figures["typst_edit"].append(time.perf_counter() - t0)
    spec = load_spec(loaded.layout)
    for _ in range(3):
        t0 = time.perf_counter()
        render_pdfs(result.layout, screen, issue_info(loaded))
        figures["pdf"].append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        compiler.compile(format="pdf")
        figures["typst_warm"].append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        render_docx(loaded, spec, result.layout, out / "issue.docx")
        figures["docx"].append(time.perf_counter() - t0)
    shutil.rmtree(out, ignore_errors=True)
    return {k: statistics.median(v) for k, v in figures.items()}


def in_app(issue: Path) -> None:
    got = subprocess.run([sys.executable, __file__, str(issue), "--app-once"], capture_output=True,
                         text=True, check=True).stdout
    f = json.loads(got.strip().splitlines()[-1])
    print("in the app (one warm process; medians):")
    print(f"  re-layout after editing one paragraph {f['relayout'] * 1000:6.0f} ms | Typst recompile "
          f"after the same edit {f['typst_edit'] * 1000:.0f} ms")
    print(f"  PDF export (screen PDF), warm         {f['pdf']:6.2f} s  | Typst warm compile "
          f"{f['typst_warm']:.2f} s")
    print(f"  DOCX export                           {f['docx']:6.2f} s  | Typst: no DOCX")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("issue", nargs="?", default=str(SAMPLE))
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--scales", default="1,3,10", help="copies of the sample's documents, e.g. 1,3,10")
    ap.add_argument("--skip-app", action="store_true")
    ap.add_argument("--skip-process", action="store_true")
    ap.add_argument("--app-once", action="store_true", help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.app_once:
        print(json.dumps(app_figures(a.issue)))
        return
    print(f"issue: {a.issue}")
    if not a.skip_process:
        whole_process(Path(a.issue).resolve(), a.runs, [int(s) for s in a.scales.split(",") if s])
    if not a.skip_app:
        in_app(Path(a.issue).resolve())


if __name__ == "__main__":
    main()
