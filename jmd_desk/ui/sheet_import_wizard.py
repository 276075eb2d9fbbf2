"""The assistant for taking over clients from a spreadsheet: file → columns → values → preview.

It writes the same mapping file as ``import-sheet --mapping`` uses (DESIGN §6) and imports
through the same service, all or nothing.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from jmd_desk.domain import codes
from jmd_desk.domain.errors import JmdError
from jmd_desk.domain.sheet_import import CLIENT_SPECS, CaseRule, SheetData, SheetMapping, cell_ref, value_key
from jmd_desk.services import accounts, sheet_files, sheet_import
from jmd_desk.services.interchange import ImportSummary
from jmd_desk.services.session import UserSession
from jmd_desk.texts.iso_codes import COUNTRIES, LANGUAGES
from jmd_desk.texts.labels import code_label, field_label
from jmd_desk.texts.messages import field_message, message
from jmd_desk.ui.i18n import language
from jmd_desk.ui.widgets import ERROR_STYLE, CodeCombo, DateField

PREVIEW_ROWS = 30
PROBLEM_COLOUR = QColor("#f8d7da")


def _code_choices(name: str) -> list[tuple[str, str]]:
    """(code, label) of every value a coded client field can take, for the value combos."""
    spec = CLIENT_SPECS[name]
    lang = language()
    if name in ("country_of_birth", "nationalities"):
        values = sorted(COUNTRIES, key=lambda c: code_label(name, c, lang))
    elif name == "languages":
        values = sorted(LANGUAGES, key=lambda c: code_label(name, c, lang))
    else:
        values = [c for c in spec.codes if c != codes.UNKNOWN]
    return [(c, code_label(name, c, lang)) for c in values] + [(codes.UNKNOWN, code_label(name, codes.UNKNOWN, lang))]


def _shown(value: object) -> str:
    """A cell as the spreadsheet shows it (dates German, whole numbers without ``.0``)."""
    if value is None:
        return ""
    if isinstance(value, (date, datetime)):
        return value.strftime("%d.%m.%Y")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


class FilePage(QWizardPage):
    """Choose the .xlsx or .csv file, its sheet and (optionally) a saved mapping."""

    def __init__(self, wizard: SheetImportWizard) -> None:
        super().__init__()
        self.owner = wizard
        self.setObjectName("sheet_file_page")
        self.setTitle(self.tr("Choose the spreadsheet"))
        self.setSubTitle(
            self.tr("One client per row, headings in the first row (.xlsx, or .csv as saved by German Excel).")
        )
        self.path_edit = QLineEdit()
        self.path_edit.setObjectName("sheet_path_edit")
        self.path_edit.setReadOnly(True)
        browse = QPushButton(self.tr("&Choose file…"))
        browse.setObjectName("sheet_browse_button")
        browse.clicked.connect(self._browse)
        self.sheet_combo = QComboBox()
        self.sheet_combo.setObjectName("sheet_combo")
        self.sheet_combo.currentTextChanged.connect(self._sheet_chosen)
        load = QPushButton(self.tr("&Load a saved mapping…"))
        load.setObjectName("load_mapping_button")
        load.clicked.connect(self._browse_mapping)
        self.status = QLabel()
        self.status.setObjectName("sheet_status_label")
        self.status.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        form = QFormLayout(self)
        form.addRow(self.tr("File:"), row)
        form.addRow(self.tr("Sheet:"), self.sheet_combo)
        form.addRow("", load)
        form.addRow(self.status)

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Spreadsheet"), "", self.tr("Spreadsheets (*.xlsx *.csv)"))
        if path:
            self.load_file(Path(path))

    def _browse_mapping(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Saved mapping"), "", "JSON (*.json)")
        if path:
            self.load_mapping(Path(path))

    def load_file(self, path: Path) -> None:
        """Read ``path``; its sheets fill the sheet list."""
        self.owner.sheet = None
        self.path_edit.setText(str(path))
        try:
            names = sheet_files.sheet_names(path)
        except JmdError as exc:
            self._fail(exc)
            return
        self.sheet_combo.blockSignals(True)
        self.sheet_combo.clear()
        self.sheet_combo.addItems([n for n in names if n])
        self.sheet_combo.setEnabled(names != [""])
        self.sheet_combo.blockSignals(False)
        wanted = self.owner.loaded_mapping.sheet if self.owner.loaded_mapping else None
        if wanted in names:
            self.sheet_combo.setCurrentText(wanted)
        self._sheet_chosen(self.sheet_combo.currentText())

    def _sheet_chosen(self, name: str) -> None:
        path = Path(self.path_edit.text())
        try:
            self.owner.sheet = sheet_files.read_sheet(path, name or None)
        except JmdError as exc:
            self._fail(exc)
            return
        self.owner.sheet_name = name or None
        rows = len(self.owner.sheet.rows)
        self.status.setStyleSheet("")
        self.status.setText(self.tr("{rows} rows below the headings.").format(rows=rows))
        self.completeChanged.emit()

    def load_mapping(self, path: Path) -> None:
        """Use a saved mapping file for the following pages."""
        try:
            self.owner.loaded_mapping = sheet_import.load_mapping(path, self.owner.session.clock.today())
        except JmdError as exc:
            self._fail(exc)
            return
        self.status.setStyleSheet("")
        self.status.setText(self.tr("Mapping loaded: {name}").format(name=path.name))
        if self.path_edit.text():
            self.load_file(Path(self.path_edit.text()))

    def _fail(self, exc: JmdError) -> None:
        self.owner.sheet = None
        self.status.setStyleSheet(ERROR_STYLE)
        self.status.setText(message(exc, language()))
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.owner.sheet is not None


class ColumnsPage(QWizardPage):
    """Which column holds which field, and how the case of every client is opened."""

    def __init__(self, wizard: SheetImportWizard) -> None:
        super().__init__()
        self.owner = wizard
        self.setObjectName("sheet_columns_page")
        self.setTitle(self.tr("Assign the columns"))
        self.setSubTitle(self.tr("Columns without a field are not taken over."))
        self.table = QTableWidget(0, 2)
        self.table.setObjectName("columns_table")
        self.table.setHorizontalHeaderLabels([self.tr("Column"), self.tr("Field")])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.open_case = QCheckBox(self.tr("Open a case for every client"))
        self.open_case.setObjectName("open_case_check")
        self.open_case.setChecked(True)
        self.case_type = CodeCombo("case_type", [c for c in codes.CASE_TYPES if c != codes.UNKNOWN])
        self.case_type.setObjectName("case_type_combo")
        self.fixed_date = QRadioButton(self.tr("Opened on"))
        self.fixed_date.setObjectName("opened_fixed_radio")
        self.fixed_date.setChecked(True)
        self.opened_on = DateField()
        self.opened_on.setObjectName("opened_on_date")
        self.from_column = QRadioButton(self.tr("Opening date from column"))
        self.from_column.setObjectName("opened_column_radio")
        self.opened_column = QComboBox()
        self.opened_column.setObjectName("opened_column_combo")
        self.combos: list[QComboBox] = []
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        form = QFormLayout()
        form.addRow(self.open_case)
        form.addRow(self.tr("Case type:"), self.case_type)
        form.addRow(self.fixed_date, self.opened_on)
        form.addRow(self.from_column, self.opened_column)
        layout.addLayout(form)

    def initializePage(self) -> None:
        sheet = self.owner.sheet
        assert sheet is not None
        loaded = self.owner.loaded_mapping
        columns = dict(loaded.columns) if loaded else sheet_import.guess_columns(sheet.headers, language())
        self.table.setRowCount(len(sheet.headers))
        self.combos = []
        for i, header in enumerate(sheet.headers):
            item = QTableWidgetItem(f"{cell_ref(i, 1)[:-1]}: {header}")
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.table.setItem(i, 0, item)
            combo = QComboBox()
            combo.setObjectName(f"column_field_{i}")
            combo.addItem(self.tr("– not taken over –"), None)
            for spec in CLIENT_SPECS.values():
                combo.addItem(field_label(spec.name, language()), spec.name)
            combo.setCurrentIndex(max(0, combo.findData(columns.get(header))))
            self.table.setCellWidget(i, 1, combo)
            self.combos.append(combo)
        self.opened_column.clear()
        self.opened_column.addItems([h for h in sheet.headers if h])
        self._case_from(loaded.case if loaded else None)

    def _case_from(self, case: CaseRule | None) -> None:
        if self.owner.loaded_mapping is None:
            self.opened_on.set_value(self.owner.session.clock.today())
            return
        self.open_case.setChecked(case is not None)
        if case is None:
            return
        self.case_type.set_code(case.case_type)
        if case.opened_on_column:
            self.from_column.setChecked(True)
            self.opened_column.setCurrentText(case.opened_on_column)
        elif case.opened_on:
            self.opened_on.set_value(case.opened_on)

    def columns(self) -> dict[str, str]:
        """Heading → field as chosen."""
        assert self.owner.sheet is not None
        return {
            header: combo.currentData()
            for header, combo in zip(self.owner.sheet.headers, self.combos, strict=True)
            if header and combo.currentData()
        }

    def case_rule(self) -> CaseRule | None:
        """How cases are opened (None: no case)."""
        if not self.open_case.isChecked():
            return None
        case_type = self.case_type.code() or "counselling"
        if self.from_column.isChecked():
            return CaseRule(case_type, opened_on_column=self.opened_column.currentText())
        return CaseRule(case_type, opened_on=self.opened_on.value())


class ValuesPage(QWizardPage):
    """What the texts of coded columns mean ("w" → weiblich); found ones are preset."""

    def __init__(self, wizard: SheetImportWizard) -> None:
        super().__init__()
        self.owner = wizard
        self.setObjectName("sheet_values_page")
        self.setTitle(self.tr("Assign the values"))
        self.setSubTitle(self.tr("Texts the program recognises are preset; please check them and fill the rest."))
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("values_table")
        self.table.setHorizontalHeaderLabels([self.tr("Field"), self.tr("Text in the spreadsheet"), self.tr("Means")])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.choices: list[tuple[str, str, QComboBox]] = []
        QVBoxLayout(self).addWidget(self.table)

    def initializePage(self) -> None:
        sheet = self.owner.sheet
        assert sheet is not None
        loaded = self.owner.loaded_mapping.values if self.owner.loaded_mapping else {}
        found = sheet_import.value_choices(sheet, self.owner.columns_page.columns())
        self.table.setRowCount(len(found))
        self.choices = []
        for i, choice in enumerate(found):
            for column, text in enumerate((field_label(choice.field, language()), choice.text)):
                item = QTableWidgetItem(text)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled)
                self.table.setItem(i, column, item)
            combo = QComboBox()
            combo.setObjectName(f"value_combo_{i}")
            combo.addItem("", None)
            for code, label in _code_choices(choice.field):
                combo.addItem(label, code)
            preset = loaded.get(choice.field, {}).get(value_key(choice.text), choice.automatic)
            combo.setCurrentIndex(max(0, combo.findData(preset)))
            self.table.setCellWidget(i, 2, combo)
            self.choices.append((choice.field, choice.text, combo))

    def values(self) -> dict[str, dict[str, str]]:
        """field → {text: code} as chosen (texts left empty are not mapped)."""
        result: dict[str, dict[str, str]] = {}
        for name, text, combo in self.choices:
            code = combo.currentData()
            if code is not None:
                result.setdefault(name, {})[value_key(text)] = code
        return result


class PreviewPage(QWizardPage):
    """The first rows as they will be imported, every problem at its cell; import or save."""

    def __init__(self, wizard: SheetImportWizard) -> None:
        super().__init__()
        self.owner = wizard
        self.setObjectName("sheet_preview_page")
        self.setTitle(self.tr("Check and import"))
        self.check: sheet_import.SheetCheck | None = None
        self.summary = QLabel()
        self.summary.setObjectName("preview_summary_label")
        self.summary.setWordWrap(True)
        self.table = QTableWidget()
        self.table.setObjectName("preview_table")
        self.problems = QListWidget()
        self.problems.setObjectName("problems_list")
        self.counsellor = QComboBox()
        self.counsellor.setObjectName("counsellor_combo")
        reread = QPushButton(self.tr("&Read the file again"))
        reread.setObjectName("reread_button")
        reread.setToolTip(self.tr("After correcting the spreadsheet in Excel: check it again."))
        reread.clicked.connect(self.reread)
        save = QPushButton(self.tr("&Save mapping…"))
        save.setObjectName("save_mapping_button")
        save.clicked.connect(self._save_mapping)
        self.error = QLabel()
        self.error.setObjectName("import_error_label")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 2)
        layout.addWidget(QLabel(self.tr("Problems (nothing is imported while one remains):")))
        layout.addWidget(self.problems, 1)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Counsellor of the imported clients:")))
        row.addWidget(self.counsellor, 1)
        row.addWidget(reread)
        row.addWidget(save)
        layout.addLayout(row)
        layout.addWidget(self.error)

    def initializePage(self) -> None:
        session = self.owner.session
        self.counsellor.clear()
        if sheet_import.may_import_for_others(session):
            for username, display in accounts.counsellor_names(session):
                self.counsellor.addItem(f"{display} ({username})", username)
        else:
            self.counsellor.addItem(session.user.display_name, session.username)
        self.counsellor.setCurrentIndex(max(0, self.counsellor.findData(session.username)))
        self.error.clear()
        self.refresh()

    def reread(self) -> None:
        """Read the (corrected) file again and check it."""
        self.error.clear()
        try:
            self.owner.sheet = sheet_files.read_sheet(
                Path(self.owner.file_page.path_edit.text()), self.owner.sheet_name
            )
        except JmdError as exc:
            self.error.setText(message(exc, language()))
            return
        self.refresh()

    def refresh(self) -> None:
        """Check the whole sheet with the current mapping and show the result."""
        sheet = self.owner.sheet
        assert sheet is not None
        mapping = self.owner.mapping()
        self.check = sheet_import.check_for(self.owner.session, sheet, mapping)
        lang = language()
        self.problems.clear()
        for problem in self.check.problems:
            self.problems.addItem(f"{problem.path}: {field_message(problem, lang)}")
        count = len(self.check.problems)
        text = self.tr("{clients} clients found; {problems} problems.").format(
            clients=self.check.clients, problems=count
        )
        self.summary.setText(
            text if count else self.tr("{clients} clients ready to import.").format(clients=self.check.clients)
        )
        self._fill_table(sheet, mapping)
        self.completeChanged.emit()

    def _fill_table(self, sheet: SheetData, mapping: SheetMapping) -> None:
        columns = [i for i, h in enumerate(sheet.headers) if h in mapping.columns]
        by_cell: dict[str, list[str]] = {}
        for problem in self.check.problems if self.check else ():
            by_cell.setdefault(problem.path, []).append(field_message(problem, language()))
        self.table.clear()
        self.table.setColumnCount(len(columns))
        self.table.setHorizontalHeaderLabels([f"{cell_ref(i, 1)[:-1]}: {sheet.headers[i]}" for i in columns])
        rows = sheet.rows[:PREVIEW_ROWS]
        self.table.setRowCount(len(rows))
        self.table.setVerticalHeaderLabels([str(number) for number, _ in rows])
        for r, (number, cells) in enumerate(rows):
            for c, column in enumerate(columns):
                value = cells[column] if column < len(cells) else None
                item = QTableWidgetItem(_shown(value))
                item.setFlags(Qt.ItemFlag.ItemIsEnabled)
                problems = by_cell.get(cell_ref(column, number))
                if problems:
                    item.setBackground(QBrush(PROBLEM_COLOUR))
                    item.setToolTip("\n".join(problems))
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()

    def _save_mapping(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save mapping"), "zuordnung.json", "JSON (*.json)")
        if path:
            self.owner.save_mapping(Path(path))

    def isComplete(self) -> bool:
        return self.check is not None and not self.check.problems and self.check.clients > 0


class SheetImportWizard(QWizard):
    """Clients from a spreadsheet, step by step; ``summary`` is set after a successful import."""

    def __init__(self, session: UserSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sheet_import_wizard")
        self.setWindowTitle(self.tr("Take over clients from a spreadsheet"))
        self.session = session
        self.sheet: SheetData | None = None
        self.sheet_name: str | None = None
        self.loaded_mapping: SheetMapping | None = None
        self.summary: ImportSummary | None = None
        self.file_page = FilePage(self)
        self.columns_page = ColumnsPage(self)
        self.values_page = ValuesPage(self)
        self.preview_page = PreviewPage(self)
        for page in (self.file_page, self.columns_page, self.values_page, self.preview_page):
            self.addPage(page)
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Import"))
        self.resize(900, 640)

    def mapping(self) -> SheetMapping:
        """The mapping as chosen on the pages."""
        return SheetMapping(
            self.sheet_name,
            self.columns_page.columns(),
            self.values_page.values(),
            self.columns_page.case_rule(),
        )

    def save_mapping(self, path: Path) -> None:
        """Write the mapping file (the same format ``import-sheet --mapping`` reads)."""
        try:
            sheet_import.save_mapping(path, self.mapping())
        except JmdError as exc:
            self.preview_page.error.setText(message(exc, language()))

    def accept(self) -> None:
        """Import, all or nothing; on a problem the assistant stays open and says why."""
        path = Path(self.file_page.path_edit.text())
        counsellor = self.preview_page.counsellor.currentData()
        try:
            self.summary = sheet_import.import_sheet(self.session, path, self.mapping(), counsellor)
        except JmdError as exc:
            self.preview_page.error.setText(message(exc, language()))
            return
        super().accept()
