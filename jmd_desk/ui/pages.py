"""The pages of the main window: Übersicht, Klient*innen, Netzwerkpartner."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from jmd_desk.domain import client_list, codes
from jmd_desk.domain.entities import Case, Partner, Saved
from jmd_desk.domain.errors import JmdError, ValidationError
from jmd_desk.domain.readmodels import ClientQuery, ClientSummary, DueItem
from jmd_desk.services import accounts, capabilities, clients, dashboard, partners
from jmd_desk.services.session import UserSession
from jmd_desk.texts.labels import code_label
from jmd_desk.ui import notify
from jmd_desk.ui.appointments_panel import AppointmentsPanel
from jmd_desk.ui.client_form import ClientForm
from jmd_desk.ui.i18n import language
from jmd_desk.ui.login_dialog import error_label
from jmd_desk.ui.models import (
    ID_ROLE,
    RowTableModel,
    case_count_model,
    client_table_model,
    due_item_model,
    partner_table_model,
)
from jmd_desk.ui.record_dialog import RecordDialog
from jmd_desk.ui.ui_settings import UiSettings
from jmd_desk.ui.views import button, grow_to_fit, select_id, selected_id, share_width, table
from jmd_desk.ui.widgets import CodeCombo, DateField, FormGrid

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
        lang = language()
        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("client_search_edit")
        self.search_edit.setPlaceholderText(self.tr("Search name or number (Ctrl+F)"))
        self.search_edit.setAccessibleName(self.tr("Search clients"))
        self.search_edit.setClearButtonEnabled(True)
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
        for username, display in accounts.counsellor_names(session):
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
        self.new_button = button("new_client_button", self.tr("&New client…"), self.new_client_requested.emit)
        self.new_button.setEnabled(capabilities.capabilities(session).create_clients)
        self.count_label = QLabel()
        self.count_label.setObjectName("client_count_label")

        self._all: list[ClientSummary] = []
        counsellor_names = dict(accounts.counsellor_names(session))
        self.model = client_table_model(session.clock.today, self, lambda: counsellor_names)
        self.view = table("client_table", self.model, 1)
        self.view.doubleClicked.connect(self._open)
        self.view.activated.connect(self._open)
        state = ui_settings.state("client_table_header")
        if state is not None:
            self.view.horizontalHeader().restoreState(state)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.apply_filters)
        self.search_edit.textChanged.connect(self._timer.start)
        self.search_edit.installEventFilter(self)
        for combo in (self.status_filter, self.counsellor_filter, self.case_type_filter, self.age_filter):
            combo.currentIndexChanged.connect(self.apply_filters)

        filters = QHBoxLayout()
        filters.addWidget(self.search_edit, 2)
        for combo in (self.status_filter, self.counsellor_filter, self.case_type_filter, self.age_filter):
            filters.addWidget(combo)
        filters.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.count_label)

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
