"""公文 structure recognition on candidate paragraphs, and its proofreading diagnostics."""
from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from editor.importers.jsonview import document_to_json
from editor.importers.markdown import parse_markdown
from editor.importers.patterns import heading_level, kind_of
from editor.importers.recognize import recognize
from editor.model import Block, BlockKind, Run, Severity
from importer_checks import assert_nothing_lost

K = BlockKind


def rec(text: str):
    return recognize(parse_markdown(text))


def lines(*items: str) -> str:
    return "\n".join(items) + "\n"


def codes(doc, code):
    return [d for d in doc.diagnostics if d.code == code]


NOTICE = lines("济南市人民政府办公厅", "关于印发某某办法的通知", "济政办字〔2020〕20号", "各区县人民政府，市政府各部门（单位）：",
               "现将《某某办法》印发给你们，请认真贯彻执行。", "济南市人民政府办公厅", "2020年5月13日",
               "某某办法", "第一章 总则", "第一条 为了规范管理，制定本办法。", "（2020年5月13日印发）")


def test_notice_with_printed_regulation():
    doc = rec(NOTICE)
    assert [b.kind for b in doc.blocks] == [K.TITLE, K.DOC_NUMBER, K.RECIPIENTS, K.PARAGRAPH, K.SIGNATURE,
                                           K.DATE, K.ANNEX_TITLE, K.CHAPTER, K.PARAGRAPH, K.ISSUED]
    assert doc.blocks[0].text == "济南市人民政府办公厅\n关于印发某某办法的通知"
    assert doc.kind == "通知"
    assert doc.blocks[8].reason == "条文（第一条）"
    assert all(b.reason for b in doc.blocks)
    assert not [d for d in doc.diagnostics if d.severity != Severity.INFO]


@pytest.mark.parametrize("number", ["济政字[2020]28号", "济政字(2020)28号", "济政字（2020）28号",
                                    "济政字【2020】28号", "济政字〈2020〉28号", "济政字 [ 2020 ] 28 号"])
def test_wrong_doc_number_brackets_recognised_and_reported(number):
    doc = rec(lines("济南市人民政府关于表扬企业的通报", number, "各区县人民政府：", "正文。", "济南市人民政府", "2020年5月9日"))
    assert doc.blocks[1].kind == K.DOC_NUMBER and doc.doc_number == number
    [warning] = codes(doc, "doc-number-brackets")
    assert warning.severity == Severity.WARNING and warning.block == 1
    assert "〔〕" in warning.message and "济政字〔2020〕28号" in warning.message


def test_right_doc_number_brackets_not_reported():
    doc = rec(lines("济南市人民政府关于表扬企业的通报", "济政字〔2020〕28号", "各区县人民政府：", "正文。",
                    "济南市人民政府", "2020年5月9日"))
    assert codes(doc, "doc-number-brackets") == []


def test_missing_date_and_signature_reported():
    doc = rec(lines("济南市人民政府关于表扬企业的通报", "济政字〔2020〕28号", "各区县人民政府：", "正文到此结束。"))
    assert [d.message for d in codes(doc, "missing-date")] == ["文件缺少成文日期"]
    assert [d.message for d in codes(doc, "missing-signature")] == ["文件缺少落款"]
    assert all(d.block == 0 and d.severity == Severity.WARNING for d in doc.diagnostics)
    dated = rec(lines("关于表扬企业的通报", "各区县人民政府：", "正文到此结束。", "2020年5月9日"))
    assert codes(dated, "missing-date") == [] and len(codes(dated, "missing-signature")) == 1


def test_speech_head_and_no_closing_needed():
    doc = rec(lines("# 政府工作报告", "——2020年5月12日在济南市第十七届", "人民代表大会第二次会议上",
                    "济南市市长 孙述涛", "各位代表：", "现在，我代表市人民政府，向大会报告工作。"))
    assert [b.kind for b in doc.blocks] == [K.TITLE, K.SUBTITLE, K.AUTHOR, K.PARAGRAPH, K.PARAGRAPH]
    assert doc.blocks[3].reason == "称呼语"
    assert doc.kind == "报告" and not codes(doc, "missing-date")


def test_registration_multi_line_bold_title_and_joint_signature():
    doc = rec(lines("JNCR - 2020 - 0150004", "", "**济南市住房和城乡建设局 济南市自然资源和规划局  ",
                    "济南市生态环境局 济南市城市管理局  ", "关于印发《济南市建筑外立面管理办法》的通知**  ",
                    "济建发〔2020〕23号", "", "各有关单位：", "", "为规范建筑外立面管理，现将办法印发给你们。", "",
                    "济南市住房和城乡建设局  ", "济南市自然资源和规划局  ", "济南市生态环境局  ", "济南市城市管理局  ",
                    "2020年5月9日"))
    assert doc.registration == "JNCR - 2020 - 0150004"
    assert doc.title_lines == ["济南市住房和城乡建设局 济南市自然资源和规划局", "济南市生态环境局 济南市城市管理局",
                               "关于印发《济南市建筑外立面管理办法》的通知"]
    assert doc.recipients == "各有关单位："
    assert doc.signature == ["济南市住房和城乡建设局", "济南市自然资源和规划局", "济南市生态环境局", "济南市城市管理局"]
    assert "3 行合并" in doc.blocks[1].reason and "加粗" in doc.blocks[1].reason


