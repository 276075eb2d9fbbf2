"""Every main screen and dialog at 1366x768 under a window manager: every visible widget lies on
the screen, and no label, button, check box or column header shows its text cut off."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QApplication,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QWidget,
)

from jmd_desk.demo.synthetic import generate_document
from jmd_desk.domain.entities import Appointment, Contact, Goal, GroupSession
from jmd_desk.services import interchange, partners
from jmd_desk.services.environment import AppPaths, Environment
from jmd_desk.ui import i18n
from jmd_desk.ui.account_dialogs import ChangePasswordDialog, RekeyResultDialog
from jmd_desk.ui.anonymous_contact_dialog import anonymous_contact_dialog
from jmd_desk.ui.appointment_dialog import appointment_dialog
from jmd_desk.ui.documents_tab import AddDocumentDialog
from jmd_desk.ui.group_offer_dialog import group_offer_dialog, group_session_dialog
from jmd_desk.ui.help import AboutDialog
from jmd_desk.ui.login_dialog import LoginDialog
from jmd_desk.ui.main_window import MainWindow
from jmd_desk.ui.new_client_dialog import NewClientDialog
from jmd_desk.ui.record_editors import (
    case_dialog,
    close_case_dialog,
    consent_dialog,
    contact_dialog,
    follow_up_dialog,
    goal_dialog,
    referral_dialog,
)
from jmd_desk.ui.register_dialog import RegisterDialog
from jmd_desk.ui.setup_wizard import SetupWizard
from jmd_desk.ui.sheet_import_wizard import SheetImportWizard
from jmd_desk.ui.tasks import TaskRunner
from jmd_desk.ui.ui_settings import UiSettings
from tests.conftest import POLICY, TODAY, sign_in
from tests.realdisplay.harness import shots_dir

SHOTS = shots_dir()


def _inside_scroll_area(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def _text_fits(widget: QWidget) -> bool:
    if isinstance(widget, QLabel):
        if widget.wordWrap() or not widget.text() or (widget.pixmap() is not None and not widget.pixmap().isNull()):
            return True
        return widget.sizeHint().width() <= widget.width() + 1
    if isinstance(widget, QAbstractButton) and widget.text():
        return widget.sizeHint().width() <= widget.width() + 1
    if isinstance(widget, QLineEdit) and widget.placeholderText() and not widget.text():
        icons = sum(1 for action in widget.actions() if action.isVisible()) * 24  # calendar, clear
        needed = widget.fontMetrics().horizontalAdvance(widget.placeholderText()) + 12 + icons
        return needed <= widget.width()
    return True


def _header_problems(header: QHeaderView) -> list[str]:
    model, metrics, problems = header.model(), header.fontMetrics(), []
    if model is None or not header.isVisible():
        return []
    for section in range(header.count()):
        if header.isSectionHidden(section):
            continue
        text = str(model.headerData(section, header.orientation()) or "")
        arrow = 16 if header.isSortIndicatorShown() and header.sortIndicatorSection() == section else 0
        needed = metrics.horizontalAdvance(text) + 8 + arrow  # the style's margins, the sort arrow
        if needed > header.sectionSize(section):
            problems.append(f"{header.parentWidget().objectName()}: header {text!r} cut off")
    return problems


def _item_view_problems(view: QAbstractItemView) -> list[str]:
    """Rows whose text is cut off in a one-column list, and tables that scroll sideways."""
    name = view.objectName() or type(view).__name__
    if view.horizontalScrollBar().isVisible():
        return [f"{name}: scrolls sideways"]
    model = view.model()
    if model is None or not isinstance(view, QListView):
        return []
    metrics, problems = view.fontMetrics(), []
    for row in range(model.rowCount()):
        index = model.index(row, 0)
        text = str(index.data() or "")
        icon = view.iconSize().width() + 8 if index.data(1) is not None else 0  # Qt.DecorationRole
        if metrics.horizontalAdvance(text) + icon + 8 > view.visualRect(index).width():
            problems.append(f"{name}: item {text!r} cut off")
    return problems


def layout_problems(top: QWidget) -> list[str]:
    """What is off the screen or cut off in ``top`` (a shown window)."""
    screen = top.screen().geometry()
    problems = []
    if not screen.contains(top.frameGeometry()):
        problems.append(f"{top.objectName()}: window {top.frameGeometry()} exceeds the screen {screen}")
    for widget in top.findChildren(QWidget):
        if not widget.isVisible() or widget.window() is not top:
            continue
        if not _inside_scroll_area(widget):
            rect = QRect(widget.mapToGlobal(QPoint(0, 0)), widget.size())
            if not screen.contains(rect):
                problems.append(f"{widget.objectName() or type(widget).__name__}: off the screen at {rect}")
        if not _text_fits(widget):
            name = widget.objectName() or type(widget).__name__
            shown = widget.placeholderText() if isinstance(widget, QLineEdit) else getattr(widget, "text", str)()
            problems.append(f"{name}: text {shown!r} cut off")
        if isinstance(widget, QHeaderView):
            problems.extend(_header_problems(widget))
        elif isinstance(widget, QAbstractItemView):
            problems.extend(_item_view_problems(widget))
    return problems


@pytest.fixture
def main_window(qtbot, store_path: Path, clock, tmp_path: Path) -> Iterator[MainWindow]:
    i18n.install(QApplication.instance(), "de")
    admin = sign_in(store_path, "admin", clock)
    doc = generate_document(30, today=TODAY.date(), seed=11, counsellors=["admin"])
    interchange.import_data(admin, json.dumps(doc).encode())
    runner = TaskRunner()
    window = MainWindow(admin, runner, UiSettings(AppPaths.from_env()))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window
    for file_window in list(window.file_windows.values()):
        file_window.close()
    runner.wait()
    if admin.store.is_open:
        admin.close()


def check(qtbot, top: QWidget, name: str) -> list[str]:
    top.show()
    qtbot.waitExposed(top)
    qtbot.wait(150)  # the window manager places and decorates the window
    top.grab().save(str(SHOTS / f"layout-{name}.png"))
    return [f"{name}: {p}" for p in layout_problems(top)]


def test_every_screen_fits_1366x768(qtbot, main_window: MainWindow) -> None:
    problems: list[str] = []
    for key in list(main_window.pages):
        main_window.show_page(key)
        problems += check(qtbot, main_window, f"page-{key}")
    rows = main_window.pages["clients"].model.rows()
    main_window.open_file(rows[0].id)
    file_window = next(iter(main_window.file_windows.values()))
    for index in range(file_window.tabs.count()):
        file_window.tabs.setCurrentIndex(index)
        problems += check(qtbot, file_window, f"file-tab-{index}")
    today = date(2026, 11, 20)
    contact = Contact(date=today, minutes=30, mode="in_person")
    case = file_window.current_case().case
    dialogs = {
        "new-client": NewClientDialog(main_window.session, main_window),
        "goal": goal_dialog(file_window, Goal(area="school", title="", agreed_on=today), today, lambda v: v),
        "contact": contact_dialog(file_window, contact, lambda v: v),
        "follow-up": follow_up_dialog(file_window, None, today, lambda v: v),
        "consent": consent_dialog(file_window, today, lambda v: v),
        "case": case_dialog(file_window, case, lambda v: v),
        "close-case": close_case_dialog(file_window, today, lambda v: v),
        "password": ChangePasswordDialog(main_window.session, main_window),
        "about": AboutDialog(main_window.session, AppPaths.from_env(), main_window),
        "login": LoginDialog(
            Environment(AppPaths.from_env(), main_window.session.clock, POLICY, "de"),
            TaskRunner(),
            main_window.session.store.paths.db,
            "berta",
        ),
    }
    for name, dialog in dialogs.items():
        problems += check(qtbot, dialog, name)
        dialog.close()
    main_window.lock()
    problems += check(qtbot, main_window, "locked")
    assert problems == [], "\n".join(problems)


def check_modal(qtbot, open_it: Callable[[], object], name: str) -> list[str]:
    """Check the modal dialog that ``open_it`` shows (and runs) and close it unsaved."""
    found: list[str] = []

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            found.append(f"{name}: no dialog opened")
            return
        found.extend(check(qtbot, dialog, name))
        dialog.reject()  # type: ignore[attr-defined]

    QTimer.singleShot(400, look)
    open_it()
    return found


def test_every_later_dialog_fits_1366x768(qtbot, main_window: MainWindow, tmp_path: Path) -> None:
    """The dialogs and wizards added after the first layout check (referrals, partners, group
    offers, appointments, paperwork, statistics register, import, set-up, re-key)."""
    session, today = main_window.session, date(2026, 11, 20)
    main_window.show_page("clients")
    rows = main_window.pages["clients"].model.rows()
    main_window.open_file(rows[0].id)
    file_window = next(iter(main_window.file_windows.values()))
    extras = file_window.extras
    sheet = tmp_path / "liste.csv"
    sheet.write_text("Vorname;Nachname\n", encoding="utf-8")
    dialogs = {
        "referral": referral_dialog(file_window, partners.partner_choices(session), None, today, lambda v: v),
        "group-offer": group_offer_dialog(main_window, None, [], today, lambda v: v),
        "group-session": group_session_dialog(main_window, GroupSession(date=today, minutes=90), lambda v: v),
        "anonymous": anonymous_contact_dialog(main_window, today, lambda v: v),
        "appointment": appointment_dialog(file_window, Appointment(datetime(2026, 11, 20, 10), 45), lambda v: v),
        "letter": file_window.paperwork.letter_dialog(),
        "register": RegisterDialog([], "de", main_window),
        "sheet-import": SheetImportWizard(session, main_window),
        "setup": SetupWizard(
            Environment(AppPaths.from_env(), session.clock, POLICY, "de"), TaskRunner(), tmp_path / "neu.jmd"
        ),
        "rekey-result": RekeyResultDialog("Einmalpasswörter: …", main_window),
        "add-document": AddDocumentDialog(sheet, file_window),
    }
    problems: list[str] = []
    for name, dialog in dialogs.items():
        problems += check(qtbot, dialog, name)
        dialog.close()
    problems += check_modal(qtbot, main_window.pages["partners"]._new, "partner")
    for name in ("edit_phase", "add_progress", "edit_district"):
        problems += check_modal(qtbot, getattr(extras, name), name)
    assert problems == [], "\n".join(problems)
