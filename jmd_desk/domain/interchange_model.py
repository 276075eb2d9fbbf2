"""The parsed form of an interchange document (DESIGN §6): what an import writes.

References inside the file become indexes: a referral's or offer's ``partner_id`` is its
partner's index in ``Document.partners``, a held case appointment's ``contact_id`` the index
of its contact in the case, an offer's ``client_indexes`` index ``Document.clients``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from jmd_desk.domain.entities import (
    AnonymousContact,
    Appointment,
    Case,
    Client,
    Consent,
    Contact,
    District,
    DocumentInfo,
    FollowUp,
    Goal,
    GroupOffer,
    GroupSession,
    Partner,
    Progress,
    Referral,
)


@dataclass(frozen=True)
class CaseBundle:
    """A case with its records."""

    ref: str
    case: Case
    goals: tuple[Goal, ...] = ()
    contacts: tuple[Contact, ...] = ()
    referrals: tuple[Referral, ...] = ()
    follow_ups: tuple[FollowUp, ...] = ()
    appointments: tuple[Appointment, ...] = ()


@dataclass(frozen=True)
class DocumentBundle:
    """A document with its decoded content."""

    info: DocumentInfo
    content: bytes = field(repr=False)


@dataclass(frozen=True)
class ClientBundle:
    """A client with consents and cases, as read from the file."""

    ref: str
    client: Client
    consents: tuple[Consent, ...] = ()
    cases: tuple[CaseBundle, ...] = ()
    progress: tuple[Progress, ...] = ()
    documents: tuple[DocumentBundle, ...] = ()


@dataclass(frozen=True)
class GroupOfferBundle:
    """A group offer with sessions, appointments and the indexes of linked clients."""

    ref: str
    offer: GroupOffer
    sessions: tuple[GroupSession, ...] = ()
    appointments: tuple[Appointment, ...] = ()
    client_indexes: tuple[int, ...] = ()


@dataclass(frozen=True)
class Document:
    """A whole, valid interchange document."""

    partners: tuple[tuple[str, Partner], ...] = ()
    clients: tuple[ClientBundle, ...] = field(default=())
    districts: tuple[District, ...] = ()
    group_offers: tuple[GroupOfferBundle, ...] = ()
    anonymous_contacts: tuple[AnonymousContact, ...] = ()
