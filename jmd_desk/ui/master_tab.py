"""The Stammdaten tab (master data form with save and discard) and the Verlauf tab (audit log
and corrections) of a client file."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QScrollArea, QSplitter, QVBoxLayout, QWidget

from jmd_desk.domain.entities import Client
from jmd_desk.domain.errors import JmdError, ValidationError
from jmd_desk.services import accounts, audit, clients
from jmd_desk.ui import notify
from jmd_desk.ui.client_form import ClientForm
from jmd_desk.ui.conflict_dialog import ConflictDialog
from jmd_desk.ui.file_host import FileHost
from jmd_desk.ui.file_models import change_table_model
from jmd_desk.ui.office_models import audit_table_model
from jmd_desk.ui.views import button, table


class MasterDataTab(QWidget):
    """The client's master data; ``saved`` is called after a successful save."""

    def __init__(self, host: FileHost, saved: Callable[[], None]) -> None:
        super().__init__()
        self.host = host
        self._saved = saved
        self.form = ClientForm(accounts.counsellor_names(host.session))
        self.base_version: int | None = None  # the saved version the form's content started from
        self.save_button = button("save_client_button", self.tr("&Save master data"), self.save)
        self.save_button.setShortcut(QKeySequence(QKeySequence.StandardKey.Save))
        self.revert_button = button("revert_client_button", self.tr("Discard changes"), self.revert)
        self.message = QLabel("")
        self.message.setObjectName("client_form_message")
        row = QHBoxLayout()
        row.addWidget(self.message, 1)
        row.addWidget(self.revert_button)
        row.addWidget(self.save_button)
        inner = QWidget()
        inner_layout = QVBoxLayout(inner)
        inner_layout.addWidget(self.form)
        inner_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addLayout(row)

    def show_client(self, client: Client, version: int | None, *, force: bool) -> None:
        """Show ``client`` (saved as ``version``) unless the user is editing (``force``: always).
        While she edits, a reload keeps her input and the version it was started from, so a
        colleague's newer save is never overwritten unseen."""
        if force or not self.form.is_dirty():
            self.form.set_client(client)
            self.base_version = version

    def save(self) -> None:
        """Save the form; field errors are shown at their fields."""
        self.form.clear_errors()
        try:
            clients.update_client(
                self.host.session, self.host.client_id, self.form.client(), seen_version=self.base_version
            )
        except ValidationError as exc:
            rest = self.form.show_errors(exc.errors)
            self.message.setText(
                notify.error_text(ValidationError(rest)) if rest else self.tr("Please correct the marked fields.")
            )
            return
        except JmdError as exc:
            if exc.code == "edit_conflict":
                self._conflict(exc)
            else:
                notify.show_error(self, exc)
            return
        self.message.setText(self.tr("Saved."))
        self.form.set_client(None)  # forget the edit state before reloading
        self._saved()

    def _conflict(self, exc: JmdError) -> None:
        """A colleague saved first: show who, when and what differs; she chooses."""
        try:
            mine = self.form.client()
            theirs = clients.client_file(self.host.session, self.host.client_id, opening=False)
        except JmdError as error:
            notify.show_error(self, error)
            return
        dialog = ConflictDialog(exc, mine, theirs.client, self)
        dialog.exec()
        if dialog.reload:
            self.form.set_client(theirs.client)
            self.message.setText(self.tr("The colleague's version is shown."))
        else:
            self.form.rebase(theirs.client)
            self.message.setText(self.tr("Your input is kept. Saving replaces the colleague's version."))
        self.base_version = theirs.version
        self.host.after_change()

    def revert(self) -> None:
        """Show the stored master data again."""
        if self.host.file is not None:
            self.form.set_client(self.host.file.client)
            self.base_version = self.host.file.version
            self.message.clear()


class HistoryTab(QSplitter):
    """Who did what with the file (audit log) and the corrections of master data."""

    def __init__(self, host: FileHost) -> None:
        super().__init__(Qt.Orientation.Vertical)
        self.host = host
        self.history_model = audit_table_model(self)
        self.change_model = change_table_model(self)
        for caption, name, model in (
            (self.tr("Who did what with this file (audit log):"), "history_table", self.history_model),
            (self.tr("Corrections of master data:"), "change_table", self.change_model),
        ):
            part = QWidget()
            part_layout = QVBoxLayout(part)
            part_layout.addWidget(QLabel(caption))
            part_layout.addWidget(table(name, model, descending=True))
            self.addWidget(part)

    def reload(self) -> None:
        """Read the file's history again."""
        session, client_id = self.host.session, self.host.client_id
        self.history_model.set_rows(audit.client_history(session, client_id))
        self.change_model.set_rows(clients.correction_history(session, client_id))

    def clear(self) -> None:
        """Forget the shown rows (lock)."""
        self.history_model.clear()
        self.change_model.clear()
