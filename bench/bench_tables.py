"""Benchmark: table-heavy files — importing a 500 KB .docx with 20 tables, and writing a
1,000 × 10 table to DOCX.

    .venv/bin/python bench/bench_tables.py [--runs N]

Each figure is measured in a fresh process (so peak memory, ru_maxrss, is that one task's):
  import   the generated .docx (20 tables of 86 rows × 8 cells with merged cells, body text
           between them, written with Word's revision ids and run fonts: about 500 KB on
           disk): wall time of import_path once the importer's modules are loaded (their
           loading, once per process, printed apart) and peak memory;
  export   a document holding one 1,000 × 10 table: wall time of render_docx alone (the
           layout that gives it page numbers is timed apart) and peak memory.
The median of the runs is printed, wall and CPU time (the machine may be shared: CPU time
is what the task itself costs). No assertions: the targets are in issue 12 (import under
1 s and 100 MB; the DOCX table under 2 s).
"""
from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "importers")]
os.environ.setdefault("GAZETTE_NO_SYSTEM_FONTS", "1")

SENTENCE = "坚持以人民为中心的发展思想，统筹推进经济社会发展各项工作，确保各项任务落到实处。"


def table_docx(path: Path, tables: int = 20, rows: int = 86, cols: int = 8) -> Path:
    """A 通知 whose body holds `tables` ruled tables (a header row merged across, a column
    merged down every five rows), with paragraphs between them, written as Word writes it:
    revision ids on every paragraph and run, fonts and sizes on every run, cell widths."""
    from make_fixtures import docx_parts, write_zip

    rng = random.Random(12)

    def rsid() -> str:
        return f"{rng.randrange(16 ** 8):08X}"

    def para(text: str, jc: str = "") -> str:
        align = f'<w:jc w:val="{jc}"/>' if jc else ""
        ppr = (f'<w:pPr><w:spacing w:line="560" w:lineRule="exact"/>{align}<w:rPr><w:rFonts w:ascii="仿宋_GB2312" '
               'w:eastAsia="仿宋_GB2312" w:hAnsi="仿宋_GB2312"/></w:rPr></w:pPr>')
        run = (f'<w:r w:rsidRPr="{rsid()}"><w:rPr><w:rFonts w:ascii="仿宋_GB2312" w:eastAsia="仿宋_GB2312" '
               f'w:hAnsi="仿宋_GB2312" w:cs="仿宋_GB2312"/><w:sz w:val="24"/><w:szCs w:val="24"/></w:rPr>'
               f'<w:t xml:space="preserve">{text}</w:t></w:r>') if text else ""
        return f'<w:p w:rsidR="{rsid()}" w:rsidRDefault="{rsid()}" w:rsidP="{rsid()}">{ppr}{run}</w:p>'

    def cell(text: str, props: str = "") -> str:
        return f'<w:tc><w:tcPr><w:tcW w:w="1100" w:type="dxa"/>{props}<w:vAlign w:val="center"/></w:tcPr>{para(text, "center")}</w:tc>'

    out = [para("济南市人民政府办公厅关于报送重点项目统计表的通知", "center"), para("济政办字〔2020〕99号", "center"),
           para("各区县人民政府：")]
    for t in range(tables):
        out += [para(f"{t + 1}. 第{t + 1}类项目统计。" + SENTENCE * 2) for _ in range(3)]
        out.append('<w:tbl><w:tblPr><w:tblW w:w="8800" w:type="dxa"/><w:tblBorders><w:top w:val="single" w:sz="4"/>'
                   '<w:bottom w:val="single" w:sz="4"/><w:insideH w:val="single" w:sz="4"/>'
                   '<w:insideV w:val="single" w:sz="4"/></w:tblBorders></w:tblPr><w:tblGrid>'
                   + '<w:gridCol w:w="1100"/>' * cols + "</w:tblGrid>")
        out.append(f'<w:tr w:rsidR="{rsid()}">' + cell(f"第{t + 1}类重点项目统计表（单位：万元）",
                                                       f'<w:gridSpan w:val="{cols}"/>') + "</w:tr>")
        for r in range(1, rows):
            first = cell(f"片区{r // 5 + 1}", '<w:vMerge w:val="restart"/>') if r % 5 == 1 else cell("", "<w:vMerge/>")
            rest = "".join(cell(f"项目{rng.randrange(1000)}：{rng.randrange(100000) / 10}万元") for _ in range(1, cols))
            out.append(f'<w:tr w:rsidR="{rsid()}">{first}{rest}</w:tr>')
        out.append("</w:tbl>")
    out += [para("济南市人民政府办公厅", "right"), para("2020年5月9日", "right")]
    return write_zip(path, docx_parts("".join(out)))


