"""The entities of DESIGN §4 as frozen values. Field names are the interchange names of §6."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Generic, TypeVar

from jmd_desk.domain.codes import UNKNOWN, Role

T = TypeVar("T")


# A counted record's statistics key (DESIGN §4): fixed at creation, so it takes no part in
# comparing values (an edit typed into a form does not carry it); None means "not yet given".
def _key() -> Any:
    return field(default=None, compare=False)


@dataclass(frozen=True)
class Saved(Generic[T]):
    """A stored value with its database id (and, on the office server, the version read)."""

    id: int
    value: T
    version: int | None = field(default=None, compare=False)


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
    school_qualification_note: str | None = None
    current_situation: str | None = None
    access_route: str | None = None
    unaccompanied_minor: bool | None = None
    guardian: str | None = None
    phone: str | None = None
    email: str | None = None
    address: str | None = None
    counsellor: str | None = None
    eligibility_note: str | None = None
    district: str | None = None
    record_key: int | None = _key()

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
    requested_on: date | None = None
    phase: str | None = None
    record_key: int | None = _key()

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
    steps: str | None = None
    responsible: tuple[str, ...] = ()
    review_on: date | None = None
    record_key: int | None = _key()


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
    record_key: int | None = _key()


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
    record_key: int | None = _key()


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
class District:
    """A district of the town (Stadtteil/Sozialraum) from the office's list."""

    code: str
    label: str


@dataclass(frozen=True)
class Progress:
    """Real progress of a client's German level or school qualification from a day on."""

    field: str
    value: str
    on: date


@dataclass(frozen=True)
class Appointment:
    """Termin of a case or a group offer; ``contact_id`` is the contact a held case
    appointment became. ``starts_at`` is local time to the minute."""

    starts_at: datetime
    minutes: int
    mode: str = UNKNOWN
    place: str | None = None
    status: str = "planned"
    contact_id: int | None = None


@dataclass(frozen=True)
class GroupSession:
    """One session of a group offer with the number of participants present."""

    date: date
    minutes: int
    attendance: int = 0


@dataclass(frozen=True)
class GroupOffer:
    """Gruppenangebot. Headcounts are (code, count) pairs in code order; estimates allowed."""

    title: str
    kind: str
    starts_on: date
    ends_on: date | None = None
    areas: tuple[str, ...] = ()
    partner_id: int | None = None
    participants_by_gender: tuple[tuple[str, int], ...] = ()
    participants_by_age_group: tuple[tuple[str, int], ...] = ()
    record_key: int | None = _key()

    @property
    def participants(self) -> int:
        """Participants counted once per offer: the larger of the two headcounts."""
        return max(sum(n for _, n in self.participants_by_gender), sum(n for _, n in self.participants_by_age_group))


@dataclass(frozen=True)
class AnonymousContact:
    """Anonyme Kurzberatung: nothing in it points to a person."""

    date: date
    minutes: int
    mode: str
    topics: tuple[str, ...] = ()
    age_group: str = UNKNOWN
    gender: str = UNKNOWN
    referred_partner_type: str | None = None
    record_key: int | None = _key()


@dataclass(frozen=True)
class DocumentInfo:
    """A document in a client file, without its content (lists never load contents)."""

    title: str
    kind: str
    file_name: str
    media_type: str
    added_on: date
    size: int = 0


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
    appointments: tuple[Saved[Appointment], ...] = ()
    version: int | None = field(default=None, compare=False)  # of the case row, on the server


@dataclass(frozen=True)
class ClientFile:
    """A client's whole file (Akte): master data, consents and cases, oldest case first."""

    id: int
    client: Client
    consents: tuple[Saved[Consent], ...] = ()
    cases: tuple[CaseFile, ...] = field(default=())
    progress: tuple[Saved[Progress], ...] = ()
    documents: tuple[Saved[DocumentInfo], ...] = ()
    group_offers: tuple[Saved[GroupOffer], ...] = ()
    version: int | None = field(default=None, compare=False)  # of the master data, on the server


@dataclass(frozen=True)
class GroupOfferFile:
    """A group offer with its sessions, appointments and the clients linked to it."""

    id: int
    offer: GroupOffer
    counsellor: str | None
    sessions: tuple[Saved[GroupSession], ...] = ()
    appointments: tuple[Saved[Appointment], ...] = ()
    client_ids: tuple[int, ...] = ()
    version: int | None = field(default=None, compare=False)  # of the offer row, on the server
