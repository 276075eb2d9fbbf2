"""The user interface language: Qt translators for our texts and Qt's own dialogs."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from jmd_desk.assets import resource

LANGUAGES = ("de", "en")
_state: dict[str, Any] = {"language": "de", "translators": []}


def language() -> str:
    """The language the interface runs in (``de`` or ``en``)."""
    return _state["language"]


def install(app: QCoreApplication, lang: str) -> None:
    """Install the translators for ``lang`` and set the default locale for dates and numbers."""
    lang = lang if lang in LANGUAGES else "de"
    _state["language"] = lang
    for old in _state["translators"]:
        app.removeTranslator(old)
    _state["translators"] = []
    locale = (
        QLocale(QLocale.Language.German, QLocale.Country.Germany)
        if lang == "de"
        else QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    )
    QLocale.setDefault(locale)
    if lang == "en":
        return  # source texts are English
    qt = QTranslator(app)
    own = QTranslator(app)
    for translator, loaded in (
        (qt, qt.load(locale, "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))),
        (own, own.load(str(resource("i18n", f"jmd_desk_{lang}.qm")))),
    ):
        if loaded:
            app.installTranslator(translator)
            _state["translators"].append(translator)


def date_format() -> str:
    """Date format of forms and tables (four-digit years)."""
    return "dd.MM.yyyy" if language() == "de" else "yyyy-MM-dd"
