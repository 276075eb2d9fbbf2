"""Table models of the office's own records: staff accounts and the audit trail."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from jmd_desk.domain.entities import AuditEvent, User
from jmd_desk.ui.models import Column, RowTableModel, code_text, field_header, yes_text


def audit_table_model(parent: Any = None) -> RowTableModel[AuditEvent]:
    """Audit events (ids and codes only)."""
    columns: list[Column[AuditEvent]] = [
        Column(
            lambda: QCoreApplication.translate("Models", "Time"),
            lambda r: r.at.astimezone().strftime("%d.%m.%Y %H:%M:%S"),
            lambda r: r.seq,
            width=18,
        ),
        Column(lambda: QCoreApplication.translate("Models", "User"), lambda r: r.user),
        Column(
            lambda: QCoreApplication.translate("Models", "Action"),
            lambda r: code_text("action", r.action),
            width=28,
        ),
        Column(
            lambda: QCoreApplication.translate("Models", "Record"),
            lambda r: code_text("entity_kind", r.entity_kind) if r.entity_kind else "",
        ),
        Column(
            lambda: QCoreApplication.translate("Models", "Id"),
            lambda r: "" if r.entity_id is None else str(r.entity_id),
            lambda r: r.entity_id or 0,
            align_right=True,
        ),
    ]
    return RowTableModel(columns, lambda r: r.seq, parent)


def user_table_model(parent: Any = None) -> RowTableModel[User]:
    """Staff accounts."""
    columns: list[Column[User]] = [
        Column(field_header("username"), lambda r: r.username),
        Column(lambda: QCoreApplication.translate("Models", "Name"), lambda r: r.display_name),
        Column(
            field_header("roles"),
            lambda r: ", ".join(code_text("role", role.value) for role in sorted(r.roles)),
            width=40,
        ),
        Column(field_header("active"), lambda r: yes_text(r.active)),
    ]
    return RowTableModel(columns, lambda r: hash(r.username), parent)
