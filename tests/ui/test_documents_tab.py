"""The Dokumente tab: drop files in, refused ones named, images shown here, others opened
through a temporary copy that is wiped when the file window closes."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QDropEvent
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QTableWidget

from jmd_desk.services import clients
from jmd_desk.ui.client_file_window import ClientFileWindow
from jmd_desk.ui.documents_tab import ImageViewer
from tests.services.test_document_files import new_client, noisy_jpeg, noisy_pdf
from tests.ui.conftest import child, on_next_modal

pytestmark = pytest.mark.gui


def test_drop_add_open_and_wipe(qtbot, session_for, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "tmp").mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmp"))
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True)
    session = session_for("berta")
    client_id = new_client(session)
    (tmp_path / "zeugnis.pdf").write_bytes(noisy_pdf(2000, 5))
    (tmp_path / "foto.jpg").write_bytes(noisy_jpeg(6))
    (tmp_path / "virus.pdf").write_bytes(b"MZ" + bytes(500))
    window = ClientFileWindow(session, client_id)  # deletes itself when closed
    try:
        check_tab(qtbot, window, session, client_id, tmp_path, opened)
    finally:
        window.close()


def check_tab(qtbot, window: ClientFileWindow, session, client_id: int, tmp_path: Path, opened: list[str]) -> None:
    tab = window.documents_tab

    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(tmp_path / "zeugnis.pdf"))])
    event = QDropEvent(
        QPointF(5, 5), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )

    def name_it(dialog: QDialog) -> None:
        child(dialog, "document_title_edit", QLineEdit).setText("Schulzeugnis 2026")
        dialog.accept()

    on_next_modal(qtbot, name_it)
    tab.dropEvent(event)
    assert tab.attach(tmp_path / "foto.jpg", "Foto Ausweis", "other")
    assert not tab.attach(tmp_path / "virus.pdf", "Bescheid", "notice")
    assert "virus.pdf" in child(tab, "documents_message_label", QLabel).text()
    table = child(tab, "documents_table", QTableWidget)
    titles = sorted(table.item(r, 0).text() for r in range(table.rowCount()))
    assert titles == ["Foto Ausweis", "Schulzeugnis 2026"]
    assert len(clients.client_file(session, client_id).documents) == 2

    image_row = next(r for r in range(table.rowCount()) if table.item(r, 0).text() == "Foto Ausweis")
    table.selectRow(image_row)
    assert tab.open_selected() is None  # shown in the program, no temporary file
    viewers = [w for w in window.findChildren(ImageViewer)]
    assert viewers and not viewers[0].image.pixmap().isNull()
    viewers[0].close()

    pdf_row = 1 - image_row
    table.selectRow(pdf_row)
    temp_file = tab.open_selected()
    assert temp_file is not None and temp_file.exists() and opened == [str(temp_file)]
    assert temp_file.parent.parent == tmp_path / "tmp"
    window.close()
    assert not temp_file.exists() and not temp_file.parent.exists()
