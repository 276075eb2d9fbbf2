"""Acceptance 5 in the desktop client: two sessions (own connections) save the same client's
master data; the first wins, the second sees who saved when and what differs, keeps her input or
loads the colleague's version. Nothing is lost or merged silently."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QTableWidget

from jmd_desk.domain.clock import FixedClock
from jmd_desk.services import clients, server_cases
from jmd_desk.services.session import UserSession
from jmd_desk.ui.client_file_window import ClientFileWindow
from tests.conftest import POLICY, TODAY
from tests.pg_cluster import PgCluster
from tests.server.desktop_office import BERTA_PW, CEM_PW, Office, make_office
from tests.server.test_desktop_on_server import env  # noqa: F401
from tests.ui.conftest import child, on_next_modal


@pytest.fixture(scope="module")
def office(pg_cluster: PgCluster, tmp_path_factory: pytest.TempPathFactory) -> Office:
    return make_office(pg_cluster, tmp_path_factory.mktemp("conflict"), "desktop_conflict")


@pytest.fixture
def two_windows(qtbot, office: Office) -> Iterator[tuple[ClientFileWindow, ClientFileWindow]]:
    sessions: list[UserSession] = []
    for user, password in ((office.berta, BERTA_PW), (office.cem, CEM_PW)):
        sessions.append(server_cases.sign_in_server(office.profile, user, password, clock=FixedClock(TODAY),
                                                    policy=POLICY))  # fmt: skip
    client_id = min(r.id for r in clients.list_clients(sessions[0]))
    windows = (ClientFileWindow(sessions[0], client_id), ClientFileWindow(sessions[1], client_id))
    yield windows  # closed here, not by qtbot: their forms are cleared first
    for window, session in zip(windows, sessions, strict=True):
        window.form.set_client(None)
        window.close()
        session.close()


def type_phone_and_save(window: ClientFileWindow, phone: str) -> None:
    child(window, "phone_edit", QLineEdit).setText(phone)
    child(window, "save_client_button", QPushButton).click()


def answer_conflict(qtbot, button: str, seen: dict[str, object]):
    def answer(dialog) -> None:
        assert dialog.objectName() == "conflict_dialog"
        seen["text"] = child(dialog, "conflict_text", QLabel).text()
        table = child(dialog, "conflict_table", QTableWidget)
        seen["rows"] = [tuple(table.item(r, c).text() for c in range(3)) for r in range(table.rowCount())]
        child(dialog, button, QPushButton).click()

    return on_next_modal(qtbot, answer)


@pytest.mark.usefixtures("env")
def test_the_second_save_keeps_her_input_and_replaces_only_when_she_saves_again(qtbot, two_windows) -> None:
    berta, cem = two_windows
    type_phone_and_save(cem, "0171 1111111")
    assert child(cem, "client_form_message", QLabel).text() == "Gespeichert."
    seen: dict[str, object] = {}
    answered = answer_conflict(qtbot, "conflict_keep_button", seen)
    type_phone_and_save(berta, "0172 2222222")
    assert answered, "no conflict dialog"
    assert cem.session.username in str(seen["text"]) and "nicht gespeichert" in str(seen["text"])
    assert ("Telefon", "0172 2222222", "0171 1111111") in seen["rows"]
    assert child(berta, "phone_edit", QLineEdit).text() == "0172 2222222"  # her input is still there
    assert berta.file is not None and berta.file.client.phone == "0171 1111111"  # nothing merged or lost
    type_phone_and_save(berta, "0172 2222222")  # she saw the difference and saves on purpose
    assert child(berta, "client_form_message", QLabel).text() == "Gespeichert."
    history = [(c.field, c.old_value, c.new_value) for c in clients.correction_history(berta.session, berta.client_id)]
    assert ("phone", "0171 1111111", "0172 2222222") in history  # both saves are in the corrections
    assert any(new == "0171 1111111" for field, _, new in history if field == "phone")


@pytest.mark.usefixtures("env")
def test_loading_the_colleagues_version_shows_it(qtbot, two_windows) -> None:
    berta, cem = two_windows
    type_phone_and_save(cem, "0173 3333333")
    answered = answer_conflict(qtbot, "conflict_reload_button", {})
    type_phone_and_save(berta, "0174 4444444")
    assert answered
    assert child(berta, "phone_edit", QLineEdit).text() == "0173 3333333"
    assert not berta.form.is_dirty()
    type_phone_and_save(berta, "0174 4444444")  # a save from the new version goes through
    assert clients.client_file(cem.session, cem.client_id, opening=False).client.phone == "0174 4444444"
