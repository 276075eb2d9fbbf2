"""Table models over frozen read models. Each model is a list of rows and a list of columns."""

from __future__ import annotations

import ast
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from jmd_desk.domain import rules
from jmd_desk.domain.entities import (
    AuditEvent,
    Consent,
    Contact,
    FollowUp,
    Goal,
    Partner,
    Referral,
    Saved,
    User,
)
from jmd_desk.domain.readmodels import ClientChange, ClientSummary, DueItem
from jmd_desk.domain.text import fold
from jmd_desk.texts.labels import code_label, field_label
from jmd_desk.ui.i18n import language
from jmd_desk.ui.widgets import format_date

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


def _label(field: str) -> Callable[[], str]:
    return lambda: field_label(field, language())


def _code(field: str, value: str | None) -> str:
    return code_label(field, value, language())


def _codes(field: str, values: Sequence[str]) -> str:
    return ", ".join(_code(field, v) for v in values)


def _yes(value: bool | None) -> str:
    return QCoreApplication.translate("Models", "yes") if value else ""


def client_table_model(
    today: Callable[[], date], parent: Any = None, names: Callable[[], dict[str, str]] = dict
) -> RowTableModel[ClientSummary]:
    """The client list; ``names`` maps user names to the counsellors' names shown."""
    columns: list[Column[ClientSummary]] = [
        Column(_label("client_number"), lambda r: r.client_number, width=10),
        Column(_label("last_name"), lambda r: r.last_name, lambda r: f"{r.last_name}\0{r.first_name}", width=18),
        Column(
            _label("first_name"),
            lambda r: r.first_name,
            lambda r: f"{r.first_name}\0{r.last_name}",
            width=16,
        ),
        Column(
            _label("date_of_birth"),
            lambda r: format_date(r.date_of_birth),
            lambda r: r.date_of_birth,
            width=12,
        ),
        Column(
            lambda: QCoreApplication.translate("Models", "Age"),
            lambda r: str(rules.age_on(r.date_of_birth, today())),
            lambda r: rules.age_on(r.date_of_birth, today()),
            align_right=True,
            width=6,
        ),
        Column(_label("counsellor"), lambda r: names().get(r.counsellor or "", r.counsellor or ""), width=14),
        Column(
            lambda: QCoreApplication.translate("Models", "Open case"),
            lambda r: _code("case_type", r.open_case_type) if r.open_case_type else "",
            width=18,
        ),
        Column(
            lambda: QCoreApplication.translate("Models", "Last contact"),
            lambda r: format_date(r.last_contact_on),
            lambda r: r.last_contact_on,
            width=12,
        ),
    ]
    return RowTableModel(columns, lambda r: r.id, parent)


def partner_table_model(parent: Any = None) -> RowTableModel[Saved[Partner]]:
    """The partner directory."""
    columns: list[Column[Saved[Partner]]] = [
        Column(_label("name"), lambda r: r.value.name, width=36),
        Column(_label("partner_type"), lambda r: _code("partner_type", r.value.partner_type), width=28),
        Column(_label("contact_person"), lambda r: r.value.contact_person or ""),
        Column(_label("phone"), lambda r: r.value.phone or ""),
        Column(_label("email"), lambda r: r.value.email or ""),
        Column(_label("active"), lambda r: _yes(r.value.active)),
    ]
    return RowTableModel(columns, lambda r: r.id, parent)


def due_item_model(date_header: str, parent: Any = None) -> RowTableModel[DueItem]:
    """One list of the overview page."""
    columns: list[Column[DueItem]] = [
        Column(lambda: date_header, lambda r: format_date(r.due_on), lambda r: r.due_on, width=11),
        Column(
            lambda: QCoreApplication.translate("Models", "Client"),
            lambda r: r.client_name,
            width=20,
        ),
        Column(_label("client_number"), lambda r: r.client_number, width=10),
        Column(lambda: QCoreApplication.translate("Models", "Note"), lambda r: r.detail),
    ]
    return RowTableModel(columns, lambda r: r.client_id, parent)


