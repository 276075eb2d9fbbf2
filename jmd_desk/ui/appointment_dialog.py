"""Plan or move an appointment: day, time, length, mode and place."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, time
from typing import Any

from PySide6.QtCore import QCoreApplication, QTime
from PySide6.QtWidgets import QLineEdit, QTimeEdit, QWidget

from jmd_desk.domain import codes
from jmd_desk.domain.entities import Appointment
from jmd_desk.ui.contact_fields import minutes_box
from jmd_desk.ui.record_dialog import RecordDialog
from jmd_desk.ui.widgets import CodeCombo, DateField


def appointment_dialog(
    parent: QWidget, appointment: Appointment, save: Callable[[Any], Any], *, group: bool = False
) -> RecordDialog:
    """Edit ``appointment`` (a new one comes with a suggested start)."""
    day = DateField()
    day.set_value(appointment.starts_at.date())
    start = QTimeEdit(QTime(appointment.starts_at.hour, appointment.starts_at.minute))
    start.setDisplayFormat("HH:mm")
    minutes = minutes_box(appointment.minutes)
    mode = CodeCombo("mode", codes.CONTACT_MODES)
    mode.set_code(appointment.mode if not group or appointment.mode != codes.UNKNOWN else "group")
    place = QLineEdit(appointment.place or "")

    def build() -> Appointment:
        moment = datetime.combine(day.value(), time(start.time().hour(), start.time().minute()))  # type: ignore[arg-type]
        return Appointment(
            starts_at=moment,
            minutes=minutes.value(),
            mode=mode.code() or codes.UNKNOWN,
            place=place.text(),
            status=appointment.status,
        )

    fields = [("date", day), ("starts_at", start), ("minutes", minutes), ("mode", mode), ("place", place)]
    return RecordDialog(
        "appointment_dialog",
        QCoreApplication.translate("AppointmentDialog", "Appointment"),
        fields,
        build,
        save,
        parent,
        intro=QCoreApplication.translate(
            "AppointmentDialog", "The place stays in the file; the calendar export shows only number and time."
        ),
    )
