"""Create or edit a group offer, and record one of its sessions."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QLineEdit, QSpinBox, QWidget

from jmd_desk.domain import codes
from jmd_desk.domain.entities import GroupOffer, GroupSession, Partner, Saved
from jmd_desk.domain.fields import MAX_HEADCOUNT
from jmd_desk.ui.contact_fields import minutes_box
from jmd_desk.ui.headcount_edit import HeadcountEdit
from jmd_desk.ui.record_dialog import RecordDialog
from jmd_desk.ui.widgets import CodeChecks, CodeCombo, DateField

Save = Callable[[Any], Any]


def _partner_combo(partners: Sequence[Saved[Partner]], selected: int | None) -> QComboBox:
    combo = QComboBox()
    combo.addItem("", None)
    for p in partners:
        combo.addItem(p.value.name, p.id)
    combo.setCurrentIndex(max(combo.findData(selected), 0) if selected is not None else 0)
    return combo


def group_offer_dialog(
    parent: QWidget, offer: GroupOffer | None, partners: Sequence[Saved[Partner]], today: date, save: Save
) -> RecordDialog:
    """Title, kind, areas, partner (e.g. the school), period and headcounts."""
    o = offer or GroupOffer(title="", kind="workshop", starts_on=today)
    title = QLineEdit(o.title)
    kind = CodeCombo("group_kind", codes.GROUP_KINDS)
    kind.set_code(o.kind)
    areas = CodeChecks("area", codes.AREAS[:-1], columns=3)
    areas.set_codes(o.areas)
    partner = _partner_combo(partners, o.partner_id)
    starts = DateField()
    starts.set_value(o.starts_on)
    ends = DateField(optional=True)
    ends.set_value(o.ends_on)
    by_gender = HeadcountEdit("gender", codes.GENDERS)
    by_gender.set_value(o.participants_by_gender)
    by_age = HeadcountEdit("age_group", codes.AGE_GROUP_CODES)
    by_age.set_value(o.participants_by_age_group)

    def build() -> GroupOffer:
        return GroupOffer(
            title=title.text(),
            kind=kind.code() or codes.UNKNOWN,
            starts_on=starts.value(),  # type: ignore[arg-type]
            ends_on=ends.value(),
            areas=areas.codes(),
            partner_id=partner.currentData(),
            participants_by_gender=by_gender.value(),
            participants_by_age_group=by_age.value(),
        )

    fields: list[tuple[str, QWidget] | tuple[str, QWidget, str]] = [
        ("title", title, QCoreApplication.translate("GroupOfferDialog", "Title")),
        ("kind", kind),
        ("areas", areas),
        ("partner_id", partner),
        ("starts_on", starts),
        ("ends_on", ends),
        ("participants_by_gender", by_gender),
        ("participants_by_age_group", by_age),
    ]
    caption = (
        QCoreApplication.translate("GroupOfferDialog", "Group offer")
        if offer
        else QCoreApplication.translate("GroupOfferDialog", "New group offer")
    )
    intro = QCoreApplication.translate(
        "GroupOfferDialog", "Participants are counted once per offer; estimates are fine."
    )
    dialog = RecordDialog("group_offer_dialog", caption, fields, build, save, parent, intro=intro)
    dialog.setMinimumWidth(900)  # every area and headcount label in full
    return dialog


def group_session_dialog(parent: QWidget, session: GroupSession, save: Save) -> RecordDialog:
    """Date, minutes and the number of participants present."""
    day = DateField()
    day.set_value(session.date)
    minutes = minutes_box(session.minutes)
    attendance = QSpinBox()
    attendance.setRange(0, MAX_HEADCOUNT)
    attendance.setValue(session.attendance)

    def build() -> GroupSession:
        return GroupSession(date=day.value(), minutes=minutes.value(), attendance=attendance.value())  # type: ignore[arg-type]

    fields = [("date", day), ("minutes", minutes), ("attendance", attendance)]
    return RecordDialog(
        "group_session_dialog",
        QCoreApplication.translate("GroupOfferDialog", "Group session"),
        fields,
        build,
        save,
        parent,
    )
