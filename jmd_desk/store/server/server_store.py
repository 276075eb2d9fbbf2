"""An open office server for one signed-in person: her engine, the office key, sealed writes.

The login secret is kept in memory for the connection pool (like a local store's database key);
the office data key seals and opens the fields of §3b on this workstation only.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import psycopg
from sqlalchemy import Engine, Table, literal_column, select, text, update
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError
from sqlalchemy.sql.dml import ReturningUpdate

from jmd_desk.domain.entities import User
from jmd_desk.domain.errors import AuthError, JmdError, StoreError
from jmd_desk.domain.interchange import Document
from jmd_desk.store.bulk import RowSealer, write_document
from jmd_desk.store.keyfile import KdfPolicy, user_slot_id
from jmd_desk.store.schema import Base, ClientRecord
from jmd_desk.store.server import connection, database, move_in, office, sealing
from jmd_desk.store.server.audit import server_audit_key
from jmd_desk.store.server.fields import FieldCipher
from jmd_desk.store.server.live import ChangeListener
from jmd_desk.store.server.login import login_secret
from jmd_desk.store.server.profile import ServerProfile
from jmd_desk.store.server.versions_sql import VERSIONED_TABLES
from jmd_desk.store.users_repo import UserRepository

log = logging.getLogger("jmd_desk.store.server")  # codes and ids only, never names or notes


class ServerStore:
    """``ServerStore.open(profile, user, password, policy)``; ``close()`` when done."""

    def __init__(self, profile: ServerProfile, username: str, secret: str, office_key: bytes) -> None:
        self.profile = profile
        self.username = username
        self.engine: Engine = database.make_engine(profile, username, secret)
        self._secret = secret  # for the change listener's own connection
        self.office_key = office_key
        self.cipher = FieldCipher(office_key)
        self.audit_key = server_audit_key(office_key)
        self._open = True
        self._locked = False

    def prepare_session(self, session: Session) -> RowSealer:
        """Make a unit of work's session seal and open fields; returns the sealer for bulk rows."""
        sealing.install(session, self.cipher)
        return self.cipher.seal_row

    @property
    def is_open(self) -> bool:
        """True until ``close`` (also while locked)."""
        return self._open or self._locked

    @property
    def is_unlocked(self) -> bool:
        """True while signed in (the server has no lock screen of its own yet)."""
        return self._open

    @classmethod
    def open(cls, profile: ServerProfile, username: str, password: str, policy: KdfPolicy) -> ServerStore:
        """Sign in (wrong password → AuthError) and unwrap the office key from the login's slot."""
        secret = login_secret(password, profile.database, username)  # one Argon2id derivation
        conn, key = office.sign_in(profile, username, password, policy, secret)
        conn.close()
        return cls(profile, username, secret, key)

    def suspend(self) -> None:
        """Locked: every connection closed, the login secret and office key forgotten."""
        self.engine.dispose()
        self.engine = database.make_engine(self.profile, self.username, "")
        self.office_key, self._secret = b"", ""
        self._open = False
        self._locked = True

    def resume(self, username: str, password: str, policy: KdfPolicy) -> None:
        """Unlock with the same person's password (AuthError if wrong)."""
        if username != self.username:
            raise AuthError("wrong_credentials")
        fresh = ServerStore.open(self.profile, username, password, policy)
        self.engine, self.office_key, self.cipher = fresh.engine, fresh.office_key, fresh.cipher
        self._secret = fresh._secret
        self.audit_key = fresh.audit_key
        self._open, self._locked = True, False

    def renew_login(self, password: str) -> None:
        """After the person changed her own password: new connections use the new login secret."""
        secret = login_secret(password, self.profile.database, self.username)
        self.engine.dispose()
        self.engine = database.make_engine(self.profile, self.username, secret)
        self._secret = secret

    def change_listener(self) -> ChangeListener:
        """Colleagues' changes as the server announces them (its own connection; ``close()`` it)."""
        if not self._open:
            raise AuthError("session_closed")
        return ChangeListener(self.profile, self.username, self._secret)

    def close(self) -> None:
        """Close every connection."""
        self.engine.dispose()
        self._secret = ""
        self._open = self._locked = False

    def user(self) -> User | None:
        """The signed-in person's account (roles, active)."""
        with Session(self.engine) as session:
            return UserRepository(session).get(self.username)

    def office_id(self) -> str:
        """The office's id (names statistics bundles and erasure lists; the same on every workstation)."""
        with Session(self.engine) as session:
            value = session.scalar(text("SELECT value FROM store_meta WHERE key = :k"), {"k": office.OFFICE_ID_KEY})
        if value is None:
            raise StoreError("server_not_set_up")
        return str(value)

    def number_taken(self, number: str) -> bool:
        """True if any client of the office has ``number`` (asked through a narrow function)."""
        with Session(self.engine) as session:
            return bool(session.scalar(text("SELECT jmd_client_number_taken(:n)"), {"n": number}))

    def next_number(self, year: int) -> str:
        """The next free client number of ``year`` in the whole office."""
        with Session(self.engine) as session:
            last = session.scalar(text("SELECT jmd_last_client_number(:y)"), {"y": year})
        number = int(last[5:]) + 1 if last else 1
        if number > 9999:
            raise JmdError("client_numbers_exhausted", year=year)
        return f"{year:04d}-{number:04d}"

    def write_document(self, document: Document, now: datetime, counsellor: str | None = None) -> list[int]:
        """Insert a whole document with sealed fields, in one transaction (all or nothing)."""
        try:
            with Session(self.engine) as session, session.begin():
                return write_document(session, document, now, counsellor, seal=self.cipher.seal_row)
        except DBAPIError as exc:
            raise classify_server_error(exc) from None

    def move_in(self, snapshot: move_in.LocalSnapshot, now: datetime) -> int:
        """Write a local store's snapshot in one transaction; returns the number of clients."""
        try:
            with Session(self.engine) as session, session.begin():
                move_in.open_crossing(session)
                move_in.check_counsellors(session, snapshot.document)
                before = move_in.server_counts(session)
                known = move_in.known_partners(session, snapshot.document)
                new_ids = write_document(
                    session, snapshot.document, now, seal=self.cipher.seal_row, known_partners=known
                )
                mapping = dict(zip(snapshot.client_ids, new_ids, strict=True))
                move_in.write_changes(session, snapshot, mapping, self.cipher.seal_row)
                move_in.write_audit(session, snapshot, mapping, self.audit_key)
                move_in.check_counts(before, move_in.server_counts(session), snapshot)
        except DBAPIError as exc:
            raise classify_server_error(exc) from None
        return len(new_ids)

    def version_of(self, table: str, row_id: int) -> RowVersion:
        """The row's current version and who saved it last (StoreError if not visible)."""
        _versioned(table)
        with Session(self.engine) as session:
            row = session.execute(
                text(f"SELECT row_version, changed_by, changed_at FROM {table} WHERE id = :id"),  # noqa: S608
                {"id": row_id},
            ).first()
        if row is None:
            raise StoreError("server_row_refused")
        return RowVersion(int(row[0]), str(row[1] or ""), row[2])

    def save_fields(self, table: str, row_id: int, seen_version: int, values: dict[str, object]) -> int:
        """Save changed fields only if nobody saved the row since ``seen_version``.

        Returns the new version; a newer save by someone else raises ``edit_conflict`` naming
        who and when (the caller keeps the user's input). Sealed columns are sealed here.
        """
        record = _versioned(table)
        editable = {c.name for c in record.columns} - {"id"}
        if not set(values) <= editable:
            raise StoreError("server_error", detail="unknown_column")
        sealed = {k: v for k, v in self.cipher.seal_row(table, {**values, "id": row_id}).items() if k != "id"}
        statement: ReturningUpdate[Any] = (
            update(record)
            .where(record.c.id == row_id, literal_column("row_version") == seen_version)
            .values(**sealed)
            .returning(literal_column("row_version"))
        )
        try:
            with Session(self.engine) as session, session.begin():
                saved = session.execute(statement).scalar()
        except DBAPIError as exc:
            raise classify_server_error(exc) from None
        if saved is None:
            log.info("edit conflict on %s row %d (seen version %d)", table, row_id, seen_version)
            now = self.version_of(table, row_id)
            raise StoreError("edit_conflict", by=now.changed_by, at=now.changed_at.strftime("%d.%m.%Y %H:%M"))
        return int(saved)

    def file_rows(self, client_id: int) -> dict[str, list[dict[str, object]]]:
        """One client's file as rows per table, sealed fields opened here (empty if not visible)."""
        tables = Base.metadata.tables
        with Session(self.engine) as session:
            client = [
                dict(r._mapping)
                for r in session.execute(select(tables["clients"]).where(tables["clients"].c.id == client_id))
            ]
            if not client:
                return {}
            rows: dict[str, list[dict[str, object]]] = {"clients": client}
            cases = tables["cases"]
            rows["cases"] = [
                dict(r._mapping) for r in session.execute(select(cases).where(cases.c.client_id == client_id))
            ]
            case_ids = [c["id"] for c in rows["cases"]]
            for name in ("goals", "contacts", "referrals", "follow_ups"):
                table = tables[name]
                query = select(table).where(table.c.case_id.in_(case_ids)).order_by(table.c.id)
                rows[name] = [dict(r._mapping) for r in session.execute(query)]
            consents = tables["consents"]
            rows["consents"] = [
                dict(r._mapping) for r in session.execute(select(consents).where(consents.c.client_id == client_id))
            ]
        return {name: [self.cipher.open_row(name, row) for row in table_rows] for name, table_rows in rows.items()}

    def client_names(self) -> dict[int, tuple[str, str]]:
        """Id → (first name, last name) of every client this person may see, opened here."""
        with Session(self.engine) as session:
            rows = session.execute(select(ClientRecord.id, ClientRecord.first_name, ClientRecord.last_name))
            return {
                cid: (
                    self.cipher.open("clients", "first_name", cid, first) or "",
                    self.cipher.open("clients", "last_name", cid, last) or "",
                )
                for cid, first, last in rows
            }


