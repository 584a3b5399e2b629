"""原文对照: per document, the text as received beside the text as it will print.

in: the session (documents as received) and the last BuildOutcome (the printed lines);
out: a dialog with one row per block, differences marked (difflib): removed characters
struck through in red on the left, added ones green on the right.
"""
from __future__ import annotations

import difflib
import html
from pathlib import Path

from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QHBoxLayout,
                               QLabel, QTextBrowser, QVBoxLayout)

from .labels import kind_name

DEL = "background:#ffd6d6;color:#a00;text-decoration:line-through"
INS = "background:#d2f5d2;color:#060"


def printed_texts(outcome, ref) -> dict[int, str] | None:
    """in: an outcome and a session ref; out: block → the characters the pages show for it,
    or None when the ref is not in that layout."""
    k = next((n for n, other in enumerate(outcome.refs) if other is ref), None) if outcome else None
    if k is None:
        return None
    texts: dict[int, list[str]] = {}
    for page in outcome.pages:
        for line in page.lines:
            if line.doc == k and line.block is not None:
                texts.setdefault(line.block, []).append(line.text)
    return {b: "".join(parts) for b, parts in texts.items()}


def comparable(text: str) -> str:
    """Line breaks and spaces are the layout's business: compare the characters that print."""
    return "".join(text.split())


def marked(a: str, b: str) -> tuple[str, str]:
    """in: received and printed text; out: two HTML strings with the differences marked."""
    left, right = [], []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        old, new = html.escape(a[i1:i2]), html.escape(b[j1:j2])
        if op == "equal":
            left.append(old)
            right.append(new)
            continue
        if old:
            left.append(f'<span style="{DEL}">{old}</span>')
        if new:
            right.append(f'<span style="{INS}">{new}</span>')
    return "".join(left), "".join(right)


def compare_rows(raw, printed: dict[int, str] | None, current) -> list[tuple[int, str, str, str]]:
    """out: (block, kind, received, as printed) for each block that carries text."""
    rows = []
    for b, block in enumerate(raw.blocks):
        if block.kind.value in ("image", "page_break"):
            continue
        after = printed.get(b, "") if printed is not None else current.blocks[b].text
        rows.append((b, kind_name(current.blocks[b].kind), block.text, after))
    return rows


def compare_html(rows, only_changes: bool) -> tuple[str, int]:
    """out: the comparison table as HTML and how many blocks differ."""
    out, changed = ['<table width="100%" cellspacing="0" cellpadding="4" border="1" '
                    'style="border-collapse:collapse;border-color:#ccc">'
                    '<tr><th width="6%">段</th><th width="47%">原文（报送）</th>'
                    '<th width="47%">付印</th></tr>'], 0
    for b, kind, before, after in rows:
        a, p = comparable(before), comparable(after)
        differs = a != p
        changed += differs
        if only_changes and not differs:
            continue
        left, right = marked(a, p) if differs else (html.escape(a), html.escape(p))
        out.append(f"<tr><td>{b + 1}<br><small>{kind}</small></td><td>{left}</td><td>{right}</td></tr>")
    out.append("</table>")
    return "".join(out), changed


class CompareDialog(QDialog):
    def __init__(self, session, outcome, ref=None, parent=None):
        super().__init__(parent)
        self.setWindowTitle("原文对照")
        self.resize(1000, 680)
        self.session, self.outcome = session, outcome
        self.refs = [r for _s, r in session.issue.refs() if r.document is not None]
        self.choice = QComboBox()
        for r in self.refs:
            self.choice.addItem(r.document.title or Path(r.source).stem)
        self.only = QCheckBox("只看有差异的段落")
        self.only.setChecked(True)
        self.count = QLabel()
        self.view = QTextBrowser()
        top = QHBoxLayout()
        top.addWidget(QLabel("文件"))
        top.addWidget(self.choice, 1)
        top.addWidget(self.only)
        top.addWidget(self.count)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.view)
        lay.addWidget(buttons)
        self.choice.currentIndexChanged.connect(lambda _i: self.refresh())
        self.only.toggled.connect(lambda _on: self.refresh())
        if ref is not None and any(r is ref for r in self.refs):
            self.choice.setCurrentIndex(next(n for n, r in enumerate(self.refs) if r is ref))
        self.refresh()

    def refresh(self) -> None:
        n = self.choice.currentIndex()
        if not 0 <= n < len(self.refs):
            self.view.setHtml("<p>没有可对照的文件</p>")
            return
        ref = self.refs[n]
        raw = self.session.raw_document(ref)
        rows = compare_rows(raw, printed_texts(self.outcome, ref), ref.document)
        text, changed = compare_html(rows, self.only.isChecked())
        self.count.setText(f"{changed} 段有差异")
        self.view.setHtml(text)
