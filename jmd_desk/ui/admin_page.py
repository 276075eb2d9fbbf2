"""Verwaltung: user accounts and roles, office settings; backups and districts have their own tabs."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from jmd_desk.domain import codes
from jmd_desk.domain.codes import Role
from jmd_desk.domain.entities import User
from jmd_desk.domain.errors import JmdError, ValidationError
from jmd_desk.domain.settings import AUTOLOCK_RANGE, K_RANGE, RETENTION_YEARS_RANGE
from jmd_desk.services import accounts, capabilities
from jmd_desk.services import settings as office
from jmd_desk.services.session import UserSession
from jmd_desk.texts.labels import code_label
from jmd_desk.ui import notify
from jmd_desk.ui.account_dialogs import RekeyResultDialog, RoleChecks
from jmd_desk.ui.backup_tab import BackupTab
from jmd_desk.ui.districts_tab import DistrictsTab
from jmd_desk.ui.fields_editor import FieldsEditor
from jmd_desk.ui.i18n import language
from jmd_desk.ui.office_models import user_table_model
from jmd_desk.ui.paperwork_dialogs import LogoSetting
from jmd_desk.ui.password_pair import password_edit
from jmd_desk.ui.record_dialog import RecordDialog
from jmd_desk.ui.ui_settings import UiSettings
from jmd_desk.ui.views import button, table


class AdminPage(QWidget):
    """User accounts, office settings and backups (admin)."""

    restore_requested = Signal(object)
    settings_changed = Signal()  # saved office settings (the main window applies the auto-lock time)

    def __init__(self, session: UserSession, ui_settings: UiSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("admin_page")
        self.session = session
        self.ui_settings = ui_settings
        self.local_store = capabilities.capabilities(session).local_store
        self.tabs = QTabWidget()
        self.tabs.setObjectName("admin_tabs")
        self.tabs.addTab(self._users_tab(), self.tr("User accounts"))
        self.tabs.addTab(self._settings_tab(), self.tr("Settings"))
        self.backup_tab: BackupTab | None = None
        if self.local_store:  # on the office server backups are the IT's job (pg_dump)
            self.backup_tab = BackupTab(session)
            self.backup_tab.restore_requested.connect(self.restore_requested)
            self.tabs.addTab(self.backup_tab, self.tr("Backup"))
        self.districts = DistrictsTab(session)
        self.tabs.addTab(self.districts, self.tr("Districts"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)

    # ----------------------------------------------------------------- users
    def _users_tab(self) -> QWidget:
        self.user_model = user_table_model(self)
        self.user_table = table("user_table", self.user_model)
        row = QHBoxLayout()
        for name, text, slot in (
            ("new_user_button", self.tr("New account…"), self._new_user),
            ("edit_user_button", self.tr("Roles and name…"), self._edit_user),
            ("reset_password_button", self.tr("Set password…"), self._reset_password),
            ("deputies_button", self.tr("Deputies…"), self._deputies),
            ("rekey_button", self.tr("&Re-key…"), self._rekey),
        ):
            if name != "rekey_button" or self.local_store:  # the server has no store key to change
                row.addWidget(button(name, text, slot))
        row.addStretch(1)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addLayout(row)
        layout.addWidget(self.user_table, 1)
        return page

    def _selected_user(self) -> User | None:
        rows = self.user_table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.user_model.row_at(rows[0].row())

    def _new_user(self) -> None:
        username, display = QLineEdit(), QLineEdit()
        roles = RoleChecks(frozenset({Role.COUNSELLOR}))
        password = password_edit("password_edit")

        def build() -> tuple[str, str, frozenset[Role], str]:
            return username.text(), display.text(), roles.roles(), password.text()

        def save(values: tuple[str, str, frozenset[Role], str]) -> None:
            accounts.create_user(self.session, *values)

        fields = [("username", username), ("name", display), ("roles", roles), ("password", password)]
        if RecordDialog("user_dialog", self.tr("New account"), fields, build, save, self).exec():
            self.refresh()

    def _edit_user(self) -> None:
        user = self._selected_user()
        if user is None:
            return
        display = QLineEdit(user.display_name)
        roles = RoleChecks(user.roles)
        active = QCheckBox(self.tr("account active"))
        active.setChecked(user.active)

        saved: list[User] = []  # what was saved: the dialog's widgets may be gone after it closed

        def save(changed: User) -> None:
            accounts.update_user(self.session, changed)
            saved.append(changed)

        def build() -> User:
            return replace(user, display_name=display.text(), roles=roles.roles(), active=active.isChecked())

        fields = [("name", display), ("roles", roles), ("active", active)]
        if RecordDialog("user_dialog", user.username, fields, build, save, self).exec():
            self.refresh()
            if user.active and saved and not saved[-1].active and self.local_store:
                self._offer_rekey()

    def _offer_rekey(self) -> None:
        text = self.tr(
            "The account is deactivated. Whoever kept an old key file or backup still knows the old "
            "key. Re-key the store now? Everybody then gets a one-time password."
        )
        if notify.confirm(self, text):
            self._run_rekey()

    def _rekey(self) -> None:
        text = self.tr(
            "Re-key the store? Earlier key files and backups will no longer open it; every account gets "
            "a one-time password and there is a new recovery key."
        )
        if notify.confirm(self, text):
            self._run_rekey()

    def _run_rekey(self) -> None:
        try:
            result = accounts.rekey(self.session)
        except JmdError as exc:
            notify.show_error(self, exc)
            return
        lines = [self.tr("One-time passwords (each person sets her own at the first sign-in):")]
        lines += [f"  {name}: {password}" for name, password in sorted(result.one_time_passwords.items())]
        lines += ["", self.tr("New recovery key (the old one no longer works):"), f"  {result.recovery_key}"]
        RekeyResultDialog("\n".join(lines), self).exec()

    def _reset_password(self) -> None:
        user = self._selected_user()
        if user is None:
            return
        password = password_edit("password_edit")
        if RecordDialog(
            "reset_password_dialog",
            self.tr("New password for {user}").format(user=user.username),
            [("password", password)],
            password.text,
            lambda p: accounts.reset_password(self.session, user.username, p),
            self,
        ).exec():
            notify.show_info(self, self.tr("The password was set. Tell it to the person in a safe way."))

    def _deputies(self) -> None:
        user = self._selected_user()
        if user is None:
            return
        chooser = QListWidget()
        chooser.setObjectName("deputies_list")
        current = set(accounts.deputies_of(self.session, user.username))
        for username, display in accounts.counsellor_names(self.session):
            if username == user.username:
                continue
            item = QListWidgetItem(f"{display} ({username})")
            item.setData(Qt.ItemDataRole.UserRole, username)
            item.setCheckState(Qt.CheckState.Checked if username in current else Qt.CheckState.Unchecked)
            chooser.addItem(item)

        def build() -> list[str]:
            return [
                chooser.item(i).data(Qt.ItemDataRole.UserRole)
                for i in range(chooser.count())
                if chooser.item(i).checkState() == Qt.CheckState.Checked
            ]

        RecordDialog(
            "deputies_dialog",
            self.tr("Deputies of {user}").format(user=user.username),
            [("deputies", chooser)],
            build,
            lambda names: accounts.set_deputies(self.session, user.username, names),
            self,
        ).exec()

    # -------------------------------------------------------------- settings
    def _settings_tab(self) -> QWidget:
        self.office_name_edit = QLineEdit()
        self.office_name_edit.setObjectName("office_name_edit")
        self.autolock_spin = QSpinBox()
        self.autolock_spin.setObjectName("autolock_spin")
        self.autolock_spin.setRange(*AUTOLOCK_RANGE)
        self.autolock_spin.setSuffix(self.tr(" min"))
        self.k_spin = QSpinBox()
        self.k_spin.setObjectName("statistics_k_spin")
        self.k_spin.setRange(*K_RANGE)
        self.retention_spins: dict[str, QSpinBox] = {}
        for case_type in codes.CASE_TYPES:
            spin = QSpinBox()
            spin.setObjectName(f"retention_{case_type}_spin")
            spin.setRange(*RETENTION_YEARS_RANGE)
            spin.setSuffix(self.tr(" years"))
            self.retention_spins[case_type] = spin
        self.fields_editor = FieldsEditor()
        self.backups_kept_spin = QSpinBox()
        self.backups_kept_spin.setObjectName("backups_kept_spin")
        self.backups_kept_spin.setRange(1, 100)
        self.language_combo = QComboBox()
        self.language_combo.setObjectName("ui_language_combo")
        self.language_combo.addItem("Deutsch", "de")
        self.language_combo.addItem("English", "en")
        self.settings_message = QLabel("")
        self.settings_message.setObjectName("settings_message_label")
        save: QPushButton = button("save_settings_button", self.tr("Save settings"), self._save_settings)
        form = QFormLayout()
        form.addRow(self.tr("Office name:"), self.office_name_edit)
        form.addRow(self.tr("Lock after inactivity:"), self.autolock_spin)
        form.addRow(self.tr("Statistics: minimum cell size k:"), self.k_spin)
        form.addRow(self.tr("Statistics: fields of action:"), self.fields_editor)
        for case_type, spin in self.retention_spins.items():
            form.addRow(
                self.tr("Keep closed files ({case_type}):").format(
                    case_type=code_label("case_type", case_type, language())
                ),
                spin,
            )
        form.addRow(self.tr("Automatic backups kept:"), self.backups_kept_spin)
        form.addRow(self.tr("Language of this computer:"), self.language_combo)
        form.addRow(self.tr("Logo for printouts:"), LogoSetting(self.session))
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addLayout(form)
        layout.addWidget(self.settings_message)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(save)
        layout.addLayout(row)
        layout.addStretch(1)
        return page

    def _save_settings(self) -> None:
        current = office.office_settings(self.session)
        new = replace(
            current,
            office_name=self.office_name_edit.text().strip(),
            autolock_minutes=self.autolock_spin.value(),
            statistics_k=self.k_spin.value(),
            statistics_fields=self.fields_editor.fields(),
            retention_years={t: spin.value() for t, spin in self.retention_spins.items()},
            backups_kept=self.backups_kept_spin.value(),
        )
        try:
            office.save_office_settings(self.session, new)
        except (ValidationError, JmdError) as exc:
            notify.show_error(self, exc)
            return
        language_changed = self.language_combo.currentData() != self.ui_settings.language
        self.ui_settings.language = self.language_combo.currentData()
        text = self.tr("Settings saved.")
        if language_changed:
            text += " " + self.tr("The new language applies from the next start.")
        self.settings_message.setText(text)
        self.settings_changed.emit()

    def refresh(self) -> None:
        """Load accounts and settings."""
        self.user_model.set_rows(accounts.list_users(self.session))
        self.districts.refresh()
        s = office.office_settings(self.session)
        self.office_name_edit.setText(s.office_name)
        self.autolock_spin.setValue(s.autolock_minutes)
        self.k_spin.setValue(s.statistics_k)
        self.fields_editor.set_fields(s.statistics_fields)
        for case_type, spin in self.retention_spins.items():
            spin.setValue(s.retention_years.get(case_type, 3))
        self.backups_kept_spin.setValue(s.backups_kept)
        if self.backup_tab is not None:
            self.backup_tab.refresh()
        self.language_combo.setCurrentIndex(max(self.language_combo.findData(self.ui_settings.language), 0))

    def backup_to(self, target: Path) -> None:
        """Make a backup at ``target`` (as "Back up now…" on the Backup tab does)."""
        if self.backup_tab is not None:
            self.backup_tab.backup_to(target)

    def clear(self) -> None:
        """Forget the shown data (lock)."""
        self.user_model.clear()
