"""Typed dates: the accepted forms, the century rule, and what is refused."""

from __future__ import annotations

from datetime import date

import pytest

from jmd_desk.domain.typed_dates import DateTextError, parse_typed_date

TODAY = date(2026, 11, 20)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("15.03.1996", date(1996, 3, 15)),
        (" 5.3.1996 ", date(1996, 3, 5)),
        ("15/03/1996", date(1996, 3, 15)),
        ("15-03-1996", date(1996, 3, 15)),
        ("15031996", date(1996, 3, 15)),
        ("1996-03-15", date(1996, 3, 15)),
        ("29.02.2024", date(2024, 2, 29)),
    ],
)
def test_typed_forms(text: str, expected: date) -> None:
    assert parse_typed_date(text, TODAY) == expected
    assert parse_typed_date(text, TODAY, birth=True) == expected


@pytest.mark.parametrize(
    ("text", "birth", "expected"),
    [
        ("5.3.96", True, date(1996, 3, 5)),
        ("050310", True, date(2010, 3, 5)),
        ("1.1.26", True, date(2026, 1, 1)),  # this year is still this century
        ("1.1.27", True, date(1927, 1, 1)),  # a birth date is never in a later year
        ("31.3.27", False, date(2027, 3, 31)),  # other dates: 20JJ
        ("311227", False, date(2027, 12, 31)),
    ],
)
def test_century_rule(text: str, birth: bool, expected: date) -> None:
    assert parse_typed_date(text, TODAY, birth=birth) == expected


@pytest.mark.parametrize("text", ["", "   "])
def test_empty_is_none(text: str) -> None:
    assert parse_typed_date(text, TODAY) is None


@pytest.mark.parametrize(
    "text", ["5031996", "31.02.2026", "15.13.1996", "Sy", "%", "15.03.1996x", "1.1.1850", "x" * 60, "0.0.00"]
)
def test_unparseable_is_refused(text: str) -> None:
    with pytest.raises(DateTextError):
        parse_typed_date(text, TODAY)
