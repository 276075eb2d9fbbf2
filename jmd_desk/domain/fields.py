"""Field catalogue: for every entity the fields, their kind and their rules.

One table drives parsing of interchange JSON, checking of values typed into forms and the
serialisation of exports, so that the three can never disagree.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, fields, replace
from datetime import date, datetime
from enum import Enum, auto
from typing import Any, ClassVar, Protocol, TypeVar

from jmd_desk.domain import codes
from jmd_desk.domain.entities import (
    AnonymousContact,
    Appointment,
    Case,
    Client,
    Consent,
    Contact,
    District,
    DocumentInfo,
    FollowUp,
    Goal,
    GroupOffer,
    GroupSession,
    Partner,
    Progress,
    Referral,
)
from jmd_desk.domain.errors import FieldError
from jmd_desk.domain.text import unsafe_character
from jmd_desk.texts.iso_codes import COUNTRIES, LANGUAGES


class _Dataclass(Protocol):
    """Any dataclass instance (what ``dataclasses.replace`` accepts)."""

    __dataclass_fields__: ClassVar[dict[str, Any]]


E = TypeVar("E", bound=_Dataclass)


class Kind(Enum):
    """How a field's value is written in JSON and what it may hold."""

    TEXT = auto()
    DATE = auto()
    BOOL = auto()
    INT = auto()
    CODE = auto()
    CODES = auto()
    COUNTRY = auto()
    COUNTRIES = auto()
    LANGUAGES = auto()
    CLIENT_NUMBER = auto()
    EMAIL = auto()
    USERNAME = auto()
    REF = auto()
    DATETIME = auto()
    COUNTS = auto()


@dataclass(frozen=True)
class FieldSpec:
    """One field: its name, kind and constraints.

    ``past`` marks dates that cannot lie in the future (a birth, a contact that happened).
    """

    name: str
    kind: Kind
    required: bool = False
    codes: tuple[str, ...] = ()
    max_len: int = 200
    past: bool = False
    min_value: int = 0
    max_value: int = 0


MULTILINE_FROM = 500
CLIENT_NUMBER_RE = re.compile(r"^\d{4}-\d{4}$")
USERNAME_RE = re.compile(r"^[a-z0-9][a-z0-9._-]{1,39}$")
EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
ISO_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
LOCAL_TIME_RE = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$")
RECORD_KEY_LIMIT = 2**32
MAX_HEADCOUNT = 100_000
# Kosovo's user-assigned code is in common administrative use (EU, BAMF).
COUNTRY_CODES = frozenset(COUNTRIES)
LANGUAGE_CODES = frozenset(LANGUAGES)


def _t(name: str, max_len: int = 200, *, required: bool = False) -> FieldSpec:
    return FieldSpec(name, Kind.TEXT, required=required, max_len=max_len)


def _code(name: str, values: tuple[str, ...], *, required: bool = False) -> FieldSpec:
    return FieldSpec(name, Kind.CODE, required=required, codes=values)


def _date(name: str, *, required: bool = False, past: bool = True) -> FieldSpec:
    return FieldSpec(name, Kind.DATE, required=required, past=past)


def _minutes(name: str = "minutes") -> FieldSpec:
    return FieldSpec(name, Kind.INT, required=True, min_value=0, max_value=1440)


RECORD_KEY = FieldSpec("record_key", Kind.INT, min_value=0, max_value=RECORD_KEY_LIMIT - 1)
DISTRICT_CODE_LEN = 40

CLIENT_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("client_number", Kind.CLIENT_NUMBER),
    _t("first_name", 100, required=True),
    _t("last_name", 100, required=True),
    _date("date_of_birth", required=True),
    FieldSpec("dob_estimated", Kind.BOOL),
    _code("gender", codes.GENDERS),
    FieldSpec("country_of_birth", Kind.COUNTRY),
    FieldSpec("nationalities", Kind.COUNTRIES),
    FieldSpec("languages", Kind.LANGUAGES),
    _date("arrival_date"),
    _code("residence_status", codes.RESIDENCE_STATUSES),
    _code("german_level", codes.GERMAN_LEVELS),
    _code("school_qualification", codes.SCHOOL_QUALIFICATIONS),
    _t("school_qualification_note", 500),
    _t("current_situation"),
    _t("access_route"),
    FieldSpec("unaccompanied_minor", Kind.BOOL),
    _t("guardian", 300),
    _t("phone", 60),
    FieldSpec("email", Kind.EMAIL, max_len=200),
    _t("address", 500),
    FieldSpec("counsellor", Kind.USERNAME),
    _t("eligibility_note", 1000),
    FieldSpec("district", Kind.REF, max_len=DISTRICT_CODE_LEN),
    RECORD_KEY,
)

