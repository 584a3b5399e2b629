"""Properties of break_lines on random text: Han, every punctuation class, digits,
Latin letters, ASCII symbols and spaces, random sizes and measures (≥ 4 em).

The only legitimate 避头尾 violation: a run that no legal point can split is wider
than the line (e.g. a long run of opening brackets). So a line boundary may break
the prohibitions only when the line before it holds no point where 避头尾 would
allow a break.
"""
from hypothesis import given, settings, strategies as st

from editor.layout.chars import (CLOSING, DASHES, ELLIPSES, END_PROHIBITED, MIDDLE, OPENING,
                                 START_PROHIBITED, STOPS, char_class)
from editor.layout.linebreak import break_lines

HAN = "中文字国家省市人民政府公报"
MARKS = "".join(sorted(OPENING | CLOSING | STOPS | MIDDLE | DASHES | ELLIPSES)) + "％℃～￥＄＃"
LATIN = "abcxyzABC"
DIGITS = "0123456789"
ASCII_MARKS = "(),.;:?!%#$-/@[]{}"
SPACES = "  \u3000"
HALF = {"latin", "digit", "symbol"}

# Tokens rather than single characters, so that long words, numbers and runs of marks
# (the cases that force a break inside a run) come up often.
tokens = st.one_of(
    st.sampled_from(HAN), st.sampled_from(HAN), st.sampled_from(HAN), st.sampled_from(HAN),
    st.sampled_from(MARKS), st.text(MARKS, min_size=1, max_size=8),
    st.text(LATIN + DIGITS + ASCII_MARKS, min_size=1, max_size=6),
    st.text(LATIN + DIGITS + ASCII_MARKS, min_size=6, max_size=60),
    st.sampled_from(SPACES), st.text(" ", min_size=1, max_size=3),
)


def is_space(ch: str) -> bool:
    return char_class(ch) == "space"


def legal(text: str, lo: int, p: int) -> bool:
    """Whether a line starting at lo may end just before p, judged by 避头尾 alone."""
    if is_space(text[p]) or text[p] in START_PROHIBITED:
        return False
    q = p - 1
    while q >= lo and is_space(text[q]):
        q -= 1
    return q >= lo and text[q] not in END_PROHIBITED


@st.composite
def paragraphs(draw):
    text = "".join(draw(st.lists(tokens, min_size=0, max_size=60)))
    base = draw(st.sampled_from([8.0, 10.0, 10.5, 12.0, 16.0]))
    mixed = draw(st.booleans())
    sizes = [base * (0.8 if mixed and draw(st.booleans()) else 1.0) for _ in text]
    advances = [s * (0.5 if char_class(c) in HALF else 0.3 if is_space(c) else 1.0)
                for c, s in zip(text, sizes)]
    measure = base * draw(st.floats(min_value=4.0, max_value=30.0))
    indent = draw(st.sampled_from([0.0, 2 * base]))
    align = draw(st.sampled_from(["justify", "justify", "left", "center", "right", "distribute"]))
    gap = draw(st.sampled_from([0.0, base / 4]))
    scheme = draw(st.sampled_from(["全角", "开明"]))
    return text, advances, sizes, measure, indent, align, gap, scheme


def scheme_width(mark: str, advance: float, size: float, scheme: str) -> float:
    """Width a lone mark between two Han characters keeps under a scheme."""
    if scheme == "开明" and mark not in "。？！．":
        return advance - min(max(advance - 0.5 * size, 0.0), 0.5 * size)
    return advance


@settings(max_examples=300, deadline=None)
@given(paragraphs())
def test_line_breaking_properties(case):
    text, advances, sizes, measure, indent, align, gap, scheme = case
    lines = break_lines(text, advances, sizes, measure, indent=indent, align=align,
                        latin_gap=gap, punctuation=scheme)
    # every character comes out once, in order
    assert "".join(text[line.start:line.end] for line in lines) == text
    assert lines[0].start == 0 and lines[-1].end == len(text)
    assert all(a.end == b.start for a, b in zip(lines, lines[1:]))
    assert all(line.end > line.start for line in lines) or text == ""
    assert [line.last for line in lines] == [False] * (len(lines) - 1) + [True]

    for index, line in enumerate(lines):
        room = measure - (indent if index == 0 else 0.0)
        left = indent if index == 0 else 0.0
        assert len(line.xs) == line.end - line.start
        assert all(a <= b + 1e-9 for a, b in zip(line.xs, line.xs[1:]))
        assert not line.overfull          # one char is never wider than 4 em
        assert line.width <= measure + 0.01
        assert all(x >= left - 1e-9 for x in line.xs)
        visible = [c for c in text[line.start:line.end] if not is_space(c)]
        if (align == "distribute" or (align == "justify" and not line.last)) and len(visible) > 1:
            assert abs(line.width - measure) < 0.01, (index, room)

    for before, line in zip(lines, lines[1:]):
        assert not is_space(text[line.start])
        if not legal(text, before.start, line.start):
            # forced: nowhere in the line above could 避头尾 be kept
            assert not any(legal(text, before.start, p) for p in range(before.start + 1, line.start))

    # a lone mark between two Han characters keeps its scheme's width, except on a line
    # that pushed in a mark that may not start a line
    for line in lines:
        visible = [i for i in range(line.start, line.end) if not is_space(text[i])]
        pushed_in = bool(visible) and text[visible[-1]] in START_PROHIBITED
        for i in range(line.start + 1, line.end - 1):
            if (char_class(text[i]) == "stop" and char_class(text[i - 1]) == "han"
                    and char_class(text[i + 1]) == "han" and not pushed_in):
                step = line.xs[i + 1 - line.start] - line.xs[i - line.start]
                assert step >= scheme_width(text[i], advances[i], sizes[i], scheme) - 1e-6
