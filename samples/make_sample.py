"""Rebuild the sample issue samples/jinan-2020-10/ from the seed (a real issue as PDF text).

in:  the seed, ../shared/seeds/000_0fbe94d9b63093d3.txt beside the repo (or argv[1]);
     an output folder (default samples/jinan-2020-10, or argv[2]).
out: docs/NN-<title>.docx|.txt|.md — one source per document, shaped as the issuing
     office would send it (Word formatting, a GB18030 plain-text file, a markdown file) —
     and issue.json (metadata, 栏目, order). Same bytes on every run.

The seed's `#` levels are guesses of the PDF extraction and mean nothing; `**bold**`,
`- ` items and `<sub>` do. Page ends split paragraphs into two lines with a blank line
between; they are joined here verbatim.
"""
from __future__ import annotations

import io
import re
import sys
import zipfile
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from editor.issuefile import write_atomic, write_issue  # noqa: E402
from editor.model import DocumentRef, Issue, Run, Section  # noqa: E402

SEED = ROOT.parent / "shared" / "seeds" / "000_0fbe94d9b63093d3.txt"
OUT = ROOT / "samples" / "jinan-2020-10"
FORMATS = {2: ".txt", 4: ".md"}          # document number → format; the rest are .docx
# 每栏行数 of each document as the office printed it (its documents came at different line
# spacings), measured from the seed's column cuts:
#     .venv/bin/python samples/calibrate_columns.py --per-document --cpl 18 --size 12
# measured 37 (the 报告), -, 32, 32, 33, 29, 32, 38. A measure is a lower bound where the
# text has many figures: the print sets every digit in a full cell (Word's character
# grid), we set digits at their own width. Document 5 takes two lines more so that it
# keeps its printed pages (33–38); document 6 two more because its plan opens a new page
# here (GB/T 9704 §8: an 附件 另面编排) where the print runs it on under the notice. The 报告
# and the 通报 with its 名单 (no cut falls inside it) keep the layout's 37.
PRINTED_LINES = {3: 32, 4: 32, 5: 35, 6: 31, 7: 32, 8: 38}
FINAL = "。！？；：）"                      # a line ending in one of these may end a paragraph
# Page ends that fell right after a full stop; the siblings （一）（三）… are run-in.
JOIN_AFTER_STOP = {"（二）扩大社区养老服务设施供给。"}
CN_NUM = "一二三四五六七八九十百"
DATE_RE = re.compile(r"\d{4}年\d{1,2}月\d{1,2}日")
ISSUED_RE = re.compile(r"（\d{4}年\d{1,2}月\d{1,2}日印发）")
REG_RE = re.compile(r"JNCR\s*-\s*\d{4}\s*-\s*\d+")
MARKER_RE = re.compile(rf"(（[{CN_NUM}]+）|（\d+）|\d+[.．](?!\d)|[{CN_NUM}]+、|第[{CN_NUM}]+[章条节]"
                       rf"|附件|注：|——|JNCR|\d{{4}}年\d{{1,2}}月\d{{1,2}}日$|（\d{{4}}年)")
INLINE_RE = re.compile(r"\*\*(.+?)\*\*|<sub>(.+?)</sub>|\[([^\]]*)\]\([^)]*\)|<(https?://[^>]+)>")


@dataclass
class TocEntry:
    """One 目录 entry: its 栏目 and the texts the printed title page shows."""
    section: str
    title: str
    subtitle: str = ""
    author: str = ""
    doc_number: str = ""


@dataclass
class Para:
    """One paragraph of a source: an element kind (for formatting) and styled runs."""
    kind: str
    runs: list[Run] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)


# ---- text helpers -------------------------------------------------------------------

def plain(line: str) -> str:
    """Seed markup line → its text: no `#`, `- `, `**`, `<sub>`, link syntax."""
    line = re.sub(r"^\s*(#+\s*|- )", "", line)
    line = INLINE_RE.sub(lambda m: next(g for g in m.groups() if g is not None), line)
    return line.replace("**", "").strip()   # a bold span may open and close on different lines


def squeeze(text: str) -> str:
    """Text with no whitespace at all (for comparing titles)."""
    return re.sub(r"\s+", "", text)


def tighten(text: str) -> str:
    """PDF-extraction spaces between Chinese and Latin/digits removed: `2019 年度` → `2019年度`."""
    text = re.sub(r"(?<=[^\x00-\x7f])\s+(?=[\x21-\x7e])|(?<=[\x21-\x7e])\s+(?=[^\x00-\x7f])", "", text)
    return re.sub(r"\s+", " ", text).strip()


