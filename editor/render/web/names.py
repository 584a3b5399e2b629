"""File names of the web edition, made from the year, the issue number and the document's
place in the issue only — never from titles or build times — so a link published once
(2020-10-03.html) points at the same document after every rebuild of that issue.

in: an Issue (and a document's 1-based number); out: names relative to the folder.
"""
from __future__ import annotations

from ...model import Issue

INDEX = "index.html"
STYLESHEET = "gazette.css"
SCRIPT = "gazette.js"
IMAGES = "images"


def issue_stem(issue: Issue) -> str:
    return f"{issue.year:04d}-{issue.number:02d}"


def pdf_name(issue: Issue) -> str:
    """The whole issue's screen PDF."""
    return f"{issue_stem(issue)}.pdf"


def document_page(issue: Issue, number: int) -> str:
    return f"{issue_stem(issue)}-{number:02d}.html"


def image_name(issue: Issue, number: int, picture: int, suffix: str) -> str:
    return f"{IMAGES}/{issue_stem(issue)}-{number:02d}-{picture}{suffix}"
