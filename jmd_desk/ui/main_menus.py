"""The main window's menus and their keyboard shortcuts (File, View, Help)."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from jmd_desk.services import sheet_import

if TYPE_CHECKING:
    from jmd_desk.ui.main_window import MainWindow

Shortcut = QKeySequence | QKeySequence.StandardKey | str | None


def action(window: MainWindow, text: str, name: str, slot: Callable[[], object], shortcut: Shortcut = None) -> QAction:
    """A named action of the window (its shortcut works even while no menu is open)."""
    act = QAction(text, window)
    act.setObjectName(name)
    if shortcut is not None:
        act.setShortcut(QKeySequence(shortcut))
    act.triggered.connect(lambda _checked=False: slot())
    window.addAction(act)
    return act


def install_menus(window: MainWindow, works_with_cases: bool) -> QMenu:
    """Build the menu bar; returns the Help menu."""
    _file_menu(window, works_with_cases)
    view_menu = window.menuBar().addMenu(QCoreApplication.translate("MainWindow", "&View"))
    for row, key in enumerate(window.host.keys()):
        title = window.host.nav.item(row).text()
        view_menu.addAction(
            action(window, title, f"goto_{key}_action", partial(window.host.nav.setCurrentRow, row), f"Ctrl+{row + 1}")
        )
    help_menu = window.menuBar().addMenu(QCoreApplication.translate("MainWindow", "&Help"))
    guide = QCoreApplication.translate("MainWindow", "&User guide")
    help_menu.addAction(
        action(window, guide, "user_guide_action", window.show_user_guide, QKeySequence.StandardKey.HelpContents)
    )
    about = QCoreApplication.translate("MainWindow", "&About JMD Desk")
    help_menu.addAction(action(window, about, "about_action", window.show_about))
    return help_menu


def _file_menu(window: MainWindow, works_with_cases: bool) -> None:
    menu = window.menuBar().addMenu(QCoreApplication.translate("MainWindow", "&File"))
    if works_with_cases:
        new = QCoreApplication.translate("MainWindow", "&New client…")
        menu.addAction(action(window, new, "new_client_action", window.new_client, QKeySequence.StandardKey.New))
        find = QCoreApplication.translate("MainWindow", "&Find client")
        menu.addAction(action(window, find, "find_client_action", window.find_client, QKeySequence.StandardKey.Find))
        _work_actions(window, menu)
    if sheet_import.may_import(window.session):
        sheet = QCoreApplication.translate("MainWindow", "Clients from a &spreadsheet…")
        menu.addAction(action(window, sheet, "import_sheet_action", window.import_sheet))
    password = QCoreApplication.translate("MainWindow", "Change &password…")
    menu.addAction(action(window, password, "change_password_action", window.change_password))
    menu.addSeparator()
    menu.addAction(
        action(window, QCoreApplication.translate("MainWindow", "&Lock"), "lock_action", window.lock, "Ctrl+L")
    )
    sign_out = QCoreApplication.translate("MainWindow", "Sign &out")
    menu.addAction(action(window, sign_out, "sign_out_action", window.sign_out))
    quit_text = QCoreApplication.translate("MainWindow", "&Quit")
    menu.addAction(action(window, quit_text, "quit_action", window.close, QKeySequence.StandardKey.Quit))


def _work_actions(window: MainWindow, menu: QMenu) -> None:
    """Anonymous quick entry and the appointment list, from anywhere in the main window."""
    panel = window.dashboard.appointments
    anonymous = QCoreApplication.translate("MainWindow", "&Anonymous counselling…")
    menu.addAction(action(window, anonymous, "anonymous_contact_action", panel.record_anonymous, "Ctrl+Shift+A"))

    def appointments_list() -> None:
        window.show_page("dashboard")
        panel.focus_table()

    listing = QCoreApplication.translate("MainWindow", "Appoin&tments")
    menu.addAction(action(window, listing, "appointments_action", appointments_list, "Ctrl+T"))
