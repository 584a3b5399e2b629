"""Titles broken between words, in balanced lines (GB/T 9704-2012 §7.3.3: 标题回行时，
要做到词意完整，排列对称，长短适宜).

in: a title, subtitle or 目录 entry, the width it may take, a function giving one
character's advance, and extra dictionary words (the issue's organ names, organ_names());
out: its lines, breaks only between words.
How: jieba, with part-of-speech tags, cuts the text into words; numbers, dates, year
ranges, short quotations and the organ names are welded whole, and punctuation stays with
its word (避头尾). Each gap between words gets a cost: none between joint issuers and
before 关于, little after 印发 and before the closing 的通知, more inside a noun phrase,
infinite inside a word. A small dynamic programme then picks the breaks that minimise
the gaps' costs plus the raggedness (each line's squared distance, in em, from the mean
line width), with the fewest lines that fit, or one more line when that is much better.
jieba is imported on first use and reads only the dictionary words each title contains
(worddict.py: a few milliseconds, where loading the whole dictionary cost two seconds per
process); every title's cut is kept in the cache folder (titlewords-v1.json), so a rebuild
of titles seen before never imports jieba.
"""
from __future__ import annotations

import json
import os
import re
import threading
from typing import Callable, Iterable

from ..model import BlockKind, Issue

INF = float("inf")
LINE_COST = 40.0       # one more line than needed costs as much as a poor break
OVERFLOW = 1000.0      # a welded unit wider than the line: set alone, the setter wraps it
RAGGEDNESS = 0.5       # per em² of a line's distance from the mean width
SHORT_LINE = 40.0      # a line less than half the mean (a lone 的意见) looks dropped
SPACES = " \u3000"

# 避头尾: no line starts with a closing mark nor ends with an opening one.
OPENING = set("（([〔【《〈“‘「『")
CLOSING = set("）)]〕】》〉”’」』，。、；：？！,.;:?!%％·")

# Never broken inside: a year range, a date, a 文号's 〔year〕number, a number with its unit,
# short quotations and asides, the two-em dash and ellipsis.
WELDED = re.compile(
    r"[（(]\d{4}\s*[—–－~～-]\s*\d{4}年?[）)]"
    r"|\d{4}年(?:\d{1,2}月(?:\d{1,2}日)?)?|\d{1,2}月\d{1,2}日"
    r"|〔\d{4}〕\d+号"
    r"|\d+(?:[.．]\d+)?(?:年度|[年月日号期届次个项条%％])?"
    r"|“[^”]{1,8}”|《[^》]{1,14}》|（[^）]{1,8}）"
    r"|——|……")
# The 文种 closing a title: a break before 的通知 / 的实施意见 … is a good one.
GENRE_TAIL = re.compile(r"的(?:[\u4e00-\u9fff]{0,4}(?:意见|通知|通报|决定|批复|报告|请示|办法|"
                        r"规定|细则|方案|计划|规划|函|命令|公告|通告|决议|纪要|条例|规则))[”》」）]*")
ISSUING_VERBS = ("印发", "转发", "批转", "颁布", "公布")
# jieba's part-of-speech tags, grouped by how a break next to them reads.
PHRASE_OPENERS = {"v", "vd", "vg", "d", "ad", "p", "c"}   # verb, adverb, preposition, conjunction
VERBS = {"v", "vd", "vg"}
CLINGING = {"f", "uj", "ul", "uz", "ud", "ug", "uv", "y", "k", "e"}   # 上, 的, 了, 等 …: stay put
NOMINAL = {"n", "ng", "nr", "ns", "nt", "nz", "vn", "an", "j", "l", "b", "a", "m", "mq", "q",
           "t", "s"}
NOUNS = {"n", "ng", "nr", "ns", "nt", "nz", "vn", "an", "j", "l"}
NUMERALS = {"m", "mq", "q"}
MODIFIERS = {"a", "b", "m", "q", "h"}     # a one-character modifier (新, 老) holds on to its noun

