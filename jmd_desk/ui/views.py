"""Small view helpers shared by pages and windows: sortable tables and named buttons."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QPushButton, QTableView

from jmd_desk.ui.models import ID_ROLE, RowTableModel


def table(name: str, model: RowTableModel[Any], sort_column: int = 0, descending: bool = False) -> QTableView:
    """A sortable (by the model itself), read-only table view over ``model``."""
    view = QTableView()
    view.setObjectName(name)
    view.setModel(model)
    view.setSortingEnabled(True)
    view.sortByColumn(sort_column, Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setTabKeyNavigation(False)  # Tab leaves the table instead of walking its cells
    view.setWordWrap(False)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    metrics = view.fontMetrics()
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(metrics.height() + 8)
    header = view.horizontalHeader()
    header.setStretchLastSection(True)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    char = metrics.horizontalAdvance("n")
    for column, width in enumerate(model.column_widths()):
        header.resizeSection(column, max(width * char + 16, header.minimumSectionSize()))
    return view


def selected_id(view: QTableView) -> int | None:
    """Id of the selected row, if any."""
    rows = view.selectionModel().selectedRows() if view.selectionModel() else []
    return rows[0].data(ID_ROLE) if rows else None


def button(name: str, text: str, slot: Callable[[], None]) -> QPushButton:
    """A push button with an object name."""
    b = QPushButton(text)
    b.setObjectName(name)
    b.clicked.connect(slot)
    return b
