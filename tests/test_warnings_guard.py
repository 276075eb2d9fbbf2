"""The warnings guard fails a test on a warning even when the code under test swallows the
exception that ``filterwarnings = error`` makes of it; expected warnings still pass."""

from __future__ import annotations

import pytest

GUARDED = """
import warnings

import pytest


def test_swallowed():
    try:
        warnings.warn("swallowed probe", DeprecationWarning, stacklevel=1)
    except Exception:
        pass


def test_expected():
    with pytest.warns(UserWarning, match="expected probe"):
        warnings.warn("expected probe", UserWarning, stacklevel=1)


@pytest.mark.filterwarnings("ignore:allowed probe:RuntimeWarning")
def test_allowed_by_a_narrow_exception():
    warnings.warn("allowed probe", RuntimeWarning, stacklevel=1)


def test_quiet():
    assert True
"""


def test_guard_fails_only_the_test_with_an_unexpected_warning(pytester: pytest.Pytester) -> None:
    pytester.makeini("[pytest]\nfilterwarnings = error\n")
    pytester.makeconftest("from tests.warnings_guard import _no_unexpected_warnings  # noqa: F401\n")
    pytester.makepyfile(test_probe=GUARDED)
    result = pytester.runpytest_inprocess("-p", "no:cacheprovider")
    result.assert_outcomes(passed=4, errors=1)
    result.stdout.fnmatch_lines(["*ERROR at teardown of test_swallowed*", "*DeprecationWarning: swallowed probe*"])