CASE_FIELDS: tuple[FieldSpec, ...] = (
    _code("case_type", codes.CASE_TYPES, required=True),
    _date("opened_on", required=True),
    _date("closed_on"),
    _code("closure_reason", codes.CLOSURE_REASONS),
    _code("destination", codes.DESTINATIONS),
    _date("requested_on"),
    _code("phase", codes.CASE_PHASES),
    RECORD_KEY,
)

GOAL_FIELDS: tuple[FieldSpec, ...] = (
    _code("area", codes.AREAS, required=True),
    _t("title", 500, required=True),
    _date("agreed_on"),
    _date("due_on", past=False),
    _code("status", codes.GOAL_STATUSES),
    _date("status_changed_on"),
    _t("steps", 5000),
    FieldSpec("responsible", Kind.CODES, codes=codes.RESPONSIBLES),
    _date("review_on", past=False),
    RECORD_KEY,
)

CONTACT_FIELDS: tuple[FieldSpec, ...] = (
    _date("date", required=True),
    _minutes(),
    _code("mode", codes.CONTACT_MODES, required=True),
    FieldSpec("participants", Kind.CODES, codes=codes.PARTICIPANTS),
    FieldSpec("topics", Kind.CODES, codes=codes.AREAS),
    FieldSpec("interpreter", Kind.BOOL),
    _t("notes", 50_000),
    RECORD_KEY,
)

PARTNER_FIELDS: tuple[FieldSpec, ...] = (
    _t("name", 200, required=True),
    _code("partner_type", codes.PARTNER_TYPES, required=True),
    _t("contact_person", 200),
    _t("phone", 60),
    FieldSpec("email", Kind.EMAIL),
    _t("address", 500),
    FieldSpec("active", Kind.BOOL),
)

# In the interchange file a referral names its partner by the file's ``partner_ref``.
REFERRAL_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("partner_ref", Kind.REF, required=True),
    _date("date", required=True),
    _code("area", codes.AREAS),
    _code("status", codes.REFERRAL_STATUSES),
    _t("outcome", 5000),
    RECORD_KEY,
)

# The stored referral names its partner by id; the id itself is checked against the store.
REFERRAL_ENTITY_FIELDS: tuple[FieldSpec, ...] = tuple(f for f in REFERRAL_FIELDS if f.name != "partner_ref")

CONSENT_FIELDS: tuple[FieldSpec, ...] = (
    _code("scope", codes.CONSENT_SCOPES, required=True),
    _code("given_by", codes.CONSENT_GIVERS),
    _date("given_on", required=True),
    _t("form_version", 100),
    _date("withdrawn_on"),
)

FOLLOW_UP_FIELDS: tuple[FieldSpec, ...] = (
    _date("due_on", required=True, past=False),
    _t("text", 2000, required=True),
    FieldSpec("done", Kind.BOOL),
)

DISTRICT_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("code", Kind.REF, required=True, max_len=DISTRICT_CODE_LEN),
    _t("label", 200, required=True),
)

# ``value`` is checked against the field's code list by rules.progress_errors.
PROGRESS_FIELDS: tuple[FieldSpec, ...] = (
    _code("field", codes.PROGRESS_FIELDS, required=True),
    FieldSpec("value", Kind.REF, required=True, max_len=40),
    _date("on", required=True),
)

# In the interchange file a held case appointment names its contact by ``contact_ref``.
APPOINTMENT_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("starts_at", Kind.DATETIME, required=True),
    _minutes(),
    _code("mode", codes.CONTACT_MODES),
    _t("place", 300),
    _code("status", codes.APPOINTMENT_STATUSES),
    FieldSpec("contact_ref", Kind.REF, max_len=100),
)
APPOINTMENT_ENTITY_FIELDS: tuple[FieldSpec, ...] = tuple(f for f in APPOINTMENT_FIELDS if f.name != "contact_ref")

GROUP_SESSION_FIELDS: tuple[FieldSpec, ...] = (
    _date("date", required=True, past=False),
    _minutes(),
    FieldSpec("attendance", Kind.INT, min_value=0, max_value=MAX_HEADCOUNT),
)

