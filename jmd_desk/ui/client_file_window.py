"""A client's file (Akte): master data, Integrationsförderplan, contacts, referrals,
follow-ups, consents and history, for one case at a time."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from jmd_desk.domain import rules
from jmd_desk.domain.entities import CaseFile, ClientFile
from jmd_desk.domain.errors import JmdError
from jmd_desk.domain.readmodels import PartnerChoice
from jmd_desk.domain.retention import REASON_REQUEST
from jmd_desk.services import accounts, capabilities, casework, clients, partners, retention
from jmd_desk.services.capabilities import FileCapabilities
from jmd_desk.services.files import write_file
from jmd_desk.services.session import UserSession
from jmd_desk.texts.labels import code_label
from jmd_desk.ui import notify
from jmd_desk.ui.contacts_tab import ContactsTab
from jmd_desk.ui.documents_tab import DocumentsTab
from jmd_desk.ui.file_extras_tab import FileExtrasTab
from jmd_desk.ui.i18n import language
from jmd_desk.ui.master_tab import HistoryTab, MasterDataTab
from jmd_desk.ui.paperwork_dialogs import PaperworkActions
from jmd_desk.ui.plan_tabs import ConsentsTab, FollowUpsTab, GoalsTab, ReferralsTab
from jmd_desk.ui.record_editors import case_dialog, close_case_dialog, open_case_dialog
from jmd_desk.ui.views import button, fit_to_screen
from jmd_desk.ui.widgets import format_date


class ClientFileWindow(QWidget):
    """One client's file in its own window."""

    changed = Signal()

    def __init__(self, session: UserSession, client_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("client_file_window")
        # Closed means gone: signal connections to its own methods would otherwise keep every
        # file ever opened (and its data) alive for the whole session.
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.session = session
        self.client_id = client_id
        self.file: ClientFile | None = None
        self.case_id: int | None = None
        self.editable = clients.can_edit(session, client_id)
        self.caps: FileCapabilities | None = None  # what the user may do, as of the last reload
        self.partners: list[PartnerChoice] = []
        fit_to_screen(self, 1180, 720)

        self.header = QLabel()
        self.header.setObjectName("file_header_label")
        font = QFont(self.header.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.header.setFont(font)
        self.subheader = QLabel()
        self.subheader.setObjectName("file_subheader_label")

        self.case_combo = QComboBox()
        self.case_combo.setObjectName("case_combo")
        self.case_combo.setAccessibleName(self.tr("Case"))
        self.case_combo.currentIndexChanged.connect(self._case_selected)
        self.close_case_button = button("close_case_button", self.tr("Close case…"), self._close_case)
        self.open_case_button = button("open_case_button", self.tr("Open new case…"), self._open_case)
        self.edit_case_button = button("edit_case_button", self.tr("Correct &case…"), self._edit_case)
        case_row = QHBoxLayout()
        case_row.addWidget(QLabel(self.tr("Case:")))
        case_row.addWidget(self.case_combo, 1)
        case_row.addWidget(self.edit_case_button)
        case_row.addWidget(self.close_case_button)
        case_row.addWidget(self.open_case_button)

        self.tabs = self._tabs()

        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addLayout(self._protection_row())
        layout.addLayout(case_row)
        layout.addWidget(self.tabs, 1)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Close), self).activated.connect(self.close)
        # Alt+K (the tab's mnemonic) or Ctrl+K: straight into the contact form
        QShortcut(QKeySequence("Ctrl+K"), self).activated.connect(self.go_to_contact_form)
        self.tabs.tabBar().installEventFilter(self)  # Alt+K while already on the tab
        self.tabs.currentChanged.connect(self._tab_shown)
        self.reload(opening=True)

    def _tabs(self) -> QTabWidget:
        tabs = QTabWidget()
        tabs.setObjectName("file_tabs")
        self.master = MasterDataTab(self, self.after_change)
        self.form = self.master.form
        self.goals = GoalsTab(self)
        self.contacts = ContactsTab(self)
        self.referrals = ReferralsTab(self)
        self.follow_ups = FollowUpsTab(self)
        self.consents = ConsentsTab(self)
        self.documents_tab = DocumentsTab(self.session, self.client_id, self.editable, self.after_change)
        self.extras = FileExtrasTab(self.session, self.client_id)
        self.extras.changed.connect(self.after_change)
        self.history = HistoryTab(self)
        tabs.addTab(self.master, self.tr("&Master data"))
        tabs.addTab(self.goals, self.tr("&Integration plan"))
        self.contacts_tab_index = tabs.addTab(self.contacts, self.tr("&Contacts"))
        tabs.addTab(self.referrals, self.tr("&Referrals"))
        tabs.addTab(self.follow_ups, self.tr("&Follow-ups"))
        tabs.addTab(self.consents, self.tr("Co&nsents"))
        tabs.addTab(self.documents_tab, self.tr("&Documents"))
        tabs.addTab(self.extras, self.tr("Appoin&tments && progress"))
        tabs.addTab(self.history, self.tr("&History"))
        return tabs

    def go_to_contact_form(self) -> None:
        """Show the Kontakte tab with the focus in the contact date."""
        self.tabs.setCurrentIndex(self.contacts_tab_index)
        self._tab_shown(self.contacts_tab_index)

    def _tab_shown(self, index: int) -> None:
        if index == self.contacts_tab_index:
            self.contacts.focus_entry()

    def _protection_row(self) -> QHBoxLayout:
        """Subheader with the data-protection actions of the file."""
        self.legal_hold_check = QCheckBox(self.tr("Legal hold (never delete)"))
        self.legal_hold_check.setObjectName("legal_hold_check")
        self.legal_hold_check.setEnabled(False)  # until reload() knows the file's capabilities
        self.legal_hold_check.clicked.connect(self._toggle_hold)
        self.access_button = button("access_export_button", self.tr("Access export (Art. 15)…"), self._access_export)
        self.erasure_button = button(
            "erasure_request_button", self.tr("Propose erasure (Art. 17)…"), self._request_erasure
        )
        self.erasure_button.setVisible(False)
        self.paperwork = PaperworkActions(
            self, self.session, self.client_id, lambda: self.case_id, self._client_number, self.after_change
        )
        paperwork_buttons = self.paperwork.buttons() if self.editable else []
        row = QHBoxLayout()
        row.addWidget(self.subheader, 1)
        for widget in (*paperwork_buttons, self.legal_hold_check, self.access_button, self.erasure_button):
            row.addWidget(widget)
        return row

    def _client_number(self) -> str:
        return (self.file.client.client_number if self.file else None) or str(self.client_id)

    def _toggle_hold(self, held: bool) -> None:
        self.run(lambda: retention.set_legal_hold(self.session, self.client_id, held))

    def _access_export(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Folder for the access export"), str(notify.documents_folder())
        )
        if folder:
            self.write_access_export(Path(folder))

    def write_access_export(self, folder: Path) -> list[Path]:
        """Write the Art. 15 export (JSON and PDF) of this file into ``folder``."""
        assert self.file is not None
        number = self.file.client.client_number
        try:
            data, pdf = clients.access_export(self.session, self.client_id, language())
            paths = [folder / f"auskunft-{number}.json", folder / f"auskunft-{number}.pdf"]
            for path, content in zip(paths, (data, pdf), strict=True):
                write_file(path, content, private=True)
        except JmdError as exc:
            notify.show_error(self, exc)
            return []
        notify.show_info(
            self,
            self.tr(
                "The access export was saved in {folder}. It contains personal data: "
                "hand it over in person or encrypted."
            ).format(folder=folder),
        )
        self.after_change()
        return paths

    def _request_erasure(self) -> None:
        if not notify.confirm(
            self,
            self.tr(
                "Propose deleting this whole file on request (Art. 17)? A second person (administrator "
                "or team lead) must confirm it on the Data protection page before anything is deleted."
            ),
        ):
            return
        if self.run(lambda: retention.propose_deletion(self.session, [self.client_id], REASON_REQUEST)):
            notify.show_info(self, self.tr("The erasure was proposed and waits for confirmation."))

    # --------------------------------------------------------------- loading
    def reload(self, *, opening: bool = False) -> None:
        """Read the file again (after a change, or when unlocking)."""
        self.file = clients.client_file(self.session, self.client_id, opening=opening)
        self.caps = capabilities.file_capabilities(self.session, self.client_id, self.file)
        self.editable = self.caps.edit
        self.legal_hold_check.setEnabled(self.caps.legal_hold)
        self.erasure_button.setVisible(self.caps.propose_erasure)
        for tab in (self.goals, self.contacts, self.referrals, self.follow_ups, self.consents):
            tab.set_editable(self.editable)
        self.partners = partners.partner_choices(self.session)
        c = self.file.client
        today = self.session.clock.today()
        self.setWindowTitle(self.tr("File {number} – {name}").format(number=c.client_number, name=c.full_name))
        self.header.setText(f"{c.full_name}  ·  {c.client_number}")
        age = rules.age_on(c.date_of_birth, today)
        names = dict(accounts.counsellor_names(self.session))
        counsellor = names.get(c.counsellor, c.counsellor) if c.counsellor else self.tr("nobody")
        self.subheader.setText(
            self.tr("born {dob} ({age} years) · counsellor: {counsellor}").format(
                dob=format_date(c.date_of_birth), age=age, counsellor=counsellor
            )
        )
        self.master.show_client(c, self.file.version, force=opening)
        self.legal_hold_check.setChecked(retention.legal_hold(self.session, self.client_id))
        self._fill_cases()
        self.consents.show_file(self.file)
        self.documents_tab.set_documents(self.file.documents)
        self.history.reload()
        self._show_case()

    def _fill_cases(self) -> None:
        assert self.file is not None
        previous = self.case_id
        self.case_combo.blockSignals(True)
        self.case_combo.clear()
        lang = language()
        for cf in self.file.cases:
            case = cf.case
            period = (
                format_date(case.opened_on)
                + " – "
                + (format_date(case.closed_on) if case.closed_on else self.tr("open"))
            )
            self.case_combo.addItem(f"{code_label('case_type', case.case_type, lang)}  ({period})", cf.id)
        ids = [cf.id for cf in self.file.cases]
        self.case_id = previous if previous in ids else (ids[-1] if ids else None)
        self.case_combo.setCurrentIndex(ids.index(self.case_id) if self.case_id in ids else -1)
        self.case_combo.blockSignals(False)

    def _case_selected(self, index: int) -> None:
        self.case_id = self.case_combo.itemData(index) if index >= 0 else None
        self._show_case()

    def current_case(self) -> CaseFile | None:
        """The case shown in the tabs."""
        if self.file is None:
            return None
        return next((cf for cf in self.file.cases if cf.id == self.case_id), None)

    def _show_case(self) -> None:
        cf = self.current_case()
        for tab in (self.goals, self.contacts, self.referrals, self.follow_ups):
            tab.show_case(cf)
        if self.file is not None:
            self.extras.show_file(self.file, cf, self.editable)
        has_open = bool(self.file and any(c.case.is_open for c in self.file.cases))
        self.close_case_button.setEnabled(self.editable and bool(cf and cf.case.is_open))
        self.open_case_button.setEnabled(self.editable and not has_open)
        self.edit_case_button.setEnabled(self.editable and cf is not None)

    # --------------------------------------------------------------- actions
    def run(self, action: Callable[[], Any]) -> bool:
        """Run a change; show expected errors; reload on success."""
        try:
            action()
        except JmdError as exc:
            notify.show_error(self, exc)
            return False
        self.after_change()
        return True

    def after_change(self) -> None:
        """Reload the file and tell the window's listeners."""
        self.reload()
        self.changed.emit()

    def open_dialog(self, dialog: Any) -> None:
        """Show an editing dialog; reload when it saved."""
        if dialog.exec():
            self.after_change()

    def _close_case(self) -> None:
        cf = self.current_case()
        if cf is None:
            return
        case_id, seen = cf.id, cf.version  # office server: refuse a save over a colleague's newer one
        self.open_dialog(
            close_case_dialog(
                self,
                self.session.clock.today(),
                lambda v: casework.close_case(self.session, case_id, *v, seen_version=seen),
            )
        )

    def _edit_case(self) -> None:
        cf = self.current_case()
        if cf is None or not self.editable:
            return
        case_id, seen = cf.id, cf.version
        self.open_dialog(
            case_dialog(self, cf.case, lambda c: casework.update_case(self.session, case_id, c, seen_version=seen))
        )

    def _open_case(self) -> None:
        def save(case: Any) -> None:
            self.case_id = casework.open_case(self.session, self.client_id, case)

        self.open_dialog(open_case_dialog(self, self.session.clock.today(), save))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Override QObject.eventFilter: a tab's mnemonic on the Kontakte tab lands in the
        contact form even if the tab is already shown."""
        if watched is self.tabs.tabBar() and event.type() == QEvent.Type.Shortcut:
            QTimer.singleShot(0, self, lambda: self._tab_shown(self.tabs.currentIndex()))
        return super().eventFilter(watched, event)

    # ------------------------------------------------------------ locking
    def clear(self) -> None:
        """Forget the shown data (the session is being locked)."""
        for tab in (self.goals, self.contacts, self.referrals, self.follow_ups, self.consents):
            tab.model.clear()
        self.history.clear()
        self.extras.clear()
        self.file = None

    def has_unsaved_changes(self) -> bool:
        """True if the master data form or a started contact note would be lost."""
        return self.form.is_dirty() or self.contacts.has_started_note()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Override QWidget.closeEvent: ask before unsaved changes are lost."""
        if self.has_unsaved_changes() and not notify.confirm(
            self, self.tr("There are unsaved changes in this file. Close it anyway and discard them?")
        ):
            event.ignore()
            return
        self.documents_tab.wipe_temp()
        event.accept()
