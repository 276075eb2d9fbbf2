"""Auto-lock after idle time, and the screen that asks for the password again."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from jmd_desk.ui.login_dialog import error_label
from jmd_desk.ui.password_pair import password_edit

_ACTIVITY = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
}


class IdleWatcher(QObject):
    """Emits ``idle`` after ``minutes`` without keyboard or mouse input anywhere in the program."""

    idle = Signal()

    def __init__(self, minutes: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.idle)
        self.set_minutes(minutes)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def set_minutes(self, minutes: int) -> None:
        """Change the idle time and start counting again."""
        self.timer.setInterval(minutes * 60_000)
        self.timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Override QObject.eventFilter: any input restarts the countdown."""
        if event.type() in _ACTIVITY and self.timer.isActive():
            self.timer.start()
        return False

    def pause(self) -> None:
        """Stop counting (while locked)."""
        self.timer.stop()

    def resume(self) -> None:
        """Count again from zero."""
        self.timer.start()

    def stop(self) -> None:
        """Stop for good (sign-out)."""
        self.timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)


class LockScreen(QWidget):
    """Shown instead of the window content while locked."""

    unlock_requested = Signal(str)
    sign_out_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lock_screen")
        self.title = QLabel()
        self.title.setObjectName("lock_title_label")
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title.setFont(font)
        info = QLabel(self.tr("JMD Desk is locked. The data connection is closed. Enter your password to continue."))
        info.setWordWrap(True)
        self.password = password_edit("unlock_password_edit")
        self.password.setAccessibleName(self.tr("Password"))
        self.password.returnPressed.connect(self._unlock)
        self.error = error_label("unlock_error_label")
        self.unlock_button = QPushButton(self.tr("&Unlock"))
        self.unlock_button.setObjectName("unlock_button")
        self.unlock_button.clicked.connect(self._unlock)
        sign_out = QPushButton(self.tr("Sign &out"))
        sign_out.setObjectName("sign_out_button")
        sign_out.clicked.connect(self.sign_out_requested)
        buttons = QHBoxLayout()
        buttons.addWidget(sign_out)
        buttons.addStretch(1)
        buttons.addWidget(self.unlock_button)
        box = QWidget()
        box.setMaximumWidth(460)
        inner = QVBoxLayout(box)
        inner.addWidget(self.title)
        inner.addWidget(info)
        caption = QLabel(self.tr("&Password:"))
        caption.setBuddy(self.password)
        inner.addWidget(caption)
        inner.addWidget(self.password)
        inner.addWidget(self.error)
        inner.addLayout(buttons)
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        column = QVBoxLayout()
        column.addStretch(1)
        column.addWidget(box)
        column.addStretch(2)
        outer.addLayout(column)
        outer.addStretch(1)

    def prepare(self, user_text: str) -> None:
        """Reset the screen for a new lock."""
        self.title.setText(self.tr("Locked – {user}").format(user=user_text))
        self.password.clear()
        self.error.hide()
        self.password.setFocus()

    def show_error(self, text: str) -> None:
        """The password was wrong."""
        self.error.setText(text)
        self.error.show()
        self.password.selectAll()

    def _unlock(self) -> None:
        self.unlock_requested.emit(self.password.text())