GROUP_OFFER_FIELDS: tuple[FieldSpec, ...] = (
    _t("title", 200, required=True),
    _code("kind", codes.GROUP_KINDS, required=True),
    FieldSpec("areas", Kind.CODES, codes=codes.AREAS),
    FieldSpec("partner_ref", Kind.REF, max_len=100),
    _date("starts_on", required=True, past=False),
    _date("ends_on", past=False),
    FieldSpec("participants_by_gender", Kind.COUNTS, codes=codes.GENDERS, max_value=MAX_HEADCOUNT),
    FieldSpec("participants_by_age_group", Kind.COUNTS, codes=codes.AGE_GROUP_CODES, max_value=MAX_HEADCOUNT),
    RECORD_KEY,
)
GROUP_OFFER_ENTITY_FIELDS: tuple[FieldSpec, ...] = tuple(f for f in GROUP_OFFER_FIELDS if f.name != "partner_ref")

ANONYMOUS_CONTACT_FIELDS: tuple[FieldSpec, ...] = (
    _date("date", required=True),
    _minutes(),
    _code("mode", codes.CONTACT_MODES, required=True),
    FieldSpec("topics", Kind.CODES, codes=codes.AREAS),
    _code("age_group", codes.AGE_GROUP_CODES),
    _code("gender", codes.GENDERS),
    _code("referred_partner_type", codes.PARTNER_TYPES),
    RECORD_KEY,
)

# The content (``content_base64`` in the file) is checked by domain.documents.
DOCUMENT_FIELDS: tuple[FieldSpec, ...] = (
    _t("title", 200, required=True),
    _code("kind", codes.DOCUMENT_KINDS),
    FieldSpec("file_name", Kind.REF, required=True, max_len=200),
    _code("media_type", codes.MEDIA_TYPES, required=True),
    _date("added_on", required=True),
)

ENTITY_FIELDS: dict[type, tuple[FieldSpec, ...]] = {
    Client: CLIENT_FIELDS,
    Case: CASE_FIELDS,
    Goal: GOAL_FIELDS,
    Contact: CONTACT_FIELDS,
    Partner: PARTNER_FIELDS,
    Referral: REFERRAL_ENTITY_FIELDS,
    Consent: CONSENT_FIELDS,
    FollowUp: FOLLOW_UP_FIELDS,
    District: DISTRICT_FIELDS,
    Progress: PROGRESS_FIELDS,
    Appointment: APPOINTMENT_ENTITY_FIELDS,
    GroupSession: GROUP_SESSION_FIELDS,
    GroupOffer: GROUP_OFFER_ENTITY_FIELDS,
    AnonymousContact: ANONYMOUS_CONTACT_FIELDS,
    DocumentInfo: DOCUMENT_FIELDS,
}


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _check_code_list(
    spec: FieldSpec, value: Any, allowed: Callable[[str], bool], err: list[FieldError], code: str
) -> None:
    if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) for v in value):
        err.append(FieldError(spec.name, "not_a_list"))
        return
    for i, item in enumerate(value):
        if not allowed(item):
            err.append(FieldError(f"{spec.name}[{i}]", code, {"value": item}))
    if len(set(value)) != len(value):
        err.append(FieldError(spec.name, "duplicate_value"))


def _check_text(spec: FieldSpec, value: Any, today: date) -> list[FieldError]:
    if not isinstance(value, str):
        return [FieldError(spec.name, "not_text")]
    pattern, code = _TEXT_PATTERNS.get(spec.kind, (None, ""))
    if spec.required and not value.strip():
        return [FieldError(spec.name, "required")]
    if len(value) > spec.max_len:
        return [FieldError(spec.name, "too_long", {"max": spec.max_len})]
    # Longer texts (addresses, notes) may span lines; names and short fields may not.
    bad = unsafe_character(value, multiline=spec.max_len >= MULTILINE_FROM)
    if bad is not None:
        return [FieldError(spec.name, "control_character", {"char": f"U+{ord(bad):04X}"})]
    if pattern is not None and not pattern.match(value):
        return [FieldError(spec.name, code)]
    return []


def _check_date(spec: FieldSpec, value: Any, today: date) -> list[FieldError]:
    if not isinstance(value, date):
        return [FieldError(spec.name, "bad_date")]
    if spec.past and value > today:
        return [FieldError(spec.name, "date_in_future")]
    return []


