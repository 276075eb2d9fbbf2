"""Acceptance 5 in the desktop client: a colleague's save in another process shows in the open
client list and the open file within 2 seconds (LISTEN/NOTIFY, delivered to the Qt thread)."""

from __future__ import annotations

import subprocess
import sys
import time

import pytest
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton

from jmd_desk.domain.clock import FixedClock
from jmd_desk.services import clients, server_cases
from jmd_desk.services.environment import AppPaths
from jmd_desk.ui.main_window import MainWindow
from jmd_desk.ui.tasks import TaskRunner
from jmd_desk.ui.ui_settings import UiSettings
from jmd_desk.ui.views import select_id, selected_id
from tests.conftest import POLICY, TODAY
from tests.pg_cluster import PgCluster
from tests.server.desktop_office import BERTA_PW, CEM_PW, Office, make_office
from tests.server.test_desktop_on_server import env  # noqa: F401
from tests.ui.conftest import child

# Cem (Berta's deputy) renames a client in his own process and prints when it was committed.
COLLEAGUE = """
import sys, time
from dataclasses import replace
from pathlib import Path
from jmd_desk.domain.clock import SystemClock
from jmd_desk.services import clients, server_cases
from jmd_desk.services.environment import AppPaths
from jmd_desk.store.keyfile import KdfPolicy
profile, user, password, client_id, name = sys.argv[1:]
session = server_cases.sign_in_server(Path(profile), user, password, clock=SystemClock(),
                                      policy=KdfPolicy.insecure_for_tests())
try:
    file = clients.client_file(session, int(client_id), opening=False)
    clients.update_client(session, int(client_id), replace(file.client, last_name=name), seen_version=file.version)
    print(time.time())
finally:
    session.close()
"""


@pytest.fixture(scope="module")
def office(pg_cluster: PgCluster, tmp_path_factory: pytest.TempPathFactory) -> Office:
    return make_office(pg_cluster, tmp_path_factory.mktemp("live-ui"), "desktop_live")


@pytest.mark.usefixtures("env")
def test_a_colleagues_save_shows_in_the_open_list_and_file_within_two_seconds(qtbot, office: Office) -> None:
    session = server_cases.sign_in_server(
        office.profile, office.berta, BERTA_PW, clock=FixedClock(TODAY), policy=POLICY
    )
    runner = TaskRunner()
    main = MainWindow(session, runner, UiSettings(AppPaths.from_env()))
    try:
        main.show_page("clients")
        client_id = min(r.id for r in clients.list_clients(session))
        main.open_file(client_id)
        header = child(main.file_windows[client_id], "file_header_label", QLabel)
        other = max(r.id for r in clients.list_clients(session))
        select_id(main.clients.view, other)  # she is on another row of the list
        done = subprocess.run(
            [sys.executable, "-c", COLLEAGUE, str(office.profile), office.cem, CEM_PW, str(client_id), "Zweistein"],
            capture_output=True, text=True, timeout=60, check=True,
        )  # fmt: skip
        committed_at = float(done.stdout.strip())

        def shown() -> bool:
            names = [main.clients.model.rows()[r].last_name for r in range(main.clients.model.rowCount())]
            return "Zweistein" in names and "Zweistein" in header.text()

        qtbot.waitUntil(shown, timeout=2_000)
        assert time.time() - committed_at < 2.0
        assert selected_id(main.clients.view) == other  # the refresh kept her place
    finally:
        for window in list(main.file_windows.values()):
            window.close()
        main.close()
        runner.wait()
    assert main.live.feed is None  # signing out stopped listening


@pytest.mark.usefixtures("env")
def test_locking_stops_listening_and_unlocking_listens_again(qtbot, office: Office) -> None:
    clock = FixedClock(TODAY)
    session = server_cases.sign_in_server(office.profile, office.berta, BERTA_PW, clock=clock, policy=POLICY)
    runner = TaskRunner()
    main = MainWindow(session, runner, UiSettings(AppPaths.from_env()))
    try:
        assert main.live.feed is not None
        main.lock()
        assert session.locked and main.live.feed is None
        child(main, "unlock_password_edit", QLineEdit).setText(BERTA_PW)
        child(main, "unlock_button", QPushButton).click()
        qtbot.waitUntil(lambda: not session.locked and main.live.feed is not None, timeout=15_000)
        main.show_page("clients")
        assert main.clients.model.rowCount() >= 3
    finally:
        main.close()
        runner.wait()
