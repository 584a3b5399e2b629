"""The shapes of 公文 elements as regular expressions, and small predicates over one line.

in: the text of one candidate paragraph; out: booleans, heading levels, the 文种 of a title.
Half-width and full-width punctuation are both accepted everywhere: submissions mix them.
"""
from __future__ import annotations

import re

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
CN_NUM = "[一二三四五六七八九十百零〇两]+"
_DATE_CORE = (r"(?:\d{4}|[〇零○一二三四五六七八九]{4})\s*年\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})"
              r"\s*月\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*日")

REGISTRATION = re.compile(
    r"^(?:[^\w]*登记(?:编)?号\s*[:：]?\s*)?[A-Z]{2,8}\s*[-－‐–—]\s*\d{4}\s*[-－‐–—]\s*\d{4,10}$")
# 文号: organ abbreviation, year in brackets, serial number, 号 (sometimes wrapped in parentheses).
_OPEN = "〔\\[［(（【〈<〖"
_CLOSE = "〕\\]］)）】〉>〗"
_X = "XＸ×"   # what a template writes where a digit or a name is still to be filled in
DOC_NUMBER = re.compile(
    rf"^[（(]?\s*(?P<org>[{HAN}{_X}][{HAN}A-Za-z{_X}]{{0,15}}?)\s*(?P<open>[{_OPEN}])\s*"
    rf"(?P<year>(?:19|20)(?:\d{{2}}|[{_X}]{{2}}))\s*(?P<close>[{_CLOSE}])\s*第?\s*(?P<num>\d{{1,5}}|[{_X}]{{1,4}})\s*号\s*[）)]?$")
DOC_NUMBER_INNER = re.compile(
    rf"(?P<org>[{HAN}]{{1,8}})(?P<open>[{_OPEN}])\s*(?:19|20)\d{{2}}\s*[{_CLOSE}]\s*第?\s*\d{{1,5}}\s*号")
DATE = re.compile(rf"^{_DATE_CORE}$")
# A template's date still to be filled in: 20XX年X月X日 (at least one X).
DATE_PLACEHOLDER = re.compile(rf"^(?=.*[{_X}])(?:\d{{4}}|20[{_X}]{{2}}|[{_X}]{{4}})年(?:\d{{1,2}}|[{_X}]{{1,2}})月"
                              rf"(?:\d{{1,2}}|[{_X}]{{1,2}})日$")
DATE_AT_END = re.compile(rf"{_DATE_CORE}$")
ISSUED = re.compile(rf"^[（(]\s*{_DATE_CORE}\s*印\s*发\s*[）)]$")
# 版记's line: "济南市人民政府办公厅　2020年5月9日印发" (the gazette prints it as （…印发）).
ISSUED_COLOPHON = re.compile(rf"^[{HAN}（）]{{2,30}}\s*{_DATE_CORE}\s*印\s*发$")
# 版头 lines of an original 公文 that the gazette does not print: the 发文机关标志 ("…文件"),
# and 份号, 密级 and 紧急程度 (GB/T 9704 §7.2), alone or several on one line, labelled or not.
LETTERHEAD = re.compile(rf"^[{HAN}（）\s]{{2,40}}文\s*件$")
_COPY_NUMBER = r"(?:份号[:：]?\d{1,8}|\d{6})"
_SECRECY = r"(?:密级[:：]?)?(?:绝密|机密|秘密)(?:★[^★]{0,8})?"
_URGENCY = r"(?:紧急程度[:：]?)?(?:特急|加急|特提|平急)"
COPY_MARKS = re.compile(rf"^(?:{_COPY_NUMBER}|{_SECRECY}|{_URGENCY})+$")   # on squeezed text
SECRECY = re.compile(r"绝密|机密|秘密")
SIGNER = re.compile(rf"^签\s*发\s*人\s*[:：]\s*[{HAN}·　 ]{{2,30}}$")    # 签发人：张建国 (上行文)
# A 版头 of a web page: lines a browser's "save as" leaves above (or under) the title.
_META_KEYS = (r"索\s*引\s*号|主题分类|主\s*题\s*词|发文机关|发布机构|成文日期|发布日期|发布时间|发文日期|"
              r"标\s*题|发文字号|公文种类|信息来源|文章来源|来\s*源|作\s*者|浏览次数|点击数|阅读次数|"
              r"责任编辑|有\s*效\s*性|生效日期|实施日期|废止日期|所属分类|信息分类|体裁分类|组配分类")
