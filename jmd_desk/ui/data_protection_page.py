"""Datenschutz (team lead and admin): the audit log viewer and deletion runs."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from jmd_desk.domain.audit_chain import AuditFilter
from jmd_desk.domain.errors import JmdError
from jmd_desk.domain.retention import DeletionRun, DueFile
from jmd_desk.services import accounts, audit, retention
from jmd_desk.services.session import UserSession
from jmd_desk.texts.labels import code_label
from jmd_desk.ui import notify
from jmd_desk.ui.i18n import language
from jmd_desk.ui.models import Column, RowTableModel
from jmd_desk.ui.office_models import audit_table_model
from jmd_desk.ui.views import button, selected_id, table
from jmd_desk.ui.widgets import DateField, format_date


def due_model(parent: Any = None) -> RowTableModel[DueFile]:
    """Files due for deletion (numbers and dates only)."""
    columns: list[Column[DueFile]] = [
        Column(
            lambda: QCoreApplication.translate("DataProtectionPage", "File number"),
            lambda r: r.client_number,
            width=12,
        ),
        Column(
            lambda: QCoreApplication.translate("DataProtectionPage", "Last case closed"),
            lambda r: format_date(r.last_closed_on),
            lambda r: r.last_closed_on,
        ),
        Column(
            lambda: QCoreApplication.translate("DataProtectionPage", "Due since"),
            lambda r: format_date(r.due_since),
            lambda r: r.due_since,
        ),
    ]
    return RowTableModel(columns, lambda r: r.client_id, parent)


def run_model(parent: Any = None) -> RowTableModel[DeletionRun]:
    """Deletion runs, newest first."""
    columns: list[Column[DeletionRun]] = [
        Column(
            lambda: QCoreApplication.translate("DataProtectionPage", "Run"),
            lambda r: str(r.id),
            lambda r: r.id,
            align_right=True,
            width=6,
        ),
        Column(
            lambda: QCoreApplication.translate("DataProtectionPage", "Reason"),
            lambda r: (
                QCoreApplication.translate("DataProtectionPage", "retention period")
                if r.reason == "retention"
                else QCoreApplication.translate("DataProtectionPage", "request (Art. 17)")
            ),
            width=16,
        ),
        Column(
            lambda: QCoreApplication.translate("DataProtectionPage", "Files"),
            lambda r: str(len(r.client_ids)),
            lambda r: len(r.client_ids),
            align_right=True,
            width=6,
        ),
        Column(
            lambda: QCoreApplication.translate("DataProtectionPage", "Proposed by"),
            lambda r: r.proposed_by,
            width=12,
        ),
        Column(
            lambda: QCoreApplication.translate("DataProtectionPage", "Proposed at"),
            lambda r: r.proposed_at.strftime("%d.%m.%Y %H:%M"),
            lambda r: r.proposed_at,
        ),
        Column(
            lambda: QCoreApplication.translate("DataProtectionPage", "Status"),
            lambda r: {
                "proposed": QCoreApplication.translate("DataProtectionPage", "waiting for confirmation"),
                "done": QCoreApplication.translate("DataProtectionPage", "deleted"),
                "cancelled": QCoreApplication.translate("DataProtectionPage", "cancelled"),
            }.get(r.status, r.status),
            width=20,
        ),
        Column(
            lambda: QCoreApplication.translate("DataProtectionPage", "Decided by"),
            lambda r: r.decided_by or "",
        ),
    ]
    return RowTableModel(columns, lambda r: r.id, parent)


class DataProtectionPage(QWidget):
    """Audit log with filters and chain check; deletion runs needing two people."""

    def __init__(self, session: UserSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("data_protection_page")
        self.session = session
        self.tabs = QTabWidget()
        self.tabs.setObjectName("data_protection_tabs")
        self.tabs.addTab(self._audit_tab(), self.tr("Audit log"))
        self.tabs.addTab(self._deletion_tab(), self.tr("Retention and deletion"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)

    # ----------------------------------------------------------------- audit
    def _audit_tab(self) -> QWidget:
        today = self.session.clock.today()
        self.user_filter = QComboBox()
        self.user_filter.setObjectName("audit_user_filter")
        self.action_filter = QComboBox()
        self.action_filter.setObjectName("audit_action_filter")
        self.from_edit = DateField()
        self.from_edit.setObjectName("audit_from_edit")
        self.from_edit.set_value(today - timedelta(days=30))
        self.to_edit = DateField()
        self.to_edit.setObjectName("audit_to_edit")
        self.to_edit.set_value(today)
        self.chain_label = QLabel()
        self.chain_label.setObjectName("audit_chain_label")
        self.audit_model = audit_table_model(self)
        self.audit_table = table("audit_table", self.audit_model, descending=True)
        row = QHBoxLayout()
        for widget in (
            QLabel(self.tr("User:")),
            self.user_filter,
            QLabel(self.tr("Action:")),
            self.action_filter,
            QLabel(self.tr("From:")),
            self.from_edit,
            QLabel(self.tr("To:")),
            self.to_edit,
            button("audit_filter_button", self.tr("Show"), self.load_audit),
            button("verify_chain_button", self.tr("Check chain"), self.check_chain),
        ):
            row.addWidget(widget)
        row.addStretch(1)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addLayout(row)
        layout.addWidget(self.chain_label)
        layout.addWidget(self.audit_table, 1)
        return page

    def _fill_filters(self) -> None:
        keep_user, keep_action = self.user_filter.currentData(), self.action_filter.currentData()
        self.user_filter.clear()
        self.user_filter.addItem(self.tr("all"), None)
        names = sorted({u for u, _ in accounts.counsellor_names(self.session)} | {self.session.username})
        for name in names:
            self.user_filter.addItem(name, name)
        self.action_filter.clear()
        self.action_filter.addItem(self.tr("all"), None)
        for action in audit.audit_actions(self.session):
            self.action_filter.addItem(code_label("action", action, language()), action)
        self.user_filter.setCurrentIndex(max(self.user_filter.findData(keep_user), 0))
        self.action_filter.setCurrentIndex(max(self.action_filter.findData(keep_action), 0))

    def load_audit(self) -> None:
        """Show the events matching the filters."""
        start: date | None = self.from_edit.value()
        end: date | None = self.to_edit.value()
        flt = AuditFilter(
            user=self.user_filter.currentData(),
            action=self.action_filter.currentData(),
            date_from=start,
            date_to=end,
        )
        self.audit_model.set_rows(audit.audit_events(self.session, flt))

    def check_chain(self) -> None:
        """Verify the hash chain of the whole log."""
        problems = audit.verify_audit_chain(self.session)
        if problems:
            self.chain_label.setText(
                self.tr("The audit log was changed: {count} problems, first at entry {seq}.").format(
                    count=len(problems), seq=problems[0][0]
                )
            )
            self.chain_label.setStyleSheet("color: #b00020;")
        else:
            self.chain_label.setText(self.tr("The audit log is complete and unchanged."))
            self.chain_label.setStyleSheet("color: #1b5e20;")

    # -------------------------------------------------------------- deletion
    def _deletion_tab(self) -> QWidget:
        intro = QLabel(
            self.tr(
                "Closed files are due for deletion when the retention period set for their case type "
                "has passed after the last closure. Files on legal hold are never listed. A deletion run "
                "needs two people: one proposes it, an administrator or team lead of the other role "
                "confirms it. Deleted files cannot be restored, except from older backups."
            )
        )
        intro.setWordWrap(True)
        self.due_model = due_model(self)
        self.due_table = table("due_table", self.due_model, 2)
        self.run_model = run_model(self)
        self.run_table = table("deletion_run_table", self.run_model, 0, descending=True)
        actions = QHBoxLayout()
        actions.addWidget(button("propose_deletion_button", self.tr("Propose deleting all due files"), self.propose))
        actions.addStretch(1)
        actions.addWidget(button("confirm_deletion_button", self.tr("Confirm selected run…"), self.confirm))
        actions.addWidget(button("cancel_deletion_button", self.tr("Cancel selected run"), self.cancel))
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(intro)
        layout.addWidget(QLabel(self.tr("Due for deletion:")))
        layout.addWidget(self.due_table, 1)
        layout.addLayout(actions)
        layout.addWidget(QLabel(self.tr("Deletion runs:")))
        layout.addWidget(self.run_table, 1)
        return page

    def load_deletion(self) -> None:
        """Due files and runs."""
        self.due_model.set_rows(retention.due_files(self.session))
        self.run_model.set_rows(retention.deletion_runs(self.session))

    def propose(self) -> None:
        """Propose a run over every due file."""
        ids = [f.client_id for f in self.due_model.rows()]
        try:
            retention.propose_deletion(self.session, ids)
        except JmdError as exc:
            notify.show_error(self, exc)
        self.load_deletion()

    def confirm(self) -> None:
        """Confirm the selected run after asking once more."""
        run_id = selected_id(self.run_table)
        if run_id is None:
            return
        if not notify.confirm(
            self, self.tr("Delete the files of run {run} for good? This cannot be undone.").format(run=run_id)
        ):
            return
        try:
            deleted = retention.confirm_deletion(self.session, run_id)
        except JmdError as exc:
            notify.show_error(self, exc)
        else:
            notify.show_info(self, self.tr("{count} files were deleted.").format(count=len(deleted)))
        self.load_deletion()

    def cancel(self) -> None:
        """Drop the selected proposal."""
        run_id = selected_id(self.run_table)
        if run_id is None:
            return
        try:
            retention.cancel_deletion(self.session, run_id)
        except JmdError as exc:
            notify.show_error(self, exc)
        self.load_deletion()

    # ------------------------------------------------------------------ page
    def refresh(self) -> None:
        """Reload filters, the log and the deletion lists."""
        self._fill_filters()
        self.load_audit()
        self.load_deletion()

    def clear(self) -> None:
        """Forget the shown data (lock)."""
        for model in (self.audit_model, self.due_model, self.run_model):
            model.clear()
        self.chain_label.clear()
