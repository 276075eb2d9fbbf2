"""Sealed fields under the ORM: the repositories work on plaintext, the server stores sealed text.

Only sessions on the office server get these hooks (``install``), so a local store is untouched.
Before a flush, new rows take their id from the sequence (the associated data names the row) and
every changed sensitive column is sealed; after the flush the objects get their plaintext back
without becoming dirty. Rows loaded or refreshed from the server are opened at once.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import event, inspect
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import set_committed_value

from jmd_desk.store.bulk import new_ids
from jmd_desk.store.schema import Base
from jmd_desk.store.server.fields import CIPHER_INFO, ENCRYPTED_COLUMNS, FieldCipher, field_cipher

_PLAINTEXT_INFO = "jmd_plaintext_after_flush"


def install(session: Session, cipher: FieldCipher) -> None:
    """Seal on write and open on read for this session only."""
    session.info[CIPHER_INFO] = cipher
    event.listen(session, "before_flush", _seal_pending)
    event.listen(session, "after_flush_postexec", _restore_plaintext)
    event.listen(session, "loaded_as_persistent", _open_loaded)


def _sealed_columns(obj: Any) -> tuple[str, ...]:
    return ENCRYPTED_COLUMNS.get(obj.__table__.name, ())


def _seal_pending(session: Session, _context: Any, _instances: Any) -> None:
    cipher = field_cipher(session)
    assert cipher is not None
    plaintext: list[tuple[Any, str, Any]] = session.info.setdefault(_PLAINTEXT_INFO, [])
    for obj in list(session.new):
        columns = _sealed_columns(obj)
        if columns and obj.id is None:
            obj.id = new_ids(session, type(obj), 1)[0]
        _seal(obj, columns, cipher, plaintext, changed_only=False)
    for obj in list(session.dirty):
        _seal(obj, _sealed_columns(obj), cipher, plaintext, changed_only=True)


def _seal(obj: Any, columns: tuple[str, ...], cipher: FieldCipher, plaintext: list, changed_only: bool) -> None:  # type: ignore[type-arg]
    if not columns:
        return
    attrs = inspect(obj).attrs
    table = obj.__table__.name
    for column in columns:
        if changed_only and not attrs[column].history.has_changes():
            continue
        value = getattr(obj, column)
        if value is None:
            continue
        plaintext.append((obj, column, value))
        setattr(obj, column, cipher.seal_any(table, column, obj.id, value))


def _restore_plaintext(session: Session, _context: Any) -> None:
    for obj, column, value in session.info.pop(_PLAINTEXT_INFO, []):
        set_committed_value(obj, column, value)


def _open_loaded(session: Session, obj: Any) -> None:
    cipher = field_cipher(session)
    if cipher is not None:
        _open(obj, cipher, _sealed_columns(obj))


def _open(obj: Any, cipher: FieldCipher, columns: Any) -> None:
    loaded = obj.__dict__
    table = obj.__table__.name
    for column in columns:
        value = loaded.get(column)
        if value is not None:
            set_committed_value(obj, column, cipher.open_any(table, column, obj.id, value))


@event.listens_for(Base, "refresh", propagate=True)
def _open_refreshed(obj: Any, context: Any, attrs: Any) -> None:
    """An expired or deferred attribute reloaded from the server is opened too."""
    cipher = field_cipher(context.session) if context.session is not None else None
    if cipher is not None:
        columns = _sealed_columns(obj)
        _open(obj, cipher, [c for c in columns if attrs is None or c in attrs])
