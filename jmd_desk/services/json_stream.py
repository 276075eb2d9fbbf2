"""Reading an interchange file as a stream (ijson), so that memory does not grow with the file
(DESIGN §6): one pass reads everything but the clients and notes what numbering needs, a second
pass hands over the clients one at a time.

Every pass checks UTF-8 and nesting depth before the parser sees a byte, and the parser's errors
become the same ``$`` errors as a whole-file read (``not_utf8``, ``malformed_json``), without
quoting the file's content.
"""

from __future__ import annotations

import codecs
import contextlib
import io
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from types import ModuleType
from typing import Any, BinaryIO

import ijson

from jmd_desk.domain.errors import FieldError, JmdError, ValidationError
from jmd_desk.domain.interchange import JsonObject, load_json

# A valid document nests 7 deep; anything much deeper is a hostile file, refused early.
MAX_DEPTH = 64
BUFFER_BYTES = 64 * 1024
# Up to this size a broken file is decoded once more to say where it breaks.
POSITION_LIMIT_BYTES = 16 * 1024 * 1024
BOM = codecs.BOM_UTF8
FAST = ijson  # the C backend (yajl2_c) when the wheel has it
# Numbers beyond 64 bits (which yajl refuses) are valid JSON: the pure-Python parser reads them.
EXACT: ModuleType = ijson.get_backend("python")

Events = Iterator[tuple[str, Any]]


class _ExactParserNeededError(Exception):
    """The fast parser cannot read a number of the file; read it again with the exact one."""


@dataclass(frozen=True)
class JsonSource:
    """An interchange file given as bytes or by its path; every pass reads it afresh."""

    data: bytes | None = None
    path: Path | None = None

    @contextmanager
    def open(self) -> Iterator[BinaryIO]:
        if self.data is not None:
            yield io.BytesIO(self.data)
            return
        assert self.path is not None
        try:
            stream = self.path.open("rb")
        except FileNotFoundError:
            raise JmdError("file_not_found", path=str(self.path)) from None
        except OSError as exc:
            raise JmdError("file_unreadable", path=str(self.path), reason=exc.strerror) from None
        with stream:
            yield stream


class _Utf8Checked:
    """A binary stream that refuses bytes which are not UTF-8 and drops a leading BOM."""

    def __init__(self, raw: BinaryIO) -> None:
        self.raw = raw
        self.decoder = codecs.getincrementaldecoder("utf-8")()
        self.offset = 0
        self.started = False

    def read(self, size: int = -1) -> bytes:
        if size == 0:  # the parser's probe whether the stream gives bytes
            return b""
        chunk = self.raw.read(size)
        if not self.started and chunk:
            self.started = True
            if chunk.startswith(BOM):
                chunk, self.offset = chunk[len(BOM) :], len(BOM)
        pending = len(self.decoder.getstate()[0])
        try:
            self.decoder.decode(chunk, final=not chunk)
        except UnicodeDecodeError as exc:
            offset = self.offset - pending + exc.start
            raise ValidationError([FieldError("$", "not_utf8", {"offset": offset})]) from None
        self.offset += len(chunk)
        return chunk


def _malformed(reason: str) -> ValidationError:
    return ValidationError([FieldError("$", "malformed_json", {"reason": reason})])


def _reason(exc: ijson.JSONError) -> str:
    """The parser's first line (the following ones quote the file, which may hold names)."""
    text = exc.args[0] if exc.args else ""
    if isinstance(text, bytes):
        text = text.decode("utf-8", "replace")
    return str(text).strip().splitlines()[0] if str(text).strip() else "invalid JSON"


@contextmanager
def _parse_errors(source: JsonSource, backend: ModuleType) -> Iterator[None]:
    """The parser's errors as a ``$`` error (or a retry with the exact parser)."""
    try:
        yield
    except ijson.JSONError as exc:
        reason = _reason(exc)
        if backend is not EXACT and "overflow" in reason:
            raise _ExactParserNeededError from None
        raise _with_position(source) or _malformed(reason) from None


def _with_position(source: JsonSource) -> ValidationError | None:
    """For a file of modest size, the standard decoder's error with line and column (the
    streaming parser does not tell where it stopped)."""
    data = source.data
    if data is None:
        assert source.path is not None
        with contextlib.suppress(OSError), source.path.open("rb") as stream:
            data = stream.read(POSITION_LIMIT_BYTES + 1)
    if data is None or len(data) > POSITION_LIMIT_BYTES:
        return None
    try:
        load_json(data)
    except ValidationError as exc:
        return exc
    return None


def _too_deep(depth: int) -> None:
    if depth > MAX_DEPTH:
        raise _malformed("nested too deeply")