def parse_runs(text: str, squeeze_all: bool = False) -> list[Run]:
    """Inline seed markup → runs (bold, subscript); links become their text."""
    runs, pos = [], 0
    for m in INLINE_RE.finditer(text):
        if m.start() > pos:
            runs.append(Run(text[pos:m.start()]))
        bold, sub, link, url = m.groups()
        runs.append(Run(bold, bold=True) if bold is not None else
                    Run(sub, script="sub") if sub is not None else Run(link or url or ""))
        pos = m.end()
    runs.append(Run(text[pos:]))
    for r in runs:
        r.text = squeeze(r.text) if squeeze_all else r.text
    runs = [r for r in runs if r.text]
    if runs:
        runs[0].text, runs[-1].text = runs[0].text.lstrip(), runs[-1].text.rstrip()
    return [r for r in runs if r.text]


# ---- reading the seed ---------------------------------------------------------------

def parse_toc(lines: list[str]) -> list[TocEntry]:
    """目录 lines (between `目 录` and the first document) → entries in print order."""
    start = next(i for i, l in enumerate(lines) if re.fullmatch(r"#+\s*目\s*录\s*", l))
    entries, section, held = [], "", []
    for line in lines[start + 1:]:
        text = plain(line)
        if line.startswith("# "):
            break
        if not text:
            continue
        if m := re.fullmatch(r"【(.+)】", text):
            section = m.group(1)
            continue
        if not re.search(r"\.{3,}", text):
            held.append(text)
            continue
        last = re.sub(r"\s*\.{3,}.*$", "", text)
        entry = TocEntry(section, "")
        if last[0] in "(（":
            entry.doc_number = squeeze(last.strip("()（）"))
        else:
            entry.author = last
        entry.subtitle = "".join(tighten(t) for t in held if t.startswith("——"))
        entry.title = tighten("".join(t for t in held if not t.startswith("——")))
        entries.append(entry)
        held = []
    return entries


def find_documents(lines: list[str], toc: list[TocEntry]) -> list[list[str]]:
    """Seed lines → one list of lines per 目录 entry (a registration code goes with the title)."""
    body = lines.index(next(l for l in lines if l.startswith("# ") and plain(l) == toc[0].title))
    end = next(i for i, l in enumerate(lines) if l.startswith("# ") and plain(l).endswith("简介"))
    starts, i = [], body
    for entry in toc:
        i = next(j for j in range(i, end) if _title_at(lines, j, entry.title))
        prev = next((k for k in range(i - 1, body, -1) if lines[k].strip()), None)
        starts.append(prev if prev is not None and REG_RE.fullmatch(plain(lines[prev])) else i)
        i += 1
    return [lines[a:b] for a, b in zip(starts, starts[1:] + [end])]


def _title_at(lines: list[str], i: int, title: str) -> bool:
    """True if the non-blank lines from i spell `title` (whitespace aside)."""
    want, got = squeeze(title), ""
    for line in lines[i:]:
        got += squeeze(plain(line))
        if not want.startswith(got) or not got:
            return False
        if got == want:
            return True
    return False


def parse_issue(lines: list[str]) -> Issue:
    """Cover (before 目录) and back page (from the 简介) → Issue metadata without sections."""
    text = "\n".join(lines)
    number, total = re.search(r"第\s*(\d+)\s*期（总第\s*(\d+)\s*期）", text).groups()
    y, mo, d = re.search(r"(\d{4})\s*年\s*(\d+)\s*月\s*(\d+)\s*日出版", text).groups()
    issue = Issue(name=plain(next(l for l in lines if l.startswith("# "))), year=int(y),
                  number=int(number), total_number=int(total), date=f"{y}-{int(mo):02d}-{int(d):02d}")
    keys = {"主管主办": "sponsor", "编辑出版": "publisher", "印刷单位": "printer",
            "内部刊号": "internal_number", "地址": "address", "邮编": "postcode",
            "联系电话": "phone", "网址": "website", "电子信箱": "email"}
    intro = next(i for i, l in enumerate(lines) if l.startswith("# ") and plain(l).endswith("简介"))
    issue.intro_title = plain(lines[intro])
    for line in lines[intro + 1:]:
        if line.strip() == "---":
            break
        if plain(line):
            issue.intro.append(tighten(plain(line)))
    for line in lines[intro:]:
        if m := re.fullmatch(r"([^：]{2,6})：(.+)", plain(line)):
            if squeeze(m.group(1)) in keys:
                setattr(issue, keys[squeeze(m.group(1))], squeeze(m.group(2)))
    return issue