def case_count_model(parent: Any = None) -> RowTableModel[tuple[str, int]]:
    """Open cases per case type."""
    columns: list[Column[tuple[str, int]]] = [
        Column(_label("case_type"), lambda r: _code("case_type", r[0]), width=24),
        Column(
            lambda: QCoreApplication.translate("Models", "Open cases"),
            lambda r: str(r[1]),
            lambda r: r[1],
            align_right=True,
            width=10,
        ),
    ]
    return RowTableModel(columns, lambda r: hash(r[0]), parent)


def goal_is_overdue(goal: Goal, today: date) -> bool:
    """Due before today and neither achieved nor otherwise finished."""
    return goal.due_on is not None and goal.due_on < today and goal.status in ("open", "in_progress")


def goal_table_model(today: Callable[[], date] = date.today, parent: Any = None) -> RowTableModel[Saved[Goal]]:
    """Goals of a case, grouped by area when sorted by the first column; overdue ones in red."""
    columns: list[Column[Saved[Goal]]] = [
        Column(_label("area"), lambda r: _code("area", r.value.area), width=20),
        Column(_label("title"), lambda r: r.value.title, width=36),
        Column(_label("agreed_on"), lambda r: format_date(r.value.agreed_on), lambda r: r.value.agreed_on),
        Column(_label("due_on"), lambda r: format_date(r.value.due_on), lambda r: r.value.due_on),
        Column(_label("status"), lambda r: _code("goal_status", r.value.status)),
        Column(
            _label("status_changed_on"),
            lambda r: format_date(r.value.status_changed_on),
            lambda r: r.value.status_changed_on,
        ),
    ]
    return RowTableModel(columns, lambda r: r.id, parent, warn=lambda r: goal_is_overdue(r.value, today()))


def contact_table_model(parent: Any = None) -> RowTableModel[Saved[Contact]]:
    """The contact timeline of a case."""
    columns: list[Column[Saved[Contact]]] = [
        Column(_label("date"), lambda r: format_date(r.value.date), lambda r: r.value.date, width=11),
        Column(
            _label("minutes"),
            lambda r: str(r.value.minutes),
            lambda r: r.value.minutes,
            align_right=True,
            width=7,
        ),
        Column(_label("mode"), lambda r: _code("mode", r.value.mode), width=12),
        Column(_label("participants"), lambda r: _codes("participants", r.value.participants), width=18),
        Column(_label("topics"), lambda r: _codes("area", r.value.topics), width=24),
        Column(_label("interpreter"), lambda r: _yes(r.value.interpreter), width=12),
        Column(_label("notes"), lambda r: (r.value.notes or "").splitlines()[0] if r.value.notes else ""),
    ]
    return RowTableModel(columns, lambda r: r.id, parent)


def referral_table_model(
    partner_names: Callable[[], dict[int, str]], parent: Any = None
) -> RowTableModel[Saved[Referral]]:
    """Referrals of a case."""
    columns: list[Column[Saved[Referral]]] = [
        Column(_label("date"), lambda r: format_date(r.value.date), lambda r: r.value.date, width=11),
        Column(_label("partner_id"), lambda r: partner_names().get(r.value.partner_id, "?"), width=30),
        Column(_label("area"), lambda r: _code("area", r.value.area)),
        Column(_label("status"), lambda r: _code("referral_status", r.value.status)),
        Column(_label("outcome"), lambda r: r.value.outcome or ""),
    ]
    return RowTableModel(columns, lambda r: r.id, parent)


def follow_up_table_model(parent: Any = None) -> RowTableModel[Saved[FollowUp]]:
    """Follow-ups of a case."""
    columns: list[Column[Saved[FollowUp]]] = [
        Column(_label("due_on"), lambda r: format_date(r.value.due_on), lambda r: r.value.due_on, width=11),
        Column(_label("text"), lambda r: r.value.text, width=50),
        Column(_label("done"), lambda r: _yes(r.value.done)),
    ]
    return RowTableModel(columns, lambda r: r.id, parent)


