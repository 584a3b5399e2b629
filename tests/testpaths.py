"""Paths the tests share: the repository, and ../shared beside it (seed, pdfcheck); and main.py."""
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seeds" / "000_0fbe94d9b63093d3.txt"
SAMPLE = ROOT / "samples" / "jinan-2020-10" / "issue.json"
SAMPLE_STARTS = [3, 20, 23, 28, 33, 39, 45, 50]   # the printed 目录's page of each document


def run_main(*args, cwd=None, env=None):
    """Run `python main.py ARGS…` as an editor's script would; out: the CompletedProcess."""
    import subprocess
    import sys
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *map(str, args)],
                          capture_output=True, text=True, cwd=cwd or ROOT, env=env)