def test_headings_levels_and_run_in():
    doc = rec(lines("关于某事的意见", "各有关单位：", "一、总体要求", "（一）指导思想。坚持问题导向，突出重点。",
                    "（二）工作目标。", "1. 厘清事项清单。对各级事项实行清单化管理。", "（1）细化分工。明确责任。",
                    "二、保障措施"))
    heads = [(b.level, b.reason) for b in doc.blocks if b.kind == K.HEADING]
    assert [h[0] for h in heads] == [1, 2, 2, 3, 4, 1]
    assert "段中标题" in heads[1][1] and "单独成段" in heads[2][1] and "以“1.”开头的三级标题" in heads[3][1]


def test_numbered_short_lines_are_list_items():
    doc = rec(lines("附件", "济南市创新发展突出贡献企业名单", "一、企业集团（10个）", "1. 山东钢铁集团有限公司",
                    "2. 中国重型汽车集团有限公司", "3. 中国工商银行股份有限公司济南", "分行", "4. 浪潮集团有限公司",
                    "二、制造业（30户）", "1. 山东中烟工业有限责任公司", "2. 九阳股份有限公司"))
    assert [b.kind for b in doc.blocks] == [K.ANNEX_LABEL, K.TITLE, K.HEADING] + [K.LIST_ITEM] * 3 + [
        K.PARAGRAPH, K.LIST_ITEM, K.HEADING, K.LIST_ITEM, K.LIST_ITEM]


def test_enumeration_inside_article():
    doc = rec(lines("第十五条 建筑外立面应当保持整洁。", "建筑物外立面有下列情形之一的，应当及时清洗和翻新：",
                    "（一）有明显污迹或者严重变色的；", "（二）表面残损、脱落或者装饰材料剥落的；",
                    "（三）对建筑物外立面进行粉刷或者修缮的，应当使用符合国家产品质量标准和环境保护、建筑节能要求的建筑涂料和材料，"
                    "在技术和经济许可的范围内，鼓励优先采用推广目录中的材料和技术。"))
    assert [b.kind for b in doc.blocks] == [K.PARAGRAPH, K.PARAGRAPH, K.LIST_ITEM, K.LIST_ITEM, K.LIST_ITEM]


def test_attachment_note_note_and_issued():
    doc = rec(lines("关于深入推进老旧小区改造的实施意见", "济政办字〔2020〕21号", "各区县人民政府：", "正文。",
                    "附件：1. 基础类公共设施改造内容与标准", "2. 老旧小区改造任务分工表", "济南市人民政府办公厅",
                    "2020年5月11日", "（2020年5月11日印发）", "注：本文附件详见济南市人民政府网站"))
    assert doc.attachments == ["附件：1. 基础类公共设施改造内容与标准", "2. 老旧小区改造任务分工表"]
    assert [b.kind for b in doc.blocks[-4:]] == [K.SIGNATURE, K.DATE, K.ISSUED, K.NOTE]


def test_half_width_punctuation_forms():
    doc = rec(lines("关于某事的通知", "济政字(2020)5号", "各区县人民政府:", "正文。", "附件:1. 名单", "2. 清单",
                    "济南市人民政府", "2020年5月9日", "(2020年5月9日印发)"))
    assert [b.kind for b in doc.blocks] == [K.TITLE, K.DOC_NUMBER, K.RECIPIENTS, K.PARAGRAPH, K.ATTACHMENT_NOTE,
                                           K.ATTACHMENT_NOTE, K.SIGNATURE, K.DATE, K.ISSUED]


def test_whole_document_in_one_paragraph():
    source = ("济南市人民政府关于表扬2019年度创新发展突出贡献企业的通报济政字〔2020〕28号各区县人民政府，市政府各部门（单位）："
              "2019年度，全市各级各部门勇于创新、奋力开拓。一、总体情况。企业发展良好。二、表扬名单。予以通报表扬。"
              "济南市人民政府2020年5月9日（2020年5月9日印发）")
    doc = rec(source)
    assert doc.title == "济南市人民政府关于表扬2019年度创新发展突出贡献企业的通报"
    assert (doc.doc_number, doc.recipients) == ("济政字〔2020〕28号", "各区县人民政府，市政府各部门（单位）：")
    assert (doc.signature, doc.date, doc.issued) == (["济南市人民政府"], "2020年5月9日", "（2020年5月9日印发）")
    assert [b.level for b in doc.blocks if b.kind == K.HEADING] == [1, 1]
    assert_nothing_lost(source, doc)


