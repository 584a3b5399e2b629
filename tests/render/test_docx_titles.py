"""Where a DOCX title carries a line break (issue 11, item 3): only where our layout broke
it and a reader filling its lines would otherwise break inside a word (or a unit the title
holds together, as 三年行动计划); the issuer's line,
a newline of the source, and a title that would take another number of lines keep ours.

Pure: every Han character one em, Latin half an em, widths in em; words as jieba cuts them
(layout.titlebreak.break_costs).
"""
from editor.layout.titlebreak import break_title
from editor.render.docx.placed import LaidLine
from editor.render.docx.titles import carried_breaks, reader_lines, title_parts, word_breaks


def em(ch: str) -> float:
    return 0.5 if ch.isascii() else 1.0


def our_breaks(text: str, width: float, issuer_apart: bool = False) -> list[int]:
    """Where our layout starts each line after the first (break_title, as it sets titles)."""
    starts, pos = [], 0
    for line in break_title(text, width, em, issuer_apart=issuer_apart)[:-1]:
        pos = text.index(line, pos) + len(line)
        starts.append(pos)
    return starts


def laid(text: str, width: float) -> list[LaidLine]:
    return [LaidLine(line, 0.0, 0, 0.0, 22.0) for line in break_title(text, width, em, issuer_apart=True)]


def test_a_reader_that_breaks_where_we_do_needs_no_break():
    text = "关于促进生活性服务业高端化发展的意见"
    ours = our_breaks(text, 10)
    assert reader_lines(text, set(), 10, em) == ours          # the same place, between words
    assert carried_breaks(text, ours, 10, em) == set()


def test_our_break_is_carried_where_the_reader_would_cut_a_word():
    text = "关于进一步加强城市精细化管理工作的意见"
    ours = our_breaks(text, 11)
    (cut,) = reader_lines(text, set(), 11, em)
    assert cut not in word_breaks(text)                         # 精细|化: inside a word
    assert carried_breaks(text, ours, 11, em) == set(ours)


def test_what_is_carried_is_ours_and_leaves_the_reader_no_cut_inside_a_word():
    for text, width in (("关于加快推进在线新经济发展的实施意见", 10),
                        ("关于印发济南市老旧小区改造实施方案的通知", 12),
                        ("关于表扬2019年度创新发展突出贡献企业的通报", 11)):
        ours = our_breaks(text, width)
        carried = carried_breaks(text, ours, width, em)
        assert carried <= set(ours)
        starts = reader_lines(text, carried, width, em)
        assert len(starts) == len(ours)                          # as many lines as ours
        assert all(s in word_breaks(text) or s in carried for s in starts)


def test_a_number_keeps_what_it_counts_as_our_layout_keeps_it():
    # the printed title: …在线新经济发展 / 三年行动计划（2020—2022年）的通知
    text = "关于印发济南市加快推进在线新经济发展三年行动计划（2020—2022年）的通知"
    ours = [text.index("三年")]
    assert reader_lines(text, set(), 20, em) == [text.index("行动")]   # 三年 | 行动: a reader's
    assert text.index("行动") not in word_breaks(text)
    assert carried_breaks(text, ours, 20, em) == set(ours)


def test_a_title_a_reader_would_set_in_fewer_lines_keeps_all_our_breaks():
    text = "关于加快推进在线新经济发展的实施意见"
    ours = [4, 10]          # three short lines where the reader fills two
    assert len(reader_lines(text, set(), 12, em)) < len(ours)
    assert carried_breaks(text, ours, 12, em) == set(ours)


def test_the_issuer_stands_on_its_line_and_a_newline_of_the_source_stays():
    title = "济南市人民政府关于表扬2019年度创新发展突出贡献企业的通报"
    parts = title_parts(title, laid(title, 12), 12, em)
    assert parts[0] == "济南市人民政府"
    assert "".join(parts) == title
    two = "济南市人民政府办公厅\n关于测试导出的通知"
    lines = [LaidLine("济南市人民政府办公厅", 0, 0, 0, 22), LaidLine("关于测试导出的通知", 0, 0, 30, 22)]
    assert title_parts(two, lines, 20, em) == ["济南市人民政府办公厅", "关于测试导出的通知"]


def test_a_title_our_lines_do_not_spell_out_keeps_only_its_own_breaks():
    assert title_parts("甲乙\n丙丁", [LaidLine("别的", 0, 0, 0, 22)], 20, em) == ["甲乙", "丙丁"]
