"""Taking over clients from a spreadsheet (``import-sheet`` and the assistant in the client).

Rows become an interchange document that the interchange parser validates and the
interchange import stores: one import path, one set of rules. Every problem carries its cell
reference; nothing is imported while one remains.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from jmd_desk.domain.clock import Clock
from jmd_desk.domain.codes import Role
from jmd_desk.domain.errors import AuthError, FieldError, JmdError, ValidationError
from jmd_desk.domain.interchange import Document, parse_raw
from jmd_desk.domain.sheet_import import (
    CLIENT_SPECS,
    HEADER_SYNONYMS,
    VALUE_KINDS,
    SheetData,
    SheetMapping,
    automatic_value,
    cell_items,
    cell_of,
    is_blank,
    parse_mapping,
    sheet_document,
)
from jmd_desk.services import server_cases
from jmd_desk.services.files import read_file, write_file
from jmd_desk.services.interchange import ImportSummary, office_districts, store_document
from jmd_desk.services.session import UserSession
from jmd_desk.services.sheet_files import read_sheet
from jmd_desk.store.keyfile import KdfPolicy
from jmd_desk.texts.labels import field_label

MAX_MAPPING_BYTES = 1024 * 1024
MAX_DISTINCT_VALUES = 200


@dataclass(frozen=True)
class SheetCheck:
    """What an import of a sheet would do: the clients it holds and every problem by cell."""

    sheet: SheetData
    clients: int
    problems: tuple[FieldError, ...]
    document: Document | None


def load_mapping(path: Path, today: date) -> SheetMapping:
    """Read a mapping file (DESIGN §6)."""
    data = read_file(path)
    if len(data) > MAX_MAPPING_BYTES:
        raise JmdError("mapping_too_large")
    return parse_mapping(data, today)


def save_mapping(path: Path, mapping: SheetMapping) -> None:
    """Write the mapping file for next time."""
    write_file(path, mapping.to_json())


def check_sheet(
    sheet: SheetData, mapping: SheetMapping, today: date, districts: frozenset[str] = frozenset()
) -> SheetCheck:
    """Convert and validate every row; the document only if no problem was found."""
    converted, problems = sheet_document(sheet, mapping)
    if not converted.raw:
        return SheetCheck(sheet, 0, tuple(problems), None)
    document = None
    try:
        document = parse_raw(converted.raw, today, districts)
    except ValidationError as exc:
        # A cell that could not be converted is absent for the parser: report it once.
        unreadable = {p.path for p in problems}
        problems += [e for e in (cell_of(converted, e) for e in exc.errors) if e.path not in unreadable]
    clients = len(converted.rows)
    return SheetCheck(sheet, clients, tuple(problems), None if problems else document)


def check_for(session: UserSession, sheet: SheetData, mapping: SheetMapping) -> SheetCheck:
    """``check_sheet`` against the office's districts and today's date, for the assistant."""
    return check_sheet(sheet, mapping, session.clock.today(), office_districts(session))


def may_import(session: UserSession) -> bool:
    """Whether the user may take over clients (counsellors and admins)."""
    return session.user.has(Role.COUNSELLOR) or session.user.has(Role.ADMIN)


def may_import_for_others(session: UserSession) -> bool:
    """Whether the user may import clients for another counsellor (admins)."""
    return session.user.has(Role.ADMIN)


def import_sheet(
    session: UserSession, path: Path, mapping: SheetMapping, counsellor: str | None = None
) -> ImportSummary:
    """Import every client of the sheet, all or nothing (counsellor or admin)."""
    session.require(Role.COUNSELLOR, Role.ADMIN)
    _check_counsellor(session, counsellor)
    check = check_for(session, read_sheet(path, mapping.sheet), mapping)
    if check.problems or check.document is None:
        raise ValidationError(check.problems or [FieldError("$", "sheet_without_clients")])
    try:
        return store_document(session, check.document, counsellor)
    except ValidationError as exc:  # client numbers already taken in the store
        converted, _ = sheet_document(check.sheet, mapping)
        raise ValidationError([cell_of(converted, e) for e in exc.errors]) from None


def import_sheet_to_server(
    profile_path: Path,
    username: str,
    password: str,
    path: Path,
    mapping: SheetMapping,
    counsellor: str | None = None,
    *,
    clock: Clock,
    policy: KdfPolicy,
) -> ImportSummary:
    """On the office server a counsellor takes over clients for herself (fields sealed here)."""
    if counsellor not in (None, username):
        raise AuthError("not_permitted", roles=Role.COUNSELLOR.value)
    check = check_sheet(read_sheet(path, mapping.sheet), mapping, clock.today())
    if check.problems or check.document is None:
        raise ValidationError(check.problems or [FieldError("$", "sheet_without_clients")])
    try:
        return server_cases.import_own_document(
            profile_path, username, password, check.document, clock=clock, policy=policy
        )
    except ValidationError as exc:  # client numbers already taken on the server
        converted, _ = sheet_document(check.sheet, mapping)
        raise ValidationError([cell_of(converted, e) for e in exc.errors]) from None


def _check_counsellor(session: UserSession, counsellor: str | None) -> None:
    """The named counsellor exists; a counsellor who is no admin imports only for herself."""
    if counsellor is None:
        return
    if counsellor != session.username and not may_import_for_others(session):
        raise AuthError("not_permitted", roles=Role.ADMIN.value)
    with session.uow() as uow:
        user = uow.users.get(counsellor)
    if user is None or not user.active or not user.has(Role.COUNSELLOR):
        raise JmdError("not_a_counsellor", value=counsellor)


def distinct_values(sheet: SheetData, column: int) -> list[str]:
    """The different texts of a column (for mapping values in the assistant), bounded."""
    seen: dict[str, None] = {}
    for _, cells in sheet.rows:
        value: Any = cells[column] if column < len(cells) else None
        if not is_blank(value):
            seen.setdefault(" ".join(str(value).split()), None)
        if len(seen) >= MAX_DISTINCT_VALUES:
            break
    return list(seen)


def guess_columns(headers: tuple[str, ...], lang: str = "de") -> dict[str, str]:
    """A first mapping of headings to client fields, by field labels and usual headings."""
    known: dict[str, str] = dict(HEADER_SYNONYMS)
    for spec in CLIENT_SPECS.values():
        for language in ("de", "en"):
            known.setdefault(field_label(spec.name, language).casefold(), spec.name)
        known.setdefault(spec.name, spec.name)
    result: dict[str, str] = {}
    for header in headers:
        name = known.get(header.casefold())
        if header and name and name not in result.values():
            result[header] = name
    return result


@dataclass(frozen=True)
class ValueChoice:
    """A cell text of a coded column and the code it becomes automatically (None: unclear)."""

    field: str
    text: str
    automatic: str | None


def value_choices(sheet: SheetData, columns: dict[str, str]) -> list[ValueChoice]:
    """The texts of coded columns the assistant asks about (bounded per column)."""
    choices = []
    for header, name in columns.items():
        if CLIENT_SPECS[name].kind not in VALUE_KINDS or header not in sheet.headers:
            continue
        items: dict[str, None] = {}
        for text in distinct_values(sheet, sheet.headers.index(header)):
            items.update(dict.fromkeys(cell_items(name, text)))
        choices += [ValueChoice(name, t, automatic_value(name, t)) for t in list(items)[:MAX_DISTINCT_VALUES]]
    return choices
