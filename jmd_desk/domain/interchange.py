"""The interchange format of DESIGN §6: parsing with JSON paths for every error, and writing.

``parse_document`` either returns a complete, valid ``Document`` or raises a
``ValidationError`` listing every offending value by its JSON path; it never returns a part.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from jmd_desk.domain import rules
from jmd_desk.domain.entities import (
    Case,
    Client,
    ClientFile,
    Consent,
    Contact,
    FollowUp,
    Goal,
    Partner,
    Referral,
    Saved,
)
from jmd_desk.domain.errors import FieldError, ValidationError
from jmd_desk.domain.fields import (
    CASE_FIELDS,
    CLIENT_FIELDS,
    CONSENT_FIELDS,
    CONTACT_FIELDS,
    FOLLOW_UP_FIELDS,
    GOAL_FIELDS,
    PARTNER_FIELDS,
    REFERRAL_FIELDS,
    FieldSpec,
    parse_object,
    to_json,
)

FORMAT = "jmd-desk-interchange"
VERSION = 1
TOP_KEYS = ("format", "version", "partners", "clients")
REF_MAX_LEN = 100


@dataclass(frozen=True)
class CaseBundle:
    """A case with its records; a referral's ``partner_id`` is its partner's index in
    ``Document.partners``."""

    ref: str
    case: Case
    goals: tuple[Goal, ...] = ()
    contacts: tuple[Contact, ...] = ()
    referrals: tuple[Referral, ...] = ()
    follow_ups: tuple[FollowUp, ...] = ()


@dataclass(frozen=True)
class ClientBundle:
    """A client with consents and cases, as read from the file."""

    ref: str
    client: Client
    consents: tuple[Consent, ...] = ()
    cases: tuple[CaseBundle, ...] = ()


@dataclass(frozen=True)
class Document:
    """A whole, valid interchange document."""

    partners: tuple[tuple[str, Partner], ...] = ()
    clients: tuple[ClientBundle, ...] = field(default=())


class _Obj(dict):  # type: ignore[type-arg]
    """A JSON object that remembers keys given twice (json keeps only the last silently)."""

    duplicates: tuple[str, ...] = ()


def _pairs(pairs: list[tuple[str, Any]]) -> _Obj:
    obj = _Obj()
    seen: list[str] = []
    for key, value in pairs:
        if key in obj:
            seen.append(key)
        obj[key] = value
    obj.duplicates = tuple(seen)
    return obj


def _reject_constant(name: str) -> None:
    raise ValueError(f"{name} is not valid JSON")


def load_json(data: bytes) -> Any:
    """Decode UTF-8 JSON strictly; raises ValidationError(path ``$``) when malformed."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValidationError([FieldError("$", "not_utf8", {"offset": exc.start})]) from None
    try:
        return json.loads(text, object_pairs_hook=_pairs, parse_constant=_reject_constant)
    except json.JSONDecodeError as exc:
        raise ValidationError(
            [FieldError("$", "malformed_json", {"line": exc.lineno, "column": exc.colno, "reason": exc.msg})]
        ) from None
    except ValueError as exc:
        raise ValidationError([FieldError("$", "malformed_json", {"reason": str(exc)})]) from None


