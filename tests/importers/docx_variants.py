"""One .docx package written the ways other producers write it (for importer tests).

in: the parts of a package by name (as make_fixtures.docx_parts returns them); out: new parts
— the same document as Strict Open XML, with the main part under another name, with every
XML part starting with a UTF-8 byte-order mark, or with other namespace prefixes. Word shows
each variant exactly as it shows the original.
"""
from __future__ import annotations

import re

TRANSITIONAL_TO_STRICT = {   # ECMA-376 Part 1, the Strict namespaces (written out, not derived)
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main": "http://purl.oclc.org/ooxml/wordprocessingml/main",
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships":
        "http://purl.oclc.org/ooxml/officeDocument/relationships",
    "http://schemas.openxmlformats.org/drawingml/2006/main": "http://purl.oclc.org/ooxml/drawingml/main",
    "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing":
        "http://purl.oclc.org/ooxml/drawingml/wordprocessingDrawing",
    "http://schemas.openxmlformats.org/drawingml/2006/picture": "http://purl.oclc.org/ooxml/drawingml/picture",
    "http://schemas.openxmlformats.org/officeDocument/2006/math": "http://purl.oclc.org/ooxml/officeDocument/math",
}
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _xml_parts(parts: dict) -> dict:
    return {name: data for name, data in parts.items() if isinstance(data, str)}


def strict(parts: dict) -> dict:
    """Strict Open XML: every transitional namespace and relationship type renamed, and the
    document marked w:conformance="strict" (python-docx refuses such files)."""
    out = dict(parts)
    for name, text in _xml_parts(parts).items():
        for old, new in TRANSITIONAL_TO_STRICT.items():
            text = text.replace(old, new)   # relationship types share the namespace's stem
        out[name] = text
    out["word/document.xml"] = out["word/document.xml"].replace("<w:document ", '<w:document w:conformance="strict" ', 1)
    return out


def renamed_main(parts: dict, folder: str = "gazette", name: str = "body.xml") -> dict:
    """The main part moved to `folder/name` (only the package relationship says where), its
    own relationships beside it pointing back at the parts left under word/."""
    out = {k: v for k, v in parts.items() if k not in ("word/document.xml", "word/_rels/document.xml.rels")}
    out[f"{folder}/{name}"] = parts["word/document.xml"]
    out[f"{folder}/_rels/{name}.rels"] = re.sub(r'Target="(?!\.\./|/)([^"]+)"', r'Target="../word/\1"',
                                                parts["word/_rels/document.xml.rels"])
    out["_rels/.rels"] = parts["_rels/.rels"].replace('Target="word/document.xml"', f'Target="/{folder}/{name}"')
    out["[Content_Types].xml"] = parts["[Content_Types].xml"].replace("/word/document.xml", f"/{folder}/{name}")
    return out


def with_bom(parts: dict) -> dict:
    """Every XML part (relationships and content types too) starting with a UTF-8 BOM."""
    return {name: (b"\xef\xbb\xbf" + data.encode("utf-8")) if isinstance(data, str) else data
            for name, data in parts.items()}


def reprefixed(parts: dict, prefix: str = "ns0") -> dict:
    """word/document.xml written with `prefix:` instead of `w:` (as XML libraries write it), and
    the other w: parts with WordprocessingML as the default namespace (<styles xmlns=…>)."""
    out = dict(parts)
    for name, text in _xml_parts(parts).items():
        if not name.startswith("word/") or name.endswith(".rels"):
            continue
        if name == "word/document.xml":
            text = text.replace("xmlns:w=", f"xmlns:{prefix}=")
            text = re.sub(r"(?<=[<\s/])w:(?=[A-Za-z])", f"{prefix}:", text)
        else:
            text = re.sub(r"<(/?)w:", r"<\1", text)
            text = re.sub(r"(<[A-Za-z]+ )", rf'\1xmlns="{W}" ', text, count=1)
        out[name] = text
    return out
