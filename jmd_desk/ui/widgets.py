"""Editors for coded fields, dates and code lists, and a form grid with messages at the field."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QLabel,
    QWidget,
)

from jmd_desk.domain.errors import FieldError
from jmd_desk.texts.labels import code_label, field_label
from jmd_desk.texts.messages import field_message
from jmd_desk.ui.code_list import CodeListEdit
from jmd_desk.ui.date_entry import DateField, format_date
from jmd_desk.ui.i18n import language

__all__ = ["CodeChecks", "CodeCombo", "CodeListEdit", "DateField", "FormGrid", "SuggestCombo", "format_date"]

ERROR_STYLE = "color: #b00020;"


class CodeCombo(QComboBox):
    """Selection of one code of a field, shown by its translated label."""

    def __init__(
        self, field: str, values: Sequence[str], *, allow_empty: bool = False, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.field = field
        if allow_empty:
            self.addItem("", None)
        for value in values:
            self.addItem(code_label(field, value, language()), value)

    def code(self) -> str | None:
        """The selected code."""
        return self.currentData()

    def set_code(self, value: str | None) -> None:
        """Select ``value`` (added if it is not in the list, so nothing is lost)."""
        index = self.findData(value)
        if index < 0 and value is not None:
            self.addItem(code_label(self.field, value, language()), value)
            index = self.count() - 1
        self.setCurrentIndex(max(index, 0))


class SuggestCombo(QComboBox):
    """Free text with suggestions: a suggestion is stored as its code, other text as typed."""

    def __init__(self, field: str, suggestions: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = field
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.addItem("", None)
        for code in suggestions:
            self.addItem(code_label(field, code, language()), code)

    def value(self) -> str | None:
        """The code of a chosen suggestion, else the typed text (None if empty)."""
        text = self.currentText().strip()
        if not text:
            return None
        index = self.findText(text, Qt.MatchFlag.MatchFixedString)
        if index >= 0 and self.itemData(index):
            return str(self.itemData(index))
        return text

    def set_value(self, value: str | None) -> None:
        """Show ``value`` (by its label if it is a suggestion)."""
        index = self.findData(value) if value else 0
        if index >= 0:
            self.setCurrentIndex(index)
        else:
            self.setEditText(value or "")


class CodeChecks(QWidget):
    """Several codes of one list as check boxes (participants, topics).

    One Tab stop for the whole row: Left/Right move between the boxes, Space ticks the current
    one (marked while the row has focus), so a form stays short to walk by keyboard."""

    changed = Signal()
    CURRENT_STYLE = "QCheckBox { background: #cfe3fa; border-radius: 3px; }"

    def __init__(self, field: str, values: Sequence[str], parent: QWidget | None = None, *, columns: int = 0) -> None:
        """``columns`` > 0 wraps the boxes into rows of that many (for narrow dialogs)."""
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        layout = QGridLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        per_row = columns or len(values)
        self._boxes: dict[str, QCheckBox] = {}
        for index, value in enumerate(values):
            box = QCheckBox(code_label(field, value, language()), self)
            box.setObjectName(f"{field}_{value}_check")
            box.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            box.toggled.connect(self.changed)
            layout.addWidget(box, index // per_row, index % per_row)
            self._boxes[value] = box
        layout.setColumnStretch(per_row, 1)
        self._current = 0

    def codes(self) -> tuple[str, ...]:
        """The ticked codes, in list order."""
        return tuple(code for code, box in self._boxes.items() if box.isChecked())

    def set_codes(self, values: Iterable[str]) -> None:
        """Tick exactly ``values``."""
        wanted = set(values)
        for code, box in self._boxes.items():
            box.setChecked(code in wanted)

    def current_code(self) -> str:
        """The code of the box that Space would tick."""
        return list(self._boxes)[self._current]

    def keyPressEvent(self, event: QKeyEvent) -> None:
        boxes = list(self._boxes.values())
        if event.key() in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            step = 1 if event.key() == Qt.Key.Key_Right else -1
            self._current = (self._current + step) % len(boxes)
            self._mark_current()
        elif event.key() == Qt.Key.Key_Space:
            boxes[self._current].toggle()
        else:
            super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self._mark_current()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self._mark_current()

    def _mark_current(self) -> None:
        for index, box in enumerate(self._boxes.values()):
            box.setStyleSheet(self.CURRENT_STYLE if self.hasFocus() and index == self._current else "")


class FormGrid(QGridLayout):
    """Rows of label, editor and a message line below the editor for that field's errors."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setColumnStretch(1, 1)
        self._errors: dict[str, QLabel] = {}
        self._row = 0

    def add(self, name: str, editor: QWidget, label: str | None = None) -> QWidget:
        """Add a row for field ``name``; the editor gets ``<name>_edit`` unless it has a name."""
        text = label if label is not None else field_label(name, language())
        caption = QLabel(text)
        caption.setBuddy(editor)
        if not editor.objectName():
            editor.setObjectName(f"{name}_edit")
        editor.setAccessibleName(text)
        for named in (editor, *editor.findChildren(QWidget)):
            if isinstance(named, DateField | CodeListEdit) and not named.field:
                named.field = name  # their own errors then land in this row
        error = QLabel("")
        error.setObjectName(f"{name}_error")
        error.setStyleSheet(ERROR_STYLE)
        error.setWordWrap(True)
        error.hide()
        self.addWidget(caption, self._row, 0, Qt.AlignmentFlag.AlignTop)
        self.addWidget(editor, self._row, 1)
        self.addWidget(error, self._row + 1, 1)
        self._errors[name] = error
        self._row += 2
        return editor

    def show_errors(self, errors: Iterable[FieldError], prefix: str = "") -> list[FieldError]:
        """Show each error at its field; returns those that belong to no field here."""
        self.clear_errors()
        rest = []
        for e in errors:
            path = e.path.removeprefix(prefix)
            name = path.split("[")[0].split(".")[0]
            label = self._errors.get(name)
            if label is None:
                rest.append(e)
                continue
            text = field_message(e, language())
            label.setText(f"{label.text()}\n{text}" if label.text() else text)
            label.show()
        return rest

    def clear_errors(self) -> None:
        """Hide all messages."""
        for label in self._errors.values():
            label.clear()
            label.hide()

    def error_label(self, name: str) -> QLabel:
        """The message line of one field."""
        return self._errors[name]
