"""Test-wide settings: Qt without a display, and the shipped fonts only (deterministic)."""
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("GAZETTE_NO_SYSTEM_FONTS", "1")

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seeds" / "000_0fbe94d9b63093d3.txt"
sys.path.insert(0, str(ROOT))
