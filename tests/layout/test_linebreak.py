"""Crafted cases for the CJK line breaker (editor/layout/linebreak.py, chars.py).

Metrics are plain numbers: size 10, CJK advance = size, Latin/digit/ASCII symbol =
0.5·size, ASCII space = 0.25·size; measure 100 = 10 Han characters.
"""
import pytest

from editor.layout.chars import (CLOSING, END_PROHIBITED, OPENING, START_PROHIBITED, STOPS,
                                 char_class, char_key, text_keys)
from editor.layout.linebreak import Line, break_lines

SIZE = 10.0
HALF = {"latin", "digit", "symbol"}

# The PDF checker's sets (../shared/tools/pdfcheck.py): our output must never break them.
CHECKER_START_BANNED = set("，。、；：？！）］｝〕〉》」』】〗〙”’·％‰,.;:?!)]}%")
CHECKER_END_BANNED = set("（［｛〔〈《「『【〖〘“‘([{")


def advance(ch: str, size: float = SIZE) -> float:
    cls = char_class(ch)
    return size * (0.5 if cls in HALF else 0.25 if cls == "space" else 1.0)


def lay(text: str, measure: float = 100.0, **kw) -> list[Line]:
    return break_lines(text, [advance(c) for c in text], [SIZE] * len(text), measure, **kw)


def texts(text: str, lines: list[Line]) -> list[str]:
    return [text[line.start:line.end] for line in lines]


def assert_well_formed(text: str, lines: list[Line], measure: float = 100.0) -> None:
    assert "".join(texts(text, lines)) == text
    assert [line.last for line in lines] == [False] * (len(lines) - 1) + [True]
    for line in lines:
        assert len(line.xs) == line.end - line.start
        assert list(line.xs) == sorted(line.xs)
        assert line.width <= measure + 0.01 or line.overfull


# --- character data -------------------------------------------------------------------

def test_prohibition_sets_cover_the_checker():
    assert CHECKER_START_BANNED <= START_PROHIBITED
    assert CHECKER_END_BANNED <= END_PROHIBITED


def test_every_prohibited_char_gets_a_prohibited_key():
    for ch in START_PROHIBITED:
        assert char_key(ch) in "CSMVyX", ch
    for ch in END_PROHIBITED:
        assert char_key(ch) in "OQVzX", ch
    for ch in "中国a1 　—…-@":
        assert char_key(ch) not in "CSMVyXOQzX", ch


@pytest.mark.parametrize("ch, cls", [
    ("中", "han"), ("〇", "han"), ("“", "open"), ("《", "open"), ("”", "close"), ("】", "close"),
    ("。", "stop"), ("？", "stop"), ("·", "middle"), ("／", "middle"), ("—", "dash"),
    ("…", "ellipsis"), ("a", "latin"), ("é", "latin"), ("7", "digit"), (" ", "space"),
    ("\u3000", "fullwidth"), ("％", "fullwidth"), ("℃", "fullwidth"), ("-", "symbol"),
    ("(", "symbol"), ("@", "symbol"),
])
def test_char_class(ch, cls):
    assert char_class(ch) == cls


def test_compressible_classes_are_disjoint_from_the_wrong_prohibition():
    assert not (OPENING & START_PROHIBITED)
    assert not ((CLOSING | STOPS) & END_PROHIBITED)


def test_text_keys_is_one_letter_per_char():
    text = "济南2020年（总第320期）http://x.cn"
    assert len(text_keys(text)) == len(text)
    assert text_keys("中a1 （）。") == "HLNWOCS"


# --- 避头尾 ------------------------------------------------------------------------------

@pytest.mark.parametrize("mark", sorted(START_PROHIBITED))
def test_start_prohibited_mark_never_starts_a_line(mark):
    text = "字" * 10 + mark + "字" * 5
    lines = lay(text)
    assert_well_formed(text, lines)
    assert texts(text, lines)[0] == "字" * 9          # pushed out: nothing to compress
    assert text[lines[1].start:lines[1].start + 2] == "字" + mark
    assert lines[0].width == pytest.approx(100.0, abs=0.01)


@pytest.mark.parametrize("mark", sorted(END_PROHIBITED))
def test_end_prohibited_mark_never_ends_a_line(mark):
    text = "字" * 9 + mark + "字" * 5
    lines = lay(text)
    assert_well_formed(text, lines)
    for line in lines[:-1]:
        assert text[line.end - 1] not in END_PROHIBITED
    for line in lines[1:]:
        assert text[line.start] not in START_PROHIBITED
    if mark not in START_PROHIBITED:
        assert texts(text, lines)[0] == "字" * 9
        assert text[lines[1].start] == mark
    assert lines[0].width == pytest.approx(100.0, abs=0.01)


