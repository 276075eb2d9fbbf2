"""The desktop client on the office server (issue 13): signing in from the login window, the main
window on the server session, local-only tools hidden, clear messages for refused connections."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QLineEdit, QPushButton, QTabWidget

from jmd_desk.domain.clock import FixedClock
from jmd_desk.services import clients
from jmd_desk.services.environment import AppPaths, Environment
from jmd_desk.ui import i18n
from jmd_desk.ui.help import AboutDialog
from jmd_desk.ui.login_dialog import LoginDialog
from jmd_desk.ui.main_window import MainWindow
from jmd_desk.ui.tasks import TaskRunner
from jmd_desk.ui.ui_settings import SERVER, STORE, Place, UiSettings
from tests.conftest import POLICY, TODAY
from tests.pg_cluster import PgCluster
from tests.server.conftest import write_profile
from tests.server.desktop_office import ADMIN_PW, BERTA_PW, Office, make_office
from tests.ui.conftest import child, wait_idle


@pytest.fixture(scope="module")
def office(pg_cluster: PgCluster, tmp_path_factory: pytest.TempPathFactory) -> Office:
    return make_office(pg_cluster, tmp_path_factory.mktemp("desktop"), "desktop")


@pytest.fixture
def profile_path(office: Office) -> Path:
    return office.profile


@pytest.fixture
def env(qapp: QApplication) -> Environment:
    i18n.install(qapp, "de")
    return Environment(AppPaths.from_env(), FixedClock(TODAY), POLICY, "de")


@pytest.fixture
def runner(qtbot) -> Iterator[TaskRunner]:
    r = TaskRunner()
    yield r
    r.wait()


def sign_in_through_dialog(qtbot, env, runner, place: Place, user: str, password: str) -> tuple[LoginDialog, list]:
    dialog = LoginDialog(env, runner, place, user)
    qtbot.addWidget(dialog)
    sessions: list = []
    dialog.signed_in.connect(sessions.append)
    child(dialog, "password_edit", QLineEdit).setText(password)
    child(dialog, "sign_in_button", QPushButton).click()
    wait_idle(qtbot, runner)
    return dialog, sessions


def test_counsellor_signs_in_on_the_server_and_saves_in_a_file(
    qtbot, env, runner, office: Office, profile_path: Path
) -> None:
    dialog, sessions = sign_in_through_dialog(qtbot, env, runner, Place(SERVER, profile_path), office.berta, BERTA_PW)
    assert "Büro-Server" in child(dialog, "store_path_label", QLabel).text()
    assert not child(dialog, "forgot_password_button", QPushButton).isVisibleTo(dialog)
    assert len(sessions) == 1 and sessions[0].on_server
    session = sessions[0]
    main = MainWindow(session, runner, UiSettings(env.paths))
    qtbot.addWidget(main)
    try:
        main.show_page("clients")
        assert main.clients.model.rowCount() == len(clients.list_clients(session)) >= 3
        client_id = min(r.id for r in clients.list_clients(session))
        main.open_file(client_id)
        window = main.file_windows[client_id]
        child(window, "phone_edit", QLineEdit).setText("0170 1234567")
        child(window, "save_client_button", QPushButton).click()
        window.reload()
        assert window.file is not None and window.file.client.phone == "0170 1234567"
        assert child(window, "client_form_message", QLabel).text() == "Gespeichert."
        window.close()
    finally:
        main.close()
    assert not session.store.is_open


def test_admin_on_the_server_sees_no_local_store_tools(qtbot, env, runner, office: Office, profile_path: Path) -> None:
    _, sessions = sign_in_through_dialog(qtbot, env, runner, Place(SERVER, profile_path), office.admin, ADMIN_PW)
    main = MainWindow(sessions[0], runner, UiSettings(env.paths))
    qtbot.addWidget(main)
    try:
        main.show_page("admin")
        tabs = child(main, "admin_tabs", QTabWidget)
        titles = [tabs.tabText(i) for i in range(tabs.count())]
        assert "Datensicherung" not in titles and "Benutzerkonten" in titles
        assert main.findChild(QPushButton, "rekey_button") is None
        assert main.findChild(QPushButton, "backup_now_button") is None
        about = AboutDialog(sessions[0], env.paths, main)
        assert child(about, "about_store_label", QLabel).text() == str(profile_path)
        about.close()
    finally:
        main.close()


def test_wrong_password_and_unreachable_server_are_told_in_german(
    qtbot, env, runner, office: Office, profile_path: Path, pg_cluster: PgCluster, tmp_path: Path
) -> None:
    dialog, sessions = sign_in_through_dialog(
        qtbot, env, runner, Place(SERVER, profile_path), office.berta, "falsch-123"
    )
    wrong = child(dialog, "login_error_label", QLabel).text()
    assert sessions == [] and "Passwort" in wrong
    closed_port = write_profile(tmp_path / "down", pg_cluster, "desktop")
    raw = json.loads(closed_port.read_text())
    raw["port"] = 1  # nothing listens there
    closed_port.write_text(json.dumps(raw))
    dialog, sessions = sign_in_through_dialog(qtbot, env, runner, Place(SERVER, closed_port), office.berta, BERTA_PW)
    unreachable = child(dialog, "login_error_label", QLabel).text()
    assert sessions == [] and "Server" in unreachable and unreachable != wrong
    other_name = write_profile(tmp_path / "ip", pg_cluster, "desktop", host="127.0.0.1")  # cert is for localhost
    dialog, sessions = sign_in_through_dialog(qtbot, env, runner, Place(SERVER, other_name), office.berta, BERTA_PW)
    mismatch = child(dialog, "login_error_label", QLabel).text()
    assert sessions == [] and "Zertifikat" in mismatch and mismatch not in (wrong, unreachable)


def test_the_login_offers_recent_stores_and_servers(qtbot, env, runner, profile_path: Path, tmp_path: Path) -> None:
    settings = UiSettings(env.paths)
    local = Place(STORE, tmp_path / "büro.jmd")
    settings.remember(local)
    settings.remember(Place(SERVER, profile_path))
    assert settings.recent_places[:2] == [Place(SERVER, profile_path), local]
    assert settings.last_store == str(local.path)  # a server profile is not a store
    dialog = LoginDialog(env, runner, local, recent=settings.recent_places)
    qtbot.addWidget(dialog)
    combo = child(dialog, "recent_places_combo", QComboBox)
    assert combo.count() == len(settings.recent_places)  # the prompt, and every place but the shown one
    combo.activated.emit(1)
    assert dialog.place == Place(SERVER, profile_path)
    assert str(profile_path) in child(dialog, "store_path_label", QLabel).text()


PROBE = """
import sys
from pathlib import Path
from jmd_desk.ui import application

original = application.AppController._report_ready

def report(self, stage):
    Path(sys.argv[1]).write_text(self.dialog.store_label.text() + "|" + str(self.dialog.place.kind))
    original(self, stage)

application.AppController._report_ready = report
from jmd_desk.app import main
sys.exit(main(["--server", sys.argv[2]]))
"""


def test_jmd_desk_with_server_opens_the_login_for_the_server(profile_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "probe.txt"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "JMD_DESK_QUIT_WHEN_READY": "1"}
    result = subprocess.run([sys.executable, "-c", PROBE, str(out), str(profile_path)], env=env,
                            capture_output=True, text=True, timeout=60, check=False)  # fmt: skip
    assert result.returncode == 0, result.stderr
    label, kind = out.read_text().split("|")
    assert kind == SERVER and label == f"Büro-Server: {profile_path}"
