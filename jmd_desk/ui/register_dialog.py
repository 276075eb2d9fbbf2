"""The publication register of statistics reports (team lead): what left the office, when and how."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from jmd_desk.domain.statistics import PublishedReport
from jmd_desk.texts import pick
from jmd_desk.texts.statistics import TEXTS


class RegisterDialog(QDialog):
    """A read-only table of the register entries, newest first."""

    def __init__(self, entries: list[PublishedReport], lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("publication_register_dialog")
        self.setWindowTitle(self.tr("Publication register"))
        self.resize(900, 420)
        headers = [
            self.tr("Time"),
            self.tr("User"),
            self.tr("Period"),
            self.tr("Method"),
            self.tr("k"),
            self.tr("Output"),
            self.tr("Cells (hash)"),
        ]
        self.table = QTableWidget(len(entries), len(headers))
        self.table.setObjectName("publication_register_table")
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for row, entry in enumerate(entries):
            for col, value in enumerate(self._row(entry, lang)):
                self.table.setItem(row, col, QTableWidgetItem(value))
        note = QLabel(
            self.tr(
                "Every statistics report that was saved, printed or bundled. Reports of the same period "
                "and method with a different hash show different values."
            )
        )
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)

    @staticmethod
    def _row(entry: PublishedReport, lang: str) -> list[str]:
        start, end = entry.period.start, entry.period.end
        period = f"{start:%d.%m.%Y} – {end:%d.%m.%Y}" if lang == "de" else f"{start} – {end}"
        method = pick(TEXTS[f"method_{entry.method}"], lang)
        when = f"{entry.published_at:%d.%m.%Y %H:%M}" if lang == "de" else f"{entry.published_at:%Y-%m-%d %H:%M}"
        k = "" if entry.k is None else str(entry.k)
        return [when, entry.user, period, method, k, entry.output, entry.cells_hash[:16]]
