"""Table models of the lists outside a file: clients, network partners, due items, open cases."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication

from jmd_desk.domain import rules
from jmd_desk.domain.entities import Partner, Saved
from jmd_desk.domain.readmodels import ClientSummary, DueItem
from jmd_desk.ui.models import Column, RowTableModel, code_text, field_header, yes_text
from jmd_desk.ui.widgets import format_date


def client_table_model(
    today: Callable[[], date], parent: Any = None, names: Callable[[], dict[str, str]] = dict
) -> RowTableModel[ClientSummary]:
    """The client list; ``names`` maps user names to the counsellors' names shown."""
    columns: list[Column[ClientSummary]] = [
        Column(field_header("client_number"), lambda r: r.client_number, width=10),
        Column(field_header("last_name"), lambda r: r.last_name, lambda r: f"{r.last_name}\0{r.first_name}", width=18),
        Column(
            field_header("first_name"),
            lambda r: r.first_name,
            lambda r: f"{r.first_name}\0{r.last_name}",
            width=16,
        ),
        Column(
            field_header("date_of_birth"),
            lambda r: format_date(r.date_of_birth),
            lambda r: r.date_of_birth,
            width=12,
        ),
        Column(
            lambda: QCoreApplication.translate("Models", "Age"),
            lambda r: str(rules.age_on(r.date_of_birth, today())),
            lambda r: rules.age_on(r.date_of_birth, today()),
            align_right=True,
            width=6,
        ),
        Column(field_header("counsellor"), lambda r: names().get(r.counsellor or "", r.counsellor or ""), width=14),
        Column(
            lambda: QCoreApplication.translate("Models", "Open case"),
            lambda r: code_text("case_type", r.open_case_type) if r.open_case_type else "",
            width=18,
        ),
        Column(
            lambda: QCoreApplication.translate("Models", "Last contact"),
            lambda r: format_date(r.last_contact_on),
            lambda r: r.last_contact_on,
            width=12,
        ),
    ]
    return RowTableModel(columns, lambda r: r.id, parent)


def partner_table_model(parent: Any = None) -> RowTableModel[Saved[Partner]]:
    """The partner directory."""
    columns: list[Column[Saved[Partner]]] = [
        Column(field_header("name"), lambda r: r.value.name, width=36),
        Column(field_header("partner_type"), lambda r: code_text("partner_type", r.value.partner_type), width=28),
        Column(field_header("contact_person"), lambda r: r.value.contact_person or ""),
        Column(field_header("phone"), lambda r: r.value.phone or ""),
        Column(field_header("email"), lambda r: r.value.email or ""),
        Column(field_header("active"), lambda r: yes_text(r.value.active)),
    ]
    return RowTableModel(columns, lambda r: r.id, parent)


def due_item_model(date_header: str, parent: Any = None) -> RowTableModel[DueItem]:
    """One list of the overview page."""
    columns: list[Column[DueItem]] = [
        Column(lambda: date_header, lambda r: format_date(r.due_on), lambda r: r.due_on, width=11),
        Column(
            lambda: QCoreApplication.translate("Models", "Client"),
            lambda r: r.client_name,
            width=20,
        ),
        Column(field_header("client_number"), lambda r: r.client_number, width=10),
        Column(lambda: QCoreApplication.translate("Models", "Note"), lambda r: r.detail),
    ]
    return RowTableModel(columns, lambda r: r.client_id, parent)


def case_count_model(parent: Any = None) -> RowTableModel[tuple[str, int]]:
    """Open cases per case type."""
    columns: list[Column[tuple[str, int]]] = [
        Column(field_header("case_type"), lambda r: code_text("case_type", r[0]), width=24),
        Column(
            lambda: QCoreApplication.translate("Models", "Open cases"),
            lambda r: str(r[1]),
            lambda r: r[1],
            align_right=True,
            width=10,
        ),
    ]
    return RowTableModel(columns, lambda r: hash(r[0]), parent)
