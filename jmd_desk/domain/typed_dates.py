"""Dates as people type them: ``TT.MM.JJJJ`` and shorter forms, with a century rule for
two-digit years.

Accepted (separators ``.``, ``/``, ``-`` or a space): ``15.03.1996``, ``5.3.1996``, ``5.3.96``,
``15031996``, ``150396`` and ISO ``1996-03-15``.

Century rule for two-digit years: a birth date takes the latest such year that is not after the
current year (in 2026: ``96`` → 1996, ``10`` → 2010, ``26`` → 2026, ``27`` → 1927); any other date
takes 20JJ (``27`` → 2027).
"""

from __future__ import annotations

import re
from datetime import date

MIN_YEAR = 1900
MAX_YEAR = 2100
MAX_INPUT = 20  # longer text is never a date; refuse it without work

_SEPARATED = re.compile(r"^(\d{1,2})[./\- ](\d{1,2})[./\- ](\d{2}|\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_DIGITS = re.compile(r"^(\d{2})(\d{2})(\d{2}|\d{4})$")


class DateTextError(ValueError):
    """The text is not a date in any accepted form."""


def full_year(year_text: str, today: date, *, birth: bool) -> int:
    """The four-digit year for ``year_text`` (two or four digits) by the century rule."""
    year = int(year_text)
    if len(year_text) == 4:
        return year
    if not birth:
        return 2000 + year
    return 2000 + year if 2000 + year <= today.year else 1900 + year


def parse_typed_date(text: str, today: date, *, birth: bool = False) -> date | None:
    """The date in ``text``; None for empty text. Raises DateTextError for anything else."""
    text = text.strip()
    if not text:
        return None
    if len(text) > MAX_INPUT:
        raise DateTextError(text)
    iso = _ISO.match(text)
    if iso:
        year, month, day = (int(g) for g in iso.groups())
    else:
        match = _SEPARATED.match(text) or _DIGITS.match(text)
        if not match:
            raise DateTextError(text)
        day, month = int(match.group(1)), int(match.group(2))
        year = full_year(match.group(3), today, birth=birth)
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise DateTextError(text)
    try:
        return date(year, month, day)
    except ValueError as exc:
        raise DateTextError(text) from exc
