"""Synthetic additions of interchange version 2 for a generated document (demo and tests):
districts, coded school qualifications, progress, case phases and request dates, goal steps,
appointments, documents, group offers and anonymous contacts. Every new code is used.
"""

from __future__ import annotations

import io
import json
import random
import struct
import zipfile
import zlib
from datetime import date, datetime, time, timedelta
from itertools import cycle
from typing import Any

from jmd_desk.domain import codes
from jmd_desk.domain.documents import DOCX, ODT, encode_base64

DISTRICTS = {
    "innenstadt": "Innenstadt",
    "nordstadt": "Nordstadt",
    "suedstadt": "Südstadt",
    "weststadt": "Weststadt",
    "oststadt": "Oststadt",
    "hafen": "Hafenviertel",
}
OFFER_TITLES = {
    "course": "Deutsch im Alltag",
    "workshop": "Bewerbungstraining",
    "school_workshop": "Respekt-Workshop Klasse 8",
    "leisure": "Sommerausflug",
    "parents": "Elterncafé",
    "information_event": "Infoabend Ausbildung",
    "other": "Lernwerkstatt",
    codes.UNKNOWN: "Offener Treff",
}
STEPS = ("Anmeldung besprechen", "Unterlagen zusammenstellen", "Termin bei der Beratungsstelle vereinbaren")
_FIXED_TIME = (2026, 1, 1, 0, 0, 0)


def _zip(entries: list[tuple[str, bytes, int]]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data, method in entries:
            info = zipfile.ZipInfo(name, _FIXED_TIME)
            info.compress_type = method
            archive.writestr(info, data)
    return buffer.getvalue()


def _png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\0\xff")) + chunk(b"IEND", b"")
    )


def sample_files() -> dict[str, bytes]:
    """A small valid file of every accepted media type (no personal content)."""
    return {
        "application/pdf": b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
        "image/png": _png(),
        "image/jpeg": b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00\xff\xd9",
        ODT: _zip(
            [("mimetype", ODT.encode(), zipfile.ZIP_STORED), ("content.xml", b"<office/>", zipfile.ZIP_DEFLATED)]
        ),
        DOCX: _zip(
            [
                ("[Content_Types].xml", b"<Types/>", zipfile.ZIP_DEFLATED),
                ("word/document.xml", b"<w:document/>", zipfile.ZIP_DEFLATED),
            ]
        ),
    }


_EXTENSIONS = {"application/pdf": "pdf", "image/png": "png", "image/jpeg": "jpg", ODT: "odt", DOCX: "docx"}
_LOWER_LEVEL = {"A2": "A1", "B1": "A2", "B2": "B1", "C1": "B2", "C2": "C1", "A1": "none"}


