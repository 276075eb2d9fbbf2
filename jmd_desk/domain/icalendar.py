"""An iCalendar (RFC 5545) file of appointments with neither names nor places.

Calendars end up in cloud services, so an event carries only a neutral summary (the client
number, or "Gruppenangebot" and the offer's number), its time and its length.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta


@dataclass(frozen=True)
class CalendarEntry:
    """What one event may show."""

    uid: str
    summary: str
    starts_at: datetime
    minutes: int


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _local(moment: datetime) -> str:
    return moment.strftime("%Y%m%dT%H%M%S")


def ics_bytes(entries: Iterable[CalendarEntry], stamp: datetime) -> bytes:
    """The calendar as UTF-8 with CRLF line ends (times are floating local times)."""
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//JMD Desk//Termine//DE", "CALSCALE:GREGORIAN"]
    for entry in entries:
        lines += [
            "BEGIN:VEVENT",
            f"UID:{_escape(entry.uid)}",
            f"DTSTAMP:{stamp.strftime('%Y%m%dT%H%M%SZ')}",
            f"DTSTART:{_local(entry.starts_at)}",
            f"DTEND:{_local(entry.starts_at + timedelta(minutes=max(entry.minutes, 1)))}",
            f"SUMMARY:{_escape(entry.summary)}",
            "CLASS:PRIVATE",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return ("\r\n".join(lines) + "\r\n").encode("utf-8")