class _Parser:
    """Walks the document, collecting every error with its path."""

    def __init__(self, today: date) -> None:
        self.today = today
        self.errors: list[FieldError] = []
        self.case_refs: set[str] = set()
        self.client_refs: set[str] = set()

    def error(self, path: str, code: str, **params: Any) -> None:
        self.errors.append(FieldError(path, code, params))

    def obj(self, raw: Any, specs: Sequence[FieldSpec], path: str, extra: Iterable[str] = ()) -> dict[str, Any] | None:
        """Parse an object; returns its typed values or None if anything in it was wrong."""
        for key in getattr(raw, "duplicates", ()):
            self.error(f"{path}.{key}", "duplicate_key")
        values, errors = parse_object(raw, specs, self.today, extra=extra)
        self.errors.extend(e.at(path) for e in errors)
        return None if errors else values

    def items(self, raw: Any, key: str, path: str) -> list[tuple[str, Any]]:
        """The elements of the list ``raw[key]`` with their paths (absent or null: empty)."""
        value = raw.get(key) if isinstance(raw, dict) else None
        if value is None:
            return []
        if not isinstance(value, list):
            self.error(f"{path}.{key}", "not_a_list")
            return []
        return [(f"{path}.{key}[{i}]", item) for i, item in enumerate(value)]

    def ref(self, raw: Any, path: str, seen: set[str]) -> str:
        """A unique, non-empty ``ref`` string."""
        ref = raw.get("ref") if isinstance(raw, dict) else None
        if not isinstance(ref, str) or not ref.strip():
            self.error(f"{path}.ref", "required")
            return ""
        if len(ref) > REF_MAX_LEN:
            self.error(f"{path}.ref", "too_long", max=REF_MAX_LEN)
        if ref in seen:
            self.error(f"{path}.ref", "duplicate_ref", value=ref)
        seen.add(ref)
        return ref

    def cross(self, errors: list[FieldError], path: str) -> None:
        self.errors.extend(e.at(path) for e in errors)

    # ------------------------------------------------------------ document
    def document(self, raw: Any) -> Document:
        if not isinstance(raw, dict):
            self.error("$", "not_an_object")
            raise ValidationError(self.errors)
        for key in raw:
            if key not in TOP_KEYS:
                self.error(f"$.{key}", "unknown_field")
        for key in getattr(raw, "duplicates", ()):
            self.error(f"$.{key}", "duplicate_key")
        if raw.get("format") != FORMAT:
            self.error("$.format", "wrong_format", expected=FORMAT)
        if raw.get("version") != VERSION:
            self.error("$.version", "unsupported_version", value=raw.get("version"))
        for key in ("partners", "clients"):
            if not isinstance(raw.get(key), list):
                self.error(f"$.{key}", "not_a_list" if key in raw else "required")
        declared = self.partners(raw)
        # Invalid partners keep their ref: their referrals are not wrong too (no import follows).
        refs = {ref: i for i, (ref, _) in enumerate(declared)}
        partners = [(ref, partner) for ref, partner in declared if partner is not None]
        clients = [self.client(item, path, refs) for path, item in self.items(raw, "clients", "$")]
        numbers: dict[str, str] = {}
        for (path, _), bundle in zip(self.items(raw, "clients", "$"), clients, strict=True):
            number = bundle.client.client_number if bundle else None
            if number:
                if number in numbers:
                    self.error(f"{path}.client_number", "duplicate_client_number", value=number)
                numbers[number] = path
        if self.errors:
            raise ValidationError(self.errors)
        return Document(tuple(partners), tuple(c for c in clients if c is not None))

    def partners(self, raw: dict[str, Any]) -> list[tuple[str, Partner | None]]:
        """Every declared partner by ref; None where its fields are invalid."""
        result: list[tuple[str, Partner | None]] = []
        seen: set[str] = set()
        for path, item in self.items(raw, "partners", "$"):
            values = self.obj(item, PARTNER_FIELDS, path, extra=("ref",))
            ref = self.ref(item, path, seen)
            result.append((ref, Partner(**values) if values is not None else None))
        return result

    def client(self, raw: Any, path: str, partner_refs: dict[str, int]) -> ClientBundle | None:
        values = self.obj(raw, CLIENT_FIELDS, path, extra=("ref", "consents", "cases"))
        ref = self.ref(raw, path, self.client_refs)
        client = Client(**values) if values is not None else None
        if client is not None:
            self.cross(rules.client_errors(client), path)
        consents = []
        for cpath, item in self.items(raw, "consents", path):
            cvalues = self.obj(item, CONSENT_FIELDS, cpath)
            if cvalues is not None:
                consent = Consent(**cvalues)
                self.cross(rules.consent_errors(consent), cpath)
                consents.append(consent)
        cases = [
            self.case(item, cpath, client, consents, partner_refs) for cpath, item in self.items(raw, "cases", path)
        ]
        if client is not None:
            intake = [e for cb in cases if cb for e in rules.intake_errors(client, cb.case)]
            self.cross(intake[:1], path)  # once per client, however many cases
        if client is None or any(c is None for c in cases):
            return None
        return ClientBundle(ref, client, tuple(consents), tuple(c for c in cases if c is not None))

    def case(
        self,
        raw: Any,
        path: str,
        client: Client | None,
        consents: list[Consent],
        partner_refs: dict[str, int],
    ) -> CaseBundle | None:
        values = self.obj(raw, CASE_FIELDS, path, extra=("ref", "goals", "contacts", "referrals", "follow_ups"))
        ref = self.ref(raw, path, self.case_refs)
        case = Case(**values) if values is not None else None
        if case is not None:
            self.cross(rules.case_errors(case, client.date_of_birth if client else None), path)
        goals = self.simple(raw, "goals", path, GOAL_FIELDS, Goal)
        contacts = self.simple(raw, "contacts", path, CONTACT_FIELDS, Contact)
        follow_ups = self.simple(raw, "follow_ups", path, FOLLOW_UP_FIELDS, FollowUp)
        referrals = []
        for rpath, item in self.items(raw, "referrals", path):
            rvalues = self.obj(item, REFERRAL_FIELDS, rpath)
            if rvalues is None:
                continue
            partner_ref = rvalues.pop("partner_ref")
            if partner_ref not in partner_refs:
                self.error(f"{rpath}.partner_ref", "unknown_partner_ref", value=partner_ref)
                continue
            referral = Referral(partner_id=partner_refs[partner_ref], **rvalues)
            if not rules.has_valid_consent(consents, "referral_sharing", referral.date):
                self.error(rpath, "referral_without_consent", date=referral.date.isoformat())
            referrals.append(referral)
        for gpath, goal in goals:
            self.cross(rules.goal_errors(goal), gpath)
        if case is None:
            return None
        return CaseBundle(
            ref,
            case,
            tuple(g for _, g in goals),
            tuple(c for _, c in contacts),
            tuple(referrals),
            tuple(f for _, f in follow_ups),
        )

    def simple(
        self, raw: Any, key: str, path: str, specs: Sequence[FieldSpec], cls: type[Any]
    ) -> list[tuple[str, Any]]:
        result = []
        for ipath, item in self.items(raw, key, path):
            values = self.obj(item, specs, ipath)
            if values is not None:
                result.append((ipath, cls(**values)))
        return result


