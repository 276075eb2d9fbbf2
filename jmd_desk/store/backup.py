"""Encrypted backups: one file holding the SQLCipher database copy and the key file.

The database copy stays encrypted under the same key (``VACUUM INTO`` on the keyed
connection, or a byte copy of the closed files); the key file is needed to open it and travels
with it. A manifest with SHA-256 sums lets a restore refuse a damaged or truncated backup
before anything is replaced.
"""

from __future__ import annotations

import hashlib
import json
import os
import secrets
import shutil
import zipfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from jmd_desk.domain.errors import StoreError
from jmd_desk.store import migrate
from jmd_desk.store.keyfile import KeyFile, write_atomic
from jmd_desk.store.lockfile import StoreLock
from jmd_desk.store.store import Store, StorePaths

FORMAT = "jmd-desk-backup"
VERSION = 1
SUFFIX = ".jmdbackup"
DB_MEMBER = "store.jmd"
KEYS_MEMBER = "store.jmd.keys"
WAL_MEMBER = "store.jmd-wal"
MANIFEST = "manifest.json"


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _pack(target: Path, members: dict[str, Path], manifest: dict[str, object]) -> None:
    """Write the backup file atomically (temporary file, fsync, rename)."""
    manifest = {**manifest, "sha256": {name: _sha256(path) for name, path in members.items()}}
    tmp = target.with_name(f".{target.name}.{secrets.token_hex(4)}.part")
    try:
        with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_STORED) as archive:
            archive.writestr(MANIFEST, json.dumps(manifest, indent=1))
            for name, path in members.items():
                archive.write(path, name)
        os.chmod(tmp, 0o600)
        with tmp.open("rb") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise StoreError("backup_failed", reason=exc.strerror or str(exc)) from None


def _manifest(store_id: str, revision: str | None, created_at: datetime, kind: str) -> dict[str, object]:
    return {
        "format": FORMAT,
        "version": VERSION,
        "kind": kind,
        "store_id": store_id,
        "schema_revision": revision,
        "created_at": created_at.isoformat(timespec="seconds"),
    }


def backup_open_store(store: Store, target: Path, created_at: datetime) -> Path:
    """Back up an open (unlocked) store: a consistent, compacted encrypted copy."""
    target.parent.mkdir(parents=True, exist_ok=True)
    scratch = target.parent / f".backup-{secrets.token_hex(4)}"
    scratch.mkdir()
    try:
        copy = store.backup_database(scratch / DB_MEMBER)
        with store.engine.connect() as conn:
            revision = migrate.current_revision(conn)
        manifest = _manifest(store.key_file.store_id, revision, created_at, "online")
        _pack(target, {DB_MEMBER: copy, KEYS_MEMBER: store.paths.keys}, manifest)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return target


def backup_closed_store(path: Path, target: Path, created_at: datetime) -> Path:
    """Back up a store nobody has open, without its password: the encrypted files as they are."""
    key_file = Store.check_files(path)
    paths = StorePaths(path)
    with StoreLock(paths.db):
        members = {DB_MEMBER: paths.db, KEYS_MEMBER: paths.keys}
        if paths.wal.exists() and paths.wal.stat().st_size > 0:
            members[WAL_MEMBER] = paths.wal
        target.parent.mkdir(parents=True, exist_ok=True)
        _pack(target, members, _manifest(key_file.store_id, None, created_at, "closed"))
    return target


@dataclass(frozen=True)
class ExtractedBackup:
    """A backup unpacked into a private folder beside the store (still encrypted)."""

    folder: Path
    db: Path
    manifest: dict[str, object]

    def discard(self) -> None:
        """Remove the unpacked copy."""
        shutil.rmtree(self.folder, ignore_errors=True)


def extract(backup: Path, beside: Path) -> ExtractedBackup:
    """Unpack and check a backup's structure and checksums; raises ``backup_damaged``."""
    folder = beside / f".restore-{secrets.token_hex(4)}"
    folder.mkdir(parents=True)
    try:
        try:
            with zipfile.ZipFile(backup) as archive:
                manifest = json.loads(archive.read(MANIFEST))
                if manifest.get("format") != FORMAT or manifest.get("version") != VERSION:
                    raise StoreError("backup_damaged", detail="manifest")
                for name in manifest["sha256"]:
                    if name not in (DB_MEMBER, KEYS_MEMBER, WAL_MEMBER):
                        raise StoreError("backup_damaged", detail=name)
                    archive.extract(name, folder)
        except FileNotFoundError:
            raise StoreError("backup_not_found", path=str(backup)) from None
        except (zipfile.BadZipFile, KeyError, ValueError, OSError, EOFError):
            raise StoreError("backup_damaged", detail="archive") from None
        for name, expected in manifest["sha256"].items():
            if _sha256(folder / name) != expected:
                raise StoreError("backup_damaged", detail=name)
        KeyFile.load(folder / KEYS_MEMBER)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return ExtractedBackup(folder, folder / DB_MEMBER, manifest)


def replace_store(target: Path, restored: ExtractedBackup, stamp: str) -> Path | None:
    """Put a verified backup in place of ``target``; the replaced files are kept as a backup.

    Returns where the replaced store was moved (None if there was none). The caller holds no
    connection to either store.
    """
    paths, source = StorePaths(target), StorePaths(restored.db)
    kept: Path | None = None
    with StoreLock(paths.db):
        if paths.db.exists():
            paths.backups.mkdir(parents=True, exist_ok=True)
            kept = paths.backups / f"{paths.db.stem}-replaced-{stamp}.jmd"
            for old, new in (
                (paths.db, kept),
                (paths.keys, kept.with_name(kept.name + ".keys")),
                (paths.wal, kept.with_name(kept.name + "-wal")),
                (paths.shm, kept.with_name(kept.name + "-shm")),
            ):
                if old.exists():
                    os.replace(old, new)
        for old, new in ((source.wal, paths.wal), (source.db, paths.db)):
            if old.exists():
                os.chmod(old, 0o600)
                os.replace(old, new)
        write_atomic(paths.keys, source.keys.read_bytes())
    return kept