@dataclass(frozen=True)
class RowVersion:
    """A row's version and its last save."""

    version: int
    changed_by: str
    changed_at: datetime


def _versioned(table: str) -> Table:
    if table not in VERSIONED_TABLES:
        raise StoreError("server_error", detail="not_versioned")
    return Base.metadata.tables[table]


def classify_server_error(exc: DBAPIError | StaleDataError) -> StoreError:
    """Row-level security refusals and other server errors, without the server's text.

    An ORM update or delete that matches no row met a row the server hides from this login.
    """
    if isinstance(exc, StaleDataError):
        return StoreError("server_row_refused")
    original = exc.orig
    if isinstance(original, psycopg.errors.InsufficientPrivilege):
        return StoreError("server_row_refused")
    if isinstance(original, psycopg.errors.UniqueViolation):
        return StoreError("store_busy")
    return StoreError("server_error", detail=type(original).__name__)


@dataclass(frozen=True)
class OverviewRow:
    """One file in the team lead's overview (metadata of §3; names opened on this workstation)."""

    client_id: int
    client_number: str
    first_name: str
    last_name: str
    counsellor: str | None
    case_id: int | None
    case_type: str | None
    opened_on: date | None
    closed_on: date | None


class StaffFunctions:
    """The team lead's and the admin's narrow server functions, for a signed-in ServerStore."""

    def __init__(self, store: ServerStore) -> None:
        self._store = store

    def _call(self, statement: str, params: dict[str, object]) -> list[tuple[Any, ...]]:
        try:
            with Session(self._store.engine) as session, session.begin():
                return [tuple(r) for r in session.execute(text(statement), params)]
        except DBAPIError as exc:
            office.raise_typed(exc.orig or exc)
            raise  # pragma: no cover - raise_typed always raises

    def team_overview(self) -> list[OverviewRow]:
        """Every file of the office with its cases (team lead)."""
        rows = self._call("SELECT * FROM jmd_team_overview()", {})
        cipher = self._store.cipher
        return [
            OverviewRow(
                cid,
                number,
                cipher.open("clients", "first_name", cid, first) or "",
                cipher.open("clients", "last_name", cid, last) or "",
                *rest,
            )
            for cid, number, first, last, *rest in rows
        ]

    def reassign(self, client_id: int, counsellor: str) -> None:
        """Give a file to another counsellor (team lead; logged on the server)."""
        self._call("SELECT jmd_reassign_client(:c, :u)", {"c": client_id, "u": counsellor})

    def set_deputy(self, for_user: str, deputy: str, on: bool) -> None:
        """Name or remove a deputy (team lead, or the counsellor herself)."""
        self._call("SELECT jmd_set_deputy(:f, :d, :on)", {"f": for_user, "d": deputy, "on": on})

    def set_password(self, username: str, new_password: str, policy: KdfPolicy) -> None:
        """Own password change, or an admin's reset of someone else's (she is told at sign-in)."""
        store = self._store
        secret = login_secret(new_password, store.profile.database, username)
        with store.engine.connect() as conn:
            raw = conn.connection.dbapi_connection
            assert isinstance(raw, psycopg.Connection)
            verifier = connection.scram_verifier(raw, username, secret)
            office_id = office.office_id_of(raw)
            raw.rollback()
        slot = office.wrap_key(office_id, user_slot_id(username), new_password, store.office_key, policy)
        self._call("SELECT jmd_set_login_password(:u, :v, :s)", {"u": username, "v": verifier, "s": slot})

    def take_password_resets(self) -> list[tuple[str, datetime]]:
        """Resets of the signed-in person's password by an admin since she last signed in."""
        return [(str(by), at) for by, at in self._call("SELECT * FROM jmd_take_password_resets()", {})]
