"""A read-only list shown as a table (校对, 查找 results): whole rows selected, no row
numbers, the last column taking the rest of the width.

in: column titles, the widths of all but the last, how rows are selected; out: the table.
"""
from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget


def list_table(titles: list[str], widths: tuple[int, ...],
               selection=QAbstractItemView.SelectionMode.SingleSelection) -> QTableWidget:
    table = QTableWidget(0, len(titles))
    table.setHorizontalHeaderLabels(titles)
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(selection)
    table.setWordWrap(False)
    header = table.horizontalHeader()
    header.setStretchLastSection(True)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    for col, width in enumerate(widths):
        table.setColumnWidth(col, width)
    return table
