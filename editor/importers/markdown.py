"""The little Markdown the submissions use, turned into candidate paragraphs.

in: decoded text (a .md file, or a .txt written the same way); out: a list of candidate
Blocks — PARAGRAPH, HEADING (from `#`, level = number of #), LIST_ITEM (from `- `) or TABLE
(from `| a | b |` rows), one per source line, with bold/italic/sub/sup runs. Recognition
decides the real kinds later; these kinds are only hints.

Handled: `#` headings (hinted with reason MARKDOWN_HEADING), `**bold**`, `*italic*`, `<sub>`/`<sup>`/`<b>`/`<i>`, `[text](url)` →
text, `<url>` → url, `\\*` escapes, `---` rules (dropped), trailing two-space line breaks,
full-width-space indentation (the normal first-line indent, stripped), form feeds (page breaks),
HTML comments `<!-- … -->` (dropped; `comments` returns them, for 校对).
Markup that is not paired (a lone `**`) is kept as text: only markup disappears.
"""
from __future__ import annotations

import re

from ..model import Block, BlockKind, Run
from .runs import MARKDOWN_HEADING, append_text, split_lines, strip_runs

_RULE = re.compile(r"^\s{0,3}([-*_])(?:\s*\1){2,}\s*$")
_HEADING = re.compile(r"^\s{0,3}(#{1,6})(?:\s+|$)(.*?)(?:\s+#+)?\s*$")
_LIST = re.compile(r"^\s{0,3}[-*+]\s+(.*)$")
_QUOTE = re.compile(r"^\s{0,3}>\s?(.*)$")
_TABLE_ROW = re.compile(r"^\s*\|.*\|\s*$")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$")
_LINK = re.compile(r"!?\[([^\]\n]*)\]\(([^()\s]*)(?:\s+\"[^\"]*\")?\)")
_AUTOLINK = re.compile(r"<((?:https?|ftp|mailto):[^>\s]+|[^<>\s@]+@[^<>\s]+\.[^<>\s]+)>", re.I)
_TOKEN = re.compile(r"\\([!-/:-@\[-`{-~])|(\*\*)|(\*)|<(/?)(sub|sup|b|strong|i|em)\s*>|<br\s*/?>", re.I)
_INDENT = " \t\u3000\u00a0"
_COMMENT = re.compile(r"<!--(.*?)-->", re.S)


def parse_markdown(text: str) -> list[Block]:
    """Decoded text → candidate blocks in source order (blank lines, rules and HTML comments
    dropped; `comments` lists what the comments said)."""
    blocks: list[Block] = []
    group: list[str] = []
    text = _COMMENT.sub(lambda m: "\n" * m.group(0).count("\n"), text.replace("\r\n", "\n").replace("\r", "\n"))
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        line = lines[i]
        if _TABLE_ROW.match(line):
            j = i
            while j < len(lines) and _TABLE_ROW.match(lines[j]):
                j += 1
            _flush(group, blocks)
            blocks.append(_table(lines[i:j]))
            i = j
            continue
        if "\f" in line:
            parts = line.split("\f")
            for k, part in enumerate(parts):
                if k:
                    _flush(group, blocks)
                    blocks.append(Block(kind=BlockKind.PAGE_BREAK, reason="换页符"))
                _add_line(part, group, blocks)
        else:
            _add_line(line, group, blocks)
        i += 1
    _flush(group, blocks)
    return blocks


def comments(text: str) -> list[str]:
    """The text of each HTML comment (<!-- … -->) in Markdown source, in order: notes to
    the writer, never printed. An unclosed <!-- is not a comment: it stays text."""
    return [m.group(1).strip() for m in _COMMENT.finditer(text)]


def _add_line(line: str, group: list[str], blocks: list[Block]) -> None:
    """One source line: start, extend or end the current paragraph group."""
    if not line.strip(_INDENT + "\v"):
        _flush(group, blocks)
        return
    if _RULE.match(line):
        _flush(group, blocks)
        return
    heading = _HEADING.match(line)
    if heading:
        _flush(group, blocks)
        for block in _blocks(heading.group(2), BlockKind.HEADING, len(heading.group(1))):
            block.reason = MARKDOWN_HEADING
            blocks.append(block)
        return
    item = _LIST.match(line)
    if item and not line.lstrip().startswith("**"):
        _flush(group, blocks)
        blocks.extend(_blocks(item.group(1), BlockKind.LIST_ITEM, 0))
        return
    quote = _QUOTE.match(line)
    group.append(quote.group(1) if quote else line)


def _flush(group: list[str], blocks: list[Block]) -> None:
    if group:
        blocks.extend(_blocks("\n".join(group), BlockKind.PARAGRAPH, 0))
        group.clear()


def _blocks(source: str, kind: BlockKind, level: int) -> list[Block]:
    """Markdown text of one group → one candidate per line (hard breaks end lines too)."""
    out = []
    for runs in split_lines(parse_inline(source)):
        runs = strip_runs(runs, _INDENT + "\v")
        if runs:
            out.append(Block(kind=kind, runs=runs, level=level))
    return out


def _table(lines: list[str]) -> Block:
    rows = []
    for line in lines:
        if _TABLE_RULE.match(line):
            continue
        cells = line.strip().strip("|").split("|")
        rows.append(["".join(r.text for r in parse_inline(c.strip())) for c in cells])
    return Block(kind=BlockKind.TABLE, rows=rows)


def parse_inline(text: str) -> list[Run]:
    """Inline Markdown → runs. `**` and `*` only count when paired; tags set sub/sup/bold."""
    text = _LINK.sub(lambda m: m.group(1), text)
    text = _AUTOLINK.sub(lambda m: m.group(1), text)
    tokens = list(_TOKEN.finditer(text))
    paired = _paired(tokens, 2) | _paired(tokens, 3)
    runs: list[Run] = []
    bold = italic = False
    script = ""
    pos = 0
    for tok in tokens:
        append_text(runs, text[pos:tok.start()], bold, italic, script)
        pos = tok.end()
        if tok.group(1):                      # backslash escape
            append_text(runs, tok.group(1), bold, italic, script)
        elif tok.group(2) or tok.group(3):    # ** or *
            if id(tok) not in paired:
                append_text(runs, tok.group(0), bold, italic, script)
            elif tok.group(2):
                bold = not bold
            else:
                italic = not italic
        elif tok.group(5):                    # <sub> <sup> <b> <i>…
            name, closing = tok.group(5).lower(), bool(tok.group(4))
            if name in ("sub", "sup"):
                script = "" if closing else name
            elif name in ("b", "strong"):
                bold = not closing
            else:
                italic = not closing
        else:                                 # <br>
            append_text(runs, "\n", bold, italic, script)
    append_text(runs, text[pos:], bold, italic, script)
    return runs


def _paired(tokens: list[re.Match], group: int) -> set[int]:
    """ids of the `**` (group 2) or `*` (group 3) tokens that have a partner, in order."""
    marks = [t for t in tokens if t.group(group)]
    if len(marks) % 2:
        marks = marks[:-1]
    return {id(t) for t in marks}
