"""The engine stays pure: model and layout never import Qt, reportlab, docx or lxml."""
import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1] / "editor"
FORBIDDEN = ("PySide6", "reportlab", "docx", "lxml")
PURE = {"model": FORBIDDEN, "layout": FORBIDDEN, "importers": ("PySide6", "reportlab")}


def imported_modules(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.module


@pytest.mark.parametrize("package", sorted(PURE))
def test_package_imports_no_forbidden_library(package):
    files = list((ROOT / package).rglob("*.py"))
    assert files, f"editor/{package} has no modules"
    bad = [(f.name, m) for f in files for m in imported_modules(f)
           if m.split(".")[0] in PURE[package]]
    assert not bad, f"editor/{package} imports {bad}"
