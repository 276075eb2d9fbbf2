"""The Statistik page (team lead): filled by the statistics issue."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from jmd_desk.services.session import UserSession
from jmd_desk.ui.tasks import TaskRunner


class StatisticsPage(QWidget):
    """Anonymised quarterly statistics."""

    def __init__(self, session: UserSession, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statistics_page")
        self.session = session
        self.runner = runner
        label = QLabel(self.tr("Anonymised statistics"))
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addStretch(1)
