"""Table models of a client file's tables: goals, contacts, referrals, follow-ups, consents, changes."""

from __future__ import annotations

import ast
from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from jmd_desk.domain.entities import (
    Appointment,
    Consent,
    Contact,
    FollowUp,
    Goal,
    GroupOffer,
    Progress,
    Referral,
    Saved,
)
from jmd_desk.domain.readmodels import ClientChange
from jmd_desk.texts.labels import code_label, field_label
from jmd_desk.ui.i18n import language
from jmd_desk.ui.models import Column, RowTableModel, code_text, codes_text, field_header, yes_text
from jmd_desk.ui.widgets import format_date


def goal_is_overdue(goal: Goal, today: date) -> bool:
    """Due before today and neither achieved nor otherwise finished."""
    return goal.due_on is not None and goal.due_on < today and goal.status in ("open", "in_progress")


def goal_table_model(today: Callable[[], date] = date.today, parent: Any = None) -> RowTableModel[Saved[Goal]]:
    """Goals of a case, grouped by area when sorted by the first column; overdue ones in red."""
    columns: list[Column[Saved[Goal]]] = [
        Column(field_header("area"), lambda r: code_text("area", r.value.area), width=20),
        Column(field_header("title"), lambda r: r.value.title, width=36),
        Column(field_header("agreed_on"), lambda r: format_date(r.value.agreed_on), lambda r: r.value.agreed_on),
        Column(field_header("due_on"), lambda r: format_date(r.value.due_on), lambda r: r.value.due_on),
        Column(field_header("status"), lambda r: code_text("goal_status", r.value.status)),
        Column(
            field_header("status_changed_on"),
            lambda r: format_date(r.value.status_changed_on),
            lambda r: r.value.status_changed_on,
        ),
    ]
    return RowTableModel(columns, lambda r: r.id, parent, warn=lambda r: goal_is_overdue(r.value, today()))


def contact_table_model(parent: Any = None) -> RowTableModel[Saved[Contact]]:
    """The contact timeline of a case."""
    columns: list[Column[Saved[Contact]]] = [
        Column(field_header("date"), lambda r: format_date(r.value.date), lambda r: r.value.date, width=11),
        Column(
            field_header("minutes"),
            lambda r: str(r.value.minutes),
            lambda r: r.value.minutes,
            align_right=True,
            width=7,
        ),
        Column(field_header("mode"), lambda r: code_text("mode", r.value.mode), width=12),
        Column(field_header("participants"), lambda r: codes_text("participants", r.value.participants), width=18),
        Column(field_header("topics"), lambda r: codes_text("area", r.value.topics), width=24),
        Column(field_header("interpreter"), lambda r: yes_text(r.value.interpreter), width=12),
        Column(field_header("notes"), lambda r: (r.value.notes or "").splitlines()[0] if r.value.notes else ""),
    ]
    return RowTableModel(columns, lambda r: r.id, parent)


def referral_table_model(
    partner_names: Callable[[], dict[int, str]], parent: Any = None
) -> RowTableModel[Saved[Referral]]:
    """Referrals of a case."""
    columns: list[Column[Saved[Referral]]] = [
        Column(field_header("date"), lambda r: format_date(r.value.date), lambda r: r.value.date, width=11),
        Column(field_header("partner_id"), lambda r: partner_names().get(r.value.partner_id, "?"), width=30),
        Column(field_header("area"), lambda r: code_text("area", r.value.area)),
        Column(field_header("status"), lambda r: code_text("referral_status", r.value.status)),
        Column(field_header("outcome"), lambda r: r.value.outcome or ""),
    ]
    return RowTableModel(columns, lambda r: r.id, parent)


