"""The sample issue as a Typst file, for timing Typst on the same text (a dev-only comparison).

    .venv/bin/python bench/typst_issue.py [ISSUE] > issue.typ

in: an issue file (its documents imported as a build imports them); out: Typst markup with
every block's text in order, set like our layout: A4 with our margins, 小四 仿宋 in two
columns of 18 characters on our line pitch (37 lines a column), each document on a new page under a title across both columns (小标宋), headings
in 黑体, a cover, the 目录 (Typst's outline) and the back page's 简介. The shipped fonts
(fonts/) serve Typst too.
Texts are Typst string literals, so no character of the gazette is read as markup.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

PREAMBLE = """\
#set document(title: {name})
#set page(paper: "a4", margin: (top: 26mm, bottom: 22mm, inside: 25.6mm, outside: 23.53mm))
#set text(font: ("FandolFang", "Noto Serif SC"), size: 12pt, lang: "zh", region: "cn",
  top-edge: 0.88em, bottom-edge: -0.12em)
#set par(justify: true, leading: 0.59em, spacing: 0.59em, first-line-indent: 2em)
#set columns(gutter: 8.47mm)
#show heading: it => block(width: 100%, above: 1em, below: 1em,
  align(center, text(font: "Noto Serif SC", weight: "bold", size: 22pt, it.body)))
#let centred(t) = align(center, text(font: "FandolKai", t))
#let flushright(t) = align(right, t)
#let hei(t) = text(font: "Noto Sans SC", t)
#let kai(t) = text(font: "FandolKai", t)
"""

CENTRED = {"doc_number", "subtitle", "author", "chapter", "annex_title", "issued"}
RIGHT = {"signature", "date"}
HEI = {"heading", "annex_label"}


def _string(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)    # a JSON string is a valid Typst string


def _block(block) -> str:
    kind, text = block.kind.value, block.text
    if kind in ("table",):
        cells = ", ".join(_string(c) for row in block.rows for c in row)
        columns = max((len(r) for r in block.rows), default=1)
        return f"#table(columns: {columns}, ..({cells},).map(c => [#c]))"
    if kind in ("image", "page_break", "omitted", "title") or not text:
        return ""
    if kind in CENTRED:
        return f"#centred({_string(text)})"
    if kind in RIGHT:
        return f"#flushright({_string(text)})"
    if kind in HEI and block.level <= 1:
        return f"#hei({_string(text)})"
    if kind in ("heading",) and block.level == 2:
        return f"#kai({_string(text)})"
    return f"#{_string(text)}"


def issue_typst(issue) -> str:
    """in: a loaded Issue; out: the Typst source of the whole issue."""
    out = [PREAMBLE.replace("{name}", _string(issue.name))]
    out.append(f"#page(columns: 1, align(center + horizon, text(size: 40pt, fill: red, "
               f"font: \"Noto Serif SC\", weight: \"bold\", {_string(issue.name)})))")
    out.append("#page(columns: 1, outline(title: \"目录\"))")
    out.append("#set page(columns: 2, numbering: \"1\")")
    for doc in issue.documents():
        out.append("#pagebreak(weak: true)")
        title = doc.title or "（无标题）"
        out.append(f"#place(top, scope: \"parent\", float: true, "
                   f"heading(level: 1, {_string(title)}))")
        for block in doc.blocks:
            line = _block(block)
            if line:
                out += [line, ""]
    out.append("#page(columns: 1)[")
    out.append(f"#align(center, text(font: \"Noto Sans SC\", size: 16pt, {_string(issue.intro_title)}))")
    out += [f"#{_string(p)}\n" for p in issue.intro]
    out.append("]")
    return "\n".join(out) + "\n"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("issue", nargs="?", default=str(ROOT / "samples/jinan-2020-10/issue.json"))
    a = ap.parse_args()
    from editor.pipeline import load_issue
    sys.stdout.write(issue_typst(load_issue(a.issue)))


if __name__ == "__main__":
    main()
