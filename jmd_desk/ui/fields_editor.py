"""Editor of the office's Handlungsfelder for the statistics table ``goals_by_field`` (DESIGN §7)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from jmd_desk.domain import codes
from jmd_desk.texts.labels import code_label
from jmd_desk.ui.i18n import language
from jmd_desk.ui.views import button


def _area_code(text: str) -> str:
    """An area code from its code or its label in either language (unknown text stays as typed)."""
    wanted = text.strip().casefold()
    for area in codes.AREAS:
        if wanted in (area, code_label("area", area, "de").casefold(), code_label("area", area, "en").casefold()):
            return area
    return text.strip()


class FieldsEditor(QWidget):
    """One row per field: code, label, and the goal areas it covers (comma-separated)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("statistics_fields_table")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Code"), self.tr("Label"), self.tr("Goal areas (comma-separated)")]
        )
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.setMinimumHeight(170)
        add = button("add_field_button", self.tr("Add field"), self.add_empty_row)
        remove = button("remove_field_button", self.tr("Remove field"), self.remove_row)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)

    def set_fields(self, fields: list[dict[str, Any]]) -> None:
        """Show the office's fields."""
        self.table.setRowCount(0)
        for entry in fields:
            areas = ", ".join(code_label("area", a, language()) for a in entry.get("areas", []))
            self.add_row(str(entry.get("code", "")), str(entry.get("label", "")), areas)

    def add_row(self, code: str = "", label: str = "", areas: str = "") -> None:
        """Append a row (empty by default)."""
        row = self.table.rowCount()
        self.table.insertRow(row)
        for col, value in enumerate((code, label, areas)):
            self.table.setItem(row, col, QTableWidgetItem(value))

    def add_empty_row(self) -> None:
        """Append an empty row (the button passes no values)."""
        self.add_row()

    def remove_row(self) -> None:
        """Remove the selected row."""
        if self.table.currentRow() >= 0:
            self.table.removeRow(self.table.currentRow())

    def fields(self) -> list[dict[str, Any]]:
        """The rows as the setting's value (checked by the settings service)."""
        out = []
        for row in range(self.table.rowCount()):
            code, label, areas = (_text(self.table.item(row, col)) for col in range(3))
            area_codes = [_area_code(a) for a in areas.split(",") if a.strip()]
            out.append({"code": code.strip(), "label": label.strip(), "areas": area_codes})
        return out


def _text(item: QTableWidgetItem | None) -> str:
    """The text of a table cell; an untouched cell has no item."""
    return item.text() if item is not None else ""