_lock = threading.Lock()


def _pos_tagger(text: str, words: tuple[str, ...]):
    """jieba's part-of-speech tokenizer for this text, the organ names it contains added as
    proper nouns (worddict: only the dictionary words in the text are read)."""
    from .worddict import pos_tokenizer
    return pos_tokenizer(text, words, extra_tag="nt")


_known: dict | None = None     # text + its dictionary words → tagged words, from the disk cache
CACHE_NAME = "titlewords-v1.json"


def _cache_path():
    from .fonts import cache_dir
    return cache_dir() / CACHE_NAME


def _cached(key: str):
    """A title cut before, in this process or an earlier one: importing jieba costs a few
    tenths of a second, a rebuild of an unchanged issue need not pay it. A bad cache file is
    ignored (and rewritten), never trusted."""
    global _known
    if _known is None:
        try:
            data = json.loads(_cache_path().read_text(encoding="utf-8"))
            _known = data if isinstance(data, dict) else {}
        except (OSError, ValueError):
            _known = {}
    hit = _known.get(key)
    if (isinstance(hit, list) and all(isinstance(p, list) and len(p) == 2 for p in hit)
            and "".join(w for w, _ in hit) == key.split("\x00")[0]):
        return [(w, f) for w, f in hit]
    return None


def _remember(key: str, tagged: list[tuple[str, str]]) -> None:
    _known[key] = tagged
    path = _cache_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")   # concurrent builds: last one wins
        tmp.write_text(json.dumps(_known, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, path)
    except OSError:
        pass   # no cache folder: cut again next time


def tagged_words(text: str, words: Iterable[str] = ()) -> list[tuple[str, str]]:
    """in: a text and extra dictionary words; out: its words with jieba's POS tags, in order
    (their concatenation is the text)."""
    words = tuple(words)
    key = text + "\x00" + "\x01".join(sorted({w for w in words if w in text}))
    with _lock:
        hit = _cached(key)
        if hit is not None:
            return hit
        present = tuple(sorted({w for w in words if w in text}))
        tagged = [(w, f) for w, f in _pos_tagger(text, present).cut(text)]
        _remember(key, tagged)
        return tagged


def organ_names(issue: Issue) -> tuple[str, ...]:
    """in: an issue with its documents; out: the organ names it contains — the 落款 lines,
    the joint issuers before a title's 关于, the sponsor and publisher."""
    names = {issue.sponsor.strip(), issue.publisher.strip()}
    for doc in issue.documents():
        for block in doc.blocks:
            if block.kind == BlockKind.SIGNATURE:
                names.add(block.text.strip())
            elif block.kind == BlockKind.TITLE and "关于" in block.text:
                names.update(block.text.partition("关于")[0].split())
    return tuple(sorted(n for n in names if 2 <= len(n) <= 30 and not any(c in SPACES for c in n)))


def _welded(text: str, words: Iterable[str]) -> list[bool]:
    """out: for each gap p (between text[p-1] and text[p]), whether it lies inside a unit
    that is never broken: WELDED matches, the organ names, and around punctuation."""
    inside = [False] * (len(text) + 1)

    def weld(a: int, b: int) -> None:
        for p in range(a + 1, b):
            inside[p] = True
    for m in WELDED.finditer(text):
        weld(m.start(), m.end())
    for word in sorted(set(words), key=len, reverse=True):
        for m in re.finditer(re.escape(word), text):
            weld(m.start(), m.end())
    for p in range(1, len(text)):
        before, after = text[p - 1], text[p]
        if after in CLOSING or before in OPENING or (p == 2 and text.startswith("——")):
            inside[p] = True
    return inside


def _gap_cost(text: str, p: int, left: tuple[str, str], right: tuple[str, str],
              quoted: bool) -> float:
    """The cost of a line break before text[p], between the words `left` and `right`."""
    (lw, lt), (rw, rt) = left, right
    if text[p] in SPACES or p == text.find("关于"):
        return 0.0            # between joint issuers; before 关于 (the issuer stands apart)
    if lw.endswith(ISSUING_VERBS) or GENRE_TAIL.fullmatch(text, p) or text[p] in "《" or lw[-1] == "》":
        return 5.0
    if rt in CLINGING and rw != "的":
        return INF            # 会议 / 上: never
    if rw == "的":
        cost = 50.0           # a line seldom opens with 的
    elif lw == "的" or lt in ("p", "c"):
        cost = 45.0           # nor ends with 的, a preposition or a conjunction
    elif rt in PHRASE_OPENERS and not (lt in VERBS and rt in VERBS):
        cost = 10.0           # a verb or an adverb opens a new phrase (加快推进 is one verb)
    elif lw[-1] in "”’" and rt in NOMINAL:
        cost = 55.0           # “好差评”工作: a quotation modifying the noun after it
    elif lt in NOMINAL and rt in NOMINAL:
        # inside a noun phrase; two two-character nouns make a tight 四字格 (营商环境), and a
        # number holds on to what it counts (三年行动计划)
        tight = (len(lw) == len(rw) == 2 and lt in NOUNS and rt in NOUNS) or lt in NUMERALS
        cost = 55.0 if tight else 45.0
    else:
        cost = 30.0
    if len(rw) == 1 and rt not in PHRASE_OPENERS:
        cost += 40.0          # a lone character usually belongs to the word before
    if len(lw) == 1 and lt in MODIFIERS:
        cost += 40.0          # 新 / 经济: a one-character modifier holds on
    if text[p] == "（":
        cost += 20.0          # an aside qualifies the word before it
    if quoted:
        cost += 20.0          # inside a long quotation or book title
    return cost


def _quoted(text: str) -> list[bool]:
    """out: for each position, whether it lies inside “…” or 《…》."""
    depth, out = 0, []
    for ch in text:
        if ch in "”》":
            depth = max(depth - 1, 0)
        out.append(depth > 0)
        if ch in "“《":
            depth += 1
    return out


def _gaps(text: str, words: Iterable[str]) -> tuple[list[int], list[float]]:
    """out: the positions where a line may break (0 and len(text) included) and each inner
    position's cost."""
    words = tuple(words)
    tokens = tagged_words(text, words)
    welded = _welded(text, words)
    quoted = _quoted(text)
    stops, costs = [0], [0.0]
    starts, pos = [], 0
    for token in tokens:
        starts.append(pos)
        pos += len(token[0])
    for k in range(1, len(tokens)):
        p = starts[k]
        if welded[p] or text[p - 1] in SPACES:
            continue          # inside a unit; after a space (the break goes before it)
        left = tokens[k - 1]
        if left[0].strip(SPACES) == "" and k >= 2:
            left = tokens[k - 2]
        right = tokens[k]
        if right[0].strip(SPACES) == "" and k + 1 < len(tokens):
            right = tokens[k + 1]
        cost = _gap_cost(text, p, left, right, quoted[p])
        if cost < INF:
            stops.append(p)
            costs.append(cost)
    stops.append(len(text))
    costs.append(0.0)
    return stops, costs


def break_costs(text: str, words: Iterable[str] = ()) -> dict[int, float]:
    """out: position p of `text` (a break before text[p]) → what break_title counts a line
    break there as costing, for every place it may break (a break before a space is one
    after it too). The DOCX export asks this to tell a reader's own break inside a word
    or a unit the title holds together."""
    stops, costs = _gaps(text, tuple(words))
    out = dict(zip(stops, costs))
    out.update({p + 1: c for p, c in zip(stops, costs) if p < len(text) and text[p] in SPACES})
    return out


def _balanced(text: str, stops: list[int], costs: list[float], width: float,
              last_width: float, advance: Callable[[str], float]) -> list[str]:
    """The lines, broken at some of `stops`, that minimise break costs plus raggedness."""
    prefix = [0.0]
    for ch in text:
        prefix.append(prefix[-1] + advance(ch))
    em = advance("中") or 1.0
    m = len(stops) - 1

    def line_width(i: int, j: int) -> float:
        a, b = stops[i], stops[j]
        while a < b and text[a] in SPACES:
            a += 1
        while b > a and text[b - 1] in SPACES:
            b -= 1
        return (prefix[b] - prefix[a]) / em

    limit, last_limit = width / em + 1e-6, last_width / em + 1e-6
    spans: dict[tuple[int, int], float] = {}      # (i, j) → width, for lines that fit
    for i in range(m):
        for j in range(i + 1, m + 1):
            w = line_width(i, j)
            if w > max(limit, last_limit) and j > i + 1:
                break
            spans[(i, j)] = w

    def fits(i: int, j: int) -> float:
        """0 when the line fits, OVERFLOW for a lone unit too wide, INF otherwise."""
        w = spans.get((i, j))
        if w is None:
            return INF
        if w <= (last_limit if j == m else limit):
            return 0.0
        return OVERFLOW if j == i + 1 else INF

    fewest = [0] + [10 ** 9] * m
    for j in range(1, m + 1):
        for i in range(j):
            if fits(i, j) < INF:
                fewest[j] = min(fewest[j], fewest[i] + 1)
    best: tuple[float, list[int]] | None = None
    total = line_width(0, m)
    for n in range(fewest[m], min(fewest[m] + 1, m) + 1):
        target = total / n
        cost = [[INF] * (m + 1) for _ in range(n + 1)]
        back = [[0] * (m + 1) for _ in range(n + 1)]
        cost[0][0] = 0.0
        for k in range(1, n + 1):
            for j in range(k, m + 1):
                for i in range(k - 1, j):
                    if cost[k - 1][i] == INF:
                        continue
                    over = fits(i, j)
                    if over == INF:
                        continue
                    w = spans[(i, j)]
                    c = (cost[k - 1][i] + over + RAGGEDNESS * (w - target) ** 2
                         + (SHORT_LINE if w < target / 2 else 0.0) + (costs[i] if i else 0.0))
                    if c < cost[k][j]:
                        cost[k][j], back[k][j] = c, i
        found = cost[n][m] + LINE_COST * (n - fewest[m])
        if found < INF and (best is None or found < best[0]):
            cuts, j = [m], m
            for k in range(n, 0, -1):
                j = back[k][j]
                cuts.append(j)
            best = (found, cuts[::-1])
    if best is None:
        return [text.strip(SPACES)]
    cuts = best[1]
    return [text[stops[a]:stops[b]].strip(SPACES) for a, b in zip(cuts, cuts[1:])]


def break_title(text: str, width: float, advance: Callable[[str], float],
                words: Iterable[str] = (), last_width: float | None = None,
                issuer_apart: bool = False) -> list[str]:
    """in: a title; the width of its lines and, if narrower, of its last line (a 目录 entry
    leaves room for the page number); advance(ch), one character's width in the same unit;
    extra words never broken (organ names); issuer_apart: the issuing organs stand on lines
    of their own above 关于…, as a document's title is printed.
    out: the title's lines (a text that fits stays whole)."""
    text = text.strip(SPACES)
    last_width = width if last_width is None else min(width, last_width)
    if not text:
        return []
    if sum(advance(c) for c in text) <= last_width + 1e-6:
        return [text]
    words = tuple(words)
    head, sep, tail = text.partition("关于")
    if issuer_apart and sep and head.strip(SPACES):
        issuer = head.strip(SPACES)
        if sum(advance(c) for c in issuer) <= width:
            issuer_lines = [issuer]
        else:            # joint issuers: break only between the organs
            stops = [0] + [p for p, c in enumerate(issuer) if c in SPACES] + [len(issuer)]
            issuer_lines = _balanced(issuer, stops, [0.0] * len(stops), width, width, advance)
        return issuer_lines + break_title(sep + tail, width, advance, words, last_width)
    stops, costs = _gaps(text, words)
    return _balanced(text, stops, costs, width, last_width, advance)
