"""The eight documents of the seed issue, cut out of ../shared/seeds by line ranges.

in: nothing (reads the seed beside the checkout); out: {name: markdown text}. Tests that use
it skip when the seed is not there. Line ranges are 1-based and inclusive, from the seed.
"""
from __future__ import annotations

from pathlib import Path

SEED = Path(__file__).resolve().parents[2].parent / "shared" / "seeds" / "000_0fbe94d9b63093d3.txt"
RANGES = {
    "report": (71, 343),
    "tongbao": (345, 554),
    "yanglao": (556, 648),
    "haochaping": (650, 728),
    "shenghuo": (730, 818),
    "zaixian": (820, 918),
    "laojiu": (920, 1044),
    "waili": (1046, 1158),
}


def seed_documents() -> dict[str, str]:
    lines = SEED.read_text(encoding="utf-8").split("\n")
    return {name: "\n".join(lines[a - 1:b]) + "\n" for name, (a, b) in RANGES.items()}
