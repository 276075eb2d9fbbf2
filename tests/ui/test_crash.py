"""An exception nobody caught: one redacted dialog, a log entry, and the program carries on."""

from __future__ import annotations

import logging

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QPushButton

from jmd_desk.domain.entities import Case, Client
from jmd_desk.services import clients
from jmd_desk.ui.crash import CrashReporter
from tests.conftest import sign_in
from tests.ui.conftest import child


@pytest.fixture
def reporter():
    reporter = CrashReporter()
    reporter.install()
    yield reporter
    reporter.uninstall()
    if reporter.dialog is not None:
        reporter.dialog.close()


@pytest.mark.qt_no_exception_capture
def test_exception_in_a_slot_shows_a_redacted_report(qtbot, reporter, store_path, clock, caplog) -> None:
    session = sign_in(store_path, "berta", clock)
    client_id = clients.create_client(
        session,
        Client(
            first_name="Zyxwert",
            last_name="Qumbrella",
            date_of_birth=clock.today().replace(year=2009),
            gender="female",
            country_of_birth="SY",
            residence_status="unknown",
            german_level="A2",
            counsellor="berta",
        ),
        Case(case_type="counselling", opened_on=clock.today()),
    )
    client = clients.client_file(session, client_id).client
    session.close()
    presses: list[int] = []

    def save_note() -> None:
        presses.append(1)
        raise ValueError(f"cannot save note of {client.first_name} {client.last_name} ({client.client_number})")

    button = QPushButton("Speichern")
    qtbot.addWidget(button)
    button.clicked.connect(save_note)
    with caplog.at_level(logging.ERROR, logger="jmd_desk"):
        button.click()
        qtbot.waitUntil(lambda: reporter.dialog is not None and reporter.dialog.isVisible())
    dialog = reporter.dialog
    assert dialog is not None and dialog.objectName() == "crash_dialog"
    report = child(dialog, "crash_report_text", QPlainTextEdit).toPlainText()
    assert "builtins.ValueError" in report
    assert "  test_crash.py:" in report and "in save_note" in report  # no folders: they may name a person
    for secret in (client.first_name, client.last_name, client.client_number, str(store_path.parent)):
        assert secret not in report
        assert secret not in caplog.text
    assert "builtins.ValueError" in caplog.text  # the same report is logged

    child(dialog, "copy_crash_report_button", QPushButton).click()
    assert QGuiApplication.clipboard().text() == report

    button.click()  # the program keeps running; a second error is counted, not a second dialog
    qtbot.waitUntil(lambda: dialog.later == 1)
    assert presses == [1, 1]
    assert [w for w in QApplication.topLevelWidgets() if w.objectName() == "crash_dialog" and w.isVisible()] == [dialog]
    dialog.close()
    qtbot.waitUntil(lambda: reporter.dialog is None)


def test_report_keeps_codes_and_package_paths_only() -> None:
    from jmd_desk.domain.errors import JmdError  # noqa: PLC0415
    from jmd_desk.ui.crash import _where, redacted_report  # noqa: PLC0415

    assert _where("/home/berta.schmidt/.venv/lib/python3.11/site-packages/jmd_desk/ui/pages.py") == (
        "jmd_desk/ui/pages.py"
    )
    assert _where("/home/berta.schmidt/venv/lib/python3.11/site-packages/sqlalchemy/orm/session.py") == (
        "sqlalchemy/orm/session.py"
    )
    assert _where("/home/berta.schmidt/scratch.py") == "scratch.py"
    try:
        raise JmdError("store_locked", detail="Zyxwert Qumbrella")
    except JmdError as exc:
        report = redacted_report(type(exc), exc, exc.__traceback__)
    assert "Code: store_locked" in report and "Zyxwert" not in report
