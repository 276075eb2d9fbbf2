"""Spreadsheet import (DESIGN §6): the mapping file and turning rows into interchange clients.

A row becomes the same JSON object an interchange file holds, so that the interchange parser
validates it; every problem is reported by its cell reference (``D312``). Stdlib only: the
file readers hand over plain cell values (text, numbers, dates, booleans or None).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from jmd_desk.domain import codes
from jmd_desk.domain.errors import FieldError, ValidationError
from jmd_desk.domain.fields import CASE_FIELDS, CLIENT_FIELDS, FieldSpec, Kind, check_value, parse_date
from jmd_desk.domain.interchange import FORMAT as INTERCHANGE_FORMAT
from jmd_desk.domain.interchange import VERSION as INTERCHANGE_VERSION
from jmd_desk.domain.interchange import load_json
from jmd_desk.domain.place_names import country_code, language_code

MAPPING_FORMAT = "jmd-desk-sheet-mapping"
MAPPING_VERSION = 1
MAPPING_KEYS = ("format", "version", "sheet", "columns", "values", "case")
MAX_HEADER_LEN = 200
MAX_VALUE_ENTRIES = 5000
# The client fields a column can fill (the statistics record key is the program's own).
CLIENT_SPECS: dict[str, FieldSpec] = {s.name: s for s in CLIENT_FIELDS if s.name != "record_key"}
REQUIRED_FIELDS = tuple(s.name for s in CLIENT_FIELDS if s.required)
CASE_TYPE_SPEC = next(s for s in CASE_FIELDS if s.name == "case_type")
# Excel's day 0 (the 1900 system, including Lotus' phantom 29 February 1900).
EXCEL_EPOCH = date(1899, 12, 30)
EXCEL_MAX_SERIAL = 2_958_465  # 31.12.9999
GERMAN_DATE_RE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")
# A date cell turned into text by another program may carry a midnight time: "03.04.2008 00:00".
MIDNIGHT_RE = re.compile(r"[ T]00:00(:00)?$")
LIST_SPLIT_RE = re.compile(r"\s*(?:[,;/+]|\bund\b|\band\b)\s*", re.IGNORECASE)
TRUE_WORDS = frozenset({"ja", "j", "x", "yes", "y", "true", "wahr", "1"})
FALSE_WORDS = frozenset({"nein", "n", "no", "false", "falsch", "0"})
# Usual German spellings that need no entry in ``values``.
BUILT_IN_VALUES: dict[str, dict[str, str]] = {
    "gender": {
        "weiblich": "female", "w": "female", "f": "female", "frau": "female",
        "männlich": "male", "m": "male", "mann": "male",
        "divers": "diverse", "d": "diverse",
        "keine angabe": codes.UNKNOWN, "k. a.": codes.UNKNOWN, "k.a.": codes.UNKNOWN, "unbekannt": codes.UNKNOWN,
    },
    "german_level": {"keine": "none", "keine kenntnisse": "none"},
}  # fmt: skip


@dataclass(frozen=True)
class CaseRule:
    """How the case of every imported client is opened."""

    case_type: str
    opened_on: date | None = None
    opened_on_column: str | None = None


@dataclass(frozen=True)
class SheetMapping:
    """The mapping file of DESIGN §6."""

    sheet: str | None = None
    columns: Mapping[str, str] = field(default_factory=dict)
    values: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    case: CaseRule | None = None

    def to_json(self) -> bytes:
        """The mapping file as written by the assistant (UTF-8 JSON)."""
        case: dict[str, Any] | None = None
        if self.case is not None:
            opened: Any = (
                {"column": self.case.opened_on_column}
                if self.case.opened_on_column
                else (self.case.opened_on.isoformat() if self.case.opened_on else None)
            )
            case = {"case_type": self.case.case_type, "opened_on": opened}
        document = {
            "format": MAPPING_FORMAT,
            "version": MAPPING_VERSION,
            "sheet": self.sheet,
            "columns": dict(self.columns),
            "values": {f: dict(v) for f, v in self.values.items()},
            "case": case,
        }
        return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


@dataclass(frozen=True)
class SheetData:
    """The cells of one sheet: the header row and the data rows with their row numbers."""

    headers: tuple[str, ...]
    rows: tuple[tuple[int, tuple[Any, ...]], ...]


# ------------------------------------------------------------------ the mapping file
def parse_mapping(data: bytes, today: date) -> SheetMapping:
    """Read and check a mapping file; ValidationError with JSON paths on any problem."""
    raw = load_json(data)
    errors: list[FieldError] = []
    if not isinstance(raw, dict):
        raise ValidationError([FieldError("$", "not_an_object")])
    errors += [FieldError(f"$.{k}", "unknown_field") for k in raw if k not in MAPPING_KEYS]
    if raw.get("format") != MAPPING_FORMAT:
        errors.append(FieldError("$.format", "wrong_format", {"expected": MAPPING_FORMAT}))
    if raw.get("version") != MAPPING_VERSION:
        errors.append(FieldError("$.version", "unsupported_version", {"value": raw.get("version")}))
    sheet = raw.get("sheet")
    if sheet is not None and not isinstance(sheet, str):
        errors.append(FieldError("$.sheet", "not_text"))
    columns = _mapping_columns(raw.get("columns"), errors)
    values = _mapping_values(raw.get("values", {}), errors)
    case = _mapping_case(raw.get("case"), today, errors)
    if errors:
        raise ValidationError(errors)
    return SheetMapping(sheet, columns, values, case)


def _mapping_columns(raw: Any, errors: list[FieldError]) -> dict[str, str]:
    if not isinstance(raw, dict):
        errors.append(FieldError("$.columns", "not_an_object" if raw is not None else "required"))
        return {}
    columns: dict[str, str] = {}
    for header, name in raw.items():
        path = f"$.columns[{json.dumps(header, ensure_ascii=False)}]"
        if not header.strip() or len(header) > MAX_HEADER_LEN:
            errors.append(FieldError(path, "bad_header"))
        elif name not in CLIENT_SPECS:
            errors.append(FieldError(path, "unknown_client_field", {"value": name}))
        elif name in columns.values():
            errors.append(FieldError(path, "field_mapped_twice", {"value": name}))
        else:
            columns[" ".join(header.split())] = name
    for name in REQUIRED_FIELDS:
        if name not in columns.values():
            errors.append(FieldError("$.columns", "field_not_mapped", {"value": name}))
    return columns


def _mapping_values(raw: Any, errors: list[FieldError]) -> dict[str, dict[str, str]]:
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        errors.append(FieldError("$.values", "not_an_object"))
        return {}
    values: dict[str, dict[str, str]] = {}
    for name, table in raw.items():
        path = f"$.values.{name}"
        spec = CLIENT_SPECS.get(name)
        if spec is None:
            errors.append(FieldError(path, "unknown_client_field", {"value": name}))
            continue
        if not isinstance(table, dict) or len(table) > MAX_VALUE_ENTRIES:
            errors.append(FieldError(path, "not_an_object"))
            continue
        values[name] = {}
        for text, code in table.items():
            where = f"{path}[{json.dumps(text, ensure_ascii=False)}]"
            errors += [FieldError(where, p.code, p.params) for p in _check_mapped_code(spec, code)]
            values[name][value_key(text)] = code
    return values


def _check_mapped_code(spec: FieldSpec, code: Any) -> list[FieldError]:
    if not isinstance(code, str):
        return [FieldError(spec.name, "not_text")]
    if spec.kind in (Kind.COUNTRIES, Kind.LANGUAGES):  # one item of a list
        single = FieldSpec(spec.name, spec.kind, codes=spec.codes)
        return check_value(single, (code,), date.max)
    if spec.kind in (Kind.CODE, Kind.COUNTRY):
        return check_value(spec, code, date.max)
    return []


def _mapping_case(raw: Any, today: date, errors: list[FieldError]) -> CaseRule | None:
    if raw is None:
        return None
    if not isinstance(raw, dict):
        errors.append(FieldError("$.case", "not_an_object"))
        return None
    errors += [FieldError(f"$.case.{k}", "unknown_field") for k in raw if k not in ("case_type", "opened_on")]
    raw_type = raw.get("case_type")
    errors += [e.at("$.case") for e in check_value(CASE_TYPE_SPEC, raw_type, today)]
    case_type = raw_type if isinstance(raw_type, str) else ""  # not a text: the error is recorded
    opened = raw.get("opened_on")
    if isinstance(opened, dict) and set(opened) == {"column"} and isinstance(opened["column"], str):
        return CaseRule(case_type, opened_on_column=" ".join(opened["column"].split()))
    on = parse_date(opened)
    if on is None:
        errors.append(FieldError("$.case.opened_on", "bad_date", {"value": str(opened)[:40]}))
    elif on > today:
        errors.append(FieldError("$.case.opened_on", "date_in_future"))
    return CaseRule(case_type, opened_on=on)


def value_key(text: str) -> str:
    """How cell texts are compared with the mapping's ``values``: spaces and case ignored."""
    return " ".join(str(text).split()).casefold()


