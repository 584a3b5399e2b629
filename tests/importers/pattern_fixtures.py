"""Documents the way real submissions are laid out, one per pattern a reader must see through.

Run as a script to look at them: `python tests/importers/pattern_fixtures.py OUT_DIR`.
in: a folder; out: {name: Pattern}. Each Pattern carries the file written into the folder
and what a person reading it finds — title, 文号, 主送, 落款, 成文日期 and the kinds of its
first ten blocks — written down by hand from how the document is built, never computed by
the importer. The recognition score (recognition_score.py) and test_import_patterns.py
compare the importer's reading with these.

The patterns: a 函 in 信函格式; a subtitle followed by 发文机关, 文号 and 签发人; web
conversions with a metadata block at the top (a covering 通知 with its printed plan, an 意见);
a red-header masthead in text boxes; a document opening with "附件4"; a form whose title
stands above its table (merged cells, a picture in a cell, a vertical text-box label); a
title run into the first paragraph; 份号, 密级, 发文机关标志, seal placeholders and 版记;
a date line and the speaker under a title; Markdown comments and unnumbered `#` headings;
enumerated clauses inside an article; an unfilled template.
"""
from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

from editor.model import BlockKind as K
from make_fixtures import docx_parts, png_bytes, write_zip
from wml_pieces import Piece, cat, para, picture, run, table, textbox_dml, textbox_label

CENTER, RIGHT = '<w:jc w:val="center"/>', '<w:jc w:val="right"/>'
BOLD, RED_BIG = "<w:b/>", '<w:color w:val="FF0000"/><w:sz w:val="64"/>'
PHOTO = png_bytes(3, 4)


@dataclass
class Expect:
    """What a reader finds in the document (None: not checked)."""
    title: str
    doc_number: str = ""
    recipients: str = ""
    signature: list[str] = field(default_factory=list)
    date: str = ""
    kinds: list[K] = field(default_factory=list)     # of the first ten blocks


@dataclass
class Pattern:
    name: str
    path: Path
    expect: Expect
    text: str = ""          # every visible character, in order (text sources: the file itself)


def _text(folder: Path, name: str, text: str, expect: Expect, suffix: str = ".txt") -> Pattern:
    path = folder / f"{name}{suffix}"
    path.write_text(text, encoding="utf-8")
    return Pattern(name, path, expect, text)


def _docx(folder: Path, name: str, body: Piece, expect: Expect, **parts) -> Pattern:
    path = write_zip(folder / f"{name}.docx", docx_parts(body.xml, **parts))
    return Pattern(name, path, expect, body.text)


def lines(*items: str) -> str:
    return "\n".join(items) + "\n"


# -- 信函格式 ------------------------------------------------------------------------------

def letter(folder: Path) -> Pattern:
    """A 函 in 信函格式: the office's name (the 发文机关标志), the 文号 at the right, then the
    title, the 主送, the body, the 落款 and a 附注 with the contact."""
    body = cat(
        para(run("济南市人民政府办公厅", RED_BIG), ppr=CENTER),
        para(run("济政办函〔2020〕15号"), ppr=RIGHT),
        para(run("关于商请支持济南新旧动能转换先行区建设的函", BOLD), ppr=CENTER),
        para(run("山东省发展和改革委员会：")),
        para(run("　　为加快推进济南新旧动能转换先行区建设，经市政府同意，现就有关事项函商如下。")),
        para(run("　　恳请贵委在项目审批、资金安排等方面给予支持。特此函商，请予支持。")),
        para(run("济南市人民政府办公厅"), ppr=RIGHT),
        para(run("2020年6月2日"), ppr=RIGHT),
        para(run("（联系人：王明，联系电话：0531-86012345）")))
    return _docx(folder, "letter", body, Expect(
        "关于商请支持济南新旧动能转换先行区建设的函", "济政办函〔2020〕15号", "山东省发展和改革委员会：",
        ["济南市人民政府办公厅"], "2020年6月2日",
        [K.OMITTED, K.DOC_NUMBER, K.TITLE, K.RECIPIENTS, K.PARAGRAPH, K.PARAGRAPH, K.SIGNATURE, K.DATE, K.NOTE]))


