"""Finding documents across the archive (issue 15, item 3), on summaries made by hand: by 文号
in any bracket form, by words of the title or the text (the page where they are printed), by
发文机关, by date range; every condition given must hold."""
import datetime

from editor.archive.search import Query, find

from summaries import document, issue

ARCHIVE = [
    issue(10, 320, "2020-05-20",
          document("关于加快推进养老服务发展的实施意见", "济政办发〔2020〕7号", date="2020-04-30",
                   pages=((23, "为加快推进养老服务"), (24, "发展，健全居家社区机构相协调"))),
          document("政府工作报告", organs=("济南市市长 孙述涛",), date="", pages=((3, "各位代表"),),
                   section="市十七届人大二次会议文件")),
    issue(11, 321, "2020-06-05",
          document("关于深入推进老旧小区改造的实施意见", "济政办字〔2020〕21号", date="2020-05-11",
                   pages=((5, "推进城镇老旧小区改造"), (6, "加装电梯，完善养老设施"))),
          document("关于印发建筑外立面管理办法的通知", "济建发〔2020〕23号",
                   organs=("济南市住房和城乡建设局", "济南市生态环境局"), date="2020-05-09",
                   pages=((9, "外立面"),), section="市政府部门文件")),
]


def found(query: Query) -> list[tuple[int, int, str]]:
    return [(h.issue.number, h.page, h.where) for h in find(ARCHIVE, query)]


def test_a_doc_number_in_every_bracket_form_finds_its_document_only():
    for written in ("济政办发〔2020〕7号", "济政办发[2020]7号", "济政办发(2020)7号", "济政办发（2020）7号",
                    "济政办发【2020】7号", "济政办发〈2020〉7号", "〔2020〕7号"):
        assert found(Query(written)) == [(10, 23, "文号")], written
    assert found(Query("济政办发〔2020〕17号")) == []


def test_words_of_the_title_give_the_first_page_and_words_of_the_text_the_page_they_are_on():
    assert found(Query("养老服务 实施意见")) == [(10, 23, "标题")]
    assert found(Query("养老")) == [(10, 23, "标题"), (11, 6, "正文")]
    hit, = find(ARCHIVE, Query("加装 电梯"))
    assert (hit.page, hit.where) == (6, "正文") and "加装电梯" in hit.excerpt
    assert found(Query("养老 外立面")) == []                  # every word must be in one document


def test_words_run_on_over_the_page_and_each_word_is_looked_for_apart():
    assert found(Query("服务发展，健全")) == [(10, 23, "正文")]      # starts on page 23
    assert found(Query("健全 居家 社区")) == [(10, 24, "正文")]


def test_the_issuing_organ_and_the_date_range_narrow_the_search():
    assert found(Query(organ="生态环境局")) == [(11, 9, "")]
    may = Query(since=datetime.date(2020, 5, 1), until=datetime.date(2020, 5, 31))
    # 政府工作报告 has no date of its own: the issue's (2020-05-20) stands for it
    assert found(may) == [(10, 3, ""), (11, 5, ""), (11, 9, "")]
    assert found(Query("实施意见", since=datetime.date(2020, 5, 1))) == [(11, 5, "标题")]
    assert Query().empty and not Query(organ="局").empty
