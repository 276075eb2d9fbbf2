"""One background worker: slow work (unlock, import, reports) runs off the GUI thread.

The callable must not touch widgets; its result or error comes back on the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from jmd_desk.domain.errors import JmdError


class _Relay(QObject):
    finished = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self.fn = fn
        self.relay = relay

    @Slot()
    def run(self) -> None:
        try:
            result = self.fn()
        except BaseException as exc:  # noqa: BLE001 - handed to the GUI thread, never swallowed
            self.relay.failed.emit(exc)
            return
        self.relay.finished.emit(result)


class TaskRunner(QObject):
    """Runs callables one after another on a single worker thread."""

    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._pending: set[_Relay] = set()

    @property
    def busy(self) -> bool:
        """True while any task is queued or running."""
        return bool(self._pending)

    def run(
        self,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[JmdError], None],
    ) -> None:
        """Run ``fn`` in the background; expected errors go to ``on_error``, bugs are re-raised
        on the GUI thread (where the crash handler shows them)."""
        relay = _Relay()
        self._pending.add(relay)

        def done(result: Any) -> None:
            self._finish(relay)
            on_done(result)

        def failed(exc: BaseException) -> None:
            self._finish(relay)
            if isinstance(exc, JmdError):
                on_error(exc)
            else:
                raise exc

        relay.finished.connect(done)
        relay.failed.connect(failed)
        if len(self._pending) == 1:
            self.busy_changed.emit(True)
        self._pool.start(_Job(fn, relay))

    def _finish(self, relay: _Relay) -> None:
        self._pending.discard(relay)
        if not self._pending:
            self.busy_changed.emit(False)

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until the worker is idle (shutdown and tests)."""
        return self._pool.waitForDone(msecs)
