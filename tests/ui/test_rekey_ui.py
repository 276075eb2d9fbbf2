"""Verwaltung offers a re-key when an account is deactivated and shows the one-time passwords
once; the login window lets a one-time password be replaced by one's own (issue 12)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QCheckBox, QInputDialog, QPlainTextEdit, QPushButton, QTableView

from jmd_desk.services import accounts
from jmd_desk.store.store import Store
from jmd_desk.ui.login_dialog import LoginDialog
from tests.conftest import PASSWORDS, POLICY
from tests.ui.conftest import child, on_next_modal, wait_idle
from tests.ui.test_main_window import make_window  # noqa: F401  (fixture)

SHOTS = Path("/tmp/jmd-issue12-shots")


def test_deactivation_offers_rekey_and_shows_one_time_passwords(
    qtbot,
    make_window,  # noqa: F811
    messages,
    store_path,
    env,
    runner,
    monkeypatch,
) -> None:
    window = make_window("admin", data=False)
    window.show_page("admin")
    view = child(window, "user_table", QTableView)
    row = next(r for r in range(view.model().rowCount()) if view.model().row_at(r).username == "cem")
    view.selectRow(row)

    def deactivate(dialog) -> None:
        boxes = [b for b in dialog.findChildren(QCheckBox) if b.isChecked() and "aktiv" in b.text()]
        boxes[0].setChecked(False)
        dialog.submit()

    shown: list[str] = []

    def read_result(dialog) -> None:
        shown.append(child(dialog, "rekey_result", QPlainTextEdit).toPlainText())
        SHOTS.mkdir(exist_ok=True)
        dialog.grab().save(str(SHOTS / "rekey_result.png"))
        dialog.accept()

    def result_when_shown() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None or dialog.objectName() != "rekey_result_dialog":
            QTimer.singleShot(20, result_when_shown)
            return
        try:
            read_result(dialog)
        except BaseException:
            dialog.close()
            raise

    on_next_modal(qtbot, deactivate)
    QTimer.singleShot(0, result_when_shown)
    child(window, "edit_user_button", QPushButton).click()
    assert messages.questions and "neu verschlüsseln" in messages.questions[-1]
    qtbot.waitUntil(lambda: bool(shown), timeout=15_000)
    assert messages.errors == []
    text = shown[0]
    one_time = {
        line.split(":")[0].strip(): line.split(": ")[1]
        for line in text.splitlines()
        if line.startswith("  ") and ": " in line
    }
    assert set(one_time) == {"admin", "berta", "lead", "it"}
    window.close()

    # the login: one-time password, then her own
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Bertas-Eigenes-1", True))
    dialog = LoginDialog(env, runner, store_path)
    qtbot.addWidget(dialog)
    signed: list = []
    dialog.signed_in.connect(signed.append)
    dialog.username_edit.setText("berta")
    dialog.password_edit.setText(one_time["berta"])
    dialog.sign_in_button.click()
    wait_idle(qtbot, runner)
    qtbot.waitUntil(lambda: bool(signed), timeout=15_000)
    signed[0].close()
    accounts.sign_in(store_path, "berta", "Bertas-Eigenes-1", clock=env.clock, policy=POLICY).close()
    try:
        Store.open(store_path, username="cem", password=PASSWORDS["cem"], policy=POLICY).close()
        raise AssertionError("cem still opens the store")
    except Exception as exc:
        assert getattr(exc, "code", "") == "wrong_credentials"
