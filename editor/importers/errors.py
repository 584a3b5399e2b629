"""The one exception an importer raises for input it will not read.

in: the file's path and a Chinese sentence naming the problem; out: an exception whose
str() is one line such as "文件 通知.docx 已加密（受密码保护），无法读取。…".
"""
from __future__ import annotations

import os
from pathlib import Path


class ImportRefused(Exception):
    """Bad input: nothing was imported. `str(e)` is one Chinese line for the editor."""

    def __init__(self, path: str | os.PathLike, problem: str):
        self.path = str(path)
        self.problem = problem
        super().__init__(f"文件 {Path(path).name} {problem}")
