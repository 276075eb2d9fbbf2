"""Domain rules that span fields: ages, eligibility, consent validity, case closure."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from jmd_desk.domain import codes
from jmd_desk.domain.entities import Case, Client, Consent, Goal, GroupOffer, GroupSession, Progress
from jmd_desk.domain.errors import FieldError


def age_on(date_of_birth: date, on: date) -> int:
    """Completed years on ``on``; someone born on 29 February ages on 1 March in other years."""
    before_birthday = (on.month, on.day) < (date_of_birth.month, date_of_birth.day)
    return on.year - date_of_birth.year - int(before_birthday)


def age_group(date_of_birth: date | None, on: date) -> str:
    """The statistics age group on ``on`` (DESIGN §7)."""
    if date_of_birth is None:
        return codes.OTHER
    age = age_on(date_of_birth, on)
    for low, high, label in (
        (12, 14, "12-14"),
        (15, 17, "15-17"),
        (18, 20, "18-20"),
        (21, 24, "21-24"),
        (25, 27, "25-27"),
    ):
        if low <= age <= high:
            return label
    return codes.OTHER


def is_eligible_age(date_of_birth: date, intake: date) -> bool:
    """True if the person is 12 to 27 years old at intake."""
    return codes.MIN_AGE <= age_on(date_of_birth, intake) <= codes.MAX_AGE


def client_errors(client: Client) -> list[FieldError]:
    """Cross-field problems of the master data."""
    errors = []
    if client.arrival_date and client.arrival_date < client.date_of_birth:
        errors.append(FieldError("arrival_date", "before_birth"))
    return errors


def intake_errors(client: Client, case: Case) -> list[FieldError]:
    """Age at intake must be 12 to 27 unless an eligibility note explains the exception."""
    if client.eligibility_note or is_eligible_age(client.date_of_birth, case.opened_on):
        return []
    return [
        FieldError(
            "date_of_birth",
            "age_out_of_range",
            {
                "age": age_on(client.date_of_birth, case.opened_on),
                "on": case.opened_on.isoformat(),
                "on_de": case.opened_on.strftime("%d.%m.%Y"),
            },
        )
    ]


def case_errors(case: Case, date_of_birth: date | None = None) -> list[FieldError]:
    """A case is closed with date and reason together; it cannot close before it opened."""
    errors = []
    if case.closed_on is None:
        if case.closure_reason is not None:
            errors.append(FieldError("closure_reason", "only_when_closed"))
        if case.destination is not None:
            errors.append(FieldError("destination", "only_when_closed"))
    else:
        if case.closed_on < case.opened_on:
            errors.append(FieldError("closed_on", "before_opened"))
        if case.closure_reason is None:
            errors.append(FieldError("closure_reason", "required_when_closed"))
    if date_of_birth and case.opened_on < date_of_birth:
        errors.append(FieldError("opened_on", "before_birth"))
    if case.requested_on and case.requested_on > case.opened_on:
        errors.append(FieldError("requested_on", "after_opened"))
    if case.phase is not None and case.case_type != "case_management":
        errors.append(FieldError("phase", "only_case_management"))
    return errors


def school_qualification_from_text(text: str | None) -> tuple[str | None, str | None]:
    """(code, note) for a version-1 or pre-version-2 free text: a text that is a code stays
    that code; any other text becomes ``unknown`` with the text kept as the note."""
    if text is None or not text.strip():
        return None, None
    folded = text.strip().casefold()
    for code in codes.SCHOOL_QUALIFICATIONS:
        if folded == code:
            return code, None
    return codes.UNKNOWN, text.strip()


_PROGRESS_CODES = {"german_level": codes.GERMAN_LEVELS, "school_qualification": codes.SCHOOL_QUALIFICATIONS}


def progress_errors(entry: Progress) -> list[FieldError]:
    """A progress value must be a code of its field (a German level, a qualification)."""
    allowed = _PROGRESS_CODES.get(entry.field)
    if allowed is not None and entry.value not in allowed:
        code = "not_a_level" if entry.field == "german_level" else "unknown_code"
        return [FieldError("value", code, {"value": entry.value})]
    return []


def latest_progress(entries: Iterable[Progress], field_name: str) -> Progress | None:
    """The latest entry of a field (on the same day, the one recorded last)."""
    latest = None
    for entry in entries:
        if entry.field == field_name and (latest is None or entry.on >= latest.on):
            latest = entry
    return latest


def progress_mismatch(client: Client, entries: Iterable[Progress]) -> list[FieldError]:
    """A client's field must equal its latest progress entry, where there are entries."""
    entries = list(entries)
    errors = []
    for name in codes.PROGRESS_FIELDS:
        latest = latest_progress(entries, name)
        if latest is not None and getattr(client, name) != latest.value:
            errors.append(FieldError(name, "differs_from_progress", {"latest": latest.value}))
    return errors