# ------------------------------------------------------------------- pass 1
@dataclass
class Header:
    """The document without its clients (``clients`` is ``[]`` when it is a list), and what the
    numbering needs to know in advance: the numbers the file gives, and for each client without
    one the year of its first case (None: no readable date)."""

    raw: Any
    backend: ModuleType
    given_numbers: set[str] = field(default_factory=set)
    years_to_number: set[int | None] = field(default_factory=set)
    repeated_keys: bool = False  # some object in the clients gives a key twice


def read_header(source: JsonSource) -> Header:
    """Read everything but the clients, checking the whole file's syntax and depth."""
    try:
        return _read_header(source, FAST)
    except _ExactParserNeededError:
        return _read_header(source, EXACT)


def _read_header(source: JsonSource, backend: ModuleType) -> Header:
    header = Header(raw=None, backend=backend)
    with source.open() as stream, _parse_errors(source, backend):
        events: Events = backend.basic_parse(_Utf8Checked(stream), use_float=True, buf_size=BUFFER_BYTES)
        event, value = next(events, ("end", None))
        if event == "end":
            raise _malformed("premature EOF")
        if event == "start_map":
            header.raw = _top_level(events, header)
        else:  # not an object: the reader says so, once the syntax is known to be sound
            _skip(events, event, 1)
            header.raw = [] if event == "start_array" else value
        for _ in events:  # the parser reports trailing garbage
            pass
    return header


def _top_level(events: Events, header: Header) -> JsonObject:
    raw = JsonObject()
    for marker, key in events:
        if marker == "end_map":
            break
        event, value = next(events)
        if key == "clients" and event == "start_array":
            raw[key] = []
            _scan_clients(events, header)
        elif key == "clients" and event == "start_map":
            _skip(events, event, 2)  # not a list: the reader reports it; its content is not needed
            raw[key] = JsonObject()
        else:
            raw[key] = _build(events, event, value, 2)
    return raw


def _build(events: Events, event: str, value: Any, depth: int) -> Any:
    """The value that starts with ``event`` (objects as ``JsonObject``)."""
    if event == "start_map":
        _too_deep(depth)
        obj = JsonObject()
        for marker, key in events:
            if marker == "end_map":
                return obj
            inner, inner_value = next(events)
            obj[key] = _build(events, inner, inner_value, depth + 1)
    if event == "start_array":
        _too_deep(depth)
        items: list[Any] = []
        for inner, inner_value in events:
            if inner == "end_array":
                return items
            items.append(_build(events, inner, inner_value, depth + 1))
    return value


def _skip(events: Events, event: str, depth: int) -> None:
    """Read past the value that starts with ``event`` without keeping it."""
    if event not in ("start_map", "start_array"):
        return
    _too_deep(depth)
    level = 1
    for inner, _ in events:
        if inner in ("start_map", "start_array"):
            level += 1
            _too_deep(depth + level - 1)
        elif inner in ("end_map", "end_array"):
            level -= 1
            if level == 0:
                return


def _scan_clients(events: Events, header: Header) -> None:
    """Read past the clients (the list is open), noting numbers given, first case years and
    whether any object in them repeats a key."""
    level = 0  # containers open inside the list: 1 = a client, 3 = one of its cases
    keys: list[Any] = [None] * (MAX_DEPTH + 2)
    seen: list[set[str]] = [set() for _ in range(MAX_DEPTH + 2)]
    has_number, first_year = False, None
    for event, value in events:
        if event == "map_key":
            keys[level] = value
            if value in seen[level]:
                header.repeated_keys = True
            seen[level].add(value)
        elif event == "start_map" or event == "start_array":  # noqa: PLR1714 - faster than `in` here
            level += 1
            _too_deep(level + 2)  # the document and the list of clients are the first two
            keys[level] = None
            seen[level] = set()
            if level == 1:
                has_number, first_year = False, None
        elif event == "end_map" or event == "end_array":  # noqa: PLR1714
            if level == 0:
                return
            if level == 1 and event == "end_map" and not has_number:
                header.years_to_number.add(first_year)
            level -= 1
        elif event != "string" or level & 1 == 0:
            continue
        elif level == 1 and keys[1] == "client_number" and value.strip():
            has_number = True
            header.given_numbers.add(value.strip())
        elif level == 3 and keys[1] == "cases" and keys[3] == "opened_on":
            year = _year(value)
            if year is not None and (first_year is None or year < first_year):
                first_year = year


def _year(text: str) -> int | None:
    try:
        return date.fromisoformat(text).year
    except ValueError:
        return None


# ------------------------------------------------------------------- pass 2
def clients(source: JsonSource, header: Header) -> Iterator[Any]:
    """The file's clients one at a time, in file order. Objects are ``JsonObject`` (which notes
    repeated keys) only when the first pass saw a repeated key: plain dicts build faster."""
    backend = header.backend
    map_type = JsonObject if header.repeated_keys else dict
    with source.open() as stream, _parse_errors(source, backend):
        yield from backend.items(
            _Utf8Checked(stream), "clients.item", use_float=True, map_type=map_type, buf_size=BUFFER_BYTES
        )
