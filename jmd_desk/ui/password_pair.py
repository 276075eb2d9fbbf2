"""A new password typed twice: the two hidden fields and the check that they match, once for
the setup wizard, the recovery dialog and the own-password dialog."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFormLayout, QLineEdit, QWidget


def password_edit(name: str, parent: QWidget | None = None) -> QLineEdit:
    """A password field (input hidden)."""
    edit = QLineEdit(parent)
    edit.setObjectName(name)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


class PasswordWithRepeat:
    """Two password fields placed as two rows of a form; ``mismatch()`` says what is wrong."""

    def __init__(self, name: str, repeat_name: str, parent: QWidget) -> None:
        # Owned by ``parent`` from the start: this plain object must never be the fields' owner.
        self.password_edit = password_edit(name, parent)
        self.repeat_edit = password_edit(repeat_name, parent)

    def add_rows(self, form: QFormLayout, label: str, repeat_label: str) -> None:
        """Add "password" and "repeat" rows to ``form``."""
        form.addRow(label, self.password_edit)
        form.addRow(repeat_label, self.repeat_edit)

    def edits(self) -> tuple[QLineEdit, QLineEdit]:
        """Both fields (to watch them)."""
        return self.password_edit, self.repeat_edit

    def filled(self) -> bool:
        """True when both fields hold something."""
        return bool(self.password_edit.text() and self.repeat_edit.text())

    def password(self) -> str:
        """The new password."""
        return self.password_edit.text()

    def mismatch(self) -> str | None:
        """The message when the two differ, else None."""
        if self.password_edit.text() == self.repeat_edit.text():
            return None
        return QCoreApplication.translate("PasswordWithRepeat", "The two passwords do not match.")
