"""What makes the print PDF a PDF/X-4 file for the print shop's prepress, on a reportlab canvas.

in: a Canvas (PDF 1.6), the document info, the build time; out: the same canvas with
GTS_PDFXVersion and Trapped in its info, XMP metadata saying the same, and an OutputIntent
(GTS_PDFX) embedding the FOGRA39 CMYK profile (icc/README.md: its source and zlib licence).
Also here: the build time every PDF carries (SOURCE_DATE_EPOCH when set, for reproducible
builds), pictures converted to CMYK through that profile, and which pages go to a separate
cover file.
"""
from __future__ import annotations

import hashlib
import io
import os
from datetime import datetime, timezone
from functools import lru_cache
from importlib.resources import files

from reportlab.pdfbase.pdfdoc import (PDFArray, PDFCatalog, PDFDictionary, PDFInfo, PDFName, PDFStream,
                                      PDFString, PDFZCompress, XMP)

PDFX_VERSION = "PDF/X-4"
PDF_VERSION = (1, 6)                 # PDF/X-4 is based on PDF 1.6
PROFILE = "FOGRA39L-coated.icc"
CONDITION = "FOGRA39"                # in the ICC characterisation registry
CONDITION_TEXT = "Offset printing, ISO 12647-2:2004/Amd 1, coated paper (paper type 1 or 2), 115 g/m2"
COVER_KINDS = ("cover", "back")      # printed on the cover stock


def build_time() -> datetime:
    """Now, or SOURCE_DATE_EPOCH when set (a reproducible build dates itself the same)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), tz=timezone.utc)
    return datetime.now().astimezone()


def pdf_date(when: datetime) -> str:
    """D:YYYYMMDDHHmmSS+HH'mm' (PDF 1.6 §3.8.3)."""
    offset = when.utcoffset()
    minutes = int(offset.total_seconds() // 60) if offset else 0
    sign = "+" if minutes >= 0 else "-"
    return when.strftime("D:%Y%m%d%H%M%S") + f"{sign}{abs(minutes) // 60:02d}'{abs(minutes) % 60:02d}'"


def date_info(canvas, when: datetime) -> None:
    """The document info's CreationDate and ModDate are `when` (reportlab's invariant mode,
    kept for byte-stable output otherwise, would write 2000-01-01)."""
    stamp = pdf_date(when)
    canvas._doc.setDateFormatter(lambda *_: stamp)


@lru_cache(maxsize=1)
def profile_bytes() -> bytes:
    return files(__package__).joinpath("icc", PROFILE).read_bytes()


class _PdfxInfo(PDFInfo):
    """The info dictionary with the PDF/X version key."""

    def format(self, document):
        D = {"Title": PDFString(self.title), "Author": PDFString(self.author),
             "Subject": PDFString(self.subject), "Keywords": PDFString(self.keywords),
             "Creator": PDFString(self.creator), "Producer": PDFString(self.producer),
             "CreationDate": PDFString(self.stamp), "ModDate": PDFString(self.stamp),
             "Trapped": PDFName(self.trapped), "GTS_PDFXVersion": PDFString(PDFX_VERSION)}
        return PDFDictionary(D).format(document)


def _xmp(info: PDFInfo, when: datetime, document_id: str) -> str:
    from xml.sax.saxutils import escape     # 40 ms to import (urllib, http): the print PDF only
    stamp = when.isoformat(timespec="seconds")
    return f"""<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about=""
 xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:xmp="http://ns.adobe.com/xap/1.0/"
 xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
 xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/"
 xmlns:pdfxid="http://www.npes.org/pdfx/ns/id/">
