"""The client list: filtering and ordering rows in memory.

The list of a whole office (ten thousand rows) is read once and filtered here per keystroke;
this is far faster than a query per keystroke against an encrypted store.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from jmd_desk.domain import rules
from jmd_desk.domain.readmodels import ClientQuery, ClientSummary
from jmd_desk.domain.text import fold


def _matches(row: ClientSummary, query: ClientQuery, today: date, words: list[str]) -> bool:
    """True if ``row`` passes every filter of ``query``; all search ``words`` must occur."""
    if any(word not in row.search_key for word in words):
        return False
    if query.counsellor is not None and row.counsellor != query.counsellor:
        return False
    if query.status == "open" and row.open_case_type is None:
        return False
    if query.status == "closed" and row.open_case_type is not None:
        return False
    if query.case_type is not None and query.case_type not in row.case_types:
        return False
    return query.age_group is None or rules.age_group(row.date_of_birth, today) == query.age_group


def filter_clients(rows: Iterable[ClientSummary], query: ClientQuery, today: date) -> list[ClientSummary]:
    """The rows matching ``query``, in the order given."""
    words = fold(query.text).split()
    return [row for row in rows if _matches(row, query, today, words)]


def by_name(rows: Iterable[ClientSummary]) -> list[ClientSummary]:
    """Rows ordered by last name, first name (case and accents ignored), then id."""
    return sorted(rows, key=lambda r: (fold(r.last_name), fold(r.first_name), r.id))
