"""The entities of DESIGN §4 as frozen values. Field names are the interchange names of §6."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Generic, TypeVar

from jmd_desk.domain.codes import UNKNOWN, Role

T = TypeVar("T")


@dataclass(frozen=True)
class Saved(Generic[T]):
    """A stored value with its database id."""

    id: int
    value: T


@dataclass(frozen=True)
class Client:
    """Klient*in: the young person's master data (Stammdaten)."""

    first_name: str
    last_name: str
    date_of_birth: date
    client_number: str | None = None
    dob_estimated: bool = False
    gender: str = UNKNOWN
    country_of_birth: str = UNKNOWN
    nationalities: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    arrival_date: date | None = None
    residence_status: str = UNKNOWN
    german_level: str = UNKNOWN
    school_qualification: str | None = None
    current_situation: str | None = None
    access_route: str | None = None
    unaccompanied_minor: bool | None = None
    guardian: str | None = None
    phone: str | None = None
    email: str | None = None
    address: str | None = None
    counsellor: str | None = None
    eligibility_note: str | None = None

    @property
    def full_name(self) -> str:
        """First and last name for display."""
        return f"{self.first_name} {self.last_name}"


@dataclass(frozen=True)
class Case:
    """Fall: one counselling episode; reopening creates a new case."""

    case_type: str
    opened_on: date
    closed_on: date | None = None
    closure_reason: str | None = None
    destination: str | None = None

    @property
    def is_open(self) -> bool:
        """True while the case has not been closed."""
        return self.closed_on is None


@dataclass(frozen=True)
class Goal:
    """Ziel im Integrationsförderplan."""

    area: str
    title: str
    agreed_on: date | None = None
    due_on: date | None = None
    status: str = "open"
    status_changed_on: date | None = None


@dataclass(frozen=True)
class Contact:
    """Beratungskontakt."""

    date: date
    minutes: int
    mode: str
    participants: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    interpreter: bool = False
    notes: str | None = None


@dataclass(frozen=True)
class Partner:
    """Netzwerkpartner. ``active`` is false once deactivated (kept for old referrals)."""

    name: str
    partner_type: str
    contact_person: str | None = None
    phone: str | None = None
    email: str | None = None
    address: str | None = None
    active: bool = True


@dataclass(frozen=True)
class Referral:
    """Vermittlung to a network partner."""

    partner_id: int
    date: date
    area: str = UNKNOWN
    status: str = "requested"
    outcome: str | None = None


@dataclass(frozen=True)
class Consent:
    """Einwilligung; withdrawal blocks what depended on it from ``withdrawn_on`` on."""

    scope: str
    given_on: date
    given_by: str = UNKNOWN
    form_version: str | None = None
    withdrawn_on: date | None = None


@dataclass(frozen=True)
class FollowUp:
    """Wiedervorlage."""

    due_on: date
    text: str
    done: bool = False


@dataclass(frozen=True)
class User:
    """A staff account. Roles decide what the services allow."""

    username: str
    display_name: str
    roles: frozenset[Role]
    active: bool = True

    def has(self, role: Role) -> bool:
        """True if the user holds ``role``."""
        return role in self.roles


@dataclass(frozen=True)
class AuditEvent:
    """One link of the hash-chained audit log. Never names or note text."""

    seq: int
    at: datetime
    user: str
    action: str
    entity_kind: str | None
    entity_id: int | None
    client_id: int | None
    prev_hash: str
    hash: str


@dataclass(frozen=True)
class CaseFile:
    """A case with everything recorded under it."""

    id: int
    case: Case
    goals: tuple[Saved[Goal], ...] = ()
    contacts: tuple[Saved[Contact], ...] = ()
    referrals: tuple[Saved[Referral], ...] = ()
    follow_ups: tuple[Saved[FollowUp], ...] = ()


@dataclass(frozen=True)
class ClientFile:
    """A client's whole file (Akte): master data, consents and cases, oldest case first."""

    id: int
    client: Client
    consents: tuple[Saved[Consent], ...] = ()
    cases: tuple[CaseFile, ...] = field(default=())
