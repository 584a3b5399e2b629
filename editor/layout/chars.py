"""Character classes for Chinese line breaking, as data.

In: single characters. Out: a class name (`char_class`) and a one-letter key
(`char_key`, `text_keys`) that folds the class together with the line-start /
line-end prohibitions (避头尾), so the line breaker can find break points and
compressible punctuation with regular expressions over one key string.

Sets follow typesetting spec §3.1–3.3 (GB/T 15834 §5, clreq "GB" level, Word's
zh-CN kinsoku lists) and include every mark of the PDF checker's START_BANNED and
END_BANNED. Punctuation positions are those of Simplified Chinese fonts: 。，、；：？！
and closing marks sit on the left of their em box, opening marks on the right.
"""
from __future__ import annotations

import re
import unicodedata

# Compressible marks: one em box, half of it blank.
OPENING = frozenset("“‘（〔【《〈「『〖［｛〘〚")        # blank on the LEFT half
CLOSING = frozenset("”’）〕】》〉」』〗］｝〙〛")        # blank on the RIGHT half
STOPS = frozenset("。，、；：？！．")                   # pause/stop marks, blank on the right
# Half-em marks that are never compressed.
MIDDLE = frozenset("·・‧／")
DASHES = frozenset("—―")          # a run (——) is one unbreakable mark
ELLIPSES = frozenset("…⋯")        # a run (……) is one unbreakable mark

START_PROHIBITED = frozenset(
    CLOSING | STOPS
    | set("·・‧／－～％‰℃°′″")          # interpunct, solidus, connectors, unit signs
    | set("),.;:?!]}%")                 # ASCII closers and stops
)
END_PROHIBITED = frozenset(
    OPENING
    | set("／￥＄＃£¥")                 # GB level solidus, currency and prefix signs
    | set("([{#$")
)

# Spaces that do not break (they join the word around them) and the ideographic space,
# which is an ordinary 1-em character.
_JOINING_SPACES = frozenset("\u00a0\u2007\u202f\u3000")

CLASSES = ("open", "close", "stop", "middle", "dash", "ellipsis", "han", "fullwidth",
           "latin", "digit", "symbol", "space")

# Key letters. Classes whose prohibitions are fixed get one letter; the others get a
# letter by prohibition: (none, start-prohibited, end-prohibited, both).
_FIXED_KEYS = {"open": "O", "close": "C", "stop": "S", "dash": "D", "ellipsis": "E",
               "han": "H", "latin": "L", "digit": "N", "space": "W"}
_PROHIBITION_KEYS = {"middle": "FMQV", "fullwidth": "FMQV", "symbol": "YyzX"}

# Key sets the line breaker uses.
START_KEYS = "CSMVyX"      # never begin a line
END_KEYS = "OQVzX"         # never end a line
WORD_KEYS = "LNYyzX"       # Latin letters, digits, narrow symbols: one unbreakable word
COMPRESSIBLE_KEYS = "OCS"  # marks with a blank half em
PUNCT_KEYS = "OCSMVDEyzX"  # not counted as a "character" by the orphan rule


def _is_han(cp: int) -> bool:
    return (0x3400 <= cp <= 0x4DBF or 0x4E00 <= cp <= 0x9FFF or 0xF900 <= cp <= 0xFAFF
            or 0x20000 <= cp <= 0x3FFFF or 0x3040 <= cp <= 0x30FF or 0xAC00 <= cp <= 0xD7AF
            or cp in (0x3005, 0x3007))


def char_class(ch: str) -> str:
    """Class name of one character (one of CLASSES)."""
    if ch in OPENING:
        return "open"
    if ch in CLOSING:
        return "close"
    if ch in STOPS:
        return "stop"
    if ch in MIDDLE:
        return "middle"
    if ch in DASHES:
        return "dash"
    if ch in ELLIPSES:
        return "ellipsis"
    if "0" <= ch <= "9":
        return "digit"
    if _is_han(ord(ch)):
        return "han"
    category = unicodedata.category(ch)
    if ch not in _JOINING_SPACES and (category in ("Zs", "Zl", "Zp", "Cc") or ch == "\u200b"):
        return "space"
    width = unicodedata.east_asian_width(ch)
    if width in ("W", "F"):
        return "fullwidth"          # full-width forms and the ideographic space
    if category[0] in "LM" or category == "Cf" or ch in _JOINING_SPACES:
        return "latin"
    if category == "Nd":
        return "digit"
    if width == "A":
        return "fullwidth"          # ※ ① ℃ ‰ ×: em boxes in Chinese fonts
    return "symbol"


def char_key(ch: str) -> str:
    """One-letter key of a character: its class, with prohibitions folded in."""
    cls = char_class(ch)
    fixed = _FIXED_KEYS.get(cls)
    if fixed:
        return fixed
    index = (ch in START_PROHIBITED) + 2 * (ch in END_PROHIBITED)
    return _PROHIBITION_KEYS[cls][index]


class _KeyTable(dict):
    """str.translate table that fills itself: code point -> key letter."""

    def __missing__(self, code: int) -> str:
        key = self[code] = char_key(chr(code))
        return key


_KEY_TABLE = _KeyTable()


_RANGE_DASH = re.compile(r"(?<=[0-9])[—～~–](?=[0-9])")


def text_keys(text: str) -> str:
    """The key string of `text`: one key letter per character, same length. A single dash
    or wave between two numbers (2020—2022, 5～10) joins them into one unbreakable word."""
    keys = text.translate(_KEY_TABLE)
    if "—" in text or "～" in text or "~" in text or "–" in text:
        for m in _RANGE_DASH.finditer(text):
            if text[m.start() - 1:m.start()] != "—" and text[m.end():m.end() + 1] != "—":
                keys = keys[:m.start()] + "N" + keys[m.end():]
    return keys
