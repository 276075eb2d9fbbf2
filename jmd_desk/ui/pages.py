"""The main window's case-work pages: Übersicht (dashboard) and Klient*innen (the client list)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QComboBox, QGridLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from jmd_desk.domain import client_list, codes
from jmd_desk.domain.readmodels import ClientQuery, ClientSummary, DueItem
from jmd_desk.services import accounts, capabilities, clients, dashboard
from jmd_desk.services.session import UserSession
from jmd_desk.texts.labels import code_label
from jmd_desk.ui.appointments_panel import AppointmentsPanel
from jmd_desk.ui.i18n import language
from jmd_desk.ui.models import ID_ROLE, RowTableModel
from jmd_desk.ui.overview_models import case_count_model, client_table_model, due_item_model
from jmd_desk.ui.ui_settings import UiSettings
from jmd_desk.ui.views import button, select_id, selected_id, share_width, table

SEARCH_DELAY_MS = 150


class DashboardPage(QWidget):
    """What needs attention: counts of open cases and six lists that lead to files."""

    open_file_requested = Signal(int)

    def __init__(self, session: UserSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dashboard_page")
        self.session = session
        self.counts_label = QLabel()
        self.counts_label.setObjectName("case_counts_label")
        self.counts_label.setWordWrap(True)
        self.models: dict[str, RowTableModel[DueItem]] = {}
        grid = QGridLayout()
        sections = [
            ("overdue_follow_ups", self.tr("Overdue follow-ups"), self.tr("Due")),
            ("goals_due", self.tr("Goals due within 14 days"), self.tr("Due")),
            ("referrals_waiting", self.tr("Referrals without answer for 14 days"), self.tr("Requested")),
            ("turning_27", self.tr("Turning 27 within 90 days (hand-over to MBE)"), self.tr("27th birthday")),
            (
                "missing_processing_consent",
                self.tr("Open files without valid processing consent"),
                self.tr("Case since"),
            ),
        ]
        for i, (name, title, date_header) in enumerate(sections):
            model = due_item_model(date_header, self)
            view = table(f"{name}_table", model)
            share_width(view, stretch=(1, 3))  # client and note share the box: no side scrolling
            view.doubleClicked.connect(self._open)
            view.activated.connect(self._open)
            box = QGroupBox(title)
            box.setObjectName(f"{name}_box")
            box_layout = QVBoxLayout(box)
            box_layout.addWidget(view)
            grid.addWidget(box, i // 2, i % 2)
            self.models[name] = model
        self.count_model = case_count_model(self)
        counts_box = QGroupBox(self.tr("Open cases by type"))
        counts_box.setObjectName("case_counts_box")
        counts_layout = QVBoxLayout(counts_box)
        counts_layout.addWidget(table("case_count_table", self.count_model))
        counts_layout.addWidget(self.counts_label)
        grid.addWidget(counts_box, 2, 1)
        self.appointments = AppointmentsPanel(session)
        self.appointments.open_file_requested.connect(self.open_file_requested)
        layout = QVBoxLayout(self)
        layout.addWidget(self.appointments, 1)
        layout.addLayout(grid, 2)

    def refresh(self) -> None:
        """Load the overview again."""
        board = dashboard.dashboard(self.session)
        counts = board.open_cases_by_type
        self.count_model.set_rows([(t, counts[t]) for t in codes.CASE_TYPES if t in counts])
        self.counts_label.setText(self.tr("{total} open cases in all").format(total=sum(counts.values())))
        for name, model in self.models.items():
            model.set_rows(getattr(board, name))
        self.appointments.refresh()

    def clear(self) -> None:
        """Forget the shown data (lock)."""
        self.appointments.clear()
        for model in self.models.values():
            model.clear()
        self.count_model.clear()
        self.counts_label.clear()

    def _open(self, index: QModelIndex) -> None:
        client_id = index.data(ID_ROLE)
        if client_id is not None:
            self.open_file_requested.emit(int(client_id))


class ClientsPage(QWidget):
    """The client list with search-as-you-type and filters."""

    open_file_requested = Signal(int)
    new_client_requested = Signal()

    def __init__(self, session: UserSession, ui_settings: UiSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("clients_page")
        self.session = session
        self.ui_settings = ui_settings
        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("client_search_edit")
        self.search_edit.setPlaceholderText(self.tr("Search name or number (Ctrl+F)"))
        self.search_edit.setAccessibleName(self.tr("Search clients"))
        self.search_edit.setClearButtonEnabled(True)
        self._filter_combos()
        self.new_button = button("new_client_button", self.tr("&New client…"), self.new_client_requested.emit)
        self.new_button.setEnabled(capabilities.capabilities(session).create_clients)
        self.count_label = QLabel()
        self.count_label.setObjectName("client_count_label")
        self._all: list[ClientSummary] = []
        self._client_table()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.apply_filters)
        self.search_edit.textChanged.connect(self._timer.start)
        self.search_edit.installEventFilter(self)
        for combo in self._combos():
            combo.currentIndexChanged.connect(self.apply_filters)
        filters = QHBoxLayout()
        filters.addWidget(self.search_edit, 2)
        for combo in self._combos():
            filters.addWidget(combo)
        filters.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.count_label)

    def _filter_combos(self) -> None:
        """File status, counsellor, case type and age group, each with "all" first."""
        lang = language()
        self.status_filter = QComboBox()
        self.status_filter.setObjectName("status_filter")
        for text, value in (
            (self.tr("all files"), None),
            (self.tr("open case"), "open"),
            (self.tr("no open case"), "closed"),
        ):
            self.status_filter.addItem(text, value)
        self.counsellor_filter = QComboBox()
        self.counsellor_filter.setObjectName("counsellor_filter")
        self.counsellor_filter.addItem(self.tr("all counsellors"), None)
        for username, display in accounts.counsellor_names(self.session):
            self.counsellor_filter.addItem(display, username)
        self.case_type_filter = QComboBox()
        self.case_type_filter.setObjectName("case_type_filter")
        self.case_type_filter.addItem(self.tr("all case types"), None)
        for code in codes.CASE_TYPES:
            self.case_type_filter.addItem(code_label("case_type", code, lang), code)
        self.age_filter = QComboBox()
        self.age_filter.setObjectName("age_group_filter")
        self.age_filter.addItem(self.tr("all ages"), None)
        for group in codes.AGE_GROUPS:
            self.age_filter.addItem(code_label("age_group", group, lang), group)

    def _combos(self) -> tuple[QComboBox, ...]:
        return (self.status_filter, self.counsellor_filter, self.case_type_filter, self.age_filter)

    def _client_table(self) -> None:
        """The client table, its columns as the user left them."""
        counsellor_names = dict(accounts.counsellor_names(self.session))
        self.model = client_table_model(self.session.clock.today, self, lambda: counsellor_names)
        self.view = table("client_table", self.model, 1)
        self.view.doubleClicked.connect(self._open)
        self.view.activated.connect(self._open)
        state = self.ui_settings.state("client_table_header")
        if state is not None:
            self.view.horizontalHeader().restoreState(state)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Override QObject.eventFilter: Down in the search goes to the results, Enter opens the first."""
        keys = (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if (
            watched is self.search_edit
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in keys
            and not event.modifiers()
        ):
            self._timer.stop()
            self.apply_filters()  # the results of what was just typed, without waiting
            if self.model.rowCount() == 0:
                return True
            first = self.model.index(0, 0)
            if event.key() == Qt.Key.Key_Down:
                self.view.setFocus(Qt.FocusReason.TabFocusReason)
                self.view.setCurrentIndex(first)
            else:
                self._open(first)
            return True
        return super().eventFilter(watched, event)

    def query(self) -> ClientQuery:
        """The filters as a query."""
        return ClientQuery(
            text=self.search_edit.text(),
            status=self.status_filter.currentData(),
            counsellor=self.counsellor_filter.currentData(),
            case_type=self.case_type_filter.currentData(),
            age_group=self.age_filter.currentData(),
        )

    def refresh(self) -> None:
        """Read the list again from the store and show it filtered."""
        if not self.session.store.is_unlocked:
            return
        current = selected_id(self.view)  # a colleague's change reloads the list under her cursor
        self._all = clients.client_rows(self.session)
        self.apply_filters()
        select_id(self.view, current)

    def apply_filters(self) -> None:
        """Show the rows matching search and filters (in memory: instant at office scale)."""
        if not self.session.store.is_unlocked:
            return  # a late keystroke after locking or signing out
        rows = client_list.filter_clients(self._all, self.query(), self.session.clock.today())
        self.model.set_rows(rows)
        self.count_label.setText(self.tr("{count} files").format(count=len(rows)))

    def clear(self) -> None:
        """Forget the shown data (lock)."""
        self._all = []
        self.model.clear()

    def save_layout(self) -> None:
        """Remember the column layout (widths, order, sorting)."""
        self.ui_settings.set_state("client_table_header", self.view.horizontalHeader().saveState())

    def _open(self, index: QModelIndex) -> None:
        client_id = index.data(ID_ROLE)
        if client_id is not None:
            self.open_file_requested.emit(int(client_id))
