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

# CI runs the property and fuzz tests on a fixed sequence of examples, so a submission lands
# or fails for its own code; at a desk they explore new random examples on every run.
if os.environ.get("CI"):
    from hypothesis import settings
    settings.register_profile("ci", derandomize=True)
    settings.load_profile("ci")