# -- subtitle, then 发文机关, 文号, 签发人 ------------------------------------------------

REPORT = lines(
    "关于2020年度法治政府建设情况的报告",
    "——在全市法治政府建设推进会上的汇报",
    "济南市司法局",
    "济司呈〔2021〕3号　　签发人：张建国",
    "市人民政府：",
    "　　2020年，在市委、市政府的坚强领导下，全市法治政府建设取得新进展。现将有关情况报告如下。",
    "一、主要工作和成效",
    "　　（一）依法全面履行政府职能。深化“放管服”改革，优化营商环境。",
    "二、下一步工作打算",
    "　　2021年，我们将继续推进法治政府建设，为全市高质量发展提供法治保障。",
    "济南市司法局",
    "2021年1月15日")


def report_subtitle(folder: Path) -> Pattern:
    return _text(folder, "report_subtitle", REPORT, Expect(
        "关于2020年度法治政府建设情况的报告", "济司呈〔2021〕3号", "市人民政府：", ["济南市司法局"], "2021年1月15日",
        [K.TITLE, K.SUBTITLE, K.AUTHOR, K.DOC_NUMBER, K.OMITTED, K.RECIPIENTS, K.PARAGRAPH, K.HEADING,
         K.HEADING, K.HEADING]))


# -- web conversions: a metadata block at the top ------------------------------------------

PLAN_NOTICE = lines(
    "索 引 号：000014349/2021-00123",
    "主题分类：国民经济管理、国有资产监管",
    "发文机关：国务院",
    "成文日期：2021年12月12日",
    "标　　题：国务院关于印发“十四五”数字经济发展规划的通知",
    "发文字号：国发〔2021〕29号",
    "发布日期：2022年01月12日",
    "国务院关于印发“十四五”数字经济发展规划的通知",
    "国发〔2021〕29号",
    "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：",
    "　　现将《“十四五”数字经济发展规划》印发给你们，请认真贯彻执行。",
    "国务院",
    "2021年12月12日",
    "（此件公开发布）",
    "“十四五”数字经济发展规划",
    "　　数字经济是继农业经济、工业经济之后的主要经济形态，是以数据资源为关键要素的新经济形态。",
    "一、发展现状和形势",
    "　　（一）发展现状。“十三五”时期，我国深入实施数字经济发展战略，取得积极成效。")


def web_plan_notice(folder: Path) -> Pattern:
    """A covering 通知 with the plan it prints, saved from a web page with its metadata table."""
    return _text(folder, "web_plan_notice", PLAN_NOTICE, Expect(
        "国务院关于印发“十四五”数字经济发展规划的通知", "国发〔2021〕29号",
        "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：", ["国务院"], "2021年12月12日",
        [K.OMITTED] * 7 + [K.TITLE, K.DOC_NUMBER, K.RECIPIENTS]))


OPINION = lines(
    "发布日期：2021-03-05　　来源：国务院办公厅",
    "【字体：大 中 小】　打印本页　关闭窗口",
    "国务院办公厅关于加快发展外贸新业态新模式的意见",
    "国办发〔2021〕24号",
    "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：",
    "　　新业态新模式是我国外贸发展的有生力量。经国务院同意，现提出以下意见。",
    "一、积极支持运用新技术新工具赋能外贸发展",
    "　　（一）推广数字智能技术应用。运用数字技术和数字工具，推动外贸全流程各环节优化提升。",
    "国务院办公厅",
    "2021年7月2日",
    "（此件公开发布）")


def web_opinion(folder: Path) -> Pattern:
    """An 意见 converted from a ministry's web page: 发布日期 / 来源 lines above the title."""
    return _text(folder, "web_opinion", OPINION, Expect(
        "国务院办公厅关于加快发展外贸新业态新模式的意见", "国办发〔2021〕24号",
        "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：", ["国务院办公厅"], "2021年7月2日",
        [K.OMITTED, K.OMITTED, K.TITLE, K.DOC_NUMBER, K.RECIPIENTS, K.PARAGRAPH, K.HEADING, K.HEADING,
         K.SIGNATURE, K.DATE]))