def measure_import(folder: Path) -> dict:
    path = table_docx(folder / "tables.docx")
    t0 = time.perf_counter()
    from editor.importers import import_path
    import editor.importers.docx  # noqa: F401 — loaded once per process, before the first file
    t1, c1 = time.perf_counter(), time.process_time()
    doc = import_path(path)
    seconds, cpu = time.perf_counter() - t1, time.process_time() - c1
    tables = sum(1 for b in doc.blocks if b.kind.value == "table")
    return {"seconds": seconds, "cpu": cpu, "modules": t1 - t0, "kb": path.stat().st_size / 1024, "tables": tables,
            "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def measure_export(folder: Path) -> dict:
    from editor.layout.spec import load_spec
    from editor.model import Block, BlockKind, Document, DocumentRef, Issue, Section
    from editor.pipeline import layout
    from editor.render.docx import render_docx

    rows = [[f"第{r + 1}行第{c + 1}列" for c in range(10)] for r in range(1000)]
    doc = Document(blocks=[Block.of(BlockKind.TITLE, "关于报送项目明细表的通知"), Block(BlockKind.TABLE, rows=rows)])
    issue = Issue(year=2020, number=1, total_number=1, sections=[Section("文件", [DocumentRef("a", document=doc)])])
    spec = load_spec(issue.layout)
    t0 = time.perf_counter()
    result = layout(issue, spec)
    t1, c1 = time.perf_counter(), time.process_time()
    render_docx(issue, spec, result.layout, folder / "table.docx")
    t2, c2 = time.perf_counter(), time.process_time()
    return {"seconds": t2 - t1, "cpu": c2 - c1, "layout": t1 - t0, "pages": len(result.layout.pages),
            "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def once(task: str) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        return (measure_import if task == "import" else measure_export)(Path(tmp))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--once", choices=("import", "export"), help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.once:
        print(repr(once(a.once)))
        return
    for task in ("import", "export"):
        runs = []
        for _ in range(a.runs):
            out = subprocess.run([sys.executable, __file__, "--once", task], capture_output=True, text=True,
                                 check=True).stdout
            runs.append(eval(out.strip().splitlines()[-1]))  # noqa: S307 — our own repr of a dict of numbers
        med = {k: statistics.median(r[k] for r in runs) for k in runs[0]}
        if task == "import":
            print(f"import: {med['kb']:.0f} KB .docx, {med['tables']:.0f} tables: {med['seconds']:.2f} s "
                  f"(CPU {med['cpu']:.2f} s) "
                  f"(loading the importer's modules before it, once per process: {med['modules']:.2f} s), "
                  f"peak memory {med['peak_mb']:.0f} MB (median of {a.runs})")
        else:
            print(f"DOCX export of a 1,000 × 10 table: {med['seconds']:.2f} s (CPU {med['cpu']:.2f} s; layout before it "
                  f"{med['layout']:.2f} s, {med['pages']:.0f} pages), peak memory {med['peak_mb']:.0f} MB "
                  f"(median of {a.runs})")


if __name__ == "__main__":
    main()