def test_original_gongwen_letterhead_and_colophon():
    doc = rec(lines("000123", "特急", "济南市人民政府文件", "济政发〔2020〕1号", "济南市人民政府", "关于某事的通知",
                    "各区县人民政府：", "正文。", "济南市人民政府", "2020年5月9日", "抄送：市委办公厅。",
                    "济南市人民政府办公厅　2020年5月9日印发"))
    assert [b.kind for b in doc.blocks] == [K.OMITTED] * 3 + [K.DOC_NUMBER, K.TITLE, K.RECIPIENTS, K.PARAGRAPH,
                                                              K.SIGNATURE, K.DATE, K.OMITTED, K.OMITTED]
    assert "版头" in doc.blocks[2].reason and "版记" in doc.blocks[9].reason and "版记" in doc.blocks[10].reason
    assert doc.title == "济南市人民政府关于某事的通知"


def test_cited_doc_number_does_not_split_a_paragraph():
    source = ("为加快推进我市养老服务发展，根据《山东省人民政府办公厅关于推进养老服务发展的实施意见》"
              "（鲁政办发〔2019〕31号）精神，经市政府同意，现提出如下实施意见。")
    doc = rec(source)
    assert [(b.kind, b.text) for b in doc.blocks] == [(K.PARAGRAPH, source)]


def test_bold_runs_survive_title_merge_and_split():
    blocks = [Block(K.PARAGRAPH, [Run("济南市人民政府", bold=True)], align="center"),
              Block(K.PARAGRAPH, [Run("关于某事的通知", bold=True)], align="center"),
              Block(K.PARAGRAPH, [Run("第一条", bold=True), Run(" 为了规范。")])]
    doc = recognize(blocks)
    assert [(r.text, r.bold) for r in doc.blocks[0].runs] == [("济南市人民政府\n关于某事的通知", True)]
    assert doc.blocks[1].runs[0].bold and not doc.blocks[1].runs[1].bold
    assert doc.blocks[0].align == ""          # the layout places kinds; only odd body alignment is kept
    assert blocks[0].kind == K.PARAGRAPH      # the input is not changed


def test_proofreading_diagnostics_carry_block_index():
    doc = rec(lines("关于某事的通知", "各有关单位：", "正文（没有右括号。", "他说“好。", "企业名称,地址;电话:号码?是!",
                    "瑞康医药 (山东) 有限公司。", "多余 空格在这里。", "第一条 条号后的空格不算。", "第一章 总 则",
                    "济南市人民政府", "2020年5月9日"))
    found = {(d.code, d.block, d.severity) for d in doc.diagnostics}
    assert ("unpaired-brackets", 2, Severity.WARNING) in found
    assert ("unpaired-quotes", 3, Severity.WARNING) in found
    assert ("halfwidth-punctuation", 4, Severity.WARNING) in found
    assert ("halfwidth-punctuation", 5, Severity.WARNING) in found
    assert ("stray-space", 6, Severity.INFO) in found
    assert not [d for d in doc.diagnostics if d.block in (0, 1, 7, 8, 9, 10)]
    messages = {d.code: d.message for d in doc.diagnostics}
    assert messages["unpaired-brackets"].startswith("括号不配对")
    assert messages["unpaired-quotes"].startswith("引号不配对")
    assert messages["halfwidth-punctuation"].startswith("中文中使用了半角标点")


def test_heading_levels_and_kinds_table():
    assert [heading_level(t) for t in ("一、总体", "（一）指导", "(二)目标", "1.清单", "1．清单", "2、任务",
                                       "（1）细化", "2.5亿元", "2020年", "一年来", "十分重要")] == [
        1, 2, 2, 3, 3, 3, 4, 0, 0, 0, 0]
    assert [kind_of(t) for t in ("某某的实施意见", "某某行动计划（2020—2022年）", "关于印发《办法》的通知",
                                 "会议纪要", "政府工作报告", "某某名单", "没有文种的标题")] == [
        "意见", "计划", "通知", "纪要", "报告", "名单", ""]


def test_json_view():
    data = document_to_json(rec(NOTICE))
    assert data["kind"] == "通知" and data["doc_number"] == "济政办字〔2020〕20号"
    assert data["title"] == "济南市人民政府办公厅关于印发某某办法的通知"
    assert data["blocks"][0] == {"kind": "title", "level": 0, "text": "济南市人民政府办公厅\n关于印发某某办法的通知",
                                 "reason": data["blocks"][0]["reason"]}
    assert set(data) == {"kind", "title", "doc_number", "source", "encoding", "blocks", "diagnostics"}


_PIECES = st.sampled_from(["济南市人民政府", "关于某事的通知", "济政字〔2020〕28号", "各区县人民政府：", "一、", "（一）",
                           "1.", "。", "；", "附件：", "2020年5月9日", "（2020年5月9日印发）", "——", "第一章", "第一条 ",
                           "注：", "JNCR-2020-0150004", "(", "）", "“", "abc", " ", "\u3000", "**"])


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(_PIECES, min_size=1, max_size=6).map("".join), max_size=14))
def test_recognition_never_raises_and_never_loses(paragraphs):
    source = "\n".join(paragraphs)
    doc = rec(source)
    assert_nothing_lost(source, doc)
    for block in doc.blocks:
        assert block.reason
        assert block.kind != K.HEADING or 1 <= block.level <= 4
