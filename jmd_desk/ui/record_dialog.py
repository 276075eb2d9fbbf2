"""A small dialog for one record: fields with messages at the field, save through a service."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from jmd_desk.domain.errors import JmdError, ValidationError
from jmd_desk.ui.login_dialog import error_label
from jmd_desk.ui.notify import error_text
from jmd_desk.ui.views import grow_to_fit
from jmd_desk.ui.widgets import FormGrid


class RecordDialog(QDialog):
    """Edits one record. ``build`` reads the editors into an entity, ``save`` stores it (and may
    raise ValidationError/JmdError, shown in the dialog; the dialog then stays open)."""

    def __init__(
        self,
        name: str,
        title: str,
        fields: Sequence[tuple[str, QWidget] | tuple[str, QWidget, str]],
        build: Callable[[], Any],
        save: Callable[[Any], Any],
        parent: QWidget | None = None,
        intro: str = "",
    ) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setWindowTitle(title)
        self._build = build
        self._save = save
        self.result_value: Any = None
        self.form = FormGrid()
        for field, editor, *label in fields:  # an optional third item overrides the label
            self.form.add(field, editor, label[0] if label else None)
        self.error_label = error_label(f"{name}_error_label")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.setObjectName(f"{name}_buttons")
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        if intro:
            intro_label = QLabel(intro)
            intro_label.setWordWrap(True)
            layout.addWidget(intro_label)
        layout.addLayout(self.form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(480)

    def submit(self) -> None:
        """Save; on success close, else show what is wrong."""
        self.form.clear_errors()
        self.error_label.hide()
        try:
            self.result_value = self._save(self._build())
        except ValidationError as exc:
            rest = self.form.show_errors(exc.errors)
            if rest:
                self._show(error_text(ValidationError(rest)))
            grow_to_fit(self)
            return
        except JmdError as exc:
            self._show(error_text(exc))
            return
        self.accept()

    def _show(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()
