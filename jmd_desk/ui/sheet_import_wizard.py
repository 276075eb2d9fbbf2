"""The assistant for taking over clients from a spreadsheet: file → columns → values → preview.

It writes the same mapping file as ``import-sheet --mapping`` uses (DESIGN §6) and imports
through the same service, all or nothing.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget, QWizard

from jmd_desk.domain.errors import JmdError
from jmd_desk.domain.sheet_import import SheetData, SheetMapping
from jmd_desk.services import sheet_import
from jmd_desk.services.interchange import ImportSummary
from jmd_desk.services.session import UserSession
from jmd_desk.texts.messages import message
from jmd_desk.ui.i18n import language
from jmd_desk.ui.sheet_import_pages import ColumnsPage, FilePage, ValuesPage
from jmd_desk.ui.sheet_import_preview import PreviewPage


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
