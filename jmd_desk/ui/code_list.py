"""CodeListEdit: several countries or languages in one line, shown and typed by name.

The user types names or ISO codes separated by commas ("Syrien, Türkei" or "sy, tr"). While a
name is typed, a list of matches opens (exact code first, then names that start with the text,
then names that contain it); Up/Down choose, Enter or Tab take the entry, Escape closes the list.
``codes()`` returns ISO codes (countries upper case, languages lower case) and raises a
ValidationError naming the field for any part it cannot resolve, so nothing is dropped.

API::

    edit = CodeListEdit("countries")     # or "languages"
    edit.set_codes(("SY", "TR"))         # shows "Syrien, Türkei"
    edit.codes()                         # ("SY", "TR")
    edit.field = "nationalities"         # error path; FormGrid.add sets it to the row's name
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

from PySide6.QtCore import QModelIndex, QStringListModel, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QCompleter, QLineEdit, QWidget

from jmd_desk.domain import codes
from jmd_desk.domain.errors import FieldError, ValidationError
from jmd_desk.texts.iso_codes import COUNTRIES, LANGUAGES
from jmd_desk.texts.labels import code_label
from jmd_desk.ui.i18n import language

MAX_MATCHES = 12
MAX_LENGTH = 500
POPUP_KEYS = (Qt.Key.Key_Enter, Qt.Key.Key_Return, Qt.Key.Key_Escape, Qt.Key.Key_Tab, Qt.Key.Key_Backtab)


def _fold(text: str) -> str:
    """Case and accents ignored: "turk" finds "Türkei", "cote" finds "Côte d'Ivoire"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _split(text: str) -> list[str]:
    return [part.strip() for part in text.replace(";", ",").split(",")]


class CodeListEdit(QLineEdit):
    """ISO codes of countries or languages, edited as a comma-separated list of names."""

    def __init__(self, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.field: str | None = None
        self._table = COUNTRIES if kind == "countries" else LANGUAGES
        self._label_field = "nationalities" if kind == "countries" else "languages"
        self._shown = 0 if language() == "de" else 1
        self._by_label: dict[str, str] = {}
        self.setMaxLength(MAX_LENGTH)
        self._model = QStringListModel(self)
        completer = QCompleter(self._model, self)
        completer.setWidget(self)  # a completer without a widget crashes on complete()
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        completer.setMaxVisibleItems(MAX_MATCHES)
        # PySide6's stubs do not type the [signature] selector of an overloaded signal
        completer.activated[QModelIndex].connect(self._take)  # type: ignore[index]
        self._completer = completer
        self.textEdited.connect(self._suggest)
        self.setPlaceholderText(self.tr("type a name, e.g. Syria") if kind == "countries" else self.tr("e.g. Arabic"))

    def completer_popup(self) -> QAbstractItemView:
        """The list of matches (for tests and screenshots)."""
        popup = self._completer.popup()
        assert popup is not None  # a completer always has one once it has a widget
        return popup

    # --- matching
    def _code_of(self, part: str) -> str | None:
        """The code a typed part stands for: a code, a name in either language, or "Name (CODE)"."""
        key = part.casefold()
        if key.endswith(")") and "(" in key:
            key = key.rsplit("(", 1)[1].rstrip(")").strip()
        if key in {codes.UNKNOWN, code_label(self._label_field, codes.UNKNOWN, language()).casefold()}:
            return codes.UNKNOWN
        for code, names in self._table.items():
            if key == code.casefold() or key in (n.casefold() for n in names):
                return code
        return None

    def matches(self, typed: str) -> list[str]:
        """Codes matching ``typed``: the code itself, then names starting with it, then containing it."""
        key = _fold(typed)
        ranked: list[tuple[int, str, str]] = []
        for code, names in self._table.items():
            name = _fold(names[self._shown])
            other = _fold(names[1 - self._shown])
            if key == code.casefold():
                rank = 0
            elif name.startswith(key) or other.startswith(key):
                rank = 1
            elif key in name or key in other:
                rank = 2
            else:
                continue
            ranked.append((rank, name, code))
        return [code for _rank, _name, code in sorted(ranked)[:MAX_MATCHES]]

    def label(self, code: str) -> str:
        """How a code is shown in the line."""
        if code == codes.UNKNOWN:
            return code_label(self._label_field, code, language())
        names = self._table.get(code)
        return names[self._shown] if names else code

    # --- completion
    def _suggest(self, text: str) -> None:
        typed = _split(text[: self.cursorPosition()])[-1]
        found = self.matches(typed) if len(typed) >= 2 else []
        if not found:
            self.completer_popup().hide()
            return
        labels = [f"{self.label(code)} ({code})" for code in found]
        self._by_label = dict(zip(labels, found, strict=True))
        self._model.setStringList(labels)
        self._completer.complete()
        self.completer_popup().setCurrentIndex(self._model.index(0, 0))

    def _take(self, index: QModelIndex) -> None:
        code = self._by_label.get(str(index.data()))
        if code is None:
            return
        parts = [p for p in _split(self.text())[:-1] if p]
        self.setText(", ".join([*parts, self.label(code)]) + ", ")
        self.textEdited.emit(self.text())  # a pick is an edit (for the unsaved-changes guard)
        self.completer_popup().hide()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.completer_popup().isVisible() and event.key() in POPUP_KEYS:
            event.ignore()  # the completer handles them; Enter must not also press a default button
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event) -> None:
        super().focusOutEvent(event)
        if not self.completer_popup().isVisible():
            self.setText(self.text().strip().rstrip(",").strip())

    # --- values
    def codes(self) -> tuple[str, ...]:
        """The ISO codes of the line; ValidationError for a part that is no known name or code."""
        found: list[str] = []
        unknown: list[str] = []
        for part in _split(self.text()):
            if not part:
                continue
            code = self._code_of(part)
            if code is None:
                unknown.append(part)
            elif code not in found:
                found.append(code)
        if unknown:
            path = self.field or self.objectName().removesuffix("_edit")
            code = "unknown_country_name" if self.kind == "countries" else "unknown_language_name"
            raise ValidationError([FieldError(path, code, {"text": ", ".join(unknown)[:80]})])
        return tuple(found)

    def set_codes(self, values: Iterable[str]) -> None:
        """Show ``values`` by name."""
        self.setText(", ".join(self.label(code) for code in values))
