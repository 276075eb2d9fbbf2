"""What a person is told right after signing in: an admin's resets of her password on the
office server, with how many files were opened with her account since (DESIGN §3b)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from jmd_desk.ui import notify

if TYPE_CHECKING:
    from jmd_desk.services.session import PasswordResetNotice


def password_reset_text(notices: Sequence[PasswordResetNotice]) -> str:
    """One paragraph per reset, then what to do."""
    lines = [
        QCoreApplication.translate(
            "SignInNotices",
            "The administrator {admin} set a new password for your account on {at}. "
            "Since then, {count} files were opened with your account.",
        ).format(admin=n.reset_by, at=n.at.astimezone().strftime("%d.%m.%Y %H:%M"), count=n.files_opened)
        for n in notices
    ]
    lines.append(
        QCoreApplication.translate(
            "SignInNotices",
            "If you did not ask for it, or did not open these files yourself, tell your team lead. "
            "Please set a password of your own now (File → Change password).",
        )
    )
    return "\n\n".join(lines)


def tell_password_resets(parent: QWidget, notices: Sequence[PasswordResetNotice]) -> None:
    """Show the resets (once: the server marks them as told when the session is opened)."""
    if notices:
        notify.show_info(parent, password_reset_text(notices))
