"""The one atomic-write helper: old or new file after a failure, never half, and the folder
synced so that the rename survives a power cut."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from jmd_desk.domain.errors import StoreError
from jmd_desk.store import atomic
from jmd_desk.store.atomic import replacing, write_atomic


def test_replaces_private_by_default_and_leaves_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    write_atomic(target, b"first", mode=0o644)
    write_atomic(target, b"second")
    assert target.read_bytes() == b"second"
    if os.name == "posix":
        assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]


def test_a_failure_inside_keeps_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "backup.zip"
    target.write_bytes(b"old")
    with pytest.raises(RuntimeError), replacing(target) as tmp:
        tmp.write_bytes(b"half")
        raise RuntimeError("disk gone")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["backup.zip"]


def test_an_unwritable_folder_is_a_store_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError) as info:
        write_atomic(tmp_path / "missing" / "x.json", b"{}")
    assert info.value.code == "write_failed"


@pytest.mark.skipif(os.name != "posix", reason="folders are synced on POSIX only")
def test_the_folder_is_synced_after_the_rename(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    synced: list[str] = []
    real_fsync = os.fsync

    def recording_fsync(fd: int) -> None:
        synced.append("folder" if stat.S_ISDIR(os.fstat(fd).st_mode) else "file")
        real_fsync(fd)

    monkeypatch.setattr(atomic.os, "fsync", recording_fsync)
    write_atomic(tmp_path / "keys", b"k")
    assert synced == ["file", "folder"]
