"""Synthetic office data (interchange documents) for the demo, tests and benchmarks.

The data are realistic in shape (German and migrant names, typical countries, skewed code
frequencies, 1–3 cases per person, contacts with notes) and always valid: every date lies
in the past where it must, ages at intake are 12–27, referrals have a referral consent.
The first records use every code of DESIGN §4 at least once.
"""

from __future__ import annotations

import json
import random
from collections.abc import Sequence
from datetime import date, timedelta
from importlib import resources
from typing import Any

from jmd_desk.domain import codes
from jmd_desk.domain.interchange import FORMAT, VERSION
from jmd_desk.domain.rules import add_months, age_on

# The name lists (people and partner services) are a resource of this package.
_NAMES = json.loads(resources.files("jmd_desk.demo").joinpath("names.json").read_text(encoding="utf-8"))
FIRST_NAMES: dict[str, list[str]] = _NAMES["first_names"]
LAST_NAMES: list[str] = _NAMES["last_names"]
# Countries of birth roughly as in JMD annual reports (Syria, Afghanistan, Ukraine first).
COUNTRIES = [
    ("SY", 18),
    ("AF", 14),
    ("UA", 14),
    ("TR", 7),
    ("IQ", 6),
    ("ER", 5),
    ("DE", 5),
    ("IR", 4),
    ("RO", 3),
    ("PL", 3),
    ("BG", 2),
    ("SO", 2),
    ("GN", 1),
    ("NG", 1),
    ("RU", 1),
    ("XK", 1),
    ("MD", 1),
    ("VN", 1),
    ("LB", 1),
    ("ET", 1),
    ("unknown", 1),
]
LANGUAGES_BY_COUNTRY = {
    "SY": ["ar", "ku"],
    "AF": ["fa", "ps"],
    "UA": ["uk", "ru"],
    "TR": ["tr", "ku"],
    "IQ": ["ar", "ku"],
    "ER": ["ti", "ar"],
    "DE": ["de"],
    "IR": ["fa"],
    "RO": ["ro"],
    "PL": ["pl"],
    "BG": ["bg", "tr"],
    "SO": ["so", "ar"],
    "GN": ["fr", "ff"],
    "NG": ["en", "yo"],
    "RU": ["ru"],
    "XK": ["sq", "sr"],
    "MD": ["ro", "ru"],
    "VN": ["vi"],
    "LB": ["ar", "fr"],
    "ET": ["am", "ti"],
    "unknown": ["en"],
}
STATUS_BY_COUNTRY = {
    "SY": ["residence_permit_humanitarian", "settlement_permit", "asylum_pending", "german_citizen"],
    "AF": ["residence_permit_humanitarian", "asylum_pending", "toleration"],
    "UA": ["temporary_protection_24"],
    "DE": ["german_citizen"],
    "RO": ["eu_freedom_of_movement"],
    "PL": ["eu_freedom_of_movement"],
    "BG": ["eu_freedom_of_movement"],
}
OTHER_STATUSES = [
    "residence_permit_education",
    "residence_permit_employment",
    "residence_permit_family",
    "residence_permit_other",
    "asylum_pending",
    "toleration",
    "no_status",
    "settlement_permit",
    "unknown",
]
PARTNER_NAMES: dict[str, list[str]] = _NAMES["partner_names"]
# where a partner helps: a referral to it is filed under this area
PARTNER_AREAS = {
    "Jobcenter Stadtmitte": "vocational",
    "Jobcenter Nord": "finances",
    "Agentur für Arbeit, Berufsberatung": "vocational",
    "Migrationsamt der Stadt": "residence",
    "Gesamtschule am Park": "school",
    "Berufskolleg West": "school",
    "Realschule Süd": "school",
    "Staatliches Schulamt": "school",
    "Sprachschule Brücke e. V.": "language",
    "VHS Integrationskurse": "language",
    "Migrationsberatung für Erwachsene (MBE)": "residence",
    "Jugendamt, Allgemeiner Sozialer Dienst": "family",
    "Schuldnerberatung": "finances",
    "Psychosoziales Zentrum für Geflüchtete": "health",
    "IHK Anerkennungsberatung": "vocational",
    "Handwerkskammer": "vocational",
    "Wohnungsamt": "housing",
    "Gesundheitsamt": "health",
    "Kinder- und Jugendpsychiatrie Ambulanz": "health",
    "Verein Brückenbauer": "participation",
    "Ukrainischer Verein e. V.": "participation",
    "Sportverein Eintracht": "participation",
    "Ehrenamtliche Lernpaten": "school",
    "Sonstige Stelle": "unknown",
}
# goals by area with the ages (at agreement) they make sense for
GOAL_TITLES: dict[str, list[tuple[str, int, int]]] = {
    "language": [
        ("B1-Prüfung bestehen", 14, 27),
        ("Integrationskurs beginnen", 16, 27),
        ("Sprachkurs regelmäßig besuchen", 12, 27),
    ],
    "school": [
        ("Hauptschulabschluss nachholen", 16, 27),
        ("Schulplatz finden", 12, 18),
        ("Zeugnisanerkennung beantragen", 16, 27),
    ],
    "vocational": [
        ("Ausbildungsplatz finden", 15, 27),
        ("Praktikum absolvieren", 14, 27),
        ("Bewerbungsmappe erstellen", 15, 27),
    ],
    "residence": [
        ("Aufenthaltserlaubnis verlängern", 12, 27),
        ("Pass beschaffen", 12, 27),
        ("Termin Migrationsamt wahrnehmen", 16, 27),
    ],
    "housing": [
        ("Eigene Wohnung finden", 18, 27),
        ("WBS beantragen", 18, 27),
        ("Platz in betreutem Wohnen klären", 16, 21),
    ],
    "health": [("Hausarzt finden", 12, 27), ("Therapieplatz suchen", 12, 27), ("Krankenversicherung klären", 16, 27)],
    "family": [
        ("Familiennachzug vorbereiten", 16, 27),
        ("Kita-Platz für das eigene Kind finden", 19, 27),
        ("Vormundschaft klären", 12, 17),
    ],
    "participation": [
        ("Sportverein beitreten", 12, 27),
        ("Ehrenamt finden", 16, 27),
        ("Jugendtreff kennenlernen", 12, 17),
    ],
    "finances": [
        ("BAföG beantragen", 18, 27),
        ("Kontoeröffnung", 16, 27),
        ("Schulden regulieren", 18, 27),
        ("Taschengeldkonto eröffnen", 12, 15),
    ],
    "unknown": [("Ziel klären", 12, 27)],
}
# contact notes: one phrase per topic, and phrases that match who took part and how
TOPIC_NOTES = {
    "language": [
        "Fortschritte im Sprachkurs besprochen.",
        "Jugendliche*r berichtet von Schwierigkeiten im Sprachkurs.",
    ],
    "school": [
        "Gespräch über die aktuelle Situation in der Schule.",
        "Antrag auf Anerkennung des Schulzeugnisses ausgefüllt.",
    ],
    "vocational": [
        "Bewerbungsunterlagen gemeinsam überarbeitet.",
        "Berufsorientierung: Interesse an Pflege und Elektrotechnik.",
    ],
    "residence": [
        "Termin beim Migrationsamt vorbereitet, Unterlagen zusammengestellt.",
        "Fragen zur Aufenthaltserlaubnis geklärt.",
    ],
    "housing": [
        "Wohnungssuche: Besichtigungstermine vereinbart.",
        "Unterlagen für den Wohnberechtigungsschein gesichtet.",
    ],
    "health": ["Hausarztsuche besprochen.", "Krankenversicherungsschutz geklärt."],
    "family": ["Familiäre Situation besprochen.", "Fragen zum Familiennachzug gesammelt."],
    "participation": ["Freizeitangebote im Stadtteil vorgestellt.", "Interesse am Sportverein besprochen."],
    "finances": [
        "Rückmeldung vom Jobcenter besprochen, nächste Schritte vereinbart.",
        "Kontoauszüge und Ausgaben durchgesehen.",
    ],
    "unknown": ["Anliegen noch offen, nächster Termin vereinbart."],
}
MODE_NOTES = {
    "phone": "Telefonat.",
    "video": "Videogespräch.",
    "messenger": "Kurzer Austausch per Messenger.",
    "email": "Austausch per E-Mail.",
    "outreach": "Aufsuchend im Stadtteil getroffen.",
    "accompaniment": "Begleitung zum Termin.",
    "group": "Im Rahmen des Gruppenangebots.",
}
PARTICIPANT_NOTES = {
    "parents": "Eltern nahmen am Gespräch teil.",
    "third_party": "Eine Fachkraft einer anderen Stelle war dabei.",
}
INTERPRETER_NOTE = "Mit Dolmetschung."


