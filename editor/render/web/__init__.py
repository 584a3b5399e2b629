"""The web edition: an issue as a static folder for the website's gazette column.

in: the Issue, its LayoutResult, the layout spec, a folder; out: in that folder index.html
(the 目录), one page per document, gazette.css, gazette.js, images/ — and beside them the
issue's screen PDF, which the pipeline draws in the same pass as the other PDFs into the
folder staged_folder() hands out. File names come from the year, issue and document number
only (names.py), so published links keep working. The folder appears (or replaces an
earlier web edition) only when complete.
"""
from __future__ import annotations

import os
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path

from ...layout.pages import LayoutResult
from ...layout.spec import LayoutSpec
from ...layout.titlebreak import organ_names
from ...model import Issue
from . import names
from .article import article_html
from .pages import document_html, index_html, print_pages, script, stylesheet

GENERATOR = '<meta name="generator" content="gazette-editor">'
WEB_FORMATS = {b"\x89PNG": ".png", b"\xff\xd8\xff": ".jpg", b"GIF8": ".gif"}


class WebFolderError(Exception):
    """The web edition cannot go where asked; str() is a Chinese line naming the folder."""


def _ours(folder: Path) -> bool:
    """An empty folder, or one an earlier build of the web edition made."""
    if not any(folder.iterdir()):
        return True
    index = folder / names.INDEX
    try:
        return index.is_file() and GENERATOR in index.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False


def check_folder(target: str | os.PathLike) -> None:
    """Raise WebFolderError unless the web edition may be written to `target`: a new folder
    in an existing one, an empty folder, or an earlier web edition (never anything else)."""
    target = Path(target)
    if target.exists() and not target.is_dir():
        raise WebFolderError(f"{target}：已有同名文件，网页版需要一个文件夹")
    if target.is_dir() and not _ours(target):
        raise WebFolderError(f"{target}：文件夹里已有其他文件，网页版只写入空文件夹或本程序生成的网页版文件夹")
    if not target.resolve().parent.is_dir():
        raise WebFolderError(f"输出目录不存在：{target.parent}")


@contextmanager
def staged_folder(target: str | os.PathLike):
    """Yield an empty folder beside `target`; when the block ends without an error it takes
    target's place (an earlier web edition there is replaced whole), else it is removed."""
    target = Path(target)
    check_folder(target)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent))
    try:
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(staging, 0o777 & ~umask)     # mkdtemp makes 0700; a web folder is readable
        yield staging
        old = None
        if target.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".old", dir=target.parent))
            os.replace(target, old / "web")
        os.replace(staging, target)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def web_pdf(folder: str | os.PathLike, issue: Issue) -> Path:
    """Where the issue's screen PDF goes inside the (staged) web folder."""
    return Path(folder) / names.pdf_name(issue)


def _image_saver(folder: Path, issue: Issue, number: int, written: list[Path]):
    def save(data: bytes, picture: int) -> str | None:
        suffix = next((s for magic, s in WEB_FORMATS.items() if data.startswith(magic)), None)
        if suffix is None:            # BMP, TIFF…: as PNG, if Pillow reads it
            try:
                import io
                from PIL import Image
                with Image.open(io.BytesIO(data)) as im:
                    out = io.BytesIO()
                    im.save(out, "PNG")
                data, suffix = out.getvalue(), ".png"
            except Exception:         # noqa: BLE001 — a picture no browser could show is left out
                return None
        name = names.image_name(issue, number, picture, suffix)
        path = folder / name
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(data)
        written.append(path)
        return name
    return save


def render_web(issue: Issue, result: LayoutResult, spec: LayoutSpec, folder: str | os.PathLike,
               progress=None, cancel=None) -> list[Path]:
    """Write the pages, stylesheet, script and images into `folder` (the PDF, if already there,
    is linked with its size); out: the files written."""
    folder = Path(folder)
    docs = issue.documents()
    section_of = [s.name for s in issue.sections for ref in s.documents if ref.document]
    pages = print_pages(result, len(docs))
    written: list[Path] = []
    words = organ_names(issue)

    def write(name: str, text: str) -> None:
        path = folder / name
        path.write_text(text, encoding="utf-8")
        written.append(path)

    write(names.STYLESHEET, stylesheet(spec))
    write(names.SCRIPT, script())
    for k, doc in enumerate(docs):
        if cancel is not None and cancel.is_set():
            raise InterruptedError
        article = article_html(doc, _image_saver(folder, issue, k + 1, written), words)
        write(names.document_page(issue, k + 1),
              document_html(issue, docs, k, article, pages[k], section_of[k]))
        if progress:
            progress("输出网页", k + 1, len(docs), doc.title)
    pdf = web_pdf(folder, issue)
    size = pdf.stat().st_size if pdf.is_file() else None
    write(names.INDEX, index_html(issue, pages, size, len(result.pages), words))
    return written
