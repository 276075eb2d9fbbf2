"""The overview's appointments: today's and this week's, "held" in one step, no-shows and
cancellations per counsellor, cases waiting long, the calendar export and the anonymous
quick entry."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QFileDialog, QGroupBox, QHBoxLayout, QInputDialog, QLabel, QVBoxLayout, QWidget

from jmd_desk.domain.errors import JmdError
from jmd_desk.domain.readmodels import AppointmentItem
from jmd_desk.services import anonymous, appointments
from jmd_desk.services.session import UserSession
from jmd_desk.texts.labels import code_label
from jmd_desk.ui import notify
from jmd_desk.ui.anonymous_contact_dialog import anonymous_contact_dialog
from jmd_desk.ui.date_entry import format_date
from jmd_desk.ui.i18n import language
from jmd_desk.ui.models import ID_ROLE, Column, RowTableModel
from jmd_desk.ui.overview_models import due_item_model
from jmd_desk.ui.views import button, selected_id, share_width, table


def appointment_model(parent: QWidget) -> RowTableModel[AppointmentItem]:
    """Start, who, mode and status of appointments."""
    lang = language()
    columns: list[Column[AppointmentItem]] = [
        Column(
            lambda: QCoreApplication.translate("AppointmentsPanel", "When"),
            lambda r: f"{format_date(r.starts_at.date())} {r.starts_at:%H:%M}",
            lambda r: r.starts_at,
            width=16,
        ),
        Column(
            lambda: QCoreApplication.translate("AppointmentsPanel", "File or group offer"),
            lambda r: (
                f"{r.client_number} {r.client_name}"
                if r.client_number
                else QCoreApplication.translate("AppointmentsPanel", "Group: {title}").format(title=r.offer_title)
            ),
            width=28,
        ),
        Column(
            lambda: QCoreApplication.translate("AppointmentsPanel", "Mode"),
            lambda r: code_label("mode", r.mode, lang),
            width=14,
        ),
        Column(
            lambda: QCoreApplication.translate("AppointmentsPanel", "Status"),
            lambda r: code_label("appointment_status", r.status, lang),
            width=14,
        ),
    ]
    return RowTableModel(columns, lambda r: r.id, parent)


class AppointmentsPanel(QWidget):
    """Appointments of today and this week with their status buttons (``Ctrl+Return``: held)."""

    open_file_requested = Signal(int)

    def __init__(self, session: UserSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("appointments_panel")
        self.session = session
        self.model = appointment_model(self)
        self.table = table("appointments_table", self.model)
        share_width(self.table, stretch=(1,))  # a week's appointments: short, fits without side scrolling
        held = QShortcut(QKeySequence("Ctrl+Return"), self.table)
        held.setContext(Qt.ShortcutContext.WidgetShortcut)
        held.activated.connect(self.mark_held)
        status_row, entry_row = self._button_rows()
        self.missed_label = QLabel()
        self.missed_label.setObjectName("missed_label")
        self.missed_label.setWordWrap(True)
        box = QGroupBox(QCoreApplication.translate("AppointmentsPanel", "Appointments today and this week"))
        box.setObjectName("appointments_box")
        box_layout = QVBoxLayout(box)
        box_layout.addWidget(self.table)
        box_layout.addLayout(status_row)
        box_layout.addLayout(entry_row)
        box_layout.addWidget(self.missed_label)
        self.waiting_model = due_item_model(QCoreApplication.translate("AppointmentsPanel", "Waiting since"), self)
        self.waiting_table = table("waiting_cases_table", self.waiting_model)
        share_width(self.waiting_table, stretch=(1, 3))  # client and note share the box: no side scrolling
        self.waiting_table.activated.connect(self._open)
        self.waiting_table.doubleClicked.connect(self._open)
        waiting_box = QGroupBox(
            QCoreApplication.translate("AppointmentsPanel", "Case management still in clearing after 30 days")
        )
        waiting_box.setObjectName("waiting_cases_box")
        QVBoxLayout(waiting_box).addWidget(self.waiting_table)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(box, 3)
        layout.addWidget(waiting_box, 2)

    def _button_rows(self) -> tuple[QHBoxLayout, QHBoxLayout]:
        """Status buttons for the selected appointment; entries that need none."""
        status_row, entry_row = QHBoxLayout(), QHBoxLayout()
        for row, items in (
            (
                status_row,
                (
                    (
                        "appointment_held_button",
                        QT_TRANSLATE_NOOP("AppointmentsPanel", "Held → contact (Ctrl+Enter)"),
                        self.mark_held,
                    ),
                    (
                        "appointment_cancelled_button",
                        QT_TRANSLATE_NOOP("AppointmentsPanel", "Cancelled"),
                        lambda: self.set_status("cancelled"),
                    ),
                    (
                        "appointment_no_show_button",
                        QT_TRANSLATE_NOOP("AppointmentsPanel", "Did not come"),
                        lambda: self.set_status("no_show"),
                    ),
                ),
            ),
            (
                entry_row,
                (
                    (
                        "anonymous_contact_button",
                        QT_TRANSLATE_NOOP("AppointmentsPanel", "Anonymous counselling… (Ctrl+Shift+A)"),
                        self.record_anonymous,
                    ),
                    (
                        "calendar_export_button",
                        QT_TRANSLATE_NOOP("AppointmentsPanel", "Export my calendar (.ics)…"),
                        self.export_calendar,
                    ),
                ),
            ),
        ):
            for name, text, slot in items:
                row.addWidget(button(name, QCoreApplication.translate("AppointmentsPanel", str(text)), slot))
            row.addStretch(1)
        return status_row, entry_row

    def refresh(self) -> None:
        """Load today's and this week's appointments, the missed counts and waiting cases."""
        today = self.session.clock.today()
        start, end = appointments.week_of(today)
        day_start = datetime.combine(today, datetime.min.time())
        rows = appointments.appointments_between(
            self.session, min(start, day_start), max(end, day_start + timedelta(1))
        )
        self.model.set_rows(rows)
        missed = appointments.missed_by_counsellor(self.session, start, end)
        parts = [
            QCoreApplication.translate("AppointmentsPanel", "{name}: {no_show} not come, {cancelled} cancelled").format(
                name=n, no_show=a, cancelled=b
            )
            for n, (a, b) in missed.items()
        ]
        self.missed_label.setText(
            QCoreApplication.translate("AppointmentsPanel", "This week – ")
            + ("; ".join(parts) if parts else QCoreApplication.translate("AppointmentsPanel", "no missed appointments"))
        )
        self.waiting_model.set_rows(appointments.waiting_cases(self.session))

    def clear(self) -> None:
        """Forget the shown data (lock)."""
        self.model.clear()
        self.waiting_model.clear()
        self.missed_label.clear()

    def focus_table(self) -> None:
        """Put the keyboard into the appointment list (first row selected)."""
        self.table.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if self.model.rowCount() and not self.table.selectionModel().selectedRows():
            self.table.selectRow(0)

    def _selected(self) -> AppointmentItem | None:
        item_id = selected_id(self.table)
        return next((r for r in self.model.rows() if r.id == item_id), None)

    def _run(self, action: Callable[[], object]) -> bool:
        try:
            action()
        except JmdError as exc:
            notify.show_error(self, exc)
            return False
        self.refresh()
        return True

    def mark_held(self) -> None:
        """The selected appointment took place: a contact (or a group session) is recorded."""
        item = self._selected()
        if item is None:
            return
        attendance = 0
        if item.offer_id is not None:
            value, ok = QInputDialog.getInt(
                self,
                QCoreApplication.translate("AppointmentsPanel", "Group session"),
                QCoreApplication.translate("AppointmentsPanel", "Participants present:"),
                0,
                0,
                100_000,
            )
            if not ok:
                return
            attendance = value
        self._run(lambda: appointments.mark_held(self.session, item.id, attendance))

    def set_status(self, status: str) -> None:
        """Mark the selected appointment cancelled or missed."""
        item = self._selected()
        if item is not None:
            self._run(lambda: appointments.set_status(self.session, item.id, status))

    def record_anonymous(self) -> None:
        """Open the quick entry of an anonymous contact."""
        dialog = anonymous_contact_dialog(
            self, self.session.clock.today(), lambda c: anonymous.record_anonymous_contact(self.session, c)
        )
        dialog.exec()

    def export_calendar(self) -> None:
        """Save one's own appointments of the coming eight weeks as .ics (numbers and times only)."""
        name, _ = QFileDialog.getSaveFileName(
            self, QCoreApplication.translate("AppointmentsPanel", "Export calendar"), "termine.ics", "iCalendar (*.ics)"
        )
        if not name:
            return
        start, _ = appointments.week_of(self.session.clock.today())
        self._run(lambda: appointments.export_calendar(self.session, Path(name), start, start + timedelta(weeks=8)))

    def _open(self, index: QModelIndex) -> None:
        client_id = index.data(ID_ROLE)
        if client_id is not None:
            self.open_file_requested.emit(int(client_id))