def parse_document(data: bytes, today: date) -> Document:
    """Parse and validate a whole interchange file (all or nothing)."""
    return parse_raw(load_json(data), today)


def parse_raw(raw: Any, today: date) -> Document:
    """Validate an already decoded interchange document (the spreadsheet import builds one)."""
    return _Parser(today).document(raw)


# ------------------------------------------------------------------ writing
def _without_defaults(entity: Any, optional_flags: dict[str, Any]) -> dict[str, Any]:
    out = to_json(entity)
    for name, default in optional_flags.items():
        if out.get(name) == default:
            del out[name]
    return out


def build_document(partners: Sequence[Saved[Partner]], files: Sequence[ClientFile]) -> dict[str, Any]:
    """The interchange document of a store, in a stable order: partners by name, clients by
    number, records by date. Exporting an imported export gives the same document."""
    ordered = sorted(partners, key=lambda p: (p.value.name, p.value.partner_type, p.id))
    partner_ref = {p.id: f"P{i:04d}" for i, p in enumerate(ordered, start=1)}
    doc_partners = [{"ref": partner_ref[p.id], **_without_defaults(p.value, {"active": True})} for p in ordered]
    doc_clients = []
    for f in sorted(files, key=lambda f: (f.client.client_number or "", f.id)):
        number = f.client.client_number or str(f.id)
        cases = []
        for i, cf in enumerate(f.cases, start=1):
            referrals = [
                {"partner_ref": partner_ref[r.value.partner_id], **_without_defaults(r.value, {})} for r in cf.referrals
            ]
            for r in referrals:
                del r["partner_id"]
            cases.append(
                {
                    "ref": f"{number}/{i}",
                    **to_json(cf.case),
                    "goals": [to_json(g.value) for g in cf.goals],
                    "contacts": [to_json(c.value) for c in cf.contacts],
                    "referrals": referrals,
                    "follow_ups": [to_json(x.value) for x in cf.follow_ups],
                }
            )
        doc_clients.append(
            {
                "ref": number,
                **to_json(f.client),
                "consents": [to_json(c.value) for c in f.consents],
                "cases": cases,
            }
        )
    return {"format": FORMAT, "version": VERSION, "partners": doc_partners, "clients": doc_clients}


def dump_document(document: dict[str, Any]) -> bytes:
    """UTF-8 JSON, readable and stable (umlauts kept as they are)."""
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
