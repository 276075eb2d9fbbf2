"""DateField: the one date editor of every form.

A line edit that takes a typed date (``TT.MM.JJJJ``; shorter forms and the century rule are in
``jmd_desk.domain.typed_dates``) plus a calendar button (also Alt+Down or F4) that is not a Tab
stop. Nothing is changed silently: a parseable date is shown back in full when the field is left,
anything else stays as typed, is marked at the field, and ``value()`` raises a ValidationError
naming the field, so the form shows the message where the user typed.

API (used by all forms)::

    day = DateField(optional=True, birth=True, today=clock.today)
    day.set_value(date(1996, 3, 15))   # None empties an optional field (else: today)
    day.value()                        # date | None; ValidationError if the text is no date
    day.changed.connect(...)           # typed or picked
    day.field = "date_of_birth"        # error path; FormGrid.add sets it to the row's name
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QCalendarWidget, QLineEdit, QStyle, QVBoxLayout, QWidget

from jmd_desk.domain.errors import FieldError, ValidationError
from jmd_desk.domain.typed_dates import DateTextError, parse_typed_date
from jmd_desk.ui.i18n import date_format

BIRTH_YEARS_BACK = 16  # the calendar of an empty birth date opens at a typical client's age
INVALID_STYLE = "QLineEdit { border: 2px solid #b00020; }"


def format_date(value: date | None) -> str:
    """A date for tables, labels and date fields in the interface language."""
    return QDate(value.year, value.month, value.day).toString(date_format()) if value else ""


def _placeholder() -> str:
    return "TT.MM.JJJJ" if date_format().startswith("dd") else "YYYY-MM-DD"


class DateField(QLineEdit):
    """A typed date with a calendar popup; optional fields may stay empty."""

    changed = Signal()

    def __init__(
        self,
        *,
        optional: bool = False,
        birth: bool = False,
        today: Callable[[], date] = date.today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.optional = optional
        self.birth = birth
        self.field: str | None = None
        self._today = today
        self._popup: QWidget | None = None
        self.setPlaceholderText(_placeholder())
        self.setMaxLength(20)
        icon = self.style().standardIcon(QStyle.StandardPixmap.SP_FileDialogDetailedView)
        action = self.addAction(icon, QLineEdit.ActionPosition.TrailingPosition)
        action.setToolTip(self.tr("Calendar (Alt+Down)"))
        action.triggered.connect(self.open_calendar)
        self.textEdited.connect(self._edited)
        self.editingFinished.connect(self._normalise)
        if not optional:
            self.set_value(None)

    # --- reading and writing
    def value(self) -> date | None:
        """The date shown (None when empty); ValidationError if the text is not a date."""
        try:
            return parse_typed_date(self.text(), self._today(), birth=self.birth)
        except DateTextError:
            path = self.field or self.objectName().removesuffix("_edit")
            raise ValidationError([FieldError(path, "date_unparseable", {"text": self.text().strip()})]) from None

    def is_valid(self) -> bool:
        """True if the text is empty or a date."""
        try:
            parse_typed_date(self.text(), self._today(), birth=self.birth)
        except DateTextError:
            return False
        return True

    def set_value(self, value: date | None) -> None:
        """Show ``value``; None empties an optional field and shows today in a required one."""
        if value is None and not self.optional:
            value = self._today()
        self.setText(format_date(value))
        self._mark()

    # --- behaviour
    def _edited(self, _text: str) -> None:
        self._mark(only_clear=True)
        self.changed.emit()

    def _normalise(self) -> None:
        """Show a parsed date in full (so the century rule is visible); mark anything else."""
        if self.is_valid():
            parsed = parse_typed_date(self.text(), self._today(), birth=self.birth)
            if self.text() != format_date(parsed):
                self.setText(format_date(parsed))
        self._mark()

    def _mark(self, *, only_clear: bool = False) -> None:
        bad = not only_clear and not self.is_valid()
        self.setProperty("invalid", bad)
        self.setStyleSheet(INVALID_STYLE if bad else "")
        self.setToolTip(self.tr("Not a date: please type DD.MM.YYYY") if bad else "")

    def keyPressEvent(self, event: QKeyEvent) -> None:
        alt_down = event.key() == Qt.Key.Key_Down and event.modifiers() & Qt.KeyboardModifier.AltModifier
        if alt_down or event.key() == Qt.Key.Key_F4:
            self.open_calendar()
            return
        super().keyPressEvent(event)

    def calendar_start(self) -> date:
        """Where the calendar opens: the shown date, else a sensible day near it."""
        if self.is_valid() and self.value():
            return self.value()  # type: ignore[return-value]
        today = self._today()
        if self.birth:
            return today.replace(year=today.year - BIRTH_YEARS_BACK, day=min(today.day, 28))
        return today

    def open_calendar(self) -> None:
        """Show a calendar below the field; a click or Enter takes the day."""
        popup = QWidget(self, Qt.WindowType.Popup)
        popup.setObjectName(f"{self.objectName()}_calendar")
        calendar = QCalendarWidget(popup)
        calendar.setObjectName("calendar")
        start = self.calendar_start()
        calendar.setSelectedDate(QDate(start.year, start.month, start.day))
        calendar.activated.connect(lambda day: self._take(day, popup))
        calendar.clicked.connect(lambda day: self._take(day, popup))
        layout = QVBoxLayout(popup)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(calendar)
        popup.move(self.mapToGlobal(self.rect().bottomLeft()))
        popup.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._popup = popup
        popup.show()
        calendar.setFocus()

    def _take(self, day: QDate, popup: QWidget) -> None:
        self.set_value(date(day.year(), day.month(), day.day()))
        popup.close()
        self._popup = None
        self.setFocus()
        self.changed.emit()
