"""The Statistik page (team lead): period, preview with withheld cells marked, export as
JSON/CSV/PDF, printing with preview, and the office merge of statistics bundles."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QRadioButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from jmd_desk.domain.errors import JmdError
from jmd_desk.domain.statistics import Period
from jmd_desk.services import publication, statistics, statistics_view
from jmd_desk.services import settings as office
from jmd_desk.services.files import read_file, write_file
from jmd_desk.services.session import UserSession
from jmd_desk.services.statistics_view import ReportView
from jmd_desk.ui import notify
from jmd_desk.ui.i18n import language
from jmd_desk.ui.register_dialog import RegisterDialog
from jmd_desk.ui.stat_table_model import StatTableModel
from jmd_desk.ui.tasks import TaskRunner
from jmd_desk.ui.views import button
from jmd_desk.ui.widgets import DateField


class StatisticsPage(QWidget):
    """Anonymised statistics for the municipal integration network."""

    def __init__(self, session: UserSession, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statistics_page")
        self.session = session
        self.runner = runner
        self.shown: ReportView | None = None
        # two short rows rather than one long one: the page must fit beside the navigation at 1366 px
        period_row = self._period_row(session.clock.today())
        method_row = self._method_row(office.office_settings(session).statistics_k)
        splitter = self._result_views()
        actions, merge_actions = self._action_rows()
        layout = QVBoxLayout(self)
        layout.addLayout(period_row)
        layout.addLayout(method_row)
        layout.addWidget(self.summary)
        layout.addWidget(splitter, 1)
        layout.addLayout(actions)
        layout.addLayout(merge_actions)

    def _period_row(self, today: date) -> QHBoxLayout:
        """A quarter (the last twelve) or a date range (this year so far by default)."""
        self.quarter_radio = QRadioButton(self.tr("&Quarter"))
        self.quarter_radio.setObjectName("quarter_radio")
        self.range_radio = QRadioButton(self.tr("&Date range"))
        self.range_radio.setObjectName("range_radio")
        group = QButtonGroup(self)
        group.addButton(self.quarter_radio)
        group.addButton(self.range_radio)
        self.quarter_radio.setChecked(True)
        self.quarter_combo = QComboBox()
        self.quarter_combo.setObjectName("quarter_combo")
        year, quarter = today.year, (today.month - 1) // 3 + 1
        for _ in range(12):
            quarter -= 1
            if quarter == 0:
                year, quarter = year - 1, 4
            self.quarter_combo.addItem(self.tr("Q{q} {year}").format(q=quarter, year=year), f"{year}-Q{quarter}")
        self.from_edit = DateField()
        self.from_edit.setObjectName("from_date_edit")
        self.from_edit.set_value(date(today.year, 1, 1))
        self.to_edit = DateField()
        self.to_edit.setObjectName("to_date_edit")
        self.to_edit.set_value(today)
        row = QHBoxLayout()
        widget: QWidget
        for widget in (self.quarter_radio, self.quarter_combo, self.range_radio, self.from_edit, QLabel("–")):
            row.addWidget(widget)
        row.addWidget(self.to_edit)
        row.addStretch(1)
        return row

    def _method_row(self, k: int) -> QHBoxLayout:
        """Disclosure method, minimum cell size and the Compute button."""
        self.k_spin = QSpinBox()
        self.k_spin.setObjectName("k_spin")
        self.k_spin.setRange(3, 10)
        self.k_spin.setValue(k)
        self.method_combo = QComboBox()
        self.method_combo.setObjectName("method_combo")
        self.method_combo.addItem(self.tr("Cell key (for release)"), "cell_key")
        self.method_combo.addItem(self.tr("Suppression (quarters, half-years, years)"), "suppression")
        self.method_combo.addItem(self.tr("Internal (exact, not for release)"), "internal")
        self.method_combo.currentIndexChanged.connect(self._method_changed)
        self._method_changed()
        self.compute_button = button("compute_statistics_button", self.tr("&Compute"), self.compute)
        row = QHBoxLayout()
        widget: QWidget
        for widget in (
            QLabel(self.tr("Method:")),
            self.method_combo,
            QLabel(self.tr("Minimum cell size k:")),
            self.k_spin,
            self.compute_button,
        ):
            row.addWidget(widget)
        row.addStretch(1)
        return row

    def _result_views(self) -> QSplitter:
        """The summary line, the list of tables and the table chosen."""
        self.summary = QLabel()
        self.summary.setObjectName("statistics_summary_label")
        self.summary.setWordWrap(True)
        self.table_list = QListWidget()
        self.table_list.setObjectName("statistics_table_list")
        self.table_list.currentRowChanged.connect(self._show_table)
        self.model = StatTableModel(self)
        self.view = QTableView()
        self.view.setObjectName("statistics_table_view")
        self.view.setModel(self.model)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.horizontalHeader().setStretchLastSection(True)
        splitter = QSplitter()
        splitter.addWidget(self.table_list)
        splitter.addWidget(self.view)
        splitter.setSizes([300, 800])
        return splitter

    def _action_rows(self) -> tuple[QHBoxLayout, QHBoxLayout]:
        """Export and print (enabled once a report is shown); bundles and the publication register."""
        self.export_buttons = [
            button("export_json_button", self.tr("Save as JSON…"), lambda: self._export("json")),
            button("export_csv_button", self.tr("Save as CSV (Excel)…"), lambda: self._export("csv")),
            button("export_pdf_button", self.tr("Save as PDF…"), lambda: self._export("pdf")),
            button("print_statistics_button", self.tr("&Print…"), self._print),
        ]
        merge_row = [
            button("create_bundle_button", self.tr("Create &bundle for the office merge…"), self._create_bundle),
            button("merge_bundles_button", self.tr("&Merge bundles…"), self._merge_bundles),
            button("publication_register_button", self.tr("Publication &register…"), self.show_register),
        ]
        actions, merge_actions = QHBoxLayout(), QHBoxLayout()
        for b in self.export_buttons:
            actions.addWidget(b)
            b.setEnabled(False)
        actions.addStretch(1)
        for b in merge_row:
            merge_actions.addWidget(b)
        merge_actions.addStretch(1)
        return actions, merge_actions

    # ---------------------------------------------------------------- period
    def period(self) -> Period:
        """The chosen period (JmdError if the range is reversed)."""
        if self.quarter_radio.isChecked():
            return Period.quarter(self.quarter_combo.currentData())
        start, end = self.from_edit.value(), self.to_edit.value()
        assert start is not None and end is not None
        return Period(start, end)

    # ---------------------------------------------------------------- compute
    def compute(self) -> None:
        """Compute the report in the background and show it."""
        try:
            period = self.period()
        except JmdError as exc:
            notify.show_error(self, exc)
            return
        session, method, k, lang = self.session, self.method(), self.chosen_k(), language()
        self.compute_button.setEnabled(False)
        self.summary.setText(self.tr("Computing…"))

        def work() -> ReportView:
            return statistics_view.computed(session, period, method, k, lang)

        self.runner.run(work, self._computed, self._failed)

    def method(self) -> str:
        """The chosen statistics method."""
        return str(self.method_combo.currentData())

    def chosen_k(self) -> int | None:
        """k for suppression; the other methods take none."""
        return self.k_spin.value() if self.method() == "suppression" else None

    def _method_changed(self) -> None:
        self.k_spin.setEnabled(self.method() == "suppression")

    def _computed(self, shown: ReportView) -> None:
        self.compute_button.setEnabled(True)
        self.show_report(shown)

    def _failed(self, exc: JmdError) -> None:
        self.compute_button.setEnabled(True)
        self.summary.clear()
        notify.show_error(self, exc)

    def show_report(self, shown: ReportView) -> None:
        """Show a computed (or merged) report."""
        self.shown = shown
        self.summary.setText(
            self.tr("Period {period} · method: {method} · basis: {basis} · persons left out: {left_out}.").format(
                period=shown.period, method=shown.method, basis=shown.basis, left_out=shown.left_out
            )
            + " "
            + shown.sentence
        )
        self.table_list.clear()
        for table in shown.tables:
            item = QListWidgetItem(table.title)
            item.setData(Qt.ItemDataRole.UserRole, table.id)
            self.table_list.addItem(item)
        self.table_list.setCurrentRow(0)
        for b in self.export_buttons:
            b.setEnabled(True)

    def _show_table(self, row: int) -> None:
        if self.shown is None or row < 0:
            self.model.set_rows([])
            return
        self.model.set_rows([list(r) for r in self.shown.tables[row].rows])

    # ---------------------------------------------------------------- output
    def save(self, fmt: str, path: Path) -> None:
        """Write the shown report to ``path`` (recorded in the publication register)."""
        assert self.shown is not None
        write_file(path, statistics_view.render(self.session, self.shown, fmt))

    def _export(self, fmt: str) -> None:
        if self.shown is None:
            return
        name = f"statistik-{self.shown.period_label.replace(' – ', '_')}.{fmt}"
        start = str(notify.documents_folder() / name)
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save statistics"), start, f"{fmt.upper()} (*.{fmt})")
        if not path:
            return
        try:
            self.save(fmt, Path(path))
        except JmdError as exc:
            notify.show_error(self, exc)
            return
        notify.show_info(self, self.tr("Saved: {path}").format(path=path))

    def _print(self) -> None:
        if self.shown is None:
            return
        document = QTextDocument()
        document.setHtml(statistics_view.print_html(self.shown))
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        preview = QPrintPreviewDialog(printer, self)
        preview.setObjectName("statistics_print_preview")
        preview.paintRequested.connect(document.print_)
        if preview.exec():
            statistics_view.printed(self.session, self.shown)

    def show_register(self) -> RegisterDialog | None:
        """Open the publication register (returned for tests; the dialog is modeless)."""
        try:
            entries = publication.register(self.session)
        except JmdError as exc:
            notify.show_error(self, exc)
            return None
        dialog = RegisterDialog(entries, language(), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    # ---------------------------------------------------------------- merge
    def _passphrase(self, prompt: str) -> str | None:
        text_value, ok = QInputDialog.getText(
            self, self.tr("Statistics passphrase"), prompt, QLineEdit.EchoMode.Password
        )
        return text_value if ok and text_value else None

    def _create_bundle(self) -> None:
        try:
            period = self.period()
        except JmdError as exc:
            notify.show_error(self, exc)
            return
        passphrase = self._passphrase(self.tr("Passphrase agreed in the office for statistics bundles:"))
        if passphrase is None:
            return
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save bundle"),
            str(notify.documents_folder() / f"statistik-buendel-{period.label()}.json"),
            "JSON (*.json)",
        )
        if not path:
            return
        try:
            write_file(Path(path), statistics.create_bundle(self.session, period, passphrase))
        except JmdError as exc:
            notify.show_error(self, exc)
            return
        notify.show_info(self, self.tr("Saved: {path}").format(path=path))
        notify.show_info(self, self.tr("The bundle was saved. It holds only counts, encrypted."))

    def merge_files(self, paths: list[Path], passphrase: str) -> None:
        """Merge bundle files for the chosen period and show the protected result."""
        bundles = [read_file(p) for p in paths]
        view = statistics_view.merged(
            self.session, bundles, passphrase, self.period(), self.method(), self.chosen_k(), language()
        )
        self.show_report(view)

    def _merge_bundles(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Bundles to merge"), str(notify.documents_folder()), "JSON (*.json)"
        )
        if not paths:
            return
        passphrase = self._passphrase(self.tr("Statistics passphrase of the bundles:"))
        if passphrase is None:
            return
        try:
            self.merge_files([Path(p) for p in paths], passphrase)
        except JmdError as exc:
            notify.show_error(self, exc)

    def refresh(self) -> None:
        """Nothing to reload when the page is shown: a report is computed only on request."""

    def clear(self) -> None:
        """Forget the shown report (lock)."""
        self.shown = None
        self.model.set_rows([])
        self.table_list.clear()
        self.summary.clear()
        for b in self.export_buttons:
            b.setEnabled(False)
