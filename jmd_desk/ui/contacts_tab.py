"""The Kontakte tab: quick entry of a contact (Ctrl+Enter logs it) above the case's timeline."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from jmd_desk.domain.entities import CaseFile
from jmd_desk.domain.errors import JmdError
from jmd_desk.services import casework
from jmd_desk.ui import notify
from jmd_desk.ui.contact_fields import ContactFields
from jmd_desk.ui.file_host import FileHost, TableTab
from jmd_desk.ui.file_models import contact_table_model
from jmd_desk.ui.record_editors import contact_dialog
from jmd_desk.ui.views import button, selected_id, table


class ContactsTab(TableTab):
    """The contact form and the contacts of the shown case."""

    def __init__(self, host: FileHost) -> None:
        super().__init__(host)
        self.model = contact_table_model(self)
        self.set_view(table("contact_table", self.model, descending=True))
        self.set_buttons(
            [
                button("edit_contact_button", self.tr("&Edit…"), self._edit),
                button("delete_contact_button", self.tr("Delete"), lambda: self.delete_selected("contact")),
            ]
        )
        self.view.doubleClicked.connect(self._edit)
        self.entry = ContactFields(self, host.session.clock.today, prefix="contact")
        self.entry.notes.setPlaceholderText(self.tr("Notes (Ctrl+Enter saves)"))
        self.entry.notes.setTabChangesFocus(True)
        self.entry.notes.setMaximumHeight(90)
        self.entry.notes.installEventFilter(self)
        self.save_button = button("save_contact_button", self.tr("Log contact"), self.log_contact)
        self.save_button.setToolTip(self.tr("Ctrl+Enter"))
        self.error = QLabel("")
        self.error.setObjectName("contact_error_label")
        self.error.setStyleSheet("color: #b00020;")
        self.error.hide()
        grid = QGridLayout()
        self.page_layout.insertLayout(0, grid)  # placed first, so the editors are reparented at once
        self._fill_entry_grid(grid)
        self.page_layout.insertWidget(1, self.error)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.log_contact, Qt.ShortcutContext.WidgetWithChildrenShortcut)
        QWidget.setTabOrder(self.view, self.entry.date)  # Shift+Tab from the date reaches the timeline
        self.entry.chain_tab_order(self.save_button)

    def _fill_entry_grid(self, grid: QGridLayout) -> None:
        e = self.entry
        for column, (label, editor) in enumerate(
            ((self.tr("Date"), e.date), (self.tr("Minutes"), e.minutes), (self.tr("Mode"), e.mode))
        ):
            grid.addWidget(QLabel(label), 0, 2 * column)
            grid.addWidget(editor, 0, 2 * column + 1)
        grid.addWidget(e.interpreter, 0, 6)
        grid.addWidget(QLabel(self.tr("Participants")), 1, 0)
        grid.addWidget(e.participants, 1, 1, 1, 6)
        grid.addWidget(QLabel(self.tr("Topics")), 2, 0)
        grid.addWidget(e.topics, 2, 1, 1, 6)
        grid.addWidget(e.notes, 3, 0, 1, 6)
        grid.addWidget(self.save_button, 3, 6)

    def show_case(self, case_file: CaseFile | None) -> None:
        """Show the contacts of ``case_file``; logging needs a case and the right to edit."""
        self.model.set_rows(case_file.contacts if case_file else [])
        self.save_button.setEnabled(self.host.editable and case_file is not None)

    def focus_entry(self) -> None:
        """Put the cursor into the contact date (Alt+K / Ctrl+K)."""
        if self.entry.date.isEnabled():
            self.entry.date.setFocus(Qt.FocusReason.ShortcutFocusReason)
            self.entry.date.selectAll()

    def has_started_note(self) -> bool:
        """True if a note was typed but not logged."""
        return bool(self.entry.notes.toPlainText().strip())

    def log_contact(self) -> None:
        """Save the entered contact to the shown case."""
        case_id = self.host.case_id
        if case_id is None or not self.host.editable:
            return
        self.error.hide()
        try:
            casework.add_record(self.host.session, case_id, self.entry.contact())
        except JmdError as exc:
            self.error.setText(notify.error_text(exc))
            self.error.show()
            return
        self.entry.start_next(self.host.session.clock.today())
        self.host.after_change()
        self.entry.notes.setFocus()

    def _edit(self) -> None:
        contact_id, case_file, session = selected_id(self.view), self.host.current_case(), self.host.session
        if contact_id is None or case_file is None or not self.host.editable:
            return
        saved = next(c for c in case_file.contacts if c.id == contact_id)
        save = lambda c: casework.update_record(session, contact_id, c, seen_version=saved.version)  # noqa: E731
        self.host.open_dialog(contact_dialog(self, saved.value, save, session.clock.today))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Override QObject.eventFilter: Ctrl+Enter in the notes logs the contact."""
        if (
            watched is self.entry.notes
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self.log_contact()
            return True
        return super().eventFilter(watched, event)
