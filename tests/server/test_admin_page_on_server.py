"""Verwaltung on the office server (issue 13): the admin creates an account, deactivates it and
resets a colleague's password through the page's own dialogs; the logins change on the server,
and the colleague is told about the reset at her next sign-in."""

from __future__ import annotations

from collections.abc import Iterator

import psycopg
import pytest
from PySide6.QtWidgets import QApplication, QCheckBox, QLineEdit, QPushButton, QTableView

from jmd_desk.ui.main_window import MainWindow
from jmd_desk.ui.sign_in_notices import tell_password_resets
from tests.pg_cluster import PgCluster
from tests.server.desktop_office import ADMIN_PW, BERTA_PW, Office, make_office
from tests.server.desktop_window import main_window, sign_in
from tests.ui.conftest import MessageRecorder, child, on_next_modal, record_messages

DB = "admpage"


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> MessageRecorder:
    return record_messages(monkeypatch)


@pytest.fixture(scope="module")
def office(pg_cluster: PgCluster, tmp_path_factory: pytest.TempPathFactory) -> Office:
    return make_office(pg_cluster, tmp_path_factory.mktemp("admpage"), DB)


@pytest.fixture
def main(qtbot, qapp: QApplication, office: Office) -> Iterator[MainWindow]:
    with main_window(qtbot, qapp, sign_in(office, office.admin, ADMIN_PW), "admin") as window:
        yield window


def _login(cluster: PgCluster, user: str) -> tuple[bool, str] | None:
    with psycopg.connect(cluster.superuser_conninfo(DB)) as su:
        row = su.execute("SELECT rolcanlogin, rolpassword FROM pg_authid WHERE rolname = %s", (user,)).fetchone()
    return None if row is None else (bool(row[0]), str(row[1]))


def _select(main: MainWindow, username: str) -> None:
    table = child(main, "user_table", QTableView)
    model = main.admin.user_model
    row = next(i for i in range(model.rowCount()) if model.row_at(i).username == username)
    table.selectRow(row)


def test_admin_creates_and_deactivates_an_account_on_the_server(
    qtbot, main: MainWindow, pg_cluster: PgCluster, messages: MessageRecorder
) -> None:
    table = child(main, "user_table", QTableView)
    before = table.model().rowCount()

    def fill(dialog) -> None:
        child(dialog, "username_edit", QLineEdit).setText(f"{DB}.dora")
        child(dialog, "name_edit", QLineEdit).setText("Dora D.")
        child(dialog, "password_edit", QLineEdit).setText("Dora-Passwort-1")
        dialog.submit()

    on_next_modal(qtbot, fill)
    child(main, "new_user_button", QPushButton).click()
    assert table.model().rowCount() == before + 1
    can_login, verifier = _login(pg_cluster, f"{DB}.dora") or (False, "")
    assert can_login and verifier.startswith("SCRAM-SHA-256$")

    def deactivate(dialog) -> None:
        child(dialog, "active_edit", QCheckBox).setChecked(False)
        dialog.submit()

    _select(main, f"{DB}.dora")
    on_next_modal(qtbot, deactivate)
    child(main, "edit_user_button", QPushButton).click()
    assert (_login(pg_cluster, f"{DB}.dora") or (True, ""))[0] is False
    assert not next(u for u in main.admin.user_model.rows() if u.username == f"{DB}.dora").active
    assert messages.errors == []


def test_reset_in_verwaltung_is_told_at_the_nextsign_in(
    qtbot, main: MainWindow, office: Office, messages: MessageRecorder
) -> None:
    def fill(dialog) -> None:
        child(dialog, "password_edit", QLineEdit).setText("Berta-Neu-1234")
        dialog.submit()

    _select(main, office.berta)
    on_next_modal(qtbot, fill)
    child(main, "reset_password_button", QPushButton).click()
    assert messages.errors == [] and len(messages.infos) == 1
    with pytest.raises(Exception, match="wrong_credentials"):
        sign_in(office, office.berta, BERTA_PW)
    berta = sign_in(office, office.berta, "Berta-Neu-1234")
    try:
        assert [n.reset_by for n in berta.password_resets] == [office.admin]
        tell_password_resets(main, berta.password_resets)
        assert office.admin in messages.infos[-1] and "neues Passwort" in messages.infos[-1]
    finally:
        berta.close()
