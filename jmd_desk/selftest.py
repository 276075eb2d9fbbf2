"""``jmd-desk --self-test``: proves that an installed program works on this machine.

It runs every layer once on a throw-away store in a temporary folder — shipped files, encryption,
migrations, writing and reading, verification, a statistics PDF, the Qt platform and the
translations — prints one line per check and exits 0 only if all passed. It never touches the
user's data, settings or log folders beyond one log line.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import sys
import tempfile
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from jmd_desk import __version__
from jmd_desk.assets import resource
from jmd_desk.demo.office import DEMO_POLICY
from jmd_desk.demo.synthetic import generate_document
from jmd_desk.domain.clock import SystemClock
from jmd_desk.domain.entities import Case, Client, Contact
from jmd_desk.domain.readmodels import ClientQuery
from jmd_desk.domain.statistics import Period
from jmd_desk.services import accounts, casework, clients, interchange, statistics, verify
from jmd_desk.services.environment import AppPaths, Environment
from jmd_desk.services.session import UserSession
from jmd_desk.store import migrate

log = logging.getLogger(__name__)
USER, PASSWORD = "selbsttest", "Selbsttest-2026"  # a throw-away store


@dataclass
class Context:
    folder: Path
    session: UserSession | None = None

    @property
    def store(self) -> Path:
        return self.folder / "selbsttest.jmd"

    def signed_in(self) -> UserSession:
        assert self.session is not None, "no session: an earlier check failed"
        return self.session


def _shipped_files(ctx: Context) -> str:
    needed = [
        resource("fonts", "DejaVuSans.ttf"),
        resource("i18n", "jmd_desk_de.qm"),
        resource("docs", "handbuch.html"),
        resource("licenses", "THIRD-PARTY.txt"),
        resource("icons", "jmd-desk.png"),
        migrate.script_location() / "env.py",
    ]
    missing = [str(p) for p in needed if not p.is_file()]
    if missing:
        raise FileNotFoundError(", ".join(missing))
    return f"fonts, translations, guide, licences, icon, migrations up to {migrate.head_revision()}"


def _create_store(ctx: Context) -> str:
    session, _ = accounts.create_store(
        ctx.store, USER, PASSWORD, display_name="Selbsttest", clock=SystemClock(), policy=DEMO_POLICY
    )
    ctx.session = session
    head = ctx.store.read_bytes()[:16]
    if head.startswith(b"SQLite format 3"):
        raise RuntimeError("the store was written without encryption")
    return f"encrypted store created and migrated to {migrate.head_revision()}"


def _write_and_read(ctx: Context) -> str:
    session = ctx.signed_in()
    today = session.clock.today()
    document = generate_document(20, today=today, seed=7, counsellors=[USER])
    summary = interchange.import_data(session, json.dumps(document).encode("utf-8"))
    client_id = clients.create_client(
        session,
        Client(
            first_name="Test",
            last_name="Selbsttest",
            date_of_birth=date(today.year - 17, 1, 1),
            gender="unknown",
            country_of_birth="unknown",
            residence_status="unknown",
            german_level="unknown",
            counsellor=USER,
        ),
        Case(case_type="counselling", opened_on=today),
    )
    case_id = clients.client_file(session, client_id).cases[0].id
    casework.add_record(session, case_id, Contact(date=today, minutes=15, mode="phone", notes="Selbsttest"))
    session.close()
    ctx.session = accounts.sign_in(ctx.store, USER, PASSWORD, clock=SystemClock(), policy=DEMO_POLICY)
    file = clients.client_file(ctx.session, client_id)
    if file.cases[0].contacts[0].value.notes != "Selbsttest":
        raise RuntimeError("a written contact did not read back")
    found = clients.list_clients(ctx.session, ClientQuery(text="selbsttest"))
    if [c.id for c in found] != [client_id]:
        raise RuntimeError("the search did not find the written client")
    return f"{summary.clients + 1} clients written, signed in again, read back and found"


def _verify(ctx: Context) -> str:
    problems = [r for r in verify.verify_store(ctx.signed_in()) if not r.ok]
    if problems:
        raise RuntimeError("; ".join(r.name for r in problems))
    return "integrity, encryption and audit chain verified"


def _statistics_pdf(ctx: Context) -> str:
    session = ctx.signed_in()
    today = session.clock.today()
    report = statistics.report_for(session, Period(date(today.year, 1, 1), today))
    pdf = statistics.render(report, "pdf", "Selbsttest", "de", today)
    if not pdf.startswith(b"%PDF-") or len(pdf) < 10_000:
        raise RuntimeError("the statistics PDF is incomplete")
    return f"statistics PDF rendered ({len(pdf) // 1024} KiB)"


def _qt_and_translations(ctx: Context) -> str:
    from PySide6.QtCore import QCoreApplication, QLibraryInfo  # noqa: PLC0415 - Qt only for this check
    from PySide6.QtWidgets import QApplication  # noqa: PLC0415

    from jmd_desk.ui import i18n  # noqa: PLC0415
    from jmd_desk.ui.application import make_application  # noqa: PLC0415
    from jmd_desk.ui.login_dialog import LoginDialog  # noqa: PLC0415
    from jmd_desk.ui.tasks import TaskRunner  # noqa: PLC0415

    app = QApplication.instance() or make_application()
    i18n.install(app, "de")
    ours = QCoreApplication.translate("MainWindow", "&Help")
    qt_own = QCoreApplication.translate("QPlatformTheme", "Cancel")
    if ours == "&Help" or qt_own == "Cancel":
        raise RuntimeError(f"German translations missing (ours: {ours!r}, Qt: {qt_own!r})")
    paths = AppPaths(ctx.folder / "data", ctx.folder / "config", ctx.folder / "log")
    runner = TaskRunner()
    dialog = LoginDialog(Environment(paths, SystemClock(), DEMO_POLICY, "de"), runner, ctx.store, USER)
    image = dialog.grab().toImage()
    dialog.deleteLater()
    runner.wait()
    if image.isNull():
        raise RuntimeError("the login window could not be drawn")
    platform = QApplication.platformName()
    return f"Qt {QLibraryInfo.version().toString()} ({platform}) draws windows; German texts and Qt dialogs translated"


CHECKS: list[tuple[str, Callable[[Context], str]]] = [
    ("files", _shipped_files),
    ("store", _create_store),
    ("write/read", _write_and_read),
    ("verify", _verify),
    ("statistics", _statistics_pdf),
    ("qt", _qt_and_translations),
]


def _say(line: str) -> None:
    if sys.stdout is not None:  # a windowed program on Windows has no console
        sys.stdout.write(line + "\n")
        sys.stdout.flush()


def run_self_test(env: Environment) -> int:
    """Run every check; 0 if all passed, 1 otherwise."""
    del env  # the self-test uses its own temporary folder, never the configured one
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # a check, not a window for the user
    folder = Path(tempfile.mkdtemp(prefix="jmd-desk-selftest-"))
    ctx = Context(folder)
    failed = 0
    _say(f"JMD Desk {__version__} – Selbsttest")
    try:
        for name, check in CHECKS:
            try:
                _say(f"  ok    {name:11} {check(ctx)}")
            except Exception as exc:  # noqa: BLE001 - every failure is reported, then the next check runs
                failed += 1
                where = traceback.extract_tb(exc.__traceback__)[-1]
                _say(f"  FEHLER {name:10} {type(exc).__name__}: {exc} ({Path(where.filename).name}:{where.lineno})")
    finally:
        if ctx.session is not None and ctx.session.store.is_open:
            ctx.session.close()
        shutil.rmtree(folder, ignore_errors=True)
    _say("Selbsttest bestanden." if not failed else f"Selbsttest fehlgeschlagen: {failed} Prüfung(en).")
    log.info("self-test: %d of %d checks failed", failed, len(CHECKS))
    return 0 if not failed else 1
