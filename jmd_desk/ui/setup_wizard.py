"""First start: create the store, the first account, and hand over the recovery key once."""

from __future__ import annotations

import html
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont, QFontDatabase, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from jmd_desk.domain.errors import FieldError, JmdError
from jmd_desk.domain.fields import USERNAME_RE
from jmd_desk.domain.rules import password_problems
from jmd_desk.services import accounts
from jmd_desk.services import settings as office
from jmd_desk.services.environment import Environment
from jmd_desk.services.location import network_warning
from jmd_desk.services.session import UserSession
from jmd_desk.texts.messages import field_message
from jmd_desk.ui.i18n import language
from jmd_desk.ui.login_dialog import error_label
from jmd_desk.ui.notify import error_text
from jmd_desk.ui.password_pair import PasswordWithRepeat
from jmd_desk.ui.tasks import TaskRunner


def recovery_document(recovery_key: str, store: Path, office_name: str, texts: dict[str, str]) -> QTextDocument:
    """The printable sheet with the recovery key."""
    doc = QTextDocument()
    doc.setHtml(
        f"<h2>{html.escape(texts['title'])}</h2>"
        f"<p>{html.escape(texts['office'])}: {html.escape(office_name)}<br>"
        f"{html.escape(texts['store'])}: {html.escape(str(store))}</p>"
        f"<p style='font-family: monospace; font-size: 16pt'><b>{html.escape(recovery_key)}</b></p>"
        f"<p>{html.escape(texts['advice'])}</p>"
    )
    return doc


class LocationPage(QWizardPage):
    """Where the store is kept."""

    def __init__(self, default: Path) -> None:
        super().__init__()
        self.setTitle(self.tr("Welcome to JMD Desk"))
        self.setSubTitle(
            self.tr(
                "JMD Desk keeps all case files in one encrypted store on this computer. Choose where it is "
                "kept; the default folder is right for most offices."
            )
        )
        self.path_edit = QLineEdit(str(default))
        self.path_edit.setObjectName("store_path_edit")
        self.path_edit.setAccessibleName(self.tr("Store file"))
        browse = QPushButton(self.tr("Browse…"))
        browse.setObjectName("browse_store_button")
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        note = QLabel(
            self.tr(
                "Keep the store on a local disk, not on a network drive. The key file is kept beside it; "
                "back up both together."
            )
        )
        note.setWordWrap(True)
        self.network_label = error_label("wizard_network_warning_label")
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(note)
        layout.addWidget(self.network_label)
        layout.addStretch(1)
        self.path_edit.textChanged.connect(self.completeChanged)
        self.path_edit.textChanged.connect(self._check_network)
        self._check_network()

    def _check_network(self) -> None:
        warning = network_warning(self.path()) if self.path_edit.text().strip() else None
        self.network_label.setText(error_text(warning) if warning else "")
        self.network_label.setVisible(warning is not None)

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Store file"), self.path_edit.text(), self.tr("JMD Desk store (*.jmd)")
        )
        if path:
            self.path_edit.setText(path if path.endswith(".jmd") else path + ".jmd")

    def path(self) -> Path:
        """The chosen store path."""
        return Path(self.path_edit.text().strip()).expanduser()

    def isComplete(self) -> bool:
        """Override QWizardPage.isComplete: a path is needed."""
        return bool(self.path_edit.text().strip())


class AccountPage(QWizardPage):
    """The office name and the first account (holds all roles)."""

    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Office and first account"))
        self.setSubTitle(
            self.tr(
                "The first account administers users and settings and may also work on cases and "
                "statistics. Choose a password of at least 8 characters."
            )
        )
        self.office_edit = QLineEdit()
        self.office_edit.setObjectName("office_name_edit")
        self.username_edit = QLineEdit()
        self.username_edit.setObjectName("setup_username_edit")
        self.username_edit.setPlaceholderText(self.tr("e.g. m.schulz"))
        self.display_edit = QLineEdit()
        self.display_edit.setObjectName("display_name_edit")
        self.new_password = PasswordWithRepeat("setup_password_edit", "setup_password_repeat_edit", self)
        self.error_label = error_label("setup_error_label")
        form = QFormLayout(self)
        form.addRow(self.tr("&Office name:"), self.office_edit)
        form.addRow(self.tr("&User name:"), self.username_edit)
        form.addRow(self.tr("&Your name:"), self.display_edit)
        self.new_password.add_rows(form, self.tr("&Password:"), self.tr("&Repeat password:"))
        form.addRow(self.error_label)
        for edit in (self.username_edit, *self.new_password.edits()):
            edit.textChanged.connect(self.completeChanged)

    def isComplete(self) -> bool:
        """Override QWizardPage.isComplete: user name and both passwords are filled in."""
        return bool(self.username_edit.text()) and self.new_password.filled()

    def validatePage(self) -> bool:
        """Override QWizardPage.validatePage: passwords match and meet the rules."""
        mismatch = self.new_password.mismatch()
        if mismatch:
            self.show_error(mismatch)
            return False
        username = accounts.normalise_username(self.username_edit.text())
        if not USERNAME_RE.match(username):
            self.show_error(field_message(FieldError("username", "bad_username"), language()))
            return False
        problems = password_problems(self.new_password.password(), username)
        if problems:
            self.show_error(self._problem_text(problems[0]))
            return False
        self.error_label.hide()
        return True

    def _problem_text(self, code: str) -> str:
        if code == "password_too_short":
            return self.tr("The password needs at least 8 characters.")
        return self.tr("The password must not be the user name.")

    def show_error(self, text: str) -> None:
        """Show a problem under the form."""
        self.error_label.setText(text)
        self.error_label.show()


