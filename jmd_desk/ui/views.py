"""Small view helpers shared by pages and windows: sortable tables and named buttons."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QPushButton, QTableView, QWidget

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
        title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
        title_width = header.fontMetrics().horizontalAdvance(title) + 3 * char + 16  # margins and sort arrow
        header.resizeSection(column, max(width * char + 16, title_width, header.minimumSectionSize()))
    return view


SHARE_WIDTH_ROWS = 50


def share_width(view: QTableView, stretch: tuple[int, ...]) -> None:
    """Fit a table into its width: ``stretch`` columns share the room, the others fit the
    content of their first ``SHARE_WIDTH_ROWS`` rows (a long list is not read whole on a resize)."""
    header = view.horizontalHeader()
    header.setStretchLastSection(False)
    header.setResizeContentsPrecision(SHARE_WIDTH_ROWS)  # a long list is fitted to its first rows
    for column in range(header.count()):
        mode = QHeaderView.ResizeMode.Stretch if column in stretch else QHeaderView.ResizeMode.ResizeToContents
        header.setSectionResizeMode(column, mode)


TITLE_BAR_ALLOWANCE = 40  # window-manager frame and title bar, not part of the widget's size


def fit_to_screen(window: QWidget, width: int, height: int) -> None:
    """Resize to ``width`` x ``height`` but never beyond the screen's free area (1366x768 laptops)."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        window.resize(width, height)
        return
    free = screen.availableGeometry()
    window.resize(min(width, free.width() - 8), min(height, free.height() - TITLE_BAR_ALLOWANCE))


def grow_to_fit(window: QWidget) -> None:
    """Grow a dialog after messages appeared at its fields, so none is cut off (never shrinks it)."""
    layout = window.layout()
    if layout is None:
        return
    layout.activate()
    width = window.width()
    needed = layout.totalHeightForWidth(width) if layout.hasHeightForWidth() else layout.totalSizeHint().height()
    screen = window.screen()
    limit = screen.availableGeometry().height() - TITLE_BAR_ALLOWANCE if screen else needed
    if needed > window.height():
        window.resize(width, min(needed, limit))


def selected_id(view: QTableView) -> int | None:
    """Id of the selected row, if any."""
    rows = view.selectionModel().selectedRows() if view.selectionModel() else []
    return rows[0].data(ID_ROLE) if rows else None


def select_id(view: QTableView, row_id: int | None) -> None:
    """Select (and make current) the row with ``row_id`` again after the rows were reloaded."""
    model = view.model()
    for row in range(model.rowCount() if row_id is not None else 0):
        index = model.index(row, 0)
        if index.data(ID_ROLE) == row_id:
            view.setCurrentIndex(index)
            view.selectRow(row)
            return


def button(name: str, text: str, slot: Callable[[], object]) -> QPushButton:
    """A push button with an object name."""
    b = QPushButton(text)
    b.setObjectName(name)
    b.clicked.connect(slot)
    return b