def consent_table_model(valid_ids: Callable[[], frozenset[int]], parent: Any = None) -> RowTableModel[Saved[Consent]]:
    """Consents of a client, with whether each is valid today (``valid_ids``: the services' answer)."""

    def valid(r: Saved[Consent]) -> str:
        return (
            QCoreApplication.translate("Models", "valid")
            if r.id in valid_ids()
            else QCoreApplication.translate("Models", "not valid")
        )

    columns: list[Column[Saved[Consent]]] = [
        Column(_label("scope"), lambda r: _code("scope", r.value.scope), width=28),
        Column(_label("given_by"), lambda r: _code("given_by", r.value.given_by)),
        Column(_label("given_on"), lambda r: format_date(r.value.given_on), lambda r: r.value.given_on),
        Column(_label("form_version"), lambda r: r.value.form_version or ""),
        Column(
            _label("withdrawn_on"),
            lambda r: format_date(r.value.withdrawn_on),
            lambda r: r.value.withdrawn_on,
        ),
        Column(lambda: QCoreApplication.translate("Models", "Today"), valid),
    ]
    return RowTableModel(columns, lambda r: r.id, parent)


def audit_table_model(parent: Any = None) -> RowTableModel[AuditEvent]:
    """Audit events (ids and codes only)."""
    columns: list[Column[AuditEvent]] = [
        Column(
            lambda: QCoreApplication.translate("Models", "Time"),
            lambda r: r.at.astimezone().strftime("%d.%m.%Y %H:%M:%S"),
            lambda r: r.seq,
            width=18,
        ),
        Column(lambda: QCoreApplication.translate("Models", "User"), lambda r: r.user),
        Column(
            lambda: QCoreApplication.translate("Models", "Action"),
            lambda r: _code("action", r.action),
            width=28,
        ),
        Column(
            lambda: QCoreApplication.translate("Models", "Record"),
            lambda r: _code("entity_kind", r.entity_kind) if r.entity_kind else "",
        ),
        Column(
            lambda: QCoreApplication.translate("Models", "Id"),
            lambda r: "" if r.entity_id is None else str(r.entity_id),
            lambda r: r.entity_id or 0,
            align_right=True,
        ),
    ]
    return RowTableModel(columns, lambda r: r.seq, parent)


def user_table_model(parent: Any = None) -> RowTableModel[User]:
    """Staff accounts."""
    columns: list[Column[User]] = [
        Column(_label("username"), lambda r: r.username),
        Column(lambda: QCoreApplication.translate("Models", "Name"), lambda r: r.display_name),
        Column(
            _label("roles"),
            lambda r: ", ".join(_code("role", role.value) for role in sorted(r.roles)),
            width=40,
        ),
        Column(_label("active"), lambda r: _yes(r.active)),
    ]
    return RowTableModel(columns, lambda r: hash(r.username), parent)


CODED_FIELDS = ("gender", "country_of_birth", "residence_status", "german_level")
LIST_FIELDS = ("nationalities", "languages")


def change_value_text(field: str, value: str | None) -> str:
    """A stored old/new value as the form shows it: names for codes, TT.MM.JJJJ for dates."""
    if not value:
        return ""
    if field in LIST_FIELDS:
        return _list_text(field, value)
    if field in CODED_FIELDS:
        return _code(field, value)
    if value in ("True", "False"):
        yes, no = QCoreApplication.translate("Models", "yes"), QCoreApplication.translate("Models", "no")
        return yes if value == "True" else no
    try:
        return format_date(date.fromisoformat(value)) if len(value) == 10 else value
    except ValueError:
        return value


def _list_text(field: str, value: str) -> str:
    try:
        values = ast.literal_eval(value)  # stored as the tuple's repr
    except (ValueError, SyntaxError):
        return value
    return _codes(field, [str(v) for v in values]) if isinstance(values, tuple | list) else value


def change_table_model(parent: Any = None) -> RowTableModel[ClientChange]:
    """Correction history of master data."""
    columns: list[Column[ClientChange]] = [
        Column(
            lambda: QCoreApplication.translate("Models", "Time"),
            lambda r: r.changed_at.strftime("%d.%m.%Y %H:%M"),
            lambda r: r.changed_at,
        ),
        Column(lambda: QCoreApplication.translate("Models", "User"), lambda r: r.user),
        Column(lambda: QCoreApplication.translate("Models", "Field"), lambda r: field_label(r.field, language())),
        Column(
            lambda: QCoreApplication.translate("Models", "Before"), lambda r: change_value_text(r.field, r.old_value)
        ),
        Column(
            lambda: QCoreApplication.translate("Models", "After"), lambda r: change_value_text(r.field, r.new_value)
        ),
    ]
    return RowTableModel(columns, lambda r: 0, parent)
