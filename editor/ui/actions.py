"""Every menu and toolbar command of the main window, created in one place.

in: the window (parent) and its undo stack; out: Actions, with one QAction attribute per
command (file_open, file_save, edit_undo, view_zoom_in, …), Chinese texts and standard
shortcuts. Menus and toolbars only place these actions; the window connects them.
"""
from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QStyle

KEYS = QKeySequence.StandardKey

# name: (text, shortcut or None, standard icon or None, status tip)
SPECS = {
    "file_new": ("新建期刊…", KEYS.New, "SP_FileIcon", "新建一期公报"),
    "file_open": ("打开期刊…", KEYS.Open, "SP_DialogOpenButton", "打开期刊文件 issue.json"),
    "file_open_sample": ("打开样刊", None, None, "打开随附的样刊（2020 年第 10 期）"),
    "file_save": ("保存", KEYS.Save, "SP_DialogSaveButton", "保存期刊文件"),
    "file_save_as": ("另存为…", KEYS.SaveAs, None, "把期刊文件保存到别处"),
    "file_reload": ("重新导入源文件", "F5", "SP_BrowserReload", "源文件在外部改过后重新导入"),
    "file_export": ("导出…", "Ctrl+E", None, "导出 PDF / Word 文档"),
    "file_print": ("打印…", KEYS.Print, None, "打印全部或部分页面"),
    "file_quit": ("退出", KEYS.Quit, None, "退出程序"),
    "edit_add_section": ("新建栏目", None, None, "在选中栏目后新建一个栏目"),
    "edit_add_files": ("添加文件…", "Ctrl+I", None, "把 .docx / .txt / .md 文件加入选中栏目"),
    "edit_remove": ("移除", KEYS.Delete, None, "从本期移除选中的文件或栏目（不删除源文件）"),
    "edit_rename": ("重命名栏目", "F2", None, "修改选中栏目的名称"),
    "edit_move_up": ("上移", "Alt+Shift+Up", None, "把选中的文件（或栏目）上移一位，到头时移入上一个栏目"),
    "edit_move_down": ("下移", "Alt+Shift+Down", None, "把选中的文件（或栏目）下移一位，到头时移入下一个栏目"),
    "edit_find": ("查找…", "Ctrl+F", None, "在全刊所有文件中查找文字"),
    "edit_replace": ("替换…", "Ctrl+H", None, "在全刊中查找并替换文字（存为编辑修改，可撤销）"),
    "view_zoom_in": ("放大", KEYS.ZoomIn, None, "放大页面"),
    "view_zoom_out": ("缩小", KEYS.ZoomOut, None, "缩小页面"),
    "view_actual": ("实际大小", "Ctrl+0", None, "按实际尺寸显示"),
    "view_fit_width": ("适合宽度", "Ctrl+1", None, "页面宽度适合窗口"),
    "view_fit_page": ("整页", "Ctrl+2", None, "整页显示"),
    "view_facing": ("对页", "Ctrl+3", None, "左右对页显示，如翻开的刊物"),
    "view_compare": ("原文对照…", "Ctrl+D", None, "对照报送原文与付印文字"),
    "view_go_to_page": ("跳到页…", "Ctrl+G", None, "跳到第 N 页（按页码或从封面数）"),
    "view_archive": ("档案", "Ctrl+Shift+A", None, "各期档案：检查期号是否接续，按文号、文字、发文机关、日期查找"),
    "help_about": ("关于", None, None, "关于本程序"),
}


class Actions:
    """Holds the QActions; `all` maps name → action."""

    def __init__(self, parent, undo_stack=None):
        self.all: dict[str, QAction] = {}
        style = parent.style()
        for name, (text, key, icon, tip) in SPECS.items():
            action = QAction(text, parent)
            if key is not None:
                action.setShortcut(QKeySequence(key))
            if icon:
                action.setIcon(style.standardIcon(getattr(QStyle.StandardPixmap, icon)))
            action.setStatusTip(tip)
            action.setToolTip(f"{text}（{action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)}）"
                              if key is not None else text)
            setattr(self, name, action)
            self.all[name] = action
        self.view_facing.setCheckable(True)
        self.view_archive.setCheckable(True)
        self.edit_undo = QAction("撤销", parent)
        self.edit_redo = QAction("重做", parent)
        self.edit_undo.setShortcut(QKeySequence(KEYS.Undo))
        # Ctrl+Y first, then the platform's own redo keys, each once: a key listed twice on
        # one action is an ambiguous shortcut, and Qt then triggers nothing
        redo = [QKeySequence("Ctrl+Y"), *QKeySequence.keyBindings(KEYS.Redo)]
        self.edit_redo.setShortcuts([k for n, k in enumerate(redo) if k not in redo[:n]])
        self.edit_undo.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_ArrowBack))
        self.edit_redo.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_ArrowForward))
        self.all.update(edit_undo=self.edit_undo, edit_redo=self.edit_redo)
        self.set_undo_stack(undo_stack)

    def set_undo_stack(self, stack) -> None:
        """Point 撤销/重做 at a session's stack (None: both disabled)."""
        old = getattr(self, "_stack", None)
        if old is not None:
            for action, slot in ((self.edit_undo, old.undo), (self.edit_redo, old.redo)):
                action.triggered.disconnect(slot)
        self._stack = stack
        if stack is None:
            self.edit_undo.setEnabled(False)
            self.edit_redo.setEnabled(False)
            return
        self.edit_undo.triggered.connect(stack.undo)
        self.edit_redo.triggered.connect(stack.redo)
        stack.canUndoChanged.connect(self.edit_undo.setEnabled)
        stack.canRedoChanged.connect(self.edit_redo.setEnabled)
        stack.undoTextChanged.connect(lambda t: self.edit_undo.setText(f"撤销 {t}".strip()))
        stack.redoTextChanged.connect(lambda t: self.edit_redo.setText(f"重做 {t}".strip()))
        self.edit_undo.setEnabled(stack.canUndo())
        self.edit_redo.setEnabled(stack.canRedo())

    def set_issue_open(self, is_open: bool) -> None:
        """Commands that need an open issue are disabled on the welcome page."""
        for name in ("file_save", "file_save_as", "file_reload", "file_export", "file_print",
                     "edit_add_section", "edit_add_files", "edit_remove", "edit_rename",
                     "edit_move_up", "edit_move_down", "edit_find", "edit_replace",
                     "view_zoom_in", "view_zoom_out", "view_actual", "view_fit_width",
                     "view_fit_page", "view_facing", "view_compare", "view_go_to_page"):
            self.all[name].setEnabled(is_open)
