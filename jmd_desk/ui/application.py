"""Starting the desktop client: set-up wizard or login, the main window, the demo."""

from __future__ import annotations

import argparse
import gc
import logging
import os
import shutil
import signal
import sys
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, QtMsgType, qInstallMessageHandler
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from jmd_desk import __version__
from jmd_desk.assets import resource
from jmd_desk.domain.errors import JmdError
from jmd_desk.services import document_files
from jmd_desk.services.environment import Environment
from jmd_desk.ui import focus_ring, i18n, notify
from jmd_desk.ui.crash import CrashReporter
from jmd_desk.ui.login_dialog import LoginDialog
from jmd_desk.ui.tasks import TaskRunner
from jmd_desk.ui.ui_settings import SERVER, STORE, Place, UiSettings

if TYPE_CHECKING:
    # Imported when first needed, so that the login window shows before SQLAlchemy, the
    # store, reportlab and openpyxl are loaded (issue 11).
    from jmd_desk.services.session import UserSession
    from jmd_desk.ui.main_window import MainWindow
    from jmd_desk.ui.setup_wizard import SetupWizard

log = logging.getLogger("jmd_desk.ui")
# For start-up measurements (benchmarks, the demo test): where to note when a window is ready,
# and whether to quit right then.
READY_FILE_ENV = "JMD_DESK_READY_FILE"
QUIT_WHEN_READY_ENV = "JMD_DESK_QUIT_WHEN_READY"


def _qt_message(mode: QtMsgType, context: object, message: str) -> None:
    """Qt's own warnings go to our log file, not to the console."""
    level = {
        QtMsgType.QtDebugMsg: logging.DEBUG,
        QtMsgType.QtInfoMsg: logging.INFO,
        QtMsgType.QtWarningMsg: logging.WARNING,
    }.get(mode, logging.ERROR)
    logging.getLogger("jmd_desk.qt").log(level, "%s", message)


