"""Quick entry of an anonymous short counselling: no name, no date of birth, no file."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from jmd_desk.domain import codes
from jmd_desk.domain.entities import AnonymousContact
from jmd_desk.ui.contact_fields import minutes_box
from jmd_desk.ui.record_dialog import RecordDialog
from jmd_desk.ui.widgets import CodeChecks, CodeCombo, DateField


def anonymous_contact_dialog(parent: QWidget, today: date, save: Callable[[Any], Any]) -> RecordDialog:
    """Date (today), minutes, mode, topics, age group, gender and where the person was sent."""
    day = DateField()
    day.set_value(today)
    minutes = minutes_box(15)
    mode = CodeCombo("mode", codes.CONTACT_MODES)
    topics = CodeChecks("area", codes.AREAS[:-1], columns=3)
    age_group = CodeCombo("age_group", codes.AGE_GROUP_CODES)
    age_group.set_code(codes.UNKNOWN)
    gender = CodeCombo("gender", codes.GENDERS)
    gender.set_code(codes.UNKNOWN)
    referred = CodeCombo("partner_type", codes.PARTNER_TYPES, allow_empty=True)

    def build() -> AnonymousContact:
        return AnonymousContact(
            date=day.value(),  # type: ignore[arg-type]
            minutes=minutes.value(),
            mode=mode.code() or codes.UNKNOWN,
            topics=topics.codes(),
            age_group=age_group.code() or codes.UNKNOWN,
            gender=gender.code() or codes.UNKNOWN,
            referred_partner_type=referred.code(),
        )

    fields = [
        ("date", day),
        ("minutes", minutes),
        ("mode", mode),
        ("topics", topics),
        ("age_group", age_group),
        ("gender", gender),
        ("referred_partner_type", referred),
    ]
    return RecordDialog(
        "anonymous_contact_dialog",
        QCoreApplication.translate("AnonymousContactDialog", "Anonymous short counselling"),
        fields,
        build,
        save,
        parent,
        intro=QCoreApplication.translate(
            "AnonymousContactDialog", "Without name or date of birth: nothing here may point to the person."
        ),
    )