# ---- one document: header, joined paragraphs, element kinds --------------------------

def build_document(lines: list[str], entry: TocEntry) -> list[Para]:
    """A document's seed lines + its 目录 entry → paragraphs with kinds, in source order."""
    items, blank = [], True
    for line in lines:
        if line.strip():
            items.append((line.strip(), blank))
        blank = not line.strip()
    paras: list[Para] = []
    if REG_RE.fullmatch(plain(items[0][0])):
        paras.append(Para("registration", [Run(plain(items.pop(0)[0]))]))
    _take(items, entry.title, "title")
    paras.append(Para("title", [Run(entry.title)]))
    for kind in ("subtitle", "author", "doc_number"):
        if want := getattr(entry, kind):
            paras.append(Para(kind, [Run(_take(items, want, kind))]))
    if items and len(plain(items[0][0])) < 40 and plain(items[0][0]).endswith("："):
        paras.append(Para("recipients", parse_runs(items.pop(0)[0])))
    return paras + classify(join_fragments(items))


def _take(items: list, want: str, what: str) -> str:
    """Pop the lines that spell `want` (whitespace aside) and return them joined."""
    got = ""
    while squeeze(plain(got)) != squeeze(want):
        if not items or not squeeze(want).startswith(squeeze(plain(got + items[0][0]))):
            raise ValueError(f"种子文件中找不到{what}：{want}")
        got += items.pop(0)[0].rstrip()
    return plain(got)


