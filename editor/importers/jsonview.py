"""A Document as plain JSON-ready data, for `main.py import FILE --json` and for tests.

in: a Document; out: {"kind", "title", "doc_number", "source", "encoding",
"blocks": [{"kind", "level", "text", "reason"}], "diagnostics": [Diagnostic.to_dict()]}.
"""
from __future__ import annotations

from ..model import Document


def document_to_json(doc: Document) -> dict:
    return {
        "kind": doc.kind,
        "title": doc.title,
        "doc_number": doc.doc_number,
        "source": doc.source,
        "encoding": doc.encoding,
        "blocks": [{"kind": b.kind.value, "level": b.level, "text": b.text, "reason": b.reason}
                   for b in doc.blocks],
        "diagnostics": [d.to_dict() for d in doc.diagnostics],
    }
