"""The spreadsheet assistant's last page: the first rows as they will be imported, every problem marked."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWizardPage,
)

from jmd_desk.domain.errors import JmdError
from jmd_desk.domain.sheet_import import SheetData, SheetMapping, cell_ref
from jmd_desk.services import accounts, sheet_files, sheet_import
from jmd_desk.texts.messages import field_message, message
from jmd_desk.ui.i18n import language
from jmd_desk.ui.widgets import ERROR_STYLE

if TYPE_CHECKING:
    from jmd_desk.ui.sheet_import_wizard import SheetImportWizard

PREVIEW_ROWS = 30
PROBLEM_COLOUR = QColor("#f8d7da")


def _shown(value: object) -> str:
    """A cell as the spreadsheet shows it (dates German, whole numbers without ``.0``)."""
    if value is None:
        return ""
    if isinstance(value, (date, datetime)):
        return value.strftime("%d.%m.%Y")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


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
