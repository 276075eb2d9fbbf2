"""Paperwork buttons of a client file: Förderplan agreement and letters (edited, saved as PDF)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QComboBox, QLabel, QPlainTextEdit, QPushButton

from jmd_desk.services import audit
from jmd_desk.ui.client_file_window import ClientFileWindow
from jmd_desk.ui.paperwork_dialogs import LogoSetting
from tests.services.test_paperwork import PNG_LOGO, setup
from tests.ui.conftest import child

pytestmark = pytest.mark.gui


def choose(combo: QComboBox, text_part: str) -> None:
    index = next(i for i in range(combo.count()) if text_part in combo.itemText(i))
    combo.setCurrentIndex(index)


def test_plan_and_edited_referral_letter_are_saved_as_pdf(qtbot, session_for, tmp_path: Path) -> None:
    session, client_id, _ = setup(session_for)
    window = ClientFileWindow(session, client_id)
    qtbot.addWidget(window)
    assert child(window, "print_plan_button", QPushButton).isEnabled()
    assert child(window, "letter_button", QPushButton).isEnabled()
    assert window.paperwork.save_plan_to(tmp_path / "plan.pdf")
    assert (tmp_path / "plan.pdf").read_bytes().startswith(b"%PDF")

    dialog = window.paperwork.letter_dialog()
    qtbot.addWidget(dialog)
    choose(child(dialog, "letter_template_combo", QComboBox), "Vermittlung")
    assert child(dialog, "letter_referral_combo", QComboBox).isEnabled()
    text = child(dialog, "letter_text_edit", QPlainTextEdit)
    assert "Jobcenter Bremen-Mitte" in text.toPlainText()
    text.setPlainText(text.toPlainText().replace("[Anliegen und bisherige Schritte]", "Bewerbungstraining ab Mai."))
    assert dialog.save_to(tmp_path / "brief.pdf")
    assert (tmp_path / "brief.pdf").stat().st_size > 1000
    actions = [e.action for e in audit.client_history(session, client_id)]
    assert actions.count("letter_printed") == 1 and actions.count("plan_printed") == 1


def test_referral_letter_without_consent_cannot_be_saved(qtbot, session_for) -> None:
    session, client_id, _ = setup(session_for, consent=False)
    window = ClientFileWindow(session, client_id)
    qtbot.addWidget(window)
    dialog = window.paperwork.letter_dialog()
    qtbot.addWidget(dialog)
    choose(child(dialog, "letter_template_combo", QComboBox), "Vermittlung")
    assert "Einwilligung" in child(dialog, "letter_error_label", QLabel).text()
    assert not child(dialog, "letter_save_button", QPushButton).isEnabled()
    choose(child(dialog, "letter_template_combo", QComboBox), "Teilnahme")
    assert child(dialog, "letter_save_button", QPushButton).isEnabled()
    assert "Şirin Quelltaler" in child(dialog, "letter_text_edit", QPlainTextEdit).toPlainText()


def test_admin_sets_and_removes_the_logo(qtbot, session_for) -> None:
    admin = session_for("admin")
    setting = LogoSetting(admin)
    qtbot.addWidget(setting)
    state = child(setting, "logo_state_label", QLabel)
    assert not child(setting, "logo_remove_button", QPushButton).isEnabled()
    assert not setting.set_logo(b"GIF89a not allowed")
    assert "PNG" in state.text()
    assert setting.set_logo(PNG_LOGO)
    assert child(setting, "logo_remove_button", QPushButton).isEnabled()
    child(setting, "logo_remove_button", QPushButton).click()
    assert not child(setting, "logo_remove_button", QPushButton).isEnabled()