def _check_bool(spec: FieldSpec, value: Any, today: date) -> list[FieldError]:
    return [] if isinstance(value, bool) else [FieldError(spec.name, "not_bool")]


def _check_int(spec: FieldSpec, value: Any, today: date) -> list[FieldError]:
    if not _is_int(value):
        return [FieldError(spec.name, "not_int")]
    if not spec.min_value <= value <= spec.max_value:
        return [FieldError(spec.name, "out_of_range", {"min": spec.min_value, "max": spec.max_value})]
    return []


def _check_datetime(spec: FieldSpec, value: Any, today: date) -> list[FieldError]:
    if not isinstance(value, datetime) or value.second or value.microsecond or value.tzinfo is not None:
        return [FieldError(spec.name, "bad_datetime")]
    return []


def _check_counts(spec: FieldSpec, value: Any, today: date) -> list[FieldError]:
    if not isinstance(value, tuple):
        return [FieldError(spec.name, "not_an_object")]
    errors = []
    for code, count in value:
        if code not in spec.codes:
            errors.append(FieldError(f"{spec.name}.{code}", "unknown_code", {"value": code}))
        elif not _is_int(count) or not 0 <= count <= spec.max_value:
            errors.append(FieldError(f"{spec.name}.{code}", "out_of_range", {"min": 0, "max": spec.max_value}))
    return errors


def _check_code(spec: FieldSpec, value: Any, today: date) -> list[FieldError]:
    if isinstance(value, str) and value in spec.codes:
        return []
    return [FieldError(spec.name, "unknown_code", {"value": value})]


def _check_country(spec: FieldSpec, value: Any, today: date) -> list[FieldError]:
    if isinstance(value, str) and is_country(value):
        return []
    return [FieldError(spec.name, "unknown_country", {"value": value})]


def _list_checker(allowed: Callable[[FieldSpec, str], bool], code: str) -> Callable[..., list[FieldError]]:
    def check(spec: FieldSpec, value: Any, today: date) -> list[FieldError]:
        err: list[FieldError] = []
        _check_code_list(spec, value, lambda item: allowed(spec, item), err, code)
        return err

    return check


def check_value(spec: FieldSpec, value: Any, today: date) -> list[FieldError]:
    """Check a typed value (dates as ``date``, lists as tuples) against its spec."""
    if value is None or (isinstance(value, str) and not value.strip() and spec.kind != Kind.TEXT):
        return [FieldError(spec.name, "required")] if spec.required else []
    return _CHECKERS[spec.kind](spec, value, today)


def is_country(value: str) -> bool:
    """ISO 3166-1 alpha-2 (upper case) or ``unknown``."""
    return value in COUNTRY_CODES or value == codes.UNKNOWN


def is_language(value: str) -> bool:
    """ISO 639-1 (lower case) or ``unknown``."""
    return value in LANGUAGE_CODES or value == codes.UNKNOWN


_TEXT_PATTERNS: dict[Kind, tuple[re.Pattern[str], str]] = {
    Kind.EMAIL: (EMAIL_RE, "bad_email"),
    Kind.USERNAME: (USERNAME_RE, "bad_username"),
    Kind.CLIENT_NUMBER: (CLIENT_NUMBER_RE, "bad_client_number"),
}
_CHECKERS: dict[Kind, Callable[..., list[FieldError]]] = {
    Kind.TEXT: _check_text,
    Kind.EMAIL: _check_text,
    Kind.USERNAME: _check_text,
    Kind.REF: _check_text,
    Kind.CLIENT_NUMBER: _check_text,
    Kind.DATE: _check_date,
    Kind.DATETIME: _check_datetime,
    Kind.COUNTS: _check_counts,
    Kind.BOOL: _check_bool,
    Kind.INT: _check_int,
    Kind.CODE: _check_code,
    Kind.COUNTRY: _check_country,
    Kind.CODES: _list_checker(lambda spec, item: item in spec.codes, "unknown_code"),
    Kind.COUNTRIES: _list_checker(lambda spec, item: is_country(item), "unknown_country"),
    Kind.LANGUAGES: _list_checker(lambda spec, item: is_language(item), "unknown_language"),
}


