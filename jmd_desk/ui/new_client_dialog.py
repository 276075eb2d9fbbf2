"""The intake dialog: a new client's master data and first case in one step."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QGroupBox, QVBoxLayout, QWidget

from jmd_desk.domain import codes
from jmd_desk.domain.entities import Case
from jmd_desk.domain.errors import JmdError, ValidationError
from jmd_desk.services import accounts, clients
from jmd_desk.services.session import UserSession
from jmd_desk.ui import notify
from jmd_desk.ui.client_form import ClientForm
from jmd_desk.ui.login_dialog import error_label
from jmd_desk.ui.views import grow_to_fit
from jmd_desk.ui.widgets import CodeCombo, DateField, FormGrid


class NewClientDialog(QDialog):
    """Intake: master data and the first case in one step."""

    def __init__(self, session: UserSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("new_client_dialog")
        self.setWindowTitle(self.tr("New client"))
        self.session = session
        self.client_id: int | None = None
        self.form = ClientForm(accounts.counsellor_names(session))
        self.form.set_client(None)
        index = self.form.counsellor.findData(session.username)
        self.form.counsellor.setCurrentIndex(max(index, 0))
        self.case_type = CodeCombo("case_type", codes.CASE_TYPES)
        self.case_type.setObjectName("case_type_edit")
        self.case_type.set_code("counselling")
        self.opened_on = DateField(today=self.session.clock.today)
        self.opened_on.setObjectName("opened_on_edit")
        self.opened_on.set_value(session.clock.today())
        self.case_form = FormGrid()
        self.case_form.add("case_type", self.case_type)
        self.case_form.add("opened_on", self.opened_on)
        box = QGroupBox(self.tr("First case"))
        box.setLayout(self.case_form)
        self.error_label = error_label("new_client_error_label")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.setObjectName("new_client_buttons")
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(box)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

    def submit(self) -> None:
        """Create the client, or show what is wrong at the fields."""
        self.error_label.hide()
        self.case_form.clear_errors()
        try:
            case = Case(
                case_type=self.case_type.code() or codes.UNKNOWN,
                opened_on=self.opened_on.value() or self.session.clock.today(),
            )
            self.client_id = clients.create_client(self.session, self.form.client(), case)
        except ValidationError as exc:
            rest = self.form.show_errors(exc.errors)
            rest = self.case_form.show_errors(rest, prefix="case.")
            self.error_label.setText(
                notify.error_text(ValidationError(rest)) if rest else self.tr("Please correct the marked fields.")
            )
            self.error_label.show()
            grow_to_fit(self)
            return
        except JmdError as exc:
            self.error_label.setText(notify.error_text(exc))
            self.error_label.show()
            return
        self.accept()
