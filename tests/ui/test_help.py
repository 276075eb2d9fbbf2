"""The Hilfe menu: the user guide and the About dialog."""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QTextBrowser

from jmd_desk import __version__
from jmd_desk.ui.main_window import MainWindow
from tests.conftest import sign_in
from tests.ui.conftest import child, on_next_modal


def make(qtbot, store_path, clock, runner, ui_settings) -> MainWindow:
    window = MainWindow(sign_in(store_path, "berta", clock), runner, ui_settings)
    qtbot.addWidget(window)
    window.show()
    return window


def test_help_entry_opens_the_german_guide(qtbot, store_path, clock, runner, ui_settings) -> None:
    window = make(qtbot, store_path, clock, runner, ui_settings)
    action = child(window, "user_guide_action", QAction)
    assert action in window.help_menu.actions()
    action.trigger()
    guide = window.help_window
    assert guide is not None and guide.isVisible()
    browser = child(guide, "help_browser", QTextBrowser)
    text = browser.toPlainText()
    assert "Kurzanleitung" in text
    for topic in ("Erste Schritte", "Wiederherstellungsschlüssel", "Quartalsstatistik"):
        assert topic in text
    action.trigger()  # a second time raises the same window
    assert window.help_window is guide
    window.close()


def test_about_shows_version_folders_and_licences(qtbot, store_path, clock, runner, ui_settings) -> None:
    window = make(qtbot, store_path, clock, runner, ui_settings)
    seen: dict[str, str] = {}

    def read(dialog) -> None:
        seen["version"] = child(dialog, "about_version_label", QLabel).text()
        seen["data"] = child(dialog, "about_data_folder_label", QLabel).text()
        seen["store"] = child(dialog, "about_store_label", QLabel).text()
        seen["licences"] = child(dialog, "about_licences_text", QPlainTextEdit).toPlainText()
        seen["labels"] = " ".join(label.text() for label in dialog.findChildren(QLabel))
        dialog.reject()

    shown = on_next_modal(qtbot, read)
    child(window, "about_action", QAction).trigger()
    assert shown and shown[0].objectName() == "about_dialog"
    assert __version__ in seen["version"]
    assert seen["data"] == str(ui_settings.paths.data_dir)
    assert seen["store"] == str(store_path)
    for component in ("PySide6", "LGPL-3.0", "SQLCipher", "reportlab", "SQLAlchemy", "cryptography"):
        assert component in seen["licences"]
    assert "SQLCipher:" in seen["labels"]  # the version the store runs with
    window.close()
