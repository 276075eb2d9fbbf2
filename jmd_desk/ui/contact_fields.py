"""The one contact form: the editors of a Beratungskontakt, used by the quick entry on the
Kontakte tab and by the correction dialog, with ranges and code lists from the field catalogue."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QPlainTextEdit, QSpinBox, QWidget

from jmd_desk.domain import codes
from jmd_desk.domain.entities import Contact
from jmd_desk.domain.fields import CONTACT_FIELDS, FieldSpec
from jmd_desk.ui.widgets import CodeChecks, CodeCombo, DateField

SPECS: dict[str, FieldSpec] = {spec.name: spec for spec in CONTACT_FIELDS}


def _offered(field: str, recorded: tuple[str, ...] = ()) -> tuple[str, ...]:
    """The codes to tick: the catalogue's list without ``unknown`` unless the record has it."""
    values = SPECS[field].codes
    return tuple(v for v in values if v != codes.UNKNOWN or v in recorded)


def minutes_box(value: int, field: str = "minutes", parent: QWidget | None = None) -> QSpinBox:
    """Minutes in steps of five, bounded as the catalogue bounds them."""
    spec = SPECS[field]
    box = QSpinBox(parent)
    box.setRange(spec.min_value, spec.max_value)
    box.setSingleStep(5)
    box.setValue(value)
    return box


class ContactFields:
    """The editors of one contact; ``contact()`` reads them, ``names`` finds them in tests."""

    def __init__(
        self,
        parent: QWidget,
        today: Callable[[], date],
        contact: Contact | None = None,
        prefix: str | None = None,
    ) -> None:
        """``prefix`` names the editors ``<prefix>_date_edit`` …; without it the form names them.
        The editors belong to ``parent`` from the start (this plain object must never own them)."""
        recorded = contact or Contact(today(), 30, codes.UNKNOWN, participants=("young_person",))
        self.date = DateField(today=today, parent=parent)
        self.date.set_value(recorded.date)
        self.minutes = minutes_box(recorded.minutes, parent=parent)
        self.mode = CodeCombo("mode", SPECS["mode"].codes, parent=parent)
        self.mode.set_code(recorded.mode if contact else None)
        self.participants = CodeChecks("participants", _offered("participants", recorded.participants), parent)
        self.participants.set_codes(recorded.participants)
        self.topics = CodeChecks("area", _offered("topics", recorded.topics), parent, columns=3)
        self.topics.set_codes(recorded.topics)
        self.interpreter = QCheckBox(QCoreApplication.translate("ContactFields", "with interpreter"), parent)
        self.interpreter.setChecked(recorded.interpreter)
        self.notes = QPlainTextEdit(recorded.notes or "", parent)
        for name, widget in self.named().items() if prefix else ():
            widget.setObjectName(f"{prefix}_{name}")

    def named(self) -> dict[str, QWidget]:
        """The editors by the suffix of their object name."""
        return {
            "date_edit": self.date,
            "minutes_spin": self.minutes,
            "mode_combo": self.mode,
            "participants_checks": self.participants,
            "topics_checks": self.topics,
            "interpreter_check": self.interpreter,
            "notes_edit": self.notes,
        }

    def fields(self) -> list[tuple[str, QWidget]]:
        """(field name, editor) pairs for a form, in the catalogue's order."""
        editors = self.named()
        return [(name, editors[suffix]) for name, suffix in zip(FIELD_NAMES, editors, strict=True)]

    def contact(self) -> Contact:
        """The contact as entered (the service validates it)."""
        return Contact(
            date=self.date.value(),  # type: ignore[arg-type]  # None is reported as required by the service
            minutes=self.minutes.value(),
            mode=self.mode.code() or codes.UNKNOWN,
            participants=self.participants.codes(),
            topics=self.topics.codes(),
            interpreter=self.interpreter.isChecked(),
            notes=self.notes.toPlainText(),
        )

    def start_next(self, today: date) -> None:
        """After logging: same participants and mode, a fresh note, today's date."""
        self.notes.clear()
        self.topics.set_codes([])
        self.interpreter.setChecked(False)
        self.date.set_value(today)

    def chain_tab_order(self, last: QWidget) -> None:
        """Tab walks the editors in form order, then to ``last``."""
        for first, second in itertools.pairwise([*self.named().values(), last]):
            QWidget.setTabOrder(first, second)


FIELD_NAMES = ("date", "minutes", "mode", "participants", "topics", "interpreter", "notes")
