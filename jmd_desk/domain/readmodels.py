"""Read models: frozen rows the services hand to the UI and CLI (never ORM objects)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime


@dataclass(frozen=True)
class ClientSummary:
    """One row of the client list."""

    id: int
    client_number: str
    first_name: str
    last_name: str
    date_of_birth: date
    gender: str
    counsellor: str | None
    open_case_type: str | None  # of the most recently opened open case
    case_types: tuple[str, ...]  # of all cases
    last_contact_on: date | None
    search_key: str  # folded names and number (jmd_desk.domain.text.search_key)


@dataclass(frozen=True)
class PartnerChoice:
    """A network partner as a form offers it: name only, none of the contact data."""

    id: int
    name: str
    active: bool


@dataclass(frozen=True)
class ClientQuery:
    """Filters of the client list; None means "any"."""

    text: str = ""
    counsellor: str | None = None
    status: str | None = None  # "open" | "closed"
    case_type: str | None = None
    age_group: str | None = None


@dataclass(frozen=True)
class DueItem:
    """A dashboard entry that leads to a client file."""

    client_id: int
    client_number: str
    client_name: str
    due_on: date | None
    kind: str
    detail: str = ""
    ref_id: int | None = None


@dataclass(frozen=True)
class ClientChange:
    """One corrected master-data field (correction history)."""

    changed_at: datetime
    user: str
    field: str
    old_value: str | None
    new_value: str | None


@dataclass(frozen=True)
class AppointmentItem:
    """One appointment as the overview lists it: of a case (client) or of a group offer."""

    id: int
    starts_at: datetime
    minutes: int
    mode: str
    status: str
    counsellor: str | None
    case_id: int | None = None
    client_id: int | None = None
    client_number: str | None = None
    client_name: str | None = None
    offer_id: int | None = None
    offer_title: str | None = None
