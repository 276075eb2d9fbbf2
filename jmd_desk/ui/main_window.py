"""The main window: navigation, pages, file windows, status bar, locking."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QLabel, QMainWindow, QPushButton, QStackedWidget, QWidget

from jmd_desk.domain.errors import JmdError
from jmd_desk.services import backups, capabilities
from jmd_desk.services import settings as office
from jmd_desk.services.session import UserSession
from jmd_desk.ui import notify
from jmd_desk.ui.account_dialogs import ChangePasswordDialog
from jmd_desk.ui.admin_page import AdminPage
from jmd_desk.ui.client_file_window import ClientFileWindow
from jmd_desk.ui.data_protection_page import DataProtectionPage
from jmd_desk.ui.group_offers_page import GroupOffersPage
from jmd_desk.ui.help import AboutDialog, HelpWindow
from jmd_desk.ui.live_refresh import LiveRefresh
from jmd_desk.ui.lock import IdleWatcher, LockScreen
from jmd_desk.ui.main_menus import install_menus
from jmd_desk.ui.new_client_dialog import NewClientDialog
from jmd_desk.ui.office_files_page import OfficeFilesPage
from jmd_desk.ui.page_host import PageHost
from jmd_desk.ui.pages import ClientsPage, DashboardPage
from jmd_desk.ui.partners_page import PartnersPage
from jmd_desk.ui.restore_prompts import ask_restore, ask_secret
from jmd_desk.ui.sheet_import_wizard import SheetImportWizard
from jmd_desk.ui.statistics_page import StatisticsPage
from jmd_desk.ui.tasks import TaskRunner
from jmd_desk.ui.ui_settings import UiSettings
from jmd_desk.ui.views import fit_to_screen

log = logging.getLogger("jmd_desk.ui")


class MainWindow(QMainWindow):
    """Navigation on the left, the page on the right; files open in their own windows."""

    signed_out = Signal()

    def __init__(
        self,
        session: UserSession,
        runner: TaskRunner,
        ui_settings: UiSettings,
        *,
        demo_hint: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("main_window")
        self.session = session
        self.runner = runner
        self.ui_settings = ui_settings
        self.file_windows: dict[int, ClientFileWindow] = {}
        self.help_window: HelpWindow | None = None
        settings = office.office_settings(session)
        office_name = settings.office_name or self.tr("JMD Desk")
        self.setWindowTitle(
            self.tr("JMD Desk – {office}").format(office=office_name) + (f"  [{demo_hint}]" if demo_hint else "")
        )
        fit_to_screen(self, 1280, 760)
        self.caps = capabilities.capabilities(session)
        self.host = PageHost()
        self.pages = self.host.pages
        self.nav = self.host.nav
        self._add_pages()
        self.host.nav.currentRowChanged.connect(self._page_shown)
        self.host.fit_navigation()
        self.lock_screen = LockScreen()
        self.lock_screen.unlock_requested.connect(self._unlock)
        self.lock_screen.sign_out_requested.connect(self.sign_out)
        self.root = QStackedWidget()
        self.root.setObjectName("root_stack")
        self.root.addWidget(self.host)
        self.root.addWidget(self.lock_screen)
        self.setCentralWidget(self.root)
        self._status_bar()
        self.help_menu = install_menus(self, self.caps.case_work)
        self.idle = IdleWatcher(settings.autolock_minutes, self)
        self.idle.idle.connect(self.lock)
        self.live = LiveRefresh(session, self)  # colleagues' changes on the office server
        self.live.changed.connect(self._colleagues_changed)
        self.live.start()
        state = ui_settings.state("main_window_geometry")
        if state is not None:
            self.restoreGeometry(state)
        self.host.nav.setCurrentRow(0)

    # ---------------------------------------------------------------- set-up
    def _add_pages(self) -> None:
        """The pages this user's roles allow, in navigation order."""
        session, add = self.session, self.host.add
        if self.caps.case_work:
            self.dashboard = DashboardPage(session)
            self.dashboard.open_file_requested.connect(self.open_file)
            add("dashboard", self.tr("Overview"), self.dashboard)
            self.clients = ClientsPage(session, self.ui_settings)
            self.clients.open_file_requested.connect(self.open_file)
            self.clients.new_client_requested.connect(self.new_client)
            add("clients", self.tr("Clients"), self.clients)
            self.group_offers = GroupOffersPage(session)
            add("group_offers", self.tr("Group offers"), self.group_offers)
        self.partners = PartnersPage(session)
        add("partners", self.tr("Network partners"), self.partners)
        if self.caps.office_files:
            self.office_files = OfficeFilesPage(session)
            add("office_files", self.tr("Office files"), self.office_files)
        if self.caps.statistics:
            self.statistics = StatisticsPage(session, self.runner)
            add("statistics", self.tr("Statistics"), self.statistics)
        if self.caps.data_protection:
            self.data_protection = DataProtectionPage(session)
            add("data_protection", self.tr("Data protection"), self.data_protection)
        if self.caps.administration:
            self.admin = AdminPage(session, self.ui_settings)
            self.admin.settings_changed.connect(self._apply_settings)
            self.admin.restore_requested.connect(self.restore_backup)
            add("admin", self.tr("Administration"), self.admin)

    def _status_bar(self) -> None:
        """Who is signed in (and where), and the lock button."""
        user = self.session.user
        signed_in = self.tr("Signed in: {name} ({user})").format(name=user.display_name, user=user.username)
        where = "" if self.caps.local_store else "  ·  " + self.tr("on the office server")
        self.user_label = QLabel(signed_in + where)
        self.user_label.setObjectName("user_label")
        self.lock_button = QPushButton(self.tr("Lock (Ctrl+L)"))
        self.lock_button.setObjectName("lock_button")
        self.lock_button.clicked.connect(self.lock)
        self.statusBar().addWidget(self.user_label, 1)
        self.statusBar().addPermanentWidget(self.lock_button)

    def show_user_guide(self) -> None:
        """Open (or raise) the user guide window."""
        if self.help_window is None:
            self.help_window = HelpWindow(self)
        self.help_window.show()
        self.help_window.raise_()
        self.help_window.activateWindow()

    def show_about(self) -> None:
        """Version, folders and licences."""
        AboutDialog(self.session, self.ui_settings.paths, self).exec()

    # ----------------------------------------------------------------- pages
    def _page_shown(self, row: int) -> None:
        if row >= 0:
            self.refresh_current()

    def current_key(self) -> str:
        """Key of the page shown."""
        return self.host.current_key()

    def show_page(self, key: str) -> None:
        """Switch to a page by its key."""
        self.host.show_page(key)

    def refresh_current(self) -> None:
        """Reload the page shown."""
        page = self.host.current_page()
        if self.session.locked or page is None:
            return
        try:
            page.refresh()
        except JmdError as exc:
            notify.show_error(self, exc)

    def find_client(self) -> None:
        """Jump to the client search."""
        self.show_page("clients")
        self.clients.search_edit.setFocus()
        self.clients.search_edit.selectAll()

    def new_client(self) -> None:
        """Intake of a new client; opens the new file."""
        if not self.caps.create_clients:
            return
        dialog = NewClientDialog(self.session, self)
        if dialog.exec() and dialog.client_id is not None:
            self.refresh_current()
            self.open_file(dialog.client_id)

    def open_file(self, client_id: int) -> None:
        """Open (or raise) the window of a client file."""
        window = self.file_windows.get(client_id)
        if window is None:
            try:
                window = ClientFileWindow(self.session, client_id)
            except JmdError as exc:
                notify.show_error(self, exc)
                return
            window.changed.connect(self.refresh_current)
            window.destroyed.connect(lambda *_: self.file_windows.pop(client_id, None))
            self.file_windows[client_id] = window
        window.show()
        window.raise_()
        window.activateWindow()

    def import_sheet(self) -> None:
        """The assistant for taking over clients from a spreadsheet."""
        wizard = SheetImportWizard(self.session, self)
        if wizard.exec() and wizard.summary is not None:
            self.statusBar().showMessage(
                self.tr("{count} clients imported.").format(count=wizard.summary.clients), 10_000
            )
            self.refresh_current()

    def change_password(self) -> None:
        """Change the own password."""
        if ChangePasswordDialog(self.session, self).exec():
            notify.show_info(self, self.tr("Your password was changed."))

    def _colleagues_changed(self, client_ids: frozenset[int]) -> None:
        """Show what colleagues saved: the page shown, and the open files they changed (input
        being typed in a file stays; see MasterDataTab.show_client)."""
        if self.session.locked:
            return
        self.refresh_current()
        for client_id, window in list(self.file_windows.items()):
            if client_id in client_ids and window.file is not None:
                try:
                    window.reload()
                except JmdError as exc:  # e.g. no longer deputised: the next action says so
                    log.info("open file %s not reloaded: %s", client_id, exc.code)

    def _apply_settings(self) -> None:
        self.idle.set_minutes(office.office_settings(self.session).autolock_minutes)

    # ---------------------------------------------------------------- locking
    def lock(self) -> None:
        """Lock: clear every model, hide the files, close the data connection."""
        if self.session.locked:
            return
        for page in self.pages.values():
            page.clear()
        for window in self.file_windows.values():
            window.clear()
            window.hide()
        self.live.stop()
        try:
            self.session.lock()
        except JmdError as exc:
            notify.show_error(self, exc)
        self.idle.pause()
        self.lock_screen.prepare(self.session.user.display_name)
        self.root.setCurrentWidget(self.lock_screen)
        self.menuBar().setEnabled(False)
        self.lock_button.setEnabled(False)

    def _unlock(self, password: str) -> None:
        session = self.session
        self.lock_screen.unlock_button.setEnabled(False)
        self.runner.run(lambda: session.unlock(password), self._unlocked, self._unlock_failed)

    def _unlocked(self, _result: object) -> None:
        self.lock_screen.unlock_button.setEnabled(True)
        self.root.setCurrentIndex(0)
        self.menuBar().setEnabled(True)
        self.lock_button.setEnabled(True)
        self.idle.resume()
        self.live.start()
        self.refresh_current()
        for window in list(self.file_windows.values()):
            try:
                window.reload()
            except JmdError:
                window.close()
                continue
            window.show()

    def _unlock_failed(self, exc: JmdError) -> None:
        self.lock_screen.unlock_button.setEnabled(True)
        wrong = exc.code == "wrong_credentials"  # there is no user name to get wrong here
        self.lock_screen.show_error(self.tr("The password is wrong.") if wrong else notify.error_text(exc))

    # ---------------------------------------------------------------- restore
    def restore_backup(self, backup: Path) -> None:
        """Sign out, check this admin's password against the live store (and, if the backup has
        another key file, a secret that opens the backup), verify and put it in place."""
        session = self.session
        store_path, username = session.local_store.paths.db, session.username
        password = ask_secret(self, self.tr("Your password:"))
        if password is None:
            return
        backup_secret = None
        try:
            differs = backups.backup_key_file_differs(store_path, backup)
        except JmdError as exc:
            notify.show_error(self, exc)
            return
        if differs:
            backup_secret = ask_secret(
                self, self.tr("The backup has other passwords. Your password then, or the recovery key of the backup:")
            )
            if backup_secret is None:
                return
        if not self._close_files():
            return
        self._finish(backup_first=False)
        self.hide()
        request: dict[str, Any] = dict(
            backup_file=backup,
            username=username,
            secret=password,
            backup_secret=backup_secret,
            clock=session.clock,
            policy=session.policy,
        )
        self.runner.run(
            lambda: backups.preview_restore(store_path, **request),
            lambda preview: self._confirm_restore(store_path, request, preview),
            self._restore_failed,
        )

    def _confirm_restore(self, store_path: Path, request: dict[str, Any], preview: backups.RestorePreview) -> None:
        """Show what is lost; only a yes replaces the store (and only if the loss is still the
        one shown). No changes nothing."""
        if not ask_restore(preview):
            notify.show_info(None, self.tr("The restore was cancelled. Nothing was changed."))
            self.signed_out.emit()
            self.deleteLater()
            return
        self.runner.run(
            lambda: backups.restore(store_path, **request, confirm=lambda now: now == preview),
            self._restored,
            self._restore_failed,
        )

    def _restored(self, _result: object) -> None:
        notify.show_info(None, self.tr("The backup was checked and restored. Please sign in again."))
        self.signed_out.emit()
        self.deleteLater()

    def _restore_failed(self, exc: JmdError) -> None:
        notify.show_error(None, exc)
        self.signed_out.emit()
        self.deleteLater()

    # ----------------------------------------------------------- signing out
    def _close_files(self) -> bool:
        return all(window.close() for window in list(self.file_windows.values()))

    def sign_out(self) -> None:
        """Close files and the session; back to the login."""
        if not self.session.locked and not self._close_files():
            return
        for window in list(self.file_windows.values()):
            window.deleteLater()
        self.file_windows.clear()
        self._finish()
        self.signed_out.emit()
        self.hide()
        self.deleteLater()

    def _finish(self, *, backup_first: bool = True) -> None:
        if backup_first and self.caps.local_store and not self.session.locked:
            try:
                backups.auto_backup(self.session)
            except JmdError as exc:  # a failed backup must not keep the program from closing
                log.warning("automatic backup failed: %s", exc.code)
        self.idle.stop()
        self.live.stop()
        self.ui_settings.set_state("main_window_geometry", self.saveGeometry())
        if hasattr(self, "clients"):
            self.clients.save_layout()
        self.ui_settings.sync()
        self.runner.wait()
        self.session.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Override QMainWindow.closeEvent: files with unsaved changes may stop quitting."""
        if not self.session.locked and not self._close_files():
            event.ignore()
            return
        if self.session.store.is_open:
            self._finish()
        event.accept()