def join_fragments(items: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    """(line, blank before) → (paragraph, was a `#` line): page-split paragraphs joined verbatim."""
    out: list[list] = []
    for n, (line, blank) in enumerate(items):
        nxt = plain(items[n + 1][0]) if n + 1 < len(items) else ""
        if out and blank and _continues(out[-1], line, nxt):
            out[-1][0] += line
        else:
            out.append([line, line.startswith("#")])
    return [(line, hashed) for line, hashed in out]


def _continues(prev: list, line: str, after: str) -> bool:
    """True if `line` continues the paragraph `prev` across a page end."""
    a, b = plain(prev[0]), plain(line)
    if prev[1] or line.startswith("#") or MARKER_RE.match(b) or DATE_RE.fullmatch(after):
        return False   # headings, numbered starts, 落款 lines begin paragraphs of their own
    return a in JOIN_AFTER_STOP or (a[-1] not in FINAL and not DATE_RE.fullmatch(a))


def classify(paras: list[tuple[str, bool]]) -> list[Para]:
    """Joined body paragraphs → element kinds by 公文 conventions (for formatting only)."""
    out: list[Para] = []
    after_end = False   # past a date or 附件 label: the next `#` line is an annex title
    for raw, hashed in paras:
        text = plain(raw)
        short = len(text) < 40 and "。" not in text[:-1]
        if DATE_RE.fullmatch(text):
            kind, after_end = "date", True
        elif ISSUED_RE.fullmatch(text):
            kind = "issued"
        elif text.startswith("注："):
            kind = "note"
        elif re.fullmatch(r"附件\d*", text):
            kind, after_end = "annex_label", True
        elif text.startswith("附件："):
            kind = "attachment"
        elif out and out[-1].kind in ("attachment", "attachment_more") and re.match(r"\d+[.．]", text):
            kind = "attachment_more"
        elif re.match(rf"第[{CN_NUM}]+章", text):
            kind = "chapter"
        elif hashed and after_end and not MARKER_RE.match(text):
            kind, after_end = "annex_title", False
        elif raw.startswith("- "):
            kind = "item"
        elif re.match(rf"[{CN_NUM}]+、", text) and short:
            kind = "heading1"
        elif re.match(rf"（[{CN_NUM}]+）", text) and short and (text[-1] == "。" or hashed):
            kind = "heading2"
        elif re.match(r"\d+[.．]\s", text) and short and text[-1] != "。":
            kind = "item"
        else:
            kind = "body"
        body = re.sub(r"^\s*(#+\s*|- )", "", raw)
        heading = kind in ("heading1", "heading2", "annex_title")
        out.append(Para(kind, parse_runs(body, squeeze_all=heading)))
    mark_signatures(out)
    return out


def mark_signatures(paras: list[Para]) -> None:
    """Short organ-name lines right before a date become 落款 lines."""
    for n, para in enumerate(paras):
        k = n - 1
        while para.kind == "date" and k >= 0 and paras[k].kind == "body" \
                and len(paras[k].text) <= 20 and not re.search(r"[，。；：、（]", paras[k].text):
            paras[k].kind = "signature"
            k -= 1


# ---- writing the sources ------------------------------------------------------------

FANGSONG, KAITI, HEITI, XBS = "仿宋_GB2312", "楷体_GB2312", "黑体", "方正小标宋简体"
# kind → (East Asian font, size pt, alignment, first-line indent pt, right indent pt),
# the way a Word user in an office formats a 公文 by hand (GB/T 9704: 3号 = 16 pt).
LOOK = {
    "registration": (FANGSONG, 16, "left", 0, 0), "title": (XBS, 22, "center", 0, 0),
    "subtitle": (KAITI, 16, "center", 0, 0), "author": (KAITI, 16, "center", 0, 0),
    "doc_number": (FANGSONG, 16, "center", 0, 0), "recipients": (FANGSONG, 16, "left", 0, 0),
    "body": (FANGSONG, 16, "justify", 32, 0), "item": (FANGSONG, 16, "justify", 32, 0),
    "heading1": (HEITI, 16, "justify", 32, 0), "heading2": (KAITI, 16, "justify", 32, 0),
    "chapter": (HEITI, 16, "center", 0, 0), "attachment": (FANGSONG, 16, "left", 32, 0),
    "attachment_more": (FANGSONG, 16, "left", 80, 0), "signature": (FANGSONG, 16, "right", 0, 32),
    "date": (FANGSONG, 16, "right", 0, 32), "annex_label": (HEITI, 16, "left", 0, 0),
    "annex_title": (XBS, 22, "center", 0, 0), "issued": (FANGSONG, 16, "left", 32, 0),
    "note": (FANGSONG, 16, "left", 32, 0),
}
TITLE_LOOK = {8: ("宋体", True)}      # the department office sets its title in bold 宋体
FLUSH = {"registration", "title", "subtitle", "author", "doc_number", "recipients",
         "annex_label", "annex_title", "chapter"}   # plain text: lines with no 　　 indent


def gap_before(paras: list[Para], n: int) -> bool:
    """True where an office leaves an empty line: before 主送, 落款, 附件 and an annex."""
    kind, prev = paras[n].kind, paras[n - 1].kind if n else ""
    return kind in ("recipients", "annex_label", "attachment") or \
        (kind == "signature" and prev != "signature") or (kind == "annex_title" and prev != "annex_label")


def write_docx(paras: list[Para], path: Path, number: int, when: datetime) -> None:
    """Paragraphs → a Word file formatted by hand (direct formatting, no heading styles)."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm, Pt
    doc = docx.Document()
    _set_up_page(doc, Mm, Pt)
    for n, p in enumerate(paras):
        if gap_before(paras, n):
            doc.add_paragraph()
        font, size, align, first, right = LOOK[p.kind]
        bold = False
        if p.kind == "title":
            font, bold = TITLE_LOOK.get(number, (font, False))
        par = doc.add_paragraph()
        par.paragraph_format.alignment = getattr(WD_ALIGN_PARAGRAPH, align.upper())
        if first:
            par.paragraph_format.first_line_indent = Pt(first)
        if right:
            par.paragraph_format.right_indent = Pt(right)
        for r in p.runs:
            run = par.add_run(r.text)
            _set_font(run.font, font, Pt(size))
            run.bold = True if (r.bold or bold) else None
            if r.script == "sub":
                run.font.subscript = True
    office = next((p.text for p in paras if p.kind == "signature"), "济南市人民政府")
    props = doc.core_properties
    props.author = props.last_modified_by = office
    props.title, props.comments, props.revision = paras_title(paras), "", 1
    props.created = props.modified = when
    buf = io.BytesIO()
    doc.save(buf)
    write_atomic(path, freeze_zip(buf.getvalue(), when))


def _set_up_page(doc, Mm, Pt) -> None:
    """A4 with GB/T 9704 margins; Normal = 3号仿宋, exact 28 pt lines, Chinese language."""
    from docx.oxml.ns import qn
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Mm(210), Mm(297)
    sec.top_margin, sec.bottom_margin, sec.left_margin, sec.right_margin = Mm(37), Mm(35), Mm(28), Mm(26)
    normal = doc.styles["Normal"]
    _set_font(normal.font, FANGSONG, Pt(16))
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing = Pt(28)
    path = "/".join(qn(t) for t in ("w:docDefaults", "w:rPrDefault", "w:rPr", "w:lang"))
    lang = doc.styles.element.find(path)
    if lang is not None:
        lang.set(qn("w:eastAsia"), "zh-CN")


def _set_font(font, east_asian: str, size) -> None:
    """Latin in Times New Roman, Chinese in `east_asian` (python-docx sets no w:eastAsia)."""
    from docx.oxml.ns import qn
    font.name, font.size = "Times New Roman", size
    font.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), east_asian)


def freeze_zip(data: bytes, when: datetime) -> bytes:
    """A zip rewritten with one fixed timestamp for every member, so runs give equal bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            member = zipfile.ZipInfo(info.filename, date_time=when.timetuple()[:6])
            member.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(member, src.read(info.filename))
    return out.getvalue()


def paras_title(paras: list[Para]) -> str:
    return next(p.text for p in paras if p.kind == "title")


def write_txt(paras: list[Para], path: Path) -> None:
    """Paragraphs → plain text as an office types it: GB18030, CRLF, 　　 indents, 落款 pushed right."""
    lines = []
    for n, p in enumerate(paras):
        if gap_before(paras, n):
            lines.append("")
        if p.kind in ("signature", "date"):
            width = sum(0.5 if ord(c) < 128 else 1 for c in p.text)
            lines.append("　" * round(22 - width) + p.text)
        else:
            lines.append(("" if p.kind in FLUSH else "　　") + p.text)
    write_atomic(path, ("\r\n".join(lines) + "\r\n").encode("gb18030"))


def write_md(paras: list[Para], path: Path) -> None:
    """Paragraphs → markdown-like UTF-8 text: `#` headings, `**bold**`, `- ` items, `<sub>`."""
    prefix = {"title": "# ", "annex_title": "# ", "heading1": "## ", "chapter": "## ",
              "heading2": "### ", "item": "- "}
    blocks = []
    for p in paras:
        text = "".join(f"**{r.text}**" if r.bold else f"<sub>{r.text}</sub>" if r.script == "sub"
                       else r.text for r in p.runs)
        blocks.append(prefix.get(p.kind, "") + text)
    write_atomic(path, ("\n\n".join(blocks) + "\n").encode("utf-8"))


def file_stem(title: str) -> str:
    """A file name an office would use: the title from 关于 on, no spaces."""
    return squeeze(title[title.find("关于"):] if "关于" in title else title).replace("/", "／")


def document_date(paras: list[Para]) -> datetime:
    """The 成文日期 (or the speech date) as a fixed timestamp for the file's properties."""
    texts = [p.text for p in paras if p.kind == "date"] + [p.text for p in paras]
    y, m, d = map(int, re.search(r"(\d{4})年(\d{1,2})月(\d{1,2})日", "\n".join(texts)).groups())
    return datetime(y, m, d, 1, 30, tzinfo=timezone.utc)


def build_sample(seed: Path = SEED, out: Path = OUT) -> Issue:
    """The seed → out/docs/NN-….{docx,txt,md} and out/issue.json; returns the issue written."""
    lines = Path(seed).read_text(encoding="utf-8").split("\n")
    toc, issue = parse_toc(lines), parse_issue(lines)
    docs_dir = Path(out) / "docs"
    docs_dir.mkdir(parents=True, exist_ok=True)
    written = set()
    for n, (entry, doc_lines) in enumerate(zip(toc, find_documents(lines, toc)), 1):
        paras = build_document(doc_lines, entry)
        name = f"{n:02d}-{file_stem(entry.title)}{FORMATS.get(n, '.docx')}"
        path = docs_dir / name
        if path.suffix == ".txt":
            write_txt(paras, path)
        elif path.suffix == ".md":
            write_md(paras, path)
        else:
            write_docx(paras, path, n, document_date(paras))
        written.add(name)
        if not issue.sections or issue.sections[-1].name != entry.section:
            issue.sections.append(Section(entry.section))
        issue.sections[-1].documents.append(DocumentRef(source=f"docs/{name}",
                                                        lines_per_column=PRINTED_LINES.get(n, 0)))
    for old in docs_dir.glob("[0-9][0-9]-*"):
        if old.name not in written:   # a source renamed since the last run
            old.unlink()
    write_issue(issue, Path(out) / "issue.json")
    return issue


def main(argv: list[str]) -> int:
    seed = Path(argv[1]) if len(argv) > 1 else SEED
    out = Path(argv[2]) if len(argv) > 2 else OUT
    if not seed.is_file():
        print(f"找不到种子文件：{seed}", file=sys.stderr)
        return 1
    issue = build_sample(seed, out)
    count = sum(len(s.documents) for s in issue.sections)
    print(f"已生成 {out}：{len(issue.sections)} 个栏目，{count} 篇文件，issue.json")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
