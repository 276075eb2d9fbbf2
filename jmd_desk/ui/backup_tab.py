"""The administration tab "Backup": back up now, restore a backup, the automatic backups (local store only)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QListWidget, QVBoxLayout, QWidget

from jmd_desk.domain.errors import JmdError
from jmd_desk.services import backups
from jmd_desk.services.session import UserSession
from jmd_desk.ui import notify
from jmd_desk.ui.views import button


class BackupTab(QWidget):
    """Backups of the local store; a restore is only requested here (the main window signs out first)."""

    restore_requested = Signal(object)

    def __init__(self, session: UserSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        info = QLabel(
            self.tr(
                "Backups are encrypted copies of the store together with its key file. An automatic backup is "
                "made when the program closes, at most once a day. Keep copies on a second medium as well. A "
                "backup is checked completely before it replaces anything; the replaced store is kept."
            )
        )
        info.setWordWrap(True)
        self.backup_folder_label = QLabel()
        self.backup_folder_label.setObjectName("backup_folder_label")
        self.backup_folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.auto_backups = QListWidget()
        self.auto_backups.setObjectName("auto_backups_list")
        row = QHBoxLayout()
        row.addWidget(button("backup_now_button", self.tr("Back up now…"), self._backup_now))
        row.addWidget(button("restore_button", self.tr("Restore a backup…"), self._restore))
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(info)
        layout.addLayout(row)
        layout.addWidget(self.backup_folder_label)
        layout.addWidget(self.auto_backups, 1)

    def refresh(self) -> None:
        """List the automatic backups."""
        folder = backups.backup_folder(self.session)
        self.backup_folder_label.setText(self.tr("Automatic backups in {folder}:").format(folder=folder))
        self.auto_backups.clear()
        for path in sorted(folder.glob("*" + backups.SUFFIX), reverse=True):
            self.auto_backups.addItem(path.name)

    def backup_to(self, target: Path) -> None:
        """Make a backup at ``target``."""
        try:
            backups.create_backup(self.session, target)
        except JmdError as exc:
            notify.show_error(self, exc)
            return
        notify.show_info(self, self.tr("Backup saved: {path}").format(path=target))
        self.refresh()

    def _backup_now(self) -> None:
        stamp = self.session.clock.now().strftime("%Y%m%d-%H%M")
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save backup"),
            str(notify.documents_folder() / f"jmd-sicherung-{stamp}{backups.SUFFIX}"),
            f"JMD Desk (*{backups.SUFFIX})",
        )
        if path:
            self.backup_to(Path(path))

    def _restore(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Restore backup"),
            str(backups.backup_folder(self.session)),
            f"JMD Desk (*{backups.SUFFIX})",
        )
        if path and notify.confirm(
            self,
            self.tr(
                "Restore this backup? You will be signed out; the backup is checked first and the current store "
                "is kept as a backup."
            ),
        ):
            self.restore_requested.emit(Path(path))
