"""`python main.py import FILE --json` over every office fixture: exit status 0 and the
document as JSON, or 2 and one clear Chinese line on stderr — never a traceback.

Every fixture goes through editor.cli.run in-process (fast); a few go through a real
`main.py` process too, so the script's own start-up and exit status are covered."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from editor.cli import run
from importer_checks import assert_same_text
from office_fixtures import CASES

ROOT = Path(__file__).resolve().parents[2]
IN_VENV = Path(sys.prefix).resolve() == (ROOT / ".venv").resolve()


def check_outcome(fixture, status: int, out: str, err: str) -> None:
    if fixture.text is None:
        assert status == 2, (fixture.name, out, err)
        lines = err.strip().split("\n")
        assert len(lines) == 1 and fixture.path.name in lines[0], err
        assert all(word in lines[0] for word in fixture.refusal)
        assert "Traceback" not in err and out == ""
    else:
        assert status == 0, (fixture.name, err)
        data = json.loads(out)
        assert_same_text(fixture.text, "".join(b["text"] for b in data["blocks"]))
        assert data["source"] == str(fixture.path) and err == ""
        assert all({"severity", "code", "message"} <= set(d) for d in data["diagnostics"])


@pytest.mark.parametrize("name", list(CASES))
def test_import_json_in_process(office, name, capsys):
    fixture = office[name]
    status = run(["import", str(fixture.path), "--json"])
    out, err = capsys.readouterr()
    check_outcome(fixture, status, out, err)


@pytest.mark.skipif(not IN_VENV, reason="main.py re-runs itself in .venv; run the tests from it")
@pytest.mark.parametrize("name", ["tracked_changes", "gbk_crlf", "encrypted"])
def test_main_py_process(office, name):
    fixture = office[name]
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    done = subprocess.run([sys.executable, str(ROOT / "main.py"), "import", str(fixture.path), "--json"],
                          capture_output=True, text=True, encoding="utf-8", env=env, cwd=ROOT, timeout=120)
    check_outcome(fixture, done.returncode, done.stdout, done.stderr)
