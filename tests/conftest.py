"""Test-wide settings: Qt without a display, and the shipped fonts only (deterministic).
Shared paths live in testpaths.py (a conftest cannot be imported by name: there are two)."""
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("GAZETTE_NO_SYSTEM_FONTS", "1")

TESTS = Path(__file__).resolve().parent
sys.path.insert(0, str(TESTS.parent))
sys.path.insert(0, str(TESTS))
