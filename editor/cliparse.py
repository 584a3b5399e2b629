"""argparse in Chinese: usage, help and every error message, and a suggestion for a
misspelt command ("biuld" → build).

argparse takes each message through gettext (the module-level names `_` and `ngettext`).
While a ChineseParser builds, parses or formats, those two names look messages up in
CATALOG — what a zh_CN .mo file would do, without touching the process's locale. A message
missing from CATALOG stays English, so the test of every error the CLI can give finds it.
"""
from __future__ import annotations

import argparse
import difflib
import re
import unicodedata
from contextlib import contextmanager

CATALOG = {
    "usage: ": "用法：",
    "positional arguments": "参数",
    "options": "选项",
    "optional arguments": "选项",
    "show this help message and exit": "显示本帮助并退出",
    "argument %(argument_name)s: %(message)s": "%(argument_name)s：%(message)s",
    "the following arguments are required: %s": "缺少必需的参数：%s",
    "unrecognized arguments: %s": "无法识别的参数：%s",
    "not allowed with argument %s": "不能与 %s 同时使用",
    "ignored explicit argument %r": "不需要值，却给了“%s”",
    "one of the arguments %s is required": "%s 至少要给出一个",
    "expected one argument": "后面缺少一个值",
    "expected at most one argument": "后面最多只能有一个值",
    "expected at least one argument": "后面至少要有一个值",
    "expected %s argument": "后面需要 %s 个值",
    "expected %s arguments": "后面需要 %s 个值",
    "ambiguous option: %(option)s could match %(matches)s": "选项 %(option)s 不明确，可能是 %(matches)s",
    "invalid %(type)s value: %(value)r": "“%(value)s”不是有效的%(type)s",
    "invalid choice: %(value)r (choose from %(choices)s)": "“%(value)s”不是可选项（可选：%(choices)s）",
    "unexpected option string: %s": "意外的选项 %s",
    "%(prog)s: error: %(message)s\n": "%(prog)s：错误：%(message)s\n",
}
TYPE_NAMES = {"int": "整数", "float": "数字"}


def _gettext(message: str) -> str:
    return CATALOG.get(message, message)


def _ngettext(singular: str, plural: str, n: int) -> str:
    return _gettext(singular if n == 1 else plural)


@contextmanager
def _chinese():
    """argparse's message lookups answer in Chinese inside this block (re-entrant: a
    sub-command's parser runs inside its parent's parse)."""
    saved = argparse._, argparse.ngettext
    argparse._, argparse.ngettext = _gettext, _ngettext
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved


def suggestion(value: str, choices, what: str) -> str:
    """in: what was typed, the valid choices and what they are (命令 / 版式 …);
    out: one Chinese sentence naming the closest choice and listing them all."""
    names = [str(c) for c in choices]
    close = difflib.get_close_matches(value, names, n=1, cutoff=0.5)
    guess = f"是不是要用 {close[0]}？" if close else ""
    return f"没有“{value}”这个{what}。{guess}可用的{what}：{'、'.join(names)}"


def display_width(text: str) -> int:
    """Terminal columns: a Chinese character takes two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


_TOKENS = re.compile(r"[\w./:@%+-]+|\s+|.", re.ASCII)
_NO_LINE_START = set("，。、；：？！）》」』”’")


class ChineseFormatter(argparse.RawDescriptionHelpFormatter):
    """Help whose columns line up when option names carry Chinese: argparse measures and
    pads by characters, a terminal shows a Chinese character two columns wide."""

    def _split_lines(self, text, width):
        """Wrap by terminal columns; Latin words stay whole, closing marks stay on their line."""
        lines, line, used = [], "", 0
        for token in _TOKENS.findall(" ".join(text.split())):
            size = display_width(token)
            if used + size > width and line.strip() and token not in _NO_LINE_START:
                lines.append(line.rstrip())
                line, used = "", 0
                if token.isspace():
                    continue
            line, used = line + token, used + size
        return lines + [line.rstrip()] if line.strip() else lines

    def add_argument(self, action):
        super().add_argument(action)
        if action.help is not argparse.SUPPRESS:
            width = display_width(self._format_action_invocation(action)) + self._current_indent
            self._action_max_length = max(self._action_max_length, width)

    def _format_action(self, action):
        text = super()._format_action(action)
        head = " " * self._current_indent + self._format_action_invocation(action)
        extra = display_width(head) - len(head)
        if not extra or not text.startswith(head + "  "):
            return text
        help_text = text[len(head):].lstrip(" ")
        pad = len(text) - len(head) - len(help_text) - extra
        if pad >= 2:
            return head + " " * pad + help_text
        column = min(self._action_max_length + 2, self._max_help_position)
        return head + "\n" + " " * column + help_text


class ChineseParser(argparse.ArgumentParser):
    """An ArgumentParser whose usage, help and errors are Chinese; sub-command parsers made
    by add_subparsers are ChineseParsers too."""

    def __init__(self, *args, formatter_class=ChineseFormatter, **kwargs):
        with _chinese():
            super().__init__(*args, formatter_class=formatter_class, **kwargs)

    def parse_args(self, args=None, namespace=None):
        with _chinese():
            return super().parse_args(args, namespace)

    def parse_known_args(self, args=None, namespace=None):
        with _chinese():
            return super().parse_known_args(args, namespace)

    def format_usage(self):
        with _chinese():
            return super().format_usage()

    def format_help(self):
        with _chinese():
            text = super().format_help()
        for group in self._action_groups:   # argparse ends each heading with an ASCII colon
            text = text.replace(f"\n{group.title}:\n", f"\n{group.title}：\n")
        return text

    def error(self, message):
        with _chinese():
            super().error(message)

    def add_subparsers(self, **kwargs):
        with _chinese():
            return super().add_subparsers(**kwargs)

    def _check_value(self, action, value):
        if action.choices is not None and value not in action.choices:
            if isinstance(action, argparse._SubParsersAction):
                raise argparse.ArgumentError(None, suggestion(value, action.choices, "命令"))
            raise argparse.ArgumentError(action, suggestion(value, action.choices, "选项值"))
        super()._check_value(action, value)

    def _get_value(self, action, arg_string):
        try:
            return super()._get_value(action, arg_string)
        except argparse.ArgumentError:
            name = TYPE_NAMES.get(getattr(action.type, "__name__", ""))
            if name is None:
                raise
            raise argparse.ArgumentError(action, f"“{arg_string}”不是{name}") from None
