"""Account dialogs: the roles as check boxes, the own password, and the result of a re-key."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from jmd_desk.domain.codes import Role
from jmd_desk.domain.errors import JmdError
from jmd_desk.services import accounts
from jmd_desk.services.session import UserSession
from jmd_desk.texts.labels import code_label
from jmd_desk.ui import notify
from jmd_desk.ui.i18n import language
from jmd_desk.ui.login_dialog import error_label
from jmd_desk.ui.password_pair import PasswordWithRepeat, password_edit


class RoleChecks(QWidget):
    """The three roles as check boxes."""

    def __init__(self, roles: frozenset[Role]) -> None:
        super().__init__()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.boxes = {}
        for role in Role:
            box = QCheckBox(code_label("role", role.value, language()))
            box.setObjectName(f"role_{role.value}_check")
            box.setChecked(role in roles)
            layout.addWidget(box)
            self.boxes[role] = box
        layout.addStretch(1)

    def roles(self) -> frozenset[Role]:
        """The ticked roles."""
        return frozenset(role for role, box in self.boxes.items() if box.isChecked())


class ChangePasswordDialog(QDialog):
    """Change the signed-in user's own password (rewrites only that key slot)."""

    def __init__(self, session: UserSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("change_password_dialog")
        self.setWindowTitle(self.tr("Change password"))
        self.session = session
        self.old_edit = password_edit("old_password_edit")
        self.new_password = PasswordWithRepeat("new_password_edit", "new_password_repeat_edit", self)
        self.error_label = error_label("change_password_error_label")
        form = QFormLayout()
        form.addRow(self.tr("&Current password:"), self.old_edit)
        self.new_password.add_rows(form, self.tr("&New password:"), self.tr("&Repeat new password:"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.setObjectName("change_password_buttons")
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)

    def submit(self) -> None:
        """Check and change the password."""
        mismatch = self.new_password.mismatch()
        if mismatch:
            self._show(mismatch)
            return
        try:
            accounts.change_own_password(self.session, self.old_edit.text(), self.new_password.password())
        except JmdError as exc:
            self._show(notify.error_text(exc))
            return
        self.accept()

    def _show(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()


class RekeyResultDialog(QDialog):
    """Shows the one-time passwords and the new recovery key once, to print or write down."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rekey_result_dialog")
        self.setWindowTitle(self.tr("Store re-keyed"))
        note = QLabel(self.tr("Shown only now. Print it or write it down, then hand each password over in person."))
        note.setWordWrap(True)
        self.result_text = QPlainTextEdit(text)
        self.result_text.setObjectName("rekey_result")
        self.result_text.setReadOnly(True)
        self.result_text.setMinimumSize(520, 220)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.result_text)
        layout.addWidget(buttons)
