"""GUI test fixtures: German interface, a task runner, and sessions on copied stores."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

from jmd_desk.services.environment import AppPaths, Environment
from jmd_desk.ui import i18n
from jmd_desk.ui.notify import error_text
from jmd_desk.ui.tasks import TaskRunner
from jmd_desk.ui.ui_settings import UiSettings
from tests.conftest import POLICY


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test that uses a QApplication carries the ``gui`` marker (``-m gui`` / ``-m "not gui"``);
    a ``pytestmark`` in a conftest would not reach the test modules."""
    for item in items:
        if {"qapp", "qtbot"} & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.gui)


@pytest.fixture(autouse=True)
def _german(qapp: QApplication) -> None:
    i18n.install(qapp, "de")


@pytest.fixture
def env(clock) -> Environment:
    return Environment(AppPaths.from_env(), clock, POLICY, "de")


@pytest.fixture
def runner(qtbot) -> Iterator[TaskRunner]:
    r = TaskRunner()
    yield r
    r.wait()


@pytest.fixture
def ui_settings(env: Environment) -> UiSettings:
    return UiSettings(env.paths)


def wait_idle(qtbot, runner: TaskRunner) -> None:
    """Wait until the background worker has delivered its results."""
    qtbot.waitUntil(lambda: not runner.busy, timeout=15_000)


def child(parent: QWidget, name: str, kind: type = QWidget):
    """A widget below ``parent`` by object name (fails clearly if missing)."""
    found = parent.findChild(kind, name)
    assert found is not None, f"no {kind.__name__} named {name!r}"
    return found


def on_next_modal(qtbot, action: Callable[[QWidget], None]) -> list[QWidget]:
    """Run ``action`` on the next modal dialog as soon as it is shown."""
    seen: list[QWidget] = []

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, poll)
            return
        seen.append(dialog)
        try:
            action(dialog)
        except BaseException:
            dialog.close()  # never leave a modal dialog open: the test would hang
            raise

    QTimer.singleShot(0, poll)
    return seen


class MessageRecorder:
    """Stands in for the modal message boxes: records what would have been shown."""

    def __init__(self) -> None:
        self.errors: list[str] = []
        self.infos: list[str] = []
        self.questions: list[str] = []
        self.answer = True

    def error(self, parent, exc) -> None:
        self.errors.append(error_text(exc))

    def info(self, parent, text: str) -> None:
        self.infos.append(text)

    def confirm(self, parent, text: str) -> bool:
        self.questions.append(text)
        return self.answer


def record_messages(monkeypatch: pytest.MonkeyPatch) -> MessageRecorder:
    """Message boxes recorded instead of shown."""
    recorder = MessageRecorder()
    monkeypatch.setattr("jmd_desk.ui.notify.show_error", recorder.error)
    monkeypatch.setattr("jmd_desk.ui.notify.show_info", recorder.info)
    monkeypatch.setattr("jmd_desk.ui.notify.confirm", recorder.confirm)
    return recorder


@pytest.fixture(autouse=True)
def messages(monkeypatch: pytest.MonkeyPatch) -> MessageRecorder:
    """No real message box can block a test; tests assert on what was recorded."""
    return record_messages(monkeypatch)
