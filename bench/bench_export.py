"""Benchmark: export the sample's screen PDF, print PDF and DOCX together from the app.

    .venv/bin/python bench/bench_export.py [ISSUE] [--runs N] [--pause SECONDS]

Each run is a fresh process (offscreen Qt): the window opens the issue, waits for its
pages, opens the export dialog (Ctrl+E), ticks the three formats and presses 导出 after
`--pause` seconds (default 0: at once, so nothing prepared while the dialog was open is
hidden by an editor's reading time). Printed, as the median of the runs: wall time from
the press to the dialog's 已导出, the process's CPU time over the same span (the machine
may be shared: CPU time is what the export itself costs), the time of each step as the
progress bar reports it, and how many times the bar moved. No assertions.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def one_export(issue: str, pause: float) -> dict:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["GAZETTE_CONFIG_DIR"] = tempfile.mkdtemp()
    from editor.ui.app import make_app, wait_for
    from editor.ui.mainwindow import MainWindow
    from editor.ui.settings import Settings

    app = make_app()
    window = MainWindow(Settings(), interactive=False)
    window.resize(1366, 768)
    window.show()
    window.files.open_issue(issue)
    while window.live.current() is None:
        wait_for([window.live.ready, window.live.failed], 120_000)
    dialog = window.export()
    dialog.show()
    out = Path(tempfile.mkdtemp())
    dialog.folder.setText(str(out))
    for box in (dialog.pdf, dialog.print_pdf, dialog.docx):
        box.setChecked(True)
    if pause:
        wait_for([], int(pause * 1000))
    moves, steps = [], []

    def moved(_value: int) -> None:
        moves.append(time.perf_counter())

    def labelled(label: str, _done: int, _total: int) -> None:
        step = label.split("：")[-1]
        if not steps or steps[-1][0] != step:
            steps.append((step, time.perf_counter()))

    dialog.bar.valueChanged.connect(moved)
    t0, c0 = time.perf_counter(), time.process_time()
    dialog.start_button.click()
    while dialog.busy():
        if dialog.job is not None:
            dialog.job.progress.connect(labelled)
            wait_for([dialog.job.finished, dialog.job.failed, dialog.job.cancelled], 300_000)
        else:
            wait_for([window.live.ready], 120_000)
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    if dialog.error:
        raise SystemExit(dialog.error)
    ends = [t for _s, t in steps[1:]] + [t0 + wall]
    result = {"wall": wall, "cpu": cpu, "moves": len(moves),
              "files": sorted(p.name for p in out.iterdir())}
    for (step, start), end in zip(steps, ends):
        result[f"step {step}"] = end - start
    window.close()
    app.processEvents()
    return result


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("issue", nargs="?", default=str(ROOT / "samples/jinan-2020-10/issue.json"))
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--pause", type=float, default=0.0)
    ap.add_argument("--once", action="store_true", help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.once:
        print(repr(one_export(a.issue, a.pause)))
        return
    runs = []
    for _ in range(a.runs):
        out = subprocess.run([sys.executable, __file__, a.issue, "--once", "--pause", str(a.pause)],
                             capture_output=True, text=True, check=True).stdout
        runs.append(eval(out.strip().splitlines()[-1]))  # noqa: S307 — our own repr of a dict
    print(f"issue: {a.issue}")
    print(f"runs: {a.runs} (median shown), pause before 导出: {a.pause:g} s")
    print(f"files: {', '.join(runs[0]['files'])}")
    print(f"press 导出 → 已导出: {statistics.median(r['wall'] for r in runs):.2f} s wall, "
          f"{statistics.median(r['cpu'] for r in runs):.2f} s CPU of this process")
    for key in runs[0]:
        if key.startswith("step "):
            values = [r[key] for r in runs if key in r]
            print(f"  {key[5:]}: {statistics.median(values):.2f} s")
    print(f"progress bar moved {statistics.median(r['moves'] for r in runs):.0f} times")


if __name__ == "__main__":
    main()
