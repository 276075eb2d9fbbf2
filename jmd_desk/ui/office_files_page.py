"""The team lead's office files on the office server (a page of the main window): every file's
metadata, handing a file to another counsellor and the legal hold, through the audited functions."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from jmd_desk.domain.errors import JmdError
from jmd_desk.domain.text import fold
from jmd_desk.services import accounts, office_files, retention
from jmd_desk.services.office_files import OfficeFile
from jmd_desk.services.session import UserSession
from jmd_desk.ui import notify
from jmd_desk.ui.models import Column, RowTableModel, code_text, field_header
from jmd_desk.ui.views import button, select_id, selected_id, table
from jmd_desk.ui.widgets import format_date


def _status(row: OfficeFile) -> str:
    if row.case_type is None:
        return QCoreApplication.translate("Models", "no case")
    if row.open:
        return QCoreApplication.translate("Models", "open")
    return QCoreApplication.translate("Models", "closed on {date}").format(date=format_date(row.closed_on))


def office_file_model(parent: Any = None) -> RowTableModel[OfficeFile]:
    """Every file of the office (metadata only)."""
    columns: list[Column[OfficeFile]] = [
        Column(field_header("client_number"), lambda r: r.client_number, width=12),
        Column(lambda: QCoreApplication.translate("Models", "Name"), lambda r: r.name, width=28),
        Column(lambda: QCoreApplication.translate("Models", "Counsellor"), lambda r: r.counsellor, width=16),
        Column(field_header("case_type"), lambda r: code_text("case_type", r.case_type), width=22),
        Column(field_header("opened_on"), lambda r: format_date(r.opened_on), lambda r: r.opened_on, width=11),
        Column(lambda: QCoreApplication.translate("Models", "Status"), _status, width=18),
    ]
    return RowTableModel(columns, lambda r: r.client_id, parent)


class ReassignDialog(QDialog):
    """Choose the active counsellor who takes over a file."""

    def __init__(self, file: OfficeFile, counsellors: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reassign_dialog")
        self.setWindowTitle(self.tr("Change counsellor"))
        self.combo = QComboBox()
        self.combo.setObjectName("counsellor_combo")
        for username, display in counsellors:
            if username != file.counsellor:
                self.combo.addItem(f"{display} ({username})", username)
        intro = QLabel(self.tr("File {number} ({name}), now with {counsellor}.").format(
            number=file.client_number, name=file.name, counsellor=file.counsellor or "–"))  # fmt: skip
        intro.setObjectName("reassign_intro_label")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.setObjectName("reassign_buttons")
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("New counsellor"), self.combo)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def chosen(self) -> str | None:
        """User name of the chosen counsellor (None when there is nobody to choose)."""
        data = self.combo.currentData()
        return str(data) if data else None

    def submit(self) -> None:
        """Accept when a counsellor is chosen."""
        if self.chosen() is not None:
            self.accept()


class OfficeFilesPage(QWidget):
    """Every file of the office for the team lead: search, reassign, legal hold."""

    def __init__(self, session: UserSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("office_files_page")
        self.session = session
        self._all: list[OfficeFile] = []
        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("office_search_edit")
        self.search_edit.setPlaceholderText(self.tr("Search client number, name or counsellor"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.textChanged.connect(self._filter)
        self.model = office_file_model(self)
        self.view: QTableView = table("office_file_table", self.model)
        self.count_label = QLabel()
        self.count_label.setObjectName("office_count_label")
        reassign = button("reassign_button", self.tr("Change &counsellor…"), self._reassign)
        hold = button("legal_hold_button", self.tr("&Legal hold on/off"), self._toggle_hold)
        row = QHBoxLayout()
        row.addWidget(self.search_edit, 1)
        row.addWidget(reassign)
        row.addWidget(hold)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.count_label)
        # search, then the files, then what to do with the chosen one (as on the client list)
        for first, second in ((self.search_edit, self.view), (self.view, reassign), (reassign, hold)):
            QWidget.setTabOrder(first, second)

    def refresh(self) -> None:
        """Load every file again from the server."""
        try:
            self._all = office_files.office_files(self.session)
        except JmdError as exc:
            notify.show_error(self, exc)
            self._all = []
        self._filter()

    def clear(self) -> None:
        """Forget the shown data (lock)."""
        self._all = []
        self.model.clear()
        self.count_label.clear()

    def _filter(self) -> None:
        needle = fold(self.search_edit.text().strip())
        shown = [f for f in self._all if needle in fold(f"{f.client_number} {f.name} {f.counsellor}")]
        selected = selected_id(self.view)
        self.model.set_rows(shown)
        select_id(self.view, selected)
        self.count_label.setText(self.tr("{shown} of {total} files").format(shown=len(shown), total=len(self._all)))

    def _selected(self) -> OfficeFile | None:
        client_id = selected_id(self.view)
        return next((f for f in self._all if f.client_id == client_id), None)

    def _reassign(self) -> None:
        file = self._selected()
        if file is None:
            return
        try:
            dialog = ReassignDialog(file, accounts.counsellor_names(self.session), self)
            if dialog.exec() and (chosen := dialog.chosen()) is not None:
                office_files.reassign_file(self.session, file.client_id, chosen)
        except JmdError as exc:
            notify.show_error(self, exc)
        self.refresh()

    def _toggle_hold(self) -> None:
        file = self._selected()
        if file is None:
            return
        try:
            held = retention.legal_hold(self.session, file.client_id)
            question = (
                self.tr("Lift the legal hold of file {number}? It can then be deleted when due.")
                if held
                else self.tr("Protect file {number} from deletion (legal hold)?")
            )
            if notify.confirm(self, question.format(number=file.client_number)):
                retention.set_legal_hold(self.session, file.client_id, not held)
                notify.show_info(self, self._hold_text(file, not held))
        except JmdError as exc:
            notify.show_error(self, exc)

    def _hold_text(self, file: OfficeFile, held: bool) -> str:
        if held:
            return self.tr("File {number} is protected from deletion.").format(number=file.client_number)
        return self.tr("File {number} is no longer protected from deletion.").format(number=file.client_number)
