"""HeadcountEdit: participants counted per code (gender or age group), estimates allowed."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QGridLayout, QLabel, QSpinBox, QWidget

from jmd_desk.domain.fields import MAX_HEADCOUNT
from jmd_desk.texts.labels import code_label
from jmd_desk.ui.i18n import language

PER_ROW = 4


class HeadcountEdit(QWidget):
    """One spin box per code; Tab walks them, typed numbers replace the value."""

    def __init__(self, field: str, values: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self._boxes: dict[str, QSpinBox] = {}
        for code in values:
            label = QLabel(code_label(field, code, language()))
            label.setMinimumWidth(label.sizeHint().width())  # never cut a category's name
            box = QSpinBox()
            box.setObjectName(f"{field}_{code}_count")
            box.setRange(0, MAX_HEADCOUNT)
            box.setMaximumWidth(box.fontMetrics().horizontalAdvance("000000") + 30)
            box.setAccessibleName(label.text())
            label.setBuddy(box)
            row, column = divmod(len(self._boxes), PER_ROW)
            layout.addWidget(label, row, 2 * column)
            layout.addWidget(box, row, 2 * column + 1)
            self._boxes[code] = box
        layout.setColumnStretch(2 * PER_ROW, 1)

    def value(self) -> tuple[tuple[str, int], ...]:
        """The counts above zero, in code order."""
        return tuple((code, box.value()) for code, box in self._boxes.items() if box.value())

    def set_value(self, counts: Sequence[tuple[str, int]]) -> None:
        """Show ``counts`` (codes not given: zero)."""
        given = dict(counts)
        for code, box in self._boxes.items():
            box.setValue(given.get(code, 0))