def make_application() -> QApplication:
    """The QApplication with names, style and our message handler."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv[:1])
    app.setApplicationName("JMD Desk")
    app.setOrganizationName("JMD Desk")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("jmd-desk")  # matches packaging/jmd-desk.desktop (icon on Wayland)
    app.setWindowIcon(QIcon(str(resource("icons", "jmd-desk.png"))))
    app.setStyle("Fusion")
    if not app.property("focus_ring_installed"):
        focus_ring.install(app)
        app.setProperty("focus_ring_installed", True)
    return app


class AppController(QObject):
    """Leads from start to main window and back to the login after signing out."""

    def __init__(
        self, env: Environment, ui_settings: UiSettings, store: Path | None, server: Path | None = None
    ) -> None:
        super().__init__()
        self.env = env
        self.ui_settings = ui_settings
        self.runner = TaskRunner(self)
        self.store = store or Path(ui_settings.last_store or env.paths.default_store)
        self.server = server  # an office server profile: sign in there instead of to a local store
        self.window: MainWindow | None = None
        self.dialog: LoginDialog | SetupWizard | None = None
        self.demo_folder: Path | None = None
        self.started = time.perf_counter()
        self.warm_up: threading.Thread | None = None

    def start(self) -> None:
        """Show the wizard (no store yet) or the login."""
        if self.server is not None or self.store.exists() or self.store.with_name(self.store.name + ".keys").exists():
            self.show_login()
        else:
            from jmd_desk.ui.setup_wizard import SetupWizard  # noqa: PLC0415

            wizard = SetupWizard(self.env, self.runner, self.store)
            wizard.created.connect(self._signed_in)
            self.dialog = wizard
            wizard.show()

    def start_demo(self, clients: int) -> None:
        """Create a throw-away demo store and sign in as the demo counsellor."""
        from jmd_desk.demo import office as demo  # noqa: PLC0415

        session, folder = demo.create_demo_store(clients, self.env.clock)
        self.demo_folder = folder
        self.store = session.local_store.paths.db
        hint = QApplication.translate("AppController", "Demo – password: {password}").format(
            password=demo.DEMO_PASSWORD
        )
        self._open_main(session, hint)

    def show_login(self) -> None:
        """The login dialog for the current store."""
        hint = ""
        if self.demo_folder is not None:
            from jmd_desk.demo import office as demo  # noqa: PLC0415

            hint = QApplication.translate("AppController", "Demo: user {user}, password {password}").format(
                user=demo.DEMO_USER, password=demo.DEMO_PASSWORD
            )
        place = Place(SERVER, self.server) if self.server is not None else Place(STORE, self.store)
        recent = self.ui_settings.recent_places if self.demo_folder is None else []
        dialog = LoginDialog(self.env, self.runner, place, self.ui_settings.last_user, hint, recent=recent)
        dialog.signed_in.connect(lambda session: self._signed_in(session, dialog.place))
        dialog.rejected.connect(self._login_cancelled)
        self.dialog = dialog
        dialog.show()
        QTimer.singleShot(0, lambda: self._report_ready("login"))

    def _login_cancelled(self) -> None:
        if self.window is None:
            QApplication.quit()

    def _signed_in(self, session: UserSession, place: Place | None = None) -> None:
        if place is None:  # the set-up wizard created a local store
            from jmd_desk.services.about import store_location  # noqa: PLC0415

            place = Place(STORE, Path(store_location(session)))
        if self.demo_folder is None:
            self.ui_settings.remember(place)
            self.ui_settings.last_user = session.username
            # signing out leads back to where she signed in
            self.store, self.server = (self.store, place.path) if place.on_server else (place.path, None)
        self.dialog = None
        self._open_main(session, "")

    def _open_main(self, session: UserSession, hint: str) -> None:
        from jmd_desk.ui.main_window import MainWindow  # noqa: PLC0415
        from jmd_desk.ui.sign_in_notices import tell_password_resets  # noqa: PLC0415

        try:
            window = MainWindow(session, self.runner, self.ui_settings, demo_hint=hint)
        except JmdError as exc:
            session.close()
            notify.show_error(None, exc)
            self.show_login()
            return
        window.signed_out.connect(self._signed_out)
        self.window = window
        window.show()
        if session.password_resets:
            QTimer.singleShot(0, lambda: tell_password_resets(window, session.password_resets))
        QTimer.singleShot(0, lambda: self._report_ready("main"))

    def _report_ready(self, stage: str) -> None:
        elapsed = time.perf_counter() - self.started
        if stage == "login" and self.warm_up is None:
            gc.freeze()
            # While the user types: load the store and SQLAlchemy, so signing in does not wait.
            self.warm_up = threading.Thread(target=_load_store_modules, name="warm-up")
            self.warm_up.start()
        log.info("%s window ready after %.2f s", stage, elapsed)
        ready_file = os.environ.get(READY_FILE_ENV)
        if ready_file:
            Path(ready_file).write_text(f"{stage} {elapsed:.3f}\n", encoding="utf-8")
        if os.environ.get(QUIT_WHEN_READY_ENV) == "1":
            QApplication.quit()

    def _signed_out(self) -> None:
        self.window = None
        self.show_login()

    def shutdown(self) -> None:
        """Close what is open; remove the demo store."""
        self.runner.wait()
        if self.window is not None and self.window.session.store.is_open:
            self.window.session.close()
        if self.demo_folder is not None:
            shutil.rmtree(self.demo_folder, ignore_errors=True)


def _load_store_modules() -> None:
    """Import what signing in needs; then keep the modules' objects, which live for the whole
    run, out of the cyclic collector (its full passes otherwise stall loading the client list)."""
    import jmd_desk.services.accounts  # noqa: F401, PLC0415

    gc.freeze()


def _quit_on_signals(app: QApplication) -> QTimer:
    """Ctrl+C and SIGTERM end the event loop normally, so the clean-up still runs."""
    for number in (signal.SIGINT, signal.SIGTERM):
        signal.signal(number, lambda *_: app.exit(0))  # exit(), unlike quit(), also ends a modal dialog's loop
    ticker = QTimer()
    ticker.timeout.connect(lambda: None)  # lets Python run its signal handlers
    ticker.start(250)
    return ticker


def run_gui(args: argparse.Namespace, env: Environment) -> int:
    """Run the desktop client until the last window closes."""
    qInstallMessageHandler(_qt_message)
    app = make_application()
    crash_reporter = CrashReporter(app)
    crash_reporter.install()
    ticker = _quit_on_signals(app)
    ui_settings = UiSettings(env.paths)
    i18n.install(app, ui_settings.language)
    document_files.wipe_leftovers()  # documents a crashed session had open with another program
    controller = AppController(env, ui_settings, args.store, args.server)
    try:
        if args.command == "demo":
            controller.start_demo(max(1, args.clients))
        else:
            controller.start()
        return app.exec()
    finally:
        ticker.stop()
        controller.shutdown()
