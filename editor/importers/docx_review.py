"""Review marks in a Word file: tracked changes and comments (修订 and 批注).

The reader imports the text as it reads with every change accepted; this module only tells
the editor what was there. in: the parsed parts (document, notes) for the revisions; the
comments part, the order comments are referenced in and the text each one is anchored to,
for the comments. out: one WARNING "tracked-changes" counting the unaccepted revisions by
sort, and one INFO "comment" per comment with its author, anchor and text. Comments are
never printed.
"""
from __future__ import annotations

from lxml import etree

from ..model import Diagnostic, Severity
from .docx_styles import w

_SORTS = [  # (revision elements, what the editor is told)
    (("ins", "cellIns"), "插入"),
    (("del", "cellDel"), "删除"),
    (("moveFrom",), "移动"),
    (("pPrChange", "rPrChange", "sectPrChange", "tblPrChange", "trPrChange", "tcPrChange",
      "tblGridChange", "numberingChange", "cellMerge"), "格式修改"),
]
_HIDDEN = {w("del"), w("moveFrom")}
_RPR = w("rPr")


class Revisions:
    """Tracked changes counted by sort over the trees added (a part, or a part piece by piece)."""

    def __init__(self):
        self.marks = {sort: [0, 0] for _names, sort in _SORTS}   # sort → [in the text, on paragraph marks]

    def add(self, root: etree._Element) -> None:
        for names, sort in _SORTS:
            for el in root.iter(*(w(name) for name in names)):
                self.marks[sort][el.getparent().tag == _RPR] += 1

    def diagnostic(self) -> Diagnostic | None:
        """A WARNING counting the tracked changes, or None when there are none."""
        # an inserted or deleted paragraph mark goes with the text change beside it
        counts = [f"{sort} {text or text + mark} 处" for sort, (text, mark) in self.marks.items() if text + mark]
        if not counts:
            return None
        return Diagnostic(Severity.WARNING, "tracked-changes",
                          f"文件中有未接受的修订（{'、'.join(counts)}），已按“接受所有修订”后的文字导入，"
                          "请与来文单位核对定稿")


def revision_diagnostic(roots: list[etree._Element]) -> Diagnostic | None:
    """A WARNING counting the tracked changes in `roots`, or None when there are none."""
    found = Revisions()
    for root in roots:
        found.add(root)
    return found.diagnostic()


def comment_diagnostics(comments: etree._Element | None, order: list[str],
                        anchors: dict[str, str]) -> list[Diagnostic]:
    """One INFO per comment: referenced ones in reference order, then any others."""
    if comments is None:
        return []
    by_id = {c.get(w("id")): c for c in comments.iter(w("comment"))}
    ids = [i for i in dict.fromkeys(order) if i in by_id] + [i for i in by_id if i not in order]
    out = []
    for cid in ids:
        comment = by_id[cid]
        author = comment.get(w("author")) or "未署名"
        text = _short(comment_text(comment)) or "（空）"
        where = f"，批在“{_short(anchors[cid], 20)}”处" if anchors.get(cid, "").strip() else ""
        out.append(Diagnostic(Severity.INFO, "comment", f"批注（{author}{where}）：{text}"))
    return out


def comment_text(comment: etree._Element) -> str:
    """The visible text of one w:comment, its paragraphs joined by spaces."""
    paragraphs = []
    for para in comment.iter(w("p")):
        parts = [t.text or "" for t in para.iter(w("t")) if not _hidden(t, para)]
        paragraphs.append("".join(parts))
    return " ".join(p for p in paragraphs if p.strip())


def _hidden(el: etree._Element, stop: etree._Element) -> bool:
    """Is `el` inside deleted or moved-away text (below `stop`)?"""
    parent = el.getparent()
    while parent is not None and parent is not stop:
        if parent.tag in _HIDDEN:
            return True
        parent = parent.getparent()
    return False


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit] + "…"
