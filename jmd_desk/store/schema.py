"""SQLAlchemy table definitions (``*Record``). Changing them needs an Alembic revision in db/.

Dates are ISO dates, lists of codes are comma-separated text (codes never contain commas),
and every query stays dialect-neutral so the same models can later run on PostgreSQL.
"""

from __future__ import annotations

import secrets
from datetime import date, datetime
from typing import ClassVar

from sqlalchemy import (
    BigInteger,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def new_record_key() -> int:
    """A random statistics key 0 <= key < 2**32 (DESIGN §4), fixed at creation."""
    return secrets.randbelow(2**32)


def _record_key() -> Mapped[int]:
    return mapped_column(BigInteger, default=new_record_key)


class Base(DeclarativeBase):
    """Declarative base with a naming convention so migrations get stable names."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    # Every record maps one Table (SQLAlchemy types it as the wider FromClause).
    __table__: ClassVar[Table]


class MetaRecord(Base):
    """Store-level facts: store id (must match the key file), audit chain head."""

    __tablename__ = "store_meta"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class SettingRecord(Base):
    """Office settings (office name, auto-lock, statistics k, retention ...) as JSON values."""

    __tablename__ = "settings"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class UserRecord(Base):
    """A staff account; its password lives only in the key file slot."""

    __tablename__ = "users"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(40), unique=True)
    display_name: Mapped[str] = mapped_column(String(200))
    is_counsellor: Mapped[bool] = mapped_column(Boolean, default=False)
    is_team_lead: Mapped[bool] = mapped_column(Boolean, default=False)
    is_admin: Mapped[bool] = mapped_column(Boolean, default=False)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)


class DeputyRecord(Base):
    """``deputy`` may work on the cases of ``username`` (Vertretung)."""

    __tablename__ = "deputies"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(40), ForeignKey("users.username", ondelete="CASCADE"))
    deputy: Mapped[str] = mapped_column(String(40), ForeignKey("users.username", ondelete="CASCADE"))
    __table_args__ = (UniqueConstraint("username", "deputy"),)


class PartnerRecord(Base):
    """Netzwerkpartner."""

    __tablename__ = "partners"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    partner_type: Mapped[str] = mapped_column(String(40))
    contact_person: Mapped[str | None] = mapped_column(String(200))
    phone: Mapped[str | None] = mapped_column(String(60))
    email: Mapped[str | None] = mapped_column(String(200))
    address: Mapped[str | None] = mapped_column(String(500))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    search_key: Mapped[str] = mapped_column(Text, default="")


class ClientRecord(Base):
    """Klient*in."""

    __tablename__ = "clients"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    client_number: Mapped[str] = mapped_column(String(20), unique=True)
    first_name: Mapped[str] = mapped_column(String(100))
    last_name: Mapped[str] = mapped_column(String(100))
    date_of_birth: Mapped[date] = mapped_column(Date)
    dob_estimated: Mapped[bool] = mapped_column(Boolean, default=False)
    gender: Mapped[str] = mapped_column(String(20))
    country_of_birth: Mapped[str] = mapped_column(String(10))
    nationalities: Mapped[str] = mapped_column(String(200), default="")
    languages: Mapped[str] = mapped_column(String(200), default="")
    arrival_date: Mapped[date | None] = mapped_column(Date)
    residence_status: Mapped[str] = mapped_column(String(40))
    german_level: Mapped[str] = mapped_column(String(10))
    school_qualification: Mapped[str | None] = mapped_column(String(200))
    school_qualification_note: Mapped[str | None] = mapped_column(String(500))
    current_situation: Mapped[str | None] = mapped_column(String(200))
    access_route: Mapped[str | None] = mapped_column(String(200))
    unaccompanied_minor: Mapped[bool | None] = mapped_column(Boolean)
    guardian: Mapped[str | None] = mapped_column(String(300))
    phone: Mapped[str | None] = mapped_column(String(60))
    email: Mapped[str | None] = mapped_column(String(200))
    address: Mapped[str | None] = mapped_column(String(500))
    counsellor: Mapped[str | None] = mapped_column(String(40), index=True)
    eligibility_note: Mapped[str | None] = mapped_column(String(1000))
    district: Mapped[str | None] = mapped_column(String(40), index=True)
    record_key: Mapped[int] = _record_key()
    legal_hold: Mapped[bool] = mapped_column(Boolean, default=False)
    search_key: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)

    cases: Mapped[list[CaseRecord]] = relationship(
        back_populates="client", cascade="all, delete-orphan", passive_deletes=True
    )
    consents: Mapped[list[ConsentRecord]] = relationship(
        back_populates="client", cascade="all, delete-orphan", passive_deletes=True
    )
    changes: Mapped[list[ClientChangeRecord]] = relationship(cascade="all, delete-orphan", passive_deletes=True)


class ClientChangeRecord(Base):
    """Correction history of master data (Art. 16 DSGVO): one row per changed field."""

    __tablename__ = "client_changes"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id", ondelete="CASCADE"), index=True)
    changed_at: Mapped[datetime] = mapped_column(DateTime)
    user: Mapped[str] = mapped_column(String(40))
    field: Mapped[str] = mapped_column(String(40))
    old_value: Mapped[str | None] = mapped_column(Text)
    new_value: Mapped[str | None] = mapped_column(Text)


class ConsentRecord(Base):
    """Einwilligung."""

    __tablename__ = "consents"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id", ondelete="CASCADE"), index=True)
    scope: Mapped[str] = mapped_column(String(30))
    given_by: Mapped[str] = mapped_column(String(20))
    given_on: Mapped[date] = mapped_column(Date)
    form_version: Mapped[str | None] = mapped_column(String(100))
    withdrawn_on: Mapped[date | None] = mapped_column(Date)
    client: Mapped[ClientRecord] = relationship(back_populates="consents")


class CaseRecord(Base):
    """Fall."""

    __tablename__ = "cases"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id", ondelete="CASCADE"), index=True)
    case_type: Mapped[str] = mapped_column(String(30))
    opened_on: Mapped[date] = mapped_column(Date, index=True)
    closed_on: Mapped[date | None] = mapped_column(Date, index=True)
    closure_reason: Mapped[str | None] = mapped_column(String(40))
    destination: Mapped[str | None] = mapped_column(String(30))
    requested_on: Mapped[date | None] = mapped_column(Date)
    phase: Mapped[str | None] = mapped_column(String(20))
    record_key: Mapped[int] = _record_key()
    client: Mapped[ClientRecord] = relationship(back_populates="cases")
    goals: Mapped[list[GoalRecord]] = relationship(cascade="all, delete-orphan", passive_deletes=True)
    contacts: Mapped[list[ContactRecord]] = relationship(cascade="all, delete-orphan", passive_deletes=True)
    referrals: Mapped[list[ReferralRecord]] = relationship(cascade="all, delete-orphan", passive_deletes=True)
    follow_ups: Mapped[list[FollowUpRecord]] = relationship(cascade="all, delete-orphan", passive_deletes=True)
    appointments: Mapped[list[AppointmentRecord]] = relationship(cascade="all, delete-orphan", passive_deletes=True)


class GoalRecord(Base):
    """Ziel im Integrationsförderplan."""

    __tablename__ = "goals"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    area: Mapped[str] = mapped_column(String(20))
    title: Mapped[str] = mapped_column(String(500))
    agreed_on: Mapped[date | None] = mapped_column(Date)
    due_on: Mapped[date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20))
    status_changed_on: Mapped[date | None] = mapped_column(Date)
    steps: Mapped[str | None] = mapped_column(Text)
    responsible: Mapped[str] = mapped_column(String(100), default="")
    review_on: Mapped[date | None] = mapped_column(Date)
    record_key: Mapped[int] = _record_key()
    history: Mapped[list[GoalStatusRecord]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="GoalStatusRecord.id"
    )


class GoalStatusRecord(Base):
    """One status of a goal from a day on; gives the status at any reporting date."""

    __tablename__ = "goal_status_history"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    goal_id: Mapped[int] = mapped_column(ForeignKey("goals.id", ondelete="CASCADE"), index=True)
    valid_from: Mapped[date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20))


class ContactRecord(Base):
    """Beratungskontakt. The two indexes cover the client list (last contact per case) and the
    statistics (contacts of a period by mode), so neither has to read the notes."""

    __tablename__ = "contacts"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"))
    date: Mapped[date] = mapped_column(Date)
    minutes: Mapped[int] = mapped_column(Integer)
    mode: Mapped[str] = mapped_column(String(20))
    participants: Mapped[str] = mapped_column(String(100), default="")
    topics: Mapped[str] = mapped_column(String(200), default="")
    interpreter: Mapped[bool] = mapped_column(Boolean, default=False)
    notes: Mapped[str | None] = mapped_column(Text)
    record_key: Mapped[int] = _record_key()
    __table_args__ = (
        Index("ix_contacts_case_date", "case_id", "date"),
        Index("ix_contacts_date_case_mode", "date", "case_id", "mode", "minutes", "record_key"),
    )


class ReferralRecord(Base):
    """Vermittlung."""

    __tablename__ = "referrals"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    partner_id: Mapped[int] = mapped_column(ForeignKey("partners.id"), index=True)
    date: Mapped[date] = mapped_column(Date)
    area: Mapped[str] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(20))
    outcome: Mapped[str | None] = mapped_column(Text)
    record_key: Mapped[int] = _record_key()
    __table_args__ = (Index("ix_referrals_date_case", "date", "case_id", "partner_id", "status", "record_key"),)


class FollowUpRecord(Base):
    """Wiedervorlage."""

    __tablename__ = "follow_ups"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    due_on: Mapped[date] = mapped_column(Date, index=True)
    text: Mapped[str] = mapped_column(String(2000))
    done: Mapped[bool] = mapped_column(Boolean, default=False)


class DistrictRecord(Base):
    """The office's list of districts (Stadtteil/Sozialraum)."""

    __tablename__ = "districts"
    code: Mapped[str] = mapped_column(String(40), primary_key=True)
    label: Mapped[str] = mapped_column(String(200))


class ProgressRecord(Base):
    """Real progress of a client's German level or school qualification."""

    __tablename__ = "progress_entries"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id", ondelete="CASCADE"), index=True)
    field: Mapped[str] = mapped_column(String(30))
    value: Mapped[str] = mapped_column(String(40))
    on: Mapped[date] = mapped_column(Date)


class DocumentRecord(Base):
    """A document in a client file, kept inside the encrypted store."""

    __tablename__ = "documents"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(20))
    file_name: Mapped[str] = mapped_column(String(200))
    media_type: Mapped[str] = mapped_column(String(100))
    added_on: Mapped[date] = mapped_column(Date)
    size: Mapped[int] = mapped_column(Integer)
    content: Mapped[bytes] = mapped_column(LargeBinary)