METADATA = re.compile(rf"^\s*[【\[]?(?:{_META_KEYS})\s*[】\]]?\s*[:：]")
WEB_CHROME = re.compile(r"^(?:[【\[（(]?\s*(?:字体|字号)\s*[:：]?\s*(?:[大中小默认]\s*)+[】\]）)]?|"
                        r"[【\[]?(?:打印本页|打印此页|打印|关闭窗口|关闭本页|关闭|收藏|分享到?[:：]?)[】\]]?|[\s　|丨])+$")
# Where the seal goes, written into the text: 〔此处加盖印章〕, （盖章）, （公章）.
SEAL = re.compile(r"^[（(〔\[【<〈［](?=[^）)〕\]】>〉］]*[章盖印])\s*(?:此处)?\s*(?:加盖|盖)?\s*(?:单位)?\s*(?:公章|印章|签章|章|印)?\s*(?:处|位置)?\s*"
                  r"[）)〕\]】>〉］]$")
# 附注 (GB/T 9704 §7.3.7): under the date, in parentheses.
ATTACHED_NOTE = re.compile(r"^[（(]\s*(?:此件[^（）()]{0,12}|本件[^（）()]{0,12}|此页无正文|联系人\s*[:：].*|"
                           r"联系电话\s*[:：].*)[）)]$")
# A date under a title: （2018年1月2日） or （2020年4月28日济南市第十七届人大常委会第十三次会议通过）.
TITLE_DATE = re.compile(rf"^[（(]\s*{_DATE_CORE}[^（）()]{{0,60}}[）)]$")
PERSON = re.compile(rf"^[{HAN}][{HAN}·]{{1,4}}$")       # a name alone on its line (squeezed)
# What a template leaves to be filled in: [此处输入正文], 20XX年, X月X日, XX〔20XX〕X号, ×××.
PLACEHOLDER = re.compile(rf"[\[【〔［(（]\s*(?:此处|在此|请)\s*(?:输入|填写|填入|插入|添加|键入)[^\]】〕］)）]*[\]】〕］)）]|"
                         rf"(?<![A-Za-z])[{_X}]{{2,}}(?![A-Za-z])|(?<![A-Za-z])[{_X}](?=[年月日号])")
ISSUED_AT_END = re.compile(rf"[（(]\s*{_DATE_CORE}\s*印\s*发\s*[）)]$")
SUBTITLE = re.compile(r"^(?:——|──|--|－－|—\s+—|――|—―|―—)")
ANNEX_LABEL = re.compile(r"^附\s*件\s*(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})?\s*$")
ATTACHMENT_NOTE = re.compile(r"^附\s*件\s*[0-9]*\s*[:：]")
NOTE = re.compile(r"^注\s*[0-9]*\s*[:：]")
CHAPTER = re.compile(rf"^第{CN_NUM}[编章节](?:\s|$|(?=[{HAN}]))")
ARTICLE = re.compile(rf"^第{CN_NUM}条")
SALUTATION = re.compile(r"^(?:各位|尊敬的|同志们|女士们|先生们|朋友们|亲爱的)")
ENDS_WITH_COLON = re.compile(r"[:：]$")
SENTENCE_END = re.compile(r"[。！？!?；;]")

_HEADINGS = [  # (level, pattern) — order matters: （1） must not be read as （一）
    (2, re.compile(rf"^[（(]\s*{CN_NUM}\s*[）)]")),
    (4, re.compile(r"^[（(]\s*[0-9０-９]{1,3}\s*[）)]")),
    (1, re.compile(rf"^{CN_NUM}\s*(?:、|[.．](?![0-9]))")),
    (3, re.compile(r"^[0-9０-９]{1,3}\s*(?:[.．](?![0-9０-９])|、)")),
]
HEADING_SAMPLE = {1: "一、", 2: "（一）", 3: "1.", 4: "（1）"}

ORGAN_END = re.compile(
    r"(?:政府|办公厅|办公室|委员会|常委会|局|委|厅|部|院|会|署|中心|公司|集团|学校|大学|协会|联合会|"
    r"银行|行|处|所|站|队|党组|组|室|社|馆|团|司|办|府|机关|单位)$")
ORGAN_HINT = re.compile(r"(?:政府|部门|单位|局|委|厅|办|院|公司|学校|机关|区|县|市|省|组织|企业|街道|镇|乡|所|处|党)")
_OFFICE = r"(?:市长|省长|主任|书记|局长|部长|主席|县长|区长|厅长|秘书长|委员|理事长|行长|院长|镇长|乡长)"
AUTHOR_SPACED = re.compile(rf"^[{HAN}（）()]{{2,24}}[ 　]+[{HAN}·]{{2,5}}$")
AUTHOR_OFFICE = re.compile(rf"^[{HAN}]{{1,20}}{_OFFICE}\s*[{HAN}]{{2,4}}$")

