"""Staff accounts, their roles and deputies."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, select, text
from sqlalchemy.orm import Session

from jmd_desk.domain.codes import Role
from jmd_desk.domain.entities import User
from jmd_desk.store.schema import DeputyRecord, MetaRecord, UserRecord

_ROLE_COLUMNS = {
    Role.COUNSELLOR: "is_counsellor",
    Role.TEAM_LEAD: "is_team_lead",
    Role.ADMIN: "is_admin",
}


MUST_CHANGE_KEY = "password_must_change"


def _user(record: UserRecord) -> User:
    roles = frozenset(role for role, column in _ROLE_COLUMNS.items() if getattr(record, column))
    return User(record.username, record.display_name, roles, record.active)


class UserRepository:
    """Reads and writes ``users`` and ``deputies``."""

    def __init__(self, session: Session) -> None:
        self._s = session

    def add(self, user: User, now: datetime) -> int:
        """Insert a new account; returns its id."""
        record = UserRecord(username=user.username, created_at=now)
        self._apply(record, user)
        self._s.add(record)
        self._s.flush()
        return record.id

    def update(self, user: User) -> None:
        """Change display name, roles and active flag of an existing account."""
        record = self._record(user.username)
        if record is not None:
            self._apply(record, user)

    @staticmethod
    def _apply(record: UserRecord, user: User) -> None:
        record.display_name = user.display_name
        record.active = user.active
        for role, column in _ROLE_COLUMNS.items():
            setattr(record, column, role in user.roles)

    def _record(self, username: str) -> UserRecord | None:
        return self._s.scalar(select(UserRecord).where(UserRecord.username == username))

    def get(self, username: str) -> User | None:
        """The account, or None."""
        record = self._record(username)
        return _user(record) if record else None

    def id_of(self, username: str) -> int | None:
        """The account's id (for audit events), or None."""
        return self._s.scalar(select(UserRecord.id).where(UserRecord.username == username))

    def must_change_password(self) -> set[str]:
        """Accounts that signed in with a one-time password must set their own first."""
        value = self._s.scalar(select(MetaRecord.value).where(MetaRecord.key == MUST_CHANGE_KEY))
        return {name for name in (value or "").split(",") if name}

    def set_must_change_password(self, usernames: set[str]) -> None:
        """Replace the set of accounts that must set their own password."""
        self._s.merge(MetaRecord(key=MUST_CHANGE_KEY, value=",".join(sorted(usernames))))

    def accounts(self) -> list[tuple[int, User]]:
        """Every account with its record id (for the signed user list)."""
        return [(r.id, _user(r)) for r in self._s.scalars(select(UserRecord).order_by(UserRecord.id))]

    def all(self) -> list[User]:
        """All accounts by user name."""
        return [_user(r) for r in self._s.scalars(select(UserRecord).order_by(UserRecord.username))]

    def deputised_for(self, deputy: str) -> frozenset[str]:
        """User names whose cases ``deputy`` may work on."""
        rows = self._s.scalars(select(DeputyRecord.username).where(DeputyRecord.deputy == deputy))
        return frozenset(rows)

    def deputies_of(self, username: str) -> list[str]:
        """Who deputises for ``username``."""
        rows = self._s.scalars(
            select(DeputyRecord.deputy).where(DeputyRecord.username == username).order_by(DeputyRecord.deputy)
        )
        return list(rows)

    def set_deputies(self, username: str, deputies: list[str]) -> None:
        """Replace the deputies of ``username``."""
        if self._s.get_bind().dialect.name == "postgresql":
            self._set_deputies_on_server(username, deputies)
            return
        self._s.execute(delete(DeputyRecord).where(DeputyRecord.username == username))
        for deputy in deputies:
            self._s.add(DeputyRecord(username=username, deputy=deputy))

    def _set_deputies_on_server(self, username: str, deputies: list[str]) -> None:
        """The office server changes deputies only through its audited function (team lead)."""
        current = set(self.deputies_of(username))
        call = text("SELECT jmd_set_deputy(:f, :d, :on)")
        for deputy in sorted(current - set(deputies)):
            self._s.execute(call, {"f": username, "d": deputy, "on": False})
        for deputy in sorted(set(deputies) - current):
            self._s.execute(call, {"f": username, "d": deputy, "on": True})
