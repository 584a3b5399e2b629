"""Assertions shared by the importer tests, written independently of the importers.

`assert_nothing_lost(source, doc)`: every non-whitespace character of `source` (Markdown
markup removed by this module's own rules) appears in `doc.text`, in order.
`assert_same_text(expected, got)`: the two texts are equal once whitespace is removed.
`refusal(path)`: importing `path` raises ImportRefused with one Chinese line naming the file,
returns nothing, and writes nothing beside it; out: the message.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from editor.importers import ImportRefused, import_path
from editor.model import Document


def strip_markdown(text: str) -> str:
    """Markdown markup removed: `#`, `- ` bullets, `**`, `<sub>`/`<sup>`, links, rules, table
    pipes, HTML comments (notes to the writer, never printed)."""
    out = []
    text = re.sub(r"<!--.*?-->", "", text, flags=re.S)
    for line in text.split("\n"):
        if re.fullmatch(r"\s*([-*_])(\s*\1){2,}\s*", line) or re.fullmatch(r"\s*\|?[\s:|-]*-[\s:|-]*\|?\s*", line):
            continue
        line = re.sub(r"^\s*(#{1,6}\s+|[-*+]\s+)", "", line)
        line = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", line)
        line = re.sub(r"<((?:https?|mailto):[^>]+)>", r"\1", line)
        line = re.sub(r"</?(sub|sup|b|i|strong|em)>", "", line)
        out.append(line.replace("**", "").replace("|", " "))
    return "\n".join(out)


def visible(text: str) -> str:
    return re.sub(r"\s+", "", text)


def assert_nothing_lost(source: str, doc: Document, markdown: bool = True) -> None:
    """Every visible source character is in doc.text, in the same order."""
    want = visible(strip_markdown(source) if markdown else source)
    got = visible(doc.text)
    k = 0
    for ch in got:
        if k < len(want) and ch == want[k]:
            k += 1
    if k < len(want):
        raise AssertionError(f"character {k} of {len(want)} lost or out of order: "
                             f"…{want[max(0, k - 15):k]}[{want[k]}]{want[k + 1:k + 15]}…")


def assert_same_text(expected: str, got: str) -> None:
    """The same visible characters, whitespace aside: none lost, none doubled, none added."""
    want, have = visible(expected), visible(got)
    if want == have:
        return
    k = next((i for i, (a, b) in enumerate(zip(want, have)) if a != b), min(len(want), len(have)))
    raise AssertionError(f"text differs at character {k} (expected {len(want)}, got {len(have)}):\n"
                         f"  expected …{want[max(0, k - 15):k + 25]}…\n  got      …{have[max(0, k - 15):k + 25]}…")


def refusal(path: Path) -> str:
    """Import must refuse `path`: one line, names the file, no document, no files written."""
    before = sorted(p.name for p in path.parent.iterdir())
    result = None
    with pytest.raises(ImportRefused) as info:
        result = import_path(path)
    assert result is None
    message = str(info.value)
    assert "\n" not in message and path.name in message
    assert re.search(r"[\u4e00-\u9fff]", message)
    assert "Traceback" not in message and "Error" not in message
    assert sorted(p.name for p in path.parent.iterdir()) == before
    return message