class _Additions:
    """Adds the version-2 parts to one document, reproducibly."""

    def __init__(self, seed: int, today: date) -> None:
        self.rng = random.Random(seed)  # noqa: S311 - reproducible synthetic data, not security
        self.today = today
        self.district = cycle([*DISTRICTS, codes.UNKNOWN])
        self.qualification = cycle(codes.SCHOOL_QUALIFICATIONS)
        self.phase = cycle(codes.CASE_PHASES)
        self.responsible = cycle(codes.RESPONSIBLES)
        self.status = cycle(("cancelled", "no_show", codes.UNKNOWN, "planned"))
        self.doc_kind = cycle(codes.DOCUMENT_KINDS)
        self.media = cycle(codes.MEDIA_TYPES)
        self.files = sample_files()

    def key(self) -> dict[str, int]:
        """Every other record brings its key; the import generates the others."""
        return {"record_key": self.rng.randrange(2**32)} if self.rng.random() < 0.5 else {}

    def day(self, start: date, end: date) -> date:
        return start + timedelta(days=self.rng.randint(0, max((end - start).days, 0)))

    # ---------------------------------------------------------------- clients
    def client(self, client: dict[str, Any], index: int) -> None:
        client["district"] = next(self.district)
        client["school_qualification"] = next(self.qualification)
        if client["school_qualification"] == codes.UNKNOWN:
            client["school_qualification_note"] = "Abschluss im Herkunftsland, Zeugnis liegt nicht vor"
        client.update(self.key())
        opened = min(date.fromisoformat(c["opened_on"]) for c in client["cases"])
        client["progress"] = self.progress(client, opened)
        client["documents"] = self.documents(opened) if index < 4 else []
        for case in client["cases"]:
            self.case(case)

    def progress(self, client: dict[str, Any], opened: date) -> list[dict[str, Any]]:
        entries = []
        later = self.day(opened, self.today)
        level = client["german_level"]
        if level in _LOWER_LEVEL and self.rng.random() < 0.7:
            entries += [
                {"field": "german_level", "value": _LOWER_LEVEL[level], "on": opened.isoformat()},
                {"field": "german_level", "value": level, "on": later.isoformat()},
            ]
        qualification = client["school_qualification"]
        if qualification in ("lower_secondary", "intermediate_secondary", "foreign_recognised"):
            before = "none" if qualification == "lower_secondary" else "recognition_pending"
            entries += [
                {"field": "school_qualification", "value": before, "on": opened.isoformat()},
                {"field": "school_qualification", "value": qualification, "on": later.isoformat()},
            ]
        return sorted(entries, key=lambda e: e["on"])

    def documents(self, opened: date) -> list[dict[str, Any]]:
        result: list[dict[str, Any]] = []
        for _ in range(2):
            media = next(self.media)
            kind = next(self.doc_kind)
            result.append(
                {
                    "title": f"Unterlage ({kind})",
                    "kind": kind,
                    "file_name": f"unterlage-{len(result) + 1}.{_EXTENSIONS[media]}",
                    "media_type": media,
                    "added_on": self.day(opened, self.today).isoformat(),
                    "content_base64": encode_base64(self.files[media]),
                }
            )
        return sorted(result, key=lambda d: d["added_on"])

    # ------------------------------------------------------------------ cases
    def case(self, case: dict[str, Any]) -> None:
        opened = date.fromisoformat(case["opened_on"])
        case.update(self.key())
        case["requested_on"] = (opened - timedelta(days=self.rng.choice([0, 3, 10, 21, 45]))).isoformat()
        if case["case_type"] == "case_management":
            case["phase"] = next(self.phase)
        for goal in case["goals"]:
            goal.update(self.key())
            goal["steps"] = self.rng.choice(STEPS)
            goal["responsible"] = sorted({next(self.responsible), next(self.responsible)})
            goal["review_on"] = (date.fromisoformat(goal["agreed_on"]) + timedelta(days=90)).isoformat()
        for item in case["contacts"] + case["referrals"]:
            item.update(self.key())
        case["appointments"] = self.appointments(case)

    def appointments(self, case: dict[str, Any]) -> list[dict[str, Any]]:
        result = []
        if case["contacts"]:
            contact = case["contacts"][-1]
            contact["ref"] = f"{case['ref']}/k1"
            starts = datetime.combine(date.fromisoformat(contact["date"]), time(10, 0))
            result.append(self.appointment(starts, contact["minutes"], contact["mode"], "held", contact["ref"]))
        if case["closed_on"] is None:
            starts = datetime.combine(
                self.today + timedelta(days=self.rng.randint(-6, 10)), time(self.rng.randint(8, 16), 30)
            )
            result.append(self.appointment(starts, 45, "in_person", next(self.status), None))
        return sorted(result, key=lambda a: a["starts_at"])

    def appointment(
        self, starts: datetime, minutes: int, mode: str, status: str, contact_ref: str | None
    ) -> dict[str, Any]:
        item = {
            "starts_at": starts.strftime("%Y-%m-%dT%H:%M"),
            "minutes": minutes,
            "mode": mode,
            "place": self.rng.choice([None, "Beratungsstelle", "Schule"]),
            "status": status,
        }
        if contact_ref:
            item["contact_ref"] = contact_ref
        return item

    # ------------------------------------------------------------ group offers
    def group_offers(self, document: dict[str, Any]) -> list[dict[str, Any]]:
        schools = [p["ref"] for p in document["partners"] if p["partner_type"] == "school"] or [None]
        client_refs = [c["ref"] for c in document["clients"]]
        ages = cycle(codes.AGE_GROUP_CODES)
        result: list[dict[str, Any]] = []
        for i, kind in enumerate(codes.GROUP_KINDS):
            starts = self.today - timedelta(days=30 * (i + 1))
            ends = starts + timedelta(days=self.rng.choice([1, 60, 120]))
            genders = {g: self.rng.randint(0, 12) for g in codes.GENDERS}
            offer: dict[str, Any] = {
                "ref": f"g{i + 1}",
                **self.key(),
                "title": OFFER_TITLES[kind],
                "kind": kind,
                "areas": sorted({self.rng.choice(codes.AREAS), "participation"}),
                "partner_ref": self.rng.choice(schools) if kind == "school_workshop" else None,
                "starts_on": starts.isoformat(),
                "ends_on": ends.isoformat(),
                "participants_by_gender": genders,
                "participants_by_age_group": {next(ages): self.rng.randint(1, 15) for _ in range(3)},
                "client_refs": sorted(self.rng.sample(client_refs, min(2, len(client_refs)))),
            }
            total = max(sum(genders.values()), sum(offer["participants_by_age_group"].values()))
            offer["sessions"], offer["appointments"] = self.sessions(starts, min(ends, self.today), total)
            result.append(offer)
        return result

    def sessions(self, starts: date, until: date, total: int) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        sessions: list[dict[str, Any]] = [
            {"date": self.day(starts, until).isoformat(), "minutes": 90, "attendance": self.rng.randint(0, total)}
            for _ in range(self.rng.randint(1, 4))
        ]
        sessions.sort(key=lambda s: s["date"])
        held = datetime.combine(date.fromisoformat(sessions[-1]["date"]), time(14, 0))
        planned = datetime.combine(until + timedelta(days=7), time(15, 0))
        appointments = [
            self.appointment(held, 90, "group", "held", None),
            self.appointment(planned, 90, "group", next(self.status), None),
        ]
        return sessions, appointments

    # ------------------------------------------------------- anonymous contacts
    def anonymous_contacts(self, count: int) -> list[dict[str, Any]]:
        modes, areas = cycle(codes.CONTACT_MODES), cycle(codes.AREAS)
        ages, genders = cycle(codes.AGE_GROUP_CODES), cycle(codes.GENDERS)
        partner_types = cycle([*codes.PARTNER_TYPES, None])
        return [
            {
                "date": (self.today - timedelta(days=self.rng.randint(0, 200))).isoformat(),
                "minutes": self.rng.choice([5, 10, 15, 20, 30]),
                "mode": next(modes),
                "topics": sorted({next(areas), next(areas)}),
                "age_group": next(ages),
                "gender": next(genders),
                "referred_partner_type": next(partner_types),
                **self.key(),
            }
            for _ in range(count)
        ]


def add_version_2(document: dict[str, Any], *, today: date, seed: int = 1, anonymous: int = 40) -> dict[str, Any]:
    """A copy of a generated document with every addition of interchange version 2."""
    result: dict[str, Any] = json.loads(json.dumps(document))  # a plain JSON tree: ten times faster than deepcopy
    additions = _Additions(seed, today)
    result["version"] = 2
    result["districts"] = [{"code": code, "label": label} for code, label in DISTRICTS.items()]
    for index, client in enumerate(result["clients"]):
        additions.client(client, index)
    result["group_offers"] = additions.group_offers(result)
    result["anonymous_contacts"] = additions.anonymous_contacts(anonymous)
    return result
