"""Render the main screens offscreen at 1366×768 into docs/screenshots/ (for the README).

Usage: QT_QPA_PLATFORM=offscreen python scripts/screenshots.py [--lang de|en] [--out DIR]
Everything shown is synthetic demo data.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import tempfile
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

from jmd_desk.demo import office as demo
from jmd_desk.domain.clock import FixedClock
from jmd_desk.domain.entities import ClientFile
from jmd_desk.domain.statistics import Period
from jmd_desk.services import clients, settings, statistics
from jmd_desk.services.environment import AppPaths, Environment
from jmd_desk.services.session import UserSession
from jmd_desk.ui import i18n
from jmd_desk.ui.application import make_application
from jmd_desk.ui.client_file_window import ClientFileWindow
from jmd_desk.ui.help import AboutDialog
from jmd_desk.ui.login_dialog import LoginDialog
from jmd_desk.ui.main_window import MainWindow
from jmd_desk.ui.setup_wizard import SetupWizard
from jmd_desk.ui.tasks import TaskRunner
from jmd_desk.ui.ui_settings import UiSettings

SIZE = (1366, 768)
MOMENT = datetime(2026, 11, 20, 10, 0, tzinfo=UTC)


def settle(app: QApplication, rounds: int = 5) -> None:
    """Let layouts and paint events run."""
    for _ in range(rounds):
        app.processEvents()


def shoot(app: QApplication, widget: QWidget, path: Path, size: tuple[int, int] = SIZE) -> None:
    """Show ``widget`` at ``size`` and save a PNG."""
    widget.resize(*size)
    widget.show()
    settle(app)
    widget.grab().save(str(path))
    print(f"wrote {path}")


def pdf_pages(session: UserSession, out: Path, lang: str, suffix: str) -> None:
    """The quarterly statistics PDF of the demo store, and its first pages as images."""
    period = Period.quarter(f"{MOMENT.year}-Q{(MOMENT.month - 1) // 3}")
    pdf = out / f"statistics-sample{suffix}.pdf"
    pdf.write_bytes(statistics.export(session, period, "pdf", lang))
    if shutil.which("pdftoppm"):
        subprocess.run(
            [
                "pdftoppm",
                "-r",
                "70",
                "-png",
                "-f",
                "1",
                "-l",
                "2",
                str(pdf),
                str(out / f"statistics-page{suffix}"),
            ],
            check=True,
        )
        print(f"wrote {out}/statistics-page{suffix}-*.png")


def rich(file: ClientFile) -> bool:
    """A file whose latest case has something on every tab (for telling screenshots)."""
    if not file.cases:
        return False
    case = file.cases[-1]
    return bool(
        case.case.is_open
        and len(case.goals) > 1
        and len(case.contacts) > 3
        and case.referrals
        and case.follow_ups
        and len(file.consents) > 2
    )


def shoot_start(
    app: QApplication, env: Environment, runner: TaskRunner, session: UserSession, out: Path, suffix: str
) -> None:
    """Login dialog and the set-up wizard."""
    login = LoginDialog(env, runner, session.store.paths.db, "demo")
    shoot(app, login, out / f"login{suffix}.png", (560, 300))
    login.close()
    wizard = SetupWizard(env, runner, Path("/home/fachkraft/.local/share/jmd-desk/office.jmd"))
    shoot(app, wizard, out / f"setup_welcome{suffix}.png", (700, 480))
    wizard.next()
    wizard.account.office_edit.setText("JMD Musterstadt")
    wizard.account.username_edit.setText("m.schulz")
    wizard.account.display_edit.setText("Miriam Schulz")
    shoot(app, wizard, out / f"setup{suffix}.png", (700, 480))
    wizard.close()


def shoot_file_and_help(
    app: QApplication, session: UserSession, window: MainWindow, env: Environment, out: Path, suffix: str
) -> None:
    """Every tab of a well-filled client file, the user guide and the About dialog."""
    window.show_page("clients")
    client_id = next(
        row.id
        for row in window.clients.model.rows()
        if row.counsellor == session.username and rich(clients.client_file(session, row.id, opening=False))
    )
    file_window = ClientFileWindow(session, client_id)
    tabs = ("master", "goals", "contacts", "referrals", "follow_ups", "consents", "history")
    for index, name in enumerate(tabs):
        file_window.tabs.setCurrentIndex(index)
        shoot(app, file_window, out / f"file_{name}{suffix}.png")
    file_window.close()
    window.show_user_guide()
    assert window.help_window is not None
    shoot(app, window.help_window, out / f"help{suffix}.png", (900, 720))
    window.help_window.close()
    about = AboutDialog(session, env.paths, window)
    shoot(app, about, out / f"about{suffix}.png", (640, 520))
    about.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lang", default="de", choices=("de", "en"))
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    parser.add_argument("--clients", type=int, default=200)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    home = Path(tempfile.mkdtemp(prefix="jmd-shots-"))
    os.environ["JMD_DESK_HOME"] = str(home)
    app = make_application()
    i18n.install(app, args.lang)
    clock = FixedClock(MOMENT)
    env = Environment(AppPaths.from_env(), clock, demo.DEMO_POLICY, args.lang)
    ui_settings = UiSettings(env.paths)
    runner = TaskRunner()
    suffix = "" if args.lang == "de" else "-en"
    session, folder = demo.create_demo_store(args.clients, clock)
    try:
        shoot_start(app, env, runner, session, args.out, suffix)
        settings.save_office_settings(
            session, replace(settings.office_settings(session), office_name="JMD Musterstadt")
        )
        window = MainWindow(session, runner, ui_settings)
        window.statistics.compute()
        runner.wait()
        settle(app)
        window.statistics.table_list.setCurrentRow(3)
        for key in ("dashboard", "clients", "partners", "statistics", "admin"):
            window.show_page(key)
            shoot(app, window, args.out / f"{key}{suffix}.png")
        pdf_pages(session, args.out, args.lang, suffix)
        shoot_file_and_help(app, session, window, env, args.out, suffix)
        window.lock()
        shoot(app, window, args.out / f"locked{suffix}.png")
        QTimer.singleShot(0, app.quit)
        window.close()
    finally:
        runner.wait()
        if session.store.is_open:
            session.close()
        shutil.rmtree(folder, ignore_errors=True)
        shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    main()
