"""How well recognition reads the pattern fixtures: `python tests/importers/recognition_score.py`.

in: nothing (the fixtures of pattern_fixtures.py are written into a temporary folder);
`--engine DIR` reads them with the `editor` package of another checkout (e.g. an older
commit unpacked with `git archive`), to compare before and after a change. out: printed,
per fixture, which of title, 文号, 主送, 落款 and 成文日期 come out as a reader finds them
and how many of the first ten blocks get the kind a reader gives them; then the totals.
A score only: the tests (test_import_patterns.py) say what must hold.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
FIELDS = ("title", "doc_number", "recipients", "signature", "date")
LABELS = {"title": "标题", "doc_number": "文号", "recipients": "主送", "signature": "落款", "date": "日期"}


def score(doc, expect) -> tuple[list[str], int, int]:
    """out: the fields read wrong, and (kinds right, kinds expected) over the first ten blocks."""
    wrong = [f for f in FIELDS if getattr(doc, f) != getattr(expect, f)]
    kinds = [b.kind.value for b in doc.blocks[:10]]
    want = [k.value for k in expect.kinds[:10]]
    right = sum(1 for got, exp in zip(kinds, want) if got == exp)
    return wrong, right, len(want)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--engine", help="folder holding the editor package to measure (default: this checkout)")
    a = ap.parse_args()
    root = Path(a.engine).resolve() if a.engine else HERE.parents[1]
    sys.path[:0] = [str(root), str(HERE)]
    from editor.importers import import_path
    from pattern_fixtures import build_patterns

    fields_right = fields_all = kinds_right = kinds_all = 0
    with tempfile.TemporaryDirectory() as tmp:
        for name, pattern in build_patterns(Path(tmp)).items():
            doc = import_path(pattern.path)
            wrong, right, total = score(doc, pattern.expect)
            fields_right += len(FIELDS) - len(wrong)
            fields_all += len(FIELDS)
            kinds_right += right
            kinds_all += total
            misread = "、".join(LABELS[f] for f in wrong) or "—"
            print(f"{name:22s} 字段 {len(FIELDS) - len(wrong)}/{len(FIELDS)}  前十段类型 {right:2d}/{total:2d}  读错：{misread}")
    print(f"engine: {root}")
    print(f"字段（标题、文号、主送、落款、日期）：{fields_right}/{fields_all} = {fields_right / fields_all:.0%}")
    print(f"前十段的类型：{kinds_right}/{kinds_all} = {kinds_right / kinds_all:.0%}")
    total = (fields_right + kinds_right) / (fields_all + kinds_all)
    print(f"总分：{fields_right + kinds_right}/{fields_all + kinds_all} = {total:.0%}")


if __name__ == "__main__":
    main()
