"""Uncaught exceptions: one dialog with a redacted report, the same report in the log, and the
program keeps running.

The report names the program and library versions, the exception type and the code locations
(package-relative paths, line numbers, function names). It never carries the exception message,
local values or absolute paths: a message may quote a client's name or a note, and a path the
name of the member of staff.
"""

from __future__ import annotations

import logging
import platform
import sys
import threading
import traceback
from datetime import UTC, datetime
from pathlib import PurePath
from types import TracebackType

from PySide6.QtCore import QObject, Qt, Signal, qVersion
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from jmd_desk import __version__
from jmd_desk.domain.errors import JmdError

log = logging.getLogger(__name__)
_ROOTS = ("jmd_desk", "site-packages", "lib")


def _where(filename: str) -> str:
    """A source path without the folders above the package (they may hold a user name)."""
    parts = PurePath(filename).parts
    for root in _ROOTS:
        if root in parts:
            start = parts.index(root) + (0 if root == "jmd_desk" else 1)
            return "/".join(parts[start:])
    return PurePath(filename).name


def redacted_report(
    exc_type: type[BaseException], exc: BaseException | None, tb: TracebackType | None, now: datetime | None = None
) -> str:
    """The crash report: versions, exception type (and our error code), code locations only."""
    when = (now or datetime.now(UTC)).strftime("%Y-%m-%d %H:%M:%S UTC")
    lines = [
        f"JMD Desk {__version__} · Python {platform.python_version()} · Qt {qVersion()} · {platform.system()}",
        f"Zeit/time: {when}",
        f"Fehler/error: {exc_type.__module__}.{exc_type.__qualname__}",
    ]
    if isinstance(exc, JmdError):
        lines.append(f"Code: {exc.code}")
    lines.append("Aufrufe/calls (innermost last):")
    for frame in traceback.extract_tb(tb):
        lines.append(f"  {_where(frame.filename)}:{frame.lineno} in {frame.name}")
    lines.append("(Die Fehlermeldung selbst ist weggelassen: sie könnte personenbezogene Daten enthalten.)")
    return "\n".join(lines)


class CrashDialog(QDialog):
    """Shows the report, lets the user copy it for the IT, and lets her carry on."""

    def __init__(self, report: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("crash_dialog")
        self.setWindowTitle(self.tr("JMD Desk – Unexpected error"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        intro = QLabel(
            self.tr(
                "An unexpected error occurred. What you saved before is safe; the last action may not "
                "have been completed. Please give this report to your IT. It contains no names and no notes."
            )
        )
        intro.setWordWrap(True)
        self.report_text = QPlainTextEdit(report)
        self.report_text.setObjectName("crash_report_text")
        self.report_text.setReadOnly(True)
        self.more_label = QLabel()
        self.more_label.setObjectName("crash_more_label")
        self.more_label.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        copy = buttons.addButton(self.tr("&Copy report"), QDialogButtonBox.ButtonRole.ActionRole)
        copy.setObjectName("copy_crash_report_button")
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(self.report_text.toPlainText()))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.report_text, 1)
        layout.addWidget(self.more_label)
        layout.addWidget(buttons)
        self.resize(620, 380)
        self.later = 0

    def add_later_error(self) -> None:
        """Another error while this dialog is open: count it instead of stacking dialogs."""
        self.later += 1
        self.more_label.setText(self.tr("{count} further errors since (details in the log).").format(count=self.later))
        self.more_label.show()


class CrashReporter(QObject):
    """Installs itself as ``sys.excepthook`` (and for threads); one dialog at a time."""

    _report_ready = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.dialog: CrashDialog | None = None
        self._previous = (sys.excepthook, threading.excepthook)
        self._report_ready.connect(self._show, Qt.ConnectionType.QueuedConnection)  # GUI thread only

    def install(self) -> None:
        """Catch what nothing else caught."""
        sys.excepthook = self.handle
        threading.excepthook = lambda args: self.handle(args.exc_type, args.exc_value, args.exc_traceback)

    def uninstall(self) -> None:
        """Restore the hooks found at construction."""
        sys.excepthook, threading.excepthook = self._previous

    def handle(self, exc_type: type[BaseException], exc: BaseException | None, tb: TracebackType | None) -> None:
        """Log the redacted report and show it (Ctrl+C still ends the program)."""
        if issubclass(exc_type, KeyboardInterrupt):
            self._previous[0](exc_type, exc if exc is not None else exc_type(), tb)
            return
        report = redacted_report(exc_type, exc, tb)
        log.error("uncaught exception\n%s", report)
        if QApplication.instance() is not None:
            self._report_ready.emit(report)

    def _show(self, report: str) -> None:
        if self.dialog is not None:
            self.dialog.add_later_error()
            return
        self.dialog = CrashDialog(report, QApplication.activeWindow())
        self.dialog.destroyed.connect(self._dialog_gone)
        self.dialog.show()

    def _dialog_gone(self) -> None:
        self.dialog = None
