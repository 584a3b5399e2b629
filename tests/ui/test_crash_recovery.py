"""Crash recovery with the real program: edit, get killed before saving, start again, recover.

The first run (main.py, offscreen) applies an edit through the GAZETTE_TEST_EDIT hook and
says when the autosave is written; the test then kills it with SIGKILL. The second run
accepts the recovery offer (GAZETTE_RECOVER=yes), takes a screenshot and reports the state
it restored (GAZETTE_TEST_STATE).
"""
import json
import os
import queue
import signal
import struct
import subprocess
import sys
import threading

import pytest

from ui_helpers import ROOT

pytestmark = pytest.mark.gui


def first_level1_heading(issue_json) -> tuple[int, str]:
    """The block index and text of the first 一、 heading of the issue's first document."""
    from editor.importers import import_path
    from editor.issuefile import read_issue
    from editor.model import BlockKind
    source = issue_json.parent / read_issue(issue_json).sections[0].documents[0].source
    blocks = import_path(source).blocks
    return next((b, blk.text) for b, blk in enumerate(blocks)
                if blk.kind == BlockKind.HEADING and blk.level == 1)


def app_env(tmp_path, **extra) -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", GAZETTE_CONFIG_DIR=str(tmp_path / "config"))
    env.setdefault("DISPLAY", ":99")     # main.py opens the window only where it sees a display
    env.pop("GAZETTE_RECOVER", None)
    env.update(extra)
    return env


def read_lines(proc) -> "queue.Queue[str]":
    lines: "queue.Queue[str]" = queue.Queue()

    def pump():
        for line in proc.stdout:
            lines.put(line.strip())
    threading.Thread(target=pump, daemon=True).start()
    return lines


def wait_for_line(lines, prefix: str, timeout: float = 120) -> str:
    seen = []
    while True:
        try:
            line = lines.get(timeout=timeout)
        except queue.Empty:
            raise AssertionError(f"no '{prefix}' line; got {seen}") from None
        seen.append(line)
        if line.startswith(prefix):
            return line[len(prefix):].strip()


def png_size(path) -> tuple[int, int]:
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", head[16:24])


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_killed_app_offers_its_edit_back(issue_copy, tmp_path):
    original = issue_copy.read_bytes()
    block, text = first_level1_heading(issue_copy)
    edit = {"meta": {"phone": "0531-12345678"}, "correct": [{"doc": 0, "block": block, "level": 2}]}
    first = subprocess.Popen(
        [sys.executable, str(ROOT / "main.py"), str(issue_copy)], cwd=ROOT, text=True,
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
        env=app_env(tmp_path, GAZETTE_TEST_EDIT=json.dumps(edit), GAZETTE_TEST_EVENTS="1"))
    try:
        autosave = wait_for_line(read_lines(first), "gazette: autosaved")
    finally:
        first.send_signal(signal.SIGKILL)
        first.wait(30)
    assert first.returncode == -signal.SIGKILL
    assert issue_copy.read_bytes() == original             # never saved
    assert autosave == str(issue_copy.resolve()) + ".autosave.json"

    state, shot = tmp_path / "state.json", tmp_path / "shot.png"
    second = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--screenshot", str(shot), str(issue_copy)],
        cwd=ROOT, text=True, capture_output=True, timeout=300,
        env=app_env(tmp_path, GAZETTE_RECOVER="yes", GAZETTE_TEST_STATE=str(state),
                    GAZETTE_TEST_EVENTS="1"))
    assert second.returncode == 0, second.stderr
    assert f"gazette: recovered {autosave}" in second.stdout
    restored = json.loads(state.read_text(encoding="utf-8"))
    assert restored["modified"] is True                     # restored, not yet saved
    assert restored["issue"]["issue"]["phone"] == "0531-12345678"
    assert restored["issue"]["sections"][0]["documents"][0]["corrections"] == [
        {"block": block, "original": text, "level": 2}]
    assert restored["pages"] > 40
    assert png_size(shot) == (1600, 1000)
    assert issue_copy.read_bytes() == original


def test_declined_recovery_is_discarded(issue_copy, tmp_path):
    """GAZETTE_RECOVER=no: the issue opens as saved and the recovery file is removed."""
    recovery = issue_copy.with_name(issue_copy.name + ".autosave.json")
    data = json.loads(issue_copy.read_text(encoding="utf-8"))
    data["issue"]["phone"] = "999"
    recovery.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    state = tmp_path / "state.json"
    run = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--screenshot", str(tmp_path / "s.png"), str(issue_copy)],
        cwd=ROOT, text=True, capture_output=True, timeout=300,
        env=app_env(tmp_path, GAZETTE_RECOVER="no", GAZETTE_TEST_STATE=str(state)))
    assert run.returncode == 0, run.stderr
    shown = json.loads(state.read_text(encoding="utf-8"))
    assert shown["issue"]["issue"]["phone"] == "0531-66607646" and shown["modified"] is False
    assert not recovery.exists()
