"""The user interface language: Qt translators for our texts and Qt's own dialogs."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from jmd_desk.assets import resource

LANGUAGES = ("de", "en")
_state = {"language": "de"}


def language() -> str:
    """The language the interface runs in (``de`` or ``en``)."""
    return _state["language"]


def install(app: QCoreApplication, lang: str) -> None:
    """Install the translators for ``lang`` and set the default locale for dates and numbers."""
    lang = lang if lang in LANGUAGES else "de"
    _state["language"] = lang
    locale = (
        QLocale(QLocale.Language.German, QLocale.Country.Germany)
        if lang == "de"
        else QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    )
    QLocale.setDefault(locale)
    if lang == "en":
        return  # source texts are English
    qt = QTranslator(app)
    if qt.load(locale, "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
    own = QTranslator(app)
    if own.load(str(resource("i18n", f"jmd_desk_{lang}.qm"))):
        app.installTranslator(own)


def date_format() -> str:
    """Date format of forms and tables (four-digit years)."""
    return "dd.MM.yyyy" if language() == "de" else "yyyy-MM-dd"
