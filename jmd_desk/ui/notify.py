"""Messages to the user: errors from their codes, information and confirmations."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from jmd_desk.domain.errors import JmdError
from jmd_desk.services.messages import message
from jmd_desk.ui.i18n import language


def error_text(exc: JmdError) -> str:
    """The translated message of an expected error."""
    return message(exc, language())


def show_error(parent: QWidget | None, exc: JmdError) -> None:
    """Tell the user what went wrong and that nothing was changed."""
    box = QMessageBox(QMessageBox.Icon.Warning, "JMD Desk", error_text(exc), QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("error_box")
    box.exec()


def show_info(parent: QWidget | None, text: str) -> None:
    """An informational message."""
    box = QMessageBox(QMessageBox.Icon.Information, "JMD Desk", text, QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("info_box")
    box.exec()


def confirm(parent: QWidget | None, text: str) -> bool:
    """Ask a yes/no question; True for yes."""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        "JMD Desk",
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        parent,
    )
    box.setObjectName("confirm_box")
    box.setDefaultButton(QMessageBox.StandardButton.No)
    return box.exec() == QMessageBox.StandardButton.Yes
