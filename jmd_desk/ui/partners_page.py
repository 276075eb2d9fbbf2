"""The network partner directory (a page of the main window)."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPushButton, QTableView, QVBoxLayout, QWidget

from jmd_desk.domain import codes
from jmd_desk.domain.entities import Partner, Saved
from jmd_desk.domain.errors import JmdError
from jmd_desk.services import partners
from jmd_desk.services.session import UserSession
from jmd_desk.ui import notify
from jmd_desk.ui.overview_models import partner_table_model
from jmd_desk.ui.record_dialog import RecordDialog
from jmd_desk.ui.views import button, selected_id, table
from jmd_desk.ui.widgets import CodeCombo


class PartnersPage(QWidget):
    """The network partner directory."""

    def __init__(self, session: UserSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("partners_page")
        self.session = session
        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("partner_search_edit")
        self.search_edit.setPlaceholderText(self.tr("Search name, contact person or type"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.textChanged.connect(self.refresh)
        self.model = partner_table_model(self)
        self.view: QTableView = table("partner_table", self.model)
        self.view.doubleClicked.connect(self._edit)
        row = QHBoxLayout()
        row.addWidget(self.search_edit, 1)
        row.addWidget(button("new_partner_button", self.tr("&New partner…"), self._new))
        row.addWidget(button("edit_partner_button", self.tr("Edit…"), self._edit))
        self.toggle_button: QPushButton = button(
            "toggle_partner_button", self.tr("Deactivate / activate"), self._toggle
        )
        row.addWidget(self.toggle_button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.view, 1)

    def refresh(self) -> None:
        """Search again."""
        self.model.set_rows(partners.list_partners(self.session, self.search_edit.text()))

    def clear(self) -> None:
        """Forget the shown data (lock)."""
        self.model.clear()

    def _selected(self) -> Saved[Partner] | None:
        partner_id = selected_id(self.view)
        return next((p for p in self.model.rows() if p.id == partner_id), None)

    def _dialog(self, partner: Saved[Partner] | None) -> None:
        p = partner.value if partner else Partner(name="", partner_type="other")
        name = QLineEdit(p.name)
        ptype = CodeCombo("partner_type", codes.PARTNER_TYPES)
        ptype.set_code(p.partner_type)
        person, phone, email, address = (QLineEdit(v or "") for v in (p.contact_person, p.phone, p.email, p.address))

        def build() -> Partner:
            return Partner(
                name=name.text(),
                partner_type=ptype.code() or "other",
                contact_person=person.text(),
                phone=phone.text(),
                email=email.text(),
                address=address.text(),
                active=p.active,
            )

        def save(value: Partner) -> None:
            if partner is None:
                partners.create_partner(self.session, value)
            else:
                partners.update_partner(self.session, partner.id, value, seen_version=partner.version)

        fields = [
            ("name", name),
            ("partner_type", ptype),
            ("contact_person", person),
            ("phone", phone),
            ("email", email),
            ("address", address),
        ]
        title = self.tr("Network partner") if partner else self.tr("New network partner")
        if RecordDialog("partner_dialog", title, fields, build, save, self).exec():
            self.refresh()

    def _new(self) -> None:
        self._dialog(None)

    def _edit(self) -> None:
        partner = self._selected()
        if partner is not None:
            self._dialog(partner)

    def _toggle(self) -> None:
        partner = self._selected()
        if partner is None:
            return
        try:
            partners.set_partner_active(
                self.session, partner.id, not partner.value.active, seen_version=partner.version
            )
        except JmdError as exc:
            notify.show_error(self, exc)
        self.refresh()
