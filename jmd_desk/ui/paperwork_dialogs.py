"""Paperwork from a client file: the Förderplan agreement and letters from templates.

Both are saved as PDF (to print from the PDF viewer or to send); printing is audited by the
services. The letter text can be edited before it is saved.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from jmd_desk.domain.errors import JmdError
from jmd_desk.domain.letters import LetterTemplate
from jmd_desk.services import paperwork
from jmd_desk.services.files import read_file, write_file
from jmd_desk.services.session import UserSession
from jmd_desk.ui import notify
from jmd_desk.ui.widgets import ERROR_STYLE


class LetterDialog(QDialog):
    """Choose a template (and for a referral letter the referral), edit the text, save as PDF."""

    def __init__(
        self,
        session: UserSession,
        client_id: int,
        client_number: str,
        parent: QWidget | None = None,
        *,
        template_folder: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("letter_dialog")
        self.setWindowTitle(self.tr("Letter"))
        self.session = session
        self.client_id = client_id
        self.client_number = client_number
        entries = paperwork.list_templates(template_folder)
        self.templates: list[LetterTemplate] = [e.template for e in entries if e.template is not None]
        self.template_combo = QComboBox()
        self.template_combo.setObjectName("letter_template_combo")
        for template in self.templates:
            self.template_combo.addItem(template.title)
        self.referral_combo = QComboBox()
        self.referral_combo.setObjectName("letter_referral_combo")
        for referral_id, label in paperwork.referral_choices(session, client_id):
            self.referral_combo.addItem(label, referral_id)
        self.text = QPlainTextEdit()
        self.text.setObjectName("letter_text_edit")
        self.text.setMinimumSize(640, 420)
        self.error = QLabel()
        self.error.setObjectName("letter_error_label")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        broken = [f"{e.file_name}: {notify.error_text(e.problem)}" for e in entries if e.problem is not None]
        self.broken = QLabel(self.tr("Templates that cannot be used:") + "\n" + "\n".join(broken) if broken else "")
        self.broken.setObjectName("broken_templates_label")
        self.broken.setWordWrap(True)
        self.save_button = QPushButton(self.tr("Save as &PDF…"))
        self.save_button.setObjectName("letter_save_button")
        self.save_button.clicked.connect(self._save)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Template:"), self.template_combo)
        form.addRow(self.tr("Referral:"), self.referral_combo)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.broken)
        layout.addWidget(buttons)
        self.template_combo.currentIndexChanged.connect(self.fill)
        self.referral_combo.currentIndexChanged.connect(self.fill)
        self.fill()

    @property
    def template(self) -> LetterTemplate | None:
        """The chosen template."""
        index = self.template_combo.currentIndex()
        return self.templates[index] if 0 <= index < len(self.templates) else None

    def fill(self) -> None:
        """Fill the chosen template from the file (the text can then be edited)."""
        template = self.template
        self.referral_combo.setEnabled(bool(template and template.needs_referral))
        self.error.clear()
        if template is None:
            return
        try:
            self.text.setPlainText(
                paperwork.fill_letter(self.session, self.client_id, template, self.referral_combo.currentData())
            )
        except JmdError as exc:
            self.text.clear()
            self.error.setText(notify.error_text(exc))
        self.save_button.setEnabled(not self.error.text())

    def _save(self) -> None:
        template = self.template
        if template is None:
            return
        stem = Path(template.name).stem
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save letter"), f"{stem}-{self.client_number}.pdf", "PDF (*.pdf)"
        )
        if path:
            self.save_to(Path(path))

    def save_to(self, path: Path) -> bool:
        """Write the edited letter as PDF to ``path``."""
        template = self.template
        assert template is not None
        try:
            pdf = paperwork.letter_pdf(
                self.session, self.client_id, template, self.text.toPlainText(), self.referral_combo.currentData()
            )
            write_file(path, pdf, private=True)
        except JmdError as exc:
            self.error.setText(notify.error_text(exc))
            return False
        self.error.clear()
        return True


class PaperworkActions(QObject):
    """The buttons of a client file for the Förderplan agreement and letters."""

    def __init__(
        self,
        parent: QWidget,
        session: UserSession,
        client_id: int,
        case_id: Callable[[], int | None],
        client_number: Callable[[], str],
        after_print: Callable[[], None],
    ) -> None:
        super().__init__(parent)
        self.window = parent
        self.session = session
        self.client_id = client_id
        self.case_id = case_id
        self.client_number = client_number
        self.after_print = after_print

    def buttons(self) -> list[QPushButton]:
        """ "Förderplan drucken…" and "Schreiben…"."""
        plan = QPushButton(self.tr("Print support &plan…"))
        plan.setObjectName("print_plan_button")
        plan.setToolTip(self.tr("The Integrationsförderplan of this case as an agreement to sign (PDF)"))
        plan.clicked.connect(self._save_plan)
        letter = QPushButton(self.tr("&Letter…"))
        letter.setObjectName("letter_button")
        letter.clicked.connect(self.open_letter)
        return [plan, letter]

    def _save_plan(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self.window, self.tr("Save support plan"), f"foerderplan-{self.client_number()}.pdf", "PDF (*.pdf)"
        )
        if path:
            self.save_plan_to(Path(path))

    def save_plan_to(self, path: Path) -> bool:
        """Write the Förderplan agreement of the selected case to ``path``."""
        try:
            write_file(path, paperwork.plan_pdf(self.session, self.client_id, self.case_id()), private=True)
        except JmdError as exc:
            notify.show_error(self.window, exc)
            return False
        self.after_print()
        return True

    def letter_dialog(self) -> LetterDialog:
        """The letter dialog for this file (not yet shown)."""
        return LetterDialog(self.session, self.client_id, self.client_number(), self.window)

    def open_letter(self) -> None:
        dialog = self.letter_dialog()
        dialog.exec()
        self.after_print()


class LogoSetting(QWidget):
    """The office logo on printed paperwork (admin settings); changes apply at once."""

    def __init__(self, session: UserSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.state = QLabel()
        self.state.setObjectName("logo_state_label")
        choose = QPushButton(self.tr("Choose logo…"))
        choose.setObjectName("logo_choose_button")
        choose.clicked.connect(self._choose)
        self.remove = QPushButton(self.tr("Remove logo"))
        self.remove.setObjectName("logo_remove_button")
        self.remove.clicked.connect(lambda: self.set_logo(None))
        folder = QLabel(
            self.tr("Own letter templates (text files): {folder}").format(folder=paperwork.office_template_folder())
        )
        folder.setObjectName("template_folder_label")
        folder.setWordWrap(True)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.state, 1)
        row.addWidget(choose)
        row.addWidget(self.remove)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(folder)
        self._show_state()

    def _show_state(self) -> None:
        has_logo = paperwork.has_office_logo(self.session)
        self.state.setText(self.tr("A logo is set.") if has_logo else self.tr("No logo."))
        self.remove.setEnabled(has_logo)

    def _choose(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Logo"), "", self.tr("Images (*.png *.jpg *.jpeg)"))
        if path:
            try:
                data = read_file(Path(path))
            except JmdError as exc:
                notify.show_error(self, exc)
                return
            self.set_logo(data)

    def set_logo(self, data: bytes | None) -> bool:
        """Store (or with None remove) the logo; a problem is shown and changes nothing."""
        try:
            paperwork.set_office_logo(self.session, data)
        except JmdError as exc:
            self.state.setText(notify.error_text(exc))
            return False
        self._show_state()
        return True
