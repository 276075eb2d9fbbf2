"""Erasure lists of the office server (DESIGN §3b): the ids of erased files, for the IT to keep
beside their database dumps and to apply again after restoring an older dump.

A list holds record ids and times only — no name, no client number. Each list is the whole
erasure register at the time it was written, so the newest list alone is enough after a restore.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from jmd_desk.domain.errors import JmdError

FORMAT = "jmd-desk-erasures"
VERSION = 1
MAX_BYTES = 20 * 1024 * 1024
MAX_ENTRIES = 200_000
_ID_LIMIT = 2**31 - 1


@dataclass(frozen=True)
class Erasure:
    """One erased file: its id, when it was created (tells a reused id apart), run, and when erased."""

    client_id: int
    client_created_at: datetime | None
    run_id: int | None
    erased_at: datetime


def dump(office_id: str, erasures: list[Erasure], written_at: datetime) -> bytes:
    """The list as JSON bytes."""
    document = {
        "format": FORMAT,
        "version": VERSION,
        "office": office_id,
        "written_at": written_at.isoformat(timespec="seconds"),
        "erasures": [
            {
                "client_id": e.client_id,
                "client_created_at": _stamp(e.client_created_at),
                "run_id": e.run_id,
                "erased_at": _stamp(e.erased_at),
            }
            for e in erasures
        ],
    }
    return (json.dumps(document, indent=1) + "\n").encode("utf-8")


def parse(data: bytes) -> tuple[str, list[Erasure]]:
    """(office id, erasures) of a list; anything else raises ``erasure_list_invalid``."""
    if len(data) > MAX_BYTES:
        raise JmdError("erasure_list_invalid", detail="too_large")
    try:
        document = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise JmdError("erasure_list_invalid", detail="not_json") from None
    if not isinstance(document, dict) or document.get("format") != FORMAT or document.get("version") != VERSION:
        raise JmdError("erasure_list_invalid", detail="format")
    office, entries = document.get("office"), document.get("erasures")
    if not isinstance(office, str) or not office or not isinstance(entries, list) or len(entries) > MAX_ENTRIES:
        raise JmdError("erasure_list_invalid", detail="format")
    return office, [_entry(e) for e in entries]


def _entry(value: object) -> Erasure:
    if not isinstance(value, dict) or set(value) != {"client_id", "client_created_at", "run_id", "erased_at"}:
        raise JmdError("erasure_list_invalid", detail="entry")
    erased_at = _time(value["erased_at"])
    if erased_at is None:
        raise JmdError("erasure_list_invalid", detail="entry")
    run_id = value["run_id"]
    return Erasure(_id(value["client_id"]), _time(value["client_created_at"]),
                   None if run_id is None else _id(run_id), erased_at)  # fmt: skip


def _id(value: object) -> int:
    if type(value) is not int or not 0 < value <= _ID_LIMIT:
        raise JmdError("erasure_list_invalid", detail="id")
    return value


def _time(value: object) -> datetime | None:
    if value is None:
        return None
    if not isinstance(value, str) or len(value) > 40:
        raise JmdError("erasure_list_invalid", detail="time")
    try:
        stamp = datetime.fromisoformat(value)
    except ValueError:
        raise JmdError("erasure_list_invalid", detail="time") from None
    if stamp.tzinfo is not None:
        raise JmdError("erasure_list_invalid", detail="time")
    return stamp


def _stamp(value: datetime | None) -> str | None:
    return None if value is None else value.replace(tzinfo=None).isoformat()
