"""The main window's page host: only pages (refresh + clear) get in, keys select them."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QWidget

from jmd_desk.ui.page import Page
from jmd_desk.ui.page_host import PageHost


class CountingPage(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.refreshed = 0
        self.cleared = 0

    def refresh(self) -> None:
        self.refreshed += 1

    def clear(self) -> None:
        self.cleared += 1


def test_pages_are_found_by_key_in_navigation_order(qtbot) -> None:
    host = PageHost()
    qtbot.addWidget(host)
    first, second = CountingPage(), CountingPage()
    host.add("first", "Erste", first)
    host.add("second", "Zweite", second)
    assert host.keys() == ["first", "second"]
    assert host.current_page() is None
    host.show_page("second")
    assert (host.current_key(), host.current_page(), host.stack.currentWidget()) == ("second", second, second)
    host.show_page("missing")  # a page this user does not have: nothing changes
    assert host.current_key() == "second"
    assert isinstance(first, Page)


def test_a_widget_without_refresh_and_clear_is_refused(qtbot) -> None:
    host = PageHost()
    qtbot.addWidget(host)
    with pytest.raises(TypeError):
        host.add("plain", "Ohne", QWidget())
    assert host.keys() == [] and host.pages == {} and host.stack.count() == 0
