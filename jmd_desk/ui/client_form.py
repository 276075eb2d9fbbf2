"""The master-data form (Stammdaten) of a client, with messages at each field."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLineEdit,
    QWidget,
)

from jmd_desk.domain import codes
from jmd_desk.domain.entities import Client
from jmd_desk.domain.errors import FieldError, ValidationError
from jmd_desk.texts.iso_codes import COUNTRIES
from jmd_desk.texts.labels import code_label
from jmd_desk.ui.i18n import language
from jmd_desk.ui.widgets import CodeCombo, CodeListEdit, DateField, FormGrid, SuggestCombo


def country_combo(name: str) -> CodeCombo:
    """All countries by their label, "keine Angabe" first; type to search."""
    lang = language()
    ordered = sorted(COUNTRIES, key=lambda c: code_label("country_of_birth", c, lang).casefold())
    combo = CodeCombo("country_of_birth", (codes.UNKNOWN, *ordered))
    combo.setObjectName(name)
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    completer = combo.completer()
    assert completer is not None  # an editable combo box always has one
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
    return combo


class ClientForm(QWidget):
    """Edits a Client; ``changed`` fires on every edit (for the unsaved-changes guard)."""

    changed = Signal()

    def __init__(self, counsellors: Sequence[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("client_form")
        self._editors(counsellors)
        self._layout()
        self._loaded: Client | None = None
        self._connect_changes()

    def _editors(self, counsellors: Sequence[tuple[str, str]]) -> None:
        """One editor per field, named like the field."""
        self.first_name = QLineEdit()
        self.last_name = QLineEdit()
        self.client_number = QLineEdit()
        self.client_number.setPlaceholderText(self.tr("assigned automatically"))
        self.date_of_birth = DateField(optional=True, birth=True)
        self.dob_estimated = QCheckBox(self.tr("estimated"))
        self.dob_estimated.setObjectName("dob_estimated_check")
        self.gender = CodeCombo("gender", codes.GENDERS)
        self.country_of_birth = country_combo("country_of_birth_edit")
        self.nationalities = CodeListEdit("countries")
        self.languages = CodeListEdit("languages")
        self.arrival_date = DateField(optional=True)
        self.residence_status = CodeCombo("residence_status", codes.RESIDENCE_STATUSES)
        self.german_level = CodeCombo("german_level", codes.GERMAN_LEVELS)
        self.school_qualification = SuggestCombo("school_qualification", codes.SCHOOL_QUALIFICATION_SUGGESTIONS)
        self.current_situation = SuggestCombo("current_situation", codes.CURRENT_SITUATION_SUGGESTIONS)
        self.access_route = SuggestCombo("access_route", codes.ACCESS_ROUTE_SUGGESTIONS)
        self.unaccompanied_minor = QComboBox()
        self.unaccompanied_minor.setObjectName("unaccompanied_minor_edit")
        for text, value in ((self.tr("not stated"), None), (self.tr("yes"), True), (self.tr("no"), False)):
            self.unaccompanied_minor.addItem(text, value)
        self.guardian = QLineEdit()
        self.phone = QLineEdit()
        self.email = QLineEdit()
        self.address = QLineEdit()
        self.counsellor = QComboBox()
        self.counsellor.addItem(self.tr("(nobody)"), None)
        for username, display in counsellors:
            self.counsellor.addItem(f"{display} ({username})", username)
        self.eligibility_note = QLineEdit()
        self.eligibility_note.setPlaceholderText(self.tr("only for ages below 12 or above 27"))

    def _layout(self) -> None:
        """Two columns: the person and her origin on the left, situation and contact on the right."""
        dob_row = QWidget()
        dob_layout = QHBoxLayout(dob_row)
        dob_layout.setContentsMargins(0, 0, 0, 0)
        dob_layout.addWidget(self.date_of_birth, 1)
        dob_layout.addWidget(self.dob_estimated)
        self.date_of_birth.setObjectName("date_of_birth_edit")

        self.left = FormGrid()
        self.right = FormGrid()
        for name in ("first_name", "last_name", "client_number"):
            self.left.add(name, getattr(self, name))
        self.left.add("date_of_birth", dob_row)
        for name in (
            "gender",
            "country_of_birth",
            "nationalities",
            "languages",
            "arrival_date",
            "residence_status",
            "german_level",
        ):
            self.left.add(name, getattr(self, name))
        for name in (
            "school_qualification",
            "current_situation",
            "access_route",
            "unaccompanied_minor",
            "guardian",
            "phone",
            "email",
            "address",
            "counsellor",
            "eligibility_note",
        ):
            self.right.add(name, getattr(self, name))
        layout = QHBoxLayout(self)
        layout.addLayout(self.left, 1)
        layout.addSpacing(16)
        layout.addLayout(self.right, 1)

    def _connect_changes(self) -> None:
        for widget in self.findChildren(QLineEdit):
            widget.textEdited.connect(self.changed)
        for combo in self.findChildren(QComboBox):
            combo.currentIndexChanged.connect(self.changed)
        for box in self.findChildren(QCheckBox):
            box.stateChanged.connect(self.changed)

    def set_client(self, client: Client | None) -> None:
        """Show a client's data (None: an empty form for a new client)."""
        self.blockSignals(True)
        c = client or Client(first_name="", last_name="", date_of_birth=None)  # type: ignore[arg-type]
        self.first_name.setText(c.first_name)
        self.last_name.setText(c.last_name)
        self.client_number.setText(c.client_number or "")
        self.date_of_birth.set_value(c.date_of_birth)
        self.dob_estimated.setChecked(c.dob_estimated)
        self.gender.set_code(c.gender)
        self.country_of_birth.set_code(c.country_of_birth)
        self.nationalities.set_codes(c.nationalities)
        self.languages.set_codes(c.languages)
        self.arrival_date.set_value(c.arrival_date)
        self.residence_status.set_code(c.residence_status)
        self.german_level.set_code(c.german_level)
        self.school_qualification.set_value(c.school_qualification)
        self.current_situation.set_value(c.current_situation)
        self.access_route.set_value(c.access_route)
        self.unaccompanied_minor.setCurrentIndex(self.unaccompanied_minor.findData(c.unaccompanied_minor))
        for name in ("guardian", "phone", "email", "address", "eligibility_note"):
            getattr(self, name).setText(getattr(c, name) or "")
        index = self.counsellor.findData(c.counsellor)
        if index < 0 and c.counsellor:
            self.counsellor.addItem(c.counsellor, c.counsellor)
            index = self.counsellor.count() - 1
        self.counsellor.setCurrentIndex(max(index, 0))
        self.blockSignals(False)
        self.left.clear_errors()
        self.right.clear_errors()
        self._loaded = client if client else None
        self.client_number.setReadOnly(client is not None)

    def rebase(self, client: Client) -> None:
        """Keep what is typed, but count it from ``client`` (a colleague's newer version) from now
        on: fields edited elsewhere in the file then come from that version."""
        self._loaded = client

    def client(self) -> Client:
        """The form's content as a Client (checked by the services, not here)."""
        minor: Any = self.unaccompanied_minor.currentData()
        loaded = self._loaded  # fields edited elsewhere in the file are carried over
        typed = self._typed_values()
        return Client(
            first_name=self.first_name.text(),
            last_name=self.last_name.text(),
            date_of_birth=typed["date_of_birth"],
            client_number=self.client_number.text().strip() or None,
            dob_estimated=self.dob_estimated.isChecked(),
            gender=self.gender.code() or codes.UNKNOWN,
            country_of_birth=self.country_of_birth.code() or codes.UNKNOWN,
            nationalities=typed["nationalities"],
            languages=typed["languages"],
            arrival_date=typed["arrival_date"],
            residence_status=self.residence_status.code() or codes.UNKNOWN,
            german_level=self.german_level.code() or codes.UNKNOWN,
            school_qualification=self.school_qualification.value(),
            current_situation=self.current_situation.value(),
            access_route=self.access_route.value(),
            unaccompanied_minor=minor,
            guardian=self.guardian.text(),
            phone=self.phone.text(),
            email=self.email.text(),
            address=self.address.text(),
            counsellor=self.counsellor.currentData(),
            eligibility_note=self.eligibility_note.text(),
            school_qualification_note=loaded.school_qualification_note if loaded else None,
            district=loaded.district if loaded else None,
        )

    def _typed_values(self) -> dict[str, Any]:
        """Dates and code lists read together, so every unreadable one is reported at once."""
        readers = {
            "date_of_birth": self.date_of_birth.value,
            "arrival_date": self.arrival_date.value,
            "nationalities": self.nationalities.codes,
            "languages": self.languages.codes,
        }
        values: dict[str, Any] = {}
        errors: list[FieldError] = []
        for name, read in readers.items():
            try:
                values[name] = read()
            except ValidationError as exc:
                errors.extend(exc.errors)
        if errors:
            raise ValidationError(errors)
        return values

    def is_dirty(self) -> bool:
        """True if the form differs from what was loaded."""
        try:
            current = self.client()
        except ValidationError:
            return True  # text that is not yet a valid value is still unsaved input
        if self._loaded is None:
            return bool(current.first_name.strip() or current.last_name.strip())
        return _normal(current) != _normal(self._loaded)

    def show_errors(self, errors: Sequence[FieldError]) -> list[FieldError]:
        """Show messages at the fields; returns errors of other fields."""
        rest = self.left.show_errors(errors)
        return self.right.show_errors(rest)

    def clear_errors(self) -> None:
        """Hide every message."""
        self.left.clear_errors()
        self.right.clear_errors()


def _normal(client: Client) -> tuple[Any, ...]:
    """Compare forms without caring about blanks vs. None."""
    values = replace(client, record_key=None).__dict__.values()
    return tuple((v.strip() or None) if isinstance(v, str) else v for v in values)
