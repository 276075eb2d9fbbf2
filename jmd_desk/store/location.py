"""Is a store on a network drive? SQLite's locking and WAL are not safe there."""

from __future__ import annotations

import os
import sys
from pathlib import Path

NETWORK_FILESYSTEMS = frozenset(
    {
        "nfs",
        "nfs4",
        "cifs",
        "smb3",
        "smbfs",
        "ncpfs",
        "afs",
        "9p",
        "ceph",
        "glusterfs",
        "lustre",
        "gpfs",
        "davfs",
        "fuse.davfs2",
        "fuse.sshfs",
        "sshfs",
        "fuse.rclone",
        "fuse.s3fs",
        "fuse.glusterfs",
        "fuse.ceph",
    }
)
DRIVE_REMOTE = 4


def _unescape(field: str) -> str:
    """Mount points in /proc/mounts escape blanks and tabs as octal."""
    return field.replace("\\040", " ").replace("\\011", "\t").replace("\\134", "\\")


def network_filesystem(path: Path, mounts: str | None = None) -> str | None:
    """The network file system type ``path`` lives on, or None for a local disk.

    ``mounts`` is the text of /proc/mounts (read from the system when None).
    """
    if sys.platform == "win32":  # pragma: no cover - Windows only
        return _windows_network(path)
    if mounts is None:
        try:
            mounts = Path("/proc/mounts").read_text(encoding="utf-8", errors="replace")
        except OSError:
            return None
    target = str(path.expanduser().absolute())
    best, best_type = "", ""
    for line in mounts.splitlines():
        parts = line.split()
        if len(parts) < 3:
            continue
        point, fs_type = _unescape(parts[1]), parts[2]
        inside = target == point or target.startswith(point.rstrip("/") + "/")
        if inside and len(point) > len(best):
            best, best_type = point, fs_type
    return best_type if best_type in NETWORK_FILESYSTEMS else None


def _windows_network(path: Path) -> str | None:  # pragma: no cover - Windows only
    if sys.platform != "win32":  # lets the type checker know which ctypes this is
        return None
    text = str(path.absolute())
    if text.startswith("\\\\"):
        return "unc"
    import ctypes  # noqa: PLC0415 - Windows only

    drive = os.path.splitdrive(text)[0] + "\\"
    return "remote-drive" if ctypes.windll.kernel32.GetDriveTypeW(drive) == DRIVE_REMOTE else None