@pytest.mark.parametrize("token", [
    "2019", "9443.4", "PM2.5", "5G", "1+474", "20%", "0531-66607646", "sdjngb@jinan.gov.cn",
    "AR/VR", "JNCR-2020-0150004",
])
@pytest.mark.parametrize("before", [4, 6, 7, 8, 9])
def test_numbers_and_latin_words_stay_whole(token, before):
    text = "字" * before + token + "。字字字字字"
    lines = lay(text)
    assert_well_formed(text, lines)
    assert any(token in part for part in texts(text, lines))


def test_a_number_keeps_its_unit_but_may_break_after_it():
    text = "字" * 8 + "2019年" + "字" * 8
    lines = lay(text)
    assert texts(text, lines)[:2] == ["字" * 8, "2019年" + "字" * 6]


def test_url_longer_than_the_measure_is_broken_by_characters():
    url = "http://www.jinan.gov.cn/col/col24701/index.html"
    text = "见见" + url     # the first line's room ends just before ".gov"
    lines = lay(text, measure=100.0)
    assert "".join(texts(text, lines)) == text
    assert not any(line.overfull for line in lines)
    assert all(line.width == pytest.approx(100.0) for line in lines[:-1])
    assert texts(text, lines)[0] == "见见http://www.jina"   # not before the "."
    for line in lines[1:]:
        assert text[line.start] not in START_PROHIBITED


def test_url_shorter_than_the_measure_moves_whole():
    url = "http://www.jinan.gov.cn"   # 115 pt
    text = "网址" + url + "。"
    lines = lay(text, measure=130.0)
    assert texts(text, lines) == ["网址", url + "。"]


# --- runs of punctuation -------------------------------------------------------------

@pytest.mark.parametrize("run, pieces", [
    ("”。」』", ["”。」』"]), ("）。”", ["）。”"]), ("！”", ["！”"]), ("？！", ["？！"]),
    ("》。", ["》。"]), ("——", ["——"]), ("……", ["……"]), ("……——", ["……", "——"]),
])
@pytest.mark.parametrize("before", range(5, 11))
def test_runs_of_marks_are_never_split(run, pieces, before):
    text = "字" * before + run + "字" * 12
    lines = lay(text)
    assert_well_formed(text, lines)
    for piece in pieces:
        assert any(piece in part for part in texts(text, lines))
    for line in lines[1:]:
        assert text[line.start] not in START_PROHIBITED


def test_question_and_exclamation_pair_fits_at_the_line_end():
    text = "字" * 8 + "？！" + "字字字"
    lines = lay(text)
    assert texts(text, lines)[0] == "字" * 8 + "？！"          # 9.5 em: the pair takes 1.5
    assert lines[0].xs[-1] == pytest.approx(90.0)             # ！ keeps its cell at the end
    assert lines[0].width == pytest.approx(100.0)
    text = "字" * 9 + "？！" + "字字字"                         # 10.5 em: 字？！ goes down whole
    lines = lay(text)
    assert texts(text, lines)[1].startswith("字？！")


# --- marks keep their width; push in, push out ---------------------------------------

def steps(line) -> list[float]:
    return [b - a for a, b in zip(line.xs, line.xs[1:])]


def test_a_mark_is_never_compressed_to_fit_more_text():
    text = "字" * 4 + "，" + "字" * 5 + "字字字"   # the comma's blank would make room for a 字
    lines = lay(text)
    assert texts(text, lines)[0] == "字字字字，字字字字字"
    assert steps(lines[0]) == pytest.approx([10.0] * 9)


def test_push_out_keeps_lone_marks_whole_when_the_line_stays_tight():
    # pulling 。 in would narrow the comma; pushing 字。 out loosens 8 gaps by 1/8 em
    text = "字" * 4 + "，" + "字" * 5 + "。" + "字" * 6
    lines = lay(text)
    assert texts(text, lines)[0] == "字字字字，字字字字"
    assert steps(lines[0]) == pytest.approx([10.0 + 10.0 / 8] * 8)   # the comma's too
    assert lines[0].width == pytest.approx(100.0)


def test_push_out_when_compression_is_not_enough():
    text = "字" * 10 + "。" + "字" * 5
    lines = lay(text)
    assert texts(text, lines)[0] == "字" * 9
    assert steps(lines[0]) == pytest.approx([10.0 + 10.0 / 8] * 8)   # one em spread over 8 gaps
    assert lines[0].width == pytest.approx(100.0)


