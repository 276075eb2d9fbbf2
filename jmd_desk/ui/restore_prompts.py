"""The questions of a backup restore: the passwords, and what the restore loses."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox, QWidget

from jmd_desk.services import backups


def ask_secret(parent: QWidget, label: str) -> str | None:
    """A password (or recovery key) typed hidden; None when cancelled or left empty."""
    title = QCoreApplication.translate("MainWindow", "Restore backup")
    secret, ok = QInputDialog.getText(parent, title, label, QLineEdit.EchoMode.Password)
    return secret if ok and secret else None


def ask_restore(preview: backups.RestorePreview) -> bool:
    """Show what the restore loses; True only when the user chose to restore."""
    users = ", ".join(preview.users_lost) or "–"
    text = QCoreApplication.translate(
        "MainWindow",
        "Backup of {created}.\n\nRestoring it loses everything since:\n"
        "• {events} audit events\n• accounts created since: {users}\n"
        "• {runs} deletion runs since (their erasures are applied again: {erasures} erased files stay erased)\n\n"
        "The current store is kept as a backup. Restore now?",
    ).format(
        created=readable_time(preview.backup_created_at),
        events=preview.events_lost,
        users=users,
        runs=preview.deletion_runs_since,
        erasures=preview.erasures_to_reapply,
    )
    title = QCoreApplication.translate("MainWindow", "Restore backup")
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, parent=None)
    box.setObjectName("restore_preview_box")
    restore = box.addButton(
        QCoreApplication.translate("MainWindow", "Restore and lose this"), QMessageBox.ButtonRole.DestructiveRole
    )
    restore.setObjectName("restore_confirm_button")
    cancel = box.addButton(QCoreApplication.translate("MainWindow", "Cancel"), QMessageBox.ButtonRole.RejectRole)
    cancel.setObjectName("restore_cancel_button")
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.exec()
    return box.clickedButton() is restore


def readable_time(iso: str) -> str:
    """``2026-11-20T09:30:00+00:00`` as ``20.11.2026 09:30`` (local time); other text as it is."""
    try:
        return datetime.fromisoformat(iso).astimezone().strftime("%d.%m.%Y %H:%M")
    except ValueError:
        return iso
