"""An archive folder: one folder per issue (as `main.py new --like` makes them), each with
its issue.json — directly inside the archive, or inside a folder per year.

in: the archive's folder; out: its issues in order (year, 期号, 总期号), each with its
summary (from the cache when nothing it depends on changed, else laid out now and cached)
or the one-line reason it could not be read.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from . import store
from .summary import IssueSummary, summarise

ISSUE_FILE = "issue.json"


@dataclass(frozen=True)
class ArchivedIssue:
    path: Path                         # its issue.json
    summary: IssueSummary | None       # None when it could not be read or laid out
    problem: str = ""                  # why not: one Chinese line naming the file


def issue_files(folder: str | Path) -> list[Path]:
    """The issue files of the archive: DIR/*/issue.json and DIR/*/*/issue.json."""
    folder = Path(folder)
    return sorted({*folder.glob(f"*/{ISSUE_FILE}"), *folder.glob(f"*/*/{ISSUE_FILE}")})


def summary_of(path: Path, laying_out=None) -> IssueSummary:
    """The issue's summary, from the cache or laid out now — laying_out() is called first
    (raises what reading or laying out raises: pipeline.failure_message says it in Chinese)."""
    from ..issuefile import read_issue
    listed = read_issue(path)
    wanted = store.key(path, [ref.source for _s, ref in listed.refs()], listed.layout)
    summary = store.load(path, wanted)
    if summary is None:
        from ..pipeline import layout, load_issue
        if laying_out:
            laying_out()
        summary = summarise(str(path.resolve()), layout(load_issue(path)))
        store.save(path, wanted, summary)
    return summary


def read_archive(folder: str | Path, progress=None, cancel=None) -> list[ArchivedIssue]:
    """Every issue of the archive; progress(done, total, path) before each one that is laid
    out (not found in the cache); `cancel` (a threading.Event) is looked at between issues:
    InterruptedError."""
    from ..pipeline import failure_message
    files = issue_files(folder)
    out = []
    for n, path in enumerate(files):
        if cancel is not None and cancel.is_set():
            raise InterruptedError
        told = (lambda n=n, path=path: progress(n, len(files), path)) if progress else None
        try:
            out.append(ArchivedIssue(path, summary_of(path, told)))
        except Exception as e:   # noqa: BLE001 — one unreadable issue is reported, not fatal
            out.append(ArchivedIssue(path, None, failure_message(e, path)))
    return sorted(out, key=_order)


def _order(item: ArchivedIssue):
    s = item.summary
    return (0, s.year, s.number, s.total, str(item.path)) if s else (1, 0, 0, 0, str(item.path))


def last_issue(folder: str | Path) -> Path | None:
    """The archive's latest issue file by year, 期号 and 总期号 (reading only the issue
    files' own fields, nothing laid out), or None when it holds none that can be read."""
    from ..issuefile import IssueFileError, read_issue
    best, best_key = None, None
    for path in issue_files(folder):
        try:
            issue = read_issue(path)
        except IssueFileError:
            continue
        order = (issue.year, issue.number, issue.total_number)
        if best_key is None or order > best_key:
            best, best_key = path, order
    return best
