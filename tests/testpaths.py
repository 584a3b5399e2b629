"""Paths the tests share: the repository, and ../shared beside it (seed, pdfcheck)."""
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seeds" / "000_0fbe94d9b63093d3.txt"
