"""Small operations on lists of Runs shared by the importers.

in/out: lists of model.Run. Adjacent runs with the same style are merged, so a paragraph's
runs are as few as its styling allows.
"""
from __future__ import annotations

from ..model import Block, BlockKind, Run

# The reason a candidate read from a text box carries, so recognition can tell a masthead
# or a label beside the title from the document's own lines.
TEXT_BOX = "文本框中的文字"
MARKDOWN_HEADING = "Markdown “#” 标题"      # likewise, a line written as a `#` heading


def append_text(runs: list[Run], text: str, bold: bool = False, italic: bool = False,
                script: str = "") -> None:
    """Add `text` with a style to `runs`, merging with the last run when the style matches."""
    if not text:
        return
    last = runs[-1] if runs else None
    if last and (last.bold, last.italic, last.script) == (bold, italic, script):
        last.text += text
    else:
        runs.append(Run(text, bold=bold, italic=italic, script=script))


def split_lines(runs: list[Run]) -> list[list[Run]]:
    """Runs holding '\\n' → one list of runs per line (styles kept)."""
    lines: list[list[Run]] = [[]]
    for run in runs:
        parts = run.text.split("\n")
        for k, part in enumerate(parts):
            if k:
                lines.append([])
            append_text(lines[-1], part, run.bold, run.italic, run.script)
    return lines


def strip_runs(runs: list[Run], chars: str | None = None) -> list[Run]:
    """Runs without leading/trailing whitespace (or `chars`); empty runs dropped."""
    out = [Run(r.text, r.bold, r.italic, r.script) for r in runs if r.text]
    while out and not out[0].text.lstrip(chars):
        out.pop(0)
    while out and not out[-1].text.rstrip(chars):
        out.pop()
    if out:
        out[0].text = out[0].text.lstrip(chars)
        out[-1].text = out[-1].text.rstrip(chars)
    return out


def cut_runs(runs: list[Run], offsets: list[int]) -> list[list[Run]]:
    """Split runs at character offsets of their joined text: len(offsets)+1 pieces."""
    pieces: list[list[Run]] = [[]]
    bounds = sorted(set(offsets))
    pos = 0
    for run in runs:
        start = 0
        while bounds and bounds[0] <= pos + len(run.text):
            cut = bounds.pop(0) - pos
            append_text(pieces[-1], run.text[start:cut], run.bold, run.italic, run.script)
            pieces.append([])
            start = cut
        append_text(pieces[-1], run.text[start:], run.bold, run.italic, run.script)
        pos += len(run.text)
    while len(pieces) < len(offsets) + 1:
        pieces.append([])
    return pieces


def joined(blocks: list[Block], separator: str = "\n") -> list[Run]:
    """The runs of several blocks as one list, `separator` between the blocks' texts."""
    runs: list[Run] = []
    for k, block in enumerate(blocks):
        if k and runs:   # the separator takes the style before it, so a bold title stays one run
            append_text(runs, separator, runs[-1].bold, runs[-1].italic, runs[-1].script)
        elif k:
            append_text(runs, separator)
        for r in block.runs:
            append_text(runs, r.text, r.bold, r.italic, r.script)
    return runs


def is_text(block: Block) -> bool:
    """True for blocks that carry runs (not tables, images or page breaks)."""
    return block.kind not in (BlockKind.TABLE, BlockKind.IMAGE, BlockKind.PAGE_BREAK)


def all_bold(block: Block) -> bool:
    visible = [r for r in block.runs if r.text.strip()]
    return bool(visible) and all(r.bold for r in visible)
