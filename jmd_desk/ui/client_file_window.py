"""A client's file (Akte): master data, Integrationsförderplan, contacts, referrals,
follow-ups, consents and history, for one case at a time."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QFont, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from jmd_desk.domain import codes, rules
from jmd_desk.domain.entities import CaseFile, ClientFile, Contact, Partner, Saved
from jmd_desk.domain.errors import JmdError, ValidationError
from jmd_desk.domain.retention import REASON_REQUEST
from jmd_desk.services import accounts, audit, capabilities, casework, clients, partners, retention
from jmd_desk.services.capabilities import FileCapabilities
from jmd_desk.services.files import write_file
from jmd_desk.services.session import UserSession
from jmd_desk.texts.labels import code_label
from jmd_desk.ui import notify
from jmd_desk.ui.client_form import ClientForm
from jmd_desk.ui.documents_tab import DocumentsTab
from jmd_desk.ui.file_extras_tab import FileExtrasTab
from jmd_desk.ui.i18n import language
from jmd_desk.ui.models import (
    audit_table_model,
    change_table_model,
    consent_table_model,
    contact_table_model,
    follow_up_table_model,
    goal_table_model,
    referral_table_model,
)
from jmd_desk.ui.paperwork_dialogs import PaperworkActions
from jmd_desk.ui.record_editors import (
    case_dialog,
    close_case_dialog,
    consent_dialog,
    contact_dialog,
    follow_up_dialog,
    goal_dialog,
    goal_status_dialog,
    open_case_dialog,
    referral_dialog,
    withdraw_dialog,
)
from jmd_desk.ui.views import button, fit_to_screen, selected_id, table
from jmd_desk.ui.widgets import CodeChecks, CodeCombo, DateField, FormGrid, format_date


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
        self._partners: list[Saved[Partner]] = []
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

        self.tabs = QTabWidget()
        self.tabs.setObjectName("file_tabs")
        self.tabs.addTab(self._master_tab(), self.tr("&Master data"))
        self.tabs.addTab(self._goals_tab(), self.tr("&Integration plan"))
        self.contacts_tab_index = self.tabs.addTab(self._contacts_tab(), self.tr("&Contacts"))
        self.tabs.addTab(self._referrals_tab(), self.tr("&Referrals"))
        self.tabs.addTab(self._follow_ups_tab(), self.tr("&Follow-ups"))
        self.tabs.addTab(self._consents_tab(), self.tr("Co&nsents"))
        self.documents_tab = DocumentsTab(self.session, self.client_id, self.editable, self._after_change)
        self.tabs.addTab(self.documents_tab, self.tr("&Documents"))
        self.extras = FileExtrasTab(session, client_id)
        self.extras.changed.connect(self._after_change)
        self.tabs.addTab(self.extras, self.tr("Appoin&tments && progress"))
        self.tabs.addTab(self._history_tab(), self.tr("&History"))

        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addLayout(self._protection_row())
        layout.addLayout(case_row)
        layout.addWidget(self.tabs, 1)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Close), self, activated=self.close)
        # Alt+K (the tab's mnemonic) or Ctrl+K: straight into the contact form
        QShortcut(QKeySequence("Ctrl+K"), self, activated=self.go_to_contact_form)
        self.tabs.tabBar().installEventFilter(self)  # Alt+K while already on the tab
        self.tabs.currentChanged.connect(self._tab_shown)
        self.reload(opening=True)

    def go_to_contact_form(self) -> None:
        """Show the Kontakte tab with the focus in the contact date."""
        self.tabs.setCurrentIndex(self.contacts_tab_index)
        self._tab_shown(self.contacts_tab_index)

    def _tab_shown(self, index: int) -> None:
        if index == self.contacts_tab_index and self.contact_date.isEnabled():
            self.contact_date.setFocus(Qt.FocusReason.ShortcutFocusReason)
            self.contact_date.selectAll()

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
            self, self.session, self.client_id, lambda: self.case_id, self._client_number, self._after_change
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
        self._run(lambda: retention.set_legal_hold(self.session, self.client_id, held))

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
        self._after_change()
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
        if self._run(lambda: retention.propose_deletion(self.session, [self.client_id], REASON_REQUEST)):
            notify.show_info(self, self.tr("The erasure was proposed and waits for confirmation."))

    # ------------------------------------------------------------------ tabs
    def _master_tab(self) -> QWidget:
        self.form = ClientForm(accounts.counsellor_names(self.session))
        self.save_client_button = button("save_client_button", self.tr("&Save master data"), self._save_client)
        self.save_client_button.setShortcut(QKeySequence(QKeySequence.StandardKey.Save))
        self.revert_button = button("revert_client_button", self.tr("Discard changes"), self._revert_client)
        self.form_message = QLabel("")
        self.form_message.setObjectName("client_form_message")
        row = QHBoxLayout()
        row.addWidget(self.form_message, 1)
        row.addWidget(self.revert_button)
        row.addWidget(self.save_client_button)
        inner = QWidget()
        inner_layout = QVBoxLayout(inner)
        inner_layout.addWidget(self.form)
        inner_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(scroll, 1)
        layout.addLayout(row)
        return page

    def _goals_tab(self) -> QWidget:
        self.goal_model = goal_table_model(self.session.clock.today, self)
        self.goal_table = table("goal_table", self.goal_model)
        self.goal_table.doubleClicked.connect(self._edit_goal)
        buttons = [
            button("add_goal_button", self.tr("New &goal…"), self._add_goal),
            button("goal_status_button", self.tr("Change status…"), self._goal_status),
            button("edit_goal_button", self.tr("Edit…"), self._edit_goal),
            button("delete_goal_button", self.tr("Delete"), lambda: self._delete("goal", self.goal_table)),
        ]
        return self._table_page(self.goal_table, buttons)

    def _contacts_tab(self) -> QWidget:
        self.contact_date = DateField(today=self.session.clock.today)
        self.contact_date.setObjectName("contact_date_edit")
        self.contact_date.set_value(self.session.clock.today())
        self.contact_minutes = QSpinBox()
        self.contact_minutes.setObjectName("contact_minutes_spin")
        self.contact_minutes.setRange(0, 1440)
        self.contact_minutes.setSingleStep(5)
        self.contact_minutes.setValue(30)
        self.contact_mode = CodeCombo("mode", codes.CONTACT_MODES)
        self.contact_mode.setObjectName("contact_mode_combo")
        self.contact_participants = CodeChecks("participants", codes.PARTICIPANTS[:-1])
        self.contact_participants.set_codes(["young_person"])
        self.contact_topics = CodeChecks("area", codes.AREAS[:-1])
        self.contact_interpreter = QCheckBox(self.tr("with interpreter"))
        self.contact_interpreter.setObjectName("contact_interpreter_check")
        self.contact_notes = QPlainTextEdit()
        self.contact_notes.setObjectName("contact_notes_edit")
        self.contact_notes.setPlaceholderText(self.tr("Notes (Ctrl+Enter saves)"))
        self.contact_notes.setTabChangesFocus(True)
        self.contact_notes.setMaximumHeight(90)
        self.save_contact_button = button("save_contact_button", self.tr("Log contact"), self._log_contact)
        self.save_contact_button.setToolTip(self.tr("Ctrl+Enter"))
        self.contact_form = FormGrid()
        grid = QGridLayout()
        grid.addWidget(QLabel(self.tr("Date")), 0, 0)
        grid.addWidget(self.contact_date, 0, 1)
        grid.addWidget(QLabel(self.tr("Minutes")), 0, 2)
        grid.addWidget(self.contact_minutes, 0, 3)
        grid.addWidget(QLabel(self.tr("Mode")), 0, 4)
        grid.addWidget(self.contact_mode, 0, 5)
        grid.addWidget(self.contact_interpreter, 0, 6)
        grid.addWidget(QLabel(self.tr("Participants")), 1, 0)
        grid.addWidget(self.contact_participants, 1, 1, 1, 6)
        grid.addWidget(QLabel(self.tr("Topics")), 2, 0)
        grid.addWidget(self.contact_topics, 2, 1, 1, 6)
        grid.addWidget(self.contact_notes, 3, 0, 1, 6)
        grid.addWidget(self.save_contact_button, 3, 6)
        self.contact_error = QLabel("")
        self.contact_error.setObjectName("contact_error_label")
        self.contact_error.setStyleSheet("color: #b00020;")
        self.contact_error.hide()
        self.contact_notes.installEventFilter(self)
        self.contact_model = contact_table_model(self)
        self.contact_table = table("contact_table", self.contact_model, descending=True)
        self.contact_table.doubleClicked.connect(self._edit_contact)
        entry = QWidget()
        entry_layout = QVBoxLayout(entry)
        entry_layout.setContentsMargins(0, 0, 0, 0)
        entry_layout.addLayout(grid)
        entry_layout.addWidget(self.contact_error)
        buttons = [
            button("edit_contact_button", self.tr("&Edit…"), self._edit_contact),
            button(
                "delete_contact_button",
                self.tr("Delete"),
                lambda: self._delete("contact", self.contact_table),
            ),
        ]
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), entry, self._log_contact, Qt.ShortcutContext.WidgetWithChildrenShortcut)
        chain = (
            self.contact_date,
            self.contact_minutes,
            self.contact_mode,
            self.contact_participants,
            self.contact_topics,
            self.contact_interpreter,
            self.contact_notes,
            self.save_contact_button,
        )
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)
        page = self._table_page(self.contact_table, buttons)
        page.layout().insertWidget(0, entry)  # type: ignore[union-attr]
        return page

    def _referrals_tab(self) -> QWidget:
        self.referral_blocked = QLabel("")
        self.referral_blocked.setObjectName("referral_blocked_label")
        self.referral_blocked.setWordWrap(True)
        self.referral_blocked.setStyleSheet("background: #fff4e5; padding: 6px; border: 1px solid #f0c36d;")
        self.referral_model = referral_table_model(self._partner_names, self)
        self.referral_table = table("referral_table", self.referral_model, descending=True)
        self.add_referral_button = button("add_referral_button", self.tr("&New referral…"), self._add_referral)
        buttons = [
            self.add_referral_button,
            button("referral_status_button", self.tr("Edit / answer…"), self._edit_referral),
            button(
                "delete_referral_button",
                self.tr("Delete"),
                lambda: self._delete("referral", self.referral_table),
            ),
        ]
        page = self._table_page(self.referral_table, buttons)
        page.layout().insertWidget(0, self.referral_blocked)  # type: ignore[union-attr]
        return page

    def _follow_ups_tab(self) -> QWidget:
        self.follow_up_model = follow_up_table_model(self)
        self.follow_up_table = table("follow_up_table", self.follow_up_model)
        buttons = [
            button("add_follow_up_button", self.tr("&New follow-up…"), self._add_follow_up),
            button("follow_up_done_button", self.tr("Mark done"), self._follow_up_done),
            button(
                "delete_follow_up_button",
                self.tr("Delete"),
                lambda: self._delete("follow_up", self.follow_up_table),
            ),
        ]
        return self._table_page(self.follow_up_table, buttons)

    def _consents_tab(self) -> QWidget:
        self.consent_model = consent_table_model(lambda: self.caps.valid_consents if self.caps else frozenset(), self)
        self.consent_table = table("consent_table", self.consent_model, 2)
        buttons = [
            button("give_consent_button", self.tr("Record &consent…"), self._give_consent),
            button("withdraw_consent_button", self.tr("Withdraw…"), self._withdraw_consent),
        ]
        return self._table_page(self.consent_table, buttons)

    def _history_tab(self) -> QWidget:
        self.history_model = audit_table_model(self)
        self.history_table = table("history_table", self.history_model, descending=True)
        self.change_model = change_table_model(self)
        self.change_table = table("change_table", self.change_model, descending=True)
        splitter = QSplitter(Qt.Orientation.Vertical)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.addWidget(QLabel(self.tr("Who did what with this file (audit log):")))
        top_layout.addWidget(self.history_table)
        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.addWidget(QLabel(self.tr("Corrections of master data:")))
        bottom_layout.addWidget(self.change_table)
        splitter.addWidget(top)
        splitter.addWidget(bottom)
        return splitter

    def _table_page(self, view: QTableView, buttons: list[QPushButton]) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        row = QHBoxLayout()
        for b in buttons:
            row.addWidget(b)
            b.setEnabled(self.editable)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(view, 1)
        return page

    # --------------------------------------------------------------- loading
    def reload(self, *, opening: bool = False) -> None:
        """Read the file again (after a change, or when unlocking)."""
        self.file = clients.client_file(self.session, self.client_id, opening=opening)
        self.caps = capabilities.file_capabilities(self.session, self.client_id, self.file)
        self.editable = self.caps.edit
        self.legal_hold_check.setEnabled(self.caps.legal_hold)
        self.erasure_button.setVisible(self.caps.propose_erasure)
        self._partners = partners.list_partners(self.session)
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
        if not self.form.is_dirty() or opening:
            self.form.set_client(c)
        self.legal_hold_check.setChecked(retention.legal_hold(self.session, self.client_id))
        self._fill_cases()
        self.consent_model.set_rows(self.file.consents)
        self.documents_tab.set_documents(self.file.documents)
        self.history_model.set_rows(audit.client_history(self.session, self.client_id))
        self.change_model.set_rows(clients.correction_history(self.session, self.client_id))
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
        self.goal_model.set_rows(cf.goals if cf else [])
        self.contact_model.set_rows(cf.contacts if cf else [])
        self.referral_model.set_rows(cf.referrals if cf else [])
        self.follow_up_model.set_rows(cf.follow_ups if cf else [])
        if self.file is not None:
            self.extras.show_file(self.file, cf, self.editable)
        has_open = bool(self.file and any(c.case.is_open for c in self.file.cases))
        self.close_case_button.setEnabled(self.editable and bool(cf and cf.case.is_open))
        self.open_case_button.setEnabled(self.editable and not has_open)
        self.edit_case_button.setEnabled(self.editable and cf is not None)
        self.save_contact_button.setEnabled(self.editable and cf is not None)
        self._show_referral_consent()

    def _show_referral_consent(self) -> None:
        assert self.caps is not None
        if self.caps.refer:
            self.referral_blocked.hide()
            self.add_referral_button.setEnabled(self.editable and self.current_case() is not None)
            return
        withdrawn_on = self.caps.referral_consent_withdrawn_on
        if withdrawn_on is not None:
            text = self.tr(
                "Referrals are blocked: the consent to share data for referrals was withdrawn on "
                "{date}. Record a new consent first (tab Consents)."
            ).format(date=format_date(withdrawn_on))
        else:
            text = self.tr(
                "Referrals are blocked: there is no valid consent to share data for referrals. "
                "Record the consent first (tab Consents)."
            )
        self.referral_blocked.setText(text)
        self.referral_blocked.show()
        self.add_referral_button.setEnabled(False)

    def _partner_names(self) -> dict[int, str]:
        return {p.id: p.value.name for p in self._partners}

    # --------------------------------------------------------------- actions
    def _run(self, action: Callable[[], Any]) -> bool:
        """Run a change; show expected errors; reload on success."""
        try:
            action()
        except JmdError as exc:
            notify.show_error(self, exc)
            return False
        self._after_change()
        return True

    def _after_change(self) -> None:
        self.reload()
        self.changed.emit()

    def _dialog(self, dialog: Any) -> None:
        if dialog.exec():
            self._after_change()

    def _save_client(self) -> None:
        self.form.clear_errors()
        try:
            clients.update_client(self.session, self.client_id, self.form.client())
        except ValidationError as exc:
            rest = self.form.show_errors(exc.errors)
            self.form_message.setText(
                notify.error_text(ValidationError(rest)) if rest else self.tr("Please correct the marked fields.")
            )
            return
        except JmdError as exc:
            notify.show_error(self, exc)
            return
        self.form_message.setText(self.tr("Saved."))
        self.form.set_client(None)  # forget the edit state before reloading
        self.reload()
        self.changed.emit()

    def _revert_client(self) -> None:
        if self.file is not None:
            self.form.set_client(self.file.client)
            self.form_message.clear()

    def _close_case(self) -> None:
        case_id = self.case_id
        if case_id is None:
            return
        self._dialog(
            close_case_dialog(
                self, self.session.clock.today(), lambda v: casework.close_case(self.session, case_id, *v)
            )
        )

    def _edit_case(self) -> None:
        cf = self.current_case()
        if cf is None or not self.editable:
            return
        case_id = cf.id
        self._dialog(case_dialog(self, cf.case, lambda c: casework.update_case(self.session, case_id, c)))

    def _open_case(self) -> None:
        def save(case: Any) -> None:
            self.case_id = casework.open_case(self.session, self.client_id, case)

        self._dialog(open_case_dialog(self, self.session.clock.today(), save))

    def _add_goal(self) -> None:
        if self.case_id is None:
            return
        case_id = self.case_id
        self._dialog(
            goal_dialog(
                self,
                None,
                self.session.clock.today(),
                lambda g: casework.add_record(self.session, case_id, g),
            )
        )

    def _goal(self) -> tuple[int, Any] | None:
        goal_id = selected_id(self.goal_table)
        cf = self.current_case()
        if goal_id is None or cf is None:
            return None
        return goal_id, next(g.value for g in cf.goals if g.id == goal_id)

    def _edit_goal(self) -> None:
        found = self._goal()
        if found and self.editable:
            goal_id, goal = found
            self._dialog(
                goal_dialog(
                    self,
                    goal,
                    self.session.clock.today(),
                    lambda g: casework.update_record(self.session, goal_id, g),
                )
            )

    def _goal_status(self) -> None:
        found = self._goal()
        if found:
            goal_id, goal = found
            self._dialog(
                goal_status_dialog(
                    self,
                    goal,
                    self.session.clock.today(),
                    lambda v: casework.set_goal_status(self.session, goal_id, *v),
                )
            )

    def _log_contact(self) -> None:
        if self.case_id is None or not self.editable:
            return
        self.contact_error.hide()
        try:
            contact = Contact(
                date=self.contact_date.value(),  # type: ignore[arg-type]
                minutes=self.contact_minutes.value(),
                mode=self.contact_mode.code() or codes.UNKNOWN,
                participants=self.contact_participants.codes(),
                topics=self.contact_topics.codes(),
                interpreter=self.contact_interpreter.isChecked(),
                notes=self.contact_notes.toPlainText(),
            )
            casework.add_record(self.session, self.case_id, contact)
        except JmdError as exc:
            self.contact_error.setText(notify.error_text(exc))
            self.contact_error.show()
            return
        self.contact_notes.clear()
        self.contact_topics.set_codes([])
        self.contact_interpreter.setChecked(False)
        self.contact_date.set_value(self.session.clock.today())
        self._after_change()
        self.contact_notes.setFocus()

    def _edit_contact(self) -> None:
        contact_id = selected_id(self.contact_table)
        cf = self.current_case()
        if contact_id is None or cf is None or not self.editable:
            return
        contact = next(c.value for c in cf.contacts if c.id == contact_id)
        self._dialog(contact_dialog(self, contact, lambda c: casework.update_record(self.session, contact_id, c)))

    def _add_referral(self) -> None:
        if self.case_id is None:
            return
        case_id = self.case_id
        self._dialog(
            referral_dialog(
                self,
                self._partners,
                None,
                self.session.clock.today(),
                lambda r: casework.add_record(self.session, case_id, r),
            )
        )

    def _edit_referral(self) -> None:
        referral_id = selected_id(self.referral_table)
        cf = self.current_case()
        if referral_id is None or cf is None:
            return
        referral = next(r.value for r in cf.referrals if r.id == referral_id)
        self._dialog(
            referral_dialog(
                self,
                self._partners,
                referral,
                self.session.clock.today(),
                lambda r: casework.update_record(self.session, referral_id, r),
            )
        )

    def _add_follow_up(self) -> None:
        if self.case_id is None:
            return
        case_id = self.case_id
        self._dialog(
            follow_up_dialog(
                self,
                None,
                self.session.clock.today(),
                lambda f: casework.add_record(self.session, case_id, f),
            )
        )

    def _follow_up_done(self) -> None:
        follow_up_id = selected_id(self.follow_up_table)
        if follow_up_id is not None:
            self._run(lambda: casework.set_follow_up_done(self.session, follow_up_id))

    def _give_consent(self) -> None:
        self._dialog(
            consent_dialog(
                self,
                self.session.clock.today(),
                lambda c: casework.add_record(self.session, self.client_id, c),
            )
        )

    def _withdraw_consent(self) -> None:
        consent_id = selected_id(self.consent_table)
        if consent_id is None:
            return
        self._dialog(
            withdraw_dialog(
                self,
                self.session.clock.today(),
                lambda day: casework.withdraw_consent(self.session, consent_id, day),
            )
        )

    def _delete(self, kind: str, view: QTableView) -> None:
        item_id = selected_id(view)
        if item_id is None:
            return
        if notify.confirm(self, self.tr("Delete the selected entry? This cannot be undone.")):
            self._run(lambda: casework.delete_record(self.session, kind, item_id))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Override QObject.eventFilter: Ctrl+Enter in the notes logs the contact; a tab's
        mnemonic on the Kontakte tab lands in the contact form even if the tab is already shown."""
        if watched is self.tabs.tabBar() and event.type() == QEvent.Type.Shortcut:
            QTimer.singleShot(0, self, lambda: self._tab_shown(self.tabs.currentIndex()))
            return False
        if (
            watched is self.contact_notes
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self._log_contact()
            return True
        return super().eventFilter(watched, event)

    # ------------------------------------------------------------ locking
    def clear(self) -> None:
        """Forget the shown data (the session is being locked)."""
        for model in (
            self.goal_model,
            self.contact_model,
            self.referral_model,
            self.follow_up_model,
            self.consent_model,
            self.history_model,
            self.change_model,
        ):
            model.clear()
        self.extras.clear()
        self.file = None

    def has_unsaved_changes(self) -> bool:
        """True if the master data form or a started contact note would be lost."""
        return self.form.is_dirty() or bool(self.contact_notes.toPlainText().strip())

    def closeEvent(self, event: QCloseEvent) -> None:
        """Override QWidget.closeEvent: ask before unsaved changes are lost."""
        if self.has_unsaved_changes() and not notify.confirm(
            self, self.tr("There are unsaved changes in this file. Close it anyway and discard them?")
        ):
            event.ignore()
            return
        self.documents_tab.wipe_temp()
        event.accept()
