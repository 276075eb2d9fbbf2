"""Dialogs for the records of a file: goals, referrals, follow-ups, consents, case closure."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QWidget

from jmd_desk.domain import codes
from jmd_desk.domain.entities import Case, Consent, Contact, FollowUp, Goal, Referral
from jmd_desk.domain.readmodels import PartnerChoice
from jmd_desk.ui.contact_fields import ContactFields
from jmd_desk.ui.record_dialog import RecordDialog
from jmd_desk.ui.widgets import CodeChecks, CodeCombo, DateField

Save = Callable[[Any], Any]


def _date(value: date | None, *, optional: bool = False) -> DateField:
    field = DateField(optional=optional)
    field.set_value(value)
    return field


def _line(value: str | None) -> QLineEdit:
    edit = QLineEdit(value or "")
    return edit


def _combo(field: str, values: tuple[str, ...], value: str | None) -> CodeCombo:
    combo = CodeCombo(field, values)
    combo.set_code(value)
    return combo


def goal_dialog(parent: QWidget, goal: Goal | None, today: date, save: Save) -> RecordDialog:
    """Add or edit a goal of the Integrationsförderplan."""
    g = goal or Goal(area="language", title="", agreed_on=today)
    area = _combo("area", codes.AREAS, g.area)
    title = _line(g.title)
    agreed = _date(g.agreed_on, optional=True)
    due = _date(g.due_on, optional=True)
    status = _combo("goal_status", codes.GOAL_STATUSES, g.status)
    since = _date(g.status_changed_on, optional=True)
    steps = QPlainTextEdit(g.steps or "")
    steps.setTabChangesFocus(True)
    steps.setMaximumHeight(70)
    responsible = CodeChecks("responsible", codes.RESPONSIBLES[:-1])
    responsible.set_codes(g.responsible)
    review = _date(g.review_on, optional=True)

    def build() -> Goal:
        return Goal(
            area=area.code() or codes.UNKNOWN,
            title=title.text(),
            agreed_on=agreed.value(),
            due_on=due.value(),
            status=status.code() or "open",
            status_changed_on=since.value(),
            steps=steps.toPlainText(),
            responsible=responsible.codes(),
            review_on=review.value(),
            record_key=g.record_key,
        )

    fields = [
        ("area", area),
        ("title", title),
        ("agreed_on", agreed),
        ("due_on", due),
        ("status", status),
        ("status_changed_on", since),
        ("steps", steps),
        ("responsible", responsible),
        ("review_on", review),
    ]
    caption = (
        QCoreApplication.translate("RecordEditors", "Goal")
        if goal
        else QCoreApplication.translate("RecordEditors", "New goal")
    )
    return RecordDialog("goal_dialog", caption, fields, build, save, parent)


def goal_status_dialog(parent: QWidget, goal: Goal, today: date, save: Save) -> RecordDialog:
    """Record a new status of a goal from a day on."""
    status = _combo("goal_status", codes.GOAL_STATUSES, goal.status)
    since = _date(today)

    def build() -> tuple[str, date | None]:
        return status.code() or "open", since.value()

    return RecordDialog(
        "goal_status_dialog",
        QCoreApplication.translate("RecordEditors", "Change goal status"),
        [("status", status), ("status_changed_on", since)],
        build,
        save,
        parent,
        intro=goal.title,
    )


def contact_dialog(
    parent: QWidget, contact: Contact, save: Save, today: Callable[[], date] = date.today
) -> RecordDialog:
    """Correct a logged contact (the same editors as the quick entry)."""
    editors = ContactFields(parent, today, contact)
    return RecordDialog(
        "contact_dialog",
        QCoreApplication.translate("RecordEditors", "Contact"),
        editors.fields(),
        editors.contact,
        save,
        parent,
    )


def referral_dialog(
    parent: QWidget, partners: list[PartnerChoice], referral: Referral | None, today: date, save: Save
) -> RecordDialog:
    """Add a referral to a network partner (or edit one)."""
    r = referral or Referral(partner_id=0, date=today)
    partner = QComboBox()
    partner.setObjectName("partner_id_edit")
    for p in partners:
        if p.active or p.id == r.partner_id:
            partner.addItem(p.name, p.id)
    partner.setCurrentIndex(max(partner.findData(r.partner_id), 0))
    day = _date(r.date)
    area = _combo("area", codes.AREAS, r.area)
    status = _combo("referral_status", codes.REFERRAL_STATUSES, r.status)
    outcome = _line(r.outcome)

    def build() -> Referral:
        return Referral(
            partner_id=partner.currentData() or 0,
            date=day.value(),  # type: ignore[arg-type]
            area=area.code() or codes.UNKNOWN,
            status=status.code() or "requested",
            outcome=outcome.text(),
        )

    fields = [
        ("partner_id", partner),
        ("date", day),
        ("area", area),
        ("status", status),
        ("outcome", outcome),
    ]
    caption = (
        QCoreApplication.translate("RecordEditors", "Referral")
        if referral
        else QCoreApplication.translate("RecordEditors", "New referral")
    )
    return RecordDialog("referral_dialog", caption, fields, build, save, parent)


def follow_up_dialog(parent: QWidget, follow_up: FollowUp | None, today: date, save: Save) -> RecordDialog:
    """Add or edit a follow-up (Wiedervorlage)."""
    f = follow_up or FollowUp(due_on=today, text="")
    due = _date(f.due_on)
    text = _line(f.text)

    def build() -> FollowUp:
        return FollowUp(due_on=due.value(), text=text.text(), done=f.done)  # type: ignore[arg-type]

    caption = (
        QCoreApplication.translate("RecordEditors", "Follow-up")
        if follow_up
        else QCoreApplication.translate("RecordEditors", "New follow-up")
    )
    return RecordDialog("follow_up_dialog", caption, [("due_on", due), ("text", text)], build, save, parent)


def consent_dialog(parent: QWidget, today: date, save: Save) -> RecordDialog:
    """Record a consent that was given."""
    scope = _combo("scope", codes.CONSENT_SCOPES, "processing")
    given_by = _combo("given_by", codes.CONSENT_GIVERS, "self")
    given_on = _date(today)
    version = _line("")

    def build() -> Consent:
        return Consent(
            scope=scope.code() or codes.UNKNOWN,
            given_on=given_on.value(),  # type: ignore[arg-type]
            given_by=given_by.code() or codes.UNKNOWN,
            form_version=version.text(),
        )

    fields = [("scope", scope), ("given_by", given_by), ("given_on", given_on), ("form_version", version)]
    return RecordDialog(
        "consent_dialog",
        QCoreApplication.translate("RecordEditors", "Record consent"),
        fields,
        build,
        save,
        parent,
    )


def withdraw_dialog(parent: QWidget, today: date, save: Save) -> RecordDialog:
    """Withdraw a consent from a day on."""
    day = _date(today)
    return RecordDialog(
        "withdraw_dialog",
        QCoreApplication.translate("RecordEditors", "Withdraw consent"),
        [("withdrawn_on", day)],
        day.value,
        save,
        parent,
        intro=QCoreApplication.translate(
            "RecordEditors", "From this day on, nothing that depends on the consent is allowed any more."
        ),
    )


def close_case_dialog(parent: QWidget, today: date, save: Save) -> RecordDialog:
    """Close a case with date, reason and destination."""
    day = _date(today)
    reason = _combo("closure_reason", codes.CLOSURE_REASONS, "goals_achieved")
    destination = _combo("destination", codes.DESTINATIONS, codes.UNKNOWN)

    def build() -> tuple[date | None, str, str]:
        return day.value(), reason.code() or codes.UNKNOWN, destination.code() or codes.UNKNOWN

    fields = [("closed_on", day), ("closure_reason", reason), ("destination", destination)]
    return RecordDialog(
        "close_case_dialog",
        QCoreApplication.translate("RecordEditors", "Close case"),
        fields,
        build,
        save,
        parent,
    )


def open_case_dialog(parent: QWidget, today: date, save: Save) -> RecordDialog:
    """Open a new case (reopening always starts a new case)."""
    case_type = _combo("case_type", codes.CASE_TYPES, "counselling")
    day = _date(today)

    def build() -> Case:
        return Case(case_type=case_type.code() or codes.UNKNOWN, opened_on=day.value())  # type: ignore[arg-type]

    fields = [("case_type", case_type), ("opened_on", day)]
    return RecordDialog(
        "open_case_dialog",
        QCoreApplication.translate("RecordEditors", "Open new case"),
        fields,
        build,
        save,
        parent,
    )


def case_dialog(parent: QWidget, case: Case, save: Save) -> RecordDialog:
    """Correct a case: type, opening and closing dates, closure reason and destination."""
    case_type = _combo("case_type", codes.CASE_TYPES, case.case_type)
    opened = _date(case.opened_on)
    closed = _date(case.closed_on, optional=True)
    reason = CodeCombo("closure_reason", codes.CLOSURE_REASONS, allow_empty=True)
    reason.set_code(case.closure_reason)
    destination = CodeCombo("destination", codes.DESTINATIONS, allow_empty=True)
    destination.set_code(case.destination)

    def build() -> Case:
        return Case(
            case_type=case_type.code() or codes.UNKNOWN,
            opened_on=opened.value(),  # type: ignore[arg-type]
            closed_on=closed.value(),
            closure_reason=reason.code(),
            destination=destination.code(),
        )

    fields = [
        ("case_type", case_type),
        ("opened_on", opened),
        ("closed_on", closed),
        ("closure_reason", reason),
        ("destination", destination),
    ]
    intro = QCoreApplication.translate(
        "RecordEditors", "Corrections are recorded in the history. Leave the closing date empty for an open case."
    )
    title = QCoreApplication.translate("RecordEditors", "Correct case")
    return RecordDialog("case_dialog", title, fields, build, save, parent, intro=intro)
