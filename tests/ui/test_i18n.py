"""German is complete and the default; English can be chosen."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt

from jmd_desk.ui import i18n
from jmd_desk.ui.main_window import MainWindow
from tests.conftest import sign_in

ROOT = Path(__file__).resolve().parents[2]


def test_translation_check_passes() -> None:
    result = subprocess.run(
        [sys.executable, "scripts/check_translations.py"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout


def nav_texts(window: MainWindow) -> list[str]:
    return [window.nav.item(i).text() for i in range(window.nav.count())]


def test_german_and_english_interface(qtbot, qapp, store_path, clock, runner, ui_settings) -> None:
    session = sign_in(store_path, "admin", clock)
    try:
        i18n.install(qapp, "de")
        german = MainWindow(session, runner, ui_settings)
        qtbot.addWidget(german)
        assert nav_texts(german) == [
            "Übersicht",
            "Klient*innen",
            "Gruppenangebote",
            "Netzwerkpartner",
            "Statistik",
            "Datenschutz",
            "Verwaltung",
        ]
        assert german.clients.model.headerData(0, Qt.Orientation.Horizontal) == "Nr."
        i18n.install(qapp, "en")
        english = MainWindow(session, runner, ui_settings)
        qtbot.addWidget(english)
        assert nav_texts(english) == [
            "Overview",
            "Clients",
            "Group offers",
            "Network partners",
            "Statistics",
            "Data protection",
            "Administration",
        ]
        assert english.clients.model.headerData(1, Qt.Orientation.Horizontal) == "Last name"
    finally:
        i18n.install(qapp, "de")
        session.close()


def _mnemonic(text: str) -> str | None:
    """The letter after a single '&' (Alt+letter opens or triggers the entry), lower-cased."""
    plain = text.replace("&&", "")
    at = plain.find("&")
    return plain[at + 1].lower() if 0 <= at < len(plain) - 1 else None


def menu_mnemonic_clashes(window: MainWindow) -> list[str]:
    """Menus whose entries share an Alt letter (then Alt+letter only cycles, it does not open)."""
    clashes = []
    menus = [a.menu() for a in window.menuBar().actions() if a.menu() is not None]
    for entries, where in [(window.menuBar().actions(), "menu bar")] + [(m.actions(), m.title()) for m in menus]:
        letters = [_mnemonic(a.text()) for a in entries if not a.isSeparator()]
        clashes += [f"{where}: {letter!r} twice" for letter in set(letters) - {None} if letters.count(letter) > 1]
    return clashes


def test_menu_entries_have_distinct_alt_letters(qtbot, qapp, store_path, clock, runner, ui_settings) -> None:
    session = sign_in(store_path, "admin", clock)
    try:
        for language in ("de", "en"):
            i18n.install(qapp, language)
            window = MainWindow(session, runner, ui_settings)
            qtbot.addWidget(window)
            assert menu_mnemonic_clashes(window) == [], language
    finally:
        i18n.install(qapp, "de")
        session.close()
