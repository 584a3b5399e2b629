"""Reading the web edition's HTML back as a browser's parser does (stdlib html.parser): a small
element tree to find elements by tag or class and take their text, so tests check what the
pages say, never how the bytes look."""
from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


@dataclass
class Element:
    tag: str
    attrs: dict = field(default_factory=dict)
    children: list = field(default_factory=list)    # Element or str
    parent: "Element | None" = None

    def iter(self):
        yield self
        for c in self.children:
            if isinstance(c, Element):
                yield from c.iter()

    def find_all(self, tag: str | None = None, cls: str | None = None) -> list["Element"]:
        return [e for e in self.iter() if (tag is None or e.tag == tag)
                and (cls is None or cls in e.attrs.get("class", "").split())]

    def find(self, tag: str | None = None, cls: str | None = None) -> "Element":
        found = self.find_all(tag, cls)
        assert found, f"no <{tag} class={cls}>"
        return found[0]

    @property
    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text for c in self.children)


class _TreeBuilder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Element("#document")
        self.current = self.root
        self.doctype = ""

    def handle_decl(self, decl):
        self.doctype = decl

    def handle_starttag(self, tag, attrs):
        el = Element(tag, dict(attrs), parent=self.current)
        self.current.children.append(el)
        if tag not in VOID:
            self.current = el

    def handle_startendtag(self, tag, attrs):
        self.current.children.append(Element(tag, dict(attrs), parent=self.current))

    def handle_endtag(self, tag):
        el = self.current
        while el is not None and el.tag != tag:
            el = el.parent
        assert el is not None, f"</{tag}> closes nothing"
        self.current = el.parent

    def handle_data(self, data):
        self.current.children.append(data)


def read_html(path: str | Path) -> Element:
    """in: an HTML file; out: its tree (the root's first element child is <html>)."""
    builder = _TreeBuilder()
    builder.feed(Path(path).read_text(encoding="utf-8"))
    builder.close()
    assert builder.current is builder.root, f"{path}: unclosed <{builder.current.tag}>"
    builder.root.attrs["doctype"] = builder.doctype
    return builder.root


def headings(tree: Element) -> list[tuple[int, str]]:
    """(level, text) of every h1–h6, in document order."""
    return [(int(e.tag[1]), e.text) for e in tree.iter() if len(e.tag) == 2 and e.tag[0] == "h"
            and e.tag[1] in "123456"]