# -- a red-header template: the masthead in text boxes --------------------------------------

def red_header_boxes(folder: Path) -> Pattern:
    """The 发文机关标志 in two text boxes (the office's name and 文件, side by side) anchored
    in an empty first paragraph; the 文号; the title; the body."""
    body = cat(
        para(textbox_dml(para(run("济南市人民政府办公厅", RED_BIG), ppr=CENTER)),
             textbox_dml(para(run("文件", RED_BIG), ppr=CENTER))),
        para(run("济政办发〔2020〕9号"), ppr=CENTER),
        para(run("济南市人民政府办公厅关于做好2020年防汛工作的通知", BOLD), ppr=CENTER),
        para(run("各区县人民政府，市政府各部门（单位）：")),
        para(run("　　为切实做好今年防汛工作，确保安全度汛，经市政府同意，现就有关事项通知如下。")),
        para(run("　　一、压实防汛责任。各级各部门要把防汛工作摆上重要议事日程。")),
        para(run("济南市人民政府办公厅"), ppr=RIGHT),
        para(run("2020年6月10日"), ppr=RIGHT))
    return _docx(folder, "red_header_boxes", body, Expect(
        "济南市人民政府办公厅关于做好2020年防汛工作的通知", "济政办发〔2020〕9号",
        "各区县人民政府，市政府各部门（单位）：", ["济南市人民政府办公厅"], "2020年6月10日",
        [K.OMITTED, K.OMITTED, K.DOC_NUMBER, K.TITLE, K.RECIPIENTS, K.PARAGRAPH, K.HEADING, K.SIGNATURE,
         K.DATE]))


# -- titles that stand where the head rules did not look ------------------------------------

ANNEX_FIRST = lines(
    "附件4",
    "济南市既有住宅加装电梯工作流程",
    "一、申请。业主提出加装电梯申请，并征得本单元房屋专有部分占建筑物总面积三分之二以上的业主同意。",
    "二、公示。申请人在本单元显著位置公示加装电梯方案，公示期不少于10日。",
    "三、审批。申请人向所在区县行政审批部门提交申请材料，审批部门依法办理相关手续。")


def annex_first(folder: Path) -> Pattern:
    return _text(folder, "annex_first", ANNEX_FIRST, Expect(
        "济南市既有住宅加装电梯工作流程", kinds=[K.ANNEX_LABEL, K.TITLE, K.HEADING, K.HEADING, K.HEADING]))


def form_table(folder: Path) -> Pattern:
    """A form: a vertical text-box label (附 / 件 / 2, one character to a paragraph), the
    title above the table, a 填报 line, the table with merged cells and a photo in a cell,
    and the notes under it."""
    merged = {(0, 1): '<w:gridSpan w:val="3"/>', (1, 0): '<w:vMerge w:val="restart"/>', (2, 0): "<w:vMerge/>",
              (1, 3): '<w:vMerge w:val="restart"/>', (2, 3): "<w:vMerge/>"}
    grid = table([
        [para(run("机构名称")), para(run("济南市历下区颐养中心"))],
        [para(run("基本情况")), para(run("床位数")), para(run("120张")), para(picture("rIdPhoto"))],
        [Piece(""), para(run("入住人数")), para(run("96人")), Piece("")],
        [para(run("申请金额")), para(run("28.8万元")), para(run("审核意见")), para(run("同意"))]], props=merged)
    body = cat(
        para(textbox_label("附件2")),
        para(run("济南市养老服务机构运营补贴申请表", BOLD), ppr=CENTER),
        para(run("填报单位（盖章）：　　　　　　　　填报日期：2020年6月1日")),
        grid,
        para(run("填表说明：本表一式三份，由养老服务机构填写，报所在区县民政部门审核。")))
    return _docx(folder, "form_table", body, Expect(
        "济南市养老服务机构运营补贴申请表", kinds=[K.ANNEX_LABEL, K.TITLE, K.PARAGRAPH, K.TABLE, K.PARAGRAPH]),
        media={"rIdPhoto": PHOTO})


