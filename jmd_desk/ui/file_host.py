"""What the tabs of a client file need from their window, and the common table tab."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QTableView, QVBoxLayout, QWidget

from jmd_desk.domain.entities import CaseFile, ClientFile
from jmd_desk.domain.readmodels import PartnerChoice
from jmd_desk.services import casework
from jmd_desk.services.capabilities import FileCapabilities
from jmd_desk.services.session import UserSession
from jmd_desk.ui import notify
from jmd_desk.ui.views import selected_id


class FileHost(Protocol):
    """The client file window as its tabs see it."""

    session: UserSession
    client_id: int
    case_id: int | None
    file: ClientFile | None
    caps: FileCapabilities | None
    partners: list[PartnerChoice]

    @property
    def editable(self) -> bool:
        """True if the user may change this file."""
        ...

    def current_case(self) -> CaseFile | None:
        """The case shown in the tabs."""
        ...

    def run(self, action: Callable[[], Any]) -> bool:
        """Run a change; show expected errors; reload on success."""
        ...

    def after_change(self) -> None:
        """Reload the file and tell the window's listeners."""
        ...

    def open_dialog(self, dialog: Any) -> None:
        """Show an editing dialog; reload when it saved."""
        ...


class TableTab(QWidget):
    """A tab with a row of buttons above one table (goals, referrals, follow-ups, consents)."""

    def __init__(self, host: FileHost) -> None:
        super().__init__()
        self.host = host
        self.buttons: list[QPushButton] = []
        self.page_layout = QVBoxLayout(self)
        self._button_row = QHBoxLayout()
        self._button_row.addStretch(1)
        self.page_layout.addLayout(self._button_row)

    def set_view(self, view: QTableView) -> None:
        """The tab's table (its model must already belong to the tab)."""
        self.view = view
        self.page_layout.addWidget(view, 1)

    def set_buttons(self, buttons: list[QPushButton]) -> None:
        """The tab's actions, left to right above the table."""
        self.buttons = buttons
        for index, b in enumerate(buttons):
            self._button_row.insertWidget(index, b)
        for first, second in itertools.pairwise([*buttons, self.view]):  # Tab: buttons, then the table
            QWidget.setTabOrder(first, second)

    def set_editable(self, editable: bool) -> None:
        """Offer the buttons only to whoever may change the file."""
        for b in self.buttons:
            b.setEnabled(editable)

    def delete_selected(self, kind: str) -> None:
        """Delete the selected record of ``kind`` after asking."""
        item_id = selected_id(self.view)
        if item_id is None:
            return
        question = QCoreApplication.translate("TableTab", "Delete the selected entry? This cannot be undone.")
        if notify.confirm(self, question):
            self.host.run(lambda: casework.delete_record(self.host.session, kind, item_id))
