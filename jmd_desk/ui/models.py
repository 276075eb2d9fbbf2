"""Table models over frozen read models. Each model is a list of rows and a list of columns; the
models of each table family live in ``overview_models``, ``file_models`` and ``office_models``."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from jmd_desk.domain.text import fold
from jmd_desk.texts.labels import code_label, field_label
from jmd_desk.ui.i18n import language

R = TypeVar("R")
ID_ROLE = Qt.ItemDataRole.UserRole + 1
WARN_COLOR = QColor("#b00020")


def _bold() -> QFont:
    font = QFont()
    font.setBold(True)
    return font


AnyIndex = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column(Generic[R]):
    """One column: header, displayed text, and the value it sorts by."""

    header: Callable[[], str]
    text: Callable[[R], str]
    sort: Callable[[R], Any] | None = None
    align_right: bool = False
    width: int = 14  # initial width in average characters


def _sort_key(value: Any) -> tuple[int, Any]:
    """Values of one column compare safely (None first, then by type)."""
    if value is None:
        return (0, "")
    if isinstance(value, (int, float)):
        return (1, value)
    if isinstance(value, (date, datetime)):
        return (2, value.isoformat())
    return (3, fold(str(value)))  # Ö sorts with O


class RowTableModel(QAbstractTableModel, Generic[R]):
    """A read-only table of rows, sorted by the model itself; ``ID_ROLE`` gives a row's id."""

    def __init__(
        self,
        columns: Sequence[Column[R]],
        row_id: Callable[[R], int],
        parent: Any = None,
        warn: Callable[[R], bool] | None = None,
    ) -> None:
        super().__init__(parent)
        self._warn = warn  # rows that need attention are shown in bold red
        self._columns = list(columns)
        self._row_id = row_id
        self._rows: list[R] = []
        self._sorted_by: tuple[int, Qt.SortOrder] | None = None

    def set_rows(self, rows: Sequence[R]) -> None:
        """Replace all rows (kept in the current sort order)."""
        self.beginResetModel()
        self._rows = list(rows)
        if self._sorted_by is not None:
            self._sort_rows(*self._sorted_by)
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Override QAbstractTableModel.sort: sort in Python by the column's value.

        Sorting here instead of in a QSortFilterProxyModel keeps large lists fast: Qt then only
        asks for the rows it paints.
        """
        if not 0 <= column < len(self._columns):
            return
        self._sorted_by = (column, order)
        self.layoutAboutToBeChanged.emit()
        old_ids = [self._row_id(r) for r in self._rows]
        self._sort_rows(column, order)
        new_rows = {self._row_id(r): i for i, r in enumerate(self._rows)}
        for index in self.persistentIndexList():
            if 0 <= index.row() < len(old_ids):
                moved = new_rows.get(old_ids[index.row()], index.row())
                self.changePersistentIndex(index, self.index(moved, index.column()))
        self.layoutChanged.emit()

    def _sort_rows(self, column: int, order: Qt.SortOrder) -> None:
        key_of = self._columns[column].sort or self._columns[column].text
        self._rows.sort(key=lambda r: _sort_key(key_of(r)), reverse=order == Qt.SortOrder.DescendingOrder)

    def clear(self) -> None:
        """Remove all rows (on lock)."""
        self.set_rows([])

    def column_widths(self) -> list[int]:
        """Initial column widths in characters."""
        return [c.width for c in self._columns]

    def rows(self) -> list[R]:
        """The current rows."""
        return list(self._rows)

    def row_at(self, row: int) -> R:
        """The row object at ``row``."""
        return self._rows[row]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's default
        """Override QAbstractTableModel.rowCount."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's default
        """Override QAbstractTableModel.columnCount."""
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Override QAbstractTableModel.data."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = self._columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return column.text(row)
        if role == ID_ROLE:
            return self._row_id(row)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role in (Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.FontRole) and self.warns(index.row()):
            return WARN_COLOR if role == Qt.ItemDataRole.ForegroundRole else _bold()
        return None

    def warns(self, row: int) -> bool:
        """True if the row at ``row`` needs attention (e.g. an overdue goal)."""
        return self._warn is not None and self._warn(self._rows[row])

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Override QAbstractTableModel.headerData."""
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._columns):
            return self._columns[section].header()
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self._rows):
            return str(section + 1)
        return None


def field_header(field: str) -> Callable[[], str]:
    """A column header: the field's label in the language of the moment."""
    return lambda: field_label(field, language())


def code_text(field: str, value: str | None) -> str:
    """A coded value as its label."""
    return code_label(field, value, language())


def codes_text(field: str, values: Sequence[str]) -> str:
    """Coded values as their labels, comma-separated."""
    return ", ".join(code_text(field, v) for v in values)


def yes_text(value: bool | None) -> str:
    """The word "yes" for a true flag, nothing otherwise."""
    return QCoreApplication.translate("Models", "yes") if value else ""
