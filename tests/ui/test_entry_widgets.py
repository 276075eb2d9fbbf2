"""The shared editors: DateField (typed dates, calendar start, field errors) and CodeListEdit
(completion by name and code, arrow selection, names shown instead of codes)."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout

from jmd_desk.domain.errors import ValidationError
from jmd_desk.ui.code_list import CodeListEdit
from jmd_desk.ui.date_entry import DateField
from jmd_desk.ui.widgets import FormGrid

TODAY = date(2026, 11, 20)


def date_field(qtbot, **kwargs) -> DateField:
    field = DateField(today=lambda: TODAY, **kwargs)
    qtbot.addWidget(field)
    field.show()
    field.setFocus()
    return field


def type_into(qtbot, widget, text: str) -> None:
    widget.selectAll()
    qtbot.keyClicks(widget, text)


def test_a_typed_date_is_read_and_shown_in_full(qtbot) -> None:
    field = date_field(qtbot, optional=True, birth=True)
    type_into(qtbot, field, "5.3.96")
    assert field.value() == date(1996, 3, 5)
    field.editingFinished.emit()
    assert field.text() == "05.03.1996"


def test_required_field_starts_at_today_and_optional_empty(qtbot) -> None:
    assert date_field(qtbot).value() == TODAY
    empty = date_field(qtbot, optional=True)
    assert empty.text() == "" and empty.value() is None


def test_unparseable_text_is_kept_marked_and_raised_at_the_field(qtbot) -> None:
    field = date_field(qtbot, optional=True)
    field.field = "due_on"
    type_into(qtbot, field, "5031996")
    field.editingFinished.emit()
    assert field.text() == "5031996"  # never silently changed
    assert field.property("invalid") is True
    with pytest.raises(ValidationError) as caught:
        field.value()
    assert [(e.path, e.code) for e in caught.value.errors] == [("due_on", "date_unparseable")]


def test_form_grid_names_the_field_and_shows_the_message(qtbot) -> None:
    dialog = QDialog()
    qtbot.addWidget(dialog)
    grid = FormGrid()
    field = DateField(optional=True)
    grid.add("agreed_on", field)
    QVBoxLayout(dialog).addLayout(grid)
    field.setText("31.02.2027")
    with pytest.raises(ValidationError) as caught:
        field.value()
    assert grid.show_errors(caught.value.errors) == []
    assert "TT.MM.JJJJ" in grid.error_label("agreed_on").text()


def test_calendar_opens_near_a_sensible_day(qtbot) -> None:
    assert date_field(qtbot, optional=True, birth=True).calendar_start() == date(2010, 11, 20)
    assert date_field(qtbot, optional=True).calendar_start() == TODAY
    shown = date_field(qtbot, optional=True)
    shown.set_value(date(2027, 3, 31))
    assert shown.calendar_start() == date(2027, 3, 31)
    shown.open_calendar()
    popup = shown._popup
    assert popup is not None and popup.isVisible()
    qtbot.keyClick(popup.findChild(object, "calendar"), Qt.Key.Key_Return)  # type: ignore[arg-type]
    assert shown.value() == date(2027, 3, 31)


DIALOGS: list[QDialog] = []


def code_list(qtbot, kind: str) -> CodeListEdit:
    dialog = QDialog()
    DIALOGS[:] = [dialog]  # keep it alive for the test
    qtbot.addWidget(dialog)
    edit = CodeListEdit(kind)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save)
    buttons.accepted.connect(dialog.accept)
    layout = QVBoxLayout(dialog)
    layout.addWidget(edit)
    layout.addWidget(buttons)
    dialog.show()
    qtbot.waitExposed(dialog)
    edit.setFocus()
    return edit


@pytest.mark.parametrize(
    ("typed", "code"), [("syr", "SY"), ("Syrien", "SY"), ("sy", "SY"), ("deutschl", "DE"), ("germ", "DE")]
)
def test_completion_by_name_or_code_and_enter(qtbot, typed: str, code: str) -> None:
    edit = code_list(qtbot, "countries")
    qtbot.keyClicks(edit, typed)
    assert edit.completer_popup().isVisible()
    qtbot.keyClick(edit.completer_popup(), Qt.Key.Key_Return)
    assert edit.codes() == (code,)
    assert edit.window().isVisible()  # Enter picked the entry and did not press Save


def test_arrow_selection_and_a_second_entry(qtbot) -> None:
    edit = code_list(qtbot, "languages")
    qtbot.keyClicks(edit, "arab")
    first = edit.matches("arab")
    assert first[0] == "ar"
    qtbot.keyClicks(edit, "")
    qtbot.keyClick(edit.completer_popup(), Qt.Key.Key_Return)
    qtbot.keyClicks(edit, "deu")
    popup = edit.completer_popup()
    assert edit.matches("deu")[0] == "de"
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert edit.codes() == ("ar", "de")
    assert edit.text().startswith("Arabisch, Deutsch")
    edit.clear()
    qtbot.keyClicks(edit, "ara")
    options = edit.matches("ara")
    assert len(options) >= 2
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert edit.codes() == (options[1],)


def test_names_shown_unknown_text_refused(qtbot) -> None:
    edit = code_list(qtbot, "countries")
    edit.field = "nationalities"
    edit.set_codes(("SY", "unknown"))
    assert edit.text() == "Syrien, keine Angabe"
    assert edit.codes() == ("SY", "unknown")
    edit.setText("Syrien, Atlantis")
    with pytest.raises(ValidationError) as caught:
        edit.codes()
    assert caught.value.errors[0].path == "nationalities"
    assert "Atlantis" in caught.value.errors[0].params["text"]