class RecoveryKeyPage(QWizardPage):
    """Creates the store and shows the recovery key once, with print and PDF."""

    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(self.tr("Recovery key"))
        self.setSubTitle(
            self.tr(
                "This key opens the store when a password is forgotten. It is shown only now: print it or "
                "write it down and keep it sealed, e.g. with the office lead."
            )
        )
        self.status_label = QLabel(self.tr("Creating the encrypted store…"))
        self.status_label.setObjectName("setup_status_label")
        self.key_label = QLabel("")
        self.key_label.setObjectName("recovery_key_label")
        self.key_label.setTextInteractionFlags(self.key_label.textInteractionFlags().TextSelectableByMouse)
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setWeight(QFont.Weight.Bold)
        self.key_label.setFont(font)
        self.key_label.setWordWrap(True)
        self.print_button = QPushButton(self.tr("&Print…"))
        self.print_button.setObjectName("print_recovery_button")
        self.print_button.clicked.connect(self._print)
        self.pdf_button = QPushButton(self.tr("Save as &PDF…"))
        self.pdf_button.setObjectName("save_recovery_pdf_button")
        self.pdf_button.clicked.connect(self._save_pdf)
        self.stored_check = QCheckBox(self.tr("I have printed or written down the recovery key and keep it safe."))
        self.stored_check.setObjectName("recovery_stored_check")
        self.stored_check.toggled.connect(self.completeChanged)
        self.error_label = error_label("setup_create_error_label")
        buttons = QHBoxLayout()
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.pdf_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status_label)
        layout.addWidget(self.key_label)
        layout.addLayout(buttons)
        layout.addWidget(self.stored_check)
        layout.addWidget(self.error_label)
        layout.addStretch(1)
        self._set_key_visible(False)

    def _set_key_visible(self, visible: bool) -> None:
        for widget in (self.key_label, self.print_button, self.pdf_button, self.stored_check):
            widget.setVisible(visible)

    def initializePage(self) -> None:
        """Override QWizardPage.initializePage: create the store in the background."""
        self._wizard.create_store()

    def show_key(self, key: str) -> None:
        """The store exists: show the key."""
        self.status_label.setText(self.tr("The store was created."))
        self.key_label.setText(key)
        self._set_key_visible(True)

    def show_error(self, text: str) -> None:
        """Creating failed."""
        self.status_label.setText(self.tr("The store could not be created."))
        self.error_label.setText(text)
        self.error_label.show()

    def isComplete(self) -> bool:
        """Override QWizardPage.isComplete: only after the key was confirmed as stored."""
        return bool(self.key_label.text()) and self.stored_check.isChecked()

    def _texts(self) -> dict[str, str]:
        return {
            "title": self.tr("JMD Desk – recovery key"),
            "office": self.tr("Office"),
            "store": self.tr("Store"),
            "advice": self.tr(
                "Keep this sheet sealed and locked away. Whoever has this key and the store can read all "
                "case files. With it an administrator can set a new password when one is forgotten."
            ),
        }

    def _document(self) -> QTextDocument:
        return recovery_document(
            self.key_label.text(), self._wizard.store_path(), self._wizard.office_name(), self._texts()
        )

    def _print(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QPrintDialog.DialogCode.Accepted:
            self._document().print_(printer)

    def _save_pdf(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save recovery key as PDF"), "", "PDF (*.pdf)")
        if path:
            self.save_pdf(Path(path))

    def save_pdf(self, path: Path) -> None:
        """Write the recovery sheet as PDF (the user chose to do so)."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(path))
        self._document().print_(printer)


class SetupWizard(QWizard):
    """The first-start wizard; emits ``created`` with the signed-in session."""

    created = Signal(object)

    def __init__(self, env: Environment, runner: TaskRunner, default: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("setup_wizard")
        self.setWindowTitle(self.tr("Set up JMD Desk"))
        self.env = env
        self.runner = runner
        self.session: UserSession | None = None
        self.location = LocationPage(default)
        self.account = AccountPage()
        self.recovery = RecoveryKeyPage(self)
        for page in (self.location, self.account, self.recovery):
            self.addPage(page)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.setMinimumSize(640, 440)

    def store_path(self) -> Path:
        """Where the store is created."""
        return self.location.path()

    def office_name(self) -> str:
        """The office name typed in."""
        return self.account.office_edit.text().strip()

    def create_store(self) -> None:
        """Create store and first account off the GUI thread."""
        if self.session is not None:
            return
        path, env = self.store_path(), self.env
        username = self.account.username_edit.text()
        password = self.account.new_password.password()
        display = self.account.display_edit.text()
        office_name = self.office_name()

        def work() -> tuple[UserSession, str]:
            session, key = accounts.create_store(
                path, username, password, display_name=display, clock=env.clock, policy=env.policy
            )
            if office_name:
                office.save_office_settings(session, replace(office.office_settings(session), office_name=office_name))
            return session, key

        self.runner.run(work, self._created, self._failed)

    def _created(self, result: tuple[UserSession, str]) -> None:
        self.session, key = result
        self.recovery.show_key(key)
        self.recovery.completeChanged.emit()

    def _failed(self, exc: JmdError) -> None:
        self.recovery.show_error(error_text(exc))

    def accept(self) -> None:
        """Override QWizard.accept: hand the session over."""
        super().accept()
        if self.session is not None:
            self.created.emit(self.session)

    def reject(self) -> None:
        """Override QWizard.reject: once the store exists the wizard can only be finished."""
        if self.session is not None:
            return
        super().reject()
