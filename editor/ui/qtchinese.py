"""Qt's own texts in Chinese: buttons of message boxes, file dialogs, context menus.

in: the QApplication; out: Qt's zh_CN translation (qtbase_zh_CN.qm, shipped in the
PySide6-Essentials wheel) installed. Some labels gained an accelerator ("&Look in:") after
their translation was made; those are looked up without the "&" and get the accelerator
back the Chinese way ("查找范围(&L)："), so the file dialog shows no English.
"""
from __future__ import annotations

import re

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator

_ACCELERATOR = re.compile(r"&(\w)")
_TRAILING_COLON = re.compile(r"[：:]\s*$")


def with_accelerator(translated: str, key: str) -> str:
    """in: a translation and its source's accelerator key; out: '查找范围(&L)：'."""
    mark = f"(&{key.upper()})"
    colon = _TRAILING_COLON.search(translated)
    return translated[:colon.start()] + mark + translated[colon.start():] if colon else translated + mark


class QtChinese(QTranslator):
    def translate(self, context, source, disambiguation=None, n=-1):
        found = super().translate(context, source, disambiguation, n)
        key = _ACCELERATOR.search(source or "")
        if found or key is None:
            return found
        plain = super().translate(context, source.replace("&", ""), disambiguation, n)
        return with_accelerator(plain, key.group(1)) if plain else ""


def install_qt_chinese(app) -> bool:
    """Install Qt's Chinese translation once and make Chinese the default locale (month and
    day names of the calendar popup); out: whether the translation was found."""
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    if getattr(app, "_gazette_translator", None) is None:
        translator = QtChinese(app)
        folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if not translator.load(QLocale(QLocale.Language.Chinese, QLocale.Country.China), "qtbase", "_", folder):
            return False
        app.installTranslator(translator)
        app._gazette_translator = translator
    return True