# ------------------------------------------------------------------ cells
def cell_ref(column: int, row: int) -> str:
    """Spreadsheet reference of a cell: column 0 and row 312 → ``A312``."""
    letters = ""
    column += 1
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return f"{letters}{row}"


def is_blank(value: Any) -> bool:
    """An empty cell (None or only spaces)."""
    return value is None or (isinstance(value, str) and not value.strip())


def _text(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return str(value).strip()


def cell_date(value: Any) -> date | None:
    """A date from an Excel date, an Excel serial number, ``TT.MM.JJJJ`` or ``JJJJ-MM-TT``."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        in_range = 1 <= value <= EXCEL_MAX_SERIAL
        return EXCEL_EPOCH + timedelta(days=int(value)) if in_range else None
    text = MIDNIGHT_RE.sub("", str(value).strip())
    match = GERMAN_DATE_RE.match(text)
    if not match:
        return parse_date(text)
    day, month, year = (int(g) for g in match.groups())
    try:
        return date(year, month, day)
    except ValueError:
        return None


class _Converter:
    """Turns one cell into the JSON value of its client field, or records a problem."""

    def __init__(self, values: Mapping[str, Mapping[str, str]]) -> None:
        self.values = values

    def mapped(self, name: str, text: str) -> str | None:
        key = value_key(text)
        own = self.values.get(name, {})
        if key in own:
            return own[key]
        return BUILT_IN_VALUES.get(name, {}).get(key)

    def convert(self, spec: FieldSpec, value: Any) -> tuple[Any, FieldError | None]:
        text = _text(value)
        mapped = self.mapped(spec.name, text)
        if spec.kind in (Kind.COUNTRIES, Kind.LANGUAGES):
            return self._list(spec, text, mapped)
        if mapped is not None and spec.kind == Kind.BOOL and mapped in ("true", "false"):
            return mapped == "true", None
        if mapped is not None:
            return mapped, None
        return _CONVERTERS[spec.kind](spec, value, text)

    def _list(self, spec: FieldSpec, text: str, mapped: str | None) -> tuple[Any, FieldError | None]:
        if mapped is not None:
            return [mapped], None
        lookup = country_code if spec.kind == Kind.COUNTRIES else language_code
        result = []
        for item in (i for i in LIST_SPLIT_RE.split(text) if i):
            code = self.mapped(spec.name, item) or lookup(item)
            if code is None:
                problem = "unknown_country" if spec.kind == Kind.COUNTRIES else "unknown_language"
                return None, FieldError(spec.name, problem, {"value": item[:60]})
            result.append(code)
        return result, None


def _as_text(spec: FieldSpec, value: Any, text: str) -> tuple[Any, FieldError | None]:
    return text, None


def _as_date(spec: FieldSpec, value: Any, text: str) -> tuple[Any, FieldError | None]:
    parsed = cell_date(value)
    if parsed is None:
        return None, FieldError(spec.name, "bad_sheet_date", {"value": text[:40]})
    return parsed.isoformat(), None


def _as_bool(spec: FieldSpec, value: Any, text: str) -> tuple[Any, FieldError | None]:
    if isinstance(value, bool):
        return value, None
    word = text.casefold()
    if word in TRUE_WORDS or word in FALSE_WORDS:
        return word in TRUE_WORDS, None
    return None, FieldError(spec.name, "bad_sheet_bool", {"value": text[:40]})


def _as_code(spec: FieldSpec, value: Any, text: str) -> tuple[Any, FieldError | None]:
    by_case = {c.casefold(): c for c in spec.codes}
    return by_case.get(text.casefold(), text), None


def _as_country(spec: FieldSpec, value: Any, text: str) -> tuple[Any, FieldError | None]:
    return country_code(text) or text, None


_CONVERTERS: dict[Kind, Callable[[FieldSpec, Any, str], tuple[Any, FieldError | None]]] = {
    Kind.TEXT: _as_text,
    Kind.EMAIL: _as_text,
    Kind.USERNAME: _as_text,
    Kind.CLIENT_NUMBER: _as_text,
    Kind.DATE: _as_date,
    Kind.BOOL: _as_bool,
    Kind.CODE: _as_code,
    Kind.COUNTRY: _as_country,
}


# ------------------------------------------------------------------ rows → interchange
@dataclass(frozen=True)
class SheetDocument:
    """The interchange document made of a sheet, with where each client came from."""

    raw: dict[str, Any]
    rows: tuple[int, ...]  # sheet row number of every client, in order
    field_columns: Mapping[str, int]  # client field → column index
    opened_on_column: int | None


def column_positions(sheet: SheetData, mapping: SheetMapping) -> tuple[dict[str, int], list[FieldError]]:
    """Column index of every mapped header; errors for headers the sheet lacks or has twice."""
    positions: dict[str, int] = {}
    errors = []
    wanted = set(mapping.columns)
    if mapping.case is not None and mapping.case.opened_on_column:
        wanted.add(mapping.case.opened_on_column)
    for header in sorted(wanted):
        found = [i for i, h in enumerate(sheet.headers) if h == header]
        if not found:  # "Geburtsdatum" in the mapping finds "GEBURTSDATUM" in the sheet
            found = [i for i, h in enumerate(sheet.headers) if h.casefold() == header.casefold()]
        if not found:
            errors.append(FieldError(f"$.columns[{json.dumps(header, ensure_ascii=False)}]", "column_not_in_sheet"))
        elif len(found) > 1:
            errors.append(FieldError(cell_ref(found[1], 1), "duplicate_header", {"value": header}))
        else:
            positions[header] = found[0]
    return positions, errors


def sheet_document(sheet: SheetData, mapping: SheetMapping) -> tuple[SheetDocument, list[FieldError]]:
    """The interchange document of a sheet and every problem found while converting cells."""
    positions, errors = column_positions(sheet, mapping)
    if errors:
        return SheetDocument({}, (), {}, None), errors
    field_columns = {name: positions[header] for header, name in mapping.columns.items()}
    case = mapping.case
    opened_column = positions[case.opened_on_column] if case and case.opened_on_column else None
    converter = _Converter(mapping.values)
    clients, rows = [], []
    for number, cells in sheet.rows:
        used = [*field_columns.values(), *([opened_column] if opened_column is not None else [])]
        if all(is_blank(_cell(cells, i)) for i in used):
            continue  # empty rows are skipped
        client = _row_client(number, cells, field_columns, converter, errors)
        if case is not None:
            client["cases"] = [_row_case(number, cells, case, opened_column, errors)]
        clients.append(client)
        rows.append(number)
    raw = {"format": INTERCHANGE_FORMAT, "version": INTERCHANGE_VERSION, "partners": [], "clients": clients}
    return SheetDocument(raw, tuple(rows), field_columns, opened_column), errors


def _cell(cells: Sequence[Any], index: int) -> Any:
    return cells[index] if index < len(cells) else None


def _row_client(
    number: int, cells: Sequence[Any], field_columns: Mapping[str, int], converter: _Converter, errors: list[FieldError]
) -> dict[str, Any]:
    client: dict[str, Any] = {"ref": f"row-{number}"}
    for name, column in field_columns.items():
        value = _cell(cells, column)
        if is_blank(value):
            continue
        converted, problem = converter.convert(CLIENT_SPECS[name], value)
        if problem is not None:
            errors.append(FieldError(cell_ref(column, number), problem.code, problem.params))
        else:
            client[name] = converted
    return client


def _row_case(
    number: int, cells: Sequence[Any], case: CaseRule, opened_column: int | None, errors: list[FieldError]
) -> dict[str, Any]:
    opened = case.opened_on
    if opened_column is not None:
        value = _cell(cells, opened_column)
        opened = None if is_blank(value) else cell_date(value)
        if opened is None and not is_blank(value):
            ref = cell_ref(opened_column, number)
            errors.append(FieldError(ref, "bad_sheet_date", {"value": _text(value)[:40]}))
    opened_text = opened.isoformat() if opened else None
    return {"ref": f"row-{number}-case", "case_type": case.case_type, "opened_on": opened_text}


_CLIENT_PATH_RE = re.compile(r"^\$\.clients\[(\d+)\](?:\.(cases\[\d+\]\.)?([a-z_]+))?")


def cell_of(document: SheetDocument, error: FieldError) -> FieldError:
    """An interchange error (``$.clients[4].gender``) moved to its cell (``D7``)."""
    match = _CLIENT_PATH_RE.match(error.path)
    if not match or int(match.group(1)) >= len(document.rows):
        return error
    row = document.rows[int(match.group(1))]
    in_case, name = match.group(2), match.group(3)
    column = document.opened_on_column if in_case and name == "opened_on" else None
    if not in_case:
        column = document.field_columns.get(name or "")
    if column is not None:
        return FieldError(cell_ref(column, row), error.code, error.params)
    where = f"case.{name}" if in_case else (name or "")
    return FieldError(f"{row}/{where}" if where else str(row), error.code, error.params)


# ------------------------------------------------------------------ for the assistant
# Headings offices use, besides the field labels: heading (case ignored) → field.
HEADER_SYNONYMS: dict[str, str] = {
    "name": "last_name",
    "familienname": "last_name",
    "nachname": "last_name",
    "vorname": "first_name",
    "geb.-datum": "date_of_birth",
    "geburtstag": "date_of_birth",
    "geboren": "date_of_birth",
    "geschlecht": "gender",
    "staatsangehörigkeit": "nationalities",
    "nationalität": "nationalities",
    "herkunftsland": "country_of_birth",
    "geburtsland": "country_of_birth",
    "sprache": "languages",
    "sprachen": "languages",
    "muttersprache": "languages",
    "einreise": "arrival_date",
    "einreisedatum": "arrival_date",
    "aufenthaltsstatus": "residence_status",
    "deutschkenntnisse": "german_level",
    "sprachniveau": "german_level",
    "telefon": "phone",
    "handy": "phone",
    "e-mail": "email",
    "email": "email",
    "adresse": "address",
    "anschrift": "address",
    "vormund": "guardian",
    "umf": "unaccompanied_minor",
}
VALUE_KINDS = (Kind.CODE, Kind.COUNTRY, Kind.COUNTRIES, Kind.LANGUAGES)


def automatic_value(name: str, text: str, values: Mapping[str, Mapping[str, str]] | None = None) -> str | None:
    """The code a cell text becomes without (or with) the mapping's ``values``, else None.
    List fields are asked per item."""
    spec = CLIENT_SPECS[name]
    converter = _Converter(values or {})
    mapped = converter.mapped(name, text)
    if mapped is not None:
        return mapped
    if spec.kind in (Kind.COUNTRY, Kind.COUNTRIES):
        return country_code(text)
    if spec.kind == Kind.LANGUAGES:
        return language_code(text)
    if spec.kind == Kind.CODE:
        by_case = {c.casefold(): c for c in spec.codes}
        return by_case.get(text.strip().casefold())
    return None


def cell_items(name: str, text: str) -> list[str]:
    """The items of a cell as the import splits them (one item for single-value fields)."""
    if CLIENT_SPECS[name].kind in (Kind.COUNTRIES, Kind.LANGUAGES):
        return [i for i in LIST_SPLIT_RE.split(text.strip()) if i]
    return [" ".join(text.split())]
