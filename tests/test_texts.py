"""Every error code raised anywhere and every code of DESIGN §4 has a German and an English text.

The codes are collected from the source (like the layer test), so a new ``raise StoreError("x")``
or ``FieldError(path, "y")`` without a message fails here, not in front of a counsellor.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from jmd_desk.domain import codes, entities
from jmd_desk.domain.errors import FieldError, JmdError, StoreError
from jmd_desk.texts import iso_codes, labels
from jmd_desk.texts.messages import FIELD_MESSAGES, MESSAGES, field_message, message

PACKAGE = Path(__file__).resolve().parents[1] / "jmd_desk"
JMD_ERRORS = {"JmdError", "StoreError", "AuthError"}

# DESIGN §4 code lists -> the label list that names them.
CODE_LISTS = {
    "gender": codes.GENDERS,
    "residence_status": codes.RESIDENCE_STATUSES,
    "german_level": codes.GERMAN_LEVELS,
    "case_type": codes.CASE_TYPES,
    "closure_reason": codes.CLOSURE_REASONS,
    "destination": codes.DESTINATIONS,
    "area": codes.AREAS,
    "goal_status": codes.GOAL_STATUSES,
    "mode": codes.CONTACT_MODES,
    "participants": codes.PARTICIPANTS,
    "partner_type": codes.PARTNER_TYPES,
    "phase": codes.CASE_PHASES,
    "responsible": codes.RESPONSIBLES,
    "appointment_status": codes.APPOINTMENT_STATUSES,
    "group_kind": codes.GROUP_KINDS,
    "document_kind": codes.DOCUMENT_KINDS,
    "progress_field": codes.PROGRESS_FIELDS,
    "referral_status": codes.REFERRAL_STATUSES,
    "scope": codes.CONSENT_SCOPES,
    "given_by": codes.CONSENT_GIVERS,
    "school_qualification": codes.SCHOOL_QUALIFICATIONS,
    "age_group": codes.AGE_GROUP_CODES,
    "duration_band": codes.DURATION_BANDS,
    "role": tuple(role.value for role in codes.Role),
}


def _name(func: ast.expr) -> str:
    return func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""


def _constant(node: ast.expr | None) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _code_argument(call: ast.Call, position: int) -> str | None:
    for keyword in call.keywords:
        if keyword.arg == "code":
            return _constant(keyword.value)
    return _constant(call.args[position]) if len(call.args) > position else None


def raised_codes() -> tuple[set[str], set[str]]:
    """(error codes, field-error codes) written as literals in the package's source."""
    errors: set[str] = set()
    fields: set[str] = set()
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = _name(node.func)
            if name in JMD_ERRORS and (code := _code_argument(node, 0)):
                errors.add(code)
            elif name == "FieldError" and (code := _code_argument(node, 1)):
                fields.add(code)
    return errors, fields


ERROR_CODES, FIELD_CODES = raised_codes()


def _complete(pair: tuple[str, str] | None) -> bool:
    return pair is not None and len(pair) == 2 and all(isinstance(t, str) and t.strip() for t in pair)


def test_the_source_scan_finds_codes() -> None:
    assert {"store_not_found", "not_permitted"} <= ERROR_CODES
    assert {"required", "unknown_code"} <= FIELD_CODES


@pytest.mark.parametrize("code", sorted(ERROR_CODES))
def test_every_raised_error_code_has_german_and_english(code: str) -> None:
    assert _complete(MESSAGES.get(code)), code
    de, en = message(JmdError(code), "de"), message(StoreError(code), "en")
    assert de != code and en != code


@pytest.mark.parametrize("code", sorted(FIELD_CODES))
def test_every_field_error_code_has_german_and_english(code: str) -> None:
    assert _complete(FIELD_MESSAGES.get(code)), code
    assert field_message(FieldError("x", code), "en") != code


@pytest.mark.parametrize("field", sorted(CODE_LISTS))
def test_every_design_code_has_german_and_english_label(field: str) -> None:
    for code in CODE_LISTS[field]:
        de, en = labels.code_label(field, code, "de"), labels.code_label(field, code, "en")
        assert (de and en and de != code) or code in ("A1", "A2", "B1", "B2", "C1", "C2"), (field, code)
        assert en, (field, code)


def test_every_country_and_language_has_both_names() -> None:
    assert all(_complete(pair) for pair in iso_codes.COUNTRIES.values())
    assert all(_complete(pair) for pair in iso_codes.LANGUAGES.values())
    assert labels.code_label("country_of_birth", "DE", "de") == "Deutschland"
    assert labels.code_label("languages", "ar", "en") == "Arabic"


def test_every_field_of_design_4_has_a_label() -> None:
    for cls in (entities.Client, entities.Case, entities.Goal, entities.Contact, entities.Referral):
        for name in cls.__dataclass_fields__:
            if name != "record_key":
                assert _complete(labels.FIELD_LABELS.get(name)), (cls.__name__, name)


def test_the_texts_package_imports_nothing_of_the_program() -> None:
    for path in (PACKAGE / "texts").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("jmd_desk."):
                assert node.module.startswith("jmd_desk.texts"), (path.name, node.module)
