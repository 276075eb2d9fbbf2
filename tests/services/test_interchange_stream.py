"""The interchange import reads its file as a stream (issue 11): memory does not grow with the
file, clients are written a batch at a time in one transaction, and the result is the same as
reading the whole document: numbering, all-or-nothing, error paths."""

from __future__ import annotations

import gc
import json
import time
import tracemalloc
from pathlib import Path
from typing import Any

import pytest

from jmd_desk.demo.synthetic import generate_document
from jmd_desk.domain.errors import ValidationError
from jmd_desk.domain.interchange import parse_document
from jmd_desk.services import interchange
from tests.conftest import TODAY, copy_store, sign_in


def sample(clients: int, seed: int = 3, contacts: tuple[int, int] = (1, 4)) -> dict[str, Any]:
    return generate_document(
        clients, today=TODAY.date(), seed=seed, counsellors=["berta", "cem"], contacts_per_case=contacts
    )


@pytest.fixture
def small_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    """Batches of two clients, so that a small file is written in many parts."""
    monkeypatch.setattr(interchange._StreamWriter, "BATCH", 2)


def _numbers(session) -> dict[str, str]:
    exported = json.loads(interchange.export_data(session))
    return {c["first_name"] + " " + c["last_name"]: c["client_number"] for c in exported["clients"]}


def test_numbers_are_those_of_the_whole_document(store_path: Path, clock, small_batches) -> None:
    doc = sample(9, seed=21)
    years = [min(case["opened_on"][:4] for case in c["cases"]) for c in doc["clients"]]
    # A number given early in the file, in the year of later clients without one: they still
    # start at the first free number of that year, and skip one given later in the file.
    doc["clients"][0]["client_number"] = f"{years[5]}-0050"
    doc["clients"][8]["client_number"] = f"{years[5]}-0001"
    session = sign_in(store_path, "admin", clock)
    interchange.import_data(session, json.dumps(doc).encode())
    numbers = _numbers(session)
    session.close()
    expected: dict[str, int] = {}
    for i, client in enumerate(doc["clients"]):
        name = client["first_name"] + " " + client["last_name"]
        if "client_number" in client:
            assert numbers[name] == client["client_number"]
            continue
        expected[years[i]] = expected.get(years[i], 0) + 1
        if years[i] == years[5] and expected[years[i]] == 1:
            expected[years[i]] = 2  # 0001 is given to the last client
        assert numbers[name] == f"{years[i]}-{expected[years[i]]:04d}"


def test_a_late_error_rolls_back_the_batches_already_written(store_path: Path, clock, small_batches) -> None:
    doc = sample(9, seed=22)
    doc["clients"][8]["gender"] = "unbekannt"
    session = sign_in(store_path, "admin", clock)
    before = interchange.export_data(session)
    with pytest.raises(ValidationError) as info:
        interchange.import_data(session, json.dumps(doc).encode())
    assert [e.path for e in info.value.errors] == ["$.clients[8].gender"]
    assert interchange.export_data(session) == before
    session.close()


def test_a_number_taken_late_in_the_file_rolls_back_everything(store_path: Path, clock, small_batches) -> None:
    first = sample(1, seed=23)
    first["clients"][0]["client_number"] = "2024-0042"
    session = sign_in(store_path, "admin", clock)
    interchange.import_data(session, json.dumps(first).encode())
    before = interchange.export_data(session)
    doc = sample(7, seed=24)
    doc["clients"][6]["client_number"] = "2024-0042"
    with pytest.raises(ValidationError) as info:
        interchange.import_data(session, json.dumps(doc).encode())
    assert [(e.path, e.code) for e in info.value.errors] == [("$.clients[6].client_number", "client_number_taken")]
    assert interchange.export_data(session) == before
    session.close()


def test_clients_before_the_header_are_read_as_well(store_path: Path, clock, tmp_path: Path) -> None:
    doc = sample(4, seed=25)
    reordered = {"clients": doc["clients"], "partners": doc["partners"], "version": 2, "format": doc["format"]}
    path = tmp_path / "umgestellt.json"
    path.write_text(json.dumps(reordered), encoding="utf-8")
    session = sign_in(store_path, "admin", clock)
    summary = interchange.import_file(session, path)
    session.close()
    whole = parse_document(json.dumps(doc).encode(), TODAY.date())
    assert summary.clients == len(whole.clients) == 4
    assert summary.partners == len(whole.partners)
    assert summary.contacts == sum(len(cb.contacts) for b in whole.clients for cb in b.cases)


def test_byte_order_mark_and_numbers_beyond_64_bits(store_path: Path, clock) -> None:
    doc = sample(2, seed=26)
    session = sign_in(store_path, "admin", clock)
    assert interchange.import_data(session, b"\xef\xbb\xbf" + json.dumps(doc).encode()).clients == 2
    doc["clients"][1]["cases"][0]["contacts"][0]["minutes"] = 10**30
    with pytest.raises(ValidationError) as info:
        interchange.import_data(session, json.dumps(doc).encode())
    session.close()
    assert [e.path for e in info.value.errors] == ["$.clients[1].cases[0].contacts[0].minutes"]


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b'{"format": "jmd-desk-interchange", "clients": [{"first_name": "J\xc3\xb6rg\xff"}]}', "not_utf8"),
        (b'{"format": "jmd-desk-interchange", "clients": [' + b"[" * 5_000_000, "malformed_json"),
        (b'{"format": "jmd-desk-interchange", "clients": []} {}', "malformed_json"),
        (b"", "malformed_json"),
    ],
)
def test_broken_files_are_refused_quickly_at_the_root(store_path: Path, clock, data: bytes, code: str) -> None:
    session = sign_in(store_path, "admin", clock)
    started = time.monotonic()
    with pytest.raises(ValidationError) as info:
        interchange.import_data(session, data)
    assert time.monotonic() - started < 5  # a hang guard, not a speed test
    session.close()
    assert [(e.path, e.code) for e in info.value.errors] == [("$", code)]
    if code == "not_utf8":
        assert info.value.errors[0].params["offset"] == data.index(b"\xff")
    if data.endswith(b"{}"):  # a small broken file is told by line and column, as before
        assert info.value.errors[0].params["line"] == 1 and info.value.errors[0].params["column"] == 51


def _import_peak(store_path: Path, clock, path: Path) -> int:
    """Python's peak memory while importing ``path`` into the store, in bytes."""
    session = sign_in(store_path, "admin", clock)
    gc.collect()
    tracemalloc.start()
    try:
        interchange.import_file(session, path)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
        session.close()


@pytest.mark.slow
def test_memory_does_not_grow_with_the_file(
    template_store: Path, clock, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(interchange._StreamWriter, "BATCH", 10)
    small, large = tmp_path / "klein.json", tmp_path / "gross.json"
    small.write_text(json.dumps(sample(40, seed=27, contacts=(8, 16))), encoding="utf-8")
    large.write_text(json.dumps(sample(320, seed=27, contacts=(8, 16))), encoding="utf-8")
    peak_small = _import_peak(copy_store(template_store, tmp_path / "a"), clock, small)
    peak_large = _import_peak(copy_store(template_store, tmp_path / "b"), clock, large)
    # The whole-document reader held the file, its decoded tree and every client: 8× the file,
    # 8× the memory. Streaming keeps one batch; what grows are the refs and ids (small).
    assert large.stat().st_size > 7 * small.stat().st_size
    assert peak_large < 2 * peak_small, (peak_small, peak_large)
