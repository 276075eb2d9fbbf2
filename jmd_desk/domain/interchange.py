"""The interchange format of DESIGN §6: parsing with JSON paths for every error, and writing.

``parse_document`` either returns a complete, valid ``Document`` or raises a
``ValidationError`` listing every offending value by its JSON path; it never returns a part.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from jmd_desk.domain import rules
from jmd_desk.domain.entities import (
    AnonymousContact,
    Case,
    Client,
    Consent,
    Contact,
    District,
    FollowUp,
    Goal,
    Partner,
    Referral,
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
    Kind,
    parse_object,
)
from jmd_desk.domain.interchange_additions import AdditionsParser
from jmd_desk.domain.interchange_model import CaseBundle, ClientBundle, Document, DocumentBundle, GroupOfferBundle

FORMAT = "jmd-desk-interchange"
VERSION = 2
VERSIONS = (1, 2)
# A version-1 file may carry the version-2 additions too: they are read as in version 2, so
# nothing is lost; what version 1 changes is the free-text school qualification.
TOP_KEYS = ("format", "version", "districts", "partners", "clients", "group_offers", "anonymous_contacts")
REF_MAX_LEN = 100
V1_SCHOOL_QUALIFICATION = FieldSpec("school_qualification", Kind.TEXT, max_len=200)

__all__ = [
    "FORMAT",
    "VERSION",
    "CaseBundle",
    "ClientBundle",
    "Document",
    "DocumentBundle",
    "DocumentReader",
    "GroupOfferBundle",
    "JsonObject",
    "json_object",
    "load_json",
    "parse_document",
]


class JsonObject(dict[str, Any]):
    """A JSON object that remembers keys given twice (json keeps only the last silently)."""

    duplicates: tuple[str, ...] = ()

    def __setitem__(self, key: str, value: Any) -> None:
        if key in self:
            self.duplicates = (*self.duplicates, key)
        super().__setitem__(key, value)


def json_object(pairs: list[tuple[str, Any]]) -> JsonObject:
    """An object hook for ``json.loads`` (a streaming parser builds ``JsonObject`` directly)."""
    obj = JsonObject()
    for key, value in pairs:
        obj[key] = value
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
        return json.loads(text, object_pairs_hook=json_object, parse_constant=_reject_constant)
    except json.JSONDecodeError as exc:
        raise ValidationError(
            [FieldError("$", "malformed_json", {"line": exc.lineno, "column": exc.colno, "reason": exc.msg})]
        ) from None
    except ValueError as exc:
        raise ValidationError([FieldError("$", "malformed_json", {"reason": str(exc)})]) from None
    except RecursionError:
        raise ValidationError([FieldError("$", "malformed_json", {"reason": "nested too deeply"})]) from None


class DocumentReader(AdditionsParser):
    """Walks the document, collecting every error with its path. ``document`` reads a decoded
    document; a streaming reader calls ``begin``, ``client_at`` and ``finish`` itself."""

    def __init__(self, today: date, office_districts: frozenset[str]) -> None:
        self.today = today
        self.office_districts = office_districts
        self.version = VERSION
        self.errors: list[FieldError] = []
        self.case_refs: set[str] = set()
        self.client_refs: set[str] = set()
        self.contact_refs: set[str] = set()
        self.district_codes: set[str] = set()
        self.file_districts: list[District] = []
        self.partner_refs: dict[str, int] = {}
        self.valid_partners: list[tuple[str, Partner]] = []
        self.client_numbers: set[str] = set()
        self.number_errors: list[FieldError] = []
        self.client_indexes_by_ref: dict[str, int] = {}

    def error(self, path: str, code: str, **params: Any) -> None:
        self.errors.append(FieldError(path, code, params))

    @property
    def failed(self) -> bool:
        """True once any problem was found (nothing will be imported then)."""
        return bool(self.errors or self.number_errors)

    def specs(self, specs: Sequence[FieldSpec]) -> tuple[FieldSpec, ...]:
        """The field specs of the document's version (version 1: free-text qualification)."""
        if self.version >= 2:
            return tuple(specs)
        return tuple(V1_SCHOOL_QUALIFICATION if s.name == "school_qualification" else s for s in specs)

    def obj(self, raw: Any, specs: Sequence[FieldSpec], path: str, extra: Iterable[str] = ()) -> dict[str, Any] | None:
        """Parse an object; returns its typed values or None if anything in it was wrong."""
        for key in getattr(raw, "duplicates", ()):
            self.error(f"{path}.{key}", "duplicate_key")
        values, errors = parse_object(raw, self.specs(specs), self.today, extra=extra)
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

    def ref(self, raw: Any, path: str, seen: set[str], *, required: bool = True) -> str:
        """A unique, non-empty ``ref`` string."""
        ref = raw.get("ref") if isinstance(raw, dict) else None
        if ref is None and not required:
            return ""
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
    def header(self, raw: Any) -> dict[str, Any]:
        """Format, version and top-level keys; the version decides the rest."""
        if not isinstance(raw, dict):
            self.error("$", "not_an_object")
            raise ValidationError(self.errors)
        version = raw.get("version")
        if version in VERSIONS and not isinstance(version, bool):
            self.version = version
        else:
            self.error("$.version", "unsupported_version", value=version)
        for key in raw:
            if key not in TOP_KEYS:
                self.error(f"$.{key}", "unknown_field")
        for key in getattr(raw, "duplicates", ()):
            self.error(f"$.{key}", "duplicate_key")
        if raw.get("format") != FORMAT:
            self.error("$.format", "wrong_format", expected=FORMAT)
        for key in ("partners", "clients"):
            if not isinstance(raw.get(key), list):
                self.error(f"$.{key}", "not_a_list" if key in raw else "required")
        return raw

    # A document is read in three steps, so that a streaming reader can hand over the clients
    # one at a time: ``begin`` (everything but the clients), ``client_at`` for each client in
    # order, ``finish`` (what refers to clients; raises if anything was wrong).
    def begin(self, raw: Any) -> list[tuple[str, Any]]:
        """Header, districts and partners; returns the items of ``raw["clients"]`` with their paths."""
        raw = self.header(raw)
        self.file_districts = self.districts(raw)
        declared = self.partners(raw)
        # Invalid partners keep their ref: their referrals are not wrong too (no import follows).
        self.partner_refs = {ref: i for i, (ref, _) in enumerate(declared)}
        self.valid_partners = [(ref, partner) for ref, partner in declared if partner is not None]
        return self.items(raw, "clients", "$")

    def client_at(self, index: int, item: Any) -> ClientBundle | None:
        """The client at ``$.clients[index]``, or None if anything in it is wrong."""
        path = f"$.clients[{index}]"
        bundle = self.client(item, path, self.partner_refs)
        number = bundle.client.client_number if bundle else None
        if number:
            if number in self.client_numbers:
                self.number_errors.append(
                    FieldError(f"{path}.client_number", "duplicate_client_number", {"value": number})
                )
            self.client_numbers.add(number)
        self.client_indexes_by_ref[self.ref_of(item)] = index
        return bundle

    def finish(self, raw: Any) -> tuple[list[GroupOfferBundle], list[AnonymousContact]]:
        """Group offers and anonymous contacts; raises ValidationError listing every problem."""
        self.errors.extend(self.number_errors)
        offers = self.group_offers(raw, self.partner_refs, self.client_indexes_by_ref)
        anonymous = self.anonymous_contacts(raw)
        if self.errors:
            raise ValidationError(self.errors)
        return offers, anonymous

    def document(self, raw: Any) -> Document:
        items = self.begin(raw)
        clients = [self.client_at(i, item) for i, (_, item) in enumerate(items)]
        offers, anonymous = self.finish(raw)
        return Document(
            tuple(self.valid_partners),
            tuple(c for c in clients if c is not None),
            tuple(self.file_districts),
            tuple(offers),
            tuple(anonymous),
        )

    @staticmethod
    def ref_of(item: Any) -> str:
        ref = item.get("ref") if isinstance(item, dict) else None
        return ref if isinstance(ref, str) else ""

    def partners(self, raw: dict[str, Any]) -> list[tuple[str, Partner | None]]:
        """Every declared partner by ref; None where its fields are invalid."""
        result: list[tuple[str, Partner | None]] = []
        seen: set[str] = set()
        for path, item in self.items(raw, "partners", "$"):
            values = self.obj(item, PARTNER_FIELDS, path, extra=("ref",))
            ref = self.ref(item, path, seen)
            result.append((ref, Partner(**values) if values is not None else None))
        return result

    def client_values(self, raw: Any, path: str) -> Client | None:
        extra = ("ref", "consents", "cases", "progress", "documents")
        values = self.obj(raw, CLIENT_FIELDS, path, extra=extra)
        if values is None:
            return None
        if self.version == 1:
            code, note = rules.school_qualification_from_text(values.pop("school_qualification", None))
            values.update(
                school_qualification=code, school_qualification_note=values.get("school_qualification_note") or note
            )
        client = Client(**values)
        self.cross(rules.client_errors(client), path)
        self.client_district(client, path)
        return client

    def client(self, raw: Any, path: str, partner_refs: dict[str, int]) -> ClientBundle | None:
        client = self.client_values(raw, path)
        ref = self.ref(raw, path, self.client_refs)
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
        progress = self.progress(raw, path, client)
        documents = self.documents(raw, path)
        if client is None or any(c is None for c in cases):
            return None
        return ClientBundle(
            ref,
            client,
            tuple(consents),
            tuple(c for c in cases if c is not None),
            tuple(progress),
            tuple(documents),
        )

    def case(
        self,
        raw: Any,
        path: str,
        client: Client | None,
        consents: list[Consent],
        partner_refs: dict[str, int],
    ) -> CaseBundle | None:
        extra = ("ref", "goals", "contacts", "referrals", "follow_ups", "appointments")
        values = self.obj(raw, CASE_FIELDS, path, extra=extra)
        ref = self.ref(raw, path, self.case_refs)
        case = Case(**values) if values is not None else None
        if case is not None:
            self.cross(rules.case_errors(case, client.date_of_birth if client else None), path)
        goals = self.simple(raw, "goals", path, GOAL_FIELDS, Goal)
        contacts, contact_refs = self.contacts(raw, path)
        follow_ups = self.simple(raw, "follow_ups", path, FOLLOW_UP_FIELDS, FollowUp)
        referrals = self.referrals(raw, path, consents, partner_refs)
        appointments = self.case_appointments(raw, path, contact_refs)
        for gpath, goal in goals:
            self.cross(rules.goal_errors(goal), gpath)
        if case is None:
            return None
        return CaseBundle(
            ref,
            case,
            tuple(g for _, g in goals),
            tuple(contacts),
            tuple(referrals),
            tuple(f for _, f in follow_ups),
            tuple(appointments),
        )

    def contacts(self, raw: Any, path: str) -> tuple[list[Contact], dict[str, int]]:
        """The case's contacts and the index of each by its optional ``ref`` (version 2)."""
        contacts: list[Contact] = []
        refs: dict[str, int] = {}
        for ipath, item in self.items(raw, "contacts", path):
            values = self.obj(item, CONTACT_FIELDS, ipath, extra=("ref",))
            ref = self.ref(item, ipath, self.contact_refs, required=False)
            if values is not None:
                if ref:
                    refs[ref] = len(contacts)
                contacts.append(Contact(**values))
        return contacts, refs

    def referrals(self, raw: Any, path: str, consents: list[Consent], partner_refs: dict[str, int]) -> list[Referral]:
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
        return referrals

    def simple(
        self, raw: Any, key: str, path: str, specs: Sequence[FieldSpec], cls: type[Any]
    ) -> list[tuple[str, Any]]:
        result = []
        for ipath, item in self.items(raw, key, path):
            values = self.obj(item, specs, ipath)
            if values is not None:
                result.append((ipath, cls(**values)))
        return result


def parse_document(data: bytes, today: date, office_districts: frozenset[str] = frozenset()) -> Document:
    """Parse and validate a whole interchange file (all or nothing). A client's district must
    be in the file's list or in ``office_districts``."""
    return parse_raw(load_json(data), today, office_districts)


def parse_raw(raw: Any, today: date, office_districts: frozenset[str] = frozenset()) -> Document:
    """Validate an already decoded interchange document (the spreadsheet import builds one)."""
    return DocumentReader(today, office_districts).document(raw)
