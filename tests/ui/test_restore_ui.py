"""The window's restore shows what is lost before it replaces the store; cancelling changes
nothing (issue 12)."""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtWidgets import QInputDialog, QPushButton

from jmd_desk.domain.codes import Role
from jmd_desk.services import accounts, backups
from tests.conftest import ADMIN_PASSWORD, sign_in
from tests.ui.conftest import child, on_next_modal, wait_idle
from tests.ui.test_main_window import make_window  # noqa: F401  (fixture)

SHOTS = Path("/tmp/jmd-issue12-shots")


def state(folder: Path) -> dict[str, str]:
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in folder.iterdir()
        if p.is_file() and not p.name.endswith((".lock", ".throttle"))
    }


def older_backup(store_path: Path, clock, target: Path) -> Path:
    """A backup, then an account created after it (the restore would lose it)."""
    admin = sign_in(store_path, "admin", clock)
    made = backups.create_backup(admin, target)
    accounts.create_user(admin, "dora", "Dora D.", frozenset({Role.COUNSELLOR}), "Dora-Passwort-1")
    admin.close()
    return made


def answer_preview(qtbot, button: str, shown: list[str]) -> None:
    def act(dialog) -> None:
        assert dialog.objectName() == "restore_preview_box"
        shown.append(dialog.text())
        SHOTS.mkdir(exist_ok=True)
        dialog.grab().save(str(SHOTS / "restore_preview.png"))
        child(dialog, button, QPushButton).click()

    on_next_modal(qtbot, act)


def start_restore(window, backup: Path, monkeypatch) -> None:
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: (ADMIN_PASSWORD, True))
    monkeypatch.setattr(window, "deleteLater", lambda: None)  # qtbot closes it at the end
    window.show_page("admin")
    window.admin.restore_requested.emit(backup)


def test_cancelled_preview_changes_nothing(
    qtbot,
    make_window,  # noqa: F811
    messages,
    store_path,
    clock,
    runner,
    monkeypatch,
    tmp_path,
) -> None:
    backup = older_backup(store_path, clock, tmp_path / "alt.jmdbackup")
    window = make_window("admin", data=False)
    signed_out: list[bool] = []
    window.signed_out.connect(lambda: signed_out.append(True))
    shown: list[str] = []
    answer_preview(qtbot, "restore_cancel_button", shown)
    start_restore(window, backup, monkeypatch)
    before = state(store_path.parent)  # signed out; the check runs in the background, writing nothing
    qtbot.waitUntil(lambda: bool(signed_out), timeout=30_000)
    wait_idle(qtbot, runner)
    assert messages.errors == []
    assert "dora" in shown[0] and "Protokoll" in shown[0]
    assert state(store_path.parent) == before
    assert any("Nichts wurde geändert" in text for text in messages.infos)
    session = sign_in(store_path, "admin", clock)
    assert "dora" in {u.username for u in accounts.list_users(session)}
    session.close()


def test_confirmed_preview_restores(
    qtbot,
    make_window,  # noqa: F811
    messages,
    store_path,
    clock,
    runner,
    monkeypatch,
    tmp_path,
) -> None:
    backup = older_backup(store_path, clock, tmp_path / "alt.jmdbackup")
    window = make_window("admin", data=False)
    signed_out: list[bool] = []
    window.signed_out.connect(lambda: signed_out.append(True))
    shown: list[str] = []
    answer_preview(qtbot, "restore_confirm_button", shown)
    start_restore(window, backup, monkeypatch)
    qtbot.waitUntil(lambda: bool(signed_out), timeout=30_000)
    wait_idle(qtbot, runner)
    assert messages.errors == [] and shown
    session = sign_in(store_path, "admin", clock)
    assert "dora" not in {u.username for u in accounts.list_users(session)}
    session.close()