def test_push_in_takes_a_bracket_or_quote_first():
    text = "字，字“字”字字字字。" + "字" * 6     # 10 em before the 。
    lines = lay(text)
    assert texts(text, lines)[0] == "字，字“字”字字字字。"
    assert steps(lines[0]) == pytest.approx([10.0, 10, 5, 10, 10, 5, 10, 10, 10, 10])
    assert lines[0].width == pytest.approx(100.0)       # “ and ” gave way, not the comma


def test_push_in_narrows_as_few_marks_as_it_can_nearest_the_line_end_first():
    text = "字“字”字“字”字字。" + "字" * 4
    advances = [advance(c) for c in text]
    advances[9] = 7.5                     # 9.75 em before the 。 (which keeps its cell)
    lines = break_lines(text, advances, [SIZE] * len(text), 100.0)
    assert texts(text, lines)[0] == "字“字”字“字”字字。"
    # three quarters of an em to find: the last ” whole, then a quarter of the “ before it
    assert steps(lines[0]) == pytest.approx([10.0, 10, 10, 10, 7.5, 10, 10, 5, 10, 7.5])


def test_push_in_narrows_a_lone_mark_when_pushing_out_would_leave_a_loose_line():
    word = "abcdefghijkl"                         # 6 em, moves whole
    text = "字，字，" + word + "，字字"                # 11 em up to the last comma
    lines = lay(text)
    assert texts(text, lines)[0] == "字，字，" + word + "，"
    assert lines[0].xs[2] - lines[0].xs[1] == pytest.approx(5.0)   # both lone commas give way
    assert lines[0].xs[4] - lines[0].xs[3] == pytest.approx(5.0)
    assert lines[0].width == pytest.approx(100.0)


def test_ragged_lines_push_out_and_keep_every_mark():
    text = "字，字“字”字字字字。" + "字" * 6
    lines = lay(text, align="left")
    assert texts(text, lines)[0] == "字，字“字”字字字"
    assert steps(lines[0]) == pytest.approx([10.0] * 8)


# --- punctuation schemes --------------------------------------------------------------

def test_kaiming_sets_pause_marks_and_brackets_half_and_sentence_marks_whole():
    text = "字，字、字；字：字“字”字。字？字！字"
    (line,) = lay(text, measure=300.0, align="left", punctuation="开明")
    after = dict(zip(text, steps(line)))              # a pause mark's blank is on its right
    before = dict(zip(text[1:], steps(line)))         # an opening mark's on its left
    assert [after[m] for m in "，、；：”"] + [before["“"]] == pytest.approx([5.0] * 6)
    assert [after[m] for m in "。？！"] == pytest.approx([10.0] * 3)


@pytest.mark.parametrize("pair, width", [("。”", 15.0), ("，“", 10.0), ("？！", 15.0), ("）（", 10.0),
                                         ("”。", 15.0)])
def test_kaiming_pairs_take_at_most_one_and_a_half_em(pair, width):
    (line,) = lay("字" + pair + "字", align="left", punctuation="开明")
    assert line.xs[3] - line.xs[1] == pytest.approx(width)


def test_kaiming_line_end_mark_keeps_its_half_cell():
    (line,) = lay("字字，", align="left", punctuation="开明")
    assert line.width == pytest.approx(25.0)


def test_an_unknown_scheme_is_refused():
    with pytest.raises(ValueError, match="标点"):
        lay("字，字", punctuation="半角")


# --- punctuation widths ---------------------------------------------------------------

@pytest.mark.parametrize("pair", ["”。", "）、", "。”", "，“", "）（", "：“", "“《", "》）", "？！", "）。"])
def test_adjacent_marks_take_one_and_a_half_em(pair):
    text = "字" + pair + "字"
    (line,) = lay(text, align="left")
    assert line.xs[3] - line.xs[1] == pytest.approx(15.0)


def test_three_marks_take_two_em():
    text = "字”。」字"
    (line,) = lay(text, align="left")
    assert line.xs[4] - line.xs[1] == pytest.approx(20.0)


def test_opening_mark_compression_keeps_the_bracket_next_to_its_text():
    (line,) = lay("字，“字", align="left")
    assert line.xs == pytest.approx((0.0, 10.0, 15.0, 25.0))


