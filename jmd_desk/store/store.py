"""A store: one SQLCipher database file plus its key file and lock file beside it.

Opening never falls back to a new or unencrypted database: a missing, empty, garbage or
truncated file, a missing key file, a wrong password or a newer schema each end in their
own StoreError/AuthError, and the files are left as they were.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Callable, Iterator
from dataclasses import astuple, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

import sqlcipher3.dbapi2 as sqlcipher
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from sqlalchemy import Engine, select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from jmd_desk.domain.entities import User
from jmd_desk.domain.errors import StoreError
from jmd_desk.domain.kdf import KdfParams
from jmd_desk.store import migrate, rekey
from jmd_desk.store.engine import check_not_truncated, classify, connect, locked_engine, make_engine
from jmd_desk.store.keyfile import (
    RECOVERY_SLOT,
    UNKNOWN_PARAMS,
    KdfPolicy,
    KeyFile,
    new_db_key,
    new_recovery_key,
    normalise_recovery_key,
)
from jmd_desk.store.lockfile import StoreLock
from jmd_desk.store.roster import RosterUser, new_signing_key, public_key_of, slot_findings
from jmd_desk.store.schema import MetaRecord

AUDIT_PURPOSE = b"jmd-desk audit-hmac v1"
T = TypeVar("T")


@dataclass(frozen=True)
class StorePaths:
    """The files that make up one store."""

    db: Path

    @property
    def keys(self) -> Path:
        """The key file (``office.jmd.keys``)."""
        return self.db.with_name(self.db.name + ".keys")

    @property
    def wal(self) -> Path:
        """SQLite's write-ahead log beside the database."""
        return self.db.with_name(self.db.name + "-wal")

    @property
    def shm(self) -> Path:
        """SQLite's shared-memory index beside the database."""
        return self.db.with_name(self.db.name + "-shm")

    @property
    def backups(self) -> Path:
        """Folder for automatic backups (before migrations, on exit)."""
        return self.db.parent / "backups"


def derive_subkey(db_key: bytes, purpose: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=purpose).derive(db_key)


