"""Cases and the records below them (goals, contacts, referrals, follow-ups) and consents."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from jmd_desk.domain.entities import Appointment, Case, Consent, Contact, FollowUp, Goal, Progress, Referral, Saved
from jmd_desk.domain.errors import JmdError
from jmd_desk.store.mapping import from_row, to_row, update_row
from jmd_desk.store.row_versions import check_version, versions_of
from jmd_desk.store.schema import (
    AppointmentRecord,
    CaseRecord,
    ConsentRecord,
    ContactRecord,
    FollowUpRecord,
    GoalRecord,
    GoalStatusRecord,
    ProgressRecord,
    ReferralRecord,
)

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

E = TypeVar("E", bound="DataclassInstance")


class ChildRepository(Generic[E]):
    """Records that belong to one parent (a case or a client), listed in date order."""

    kind = ""

    def __init__(
        self, session: Session, record: type[Any], entity: type[E], parent: str, order: str, kind: str
    ) -> None:
        self._s = session
        self._record = record
        self._entity = entity
        self._parent = parent
        self._order = order
        self.kind = kind
        # The session's identity map holds loaded rows only weakly: keep the ones this unit of
        # work looked up, so that checking, reading and changing one record loads it once.
        self._held: dict[int, Any] = {}

    def add(self, parent_id: int, entity: E) -> int:
        """Insert below ``parent_id``; returns the new id."""
        record = self._record(**to_row(entity), **{self._parent: parent_id})
        self._s.add(record)
        self._s.flush()
        return int(record.id)

    def _get(self, item_id: int) -> Any:
        record = self._s.get(self._record, item_id)
        if record is None:
            raise JmdError("not_found", kind=self.kind, id=item_id)
        self._held[item_id] = record
        return record

    def update(self, item_id: int, entity: E) -> None:
        """Replace the record's values."""
        record = self._get(item_id)
        for name, value in update_row(entity).items():
            setattr(record, name, value)

    def get(self, item_id: int) -> Saved[E]:
        """One record."""
        return Saved(item_id, from_row(self._entity, self._get(item_id)))

    def parent_of(self, item_id: int) -> int:
        """Id of the case or client the record belongs to."""
        return int(getattr(self._get(item_id), self._parent))

    def delete(self, item_id: int) -> None:
        """Remove the record."""
        self._s.delete(self._get(item_id))

    def for_parents(self, parent_ids: Iterable[int]) -> dict[int, list[Saved[E]]]:
        """Records of the given parents, each list in date order (then id)."""
        ids = list(parent_ids)
        result: dict[int, list[Saved[E]]] = defaultdict(list)
        if not ids:
            return result
        parent_col = getattr(self._record, self._parent)
        order_col = getattr(self._record, self._order)
        query = (
            select(self._record)
            .where(parent_col.in_(ids))
            .order_by(parent_col, order_col.asc().nulls_first(), self._record.id)
        )
        records = list(self._s.scalars(query))
        versions = versions_of(self._s, self._record.__tablename__, (r.id for r in records))
        for record in records:
            saved = Saved(record.id, from_row(self._entity, record), versions.get(record.id))
            result[getattr(record, self._parent)].append(saved)
        return result

    def check_version(self, item_id: int, seen: int | None) -> None:
        """Refuse a save over a newer one (office server; see ``row_versions``)."""
        check_version(self._s, self._record.__tablename__, item_id, seen)


class CaseRepository(ChildRepository[Case]):
    """Cases of clients."""

    def __init__(self, session: Session) -> None:
        super().__init__(session, CaseRecord, Case, "client_id", "opened_on", "case")

    def client_of(self, case_id: int) -> int:
        """The client a case belongs to."""
        return self.parent_of(case_id)

    def open_cases(self, client_id: int) -> list[Saved[Case]]:
        """The client's cases that are not closed."""
        return [c for c in self.for_parents([client_id])[client_id] if c.value.is_open]


