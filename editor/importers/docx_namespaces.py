"""One spelling of WordprocessingML for the reader, whatever the producer wrote.

in: a parsed XML part and the bytes it was parsed from; out: the same element tree, changed
in place where needed, so the reader only ever sees transitional names in Clark notation:
- Strict Open XML (http://purl.oclc.org/ooxml/wordprocessingml/main …), which python-docx
  cannot open, is renamed to the transitional namespaces (…/wordprocessingml/2006/main …);
- a part that declares WordprocessingML as its default namespace and so writes attributes
  without a prefix (<p><jc val="center"/>) gets those attributes put in the w: namespace.
Prefixes themselves never matter (lxml compares namespaces, so `ns0:p` is `w:p`).
"""
from __future__ import annotations

import re

from lxml import etree

_STRICT = re.compile(r"^http://purl\.oclc\.org/ooxml/([^/]+)/(.+)$")
_TRANSITIONAL_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_DEFAULT_W = re.compile(rb"xmlns\s*=\s*[\"'][^\"']*wordprocessingml")


def transitional(uri: str) -> str:
    """A Strict namespace URI → its transitional twin; any other URI unchanged."""
    m = _STRICT.match(uri)
    return f"http://schemas.openxmlformats.org/{m.group(1)}/2006/{m.group(2)}" if m else uri


def normalize(root: etree._Element, data: bytes) -> etree._Element:
    """Rename Strict namespaces and qualify bare attributes of w: elements (see module doc)."""
    return normalize_tree(root, *needed_fixes(data))


def needed_fixes(data: bytes) -> tuple[bool, bool]:
    """(Strict names to rename, bare attributes to qualify) in the part these bytes hold."""
    probe = _probe(data)
    return b"purl.oclc.org/ooxml" in probe, bool(_DEFAULT_W.search(probe))


def normalize_tree(root: etree._Element, strict: bool, bare: bool) -> etree._Element:
    """normalize() for a part's subtree, once needed_fixes has looked at the part's bytes."""
    if not (strict or bare):
        return root
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        if strict and el.tag.startswith("{http://purl.oclc.org/"):
            el.tag = _rename(el.tag)
        if el.attrib and (strict or el.tag.startswith(f"{{{_TRANSITIONAL_W}}}")):
            _fix_attributes(el, strict)
    return root


def _probe(data: bytes) -> bytes:
    """The bytes to search for namespace declarations (UTF-16 parts decoded first)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="ignore").encode("utf-8")
    return data


def _rename(name: str) -> str:
    uri, _, local = name[1:].partition("}")
    return f"{{{transitional(uri)}}}{local}"


def _fix_attributes(el: etree._Element, strict: bool) -> None:
    in_w = el.tag.startswith(f"{{{_TRANSITIONAL_W}}}")
    changes = []
    for key, value in el.attrib.items():
        if strict and key.startswith("{http://purl.oclc.org/"):
            changes.append((key, _rename(key), value))
        elif in_w and not key.startswith("{"):
            changes.append((key, f"{{{_TRANSITIONAL_W}}}{key}", value))
    for old, new, value in changes:
        del el.attrib[old]
        if new not in el.attrib:
            el.set(new, value)
