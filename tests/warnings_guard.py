"""An autouse fixture (imported by conftest.py) that fails a test on unexpected warnings."""

from __future__ import annotations

import warnings
from collections.abc import Iterator

import pytest


@pytest.fixture(autouse=True)
def _no_unexpected_warnings() -> Iterator[None]:
    """Fail the test on any warning the pytest configuration does not expect.

    The configuration (``filterwarnings`` in pyproject.toml: ``error`` plus narrow, commented
    exceptions) turns a warning into an exception, which a broad ``except`` in the code under
    test could swallow. Here those warnings are recorded instead and the test fails at its end,
    naming each one and where it came from. ``pytest.warns`` keeps working inside a test.
    """
    with warnings.catch_warnings():  # gives pytest its filters back afterwards
        warnings.filters[:] = [("always", *f[1:]) if f[0] == "error" else f for f in warnings.filters]
        with warnings.catch_warnings(record=True) as caught:  # entering it marks the filters changed
            yield
    if caught:
        found = "\n".join(f"{w.category.__name__}: {w.message} ({w.filename}:{w.lineno})" for w in caught)
        pytest.fail(f"unexpected warnings:\n{found}", pytrace=False)
