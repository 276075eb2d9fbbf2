"""The group offers page (Gruppenangebote): offers, their sessions with attendance, and
appointments; Ctrl+Shift+N a new offer, Ctrl+Shift+G a session of the selected offer."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QInputDialog, QLabel, QSplitter, QVBoxLayout, QWidget

from jmd_desk.domain.entities import Appointment, GroupOfferFile, GroupSession, Saved
from jmd_desk.domain.errors import JmdError
from jmd_desk.services import appointments, clients, groups, partners
from jmd_desk.services.session import UserSession
from jmd_desk.texts.labels import code_label
from jmd_desk.ui import notify
from jmd_desk.ui.appointment_dialog import appointment_dialog
from jmd_desk.ui.date_entry import format_date
from jmd_desk.ui.group_offer_dialog import group_offer_dialog, group_session_dialog
from jmd_desk.ui.i18n import language
from jmd_desk.ui.models import Column, RowTableModel
from jmd_desk.ui.views import button, selected_id, table


def _offer_model(parent: QWidget) -> RowTableModel[GroupOfferFile]:
    lang = language()

    def period(f: GroupOfferFile) -> str:
        return f"{format_date(f.offer.starts_on)} – {format_date(f.offer.ends_on)}"

    columns: list[Column[GroupOfferFile]] = [
        Column(lambda: QCoreApplication.translate("GroupOffersPage", "Title"), lambda f: f.offer.title, width=28),
        Column(
            lambda: QCoreApplication.translate("GroupOffersPage", "Kind"),
            lambda f: code_label("group_kind", f.offer.kind, lang),
            width=20,
        ),
        Column(
            lambda: QCoreApplication.translate("GroupOffersPage", "Period"),
            period,
            lambda f: f.offer.starts_on,
            width=22,
        ),
        Column(
            lambda: QCoreApplication.translate("GroupOffersPage", "Participants"),
            lambda f: str(f.offer.participants),
            lambda f: f.offer.participants,
            True,
            10,
        ),
        Column(
            lambda: QCoreApplication.translate("GroupOffersPage", "Sessions"),
            lambda f: str(len(f.sessions)),
            lambda f: len(f.sessions),
            True,
            8,
        ),
        Column(
            lambda: QCoreApplication.translate("GroupOffersPage", "Files linked"),
            lambda f: str(len(f.client_ids)),
            lambda f: len(f.client_ids),
            True,
            8,
        ),
    ]
    return RowTableModel(columns, lambda f: f.id, parent)


def _session_model(parent: QWidget) -> RowTableModel[Saved[GroupSession]]:
    columns: list[Column[Saved[GroupSession]]] = [
        Column(
            lambda: QCoreApplication.translate("GroupOffersPage", "Date"),
            lambda s: format_date(s.value.date),
            lambda s: s.value.date,
            width=12,
        ),
        Column(
            lambda: QCoreApplication.translate("GroupOffersPage", "Minutes"),
            lambda s: str(s.value.minutes),
            lambda s: s.value.minutes,
            True,
            8,
        ),
        Column(
            lambda: QCoreApplication.translate("GroupOffersPage", "Present"),
            lambda s: str(s.value.attendance),
            lambda s: s.value.attendance,
            True,
            8,
        ),
    ]
    return RowTableModel(columns, lambda s: s.id, parent)


class GroupOffersPage(QWidget):
    """Group offers of the signed-in counsellor (and those she deputises for)."""

    def __init__(self, session: UserSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("group_offers_page")
        self.session = session
        self.offer_model = _offer_model(self)
        self.offer_table = table("group_offers_table", self.offer_model)
        self.offer_table.activated.connect(lambda _index: self.edit_offer())
        self.offer_table.selectionModel().selectionChanged.connect(lambda *_: self._show_sessions())
        self.session_model = _session_model(self)
        self.session_table = table("group_sessions_table", self.session_model)
        row = QHBoxLayout()
        for b in (
            button(
                "new_offer_button",
                QCoreApplication.translate("GroupOffersPage", "New offer… (Ctrl+Shift+N)"),
                self.new_offer,
            ),
            button("edit_offer_button", QCoreApplication.translate("GroupOffersPage", "Edit…"), self.edit_offer),
            button(
                "add_session_button",
                QCoreApplication.translate("GroupOffersPage", "Record session… (Ctrl+Shift+G)"),
                self.add_session,
            ),
            button(
                "link_client_button",
                QCoreApplication.translate("GroupOffersPage", "Link a file…"),
                self.link_client,
            ),
            button(
                "plan_offer_appointment_button",
                QCoreApplication.translate("GroupOffersPage", "Plan appointment…"),
                self.plan_appointment,
            ),
        ):
            row.addWidget(b)
        row.addStretch(1)
        for keys, slot in (("Ctrl+Shift+N", self.new_offer), ("Ctrl+Shift+G", self.add_session)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)  # only while the page is shown
            shortcut.activated.connect(slot)
        sessions = QWidget()
        sessions_layout = QVBoxLayout(sessions)
        sessions_layout.addWidget(
            QLabel(QCoreApplication.translate("GroupOffersPage", "Sessions of the selected offer:"))
        )
        sessions_layout.addWidget(self.session_table)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.offer_table)
        splitter.addWidget(sessions)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(splitter, 1)

    def refresh(self) -> None:
        """Load the offers again (the selection is kept)."""
        chosen = selected_id(self.offer_table)
        self.offer_model.set_rows(groups.list_offers(self.session))
        ids = [f.id for f in self.offer_model.rows()]
        if ids:
            self.offer_table.selectRow(ids.index(chosen) if chosen in ids else 0)
        self._show_sessions()

    def clear(self) -> None:
        """Forget the shown data (lock)."""
        self.offer_model.clear()
        self.session_model.clear()

    def selected_offer(self) -> GroupOfferFile | None:
        """The offer selected in the table."""
        offer_id = selected_id(self.offer_table)
        return next((f for f in self.offer_model.rows() if f.id == offer_id), None)

    def _show_sessions(self) -> None:
        chosen = self.selected_offer()
        self.session_model.set_rows(chosen.sessions if chosen else [])

    def _dialog(self, dialog: Any) -> None:
        if dialog.exec():
            self.refresh()

    def new_offer(self) -> None:
        """Create an offer."""
        today = self.session.clock.today()
        known = partners.list_partners(self.session, active_only=True)
        self._dialog(group_offer_dialog(self, None, known, today, lambda o: groups.create_offer(self.session, o)))

    def edit_offer(self) -> None:
        """Edit the selected offer."""
        chosen = self.selected_offer()
        if chosen is None:
            return
        known = partners.list_partners(self.session)
        today = self.session.clock.today()
        save = lambda o: groups.update_offer(self.session, chosen.id, o, seen_version=chosen.version)  # noqa: E731
        self._dialog(group_offer_dialog(self, chosen.offer, known, today, save))

    def add_session(self) -> None:
        """Record a session of the selected offer with the number present."""
        chosen = self.selected_offer()
        if chosen is None:
            notify.show_info(self, QCoreApplication.translate("GroupOffersPage", "Select an offer first."))
            return
        today = self.session.clock.today()
        day = min(max(today, chosen.offer.starts_on), chosen.offer.ends_on or today)
        start = GroupSession(date=day, minutes=90, attendance=0)
        self._dialog(group_session_dialog(self, start, lambda s: groups.add_session(self.session, chosen.id, s)))

    def plan_appointment(self) -> None:
        """Plan an appointment of the selected offer."""
        chosen = self.selected_offer()
        if chosen is None:
            return
        start = datetime.combine(self.session.clock.today() + timedelta(days=7), time(15, 0))
        save = lambda a: appointments.add_offer_appointment(self.session, chosen.id, a)  # noqa: E731
        try:
            self._dialog(appointment_dialog(self, Appointment(start, 90, "group"), save, group=True))
        except JmdError as exc:
            notify.show_error(self, exc)

    def link_client(self) -> None:
        """Link a participant who has a file, by her client number (no contact is made)."""
        chosen = self.selected_offer()
        if chosen is None:
            return
        number, ok = QInputDialog.getText(
            self,
            QCoreApplication.translate("GroupOffersPage", "Link a file"),
            QCoreApplication.translate("GroupOffersPage", "Client number of a participant with a file:"),
        )
        if not ok or not number.strip():
            return
        rows = [r for r in clients.client_rows(self.session) if r.client_number == number.strip()]
        if not rows:
            text = QCoreApplication.translate("GroupOffersPage", "No file with number {number}.")
            notify.show_info(self, text.format(number=number.strip()))
            return
        try:
            groups.link_client(self.session, chosen.id, rows[0].id)
        except JmdError as exc:
            notify.show_error(self, exc)
            return
        self.refresh()
