"""Signing in: user and password, or the recovery key when a password was forgotten."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from jmd_desk.domain.errors import JmdError
from jmd_desk.services.environment import Environment
from jmd_desk.services.location import network_warning
from jmd_desk.ui.notify import error_text
from jmd_desk.ui.password_pair import PasswordWithRepeat, password_edit
from jmd_desk.ui.tasks import TaskRunner
from jmd_desk.ui.ui_settings import SERVER, STORE, Place
from jmd_desk.ui.widgets import ERROR_STYLE

if TYPE_CHECKING:
    from jmd_desk.services.session import UserSession


def _accounts() -> ModuleType:
    """The accounts service, imported at the first sign-in: the login window shows before the
    store and SQLAlchemy behind it are loaded."""
    from jmd_desk.services import accounts  # noqa: PLC0415

    return accounts


def _sign_in(place: Place, env: Environment, username: str, password: str, new_password: str | None = None) -> object:
    """Sign in to a local store or to the office server (in the worker thread)."""
    if place.on_server:
        from jmd_desk.services import server_cases  # noqa: PLC0415 - psycopg only for the server

        return server_cases.sign_in_server(place.path, username, password, clock=env.clock, policy=env.policy)
    return _accounts().sign_in(
        place.path, username, password, clock=env.clock, policy=env.policy, new_password=new_password
    )


def recent_combo(places: Sequence[Place], picked: Callable[[int], None]) -> QComboBox:
    """The recently used stores and office servers (hidden when there are none)."""
    combo = QComboBox()
    combo.setObjectName("recent_places_combo")
    combo.setAccessibleName(QCoreApplication.translate("LoginDialog", "Recently used"))
    combo.addItem(QCoreApplication.translate("LoginDialog", "Recently used…"))
    server = QCoreApplication.translate("LoginDialog", "Office server: {path}")
    store = QCoreApplication.translate("LoginDialog", "Store: {path}")
    for place in places:
        combo.addItem((server if place.on_server else store).format(path=place.path))
    combo.setVisible(bool(places))
    combo.activated.connect(picked)
    return combo


def error_label(name: str) -> QLabel:
    """A red message line, hidden until it has text."""
    label = QLabel("")
    label.setObjectName(name)
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    label.hide()
    return label


class LoginDialog(QDialog):
    """Sign in to a store; emits ``signed_in`` with the new session."""

    signed_in = Signal(object)

    def __init__(
        self,
        env: Environment,
        runner: TaskRunner,
        store: Path | Place,
        last_user: str = "",
        hint: str = "",
        parent: QWidget | None = None,
        *,
        recent: Sequence[Place] = (),
    ) -> None:
        super().__init__(parent)
        self.setObjectName("login_dialog")
        self.setWindowTitle(self.tr("JMD Desk – Sign in"))
        self.env = env
        self.runner = runner
        self.place = store if isinstance(store, Place) else Place(STORE, store)
        self.recent = [p for p in recent if p != self.place]

        title, store_row, choices = self._store_rows()
        form = self._credentials(last_user, hint)
        buttons = self._buttons()
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(store_row)
        layout.addLayout(choices)
        layout.addWidget(self.network_label)
        layout.addLayout(form)
        layout.addWidget(self.hint_label)
        layout.addWidget(self.error_label)
        layout.addLayout(buttons)
        self.setMinimumWidth(460)
        self._show_store()
        (self.password_edit if last_user else self.username_edit).setFocus()

    def _store_rows(self) -> tuple[QLabel, QHBoxLayout, QHBoxLayout]:
        """The title, where the store is, and the choice of another (recent, file, office server)."""
        title = QLabel(self.tr("JMD Desk"))
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        title.setFont(font)
        self.store_label = QLabel()
        self.store_label.setObjectName("store_path_label")
        self.store_label.setWordWrap(True)
        self.store_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        choose = QPushButton(self.tr("Other store…"))
        choose.setObjectName("choose_store_button")
        choose.clicked.connect(self._choose_store)
        choose_server = QPushButton(self.tr("Office server…"))
        choose_server.setObjectName("choose_server_button")
        choose_server.clicked.connect(self._choose_server)
        self.recent_combo = recent_combo(self.recent, self._pick_recent)
        store_row = QHBoxLayout()
        store_row.addWidget(self.store_label, 1)
        choices = QHBoxLayout()
        choices.addWidget(self.recent_combo, 1)
        choices.addWidget(choose)
        choices.addWidget(choose_server)
        return title, store_row, choices

    def _credentials(self, last_user: str, hint: str) -> QFormLayout:
        """User name and password, and the labels for errors, network warnings and hints."""
        self.username_edit = QLineEdit(last_user)
        self.username_edit.setObjectName("username_edit")
        self.username_edit.setAccessibleName(self.tr("User name"))
        self.password_edit = password_edit("password_edit")
        self.password_edit.setAccessibleName(self.tr("Password"))
        self.error_label = error_label("login_error_label")
        self.network_label = error_label("network_warning_label")
        self.hint_label = QLabel(hint)
        self.hint_label.setObjectName("login_hint_label")
        self.hint_label.setVisible(bool(hint))
        form = QFormLayout()
        form.addRow(self.tr("&User name:"), self.username_edit)
        form.addRow(self.tr("&Password:"), self.password_edit)
        return form

    def _buttons(self) -> QHBoxLayout:
        self.sign_in_button = QPushButton(self.tr("&Sign in"))
        self.sign_in_button.setObjectName("sign_in_button")
        self.sign_in_button.setDefault(True)
        self.sign_in_button.clicked.connect(self._sign_in)
        self.forgot_button = QPushButton(self.tr("Forgot password…"))
        self.forgot_button.setObjectName("forgot_password_button")
        self.forgot_button.clicked.connect(self._recover)
        buttons = QHBoxLayout()
        buttons.addWidget(self.forgot_button)
        buttons.addStretch(1)
        buttons.addWidget(self.sign_in_button)
        return buttons

    @property
    def store(self) -> Path:
        """The store file or server profile to sign in to."""
        return self.place.path

    def _show_store(self) -> None:
        if self.place.on_server:
            text = self.tr("Office server: {path}").format(path=self.place.path)
        else:
            text = self.tr("Store: {path}").format(path=self.place.path)
        self.store_label.setText(text)
        warning = None if self.place.on_server else network_warning(self.place.path)
        self.network_label.setText(error_text(warning) if warning else "")
        self.network_label.setVisible(warning is not None)
        # a forgotten password on the server is reset by the office's admin, not by a recovery key
        self.forgot_button.setVisible(not self.place.on_server)

    def set_place(self, place: Place) -> None:
        """Sign in to ``place`` from now on."""
        self.place = place
        self.error_label.hide()
        self._show_store()

    def _choose_store(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open store"), str(self.place.path.parent), self.tr("JMD Desk store (*.jmd)")
        )
        if path:
            self.set_place(Place(STORE, Path(path)))

    def _choose_server(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Office server profile"),
            str(self.place.path.parent),
            self.tr("Office server profile (*.jmd-server)"),
        )
        if path:
            self.set_place(Place(SERVER, Path(path)))

    def _pick_recent(self, index: int) -> None:
        if index > 0:  # entry 0 is the prompt
            self.set_place(self.recent[index - 1])

    def _busy(self, busy: bool) -> None:
        for widget in (self.username_edit, self.password_edit, self.sign_in_button):
            widget.setEnabled(not busy)

    def _sign_in(self) -> None:
        username, password = self.username_edit.text(), self.password_edit.text()
        if not username.strip() or not password:
            self._fail(self.tr("Please enter user name and password."))
            return
        self.error_label.hide()
        self._busy(True)
        place, env = self.place, self.env
        self.runner.run(lambda: _sign_in(place, env, username, password), self._done, self._error)

    def _done(self, session: UserSession) -> None:
        self._busy(False)
        self.password_edit.clear()
        self.signed_in.emit(session)
        self.accept()

    def _error(self, exc: JmdError) -> None:
        self._busy(False)
        if exc.code == "password_change_required":
            self._set_own_password()
            return
        self._fail(error_text(exc))
        self.password_edit.selectAll()
        self.password_edit.setFocus()

    def _set_own_password(self) -> None:
        """After a re-key: the one-time password only lets her set her own."""
        new_password, ok = QInputDialog.getText(
            self,
            self.tr("Set your own password"),
            self.tr("You signed in with a one-time password. Your new password:"),
            QLineEdit.EchoMode.Password,
        )
        if not ok or not new_password:
            return
        username, one_time = self.username_edit.text(), self.password_edit.text()
        self._busy(True)
        place, env = self.place, self.env
        self.runner.run(lambda: _sign_in(place, env, username, one_time, new_password), self._done, self._error)

    def _fail(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()

    def _recover(self) -> None:
        dialog = RecoveryDialog(self.env, self.runner, self.store, self)
        dialog.signed_in.connect(self._done)
        dialog.open()


class RecoveryDialog(QDialog):
    """A forgotten password: the recovery key unlocks, and the user chooses a new password."""

    signed_in = Signal(object)

    def __init__(self, env: Environment, runner: TaskRunner, store: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recovery_dialog")
        self.setWindowTitle(self.tr("Recover access"))
        self.env, self.runner, self.store = env, runner, store
        intro = QLabel(
            self.tr(
                "Enter the recovery key that was printed when the store was created, the user name "
                "and a new password for that user."
            )
        )
        intro.setWordWrap(True)
        self.key_edit = QLineEdit()
        self.key_edit.setObjectName("recovery_key_edit")
        self.key_edit.setPlaceholderText("XXXX-XXXX-…")
        self.username_edit = QLineEdit()
        self.username_edit.setObjectName("recovery_username_edit")
        self.new_password = PasswordWithRepeat("new_password_edit", "new_password_repeat_edit", self)
        self.error_label = error_label("recovery_error_label")
        form = QFormLayout()
        form.addRow(self.tr("Recovery &key:"), self.key_edit)
        form.addRow(self.tr("&User name:"), self.username_edit)
        self.new_password.add_rows(form, self.tr("&New password:"), self.tr("&Repeat password:"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.setObjectName("recovery_buttons")
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)

    def _submit(self) -> None:
        mismatch = self.new_password.mismatch()
        if mismatch:
            self.error_label.setText(mismatch)
            self.error_label.show()
            return
        key, user, password = self.key_edit.text(), self.username_edit.text(), self.new_password.password()
        env, store = self.env, self.store
        self.buttons.setEnabled(False)
        self.runner.run(
            lambda: _accounts().recover_access(store, key, user, password, clock=env.clock, policy=env.policy),
            self._done,
            self._error,
        )

    def _done(self, session: UserSession) -> None:
        self.buttons.setEnabled(True)
        self.signed_in.emit(session)
        self.accept()

    def _error(self, exc: JmdError) -> None:
        self.buttons.setEnabled(True)
        self.error_label.setText(error_text(exc))
        self.error_label.show()