def test_mark_at_line_end_keeps_its_cell():
    """行末全角: no glyph box reaches past the measure (into a gutter)."""
    (line,) = lay("字字，", align="left")
    assert line.width == pytest.approx(30.0)
    text = "字" * 9 + "，" + "字" * 9
    lines = lay(text)
    assert texts(text, lines)[0] == "字" * 9 + "，"
    assert lines[0].xs[-1] == pytest.approx(90.0)
    assert lines[0].width == pytest.approx(100.0)
    text = "字" * 10 + "，" + "字" * 9                      # 11 em: 字， goes down whole
    lines = lay(text)
    assert texts(text, lines)[1].startswith("字，")
    assert all(ln.xs[-1] + 10.0 <= 100.0 + 1e-6 for ln in lines if ln.end > ln.start)


def test_a_compressed_mark_never_moves_left_of_its_neighbour():
    # a big opening bracket after a small one: its blank is capped by the small one's ink
    text = "（（字"
    (line,) = break_lines(text, [10.0, 30.0, 30.0], [10.0, 30.0, 30.0], 200.0, align="left")
    assert line.xs == pytest.approx((0.0, 5.0, 35.0))


def test_opening_mark_at_line_start_keeps_its_blank():
    text = "字" * 10 + "“字字”"
    lines = lay(text)
    assert text[lines[1].start] == "“"
    assert lines[1].xs[:2] == pytest.approx((0.0, 10.0))


# --- justification and alignment -------------------------------------------------------

PARAGRAPH = ("我们始终把疫情防控作为头等大事来抓，迅速启动一级响应，全面落实“外防输入、内防反弹”"
             "要求，2019年全市地区生产总值达到9443.4亿元，增长7.0%。实施“5G+”行动，建成5G基站"
             "3000个（含室内分布系统）……新旧动能转换——省会龙头加速扬起。")


def test_full_lines_end_at_the_measure_and_the_last_is_flush_left():
    lines = lay(PARAGRAPH, indent=20.0)
    assert_well_formed(PARAGRAPH, lines)
    assert len(lines) > 5
    for line in lines[:-1]:
        assert line.width == pytest.approx(100.0, abs=0.01)
    last = lines[-1]
    steps = [b - a for a, b in zip(last.xs, last.xs[1:])]
    natural = [advance(c) for c in PARAGRAPH[last.start:last.end - 1]]
    assert last.xs[0] == 0.0
    for step, adv in zip(steps, natural):
        assert step == pytest.approx(adv) or step == pytest.approx(adv - 5.0)   # compressed pair


def test_justification_never_widens_inside_a_number_or_a_dash():
    text = "字" * 5 + "9443.4" + "字" * 5 + "——" + "字" * 20
    for line in lay(text):
        for i in range(line.start + 1, line.end):
            a, b = text[i - 1], text[i]
            if (a in "9443." and b in "443.4") or (a == b == "—"):
                assert line.xs[i - line.start] - line.xs[i - 1 - line.start] == pytest.approx(
                    advance(a))


def test_two_character_indent():
    text = "字" * 25
    lines = lay(text, indent=20.0)
    assert [line.end - line.start for line in lines] == [8, 10, 7]
    assert lines[0].xs[0] == 20.0
    assert lines[0].width == pytest.approx(100.0)
    assert lines[1].xs[0] == 0.0


def test_first_measure_limits_the_first_line():
    text = "字" * 20
    lines = lay(text, first_measure=60.0)
    assert [line.end - line.start for line in lines] == [6, 10, 4]
    assert lines[0].width == pytest.approx(60.0)


def test_center_right_left():
    (c,) = lay("字字字", align="center")
    (r,) = lay("字字字", align="right")
    (l,) = lay("字字字", align="left")
    assert c.xs == pytest.approx((35.0, 45.0, 55.0)) and c.width == pytest.approx(65.0)
    assert r.xs == pytest.approx((70.0, 80.0, 90.0)) and r.width == pytest.approx(100.0)
    assert l.xs == pytest.approx((0.0, 10.0, 20.0)) and l.width == pytest.approx(30.0)


def test_center_uses_the_cells_of_a_final_mark():
    (line,) = lay("字字。", align="center")
    assert line.xs[0] == pytest.approx(35.0)   # three cells centred in 100 (行末全角)
    assert line.width == pytest.approx(65.0)


@pytest.mark.parametrize("heading", ["目录", "总则", "地址", "邮编代码"])
def test_distribute_spreads_short_headings(heading):
    (line,) = lay(heading, align="distribute")
    assert line.xs[0] == 0.0
    assert line.width == pytest.approx(100.0)
    steps = [b - a for a, b in zip(line.xs, line.xs[1:])]
    assert steps == pytest.approx([steps[0]] * len(steps))


