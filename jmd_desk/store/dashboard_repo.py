"""Queries of the overview page, each one set-based and limited to the visible clients."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, exists, false, func, not_, null, or_, select
from sqlalchemy.orm import Session

from jmd_desk.domain import codes
from jmd_desk.domain.dashboard import (
    GOALS_AHEAD_DAYS,
    REFERRAL_ANSWER_DAYS,
    TURNING_27_DAYS,
    Dashboard,
)
from jmd_desk.domain.readmodels import DueItem
from jmd_desk.domain.rules import add_months
from jmd_desk.store.appointments_repo import full_name
from jmd_desk.store.schema import (
    CaseRecord,
    ClientRecord,
    ConsentRecord,
    FollowUpRecord,
    GoalRecord,
    PartnerRecord,
    ReferralRecord,
)
from jmd_desk.store.server.fields import field_opener

LIMIT = 200


def _visible(visible_to: Collection[str] | None) -> ColumnElement[bool]:
    if visible_to is None:
        return ClientRecord.id.is_not(None)
    allowed = ClientRecord.counsellor.in_(list(visible_to)) if visible_to else false()
    return or_(allowed, ClientRecord.counsellor.is_(None))


# the sealed column behind each list's detail text (the partner's name is not sealed)
_SEALED_DETAIL = {"follow_up": ("follow_ups", "text"), "goal": ("goals", "title")}


class DashboardRepository:
    """Builds the Dashboard read model."""

    def __init__(self, session: Session) -> None:
        self._s = session

    def _items(self, query: Select[*tuple[Any, ...]], kind: str) -> tuple[DueItem, ...]:
        rows = self._s.execute(query.limit(LIMIT)).all()
        opened = field_opener(self._s)
        detail = _SEALED_DETAIL.get(kind)
        return tuple(
            DueItem(
                r.id,
                r.client_number,
                full_name(opened, r.id, r.first_name, r.last_name),
                r.due_on,
                kind,
                (opened(*detail, r.ref_id, r.detail) if detail else r.detail) or "",
                r.ref_id,
            )
            for r in rows
        )

    def build(self, today: date, visible_to: Collection[str] | None) -> Dashboard:
        """Everything the overview shows for the visible clients."""
        visible = _visible(visible_to)
        counts = dict(self._s.execute(_open_cases_by_type(visible)).all())
        turning_items = tuple(
            DueItem(i.client_id, i.client_number, i.client_name, _birthday(i.due_on), i.kind, i.detail, i.ref_id)
            for i in self._items(_turning_27(visible, today), "turning_27")
        )
        return Dashboard(
            open_cases_by_type={str(k): int(v) for k, v in counts.items()},
            overdue_follow_ups=self._items(_overdue_follow_ups(visible, today), "follow_up"),
            goals_due=self._items(_goals_due(visible, today), "goal"),
            referrals_waiting=self._items(_referrals_waiting(visible, today), "referral"),
            turning_27=turning_items,
            missing_processing_consent=self._items(_missing_processing_consent(visible, today), "consent"),
        )


_CLIENT_COLUMNS = (ClientRecord.id, ClientRecord.client_number, ClientRecord.first_name, ClientRecord.last_name)
_OPEN_CASE = CaseRecord.closed_on.is_(None)


def _open_cases_by_type(visible: ColumnElement[bool]) -> Select[str, int]:
    return (
        select(CaseRecord.case_type, func.count(CaseRecord.id))
        .join(ClientRecord, ClientRecord.id == CaseRecord.client_id)
        .where(_OPEN_CASE, visible)
        .group_by(CaseRecord.case_type)
    )


def _overdue_follow_ups(visible: ColumnElement[bool], today: date) -> Select[*tuple[Any, ...]]:
    return (
        select(
            *_CLIENT_COLUMNS,
            FollowUpRecord.due_on.label("due_on"),
            FollowUpRecord.text.label("detail"),
            FollowUpRecord.id.label("ref_id"),
        )
        .join(CaseRecord, CaseRecord.id == FollowUpRecord.case_id)
        .join(ClientRecord, ClientRecord.id == CaseRecord.client_id)
        .where(visible, FollowUpRecord.done.is_(False), FollowUpRecord.due_on < today)
        .order_by(FollowUpRecord.due_on)
    )


def _goals_due(visible: ColumnElement[bool], today: date) -> Select[*tuple[Any, ...]]:
    return (
        select(
            *_CLIENT_COLUMNS,
            GoalRecord.due_on.label("due_on"),
            GoalRecord.title.label("detail"),
            GoalRecord.id.label("ref_id"),
        )
        .join(CaseRecord, CaseRecord.id == GoalRecord.case_id)
        .join(ClientRecord, ClientRecord.id == CaseRecord.client_id)
        .where(
            visible,
            _OPEN_CASE,
            GoalRecord.status.in_(("open", "in_progress")),
            GoalRecord.due_on >= today,
            GoalRecord.due_on <= today + timedelta(days=GOALS_AHEAD_DAYS),
        )
        .order_by(GoalRecord.due_on)
    )


def _referrals_waiting(visible: ColumnElement[bool], today: date) -> Select[*tuple[Any, ...]]:
    return (
        select(
            *_CLIENT_COLUMNS,
            ReferralRecord.date.label("due_on"),
            PartnerRecord.name.label("detail"),
            ReferralRecord.id.label("ref_id"),
        )
        .join(CaseRecord, CaseRecord.id == ReferralRecord.case_id)
        .join(ClientRecord, ClientRecord.id == CaseRecord.client_id)
        .join(PartnerRecord, PartnerRecord.id == ReferralRecord.partner_id)
        .where(
            visible,
            _OPEN_CASE,
            ReferralRecord.status == "requested",
            ReferralRecord.date <= today - timedelta(days=REFERRAL_ANSWER_DAYS),
        )
        .order_by(ReferralRecord.date)
    )


def _turning_27(visible: ColumnElement[bool], today: date) -> Select[*tuple[Any, ...]]:
    has_open_case = exists().where(CaseRecord.client_id == ClientRecord.id, _OPEN_CASE)
    earliest = add_months(today, -12 * codes.MAX_AGE)
    latest = add_months(today + timedelta(days=TURNING_27_DAYS), -12 * codes.MAX_AGE)
    return (
        select(
            *_CLIENT_COLUMNS,
            ClientRecord.date_of_birth.label("due_on"),
            null().label("detail"),
            ClientRecord.id.label("ref_id"),
        )
        .where(
            visible,
            has_open_case,
            and_(ClientRecord.date_of_birth >= earliest, ClientRecord.date_of_birth <= latest),
        )
        .order_by(ClientRecord.date_of_birth)
    )


def _missing_processing_consent(visible: ColumnElement[bool], today: date) -> Select[*tuple[Any, ...]]:
    # rules.consent_covers in SQL (tests/store/test_consent_rule.py checks that they agree)
    valid_processing = exists().where(
        ConsentRecord.client_id == ClientRecord.id,
        ConsentRecord.scope == "processing",
        ConsentRecord.given_on <= today,
        or_(ConsentRecord.withdrawn_on.is_(None), ConsentRecord.withdrawn_on > today),
    )
    return (
        select(
            *_CLIENT_COLUMNS,
            func.min(CaseRecord.opened_on).label("due_on"),
            null().label("detail"),
            ClientRecord.id.label("ref_id"),
        )
        .join(CaseRecord, CaseRecord.client_id == ClientRecord.id)
        .where(visible, _OPEN_CASE, not_(valid_processing))
        .group_by(*_CLIENT_COLUMNS)
        .order_by(func.min(CaseRecord.opened_on))
    )


def _birthday(date_of_birth: date | None) -> date | None:
    """The 27th birthday (shown instead of the date of birth)."""
    if date_of_birth is None:
        return None
    return add_months(date_of_birth, 12 * codes.MAX_AGE)
