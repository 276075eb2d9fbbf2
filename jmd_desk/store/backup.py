"""Encrypted backups: one file holding the SQLCipher database copy and the key file.

The database copy stays encrypted under the same key (``VACUUM INTO`` on the keyed
connection, or a byte copy of the closed files); the key file is needed to open it and travels
with it. A manifest with SHA-256 sums lets a restore refuse a damaged or truncated backup
before anything is replaced.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import secrets
import shutil
import zipfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from jmd_desk.domain.errors import StoreError
from jmd_desk.store import migrate
from jmd_desk.store.atomic import replacing, write_atomic
from jmd_desk.store.keyfile import KeyFile
from jmd_desk.store.lockfile import StoreLock
from jmd_desk.store.store import Store, StorePaths

log = logging.getLogger("jmd_desk.store.backup")  # codes and ids only, never names or notes

FORMAT = "jmd-desk-backup"
VERSION = 1
SUFFIX = ".jmdbackup"
DB_MEMBER = "store.jmd"
KEYS_MEMBER = "store.jmd.keys"
WAL_MEMBER = "store.jmd-wal"
MANIFEST = "manifest.json"
MEMBERS = (DB_MEMBER, KEYS_MEMBER, WAL_MEMBER)
MAX_MANIFEST_BYTES = 64 * 1024
MAX_KEY_FILE_BYTES = 1024 * 1024


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _pack(target: Path, members: dict[str, Path], manifest: dict[str, object]) -> None:
    """Write the backup file atomically (the one helper: temporary file, fsync, rename, folder fsync)."""
    manifest = {**manifest, "sha256": {name: _sha256(path) for name, path in members.items()}}
    try:
        with replacing(target, 0o600) as tmp, zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_STORED) as archive:
            archive.writestr(MANIFEST, json.dumps(manifest, indent=1))
            for name, path in members.items():
                archive.write(path, name)
    except OSError as exc:
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
    log.info("backup of the open store written (revision %s, %d bytes)", revision, target.stat().st_size)
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
    log.info("backup of the closed store written (%d bytes)", target.stat().st_size)
    return target


@dataclass(frozen=True)
class ExtractedBackup:
    """A backup unpacked into a private folder beside the store (still encrypted)."""

    folder: Path
    db: Path
    manifest: dict[str, object]
    store_id: str

    def discard(self) -> None:
        """Remove the unpacked copy."""
        shutil.rmtree(self.folder, ignore_errors=True)


def _checked_members(archive: zipfile.ZipFile, archive_size: int) -> dict[str, zipfile.ZipInfo]:
    """The members, refused unless they are ours, stored uncompressed (no bomb can expand) and
    together no larger than the archive itself; nothing is written before this check."""
    infos = archive.infolist()
    if len(infos) > len(MEMBERS) + 1:
        raise StoreError("backup_damaged", detail="members")
    members: dict[str, zipfile.ZipInfo] = {}
    for info in infos:
        if info.filename not in (MANIFEST, *MEMBERS) or info.filename in members:
            raise StoreError("backup_damaged", detail="members")
        if info.compress_type != zipfile.ZIP_STORED or info.file_size != info.compress_size:
            raise StoreError("backup_damaged", detail=info.filename)
        members[info.filename] = info
    if sum(i.file_size for i in infos) > archive_size:
        raise StoreError("backup_damaged", detail="sizes")
    for name, limit in ((MANIFEST, MAX_MANIFEST_BYTES), (KEYS_MEMBER, MAX_KEY_FILE_BYTES)):
        if name not in members or members[name].file_size > limit:
            raise StoreError("backup_damaged", detail=name)
    return members


def _read_manifest(archive: zipfile.ZipFile) -> dict[str, Any]:
    try:
        manifest = json.loads(archive.read(MANIFEST))
    except RecursionError:
        raise StoreError("backup_damaged", detail="manifest") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT or manifest.get("version") != VERSION:
        raise StoreError("backup_damaged", detail="manifest")
    sums = manifest.get("sha256")
    if not isinstance(sums, dict) or not all(isinstance(v, str) for v in sums.values()):
        raise StoreError("backup_damaged", detail="manifest")
    if DB_MEMBER not in sums or KEYS_MEMBER not in sums or not set(sums) <= set(MEMBERS):
        raise StoreError("backup_damaged", detail="manifest")
    return manifest


def _copy_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, target: Path) -> None:
    """Copy one member, never more bytes than it declares."""
    written = 0
    with archive.open(info) as src, target.open("xb") as dst:
        while chunk := src.read(1 << 20):
            written += len(chunk)
            if written > info.file_size:
                raise StoreError("backup_damaged", detail=info.filename)
            dst.write(chunk)


def read_key_file(backup: Path) -> bytes:
    """The key file inside a backup (bounded), for comparing it with the live one."""
    try:
        with zipfile.ZipFile(backup) as archive:
            members = _checked_members(archive, backup.stat().st_size)
            return archive.read(members[KEYS_MEMBER])
    except FileNotFoundError:
        raise StoreError("backup_not_found", path=str(backup)) from None
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, EOFError):
        raise StoreError("backup_damaged", detail="archive") from None


def extract(backup: Path, beside: Path) -> ExtractedBackup:
    """Unpack and check a backup's structure and checksums; raises ``backup_damaged``."""
    folder = beside / f".restore-{secrets.token_hex(4)}"
    folder.mkdir(parents=True)
    try:
        try:
            with zipfile.ZipFile(backup) as archive:
                members = _checked_members(archive, backup.stat().st_size)
                manifest = _read_manifest(archive)
                for name in manifest["sha256"]:
                    _copy_member(archive, members[name], folder / name)
        except FileNotFoundError:
            raise StoreError("backup_not_found", path=str(backup)) from None
        except (zipfile.BadZipFile, KeyError, ValueError, OSError, EOFError):
            raise StoreError("backup_damaged", detail="archive") from None
        for name, expected in manifest["sha256"].items():
            if _sha256(folder / name) != expected:
                raise StoreError("backup_damaged", detail=name)
        key_file = KeyFile.load(folder / KEYS_MEMBER)
    except BaseException as exc:
        shutil.rmtree(folder, ignore_errors=True)
        log.warning("backup refused: %s", getattr(exc, "code", None) or type(exc).__name__)
        raise
    return ExtractedBackup(folder, folder / DB_MEMBER, manifest, key_file.store_id)


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
    log.info("store replaced by a backup; the replaced one was %s", "kept" if kept else "absent")
    return kept