# 文种, longest first so 实施意见 → 意见 and 会议纪要 → 纪要 are found by their ending.
KINDS = ["实施意见", "指导意见", "会议纪要", "实施方案", "工作方案", "行动计划", "实施细则", "工作要点",
         "命令", "决议", "决定", "公报", "公告", "通告", "意见", "通知", "通报", "报告", "请示", "批复",
         "议案", "纪要", "办法", "规定", "细则", "条例", "规则", "方案", "计划", "规划", "要点", "名单",
         "讲话", "章程", "守则", "函", "令"]
_KIND_BASE = {"实施意见": "意见", "指导意见": "意见", "会议纪要": "纪要", "实施方案": "方案",
              "工作方案": "方案", "行动计划": "计划", "实施细则": "细则", "工作要点": "要点"}
_TRAILING_BRACKETS = re.compile(r"(?:\s*[（(][^（()）]*[）)])+\s*$")
_NO_TITLE_END = re.compile(r"[。；;！!？?，,、：:]$")


def squeeze(text: str) -> str:
    """The text without any whitespace (for matching lines that PDF extraction spaced out)."""
    return re.sub(r"\s+", "", text)


def heading_level(text: str) -> int:
    """1–4 when `text` starts with a 公文 heading number (一、 （一） 1. （1）), else 0."""
    head = text.lstrip()
    for level, pattern in _HEADINGS:
        if pattern.match(head):
            return level
    return 0


def heading_number(text: str) -> str:
    """The heading number `text` starts with (e.g. "（三）"), or ""."""
    head = text.lstrip()
    for _level, pattern in _HEADINGS:
        m = pattern.match(head)
        if m:
            return m.group(0).strip()
    return ""


def kind_of(title: str) -> str:
    """The 文种 a title ends with (通知, 意见, 报告…), "" when none is recognised."""
    core = _TRAILING_BRACKETS.sub("", squeeze(title)).rstrip("》」”")
    for kind in KINDS:
        if core.endswith(kind):
            return _KIND_BASE.get(kind, kind)
    return ""


def ends_with_kind(text: str) -> bool:
    return bool(kind_of(text))


def is_title_like(text: str, limit: int = 60) -> bool:
    """Short, no sentence inside, no numbering: could be (a line of) a title."""
    text = text.strip()
    return (0 < len(text) <= limit and "。" not in text and not _NO_TITLE_END.search(text)
            and not heading_level(text) and not SUBTITLE.match(text))


def is_doc_number(text: str) -> bool:
    return bool(DOC_NUMBER.match(squeeze(text)))


def is_recipients(text: str) -> bool:
    """主送: a short line ending with a colon that names organs (a speech's 各位代表： does not)."""
    text = text.strip()
    return (len(text) <= 90 and bool(ENDS_WITH_COLON.search(text)) and not SALUTATION.match(text)
            and "。" not in text and not heading_level(text) and bool(ORGAN_HINT.search(text))
            and not ATTACHMENT_NOTE.match(text) and not NOTE.match(text))


def is_author(text: str) -> bool:
    """Speaker line: office and name, e.g. "济南市市长 孙述涛"."""
    text = text.strip()
    return bool(AUTHOR_SPACED.match(text) or AUTHOR_OFFICE.match(text))


def is_signature_like(text: str) -> bool:
    """A short line of organ names with no punctuation: a 落款 line."""
    text = text.strip()
    if not text or len(text) > 40 or re.search(r"[。，,；;：:！!？?、]", text) or heading_level(text):
        return False
    return all(ORGAN_END.search(part) for part in re.split(r"[ 　]+", text) if part)


def is_organ_line(text: str) -> bool:
    """An organ's name alone on its line (济南市司法局), not a title that ends in a 文种."""
    return is_signature_like(text) and not ends_with_kind(text)


def is_web_page_line(text: str) -> bool:
    """A line a web page's conversion left: 发布日期：… 来源：…, 【字体：大 中 小】 打印本页."""
    text = text.strip()
    return len(text) <= 160 and bool(METADATA.match(text) or WEB_CHROME.match(text))


def copy_mark_names(text: str) -> list[str]:
    """Which 版头 marks a COPY_MARKS line holds: 份号, 密级, 紧急程度."""
    s = squeeze(text)
    found = [name for name, pattern in (("份号", _COPY_NUMBER), ("密级", _SECRECY), ("紧急程度", _URGENCY))
             if re.search(pattern, s)]
    return found or ["份号"]
