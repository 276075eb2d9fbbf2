"""A whole working session in the desktop client with canary names (run as a subprocess).

Creates the store with the set-up wizard, imports files, edits one in its window, computes and
exports the statistics, makes a backup, locks and unlocks, signs out. Usage:
python -m tests.faults.session_walk STORE EXPORT_DIR CANARY...
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from jmd_desk.app import setup_logging
from jmd_desk.demo.synthetic import generate_document
from jmd_desk.domain.clock import SystemClock
from jmd_desk.domain.entities import Contact, Goal
from jmd_desk.services import casework, interchange
from jmd_desk.services.environment import AppPaths, Environment
from jmd_desk.store.keyfile import KdfPolicy
from jmd_desk.ui import i18n, notify
from jmd_desk.ui.application import make_application
from jmd_desk.ui.main_window import MainWindow
from jmd_desk.ui.setup_wizard import SetupWizard
from jmd_desk.ui.tasks import TaskRunner
from jmd_desk.ui.ui_settings import UiSettings

PASSWORD = "Kanarien-Passwort-1"


def settle(app: QApplication, runner: TaskRunner) -> None:
    runner.wait()
    for _ in range(5):
        app.processEvents()


def _quiet_messages() -> None:
    """Message boxes would wait for a click; here they are answered at once."""
    notify.show_info = lambda parent, text: None
    notify.confirm = lambda parent, text: True

    def fail(parent: object, exc: Exception) -> None:
        raise SystemExit(f"unexpected error message: {exc}")

    notify.show_error = fail


def main() -> None:
    store, exports, canaries = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3:]
    _quiet_messages()
    app = make_application()
    i18n.install(app, "de")
    env = Environment(AppPaths.from_env(), SystemClock(), KdfPolicy.insecure_for_tests(), "de")
    setup_logging(env)
    runner = TaskRunner()
    wizard = SetupWizard(env, runner, store)
    wizard.show()
    wizard.next()
    wizard.account.office_edit.setText("JMD Kanarienstadt")
    wizard.account.username_edit.setText("leitung")
    wizard.account.new_password.password_edit.setText(PASSWORD)
    wizard.account.new_password.repeat_edit.setText(PASSWORD)
    wizard.next()
    settle(app, runner)
    wizard.recovery.stored_check.setChecked(True)
    wizard.accept()
    session = wizard.session
    assert session is not None

    doc = generate_document(30, today=env.clock.today(), seed=77, counsellors=["leitung"])
    for i, canary in enumerate(canaries):
        doc["clients"][i]["last_name"] = canary
        doc["clients"][i]["cases"][0]["contacts"][0]["notes"] = f"Gespräch mit {canary}"
    interchange.import_data(session, json.dumps(doc).encode())

    window = MainWindow(session, runner, UiSettings(env.paths))
    window.show()
    window.show_page("clients")
    window.clients.search_edit.setText(canaries[0])
    window.clients.refresh()
    client_id = window.clients.model.row_at(0).id
    window.open_file(client_id)
    file_window = window.file_windows[client_id]
    case_id = file_window.current_case().id
    casework.add_record(session, case_id, Goal(area="language", title=f"Deutschkurs für {canaries[0]}"))
    casework.add_record(
        session, case_id, Contact(date=env.clock.today(), minutes=20, mode="phone", notes=f"Anruf bei {canaries[0]}")
    )
    file_window.reload()
    settle(app, runner)
    file_window.close()

    window.show_page("statistics")
    window.statistics.compute()
    settle(app, runner)
    for fmt in ("json", "csv", "pdf"):
        window.statistics.save(fmt, exports / f"statistik.{fmt}")
    window.show_page("admin")
    window.admin.backup_to(exports / "sicherung.jmdbackup")
    window.lock()
    window._unlock(PASSWORD)
    settle(app, runner)
    assert not session.locked
    window.sign_out()
    settle(app, runner)
    app.processEvents()
    print("done", flush=True)


if __name__ == "__main__":
    main()