def follow_up_table_model(parent: Any = None) -> RowTableModel[Saved[FollowUp]]:
    """Follow-ups of a case."""
    columns: list[Column[Saved[FollowUp]]] = [
        Column(field_header("due_on"), lambda r: format_date(r.value.due_on), lambda r: r.value.due_on, width=11),
        Column(field_header("text"), lambda r: r.value.text, width=50),
        Column(field_header("done"), lambda r: yes_text(r.value.done)),
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
        Column(field_header("scope"), lambda r: code_text("scope", r.value.scope), width=28),
        Column(field_header("given_by"), lambda r: code_text("given_by", r.value.given_by)),
        Column(field_header("given_on"), lambda r: format_date(r.value.given_on), lambda r: r.value.given_on),
        Column(field_header("form_version"), lambda r: r.value.form_version or ""),
        Column(
            field_header("withdrawn_on"),
            lambda r: format_date(r.value.withdrawn_on),
            lambda r: r.value.withdrawn_on,
        ),
        Column(lambda: QCoreApplication.translate("Models", "Today"), valid),
    ]
    return RowTableModel(columns, lambda r: r.id, parent)


CODED_FIELDS = ("gender", "country_of_birth", "residence_status", "german_level")
LIST_FIELDS = ("nationalities", "languages")


def change_value_text(field: str, value: str | None) -> str:
    """A stored old/new value as the form shows it: names for codes, TT.MM.JJJJ for dates."""
    if not value:
        return ""
    if field in LIST_FIELDS:
        return _list_text(field, value)
    if field in CODED_FIELDS:
        return code_text(field, value)
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
    return codes_text(field, [str(v) for v in values]) if isinstance(values, tuple | list) else value


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


def appointment_table_model(parent: QWidget) -> RowTableModel[Saved[Appointment]]:
    """The appointments of the case."""
    lang = language()
    columns: list[Column[Saved[Appointment]]] = [
        Column(
            lambda: QCoreApplication.translate("FileExtrasTab", "When"),
            lambda a: f"{format_date(a.value.starts_at.date())} {a.value.starts_at:%H:%M}",
            lambda a: a.value.starts_at,
            width=16,
        ),
        Column(
            lambda: QCoreApplication.translate("FileExtrasTab", "Minutes"),
            lambda a: str(a.value.minutes),
            lambda a: a.value.minutes,
            True,
            8,
        ),
        Column(
            lambda: QCoreApplication.translate("FileExtrasTab", "Mode"),
            lambda a: code_label("mode", a.value.mode, lang),
            width=14,
        ),
        Column(lambda: QCoreApplication.translate("FileExtrasTab", "Place"), lambda a: a.value.place or "", width=16),
        Column(
            lambda: QCoreApplication.translate("FileExtrasTab", "Status"),
            lambda a: code_label("appointment_status", a.value.status, lang),
            width=14,
        ),
    ]
    return RowTableModel(columns, lambda a: a.id, parent)


def progress_table_model(parent: QWidget) -> RowTableModel[Saved[Progress]]:
    """Progress in German level and school qualification."""
    lang = language()
    columns: list[Column[Saved[Progress]]] = [
        Column(
            lambda: QCoreApplication.translate("FileExtrasTab", "On"),
            lambda p: format_date(p.value.on),
            lambda p: p.value.on,
            width=12,
        ),
        Column(
            lambda: QCoreApplication.translate("FileExtrasTab", "Field"),
            lambda p: code_label("progress_field", p.value.field, lang),
            width=20,
        ),
        Column(
            lambda: QCoreApplication.translate("FileExtrasTab", "Value"),
            lambda p: code_label(p.value.field, p.value.value, lang),
            width=26,
        ),
    ]
    return RowTableModel(columns, lambda p: p.id, parent)


def group_participation_model(parent: QWidget) -> RowTableModel[Saved[GroupOffer]]:
    """The group offers the client took part in."""
    lang = language()
    columns: list[Column[Saved[GroupOffer]]] = [
        Column(lambda: QCoreApplication.translate("FileExtrasTab", "Group offer"), lambda g: g.value.title, width=26),
        Column(
            lambda: QCoreApplication.translate("FileExtrasTab", "Kind"),
            lambda g: code_label("group_kind", g.value.kind, lang),
            width=18,
        ),
        Column(
            lambda: QCoreApplication.translate("FileExtrasTab", "From"),
            lambda g: format_date(g.value.starts_on),
            lambda g: g.value.starts_on,
            width=12,
        ),
        Column(
            lambda: QCoreApplication.translate("FileExtrasTab", "To"),
            lambda g: format_date(g.value.ends_on),
            lambda g: g.value.ends_on,
            width=12,
        ),
    ]
    return RowTableModel(columns, lambda g: g.id, parent)
