"""The file tab "Appointments & progress": the case's appointments ("held" becomes a contact),
case phase and first request, progress of German level and school qualification, the
client's district and the group offers she took part in."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, time, timedelta
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from jmd_desk.domain import codes
from jmd_desk.domain.entities import Appointment, CaseFile, ClientFile, Progress
from jmd_desk.domain.errors import JmdError
from jmd_desk.services import appointments, casework, clients, progress
from jmd_desk.services.session import UserSession
from jmd_desk.texts.labels import code_label
from jmd_desk.ui import notify
from jmd_desk.ui.appointment_dialog import appointment_dialog
from jmd_desk.ui.date_entry import format_date
from jmd_desk.ui.file_models import appointment_table_model, group_participation_model, progress_table_model
from jmd_desk.ui.i18n import language
from jmd_desk.ui.record_dialog import RecordDialog
from jmd_desk.ui.views import button, selected_id, share_width, table
from jmd_desk.ui.widgets import CodeCombo, DateField


class FileExtrasTab(QWidget):
    """Emits ``changed`` after every stored change (the file window reloads)."""

    changed = Signal()

    def __init__(self, session: UserSession, client_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("file_extras_tab")
        self.session = session
        self.client_id = client_id
        self.file: ClientFile | None = None
        self.case: CaseFile | None = None
        self.appointment_model = appointment_table_model(self)
        self.progress_model = progress_table_model(self)
        self.group_model = group_participation_model(self)
        self.appointment_table = table("case_appointments_table", self.appointment_model)
        held = QShortcut(QKeySequence("Ctrl+Return"), self.appointment_table)
        held.setContext(Qt.ShortcutContext.WidgetShortcut)
        held.activated.connect(self.mark_held)
        self.progress_table = table("progress_table", self.progress_model)
        self.group_table = table("client_groups_table", self.group_model)
        share_width(self.group_table, stretch=(0,))  # one client's groups: a short list
        self.case_label = QLabel()
        self.case_label.setObjectName("case_phase_label")
        self.master_label = QLabel()
        self.master_label.setObjectName("district_label")
        self.buttons = self._buttons()
        self._layout()

    def _buttons(self) -> list[QPushButton]:
        """The tab's buttons, in the order ``_layout`` places them."""
        return [
            button(
                "plan_appointment_button",
                QCoreApplication.translate("FileExtrasTab", "Plan &appointment…"),
                self.plan_appointment,
            ),
            button(
                "file_appointment_held_button",
                QCoreApplication.translate("FileExtrasTab", "Held → contact (Ctrl+Enter)"),
                self.mark_held,
            ),
            button(
                "file_appointment_cancelled_button",
                QCoreApplication.translate("FileExtrasTab", "Cancelled"),
                lambda: self.set_status("cancelled"),
            ),
            button(
                "file_appointment_no_show_button",
                QCoreApplication.translate("FileExtrasTab", "Did not come"),
                lambda: self.set_status("no_show"),
            ),
            button(
                "edit_phase_button",
                QCoreApplication.translate("FileExtrasTab", "Phase and first re&quest…"),
                self.edit_phase,
            ),
            button(
                "add_progress_button",
                QCoreApplication.translate("FileExtrasTab", "Record pr&ogress…"),
                self.add_progress,
            ),
            button(
                "delete_progress_button",
                QCoreApplication.translate("FileExtrasTab", "Delete entry"),
                self.delete_progress,
            ),
            button(
                "edit_district_button",
                QCoreApplication.translate("FileExtrasTab", "District and q&ualification note…"),
                self.edit_district,
            ),
        ]

    def _layout(self) -> None:
        b = self.buttons
        grid = QGridLayout(self)
        grid.addWidget(
            self._box(
                QCoreApplication.translate("FileExtrasTab", "Appointments of this case"),
                self.appointment_table,
                b[0:4],
                self.case_label,
                b[4],
            ),
            0,
            0,
            1,
            2,
        )
        grid.addWidget(
            self._box(
                QCoreApplication.translate("FileExtrasTab", "Progress (not corrections)"), self.progress_table, b[5:7]
            ),
            1,
            0,
        )
        grid.addWidget(
            self._box(
                QCoreApplication.translate("FileExtrasTab", "Group offers and district"),
                self.group_table,
                [b[7]],
                self.master_label,
            ),
            1,
            1,
        )

    @staticmethod
    def _box(
        title: str, view: QWidget, buttons: list[Any], label: QLabel | None = None, extra: Any = None
    ) -> QGroupBox:
        box = QGroupBox(title)
        layout = QVBoxLayout(box)
        row = QHBoxLayout()
        for b in buttons:
            row.addWidget(b)
        row.addStretch(1)
        if label is not None:
            line = QHBoxLayout()
            line.addWidget(label, 1)
            if extra is not None:
                line.addWidget(extra)
            layout.addLayout(line)
        layout.addLayout(row)
        layout.addWidget(view, 1)
        return box

    def show_file(self, file: ClientFile, case: CaseFile | None, editable: bool) -> None:
        """Show the file's records of ``case``."""
        self.file, self.case = file, case
        lang = language()
        self.appointment_model.set_rows(case.appointments if case else [])
        self.progress_model.set_rows(file.progress)
        self.group_model.set_rows(file.group_offers)
        phase = code_label("phase", case.case.phase, lang) if case and case.case.phase else "–"
        requested = format_date(case.case.requested_on) if case and case.case.requested_on else "–"
        self.case_label.setText(
            QCoreApplication.translate("FileExtrasTab", "Phase: {phase} · first request: {requested}").format(
                phase=phase, requested=requested
            )
        )
        c = file.client
        labels = {d.code: d.label for d in progress.list_districts(self.session)} if c.district else {}
        district = labels.get(c.district or "", c.district or "–")
        self.master_label.setText(
            QCoreApplication.translate("FileExtrasTab", "District: {district} · qualification note: {note}").format(
                district=district, note=c.school_qualification_note or "–"
            )
        )
        for b in self.buttons:
            b.setEnabled(
                editable
                and (
                    case is not None
                    or b.objectName() in ("add_progress_button", "edit_district_button", "delete_progress_button")
                )
            )

    def clear(self) -> None:
        """Forget the shown data (lock)."""
        for model in (self.appointment_model, self.progress_model, self.group_model):
            model.clear()

    # ---------------------------------------------------------------- actions
    def _run(self, action: Callable[[], Any]) -> None:
        try:
            action()
        except JmdError as exc:
            notify.show_error(self, exc)
            return
        self.changed.emit()

    def _dialog(self, dialog: RecordDialog) -> None:
        if dialog.exec():
            self.changed.emit()

    def plan_appointment(self) -> None:
        """Plan an appointment in the case shown."""
        if self.case is None:
            return
        case_id = self.case.id
        start = datetime.combine(self.session.clock.today() + timedelta(days=1), time(10, 0))
        save = lambda a: appointments.add_case_appointment(self.session, case_id, a)  # noqa: E731
        self._dialog(appointment_dialog(self, Appointment(start, 45, "in_person"), save))

    def mark_held(self) -> None:
        """The selected appointment took place: its contact is recorded."""
        item_id = selected_id(self.appointment_table)
        if item_id is not None:
            self._run(lambda: appointments.mark_held(self.session, item_id))

    def set_status(self, status: str) -> None:
        """Mark the selected appointment cancelled or missed."""
        item_id = selected_id(self.appointment_table)
        if item_id is not None:  # office server: refused if a colleague changed it since it was shown
            seen = next((a.version for a in self.appointment_model.rows() if a.id == item_id), None)
            self._run(lambda: appointments.set_status(self.session, item_id, status, seen_version=seen))

    def edit_phase(self) -> None:
        """Phase of case management and the day of the first request."""
        if self.case is None:
            return
        case_id, case, seen = self.case.id, self.case.case, self.case.version
        phase = CodeCombo("phase", codes.CASE_PHASES, allow_empty=True)
        phase.set_code(case.phase)
        requested = DateField(optional=True)
        requested.set_value(case.requested_on)

        def build() -> Any:
            return replace(case, phase=phase.code(), requested_on=requested.value())

        save = lambda c: casework.update_case(self.session, case_id, c, seen_version=seen)  # noqa: E731
        fields = [("requested_on", requested), ("phase", phase)]
        self._dialog(
            RecordDialog(
                "case_phase_dialog",
                QCoreApplication.translate("FileExtrasTab", "Case phase"),
                fields,
                build,
                save,
                self,
            )
        )

    def add_progress(self) -> None:
        """Record a new German level or school qualification from a day on."""
        field = QComboBox()
        for name in codes.PROGRESS_FIELDS:
            field.addItem(code_label("progress_field", name, language()), name)
        value = QComboBox()

        def fill(_index: int = 0) -> None:
            value.clear()
            name = field.currentData()
            for code in codes.GERMAN_LEVELS if name == "german_level" else codes.SCHOOL_QUALIFICATIONS:
                value.addItem(code_label(name, code, language()), code)

        field.currentIndexChanged.connect(fill)
        fill()
        on = DateField()
        on.set_value(self.session.clock.today())

        def build() -> Progress:
            return Progress(field=field.currentData(), value=value.currentData(), on=on.value())  # type: ignore[arg-type]

        save = lambda p: progress.add_progress(self.session, self.client_id, p)  # noqa: E731
        fields = [("field", field), ("value", value), ("on", on)]
        self._dialog(
            RecordDialog(
                "progress_dialog",
                QCoreApplication.translate("FileExtrasTab", "Record progress"),
                fields,
                build,
                save,
                self,
            )
        )

    def delete_progress(self) -> None:
        """Remove a progress entry made by mistake."""
        entry_id = selected_id(self.progress_table)
        if entry_id is not None and notify.confirm(
            self, QCoreApplication.translate("FileExtrasTab", "Delete this progress entry?")
        ):
            self._run(lambda: progress.delete_progress(self.session, entry_id))

    def edit_district(self) -> None:
        """The client's district (office list) and the note on a qualification without code."""
        if self.file is None:
            return
        client = self.file.client
        district = QComboBox()
        district.addItem("", None)
        for d in progress.list_districts(self.session):
            district.addItem(d.label, d.code)
        district.setCurrentIndex(max(district.findData(client.district), 0))
        note = QLineEdit(client.school_qualification_note or "")

        def build() -> Any:
            return replace(client, district=district.currentData(), school_qualification_note=note.text())

        save = lambda c: clients.update_client(self.session, self.client_id, c)  # noqa: E731
        fields = [("district", district), ("school_qualification_note", note)]
        self._dialog(
            RecordDialog(
                "district_dialog", QCoreApplication.translate("FileExtrasTab", "District"), fields, build, save, self
            )
        )
