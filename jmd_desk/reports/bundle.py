"""Statistics bundles: one store's unsuppressed aggregate counts, encrypted for the team lead.

A bundle carries only the counts of the §7 tables for one period (no persons, no dates below
the period). It is sealed with AES-256-GCM under a key derived by Argon2id from the office's
statistics passphrase; the header (format, period, KDF, source) is bound as associated data,
and a key check value tells a wrong passphrase apart from a changed file.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import unicodedata
from datetime import date
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

from jmd_desk.domain.errors import JmdError
from jmd_desk.domain.kdf import CEILING_PARAMS, FLOOR_PARAMS, parse_kdf_params
from jmd_desk.domain.statistics import Period
from jmd_desk.reports.cell_key import KEY_MODULUS
from jmd_desk.reports.statistics import MINUTES_TABLE, TABLES, RawStatistics

FORMAT = "jmd-desk-statistics-bundle"
VERSION = 2
MAX_COUNT = 1_000_000
MAX_MINUTES = 60 * MAX_COUNT  # the hours tables travel as exact minutes
MAX_LABELS = 500
LABELLED = ("district", "field")
KDF = {"memory_kib": 65_536, "iterations": 3, "lanes": 4}
MAX_BUNDLE_BYTES = 8 << 20
MAX_KEY_TEXT = 100


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def _keys(passphrase: str, salt: bytes, kdf: dict[str, int]) -> tuple[bytes, str]:
    material = Argon2id(
        salt=salt, length=32, iterations=kdf["iterations"], lanes=kdf["lanes"], memory_cost=kdf["memory_kib"]
    ).derive(unicodedata.normalize("NFC", passphrase).encode("utf-8"))
    check = hmac.new(material, b"jmd-desk bundle key check", hashlib.sha256).hexdigest()[:32]
    return material, check


def _header_bytes(header: dict[str, Any]) -> bytes:
    return json.dumps(header, sort_keys=True, separators=(",", ":")).encode("utf-8")


def seal(raw: RawStatistics, passphrase: str, source: str) -> bytes:
    """Encrypt ``raw`` for merging; ``source`` identifies the store (a hash, not its id)."""
    salt, nonce = os.urandom(16), os.urandom(12)
    key, check = _keys(passphrase, salt, KDF)
    header = {
        "format": FORMAT,
        "version": VERSION,
        "period": {"from": raw.period.start.isoformat(), "to": raw.period.end.isoformat()},
        "source": source,
        "kdf": {"alg": "argon2id", **KDF, "salt": _b64(salt)},
        "key_check": check,
    }
    payload = {
        "basis": raw.basis,
        "persons_left_out": raw.persons_left_out,
        "persons_left_out_key_sum": raw.persons_left_out_key_sum,
        "labels": raw.labels,
        "tables": {
            t: [[list(key), n, raw.key_sums.get(t, {}).get(key, 0)] for key, n in sorted(raw.counts.get(t, {}).items())]
            for t in TABLES
        },
    }
    ciphertext = AESGCM(key).encrypt(nonce, json.dumps(payload).encode("utf-8"), _header_bytes(header))
    document = {**header, "nonce": _b64(nonce), "ciphertext": _b64(ciphertext)}
    return (json.dumps(document, indent=1) + "\n").encode("utf-8")


def unseal(data: bytes, passphrase: str, period: Period) -> tuple[str, RawStatistics]:
    """Open a bundle for ``period``; returns its source and counts.

    Raises ``bundle_invalid`` (not a bundle), ``bundle_other_period``, ``bundle_wrong_passphrase``
    or ``bundle_tampered`` (the file was changed after sealing).
    """
    if len(data) > MAX_BUNDLE_BYTES:
        raise JmdError("bundle_invalid")
    try:
        document = json.loads(data.decode("utf-8"))
        header = {k: document[k] for k in ("format", "version", "period", "source", "kdf", "key_check")}
        nonce, ciphertext = _unb64(document["nonce"]), _unb64(document["ciphertext"])
        params = parse_kdf_params(header["kdf"])
        kdf = {"memory_kib": params.memory_kib, "iterations": params.iterations, "lanes": params.lanes}
        salt = _unb64(header["kdf"]["salt"])
        start, end = date.fromisoformat(header["period"]["from"]), date.fromisoformat(header["period"]["to"])
    except (UnicodeDecodeError, ValueError, KeyError, TypeError, AttributeError, RecursionError):
        raise JmdError("bundle_invalid") from None
    if header["format"] != FORMAT or header["version"] != VERSION:
        raise JmdError("bundle_invalid")
    if (start, end) != (period.start, period.end):
        raise JmdError("bundle_other_period", period=f"{start.isoformat()} – {end.isoformat()}")
    if not params.within(FLOOR_PARAMS, CEILING_PARAMS):
        raise JmdError("bundle_tampered")
    key, check = _keys(passphrase, salt, kdf)
    if not hmac.compare_digest(check, str(header["key_check"])):
        raise JmdError("bundle_wrong_passphrase")
    try:
        plain = AESGCM(key).decrypt(nonce, ciphertext, _header_bytes(header))
    except InvalidTag:
        raise JmdError("bundle_tampered") from None
    return str(header["source"]), _raw_of(plain, period)


def _raw_of(plain: bytes, period: Period) -> RawStatistics:
    """The sealed counts and key sums, checked: known tables, keys of the table's width, whole
    numbers within the bounds of DESIGN §7 (raises ``bundle_counts_invalid``; a sealed file can
    still lie)."""
    try:
        payload = json.loads(plain.decode("utf-8"))
        basis, left_out, tables = payload["basis"], payload["persons_left_out"], payload["tables"]
        left_out_keys = payload.get("persons_left_out_key_sum", 0)
        labels = _labels(payload.get("labels", {}))
    except (UnicodeDecodeError, ValueError, KeyError, TypeError, AttributeError, RecursionError):
        raise JmdError("bundle_counts_invalid", detail="payload") from None
    if not isinstance(basis, str) or len(basis) > MAX_KEY_TEXT or not _count_ok(left_out, MAX_COUNT):
        raise JmdError("bundle_counts_invalid", detail="basis")
    if not _count_ok(left_out_keys, KEY_MODULUS - 1):
        raise JmdError("bundle_counts_invalid", detail="basis")
    if not isinstance(tables, dict) or not set(tables) <= set(TABLES):
        raise JmdError("bundle_counts_invalid", detail="tables")
    counts: dict[str, dict[tuple[str, ...], int]] = {}
    key_sums: dict[str, dict[tuple[str, ...], int]] = {}
    for table, width in TABLES.items():
        bound = MAX_MINUTES if table in (MINUTES_TABLE, "group_offers") else MAX_COUNT
        rows = tables.get(table, [])
        if not isinstance(rows, list):
            raise JmdError("bundle_counts_invalid", detail=table)
        counts[table], key_sums[table] = {}, {}
        for row in rows:
            if not (
                isinstance(row, list)
                and len(row) == 3
                and _key_ok(row[0], len(width))
                and _count_ok(row[1], bound)
                and _count_ok(row[2], KEY_MODULUS - 1)
            ):
                raise JmdError("bundle_counts_invalid", detail=table)
            counts[table][tuple(row[0])] = row[1]
            key_sums[table][tuple(row[0])] = row[2]
    return RawStatistics(period, basis, left_out, counts, key_sums, left_out_keys, labels)


def _labels(value: Any) -> dict[str, dict[str, str]]:
    """The office's labels of its districts and fields, bounded in number and length."""
    if not isinstance(value, dict) or set(value) - set(LABELLED):
        raise ValueError("labels")
    labels = {}
    for dimension, entries in value.items():
        if not isinstance(entries, dict) or len(entries) > MAX_LABELS:
            raise ValueError("labels")
        for code, label in entries.items():
            if not isinstance(label, str) or len(code) > 40 or len(label) > 200:
                raise ValueError("labels")
        labels[dimension] = dict(entries)
    return labels


def _count_ok(value: Any, bound: int) -> bool:
    return type(value) is int and 0 <= value <= bound


def _key_ok(key: Any, width: int) -> bool:
    return (
        isinstance(key, list) and len(key) == width and all(isinstance(k, str) and len(k) <= MAX_KEY_TEXT for k in key)
    )


def merge(bundles: list[tuple[str, RawStatistics]]) -> RawStatistics:
    """Add up the counts of several stores; the same store twice is refused."""
    if not bundles:
        raise JmdError("bundle_none")
    sources = [source for source, _ in bundles]
    if len(set(sources)) != len(sources):
        raise JmdError("bundle_duplicate")
    merged = bundles[0][1]
    for _, raw in bundles[1:]:
        merged = merged.merged(raw)
    return merged
