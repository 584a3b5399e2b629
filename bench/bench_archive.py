"""Benchmark: an archive of a year's 24 issues — checking it, finding in it, its 总目录.

    .venv/bin/python bench/bench_archive.py [--issues 24] [--keep DIR]

Makes an archive of N issues from the sample (each issue a folder as `new --like` makes
them, holding three or four of the sample's documents in turn, 期号 1–N, 总期号 and dates
following on), then times each command as an editor runs it (a fresh `main.py` process):
  annual, archive, cold
                    no summary cached yet (the user's other caches — fonts, metrics, title
                    cuts — copied as they are): every issue laid out once
  archive, again    the second run (issue 15: at most 2 s for 24 issues)
  archive, 1 changed after one issue's source file was touched: that issue laid out again
  find              by 文号 in another bracket form, and by a word of the text
  annual            the 总目录 PDF of the N issues (issue 15: at most 10 s), and with --docx
  annual --append   the last issue laid out with the 总目录 at its end
The sample's documents recur from issue to issue, and a process lays out a document it has
laid out before from its cache: the cold figure is lower than for N issues of distinct
documents; the per-issue figure of bench_build.py (a cold build of the whole sample) bounds
that case. No assertions: a script that prints figures.
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "samples" / "jinan-2020-10" / "issue.json"
sys.path.insert(0, str(ROOT))
os.environ.setdefault("GAZETTE_NO_SYSTEM_FONTS", "1")


def make_archive(folder: Path, count: int) -> None:
    from editor.issuefile import create_issue, read_issue
    from editor.model import DocumentRef
    from editor.succession import following
    sample = read_issue(SAMPLE)
    refs = [(s.name, ref) for s, ref in sample.refs()]
    before = sample
    before.number, before.total_number, before.date = 0, 310, "2019-12-20"
    for n in range(1, count + 1):
        issue = following(before)
        issue.year, issue.number = 2020, n
        take = [refs[(3 * n + k) % len(refs)] for k in range(3 + n % 2)]
        target = folder / f"2020-{n:02d}"
        (target / "docs").mkdir(parents=True)
        for name, ref in take:
            shutil.copy(SAMPLE.parent / ref.source, target / ref.source)
            section = next(s for s in issue.sections if s.name == name)
            section.documents.append(DocumentRef(ref.source, lines_per_column=ref.lines_per_column))
        create_issue(issue, target / "issue.json")
        before = issue


SAID = ("发现", "未发现", "共找到", "没有找到", "已生成")


def timed(env: dict, *args: str) -> tuple[float, str]:
    """out: the wall time of `main.py ARGS` and the line of its output that sums it up."""
    start = time.perf_counter()
    r = subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True,
                       text=True, env=env)
    seconds = time.perf_counter() - start
    if r.returncode not in (0, 1):
        sys.exit(f"{' '.join(args)}：{r.stderr}")
    said = next((line for line in r.stdout.splitlines() if line.startswith(SAID)), "")
    return seconds, said[:70]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--issues", type=int, default=24)
    ap.add_argument("--keep", help="make the archive in this (new) folder and leave it there")
    a = ap.parse_args()
    from editor.layout.fonts import cache_dir
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(a.keep) if a.keep else Path(tmp) / "档案"
        make_archive(folder, a.issues)
        # the user's caches as they are (fonts, metrics, title cuts), but no summary yet
        envs = []
        for name in ("cache", "cache-annual"):
            if cache_dir().is_dir():
                shutil.copytree(cache_dir(), Path(tmp) / name, ignore=shutil.ignore_patterns("archive"))
            envs.append(dict(os.environ, GAZETTE_CACHE_DIR=str(Path(tmp) / name)))
        env = envs[0]
        out = Path(tmp)
        annual = ["annual", str(folder), "--year", "2020", "--pdf", str(out / "总目录.pdf")]
        print(f"{a.issues} issues in {folder}")
        rows = [("annual, cold", *timed(envs[1], *annual)),
                ("archive, cold", *timed(env, "archive", str(folder))),
                ("archive, again", *timed(env, "archive", str(folder)))]
        os.utime(next(folder.glob("2020-05/docs/*")))
        rows.append(("archive, 1 changed", *timed(env, "archive", str(folder))))
        rows.append(("find 文号", *timed(env, "find", str(folder), "济政办发[2020]7号")))
        rows.append(("find 词", *timed(env, "find", str(folder), "老旧小区")))
        rows.append(("annual --pdf", *timed(env, *annual)))
        rows.append(("annual --pdf --docx", *timed(env, *annual, "--docx", str(out / "总目录.docx"))))
        rows.append(("annual --append", *timed(env, *annual, "--append")))
        for what, seconds, said in rows:
            print(f"{what:<22}{seconds:6.2f} s   {said}")


if __name__ == "__main__":
    main()
