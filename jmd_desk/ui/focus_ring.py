"""A clearly visible focus mark on every control: one frame drawn around the focused widget.

Styles draw focus differently (Fusion: a faint tint); a frame that follows the focus makes it
visible on line edits, combo boxes, check-box rows, buttons and tables alike."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QApplication, QWidget
from shiboken6 import isValid

RING_COLOR = QColor("#e65100")  # orange: visible next to Fusion's blue selection
RING_WIDTH = 2
MARGIN = 3


class FocusRing(QWidget):
    """The frame itself: transparent for the mouse, never focusable."""

    def __init__(self) -> None:
        super().__init__(None)
        self.setObjectName("focus_ring")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._target: QWidget | None = None

    def follow(self, target: QWidget | None) -> None:
        """Draw around ``target`` (None or a window hides the ring)."""
        if self._target is not None and isValid(self._target):
            self._target.removeEventFilter(self)
        self._target = target
        if target is None or target.isWindow() or not target.isVisible():
            self.hide()
            self.setParent(None)
            return
        target.installEventFilter(self)
        self.setParent(target.window())
        self._place()
        self.show()
        self.raise_()

    def _place(self) -> None:
        target = self._target
        if target is None or not isValid(target):
            return
        top_left = target.mapTo(target.window(), target.rect().topLeft())
        rect = QRect(top_left, target.size()).adjusted(-MARGIN, -MARGIN, MARGIN, MARGIN)
        self.setGeometry(rect)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Override QObject.eventFilter: keep up with the target's moves, size and visibility."""
        if event.type() in (QEvent.Type.Move, QEvent.Type.Resize):
            self._place()
        elif event.type() == QEvent.Type.Hide:
            self.hide()
        return False

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(RING_COLOR, RING_WIDTH))
        painter.drawRoundedRect(self.rect().adjusted(1, 1, -1, -1), 3, 3)


def install(app: QApplication) -> FocusRing:
    """Make the focus visible in every window of ``app``."""
    rings = [FocusRing()]

    def follow(_old: QWidget | None, new: QWidget | None) -> None:
        if not isValid(rings[0]):  # it went down with the window it was drawn in
            rings[0] = FocusRing()
        rings[0].follow(new)

    app.focusChanged.connect(follow)
    return rings[0]