def test_distribute_spreads_every_line_including_the_last():
    text = "字" * 14
    lines = lay(text, align="distribute")
    assert [line.width for line in lines] == pytest.approx([100.0, 100.0])


def test_distribute_centres_a_single_character():
    (line,) = lay("附", align="distribute")
    assert line.xs == pytest.approx((45.0,))


# --- 孤字不成行 --------------------------------------------------------------------------

def test_orphan_pulls_one_character_down():
    text = "字" * 10 + "字。"
    lines = lay(text)
    assert texts(text, lines) == ["字" * 9, "字字。"]
    assert lines[0].width == pytest.approx(100.0)


def test_orphan_left_alone_when_the_line_above_cannot_be_justified():
    text = "abcdefghijklmnopqrst" + "字"    # the line above is one word
    lines = lay(text)
    assert texts(text, lines) == ["abcdefghijklmnopqrst", "字"]


def test_two_characters_are_not_an_orphan():
    text = "字" * 10 + "字字。"
    assert texts(text, lay(text)) == ["字" * 10, "字字。"]


# --- spaces, Latin, gaps -----------------------------------------------------------

def test_spaces_break_latin_text_and_take_no_width_at_line_ends():
    text = "the quick brown fox jumps over the lazy dog again and again"
    lines = lay(text)
    assert_well_formed(text, lines)
    for line in lines[:-1]:
        assert text[line.end - 1] == " "
        assert line.xs[-1] == pytest.approx(line.width)
        assert line.width == pytest.approx(100.0)
    for line in lines[1:]:
        assert text[line.start] != " "


def test_a_word_ending_at_the_measure_keeps_its_line_despite_the_space_after_it():
    text = "aaaaaaaaaa bbbbbbbb c dd"      # "…c" ends exactly at 100 pt
    assert texts(text, lay(text)) == ["aaaaaaaaaa bbbbbbbb c ", "dd"]


def test_leading_spaces_take_no_width():
    (line,) = lay("  字字", align="left")
    assert line.xs == pytest.approx((0.0, 0.0, 0.0, 10.0))
    assert line.width == pytest.approx(20.0)


def test_ideographic_space_is_one_em():
    (line,) = lay("目\u3000录", align="left")
    assert line.xs == pytest.approx((0.0, 10.0, 20.0))


def test_latin_gap_between_han_and_latin_but_not_at_line_edges():
    (line,) = lay("采用5G技术", align="left", latin_gap=2.5)
    assert line.xs == pytest.approx((0.0, 10.0, 22.5, 27.5, 35.0, 45.0))
    text = "字" * 9 + "AB字字"
    lines = lay(text, latin_gap=2.5)
    assert text[lines[1].start] == "A" and lines[1].xs[0] == 0.0


# --- long runs ------------------------------------------------------------------------

def test_a_200_char_latin_run_is_broken_by_characters():
    text = "x" * 200
    lines = lay(text)
    assert [line.end - line.start for line in lines] == [20] * 10
    assert not any(line.overfull for line in lines)


def test_a_run_in_a_measure_narrower_than_one_char_is_overfull():
    text = "x" * 200
    lines = lay(text, measure=3.0)
    assert len(lines) == 200
    assert all(line.overfull and line.width == pytest.approx(5.0) for line in lines)


def test_a_run_of_opening_marks_wider_than_the_measure():
    text = "字" + "（" * 30 + "字"
    lines = lay(text, measure=60.0)
    assert_well_formed(text, lines, 60.0)
    assert not any(line.overfull for line in lines)


def test_empty_text_gives_one_empty_line():
    assert lay("") == [Line(0, 0, (), 0.0, True)]


def test_bad_input_is_refused():
    with pytest.raises(ValueError):
        break_lines("字字", [10.0], [10.0, 10.0], 100.0)
    with pytest.raises(ValueError):
        lay("字", align="justified")


def test_a_number_range_is_never_broken_at_its_dash():
    from editor.layout.linebreak import break_lines
    text = "三年行动计划（2020—2022年）的通知"
    for measure in range(60, 200, 5):
        lines = break_lines(text, [10.0 if ord(c) > 255 else 5.0 for c in text], [10.0] * len(text),
                            float(measure), align="left")
        for ln in lines:
            assert not text[ln.start:ln.end].endswith("—"), (measure, text[ln.start:ln.end])