class GroupOfferRecord(Base):
    """Gruppenangebot; headcounts as JSON objects ``{code: count}``."""

    __tablename__ = "group_offers"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(30))
    areas: Mapped[str] = mapped_column(String(200), default="")
    partner_id: Mapped[int | None] = mapped_column(ForeignKey("partners.id"), index=True)
    starts_on: Mapped[date] = mapped_column(Date, index=True)
    ends_on: Mapped[date | None] = mapped_column(Date)
    participants_by_gender: Mapped[str] = mapped_column(Text, default="{}")
    participants_by_age_group: Mapped[str] = mapped_column(Text, default="{}")
    counsellor: Mapped[str | None] = mapped_column(String(40), index=True)
    record_key: Mapped[int] = _record_key()


class GroupSessionRecord(Base):
    """One session of a group offer."""

    __tablename__ = "group_sessions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    group_offer_id: Mapped[int] = mapped_column(ForeignKey("group_offers.id", ondelete="CASCADE"), index=True)
    date: Mapped[date] = mapped_column(Date)
    minutes: Mapped[int] = mapped_column(Integer)
    attendance: Mapped[int] = mapped_column(Integer, default=0)


class GroupOfferClientRecord(Base):
    """A client with a file who took part in a group offer."""

    __tablename__ = "group_offer_clients"
    group_offer_id: Mapped[int] = mapped_column(ForeignKey("group_offers.id", ondelete="CASCADE"))
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id", ondelete="CASCADE"), index=True)
    __table_args__ = (PrimaryKeyConstraint("group_offer_id", "client_id"),)


