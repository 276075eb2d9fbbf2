"""Conversion between domain entities and table rows.

Column names equal field names; tuples of codes are stored as comma-separated text.
"""

from __future__ import annotations

import typing
from collections.abc import Iterable
from dataclasses import fields
from typing import TYPE_CHECKING, Any, TypeVar, TypeVarTuple, cast

from sqlalchemy import Row

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

E = TypeVar("E", bound="DataclassInstance")
Ts = TypeVarTuple("Ts")


_TUPLE_FIELDS: dict[type, frozenset[str]] = {}


def _tuple_fields(cls: type) -> frozenset[str]:
    """The fields typed as tuples (stored as comma-separated text), worked out once per class."""
    found = _TUPLE_FIELDS.get(cls)
    if found is None:
        hints = typing.get_type_hints(cls)
        found = frozenset(name for name, hint in hints.items() if typing.get_origin(hint) is tuple)
        _TUPLE_FIELDS[cls] = found
    return found


def to_row(entity: Any) -> dict[str, Any]:
    """The entity's fields as column values; a record key not yet given is left to the
    column's default (a new random key)."""
    tuples = _tuple_fields(type(entity))
    row = {}
    for f in fields(entity):
        value = getattr(entity, f.name)
        if f.name == "record_key" and value is None:
            continue
        row[f.name] = ",".join(value) if f.name in tuples else value
    return row


def update_row(entity: Any) -> dict[str, Any]:
    """Column values for changing a stored record: its record key stays as created."""
    row = to_row(entity)
    row.pop("record_key", None)
    return row


def from_row(cls: type[E], row: Any) -> E:
    """Build an entity from a record or row that has a column per field."""
    tuples = _tuple_fields(cls)
    values = {}
    for f in fields(cls):
        value = getattr(row, f.name)
        if f.name in tuples:
            value = tuple(value.split(",")) if value else ()
        values[f.name] = value
    return cls(**values)


def plain_rows(result: Iterable[Row[*Ts]]) -> list[tuple[*Ts]]:
    """Result rows as plain tuples, typed like the select (lighter than Row objects to keep)."""
    return [cast("tuple[*Ts]", tuple(row)) for row in result]
