"""The main document part read while it is parsed: the children of w:body one at a time.

in: a DocxPackage and the name of its main part; out: an iterator over the body's children
(paragraphs, tables, content controls…), in order, each complete and in transitional names
(docx_namespaces), each freed once the reader has moved past it — so a long document never
stands whole in memory (a 500 KB .docx of tables is some 90 MB as a tree). The same
hardened parser options and refusals as safety.parse_xml. After the iteration: `section`,
the body's own w:sectPr (its note numbering), and `revisions`, the tracked changes counted.
"""
from __future__ import annotations

import io
from typing import Iterator

from lxml import etree

from .docx_namespaces import needed_fixes, normalize_tree, transitional
from .docx_review import Revisions
from .docx_styles import W_NS, w
from .errors import ImportRefused
from .safety import PARSER_OPTIONS, DocxPackage, check_docinfo, refuse_doctype, xml_refusal

_STRICT_W = "http://purl.oclc.org/ooxml/wordprocessingml/main"
# Elements whose end lets the stream hand over what the body holds so far (any other child
# of the body goes out with the next of these, or at the end, still in order).
_ENDS = tuple(f"{{{ns}}}{name}" for ns in (W_NS, _STRICT_W) for name in ("p", "tbl", "sectPr"))
_BODY = {f"{{{W_NS}}}body", f"{{{_STRICT_W}}}body"}
_SECTION = w("sectPr")


class BodyStream:
    def __init__(self, pkg: DocxPackage, name: str):
        self.path, self.name = pkg.path, name
        self.data = pkg.blob(name)
        refuse_doctype(self.path, name, self.data)
        self.fixes = needed_fixes(self.data)
        self.section: etree._Element | None = None
        self.revisions = Revisions()

    def __iter__(self) -> Iterator[etree._Element]:
        context = etree.iterparse(io.BytesIO(self.data), events=("end",), tag=_ENDS, **PARSER_OPTIONS)
        body = None
        try:
            for _event, el in context:
                if body is None:
                    body = next((a for a in el.iterancestors() if a.tag in _BODY), None)
                if body is not None and el.getparent() is body:
                    yield from self._hand_over(body, el)
            root = context.root
        except etree.XMLSyntaxError as e:
            raise xml_refusal(self.path, self.name, e) from None
        check_docinfo(self.path, self.name, root)
        if body is None:
            body = next((child for child in root if child.tag in _BODY), None)
        if _clark(root.tag) != w("document") or body is None:
            raise ImportRefused(self.path, f"的正文部分（{self.name}）不是 Word 文档正文（缺少 w:document/w:body），无法导入。")
        yield from self._hand_over(body, None)

    def _hand_over(self, body: etree._Element, last: etree._Element | None) -> Iterator[etree._Element]:
        """The body's children up to `last` (all, when None), then freed: counted for the
        revisions and taken out of the tree (the body's w:sectPr is kept aside)."""
        while len(body):
            child = body[0]
            normalize_tree(child, *self.fixes)
            yield child
            self.revisions.add(child)
            if child.tag == _SECTION:
                self.section = child
            else:
                child.clear()      # before it leaves the tree: lxml walks what it moves
            body.remove(child)
            if child is last:
                return


def _clark(tag: str) -> str:
    """A tag in transitional names (a Strict part's root is read before it is renamed)."""
    uri, _, local = tag[1:].partition("}") if tag.startswith("{") else ("", "", tag)
    return f"{{{transitional(uri)}}}{local}"
