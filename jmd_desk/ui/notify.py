"""Messages to the user: errors from their codes, information and confirmations."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QMessageBox, QWidget

from jmd_desk.domain.errors import JmdError, ValidationError
from jmd_desk.texts.labels import field_label
from jmd_desk.texts.messages import field_message, message
from jmd_desk.ui.i18n import language


def error_text(exc: JmdError) -> str:
    """The translated message of an expected error; invalid fields by their visible labels."""
    if isinstance(exc, ValidationError) and exc.errors:
        lang = language()
        return "; ".join(f"{_field_name(e.path, lang)}: {field_message(e, lang)}" for e in exc.errors)
    return message(exc, language())


def _field_name(path: str, lang: str) -> str:
    """``case.opened_on`` or ``nationalities[1]`` as the label the form shows."""
    name = path.split("[", maxsplit=1)[0].rsplit(".", 1)[-1]
    return field_label(name, lang) if name else path


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


def documents_folder() -> Path:
    """Where save dialogs start: the user's documents folder (never the program's working folder)."""
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(found) if found and Path(found).is_dir() else Path.home()
