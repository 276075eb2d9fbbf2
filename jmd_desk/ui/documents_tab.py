"""The documents of a client file: add (file dialog or drag and drop), open, save a copy, delete.

Images are shown in the program. Other documents open with the system's program through a
temporary file in a private folder; that folder is overwritten and removed when the file
window closes (and leftovers of a crash at the next start).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QDragEnterEvent, QDropEvent, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from jmd_desk.domain import codes
from jmd_desk.domain.entities import DocumentInfo, Saved
from jmd_desk.domain.errors import JmdError
from jmd_desk.services import document_files, documents
from jmd_desk.services.document_files import IMAGE_TYPES, TempDocuments
from jmd_desk.services.files import write_file
from jmd_desk.services.session import UserSession
from jmd_desk.texts.labels import code_label
from jmd_desk.ui import notify
from jmd_desk.ui.i18n import language
from jmd_desk.ui.views import button
from jmd_desk.ui.widgets import ERROR_STYLE, format_date

FILE_FILTER = "(*.pdf *.png *.jpg *.jpeg *.odt *.docx)"


def kind_label(kind: str) -> str:
    """The label of a document kind in the interface language."""
    return code_label("document_kind", kind, language())


def _size(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB" if size >= 1024 * 1024 else f"{max(1, size // 1024)} KB"


class AddDocumentDialog(QDialog):
    """Title and kind of a document before it is added."""

    def __init__(self, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("add_document_dialog")
        self.setWindowTitle(self.tr("Add document"))
        self.setMinimumWidth(440)
        self.title_edit = QLineEdit(path.stem)
        self.title_edit.setObjectName("document_title_edit")
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("document_kind_combo")
        for kind in codes.DOCUMENT_KINDS:
            if kind != codes.UNKNOWN:
                self.kind_combo.addItem(kind_label(kind), kind)
        self.kind_combo.setCurrentIndex(self.kind_combo.findData("other"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("File:"), QLabel(path.name))
        form.addRow(self.tr("&Title:"), self.title_edit)
        form.addRow(self.tr("&Kind:"), self.kind_combo)
        form.addRow(buttons)


class ImageViewer(QDialog):
    """A PNG or JPEG document shown inside the program (no temporary file)."""

    def __init__(self, title: str, content: bytes, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("image_viewer")
        self.setWindowTitle(title)
        pixmap = QPixmap()
        pixmap.loadFromData(content)
        self.image = QLabel()
        self.image.setObjectName("image_label")
        self.image.setPixmap(pixmap)
        scroll = QScrollArea()
        scroll.setWidget(self.image)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll)
        self.resize(min(pixmap.width() + 40, 1100), min(pixmap.height() + 40, 800))


class DocumentsTab(QWidget):
    """The Dokumente tab of a client file."""

    def __init__(self, session: UserSession, client_id: int, editable: bool, after_change: Callable[[], None]) -> None:
        super().__init__()
        self.setObjectName("documents_tab")
        self.session = session
        self.client_id = client_id
        self.after_change = after_change
        self.temp: TempDocuments | None = None
        self.rows: list[Saved[DocumentInfo]] = []
        self.setAcceptDrops(editable)
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("documents_table")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Title"), self.tr("Kind"), self.tr("File"), self.tr("Added"), self.tr("Size")]
        )
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.doubleClicked.connect(lambda _index: self.open_selected())
        self.message = QLabel()
        self.message.setObjectName("documents_message_label")
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setWordWrap(True)
        hint = QLabel(self.tr("Drop PDF, PNG, JPEG, ODT or DOCX files here (at most 20 MB each)."))
        row = QHBoxLayout()
        row.addWidget(hint, 1)
        for name, text, slot in (
            ("document_add_button", self.tr("&Add…"), self._choose_files),
            ("document_open_button", self.tr("&Open"), self.open_selected),
            ("document_save_button", self.tr("Save a &copy…"), self._save_copy),
            ("document_delete_button", self.tr("&Delete"), self._delete),
        ):
            widget = button(name, text, slot)
            widget.setEnabled(editable or name in ("document_open_button", "document_save_button"))
            row.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addLayout(row)

    # ------------------------------------------------------------ list
    def set_documents(self, rows: tuple[Saved[DocumentInfo], ...]) -> None:
        """Show the file's documents (newest first)."""
        self.rows = sorted(rows, key=lambda r: (r.value.added_on, r.id), reverse=True)
        self.table.setRowCount(len(self.rows))
        for i, row in enumerate(self.rows):
            info = row.value
            cells = (info.title, kind_label(info.kind), info.file_name, format_date(info.added_on), _size(info.size))
            for column, text in enumerate(cells):
                self.table.setItem(i, column, QTableWidgetItem(text))
        for column in range(1, 5):
            self.table.resizeColumnToContents(column)

    def selected(self) -> Saved[DocumentInfo] | None:
        """The selected document."""
        index = self.table.currentRow()
        return self.rows[index] if 0 <= index < len(self.rows) else None

    # ------------------------------------------------------------ adding
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and all(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        event.acceptProposedAction()
        self.add_paths(paths)

    def _choose_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Add documents"), "", self.tr("Documents") + f" {FILE_FILTER}"
        )
        self.add_paths([Path(p) for p in paths])

    def add_paths(self, paths: list[Path]) -> None:
        """Ask title and kind for each file, then add it."""
        for path in paths:
            dialog = AddDocumentDialog(path, self)
            if dialog.exec():
                self.attach(path, dialog.title_edit.text(), dialog.kind_combo.currentData())

    def attach(self, path: Path, title: str, kind: str) -> bool:
        """Add one file; a refused file is named with the reason and nothing is stored."""
        try:
            document_files.attach_file(self.session, self.client_id, path, title=title, kind=kind)
        except JmdError as exc:
            self.message.setText(notify.error_text(exc))
            return False
        self.message.clear()
        self.after_change()
        return True

    # ------------------------------------------------------------ using
    def open_selected(self) -> Path | None:
        """Show an image here, or open another document with the system's program through a
        temporary file; returns that file (None for images and problems)."""
        row = self.selected()
        if row is None:
            return None
        try:
            content = documents.document_content(self.session, row.id)
        except JmdError as exc:
            self.message.setText(notify.error_text(exc))
            return None
        if row.value.media_type in IMAGE_TYPES:
            ImageViewer(row.value.title, content, self).open()
            return None
        if self.temp is None:
            self.temp = TempDocuments.create()
        path = self.temp.write(row.id, row.value.media_type, content)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        return path

    def _save_copy(self) -> None:
        row = self.selected()
        if row is None:
            return
        target, _ = QFileDialog.getSaveFileName(self, self.tr("Save a copy"), row.value.file_name)
        if target:
            self.save_copy(row.id, Path(target))

    def save_copy(self, doc_id: int, target: Path) -> bool:
        """Write a document the user asked for to ``target``."""
        try:
            write_file(target, documents.document_content(self.session, doc_id), private=True)
        except JmdError as exc:
            self.message.setText(notify.error_text(exc))
            return False
        return True

    def _delete(self) -> None:
        row = self.selected()
        if row is not None and notify.confirm(
            self, self.tr("Delete the document “{title}” from the file?").format(title=row.value.title)
        ):
            self.delete(row.id)

    def delete(self, doc_id: int) -> None:
        """Remove a document from the file."""
        try:
            documents.delete_document(self.session, doc_id)
        except JmdError as exc:
            self.message.setText(notify.error_text(exc))
            return
        self.after_change()

    def wipe_temp(self) -> None:
        """Overwrite and remove every temporary copy (the file window closes)."""
        if self.temp is not None:
            self.temp.wipe()
            self.temp = None