RUN_IN = ("济南市应急管理局关于开展2020年安全生产大检查的通知为深刻吸取近期事故教训，全面排查整治安全隐患，"
          "市应急管理局决定在全市开展安全生产大检查，现将有关事项通知如下。\n"
          "一、检查时间。2020年6月至9月。\n"
          "二、检查内容。重点检查企业安全生产主体责任落实情况。\n"
          "济南市应急管理局\n"
          "2020年5月28日\n")


def title_run_in(folder: Path) -> Pattern:
    return _text(folder, "title_run_in", RUN_IN, Expect(
        "济南市应急管理局关于开展2020年安全生产大检查的通知", signature=["济南市应急管理局"], date="2020年5月28日",
        kinds=[K.TITLE, K.PARAGRAPH, K.HEADING, K.HEADING, K.SIGNATURE, K.DATE]))


# -- what a public gazette must not print ----------------------------------------------------

CLASSIFIED = lines(
    "000123",
    "秘密★1年",
    "特急",
    "济南市人民政府文件",
    "济政发〔2020〕12号",
    "济南市人民政府关于加强安全生产工作的通知",
    "各区县人民政府，市政府各部门（单位）：",
    "　　为进一步加强安全生产工作，现将有关事项通知如下。",
    "济南市人民政府",
    "〔此处加盖印章〕",
    "2020年6月5日",
    "（此件公开发布）",
    "抄送：市委各部门，市人大常委会办公厅，市政协办公厅。",
    "济南市人民政府办公厅　　　　2020年6月5日印发")


def classified(folder: Path) -> Pattern:
    return _text(folder, "classified", CLASSIFIED, Expect(
        "济南市人民政府关于加强安全生产工作的通知", "济政发〔2020〕12号", "各区县人民政府，市政府各部门（单位）：",
        ["济南市人民政府"], "2020年6月5日",
        [K.OMITTED, K.OMITTED, K.OMITTED, K.OMITTED, K.DOC_NUMBER, K.TITLE, K.RECIPIENTS, K.PARAGRAPH,
         K.SIGNATURE, K.OMITTED]))


def classified_labelled(folder: Path) -> Pattern:
    """份号 and 密级 written with their labels, as a Word template has them."""
    body = cat(
        para(run("份号：000045")),
        para(run("密级：秘密")),
        para(run("济南市财政局文件", RED_BIG), ppr=CENTER),
        para(run("济财预〔2020〕33号"), ppr=CENTER),
        para(run("济南市财政局关于下达2020年度专项资金的通知", BOLD), ppr=CENTER),
        para(run("各区县财政局：")),
        para(run("　　根据2020年预算安排，现将专项资金下达给你们，请按规定使用。")),
        para(run("济南市财政局"), ppr=RIGHT),
        para(run("（盖章）"), ppr=RIGHT),
        para(run("2020年7月1日"), ppr=RIGHT))
    return _docx(folder, "classified_labelled", body, Expect(
        "济南市财政局关于下达2020年度专项资金的通知", "济财预〔2020〕33号", "各区县财政局：", ["济南市财政局"],
        "2020年7月1日",
        [K.OMITTED, K.OMITTED, K.OMITTED, K.DOC_NUMBER, K.TITLE, K.RECIPIENTS, K.PARAGRAPH, K.SIGNATURE,
         K.OMITTED, K.DATE]))


# -- lines under a title ----------------------------------------------------------------------

SPEECH = lines(
    "在全市优化营商环境工作会议上的讲话",
    "（2018年1月2日）",
    "孙述涛",
    "同志们：",
    "　　今天，我们召开全市优化营商环境工作会议，主要任务是动员全市上下进一步优化营商环境。",
    "一、充分认识优化营商环境的重要意义",
    "　　营商环境就是生产力、竞争力。")


def speech_date_author(folder: Path) -> Pattern:
    return _text(folder, "speech_date_author", SPEECH, Expect(
        "在全市优化营商环境工作会议上的讲话",
        kinds=[K.TITLE, K.SUBTITLE, K.AUTHOR, K.PARAGRAPH, K.PARAGRAPH, K.HEADING, K.PARAGRAPH]))


