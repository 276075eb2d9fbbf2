"""A colleague saved first (office server): who saved when, what differs, and the choice between
her version and the own input. Nothing is merged silently; the own input is never thrown away
without her choosing so."""

from __future__ import annotations

from dataclasses import fields
from datetime import date

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from jmd_desk.domain.entities import Client
from jmd_desk.domain.errors import JmdError
from jmd_desk.texts.labels import field_label
from jmd_desk.ui.i18n import language
from jmd_desk.ui.notify import error_text
from jmd_desk.ui.widgets import format_date

HIDDEN_FIELDS = {"record_key"}


def _shown(value: object) -> str:
    if value is None or value == "":
        return "–"
    if isinstance(value, date):
        return format_date(value)
    if isinstance(value, tuple):
        return ", ".join(str(v) for v in value) or "–"
    if isinstance(value, bool):
        return "✓" if value else "✗"
    return str(value)


def differences(mine: Client, theirs: Client) -> list[tuple[str, str, str]]:
    """(field label, own input, colleague's value) of every field that differs."""
    lang = language()
    rows = []
    for f in fields(Client):
        own, other = getattr(mine, f.name), getattr(theirs, f.name)
        if f.name not in HIDDEN_FIELDS and (own or None) != (other or None):
            rows.append((field_label(f.name, lang), _shown(own), _shown(other)))
    return rows


class ConflictDialog(QDialog):
    """``exec()``; then ``reload`` is True for the colleague's version, False to keep editing."""

    def __init__(self, exc: JmdError, mine: Client, theirs: Client, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conflict_dialog")
        self.setWindowTitle(self.tr("Saved by a colleague in the meantime"))
        self.reload = False
        text = QLabel(error_text(exc))
        text.setObjectName("conflict_text")
        text.setWordWrap(True)
        rows = differences(mine, theirs)
        table = QTableWidget(len(rows), 3)
        table.setObjectName("conflict_table")
        table.setHorizontalHeaderLabels([self.tr("Field"), self.tr("Your input"), self.tr("Colleague's version")])
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                table.setItem(r, c, QTableWidgetItem(value))
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        table.resizeColumnsToContents()
        table.horizontalHeader().setStretchLastSection(True)
        buttons = QDialogButtonBox()
        keep = QPushButton(self.tr("&Keep my input"))
        keep.setObjectName("conflict_keep_button")
        keep.setDefault(True)
        load = QPushButton(self.tr("&Load colleague's version (discard my input)"))
        load.setObjectName("conflict_reload_button")
        buttons.addButton(keep, QDialogButtonBox.ButtonRole.RejectRole)
        buttons.addButton(load, QDialogButtonBox.ButtonRole.AcceptRole)
        keep.clicked.connect(self.reject)
        load.clicked.connect(self._load)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(QLabel(self.tr("These fields differ:") if rows else self.tr("No field differs.")))
        layout.addWidget(table, 1)
        layout.addWidget(buttons)
        self.resize(640, 360)

    def _load(self) -> None:
        self.reload = True
        self.accept()
