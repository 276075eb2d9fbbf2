"""Real-display tests: skipped unless JMD_DESK_REAL_DISPLAY names an X display with a window
manager (``.ci/run`` starts Xvfb and openbox for them)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import copy_store
from tests.realdisplay.harness import RealApp, display


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    skip = pytest.mark.skip(reason="needs a real X display: set JMD_DESK_REAL_DISPLAY (see .ci/run)")
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.realdisplay)
            if display() is None:
                item.add_marker(skip)


@pytest.fixture
def real_store(template_store: Path, tmp_path: Path) -> Path:
    """A fresh copy of the five-account template store."""
    return copy_store(template_store, tmp_path / "store")


@pytest.fixture
def real_app(real_store: Path, tmp_path: Path) -> Iterator[RealApp]:
    """The program signed in as berta on a fresh store; killed after the test if still running."""
    app = RealApp.start(real_store, tmp_path / "home")
    yield app
    app.kill()