<dc:format>application/pdf</dc:format>
<dc:title><rdf:Alt><rdf:li xml:lang="x-default">{escape(info.title)}</rdf:li></rdf:Alt></dc:title>
<dc:creator><rdf:Seq><rdf:li>{escape(info.author)}</rdf:li></rdf:Seq></dc:creator>
<dc:description><rdf:Alt><rdf:li xml:lang="x-default">{escape(info.subject)}</rdf:li></rdf:Alt></dc:description>
<xmp:CreateDate>{stamp}</xmp:CreateDate>
<xmp:ModifyDate>{stamp}</xmp:ModifyDate>
<xmp:MetadataDate>{stamp}</xmp:MetadataDate>
<xmp:CreatorTool>{escape(info.creator)}</xmp:CreatorTool>
<pdf:Producer>{escape(info.producer)}</pdf:Producer>
<pdf:Trapped>{info.trapped}</pdf:Trapped>
<xmpMM:DocumentID>uuid:{document_id}</xmpMM:DocumentID>
<xmpMM:InstanceID>uuid:{document_id}</xmpMM:InstanceID>
<xmpMM:VersionID>1</xmpMM:VersionID>
<xmpMM:RenditionClass>default</xmpMM:RenditionClass>
<pdfxid:GTS_PDFXVersion>{PDFX_VERSION}</pdfxid:GTS_PDFXVersion>
</rdf:Description>
</rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>"""


def _uuid(*parts: str) -> str:
    h = hashlib.sha1("\n".join(parts).encode("utf-8")).hexdigest()
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:32]}"


def make_pdfx(canvas, when: datetime, name: str) -> None:
    """Turn a canvas's document into PDF/X-4 (call after its title, author… are set).
    `name` tells this file from another of the same build (the cover file)."""
    doc = canvas._doc
    info = _PdfxInfo()
    info.__dict__.update(doc.info.__dict__)
    info.stamp, info.trapped = pdf_date(when), "False"
    doc.info = info
    catalog = doc.Catalog
    catalog.__NoDefault__ = PDFCatalog.__NoDefault__ + ["OutputIntents"]   # reportlab's list lacks it
    profile = PDFStream(PDFDictionary({"N": 4}), profile_bytes(), filters=[PDFZCompress])
    catalog.OutputIntents = PDFArray([PDFDictionary({
        "Type": PDFName("OutputIntent"), "S": PDFName("GTS_PDFX"),
        "OutputConditionIdentifier": PDFString(CONDITION), "OutputCondition": PDFString(CONDITION_TEXT),
        "RegistryName": PDFString("http://www.color.org"), "Info": PDFString("Coated FOGRA39"),
        "DestOutputProfile": doc.Reference(profile)})])
    document_id = _uuid(info.title, info.subject, info.stamp, name)
    catalog.Metadata = XMP(creator=lambda _doc: _xmp(info, when, document_id).encode("utf-8"))


@lru_cache(maxsize=1)
def _rgb_to_press():
    from PIL import ImageCms
    press = ImageCms.ImageCmsProfile(io.BytesIO(profile_bytes()))
    return ImageCms.buildTransform(ImageCms.createProfile("sRGB"), press, "RGB", "CMYK",
                                   renderingIntent=ImageCms.Intent.PERCEPTUAL)


def cmyk_image(data: bytes):
    """A picture as the press prints it: a CMYK PIL image (RGB through the FOGRA39 profile,
    transparency over white paper); None when Pillow cannot read it."""
    from PIL import Image, ImageCms
    try:
        im = Image.open(io.BytesIO(data))
        im.load()
    except Exception:   # noqa: BLE001 — the caller draws the picture's frame instead
        return None
    if im.mode == "CMYK":
        return im
    if im.mode in ("RGBA", "LA", "PA") or (im.mode == "P" and "transparency" in im.info):
        im = im.convert("RGBA")
        paper = Image.new("RGB", im.size, (255, 255, 255))
        paper.paste(im, mask=im.getchannel("A"))
        im = paper
    return ImageCms.applyTransform(im.convert("RGB"), _rgb_to_press())


def cover_pages(pages) -> tuple[list[int], list[int]]:
    """in: the layout's pages; out: (the cover file's page indices — cover and back cover —,
    the inside pages' indices)."""
    cover = [p.index for p in pages if p.kind in COVER_KINDS]
    return cover, [p.index for p in pages if p.kind not in COVER_KINDS]
