"""The main window's pages: the navigation list on the left, the page shown on the right."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QListWidget, QListWidgetItem, QStackedWidget, QWidget

from jmd_desk.ui.page import Page


class PageHost(QWidget):
    """Navigation and page stack; the pages by their key (``"clients"``, ``"admin"`` …)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pages: dict[str, Page] = {}
        self.nav = QListWidget()
        self.nav.setObjectName("nav_list")
        self.nav.setAccessibleName(self.tr("Navigation"))
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.nav.setStyleSheet(
            "QListWidget#nav_list { font-size: 11pt; } QListWidget#nav_list::item { padding: 7px 8px; }"
        )
        self.stack = QStackedWidget()
        self.stack.setObjectName("page_stack")
        self.nav.currentRowChanged.connect(self._show_row)
        row = QHBoxLayout(self)
        row.addWidget(self.nav)
        row.addWidget(self.stack, 1)

    def add(self, key: str, title: str, page: QWidget) -> None:
        """Append a page (a widget with :class:`Page`'s methods) under ``title``."""
        if not isinstance(page, Page):
            raise TypeError(f"{type(page).__name__} lacks refresh() or clear()")
        item = QListWidgetItem(title)
        item.setData(Qt.ItemDataRole.UserRole, key)
        self.nav.addItem(item)
        self.stack.addWidget(page)
        self.pages[key] = page

    def fit_navigation(self) -> None:
        """As wide as the longest page name: the pages share what is left, never the other way round."""
        self.nav.setFixedWidth(self.nav.sizeHintForColumn(0) + 2 * self.nav.frameWidth() + 4)

    def keys(self) -> list[str]:
        """The page keys in navigation order."""
        return [str(self.nav.item(r).data(Qt.ItemDataRole.UserRole)) for r in range(self.nav.count())]

    def current_key(self) -> str:
        """Key of the page shown."""
        item = self.nav.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item else ""

    def current_page(self) -> Page | None:
        """The page shown (None before the first is selected)."""
        return self.pages.get(self.current_key())

    def show_page(self, key: str) -> None:
        """Switch to a page by its key; an unknown key (a page this user does not have) does nothing."""
        keys = self.keys()
        if key in keys:
            self.nav.setCurrentRow(keys.index(key))

    def _show_row(self, row: int) -> None:
        if row >= 0:
            self.stack.setCurrentIndex(row)