class Store:
    """An open, unlocked store. Holds the lock until ``close``."""

    def __init__(
        self, paths: StorePaths, key_file: KeyFile, db_key: bytes, lock: StoreLock, signing_key: bytes | None = None
    ) -> None:
        self.paths = paths
        self.key_file = key_file
        self._lock = lock
        self._attach(db_key, signing_key)

    def _attach(self, db_key: bytes, signing_key: bytes | None = None) -> None:
        self._db_key = db_key
        # The office signing key: only when opened through an admin or the recovery slot.
        self.signing_key = signing_key
        self.engine: Engine = make_engine(self.paths.db, db_key)
        self.sessions = sessionmaker(bind=self.engine, expire_on_commit=False)
        self.audit_key = derive_subkey(db_key, AUDIT_PURPOSE)

    # ---------------------------------------------------------------- locking
    def suspend(self) -> None:
        """Lock: close every connection and forget the keys; the file lock stays held. The
        engine is replaced too, because its connection factory holds the key."""
        self.engine.dispose()
        self.engine = locked_engine()
        self.sessions = sessionmaker(bind=self.engine, expire_on_commit=False)
        self._db_key = b""
        self.audit_key = b""
        self.signing_key = None

    def resume(self, username: str, password: str, policy: KdfPolicy) -> None:
        """Unlock again with the password of ``username``."""
        self._attach(*self.key_file.unlock(self.key_file.user_slot(username), password, policy))

    @property
    def is_unlocked(self) -> bool:
        """True while the store is open and not suspended."""
        return self._lock.held and bool(self._db_key)

    # ----------------------------------------------------------------- creating
    @classmethod
    def create(cls, path: Path, username: str, password: str, policy: KdfPolicy) -> tuple[Store, str]:
        """A new empty store at ``path`` with one user slot and the recovery slot.

        Returns the open store and the recovery key (to be shown once). Refuses to touch an
        existing store; on failure removes what it created.
        """
        paths = StorePaths(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        for existing in (paths.db, paths.keys):
            if existing.exists():
                raise StoreError("store_exists", path=str(existing))
        lock = StoreLock(paths.db)
        lock.acquire()
        created: list[Path] = []
        try:
            fd = os.open(paths.db, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            os.close(fd)
            created += [paths.db, paths.wal, paths.shm]
            db_key = new_db_key()
            key_file = KeyFile.new()
            engine = make_engine(paths.db, db_key)
            try:
                migrate.create_schema(engine)
                with engine.begin() as conn:
                    conn.execute(
                        MetaRecord.__table__.insert(),
                        [
                            {"key": "store_id", "value": key_file.store_id},
                            {"key": "created_at", "value": datetime.now(UTC).isoformat()},
                        ],
                    )
            finally:
                engine.dispose()
            recovery_key = new_recovery_key()
            params = policy.params_for_new_slot()
            signing_key = new_signing_key()
            pairs = [(key_file.slot_id_for(username), password), (RECOVERY_SLOT, recovery_key)]
            key_file = key_file.with_slots(pairs, db_key, params, signing_key)
            created.append(paths.keys)
            key_file.save(paths.keys)
        except BaseException:
            for item in created:
                item.unlink(missing_ok=True)
            lock.release()
            raise
        return cls(paths, key_file, db_key, lock, signing_key), recovery_key

    # ------------------------------------------------------------------ opening
    @staticmethod
    def check_files(path: Path) -> KeyFile:
        """Check that the store's files are there and plausible; returns the key file."""
        paths = StorePaths(path)
        if not paths.db.exists():
            if paths.keys.exists():
                raise StoreError("store_file_missing", path=str(paths.db))
            raise StoreError("store_not_found", path=str(paths.db))
        if paths.db.is_dir():
            raise StoreError("not_a_store", path=str(paths.db))
        if paths.db.stat().st_size == 0:
            raise StoreError("store_empty", path=str(paths.db))
        return KeyFile.load(paths.keys)

    @classmethod
    def open(
        cls,
        path: Path,
        *,
        username: str | None = None,
        password: str | None = None,
        recovery_key: str | None = None,
        policy: KdfPolicy,
        backup_before_migration: bool = True,
    ) -> Store:
        """Unlock the store with a user's password or with the recovery key."""
        paths = StorePaths(path)
        cls.check_files(path)
        lock = StoreLock(paths.db)
        lock.acquire()
        try:
            # Read under the lock: a copy read before could be older than a password change
            # another instance is just writing.
            key_file = KeyFile.load(paths.keys)
            if recovery_key is not None:
                secret = normalise_recovery_key(recovery_key)
                db_key, signing_key = key_file.unlock(RECOVERY_SLOT, secret, policy)
            else:
                if username is None or password is None:
                    raise StoreError("credentials_missing")
                db_key, signing_key = key_file.unlock(key_file.user_slot(username), password, policy)
            cls._verify_database(paths, key_file, db_key)
            store = cls(paths, key_file, db_key, lock, signing_key)
        except BaseException:
            lock.release()
            raise
        try:
            store._migrate_if_needed(backup_before_migration)
        except BaseException:
            store.close()
            raise
        return store

    @staticmethod
    def _verify_database(paths: StorePaths, key_file: KeyFile, db_key: bytes) -> None:
        conn = connect(paths.db, db_key)
        try:
            check_not_truncated(conn, paths.db)
            try:
                row = conn.execute("SELECT value FROM store_meta WHERE key = 'store_id'").fetchone()
            except sqlcipher.Error as exc:
                if "no such table" in str(exc):
                    raise StoreError("not_a_store") from None
                raise classify(exc) from None
            if row is None or row[0] != key_file.store_id:
                raise StoreError("keyfile_mismatch")
        finally:
            conn.close()

    @contextlib.contextmanager
    def _classified(self) -> Iterator[None]:
        """Driver errors (damaged file, full disk …) become StoreErrors with a specific code."""
        try:
            yield
        except DBAPIError as exc:
            raise classify(exc.orig or exc) from None
        except sqlcipher.Error as exc:
            raise classify(exc) from None

    def _migrate_if_needed(self, backup_first: bool) -> None:
        with self._classified(), self.engine.connect() as conn:
            revision = migrate.current_revision(conn)
        migrate.check_revision(revision)
        if revision == migrate.head_revision():
            return
        if backup_first:
            stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
            self.backup_database(self.paths.backups / f"{self.paths.db.stem}-before-upgrade-{revision}-{stamp}.jmd")
        self.run(migrate.upgrade, self.engine)

    # -------------------------------------------------------------- key slots
    def set_password(
        self, username: str, password: str, policy: KdfPolicy, *, admin: bool, users: tuple[RosterUser, ...]
    ) -> None:
        """Write (or rewrite) the user's slot; the database file is not touched. An existing
        slot keeps its KDF parameters, so a password change needs no new signature; an admin's
        slot also wraps the office signing key (when this session holds it)."""
        current = self.key_file.slot(self.key_file.user_slot(username))
        params = current.params if current is not None else policy.params_for_new_slot()
        signing = self.signing_key if admin else None
        slot_id = self.key_file.slot_id_for(username)
        self._save(self.key_file.with_slot(slot_id, password, self._db_key, params, signing), users)

    def check_password(self, username: str, password: str, policy: KdfPolicy) -> None:
        """Raise AuthError('wrong_credentials') unless ``password`` opens the user's slot."""
        self.key_file.unwrap(self.key_file.user_slot(username), password, policy)

    def remove_user_slot(self, username: str, users: tuple[RosterUser, ...]) -> None:
        """Remove the user's slot so that the account can no longer unlock the store."""
        self._save(self.key_file.without_slot(self.key_file.user_slot(username)), users)

    def new_recovery_key(self, policy: KdfPolicy, users: tuple[RosterUser, ...]) -> str:
        """Replace the recovery slot; the old recovery key stops working."""
        if self.signing_key is None:
            raise StoreError("signing_key_unavailable")
        recovery_key = new_recovery_key()
        params = policy.params_for_new_slot()
        key_file = self.key_file.with_slot(RECOVERY_SLOT, recovery_key, self._db_key, params, self.signing_key)
        self._save(key_file, users)
        return recovery_key

    def sign_users(self, users: tuple[RosterUser, ...], checkpoint: tuple[int, str] | None = None) -> None:
        """Sign the user list (and an audit checkpoint) again after an admin's change."""
        self._save(self.key_file, users, checkpoint)

    def _save(
        self, key_file: KeyFile, users: tuple[RosterUser, ...], checkpoint: tuple[int, str] | None = None
    ) -> None:
        if self.signing_key is not None:
            key_file = key_file.signed(self.signing_key, users, checkpoint)
        elif key_file.roster is not None and not key_file.list_matches(users):
            raise StoreError("signing_key_unavailable")
        if key_file is not self.key_file:
            key_file.save(self.paths.keys)
            self.key_file = key_file

    def roster_users(self, accounts: list[tuple[int, User]]) -> tuple[RosterUser, ...]:
        """The signed-list form of the accounts in the database."""
        return tuple(
            RosterUser(self.key_file.slot_id_for(u.username), uid, tuple(sorted(r.value for r in u.roles)), u.active)
            for uid, u in accounts
        )

    def roster_findings(self, accounts: list[tuple[int, User]], floor: KdfParams) -> list[str]:
        """What the signed list says is wrong: its signature, the office key, extra, missing,
        altered or weak slots, and users or roles that differ from the database."""
        key_file = self.key_file
        if key_file.roster is None:
            return ["user_list_unsigned"]
        if not key_file.signature_ok():
            return ["user_list_signature_invalid"]
        found = []
        if self.signing_key is not None and public_key_of(self.signing_key) != key_file.public_key:
            found.append("office_key_replaced")
        signed_slots, present = dict(key_file.roster.slots), dict(key_file.roster_slots())
        damaged = key_file.damaged_slots()
        for sid in damaged:  # unreadable parameters: named as damaged, not again as weak
            if present[sid] == astuple(UNKNOWN_PARAMS):
                present[sid] = signed_slots.get(sid, present[sid])
        found += [f"slot_damaged:{sid}" for sid in damaged]
        found += slot_findings(signed_slots, present, floor)
        names = {self.key_file.slot_id_for(u.username): u.username for _, u in accounts}
        signed = {u.slot: u for u in key_file.roster.users}
        for user in self.roster_users(accounts):
            if user.slot not in signed:
                found.append(f"user_extra:{names[user.slot]}")
            elif signed[user.slot] != user:
                found.append(f"user_altered:{names[user.slot]}")
        found += [f"user_missing:{slot}" for slot in signed if slot not in names]
        return found

    # ---------------------------------------------------------------- re-key
    def rekey(
        self, one_time: dict[str, tuple[str, bool]], policy: KdfPolicy, users: tuple[RosterUser, ...]
    ) -> tuple[str, tuple[int, str]]:
        """New database key, signing key and key file; ``one_time`` maps each remaining user
        to (one-time password, is admin). Returns the new recovery key and the new audit head.

        The old files are kept in the backups folder first; the new database is built beside
        the store and moved into place, then the new key file is written."""
        new_key, signing_key, recovery_key = new_db_key(), new_signing_key(), new_recovery_key()
        stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
        self.backup_database(self.paths.backups / f"{self.paths.db.stem}-before-rekey-{stamp}.jmd")
        self.engine.dispose()
        copy = rekey.export_rekeyed(self.paths.db, self._db_key, new_key)
        try:
            head = rekey.rechain_audit(copy, new_key, derive_subkey(new_key, AUDIT_PURPOSE), "audit_head")
            params = policy.params_for_new_slot()
            key_file = KeyFile(self.key_file.store_id, ())
            for username, (password, admin) in one_time.items():
                slot_id = key_file.slot_id_for(username)
                key_file = key_file.with_slot(slot_id, password, new_key, params, signing_key if admin else None)
            key_file = key_file.with_slot(RECOVERY_SLOT, recovery_key, new_key, params, signing_key)
            key_file = key_file.signed(signing_key, users, head)
            rekey.check_no_error(copy)
        except BaseException:
            rekey.discard(copy)
            raise
        for leftover in (self.paths.wal, self.paths.shm):
            leftover.unlink(missing_ok=True)
        os.replace(copy, self.paths.db)
        key_file.save(self.paths.keys)
        self.key_file = key_file
        self._attach(new_key, signing_key)
        return recovery_key, head

    # ---------------------------------------------------------------- backups
    def backup_database(self, target: Path) -> Path:
        """An encrypted copy (same key) plus a copy of the key file; returns the db copy."""
        target.parent.mkdir(parents=True, exist_ok=True)
        if target.exists():
            raise StoreError("backup_exists", path=str(target))
        tmp = target.with_name(f".{target.name}.partial")
        tmp.unlink(missing_ok=True)
        try:
            with self.engine.connect() as conn:
                driver = conn.connection.dbapi_connection
                assert driver is not None
                driver.execute("VACUUM INTO ?", (str(tmp),))
            os.chmod(tmp, 0o600)
            os.replace(tmp, target)
            shutil.copyfile(self.paths.keys, target.with_name(target.name + ".keys"))
        except OSError as exc:
            tmp.unlink(missing_ok=True)
            raise StoreError("backup_failed", reason=exc.strerror) from None
        except (sqlcipher.Error, DBAPIError) as exc:
            tmp.unlink(missing_ok=True)
            raise classify(exc) from None
        return target

    def wipe_deleted(self) -> None:
        """After deleting personal data: let no copy survive in the WAL or in free pages.

        SQLCipher keeps ``secure_delete`` on (deleted cells are zeroed); the checkpoint moves
        every page into the database and truncates the WAL; VACUUM rebuilds the file without
        free pages, and a second checkpoint empties the WAL it used.
        """
        with self.engine.connect() as conn:
            driver = conn.connection.dbapi_connection
            assert driver is not None
            try:
                for statement in (
                    "PRAGMA wal_checkpoint(TRUNCATE)",
                    "VACUUM",
                    "PRAGMA wal_checkpoint(TRUNCATE)",
                ):
                    driver.execute(statement).fetchall()
            except sqlcipher.Error as exc:
                raise classify(exc) from None

    # ----------------------------------------------------------- integrity
    def integrity_problems(self) -> dict[str, list[str]]:
        """Findings of SQLCipher's page MAC check, SQLite's integrity and foreign key checks,
        and the schema revision; empty lists mean "all good"."""
        found: dict[str, list[str]] = {}
        with self._classified(), self.engine.connect() as conn:
            driver = conn.connection.dbapi_connection
            assert driver is not None
            found["cipher"] = [str(r[0]) for r in driver.execute("PRAGMA cipher_integrity_check")]
            rows = [str(r[0]) for r in driver.execute("PRAGMA integrity_check")]
            found["sqlite"] = [] if rows == ["ok"] else rows
            found["foreign_keys"] = [f"{r[0]}:{r[1]}" for r in driver.execute("PRAGMA foreign_key_check")]
            revision = migrate.current_revision(conn)
        head = migrate.head_revision()
        found["schema"] = [] if revision == head else [f"{revision} != {head}"]
        return found

    # ------------------------------------------------------------------ misc
    def session(self) -> Session:
        """A new ORM session (used by the unit of work)."""
        return self.sessions()

    def run(self, func: Callable[..., T], *args: Any) -> T:
        """Call ``func`` and turn driver errors into StoreErrors."""
        with self._classified():
            return func(*args)

    def meta(self, key: str) -> str | None:
        """A value of the store_meta table."""
        with self.sessions() as session:
            return session.scalar(select(MetaRecord.value).where(MetaRecord.key == key))

    def engine_versions(self) -> dict[str, str]:
        """Versions of SQLCipher and SQLite as this store runs them (About dialog, support)."""
        with self.sessions() as session:
            connection = session.connection()
            return {
                "SQLCipher": str(connection.exec_driver_sql("PRAGMA cipher_version").scalar()),
                "SQLite": str(connection.exec_driver_sql("SELECT sqlite_version()").scalar()),
            }

    def close(self) -> None:
        """Close every connection (WAL is checkpointed by the last one) and release the lock."""
        with contextlib.suppress(Exception):
            self.engine.dispose()
        self._db_key = b""
        self._lock.release()

    def discard(self) -> None:
        """Close and delete a store created moments ago whose setup failed half-way."""
        self.close()
        for item in (self.paths.db, self.paths.wal, self.paths.shm, self.paths.keys):
            item.unlink(missing_ok=True)

    @property
    def is_open(self) -> bool:
        """True until ``close``."""
        return self._lock.held
