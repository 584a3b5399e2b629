"""A Document as plain JSON-ready data, for `main.py import FILE --json` and for tests.

in: a Document; out: {"kind", "title", "doc_number", "source", "encoding",
"blocks": [{"kind", "level", "text", "reason"}], "diagnostics": [Diagnostic.to_dict()]}.
A table's block also gives its "rows" and, when it has them, its merged cells ("spans":
[row, col, rows, cols]) and the cells holding pictures ("cell_images": [row, col]).
"""
from __future__ import annotations

from ..model import Block, BlockKind, Document


def document_to_json(doc: Document) -> dict:
    return {
        "kind": doc.kind,
        "title": doc.title,
        "doc_number": doc.doc_number,
        "source": doc.source,
        "encoding": doc.encoding,
        "blocks": [_block(b) for b in doc.blocks],
        "diagnostics": [d.to_dict() for d in doc.diagnostics],
    }


def _block(b: Block) -> dict:
    out = {"kind": b.kind.value, "level": b.level, "text": b.text, "reason": b.reason}
    if b.kind == BlockKind.TABLE:
        out["rows"] = [list(row) for row in b.rows]
        if b.spans:
            out["spans"] = [list(span) for span in b.spans]
        if b.cell_images:
            out["cell_images"] = [[c.row, c.col] for c in b.cell_images]
    return out