class GoalRepository(ChildRepository[Goal]):
    """Goals, with a status history so the status on any reporting day is known."""

    def __init__(self, session: Session) -> None:
        super().__init__(session, GoalRecord, Goal, "case_id", "agreed_on", "goal")

    def add(self, parent_id: int, entity: Goal) -> int:
        """Insert the goal and its first status (and a later change, if one is recorded)."""
        goal_id = super().add(parent_id, entity)
        for valid_from, status in initial_history(entity):
            self._s.add(GoalStatusRecord(goal_id=goal_id, valid_from=valid_from, status=status))
        return goal_id

    def update(self, item_id: int, entity: Goal) -> None:
        """Replace the goal; a new status is appended to its history."""
        old_status = self._get(item_id).status
        super().update(item_id, entity)
        if entity.status != old_status:
            self._s.add(GoalStatusRecord(goal_id=item_id, valid_from=entity.status_changed_on, status=entity.status))

    def delete(self, item_id: int) -> None:
        """Remove the goal and its history."""
        self._s.execute(delete(GoalStatusRecord).where(GoalStatusRecord.goal_id == item_id))
        super().delete(item_id)


def initial_history(goal: Goal) -> list[tuple[date | None, str]]:
    """History rows for a goal entered with its current status."""
    changed = goal.status_changed_on
    if changed is not None and goal.status != "open" and changed != goal.agreed_on:
        return [(goal.agreed_on, "open"), (changed, goal.status)]
    return [(goal.agreed_on or changed, goal.status)]


def contact_repository(session: Session) -> ChildRepository[Contact]:
    """Contacts of cases, by date."""
    return ChildRepository(session, ContactRecord, Contact, "case_id", "date", "contact")


def referral_repository(session: Session) -> ChildRepository[Referral]:
    """Referrals of cases, by date."""
    return ChildRepository(session, ReferralRecord, Referral, "case_id", "date", "referral")


def follow_up_repository(session: Session) -> ChildRepository[FollowUp]:
    """Follow-ups of cases, by due date."""
    return ChildRepository(session, FollowUpRecord, FollowUp, "case_id", "due_on", "follow_up")


def consent_repository(session: Session) -> ChildRepository[Consent]:
    """Consents of clients, by date given."""
    return ChildRepository(session, ConsentRecord, Consent, "client_id", "given_on", "consent")


def progress_repository(session: Session) -> ChildRepository[Progress]:
    """Progress entries of clients, by date (the last one is the latest)."""
    return ChildRepository(session, ProgressRecord, Progress, "client_id", "on", "progress")


class AppointmentRepository(ChildRepository[Appointment]):
    """Appointments below a case (``case_id``) or a group offer (``group_offer_id``)."""

    def __init__(self, session: Session, parent: str) -> None:
        super().__init__(session, AppointmentRecord, Appointment, parent, "starts_at", "appointment")

    def parents(self, item_id: int) -> tuple[int | None, int | None]:
        """(case id, group offer id) of an appointment; exactly one is set."""
        record = self._get(item_id)
        return record.case_id, record.group_offer_id

    def between(self, start: datetime, end: datetime) -> list[tuple[int, int | None, int | None, Appointment]]:
        """(id, case id, offer id, appointment) starting in ``[start, end)``, by start."""
        query = (
            select(AppointmentRecord)
            .where(AppointmentRecord.starts_at >= start, AppointmentRecord.starts_at < end)
            .order_by(AppointmentRecord.starts_at, AppointmentRecord.id)
        )
        return [(r.id, r.case_id, r.group_offer_id, from_row(Appointment, r)) for r in self._s.scalars(query)]


def case_appointment_repository(session: Session) -> AppointmentRepository:
    """Appointments of cases, by start."""
    return AppointmentRepository(session, "case_id")


def offer_appointment_repository(session: Session) -> AppointmentRepository:
    """Appointments of group offers, by start."""
    return AppointmentRepository(session, "group_offer_id")
