"""The Qt binding itself must hold up through a working day of calls."""

from __future__ import annotations

import gc
import sys

from PySide6.QtWidgets import QLabel


def test_void_qt_calls_keep_references_to_none(qtbot) -> None:
    """PySide6 6.12.0 released a reference to None on every call without a result; on Python
    3.11 the process aborted ("deallocating None") after a few hours of use."""
    label = QLabel("x")
    qtbot.addWidget(label)
    gc.collect()
    before = sys.getrefcount(None)
    for _ in range(2000):
        label.clear()
        label.hide()
        label.setText("y")
    gc.collect()
    assert sys.getrefcount(None) >= before - 50