def contact_note(
    rng: random.Random, mode: str, participants: Sequence[str], topics: Sequence[str], interpreter: bool
) -> str:
    """A note that says what the coded fields say (never an interpreter that was not there)."""
    parts = [MODE_NOTES[mode]] if mode in MODE_NOTES else []
    parts += [PARTICIPANT_NOTES[p] for p in participants if p in PARTICIPANT_NOTES]
    parts += [rng.choice(TOPIC_NOTES.get(topic, TOPIC_NOTES["unknown"])) for topic in topics]
    if interpreter:
        parts.append(INTERPRETER_NOTE)
    return " ".join(parts)


def _weighted(rng: random.Random, pairs: Sequence[tuple[str, int]]) -> str:
    return rng.choices([p[0] for p in pairs], weights=[p[1] for p in pairs])[0]


def _date_between(rng: random.Random, start: date, end: date) -> date:
    if end <= start:
        return start
    return start + timedelta(days=rng.randrange((end - start).days + 1))


class _Cycle:
    """Hands out every code once (in order), then random choices: all codes get used."""

    def __init__(self, rng: random.Random, values: Sequence[str], weights: Sequence[int] | None = None):
        self.rng = rng
        self.values = list(values)
        self.weights = list(weights) if weights else None
        self.pending = list(values)

    def next(self) -> str:
        if self.pending:
            return self.pending.pop(0)
        return self.rng.choices(self.values, weights=self.weights)[0]