# -- Markdown ---------------------------------------------------------------------------------

MARKDOWN = lines(
    "<!-- 由网页转换：http://www.jinan.gov.cn/art/2021/3/5/art_1.html -->",
    "# 济南市数字政府建设实施方案",
    "",
    "为加快数字政府建设，提升政府治理能力，制定本方案。",
    "",
    "## 总体要求",
    "",
    "### 指导思想",
    "",
    "坚持以人民为中心，以数字化转型整体驱动治理方式变革。",
    "",
    "### 工作目标",
    "",
    "到2022年，基本建成整体协同、高效运行的数字政府。<!-- 目标待核 -->",
    "",
    "## 重点任务",
    "",
    "### 推进政务服务“一网通办”",
    "",
    "#### 统一身份认证",
    "",
    "全市政务服务事项实行统一身份认证。",
    "",
    "## 保障措施",
    "",
    "<!--",
    "此处删去一段旧文字",
    "-->",
    "各部门要加强组织领导，确保各项任务落到实处。")


def markdown_headings(folder: Path) -> Pattern:
    """HTML comments (one inline, one over three lines) and `#` headings with no numbers."""
    return _text(folder, "markdown_headings", MARKDOWN, Expect(
        "济南市数字政府建设实施方案",
        kinds=[K.TITLE, K.PARAGRAPH, K.HEADING, K.HEADING, K.PARAGRAPH, K.HEADING, K.PARAGRAPH, K.HEADING,
               K.HEADING, K.HEADING]), suffix=".md")


# -- enumerated clauses inside an article -------------------------------------------------------

RULES = lines(
    "济南市政府信息公开办法",
    "第一章　总则",
    "第一条　为了保障公民、法人和其他组织依法获取政府信息，制定本办法。",
    "第二条　行政机关应当主动公开本机关的下列政府信息：",
    "（一）机构职能",
    "（二）规范性文件",
    "（三）发展规划",
    "（四）统计信息",
    "（五）财政预算",
    "（六）行政许可",
    "（七）行政处罚",
    "第三条　行政机关应当建立健全政府信息公开协调机制。",
    "第四条　本办法自2021年1月1日起施行。")


def article_clauses(folder: Path) -> Pattern:
    return _text(folder, "article_clauses", RULES, Expect(
        "济南市政府信息公开办法",
        kinds=[K.TITLE, K.CHAPTER, K.PARAGRAPH, K.PARAGRAPH] + [K.LIST_ITEM] * 6))


# -- an unfilled template -------------------------------------------------------------------------

TEMPLATE = lines(
    "济南市XX局关于XXXX的通知",
    "XX〔20XX〕X号",
    "各区县人民政府：",
    "[此处输入正文]",
    "济南市XX局",
    "20XX年X月X日")


def template(folder: Path) -> Pattern:
    return _text(folder, "template", TEMPLATE, Expect(
        "济南市XX局关于XXXX的通知", "XX〔20XX〕X号", "各区县人民政府：", ["济南市XX局"], "20XX年X月X日",
        [K.TITLE, K.DOC_NUMBER, K.RECIPIENTS, K.PARAGRAPH, K.SIGNATURE, K.DATE]))


PATTERNS = {
    "letter": letter, "report_subtitle": report_subtitle, "web_plan_notice": web_plan_notice,
    "web_opinion": web_opinion, "red_header_boxes": red_header_boxes, "annex_first": annex_first,
    "form_table": form_table, "title_run_in": title_run_in, "classified": classified,
    "classified_labelled": classified_labelled, "speech_date_author": speech_date_author,
    "markdown_headings": markdown_headings, "article_clauses": article_clauses, "template": template,
}


def build_patterns(folder: Path) -> dict[str, Pattern]:
    folder.mkdir(parents=True, exist_ok=True)
    return {name: build(folder) for name, build in PATTERNS.items()}


if __name__ == "__main__":
    for pattern in build_patterns(Path(sys.argv[1] if len(sys.argv) > 1 else "pattern-fixtures")).values():
        print(pattern.path)
