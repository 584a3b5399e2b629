"""The menu bar and the tool bar: where each of the window's actions appears.

in: the main window and its Actions; out: the menus and tool bar placed on the window,
the 最近打开 and 移到栏目 menus (filled when they open), the zoom choice box, and the issue
tree's context menu (tree_menu).
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QMenu, QToolBar

from .pageview import ZOOMS

# every step 放大/缩小 can reach, so the box always names the zoom the pages show
ZOOM_CHOICES = [("适合宽度", "width", None), ("整页", "page", None)] + [
    (f"{round(z * 100)}%", "fixed", z) for z in ZOOMS]


def _place(container, actions) -> None:
    """Add actions in order; None is a separator."""
    for action in actions:
        if action is None:
            container.addSeparator()
        else:
            container.addAction(action)


def tree_menu(parent, a, move: QMenu) -> QMenu:
    """The issue tree's context menu (also the keyboard's menu key there)."""
    menu = QMenu(parent)
    _place(menu, (a.edit_add_files, a.edit_add_section, a.edit_rename, None, a.edit_move_up,
                  a.edit_move_down))
    menu.addMenu(move)
    _place(menu, (None, a.edit_remove))
    return menu


def build_menus(window, a) -> tuple:
    """Place the actions in the menu bar and the tool bar; out: (recent-files menu, zoom box,
    移到栏目 menu)."""
    bar = window.menuBar()
    m = bar.addMenu("文件(&F)")
    _place(m, (a.file_new, a.file_open, a.file_open_sample))
    recent = m.addMenu("最近打开")
    _place(m, (None, a.file_save, a.file_save_as, a.file_reload, None, a.file_export,
               a.file_print, None, a.file_quit))
    edit = bar.addMenu("编辑(&E)")
    _place(edit, (a.edit_undo, a.edit_redo, None, a.edit_find, a.edit_replace, None,
                  a.edit_add_section, a.edit_add_files, a.edit_rename, a.edit_move_up,
                  a.edit_move_down))
    move = edit.addMenu("移到栏目")
    _place(edit, (a.edit_remove,))
    _place(bar.addMenu("视图(&V)"), (a.view_zoom_in, a.view_zoom_out, a.view_actual,
                                    a.view_fit_width, a.view_fit_page, a.view_facing, None,
                                    a.view_go_to_page, a.view_compare, None, a.view_archive))
    bar.addMenu("帮助(&H)").addAction(a.help_about)
    tools = QToolBar("工具栏")
    tools.setObjectName("main-toolbar")
    tools.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    _place(tools, (a.file_open, a.file_save, None, a.edit_undo, a.edit_redo, None,
                   a.view_zoom_out, a.view_zoom_in))
    zoom = QComboBox()
    for label, _mode, _factor in ZOOM_CHOICES:
        zoom.addItem(label)
    tools.addWidget(zoom)
    _place(tools, (a.view_facing, None, a.view_compare, a.file_export, a.file_print))
    window.addToolBar(tools)
    return recent, zoom, move
