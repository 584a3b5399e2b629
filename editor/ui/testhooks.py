"""Small, explicit hooks for tests that drive the real app in a subprocess.

in: environment variables, read once when the window is made; out: nothing unless set.
  GAZETTE_TEST_EDIT   JSON edit applied through the undo stack after the first layout,
                      e.g. {"meta": {"phone": "0531-1"}, "correct": [{"doc": 0, "block": 3, "level": 2}]}
                      ("doc" counts the issue's documents in order)
  GAZETTE_TEST_EVENTS =1: print "gazette: pages N", "gazette: autosaved PATH" and, as the
                      view scrolls, "gazette: page K" (1-based) on stdout
  GAZETTE_TEST_STATE  FILE: after each layout and autosave, write {issue, modified, pages}
The edit is an ordinary edit, so autosave and recovery treat it as the editor's own.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

from ..issuefile import write_atomic


def _say(text: str) -> None:
    print(f"gazette: {text}", flush=True)


def apply_edit(window, edit: dict) -> None:
    """in: the window and an edit as in GAZETTE_TEST_EDIT; out: commands pushed."""
    editing, session = window.editing, window.session
    for name, value in edit.get("meta", {}).items():
        editing.set_meta(name, value)
    refs = [ref for _s, ref in session.issue.refs()]
    for c in edit.get("correct", []):
        changes = {k: v for k, v in c.items() if k in ("kind", "level", "text")}
        editing.correct(refs[c["doc"]], c["block"], changes)


def install(window) -> None:
    """Connect the hooks the environment asks for (none by default)."""
    edit = json.loads(os.environ["GAZETTE_TEST_EDIT"]) if os.environ.get("GAZETTE_TEST_EDIT") else None
    events = bool(os.environ.get("GAZETTE_TEST_EVENTS"))
    state = os.environ.get("GAZETTE_TEST_STATE")
    if not (edit or events or state):
        return
    pending = [edit] if edit else []

    def write_state() -> None:
        if state and window.session is not None:
            outcome = window.live.outcome
            data = {"issue": window.session.to_dict(), "modified": window.session.modified,
                    "pages": len(outcome.pages) if outcome else 0}
            write_atomic(Path(state), json.dumps(data, ensure_ascii=False).encode("utf-8"))

    def ready(outcome) -> None:
        write_state()
        if events:
            _say(f"pages {len(outcome.pages)}")
        if pending:
            apply_edit(window, pending.pop())

    def opened(_session) -> None:
        if window.autosaver is not None:
            window.autosaver.saved.connect(saved)

    def saved(path: str) -> None:
        write_state()
        if events:
            _say(f"autosaved {path}")

    window.live.ready.connect(ready)
    if events:
        window.pages.pageChanged.connect(lambda index: _say(f"page {index + 1}"))
    window.files.recovered.connect(lambda path: events and _say(f"recovered {path}"))
    window.issueOpened.connect(opened)
