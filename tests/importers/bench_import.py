"""How long importing a 30,000-character 公文 takes: `python tests/importers/bench_import.py`.

in: nothing (the documents are generated into a temporary folder); out: printed figures —
the best of several runs of import_path for the same document as .docx (numbered headings,
footnotes, tracked changes, a table per chapter, text boxes) and as UTF-8 and GB18030 text.
Timing is only printed here, never asserted in a test.
"""
from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parents[1])]

from editor.importers import import_path  # noqa: E402
from make_fixtures import docx_parts, write_zip  # noqa: E402
from office_fixtures import NUMBERING, SEPARATORS  # noqa: E402
from wml_pieces import (cat, deleted, inserted, note, note_ref, numbered, para, run, table,  # noqa: E402
                        textbox_dml)

SENTENCE = "坚持以人民为中心的发展思想，统筹推进经济社会发展各项工作，确保各项任务落到实处。"
TARGET = 30_000


def build_docx(folder: Path) -> tuple[Path, int]:
    """A long 通知 as Word would save it; out: the path and its visible character count."""
    pieces = [para(run("济南市人民政府办公厅关于全面推进重点工作的通知"), ppr='<w:jc w:val="center"/>'),
              para(run("济政办字〔2020〕99号"), ppr='<w:jc w:val="center"/>'), para(run("各区县人民政府，市政府各部门（单位）："))]
    notes, count, n = [], 0, 0
    while count < TARGET:
        n += 1
        pieces.append(numbered("", f"第{n}项重点任务", 1, 0))
        for k in range(6):
            extra = [note_ref("footnote", n * 10 + k, "")] if k == 0 else []
            if k == 0:
                notes.append(note("footnote", n * 10 + k, "", para(run(f"第{n}项任务的说明。"))))
            pieces.append(para(run(SENTENCE * 2), *extra, deleted("删去"), inserted(run("补充。"))))
        pieces.append(table([[para(run("任务")), para(run("责任单位"))], [para(run(f"任务{n}")), para(run("市发展改革委"))]]))
        pieces.append(para(run("说明："), textbox_dml(para(run("文本框中的补充说明。")))))
        count = len("".join(p.text for p in pieces))
    pieces += [para(run("济南市人民政府办公厅"), ppr='<w:jc w:val="right"/>'), para(run("2020年5月9日"), ppr='<w:jc w:val="right"/>')]
    body = cat(*pieces)
    footnotes = SEPARATORS.format(k="footnote") + "".join(x.xml for x in notes)
    path = write_zip(folder / "长文.docx", docx_parts(body.xml, numbering=NUMBERING, footnotes=footnotes))
    return path, len(body.text)


def build_text(folder: Path, codec: str) -> tuple[Path, int]:
    lines = ["济南市人民政府办公厅关于全面推进重点工作的通知", "济政办字〔2020〕99号", "各区县人民政府，市政府各部门（单位）："]
    n = 0
    while sum(map(len, lines)) < TARGET:
        n += 1
        lines.append(f"{n}、第{n}项重点任务" if n < 10 else f"（{n}）第{n}项重点任务")
        lines += ["　　" + SENTENCE * 2] * 6
    lines += ["济南市人民政府办公厅", "2020年5月9日"]
    text = "\n".join(lines) + "\n"
    path = folder / f"长文-{codec}.txt"
    path.write_bytes(text.encode(codec))
    return path, len(text)


def best_of(path: Path, runs: int = 5) -> tuple[float, int]:
    times, blocks = [], 0
    for _ in range(runs):
        start = time.perf_counter()
        doc = import_path(path)
        times.append(time.perf_counter() - start)
        blocks = len(doc.blocks)
    return min(times), blocks


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        import_path(build_text(folder, "utf-8")[0])   # warm up imports and regex compilation
        for label, (path, chars) in [("docx", build_docx(folder)), ("txt UTF-8", build_text(folder, "utf-8")),
                                     ("txt GB18030", build_text(folder, "gb18030"))]:
            seconds, blocks = best_of(path)
            print(f"{label:12s} {chars:6d} 字  {path.stat().st_size / 1024:7.1f} KB  {blocks:5d} 块  "
                  f"{seconds * 1000:7.1f} ms")


if __name__ == "__main__":
    main()
