"""What the archive compares across issues: a 文号 in any bracket form is one 文号; dates as
公文 print them; the 发文机关 of a document signed, unsigned or spoken."""
import datetime

import pytest

from editor.archive.fields import doc_number_query, normal_doc_number, organs, parse_date
from editor.model import Block, BlockKind, Document

FORMS = ["济政办发〔2020〕7号", "济政办发[2020]7号", "济政办发［2020］7号", "济政办发(2020)7号",
         "济政办发（2020）7号", "济政办发【2020】7号", "济政办发〈2020〉7号", " 济政办发 〔2020〕 第07号 ",
         "（济政办发〔2020〕7号）"]


@pytest.mark.parametrize("written", FORMS)
def test_a_doc_number_in_any_bracket_form_is_one_doc_number(written):
    assert normal_doc_number(written) == "济政办发〔2020〕7号"
    assert doc_number_query(written) == "济政办发〔2020〕7号"


def test_a_query_may_be_a_doc_numbers_tail_and_words_are_not_doc_numbers():
    assert doc_number_query("[2020]17号") == "〔2020〕17号"
    assert doc_number_query("养老 服务") is None and doc_number_query("2020年") is None
    assert normal_doc_number("不是 文号") == "不是文号"


@pytest.mark.parametrize("text, day", [
    ("2020年5月9日", datetime.date(2020, 5, 9)), ("二〇二〇年五月九日", datetime.date(2020, 5, 9)),
    ("二〇二〇年十二月三十一日", datetime.date(2020, 12, 31)), ("（2020年4月30日印发）", datetime.date(2020, 4, 30)),
    ("2020-06-05", datetime.date(2020, 6, 5)), ("2020年2月30日", None), ("五月", None)])
def test_dates_as_printed(text, day):
    assert parse_date(text) == day


def doc(*blocks) -> Document:
    return Document(blocks=[Block.of(kind, text) for kind, text in blocks])


def test_the_issuing_organs_come_from_the_signature_else_the_title_else_the_speaker():
    signed = doc((BlockKind.TITLE, "关于甲的通知"), (BlockKind.SIGNATURE, "济南市人民政府办公厅"),
                 (BlockKind.SIGNATURE, " 济南市财政局 "))
    assert organs(signed) == ("济南市人民政府办公厅", "济南市财政局")
    joint = doc((BlockKind.TITLE, "济南市住房和城乡建设局 济南市生态环境局关于印发办法的通知"))
    assert organs(joint) == ("济南市住房和城乡建设局", "济南市生态环境局")
    speech = doc((BlockKind.TITLE, "政府工作报告"), (BlockKind.AUTHOR, "济南市市长 孙述涛"))
    assert organs(speech) == ("济南市市长 孙述涛",)
    assert organs(doc((BlockKind.TITLE, "关于乙的意见"))) == ()
