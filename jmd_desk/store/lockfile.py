"""One program instance per store: an OS file lock beside the database.

The lock is released by the operating system when the holder exits or crashes, so a stale
lock file never blocks. The file names who holds it (host, OS account, process id) for the
"already open" message; it holds no case data.
"""

from __future__ import annotations

import getpass
import json
import logging
import os
import socket
import sys
from pathlib import Path
from types import TracebackType

from jmd_desk.domain.errors import StoreError

log = logging.getLogger("jmd_desk.store.lock")  # codes and ids only, never names or notes

if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


def _owner() -> dict[str, object]:
    try:
        account = getpass.getuser()
    except (KeyError, OSError):
        account = "?"
    return {"host": socket.gethostname(), "account": account, "pid": os.getpid()}


class StoreLock:
    """Exclusive lock on ``<store>.lock``; ``acquire`` raises ``store_in_use`` if taken."""

    def __init__(self, store_path: Path) -> None:
        self.path = store_path.with_name(store_path.name + ".lock")
        self._fd: int | None = None

    def acquire(self) -> None:
        """Take the lock or raise StoreError('store_in_use', holder=...)."""
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError as exc:
            log.error("lock file cannot be opened (errno %s)", exc.errno)
            raise StoreError("lock_failed", path=str(self.path), reason=exc.strerror) from None
        if not _try_lock(fd):
            holder = self._read_holder(fd)
            os.close(fd)
            log.warning("store already open in another program instance")  # the holder names an account
            raise StoreError("store_in_use", holder=holder)
        # Byte 0 carries the Windows lock; the owner text starts after it.
        os.ftruncate(fd, 1)
        os.lseek(fd, 1, os.SEEK_SET)
        os.write(fd, json.dumps(_owner()).encode("utf-8"))
        os.fsync(fd)
        self._fd = fd
        log.debug("store lock taken by process %d", os.getpid())

    @staticmethod
    def _read_holder(fd: int) -> str:
        try:
            os.lseek(fd, 1, os.SEEK_SET)
            info = json.loads(os.read(fd, 4096).decode("utf-8"))
            return f"{info['account']}@{info['host']} (PID {info['pid']})"
        except (OSError, ValueError, KeyError, TypeError, RecursionError):
            return "?"

    def release(self) -> None:
        """Give the lock back (the file stays; it is reused next time)."""
        if self._fd is None:
            return
        try:
            _unlock(self._fd)
        finally:
            os.close(self._fd)
            self._fd = None

    @property
    def held(self) -> bool:
        """True while this object holds the lock."""
        return self._fd is not None

    def __enter__(self) -> StoreLock:
        self.acquire()
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.release()