class AppointmentRecord(Base):
    """Termin of a case or of a group offer (exactly one of the two)."""

    __tablename__ = "appointments"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    group_offer_id: Mapped[int | None] = mapped_column(ForeignKey("group_offers.id", ondelete="CASCADE"), index=True)
    contact_id: Mapped[int | None] = mapped_column(ForeignKey("contacts.id", ondelete="SET NULL"))
    starts_at: Mapped[datetime] = mapped_column(DateTime, index=True)
    minutes: Mapped[int] = mapped_column(Integer)
    mode: Mapped[str] = mapped_column(String(20))
    place: Mapped[str | None] = mapped_column(String(300))
    status: Mapped[str] = mapped_column(String(20))


class AnonymousContactRecord(Base):
    """Anonyme Kurzberatung; ``counsellor`` is the staff member who recorded it."""

    __tablename__ = "anonymous_contacts"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    date: Mapped[date] = mapped_column(Date, index=True)
    minutes: Mapped[int] = mapped_column(Integer)
    mode: Mapped[str] = mapped_column(String(20))
    topics: Mapped[str] = mapped_column(String(200), default="")
    age_group: Mapped[str] = mapped_column(String(10))
    gender: Mapped[str] = mapped_column(String(20))
    referred_partner_type: Mapped[str | None] = mapped_column(String(40))
    counsellor: Mapped[str | None] = mapped_column(String(40), index=True)
    record_key: Mapped[int] = _record_key()


