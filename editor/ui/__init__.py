"""The desktop app (PySide6). Start: app.main(issue, screenshot=None).

mainwindow   the window: tree | pages | properties, 校对 below; menus.py, actions.py
session      the open issue, its imported documents and undo stack; commands.py, editing.py
jobs         layout on a worker thread (BuildJob); livelayout.py keeps the pages current
pagepaint    one page drawn with QPainter, glyph by glyph; pageview.py, thumbnails.py, printing.py
export       PDF/DOCX on a worker thread; exportdialog.py
files        open / new / save / close; autosave.py and recovery.py for crash recovery
"""
