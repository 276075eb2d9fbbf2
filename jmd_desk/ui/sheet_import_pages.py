"""The spreadsheet assistant's first pages: the file, which column holds which field, what coded values mean."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWizardPage,
)

from jmd_desk.domain import codes
from jmd_desk.domain.errors import JmdError
from jmd_desk.domain.sheet_import import CLIENT_SPECS, CaseRule, cell_ref, value_key
from jmd_desk.services import sheet_files, sheet_import
from jmd_desk.texts.iso_codes import COUNTRIES, LANGUAGES
from jmd_desk.texts.labels import code_label, field_label
from jmd_desk.texts.messages import message
from jmd_desk.ui.i18n import language
from jmd_desk.ui.widgets import ERROR_STYLE, CodeCombo, DateField

if TYPE_CHECKING:
    from jmd_desk.ui.sheet_import_wizard import SheetImportWizard


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
