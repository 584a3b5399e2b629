"""The welcome page, shown when no issue is open: 新建 / 打开 / 打开样刊 and recent files.

in: the actions to offer and the recent files; out: the signal recentChosen(path).
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget


class WelcomePage(QWidget):
    recentChosen = Signal(str)

    def __init__(self, actions, parent=None):
        super().__init__(parent)
        title = QLabel("<h1>公报排版</h1><p>济南市人民政府公报 · 把报送的公文编成一期可付印的公报</p>")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        lay = QVBoxLayout(self)
        lay.addStretch(1)
        lay.addWidget(title)
        for action in (actions.file_new, actions.file_open, actions.file_open_sample):
            button = QPushButton(action.text())
            button.setMinimumHeight(36)
            button.clicked.connect(action.trigger)
            lay.addWidget(button, 0, Qt.AlignmentFlag.AlignHCenter)
        lay.addWidget(QLabel("最近打开："), 0, Qt.AlignmentFlag.AlignHCenter)
        self.recent = QListWidget()
        self.recent.setMaximumWidth(640)
        self.recent.setMaximumHeight(200)
        self.recent.itemActivated.connect(lambda item: self.recentChosen.emit(item.data(Qt.ItemDataRole.UserRole)))
        self.recent.itemClicked.connect(lambda item: self.recentChosen.emit(item.data(Qt.ItemDataRole.UserRole)))
        lay.addWidget(self.recent, 0, Qt.AlignmentFlag.AlignHCenter)
        lay.addStretch(2)

    def set_recent(self, paths: list[str]) -> None:
        self.recent.clear()
        for path in paths:
            p = Path(path)
            item = QListWidgetItem(f"{p.parent.name}/{p.name}    {p.parent}")
            item.setData(Qt.ItemDataRole.UserRole, path)
            self.recent.addItem(item)
