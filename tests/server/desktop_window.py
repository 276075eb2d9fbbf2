"""The desktop client's main window on the test office's server, for the GUI tests of tests/server."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtWidgets import QApplication

from jmd_desk.domain.clock import FixedClock
from jmd_desk.services import server_cases
from jmd_desk.services.environment import AppPaths
from jmd_desk.services.session import UserSession
from jmd_desk.ui import i18n
from jmd_desk.ui.main_window import MainWindow
from jmd_desk.ui.tasks import TaskRunner
from jmd_desk.ui.ui_settings import UiSettings
from tests.conftest import POLICY, TODAY
from tests.server.desktop_office import Office


def sign_in(office: Office, user: str, password: str) -> UserSession:
    """A session on the office's server."""
    return server_cases.sign_in_server(office.profile, user, password, clock=FixedClock(TODAY), policy=POLICY)


@contextmanager
def main_window(qtbot, qapp: QApplication, session: UserSession, page: str) -> Iterator[MainWindow]:
    """The German main window of ``session`` showing ``page``; closed afterwards."""
    i18n.install(qapp, "de")
    runner = TaskRunner()
    window = MainWindow(session, runner, UiSettings(AppPaths.from_env()))
    qtbot.addWidget(window)
    window.show_page(page)
    try:
        yield window
    finally:
        window.close()
        runner.wait()
