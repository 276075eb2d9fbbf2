"""Verwaltung → Districts: the office's list of districts (Stadtteile/Sozialräume)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from jmd_desk.domain.entities import District
from jmd_desk.services import progress
from jmd_desk.services.session import UserSession
from jmd_desk.ui.models import Column, RowTableModel
from jmd_desk.ui.record_dialog import RecordDialog
from jmd_desk.ui.views import button, table


class DistrictsTab(QWidget):
    """Add a district or change its label; codes stay (clients and statistics use them)."""

    def __init__(self, session: UserSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("districts_tab")
        self.session = session
        columns: list[Column[District]] = [
            Column(lambda: QCoreApplication.translate("DistrictsTab", "Code"), lambda d: d.code, width=16),
            Column(lambda: QCoreApplication.translate("DistrictsTab", "Name"), lambda d: d.label, width=30),
        ]
        self.model: RowTableModel[District] = RowTableModel(columns, lambda d: hash(d.code), self)
        self.table = table("districts_table", self.model)
        self.table.activated.connect(lambda index: self.edit(self.model.row_at(index.row())))
        row = QHBoxLayout()
        row.addWidget(
            button(
                "add_district_button",
                QCoreApplication.translate("DistrictsTab", "New district…"),
                lambda: self.edit(None),
            )
        )
        row.addStretch(1)
        hint = QLabel(
            QCoreApplication.translate(
                "DistrictsTab", "Districts are counted only on their own in the statistics (never crossed)."
            )
        )
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)
        layout.addWidget(hint)

    def refresh(self) -> None:
        """Load the list."""
        self.model.set_rows(progress.list_districts(self.session))

    def edit(self, district: District | None) -> None:
        """Add a district, or rename the one activated (Enter)."""
        code = QLineEdit(district.code if district else "")
        code.setReadOnly(district is not None)
        label = QLineEdit(district.label if district else "")

        def build() -> District:
            return District(code.text(), label.text())

        def save(value: District) -> None:
            progress.save_district(self.session, value)

        fields = [
            ("code", code, QCoreApplication.translate("DistrictsTab", "Code")),
            ("label", label, QCoreApplication.translate("DistrictsTab", "Name")),
        ]
        if RecordDialog(
            "district_edit_dialog", QCoreApplication.translate("DistrictsTab", "District"), fields, build, save, self
        ).exec():
            self.refresh()