PARTNER_LIST = [name for names in PARTNER_NAMES.values() for name in names]  # p1, p2, … in order


def _fitting_titles(area: str, age: int) -> list[str]:
    """Goal titles of ``area`` that suit a person of ``age`` (all of them if none does)."""
    titles = GOAL_TITLES.get(area, GOAL_TITLES["unknown"])
    fitting = [title for title, low, high in titles if low <= age <= high]
    return fitting or [title for title, _low, _high in titles]


class SyntheticOffice:
    """Generates one office's interchange document."""

    def __init__(self, seed: int, today: date, contacts_per_case: tuple[int, int] = (2, 12)) -> None:
        self.rng = random.Random(seed)  # noqa: S311 - reproducible synthetic data, not security
        self.today = today
        self.contacts_per_case = contacts_per_case
        rng = self.rng
        self.gender = _Cycle(rng, codes.GENDERS, [48, 49, 1, 2])
        self.status = _Cycle(rng, codes.RESIDENCE_STATUSES)
        self.level = _Cycle(rng, codes.GERMAN_LEVELS, [10, 22, 25, 20, 10, 5, 2, 6])
        self.case_type = _Cycle(rng, codes.CASE_TYPES, [45, 40, 14, 1])
        self.reason = _Cycle(rng, codes.CLOSURE_REASONS, [30, 20, 8, 15, 10, 5, 8, 4])
        self.destination = _Cycle(rng, codes.DESTINATIONS, [20, 25, 15, 5, 15, 10, 10])
        self.area = _Cycle(rng, codes.AREAS, [25, 15, 25, 10, 6, 6, 5, 4, 3, 1])
        self.goal_status = _Cycle(rng, codes.GOAL_STATUSES, [20, 30, 20, 10, 8, 8, 4])
        self.mode = _Cycle(rng, codes.CONTACT_MODES, [50, 15, 5, 12, 6, 4, 5, 2, 1])
        self.participants = _Cycle(rng, codes.PARTICIPANTS, [80, 12, 7, 1])
        self.referral_status = _Cycle(rng, codes.REFERRAL_STATUSES, [20, 30, 10, 30, 8, 2])
        self.scope = _Cycle(rng, codes.CONSENT_SCOPES)
        self.giver = _Cycle(rng, codes.CONSENT_GIVERS, [80, 18, 2])
        self.partner_types = list(PARTNER_NAMES)

    # ------------------------------------------------------------- partners
    def partners(self) -> list[dict[str, Any]]:
        result: list[dict[str, Any]] = []
        for ptype, names in PARTNER_NAMES.items():
            for name in names:
                result.append(
                    {
                        "ref": f"p{len(result) + 1}",
                        "name": name,
                        "partner_type": ptype,
                        "contact_person": self.rng.choice([None, "Frau Becker", "Herr Yıldız", "Frau Nowak"]),
                        "phone": f"0211 {self.rng.randrange(100000, 999999)}",
                        "email": None,
                        "address": None,
                    }
                )
        return result

    # -------------------------------------------------------------- clients
    def client(self, index: int, counsellors: Sequence[str]) -> dict[str, Any]:
        rng = self.rng
        gender = self.gender.next()
        country = _weighted(rng, COUNTRIES)
        names = FIRST_NAMES.get(gender, FIRST_NAMES["diverse"] + FIRST_NAMES["female"])
        n_cases = rng.choices([1, 2, 3], weights=[75, 20, 5])[0]
        first_opened = _date_between(rng, add_months(self.today, -60), self.today - timedelta(days=3))
        age_at_intake = rng.choices(range(12, 28), weights=[2, 3, 4, 6, 8, 9, 10, 10, 9, 8, 7, 6, 5, 4, 3, 2])[0]
        dob = add_months(first_opened, -12 * age_at_intake) - timedelta(days=rng.randrange(0, 300))
        arrival = None if country == "DE" else _date_between(rng, dob + timedelta(days=365 * 8), first_opened)
        status = (
            self.status.next()
            if index < len(codes.RESIDENCE_STATUSES)
            else rng.choice(STATUS_BY_COUNTRY.get(country, OTHER_STATUSES))
        )
        nationality = "DE" if status == "german_citizen" else (country if country != "unknown" else "unknown")
        langs = LANGUAGES_BY_COUNTRY.get(country, ["en"])
        client: dict[str, Any] = {
            "ref": f"c{index + 1}",
            "first_name": rng.choice(names),
            "last_name": rng.choice(LAST_NAMES),
            "date_of_birth": dob.isoformat(),
            "dob_estimated": rng.random() < 0.05,
            "gender": gender,
            "country_of_birth": country,
            "nationalities": [nationality],
            "languages": langs[: rng.randint(1, len(langs))]
            + (["de"] if "de" not in langs and rng.random() < 0.5 else []),
            "arrival_date": arrival.isoformat() if arrival else None,
            "residence_status": status,
            "german_level": self.level.next(),
            "school_qualification": rng.choice([None, "lower_secondary", "foreign_not_recognised", "none"]),
            "current_situation": rng.choice(["school", "language_course", "vocational_training", "seeking_work"]),
            "access_route": rng.choice(["self_referral", "family_friends", "school", "jobcenter", "community"]),
            "unaccompanied_minor": age_at_intake < 18 and rng.random() < 0.15,
            "guardian": None,
            "phone": f"0170 {rng.randrange(1000000, 9999999)}" if rng.random() < 0.8 else None,
            "email": None,
            "address": None,
            "counsellor": rng.choice(counsellors) if counsellors else None,
            "eligibility_note": None,
        }
        consents = self.consents(first_opened)
        client["consents"] = consents
        client["cases"] = self.cases(client["ref"], first_opened, n_cases, dob, consents)
        return client

    def consents(self, intake: date) -> list[dict[str, Any]]:
        rng = self.rng
        result = []
        for scope in ("processing", "referral_sharing", "statistics", "messenger_contact"):
            if scope != "processing" and rng.random() < 0.1:
                continue
            given = _date_between(rng, intake - timedelta(days=5), intake)
            withdrawn = None
            if rng.random() < 0.05:
                withdrawn = _date_between(rng, given, self.today).isoformat()
            result.append(
                {
                    "scope": scope,
                    "given_by": self.giver.next(),
                    "given_on": given.isoformat(),
                    "form_version": "2025-01",
                    "withdrawn_on": withdrawn,
                }
            )
        if self.scope.pending:
            result.append(
                {
                    "scope": self.scope.pending.pop(0),
                    "given_by": "self",
                    "given_on": intake.isoformat(),
                    "form_version": None,
                    "withdrawn_on": None,
                }
            )
        return result

    def cases(
        self, ref: str, first_opened: date, n_cases: int, dob: date, consents: list[dict[str, Any]]
    ) -> list[dict[str, Any]]:
        rng = self.rng
        result = []
        opened = first_opened
        referral_window = [
            (
                date.fromisoformat(c["given_on"]),
                date.fromisoformat(c["withdrawn_on"]) if c["withdrawn_on"] else None,
            )
            for c in consents
            if c["scope"] == "referral_sharing"
        ]
        for n in range(n_cases):
            last = n == n_cases - 1
            end = self.today if last else min(self.today, opened + timedelta(days=rng.randint(20, 500)))
            closed = None if (last and rng.random() < 0.6) else _date_between(rng, opened, end)
            if closed and closed > self.today:
                closed = self.today
            case: dict[str, Any] = {
                "ref": f"{ref}-{n + 1}",
                "case_type": self.case_type.next(),
                "opened_on": opened.isoformat(),
                "closed_on": closed.isoformat() if closed else None,
                "closure_reason": self.reason.next() if closed else None,
                "destination": self.destination.next() if closed else None,
            }
            until = closed or self.today
            case["goals"] = self.goals(opened, until, dob)
            case["contacts"] = self.contacts(opened, until)
            case["referrals"] = self.referrals(opened, until, referral_window)
            case["follow_ups"] = self.follow_ups(opened, until, closed is None)
            result.append(case)
            if last or closed is None:
                break
            opened = _date_between(rng, closed + timedelta(days=1), min(self.today, closed + timedelta(days=400)))
            if opened >= self.today or age_on(dob, opened) > codes.MAX_AGE:
                break
        return result

    def goals(self, opened: date, until: date, dob: date) -> list[dict[str, Any]]:
        rng = self.rng
        result = []
        for _ in range(rng.choices([0, 1, 2, 3, 4], weights=[10, 30, 30, 20, 10])[0]):
            area = self.area.next()
            agreed = _date_between(rng, opened, until)
            status = self.goal_status.next()
            changed = None if status == "open" else _date_between(rng, agreed, until)
            result.append(
                {
                    "area": area,
                    "title": rng.choice(_fitting_titles(area, age_on(dob, agreed))),
                    "agreed_on": agreed.isoformat(),
                    "due_on": add_months(agreed, rng.choice([1, 3, 6])).isoformat(),
                    "status": status,
                    "status_changed_on": changed.isoformat() if changed else None,
                }
            )
        return result

    def contacts(self, opened: date, until: date) -> list[dict[str, Any]]:
        rng = self.rng
        low, high = self.contacts_per_case
        result: list[dict[str, Any]] = []
        for _ in range(rng.randint(low, high)):
            participants = sorted({self.participants.next() for _ in range(rng.choice([1, 1, 1, 2]))})
            day = _date_between(rng, opened, until).isoformat()
            minutes = rng.choice([10, 15, 30, 45, 60, 60, 90, 120])
            mode = self.mode.next()
            topics = sorted({self.area.next() for _ in range(rng.randint(1, 2))})
            interpreter = rng.random() < 0.15
            result.append(
                {
                    "date": day,
                    "minutes": minutes,
                    "mode": mode,
                    "participants": participants,
                    "topics": topics,
                    "interpreter": interpreter,
                    "notes": contact_note(rng, mode, participants, topics, interpreter),
                }
            )
        result.sort(key=lambda c: c["date"])
        return result

    def referrals(self, opened: date, until: date, windows: list[tuple[date, date | None]]) -> list[dict[str, Any]]:
        rng = self.rng
        result = []
        for _ in range(rng.choices([0, 1, 2, 3], weights=[10, 28, 32, 30])[0]):
            day = _date_between(rng, opened, until)
            if not any(start <= day and (end is None or end > day) for start, end in windows):
                continue
            status = self.referral_status.next()
            partner = rng.randrange(1, self.partner_count + 1)
            result.append(
                {
                    "partner_ref": f"p{partner}",
                    "date": day.isoformat(),
                    "area": PARTNER_AREAS[PARTNER_LIST[partner - 1]],
                    "status": status,
                    "outcome": "Termin wahrgenommen" if status == "completed" else None,
                }
            )
        return result

    def follow_ups(self, opened: date, until: date, still_open: bool) -> list[dict[str, Any]]:
        rng = self.rng
        result = []
        for _ in range(rng.choice([0, 1, 1, 2])):
            due = _date_between(rng, opened, until + timedelta(days=30 if still_open else 0))
            result.append(
                {
                    "due_on": due.isoformat(),
                    "text": rng.choice(["Nachfragen beim Jobcenter", "Zeugnis abholen", "Termin bestätigen"]),
                    "done": due < self.today - timedelta(days=7) or rng.random() < 0.3,
                }
            )
        return result

    partner_count = sum(len(v) for v in PARTNER_NAMES.values())


def generate_document(
    clients: int,
    *,
    today: date,
    seed: int = 1,
    counsellors: Sequence[str] = (),
    contacts_per_case: tuple[int, int] = (2, 12),
) -> dict[str, Any]:
    """An interchange document of a synthetic office with ``clients`` young people."""
    office = SyntheticOffice(seed, today, contacts_per_case)
    return {
        "format": FORMAT,
        "version": VERSION,
        "partners": office.partners(),
        "clients": [office.client(i, counsellors) for i in range(clients)],
    }