class AuditRecord(Base):
    """One hash-chained audit event. Ids and codes only, never names or note text."""

    __tablename__ = "audit_events"
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    at: Mapped[str] = mapped_column(String(32))
    user: Mapped[str] = mapped_column(String(40), index=True)
    action: Mapped[str] = mapped_column(String(40), index=True)
    entity_kind: Mapped[str | None] = mapped_column(String(20))
    entity_id: Mapped[int | None] = mapped_column(Integer)
    client_id: Mapped[int | None] = mapped_column(Integer, index=True)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))
    __table_args__ = (Index("ix_audit_events_entity", "entity_kind", "entity_id"),)


class PublishedReportRecord(Base):
    """The publication register of statistics reports (DESIGN §7): what left, never the values."""

    __tablename__ = "published_reports"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    published_at: Mapped[datetime] = mapped_column(DateTime)
    user_name: Mapped[str] = mapped_column(String(40))
    period_from: Mapped[date] = mapped_column(Date)
    period_to: Mapped[date] = mapped_column(Date)
    method: Mapped[str] = mapped_column(String(20))
    k: Mapped[int | None] = mapped_column(Integer)
    output: Mapped[str] = mapped_column(String(20))
    cells_hash: Mapped[str] = mapped_column(String(64))
    __table_args__ = (Index("ix_published_reports_period", "period_from", "period_to", "method"),)


class DeletionRunRecord(Base):
    """A deletion run: proposed by one person, carried out only when a second one confirms."""

    __tablename__ = "deletion_runs"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    reason: Mapped[str] = mapped_column(String(20))
    client_ids: Mapped[str] = mapped_column(Text)
    proposed_by: Mapped[str] = mapped_column(String(40))
    proposed_at: Mapped[datetime] = mapped_column(DateTime)
    status: Mapped[str] = mapped_column(String(20), default="proposed")
    decided_by: Mapped[str | None] = mapped_column(String(40))
    decided_at: Mapped[datetime | None] = mapped_column(DateTime)


class ErasureRecord(Base):
    """A client erased by a deletion run: ids only, no personal data. A restore of an older
    backup erases these again; the creation time tells a later client with a reused id apart."""

    __tablename__ = "erasures"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    client_id: Mapped[int] = mapped_column(Integer)
    client_created_at: Mapped[datetime | None] = mapped_column(DateTime)
    run_id: Mapped[int | None] = mapped_column(Integer)
    erased_at: Mapped[datetime] = mapped_column(DateTime)
    __table_args__ = (UniqueConstraint("client_id", "client_created_at"),)