def group_offer_errors(offer: GroupOffer) -> list[FieldError]:
    """An offer cannot end before it starts."""
    if offer.ends_on is not None and offer.ends_on < offer.starts_on:
        return [FieldError("ends_on", "before_start")]
    return []


def group_session_errors(offer: GroupOffer, session: GroupSession) -> list[FieldError]:
    """A session lies within the offer's period; attendance is at most the participants."""
    errors = []
    if session.date < offer.starts_on or (offer.ends_on is not None and session.date > offer.ends_on):
        errors.append(FieldError("date", "outside_offer_period"))
    if session.attendance > offer.participants:
        errors.append(FieldError("attendance", "above_participants", {"participants": offer.participants}))
    return errors


def goal_errors(goal: Goal) -> list[FieldError]:
    """A goal's status cannot change before it was agreed."""
    if goal.agreed_on and goal.status_changed_on and goal.status_changed_on < goal.agreed_on:
        return [FieldError("status_changed_on", "before_agreed")]
    return []


def consent_errors(consent: Consent) -> list[FieldError]:
    """A consent cannot be withdrawn before it was given."""
    if consent.withdrawn_on and consent.withdrawn_on < consent.given_on:
        return [FieldError("withdrawn_on", "before_given")]
    return []


def consent_covers(given_on: date, withdrawn_on: date | None, on: date) -> bool:
    """A consent given on ``given_on`` holds on day ``on`` unless withdrawn by then (withdrawal
    counts from its day on). The SQL of the overview and the statistics say the same
    (tests/store/test_consent_rule.py checks that they agree)."""
    return given_on <= on and (withdrawn_on is None or withdrawn_on > on)


def consent_valid_on(consent: Consent, scope: str, on: date) -> bool:
    """True if ``consent`` covers ``scope`` on day ``on``."""
    return consent.scope == scope and consent_covers(consent.given_on, consent.withdrawn_on, on)


def has_valid_consent(consents: Iterable[Consent], scope: str, on: date) -> bool:
    """True if any of ``consents`` covers ``scope`` on ``on``."""
    return any(consent_valid_on(c, scope, on) for c in consents)


def is_active_in(case: Case, start: date, end: date) -> bool:
    """DESIGN §7: opened on or before ``end`` and not closed before ``start``."""
    return case.opened_on <= end and (case.closed_on is None or case.closed_on >= start)


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later, clamped to the month's end (31 Jan + 1 month = 28/29 Feb)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    for last_day in (day.day, 30, 29, 28):
        try:
            return date(year, month, min(day.day, last_day))
        except ValueError:
            continue
    raise AssertionError("unreachable")


def duration_band(opened_on: date, closed_on: date) -> str:
    """Case duration band at closure: <1m, 1-3m, 3-6m, 6-12m, >12m.

    Bands are half-open in calendar months (exactly three months is ``3-6m``); exactly twelve
    months is still ``6-12m``, anything longer ``>12m``.
    """
    if closed_on < add_months(opened_on, 1):
        return "<1m"
    if closed_on < add_months(opened_on, 3):
        return "1-3m"
    if closed_on < add_months(opened_on, 6):
        return "3-6m"
    if closed_on <= add_months(opened_on, 12):
        return "6-12m"
    return ">12m"


MIN_PASSWORD_LENGTH = 8


def password_problems(password: str, username: str = "") -> list[str]:
    """Codes of what makes a password unacceptable (empty list: fine)."""
    problems = []
    if len(password) < MIN_PASSWORD_LENGTH:
        problems.append("password_too_short")
    if username and password.strip().casefold() == username.casefold():
        problems.append("password_is_username")
    return problems
