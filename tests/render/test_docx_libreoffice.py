"""The sample issue's DOCX converted by LibreOffice: its 目录 numbers must be right and its
documents must start where our PDF starts them.

LibreOffice has none of the office fonts the DOCX names (仿宋_GB2312, 方正小标宋简体…), so
the test gives it our shipped fonts under those names through a private fontconfig file
(FONTCONFIG_FILE: <dir> fonts/, one <match> per family → the shipped family), the same
faces our PDF is set in. Its own user profile lives in a temporary folder.
"""
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont

from testpaths import ROOT, SHARED
from editor.layout.fonts import resolve_fonts
from editor.pipeline import build

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = pytest.mark.skipif(
    SOFFICE is None or not (SHARED / "tools" / "pdfcheck.py").exists(),
    reason="needs LibreOffice (apt-get install libreoffice-writer-nogui) and ../shared/tools/pdfcheck.py")
ISSUE = ROOT / "samples" / "jinan-2020-10" / "issue.json"


def fonts_conf(spec, folder: Path) -> Path:
    """A fontconfig file that serves each office family of the spec with our shipped face."""
    faces, _ = resolve_fonts(spec.fonts)
    dirs = sorted({str(Path(face.path).parent) for face in faces.values()})
    rules = []
    for role, face in faces.items():
        font = TTFont(face.path, fontNumber=face.index, lazy=True)
        family = font["name"].getDebugName(1)
        bold = font["OS/2"].usWeightClass >= 600
        weight = ('<edit name="weight" mode="assign" binding="strong"><const>bold</const></edit>'
                  if bold else "")
        for name in spec.fonts[role].get("families", []):
            rules.append(f'<match target="pattern"><test name="family"><string>{name}</string>'
                         f'</test><edit name="family" mode="assign" binding="strong"><string>'
                         f'{family}</string></edit>{weight}</match>')
    conf = folder / "fonts.conf"
    conf.write_text('<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
                    + "".join(f"<dir>{d}</dir>" for d in dirs)
                    + f"<cachedir>{folder / 'fc-cache'}</cachedir>" + "".join(rules)
                    + '<include ignore_missing="yes">/etc/fonts/conf.d</include></fontconfig>',
                    encoding="utf-8")
    return conf


def libreoffice_pdf(docx: Path, spec, folder: Path) -> Path:
    env = dict(os.environ, FONTCONFIG_FILE=str(fonts_conf(spec, folder)), HOME=str(folder))
    run = subprocess.run([SOFFICE, f"-env:UserInstallation={(folder / 'profile').as_uri()}",
                          "--headless", "--convert-to", "pdf", "--outdir", str(folder), str(docx)],
                         env=env, capture_output=True, text=True, timeout=300)
    pdf = folder / (docx.stem + ".pdf")
    assert run.returncode == 0 and pdf.exists(), run.stderr
    return pdf


@pytest.fixture(scope="module")
def converted(tmp_path_factory):
    folder = tmp_path_factory.mktemp("lo")
    docx = folder / "out.docx"
    result = build(ISSUE, docx=docx)
    from editor.layout.spec import load_spec
    pdf = libreoffice_pdf(docx, load_spec(result.issue.layout), folder)
    check = subprocess.run([sys.executable, str(SHARED / "tools" / "pdfcheck.py"), str(pdf),
                            "--json"], capture_output=True, text=True, timeout=300)
    report = json.loads(check.stdout[:check.stdout.rindex("}") + 1])
    return result, report


def test_libreoffice_toc_numbers_are_the_pages_the_titles_stand_on(converted):
    _, report = converted
    assert report["toc"]["entries"] == 8
    assert report["toc"]["errors"] == []
    assert report["not_a4"] == []


def test_libreoffice_starts_each_document_where_our_pdf_does(converted):
    result, report = converted
    ours = [p + 1 for p in result.layout.doc_pages]
    theirs = report["toc"]["starts"]
    offsets = [t - o for t, o in zip(theirs, ours)]
    print(f"\nour PDF starts {ours}\nLibreOffice    {theirs}\noffsets        {offsets}")
    assert len(theirs) == len(ours)
    assert all(abs(d) <= 1 for d in offsets), offsets