def parse_date(value: Any) -> date | None:
    """A strict ISO ``YYYY-MM-DD`` date, or None if the text is not one."""
    if not isinstance(value, str) or not ISO_DATE_RE.match(value):
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def parse_local_time(value: Any) -> datetime | None:
    """A strict local ``YYYY-MM-DDTHH:MM``, or None if the text is not one."""
    if not isinstance(value, str) or not LOCAL_TIME_RE.match(value):
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return None


def _counts_from_json(spec: FieldSpec, value: Any) -> tuple[Any, FieldError | None]:
    """``{code: count}`` as (code, count) pairs in the code list's order (unknown codes last)."""
    if not isinstance(value, Mapping):
        return None, FieldError(spec.name, "not_an_object")
    order = {code: i for i, code in enumerate(spec.codes)}
    return tuple(sorted(value.items(), key=lambda kv: (order.get(kv[0], len(order)), str(kv[0])))), None


def _time_from_json(spec: FieldSpec, value: Any) -> tuple[Any, FieldError | None]:
    """Dates (``YYYY-MM-DD``) and local times (``YYYY-MM-DDTHH:MM``)."""
    is_date = spec.kind == Kind.DATE
    parsed = parse_date(value) if is_date else parse_local_time(value)
    if parsed is None:
        return None, FieldError(spec.name, "bad_date" if is_date else "bad_datetime", {"value": str(value)[:40]})
    return parsed, None


def _from_json(spec: FieldSpec, value: Any) -> tuple[Any, FieldError | None]:
    """Convert a JSON value into the typed value a spec expects."""
    if value is None:
        return None, None
    if spec.kind in (Kind.DATE, Kind.DATETIME):
        return _time_from_json(spec, value)
    if spec.kind == Kind.COUNTS:
        return _counts_from_json(spec, value)
    if spec.kind in (Kind.CODES, Kind.COUNTRIES, Kind.LANGUAGES) and isinstance(value, list):
        return tuple(value), None
    if spec.kind == Kind.TEXT and isinstance(value, str):
        return value.strip() or None, None
    return value, None


def parse_object(
    raw: Any, specs: Iterable[FieldSpec], today: date, *, extra: Iterable[str] = ()
) -> tuple[dict[str, Any], list[FieldError]]:
    """Parse one JSON object by its field specs.

    Returns the typed values of the fields that were given (absent and null fields are left
    out, so that entity defaults apply) and every error, with paths relative to the object.
    ``extra`` names further keys the caller handles itself (``ref``, nested lists).
    """
    if not isinstance(raw, Mapping):
        return {}, [FieldError("", "not_an_object")]
    spec_list = tuple(specs)
    known = {s.name for s in spec_list} | set(extra)
    errors = [FieldError(str(k), "unknown_field") for k in raw if k not in known]
    values: dict[str, Any] = {}
    for spec in spec_list:
        value, conv_error = _from_json(spec, raw.get(spec.name))
        if conv_error:
            errors.append(conv_error)
            continue
        problems = check_value(spec, value, today)
        errors.extend(problems)
        if not problems and value is not None:
            values[spec.name] = value
    return values, errors


def check_entity(entity: Any, today: date) -> list[FieldError]:
    """Check every field of an entity instance against the catalogue."""
    specs = ENTITY_FIELDS[type(entity)]
    return [e for s in specs for e in check_value(s, getattr(entity, s.name), today)]


def tidy(entity: E) -> E:
    """Strip text fields and turn blank optional text into None (as typed into a form)."""
    changes: dict[str, Any] = {}
    for spec in ENTITY_FIELDS[type(entity)]:
        value = getattr(entity, spec.name)
        if isinstance(value, str) and spec.kind in _TEXT_KINDS:
            stripped = value.strip()
            changes[spec.name] = stripped if stripped or spec.required else None
    return replace(entity, **changes)


_TEXT_KINDS = frozenset({Kind.TEXT, Kind.EMAIL, Kind.USERNAME, Kind.CLIENT_NUMBER})


def to_json(entity: Any) -> dict[str, Any]:
    """An entity as interchange JSON, in field order (dates ISO, tuples as lists)."""
    out: dict[str, Any] = {}
    for f in fields(entity):
        value = getattr(entity, f.name)
        if f.name.startswith("participants_by_"):
            value = dict(value)
        elif isinstance(value, datetime):
            value = value.strftime("%Y-%m-%dT%H:%M")
        elif isinstance(value, date):
            value = value.isoformat()
        elif isinstance(value, (tuple, frozenset)):
            value = list(value)
        out[f.name] = value
    return out
