"""Filtering and ordering the client list in memory."""

from __future__ import annotations

from datetime import date

import pytest

from jmd_desk.domain.client_list import by_name, filter_clients
from jmd_desk.domain.readmodels import ClientQuery, ClientSummary
from jmd_desk.domain.text import search_key

TODAY = date(2026, 11, 20)


def row(
    rid: int,
    first: str,
    last: str,
    born: date,
    counsellor: str | None = "berta",
    open_type: str | None = "counselling",
    types: tuple[str, ...] = ("counselling",),
) -> ClientSummary:
    number = f"2026-{rid:04d}"
    return ClientSummary(
        rid, number, first, last, born, "female", counsellor, open_type, types, None, search_key(first, last, number)
    )


ROWS = [
    row(1, "Jürgen", "Müller", date(2010, 11, 21), open_type=None),  # 15 today, no open case
    row(2, "Ayşe", "Öztürk", date(2008, 11, 20), counsellor="cem"),  # 18 today (birthday)
    row(3, "Anna", "Mueller", date(1998, 1, 1), types=("case_management", "counselling")),  # 28: outside
    row(4, "Omid", "Ahmadi", date(2014, 11, 21), counsellor=None, open_type="case_management",
        types=("case_management",)),  # 11 → outside
]  # fmt: skip


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (ClientQuery(), [1, 2, 3, 4]),
        (ClientQuery(text="mueller"), [1, 3]),
        (ClientQuery(text="MÜLLER"), [1]),
        (ClientQuery(text="muller"), [1]),
        (ClientQuery(text="ayse oz"), [2]),
        (ClientQuery(text="oz ayse"), [2]),
        (ClientQuery(text="2026-0004"), [4]),
        (ClientQuery(text="zz"), []),
        (ClientQuery(text="100%"), []),
        (ClientQuery(counsellor="cem"), [2]),
        (ClientQuery(status="open"), [2, 3, 4]),
        (ClientQuery(status="closed"), [1]),
        (ClientQuery(case_type="case_management"), [3, 4]),
        (ClientQuery(age_group="15-17"), [1]),
        (ClientQuery(age_group="18-20"), [2]),
        (ClientQuery(age_group="other"), [3, 4]),
        (ClientQuery(text="mueller", status="open"), [3]),
    ],
)
def test_filters(query: ClientQuery, expected: list[int]) -> None:
    assert [r.id for r in filter_clients(ROWS, query, TODAY)] == expected


def test_by_name_ignores_case_and_accents() -> None:
    rows = [
        row(1, "b", "Zander", TODAY),
        row(2, "a", "öztürk", TODAY),
        row(3, "a", "Ozan", TODAY),
        row(4, "a", "Ozan", TODAY),
    ]
    assert [r.id for r in by_name(rows)] == [3, 4, 2, 1]
