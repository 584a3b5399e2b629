"""Chinese names the editor sees for block kinds, severities and issue fields.

in: model enums and field names; out: display strings. Pure data, no Qt.
"""
from __future__ import annotations

from ..model import BlockKind, Severity

KIND_NAMES: dict[BlockKind, str] = {
    BlockKind.REGISTRATION: "登记号",
    BlockKind.TITLE: "标题",
    BlockKind.SUBTITLE: "副标题",
    BlockKind.AUTHOR: "署名",
    BlockKind.DOC_NUMBER: "文号",
    BlockKind.RECIPIENTS: "主送",
    BlockKind.PARAGRAPH: "正文",
    BlockKind.HEADING: "层次标题",
    BlockKind.CHAPTER: "章",
    BlockKind.LIST_ITEM: "列项",
    BlockKind.TABLE: "表格",
    BlockKind.IMAGE: "图片",
    BlockKind.PAGE_BREAK: "分页",
    BlockKind.ATTACHMENT_NOTE: "附件说明",
    BlockKind.SIGNATURE: "落款",
    BlockKind.DATE: "成文日期",
    BlockKind.ANNEX_LABEL: "附件标签",
    BlockKind.ANNEX_TITLE: "附件标题",
    BlockKind.ISSUED: "印发",
    BlockKind.NOTE: "注",
    BlockKind.OMITTED: "不印",
}

PAGE_KIND_NAMES = {"cover": "封面", "toc": "目录", "blank": "空白页", "back": "封底"}

SEVERITY_NAMES = {Severity.ERROR: "错误", Severity.WARNING: "警告", Severity.INFO: "提示"}

# The issue fields the metadata form edits, in form order: (field, label, kind)
META_FIELDS: list[tuple[str, str, str]] = [
    ("name", "刊名", "text"),
    ("year", "年份", "int"),
    ("number", "期", "int"),
    ("total_number", "总期", "int"),
    ("date", "出版日期", "date"),
    ("sponsor", "主管主办", "text"),
    ("publisher", "编辑出版", "text"),
    ("printer", "印刷单位", "text"),
    ("internal_number", "内部刊号", "text"),
    ("address", "地址", "text"),
    ("postcode", "邮编", "text"),
    ("phone", "电话", "text"),
    ("website", "网址", "text"),
    ("email", "电子邮箱", "text"),
    ("layout", "版式", "layout"),
]
META_LABELS = {name: label for name, label, _ in META_FIELDS}

HEADING_LEVELS = {1: "一、", 2: "（一）", 3: "1.", 4: "（1）"}


def kind_name(kind: BlockKind | str) -> str:
    """in: a BlockKind or its value; out: its Chinese name (the value itself if unknown)."""
    try:
        return KIND_NAMES[BlockKind(kind)]
    except ValueError:
        return str(kind)


def level_name(level: int) -> str:
    """in: a heading level 0–4; out: e.g. '2 （一）', or '' for 0."""
    return f"{level} {HEADING_LEVELS[level]}" if level in HEADING_LEVELS else ""
