"""The desktop client signs in to the office server on a real display (issue 13): ``jmd-desk
--server PROFILE``, the login names the server, the main window lists her clients; the team lead
hands a file to another counsellor on the page "Büro" by keyboard only. Skipped
without PostgreSQL binaries (the pg_cluster fixture) or without a display."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.pg_cluster import PgCluster
from tests.realdisplay.harness import RealApp, shots_dir
from tests.server.conftest import pg_cluster  # noqa: F401 - the throwaway TLS cluster
from tests.server.desktop_office import ADMIN_PW, BERTA_PW, Office, make_office

MAIN_WINDOW = r"^JMD Desk –(?!.*Anmeldung)"


def _sign_in(app: RealApp, user: str, password: str, login_shot: Path | None = None) -> None:
    """Type user name and password into the server login, as a person would; wait for the main window."""
    app.wait_window("Anmeldung")
    if login_shot is not None:
        app.screenshot(login_shot)
    app.key("ctrl+a")
    app.type(user)
    app.key("Tab")
    app.type(password)
    app.key("Return")
    app.wait_window(MAIN_WINDOW, timeout=40)


def _launch(office: Office, home: Path) -> RealApp:
    return RealApp.launch_with(["--server", str(office.profile)], home)


def test_sign_in_on_the_server_and_see_the_own_clients(
    pg_cluster: PgCluster,  # noqa: F811
    tmp_path: Path,
) -> None:
    office = make_office(pg_cluster, tmp_path / "office", "desktop_real")
    app = _launch(office, tmp_path / "home")
    shots = shots_dir()
    try:
        _sign_in(app, office.berta, BERTA_PW, login_shot=shots / "server-login.png")
        app.key("ctrl+2")  # the client list
        app.screenshot(shots / "server-clients.png")
        assert app.quit() == 0
    finally:
        app.kill()
    if not shots.joinpath("server-clients.png").exists():
        pytest.fail("no screenshot")


def test_team_lead_reassigns_a_file_by_keyboard(
    pg_cluster: PgCluster,  # noqa: F811
    tmp_path: Path,
) -> None:
    office = make_office(pg_cluster, tmp_path / "office", "desktop_lead")
    app = _launch(office, tmp_path / "home")
    shots = shots_dir()
    try:
        _sign_in(app, office.admin, ADMIN_PW)
        app.key("ctrl+5")  # Büro: overview, clients, group offers, partners, office files
        app.key("Tab")  # from the navigation into the page's search field
        app.type(office.berta)
        app.key("Tab", "Down")  # into the table, first of Berta's files
        app.screenshot(shots / "server-office-files.png")
        app.key("alt+z")  # Zuständigkeit ändern…
        app.wait_window("Zuständigkeit ändern")
        app.screenshot(shots / "server-reassign.png")
        app.key("Escape")  # nothing changes
        app.wait_window(MAIN_WINDOW)
        assert app.quit() == 0
    finally:
        app.kill()
