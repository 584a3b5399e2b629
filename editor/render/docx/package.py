"""Writing the DOCX zip: the parts python-docx holds, as its own writer lays them out
(docx.opc.pkgwriter.PackageWriter.write: content types, package relationships, each part
and its relationships), with the embedded fonts deflated at the fastest level. They are
most of the file's bytes and gain little at the default level: a tenth of a second per
export for some 3 % of the file's size.
"""
from __future__ import annotations

from zipfile import ZIP_DEFLATED, ZipFile

from docx.opc.packuri import CONTENT_TYPES_URI, PACKAGE_URI
from docx.opc.pkgwriter import _ContentTypesItem   # python-docx 1.2.0 (pinned)

from .embed import OBFUSCATED_FONT

FAST = 1


def write_package(doc, stream) -> None:
    """Save the python-docx Document `doc` as a .docx into the binary `stream`."""
    package = doc.part.package
    parts = list(package.iter_parts())
    for part in parts:
        part.before_marshal()
    with ZipFile(stream, "w", ZIP_DEFLATED) as zipped:
        zipped.writestr(CONTENT_TYPES_URI.membername, _ContentTypesItem.from_parts(parts).blob)
        zipped.writestr(PACKAGE_URI.rels_uri.membername, package.rels.xml)
        for part in parts:
            level = FAST if part.content_type == OBFUSCATED_FONT else None
            zipped.writestr(part.partname.membername, part.blob, compresslevel=level)
            if len(part.rels):
                zipped.writestr(part.partname.rels_uri.membername, part.rels.xml)
