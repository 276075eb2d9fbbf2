"""First start (wizard with recovery key), login with wrong and right password, recovery."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QLabel, QLineEdit, QPushButton, QWizard

from jmd_desk.store.store import Store
from jmd_desk.ui.login_dialog import LoginDialog, RecoveryDialog
from jmd_desk.ui.setup_wizard import SetupWizard
from tests.conftest import ADMIN_PASSWORD, POLICY
from tests.ui.conftest import child, wait_idle


def test_setup_wizard_creates_store_and_hands_over_recovery_key(qtbot, env, runner, tmp_path: Path) -> None:
    target = tmp_path / "neu" / "buero.jmd"
    wizard = SetupWizard(env, runner, target)
    qtbot.addWidget(wizard)
    wizard.show()
    assert child(wizard, "store_path_edit", QLineEdit).text() == str(target)
    wizard.next()
    child(wizard, "office_name_edit", QLineEdit).setText("JMD Musterstadt")
    child(wizard, "setup_username_edit", QLineEdit).setText("m.schulz")
    child(wizard, "display_name_edit", QLineEdit).setText("Miriam Schulz")
    child(wizard, "setup_password_edit", QLineEdit).setText("kurz")
    child(wizard, "setup_password_repeat_edit", QLineEdit).setText("kurz")
    wizard.next()
    assert wizard.currentPage() is wizard.account
    assert child(wizard, "setup_error_label", QLabel).isVisible()
    child(wizard, "setup_password_edit", QLineEdit).setText("Sicheres-Passwort-1")
    child(wizard, "setup_password_repeat_edit", QLineEdit).setText("Sicheres-Passwort-1")
    wizard.next()
    wait_idle(qtbot, runner)
    key_text = child(wizard, "recovery_key_label", QLabel).text()
    assert len(key_text.replace("-", "")) == 52
    finish = wizard.button(QWizard.WizardButton.FinishButton)
    assert not finish.isEnabled()
    pdf = tmp_path / "schluessel.pdf"
    wizard.recovery.save_pdf(pdf)
    assert pdf.read_bytes().startswith(b"%PDF")
    child(wizard, "recovery_stored_check", QCheckBox).setChecked(True)
    assert finish.isEnabled()
    with qtbot.waitSignal(wizard.created) as signal:
        finish.click()
    session = signal.args[0]
    assert session.username == "m.schulz"
    session.close()
    assert target.is_file()
    Store.open(target, recovery_key=key_text, policy=POLICY).close()


def test_login_wrong_then_right_password(qtbot, env, runner, store_path: Path) -> None:
    dialog = LoginDialog(env, runner, store_path, "admin")
    qtbot.addWidget(dialog)
    dialog.show()
    password = child(dialog, "password_edit", QLineEdit)
    error = child(dialog, "login_error_label", QLabel)
    password.setText("falsch-falsch")
    qtbot.keyClick(password, Qt.Key.Key_Return)
    wait_idle(qtbot, runner)
    assert error.isVisible()
    assert "falsch" in error.text()
    password.setText(ADMIN_PASSWORD)
    with qtbot.waitSignal(dialog.signed_in, timeout=15_000) as signal:
        child(dialog, "sign_in_button", QPushButton).click()
    session = signal.args[0]
    assert session.username == "admin"
    assert password.text() == ""
    session.close()


def test_recovery_dialog_sets_a_new_password(qtbot, env, runner, store_path: Path, recovery_key: str) -> None:
    dialog = RecoveryDialog(env, runner, store_path)
    qtbot.addWidget(dialog)
    dialog.show()
    child(dialog, "recovery_key_edit", QLineEdit).setText(recovery_key)
    child(dialog, "recovery_username_edit", QLineEdit).setText("berta")
    child(dialog, "new_password_edit", QLineEdit).setText("Wieder-da-2026")
    child(dialog, "new_password_repeat_edit", QLineEdit).setText("Wieder-da-2026")
    with qtbot.waitSignal(dialog.signed_in, timeout=15_000) as signal:
        dialog.buttons.accepted.emit()
    signal.args[0].close()
    Store.open(store_path, username="berta", password="Wieder-da-2026", policy=POLICY).close()
