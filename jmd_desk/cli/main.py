"""The command line (DESIGN §5). No Qt here; ``gui`` and ``demo`` are started by app.py.

Passwords come from ``--password-stdin`` (first line of stdin) or an interactive prompt,
never from arguments. Success exits 0; a failure prints one line on stderr and exits non-zero.
"""

from __future__ import annotations

import argparse
import getpass
import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from jmd_desk.domain import erasure_list
from jmd_desk.domain.codes import Role
from jmd_desk.domain.errors import JmdError
from jmd_desk.domain.statistics import Period
from jmd_desk.reports.statistics import Report
from jmd_desk.reports.statistics_output import difference_note
from jmd_desk.services import (
    accounts,
    backups,
    interchange,
    server_admin,
    server_cases,
    server_retention,
    server_statistics,
    sheet_import,
    statistics,
)
from jmd_desk.services.environment import Environment
from jmd_desk.services.files import read_file, write_file
from jmd_desk.services.location import network_warning
from jmd_desk.services.session import UserSession
from jmd_desk.services.verify import CheckResult, verify_store
from jmd_desk.texts.messages import message

log = logging.getLogger("jmd_desk.cli")

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_CHECK_FAILED = 3

LOCAL_ONLY_COMMANDS = ("init", "demo", "backup", "restore", "rekey")
SERVER_READY_COMMANDS = (
    "server",
    "import",
    "import-sheet",
    "export",
    "verify",
    "stats",
    "stats-trend",
    "stats-bundle",
    "stats-merge",
)


class CliError(Exception):
    """A usage problem found by the CLI itself (exit code 2)."""

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(code)
        self.error = JmdError(code, **params)


def period_of(args: argparse.Namespace) -> Period:
    """The period given by --quarter or --from/--to."""
    if args.quarter:
        if args.date_to:
            raise CliError("to_with_quarter")
        return Period.quarter(args.quarter)
    if not args.date_to:
        raise CliError("to_date_missing")
    return Period.from_text(args.date_from, args.date_to)


# --------------------------------------------------------------- passwords
def read_password(from_stdin: bool, stdin: TextIO, *, confirm: bool = False, prompt: str = "Passwort: ") -> str:
    """A secret from the next line of stdin or from an interactive prompt (never an argument)."""
    if from_stdin:
        line = stdin.readline()
        password = line.rstrip("\r\n")
        if not password:
            raise CliError("no_password")
        return password
    if not stdin.isatty():
        raise CliError("no_password")
    password = getpass.getpass(prompt)
    if confirm and getpass.getpass("Wiederholen: ") != password:
        raise CliError("password_mismatch")
    return password


# ---------------------------------------------------------------- commands
class Cli:
    """Runs one command against the environment; output goes to ``out``."""

    def __init__(self, env: Environment, out: TextIO, stdin: TextIO) -> None:
        self.env = env
        self.out = out
        self.stdin = stdin

    def _show_recovery_key(self, recovery_key: str) -> None:
        """Print a new store's recovery key with what to do with it (shown only this once)."""
        self.say(
            "Wiederherstellungsschlüssel – wird nur jetzt angezeigt. Ausdrucken oder aufschreiben und "
            "sicher verwahren (z. B. versiegelt bei der Leitung):",
            "Recovery key – shown only now. Print or write it down and keep it safe (e.g. sealed with "
            "the office lead):",
        )
        print(recovery_key, file=self.out)

    def say(self, de: str, en: str) -> None:
        """Print a line in the user's language."""
        print(de if self.env.lang == "de" else en, file=self.out)

    def store_path(self, args: argparse.Namespace) -> Path:
        """The store given by --store, else the default one."""
        return args.store or self.env.paths.default_store

    def sign_in(self, args: argparse.Namespace) -> UserSession:
        """Unlock the store for ``--user`` (or sign in to the office server of ``--server``)."""
        password = read_password(args.password_stdin, self.stdin)
        if args.server is not None:
            return server_cases.sign_in_server(
                args.server, args.user, password, clock=self.env.clock, policy=self.env.policy
            )
        return accounts.sign_in(
            self.store_path(args), args.user, password, clock=self.env.clock, policy=self.env.policy
        )

    def with_session(self, args: argparse.Namespace, action: Callable[[UserSession], int]) -> int:
        """Sign in, run ``action``, always sign out."""
        session = self.sign_in(args)
        try:
            return action(session)
        finally:
            session.close()

    def cmd_init(self, args: argparse.Namespace) -> int:
        """Create a store; print the recovery key once."""
        password = read_password(args.password_stdin, self.stdin, confirm=True)
        path = self.store_path(args)
        session, recovery_key = accounts.create_store(
            path,
            args.user,
            password,
            display_name=args.display_name,
            clock=self.env.clock,
            policy=self.env.policy,
        )
        session.close()
        self.say(f"Datenablage angelegt: {path}", f"Store created: {path}")
        self._show_recovery_key(recovery_key)
        return EXIT_OK

    def cmd_import(self, args: argparse.Namespace) -> int:
        """Import an interchange file, all or nothing."""
        if args.server is not None:
            return self._server_import(args)

        def run(session: UserSession) -> int:
            summary = interchange.import_file(session, args.file, args.counsellor)
            self.say(
                f"Importiert: {summary.clients} Klient*innen, {summary.cases} Fälle, "
                f"{summary.contacts} Kontakte, {summary.partners} Netzwerkpartner.",
                f"Imported: {summary.clients} clients, {summary.cases} cases, {summary.contacts} contacts, "
                f"{summary.partners} network partners.",
            )
            return EXIT_OK

        return self.with_session(args, run)

    def _server_import(self, args: argparse.Namespace) -> int:
        """On the server a counsellor imports her own files, an admin those of the counsellor she
        names (fields sealed on this computer)."""
        password = read_password(args.password_stdin, self.stdin)
        data, clock, policy = read_file(args.file), self.env.clock, self.env.policy
        if args.counsellor:
            summary = server_cases.import_for_counsellor(
                args.server, args.user, password, data, args.counsellor, clock=clock, policy=policy
            )
        else:
            summary = server_cases.import_own_files(args.server, args.user, password, data, clock=clock, policy=policy)
        self.say(
            f"Importiert: {summary.clients} Klient*innen, {summary.cases} Fälle, "
            f"{summary.contacts} Kontakte, {summary.partners} Netzwerkpartner.",
            f"Imported: {summary.clients} clients, {summary.cases} cases, {summary.contacts} contacts, "
            f"{summary.partners} network partners.",
        )
        return EXIT_OK

    def cmd_import_sheet(self, args: argparse.Namespace) -> int:
        """Import clients from a spreadsheet, all or nothing."""
        mapping = sheet_import.load_mapping(args.mapping, self.env.clock.today())
        if args.server is not None:
            password = read_password(args.password_stdin, self.stdin)
            summary = sheet_import.import_sheet_to_server(
                args.server,
                args.user,
                password,
                args.file,
                mapping,
                args.counsellor,
                clock=self.env.clock,
                policy=self.env.policy,
            )
            return self._sheet_imported(summary)

        def run(session: UserSession) -> int:
            return self._sheet_imported(sheet_import.import_sheet(session, args.file, mapping, args.counsellor))

        return self.with_session(args, run)

    def _sheet_imported(self, summary: interchange.ImportSummary) -> int:
        self.say(
            f"Importiert: {summary.clients} Klient*innen, {summary.cases} Fälle.",
            f"Imported: {summary.clients} clients, {summary.cases} cases.",
        )
        return EXIT_OK

    def cmd_export(self, args: argparse.Namespace) -> int:
        """Write the full export (plaintext) to a file."""

        def run(session: UserSession) -> int:
            interchange.export_file(session, args.file)
            self.say(
                f"Exportiert nach {args.file}. Achtung: Klartext mit Sozialdaten – sicher aufbewahren "
                "und nach Gebrauch löschen.",
                f"Exported to {args.file}. Caution: plaintext social data – keep it safe and delete it after use.",
            )
            return EXIT_OK

        return self.with_session(args, run)

    def cmd_verify(self, args: argparse.Namespace) -> int:
        """Run the store checks and print a line per check (also on a store whose signed user
        list disagrees: that is one of the findings)."""
        if args.server is not None:
            return self.with_session(args, self._print_checks)
        password = read_password(args.password_stdin, self.stdin)
        session = accounts.sign_in_to_verify(
            self.store_path(args), args.user, password, clock=self.env.clock, policy=self.env.policy
        )
        try:
            return self._print_checks(session)
        finally:
            session.close()

    def _print_checks(self, session: UserSession) -> int:
        return self._printed(verify_store(session))

    def _printed(self, results: list[CheckResult]) -> int:
        for r in results:
            status = "OK" if r.ok else ("FEHLER" if self.env.lang == "de" else "FAILED")
            detail = f" – {'; '.join(r.findings[:20])}" if r.findings else ""
            print(f"{r.name:17} {status}{detail}", file=self.out)
        return EXIT_OK if all(r.ok for r in results) else EXIT_CHECK_FAILED

    def cmd_stats(self, args: argparse.Namespace) -> int:
        """Compute the anonymised statistics and write them in the chosen format."""
        period = period_of(args)
        statistics.check_method(args.method, period, args.k)
        if args.server is not None:
            password = read_password(args.password_stdin, self.stdin)
            data, report = server_statistics.export_report(
                args.server, args.user, password, period, args.format, method=args.method, k=args.k,
                lang=self.env.lang, clock=self.env.clock, policy=self.env.policy,
            )  # fmt: skip
            return self._stats_written(args, data, report)

        def run(session: UserSession) -> int:
            data, report = statistics.export_report(session, period, args.format, self.env.lang, args.k, args.method)
            return self._stats_written(args, data, report)

        return self.with_session(args, run)

    def _stats_written(self, args: argparse.Namespace, data: bytes, report: Report) -> int:
        write_file(args.output, data)
        self.say(f"Statistik geschrieben: {args.output}", f"Statistics written: {args.output}")
        note = difference_note(report, self.env.lang)
        if note:
            print(note, file=self.out)
        return EXIT_OK

    def cmd_stats_trend(self, args: argparse.Namespace) -> int:
        """Write the statistics of consecutive quarters with line charts."""
        statistics.quarters(args.from_quarter, args.to_quarter)
        if args.server is not None:
            password = read_password(args.password_stdin, self.stdin)
            data = server_statistics.trend_export(
                args.server, args.user, password, args.from_quarter, args.to_quarter, args.format,
                method=args.method, lang=self.env.lang, clock=self.env.clock, policy=self.env.policy,
            )  # fmt: skip
            return self._trend_written(args, data)

        def run(session: UserSession) -> int:
            data = statistics.trend_export(
                session, args.from_quarter, args.to_quarter, args.format, self.env.lang, args.method
            )
            return self._trend_written(args, data)

        return self.with_session(args, run)

    def _trend_written(self, args: argparse.Namespace, data: bytes) -> int:
        write_file(args.output, data)
        self.say(f"Zeitverlauf geschrieben: {args.output}", f"Trend written: {args.output}")
        return EXIT_OK

    def cmd_stats_bundle(self, args: argparse.Namespace) -> int:
        """Write this store's encrypted statistics bundle for the office merge."""
        period = period_of(args)
        if args.server is not None:
            password = read_password(args.password_stdin, self.stdin)
            passphrase = self._bundle_passphrase(args)
            data = server_statistics.create_bundle(
                args.server, args.user, password, period, passphrase, clock=self.env.clock, policy=self.env.policy
            )
            write_file(args.output, data)
        else:
            session = self.sign_in(args)
            try:
                write_file(args.output, statistics.create_bundle(session, period, self._bundle_passphrase(args)))
            finally:
                session.close()
        self.say(f"Statistik-Bündel geschrieben: {args.output}", f"Statistics bundle written: {args.output}")
        return EXIT_OK

    def _bundle_passphrase(self, args: argparse.Namespace) -> str:
        return read_password(
            args.password_stdin, self.stdin, prompt="Statistik-Passwort: ", confirm=not args.password_stdin
        )

    def cmd_stats_merge(self, args: argparse.Namespace) -> int:
        """Merge the bundles of several stores and write one protected report."""
        period = period_of(args)
        statistics.check_method(args.method, period, args.k, statistics.MERGE_METHODS)  # before the prompt
        passphrase = read_password(args.passphrase_stdin, self.stdin, prompt="Statistik-Passwort: ")
        bundles = [read_file(path) for path in args.bundles]
        report = statistics.merged_report(bundles, passphrase, period, args.method, args.k)
        write_file(
            args.output,
            statistics.render(report, args.format, args.office, self.env.lang, self.env.clock.today()),
        )
        self.say(
            f"Zusammengeführte Statistik ({len(bundles)} Datenablagen) geschrieben: {args.output}",
            f"Merged statistics ({len(bundles)} stores) written: {args.output}",
        )
        return EXIT_OK

    def cmd_backup(self, args: argparse.Namespace) -> int:
        """Encrypted backup; with --user a compact online copy, without it the closed files."""
        target = args.file
        if args.user:

            def run(session: UserSession) -> int:
                backups.create_backup(session, target)
                return EXIT_OK

            self.with_session(args, run)
        else:
            backups.backup_without_password(self.store_path(args), target, self.env.clock)
        self.say(f"Sicherung geschrieben: {target}", f"Backup written: {target}")
        return EXIT_OK

    def cmd_restore(self, args: argparse.Namespace) -> int:
        """Replace the store by a verified backup: an active admin of the live store (or its
        recovery key); a second secret only if the backup's key file differs; shows what is lost."""
        if not args.user:
            raise CliError("restore_needs_user")
        path = self.store_path(args)
        prompt = "Wiederherstellungsschlüssel: " if args.recovery else "Passwort: "
        secret = read_password(args.password_stdin, self.stdin, prompt=prompt)
        backup_secret = None
        if backups.backup_key_file_differs(path, args.file):
            backup_secret = read_password(
                args.password_stdin, self.stdin, prompt="Passwort oder Wiederherstellungsschlüssel der Sicherung: "
            )
        result = backups.restore(
            path,
            args.file,
            args.user,
            secret,
            recovery=args.recovery,
            backup_secret=backup_secret,
            clock=self.env.clock,
            policy=self.env.policy,
            confirm=self._show_loss,
        )
        kept = f" Die bisherige Datenablage liegt unter {result.kept}." if result.kept else ""
        kept_en = f" The previous store was kept at {result.kept}." if result.kept else ""
        self.say(f"Sicherung geprüft und zurückgespielt.{kept}", f"Backup verified and restored.{kept_en}")
        if result.erasures_reapplied:
            n = result.erasures_reapplied
            self.say(
                f"{n} seit der Sicherung gelöschte Akten wurden erneut gelöscht.",
                f"{n} files deleted since the backup were erased again.",
            )
        return EXIT_OK

    def _show_loss(self, preview: backups.RestorePreview) -> bool:
        """Print what the restore loses; the command line has asked already by being run."""
        users = ", ".join(preview.users_lost) or "–"
        self.say(
            f"Sicherung vom {preview.backup_created_at}. Verloren gehen: {preview.events_lost} Protokolleinträge, "
            f"Konten: {users}; {preview.deletion_runs_since} Löschläufe seither (ihre Löschungen werden erneut "
            "angewandt).",
            f"Backup of {preview.backup_created_at}. Lost: {preview.events_lost} audit events, accounts: {users}; "
            f"{preview.deletion_runs_since} deletion runs since (their erasures are applied again).",
        )
        return True

    def cmd_rekey(self, args: argparse.Namespace) -> int:
        """New database key and key file; print the one-time passwords and the recovery key."""

        def run(session: UserSession) -> int:
            result = accounts.rekey(session)
            self.say(
                "Neu verschlüsselt. Frühere Schlüsseldateien und Sicherungen öffnen die Datenablage nicht mehr. "
                "Einmal-Passwörter (jede Person setzt bei der ersten Anmeldung ein eigenes):",
                "Re-keyed. Earlier key files and backups no longer open the store. One-time passwords (each "
                "person sets her own at the first sign-in):",
            )
            for name, password in sorted(result.one_time_passwords.items()):
                print(f"  {name}: {password}", file=self.out)
            self.say(
                "Neuer Wiederherstellungsschlüssel – wird nur jetzt angezeigt; der alte gilt nicht mehr:",
                "New recovery key – shown only now; the old one no longer works:",
            )
            print(result.recovery_key, file=self.out)
            return EXIT_OK

        return self.with_session(args, run)

    def cmd_server(self, args: argparse.Namespace) -> int:
        """``server setup`` / ``server add-user`` on the profile given by --server."""
        if args.server is None:
            raise CliError("server_only_command", command=args.server_command)
        if args.server_command == "setup":
            return self._server_setup(args)
        if args.server_command == "import-store":
            return self._server_import_store(args)
        if args.server_command == "reapply-erasures":
            return self._server_reapply_erasures(args)
        return self._server_add_user(args)

    def _server_reapply_erasures(self, args: argparse.Namespace) -> int:
        lists = [read_file(path, max_bytes=erasure_list.MAX_BYTES) for path in args.lists]
        password = read_password(args.password_stdin, self.stdin)
        erased, entries = server_retention.reapply_erasures(
            args.server, args.user, password, lists, clock=self.env.clock, policy=self.env.policy
        )
        self.say(
            f"Löschlisten angewendet: {erased} Akten erneut gelöscht ({entries} Einträge geprüft).",
            f"Erasure lists applied: {erased} files erased again ({entries} entries checked).",
        )
        return EXIT_OK

    def _server_import_store(self, args: argparse.Namespace) -> int:
        admin_password = read_password(args.password_stdin, self.stdin)
        store_password = read_password(
            args.password_stdin, self.stdin, prompt=f"Passwort von {args.store_user} (lokale Datenablage): "
        )
        moved = server_admin.import_store(
            args.server, args.user, admin_password, args.store_file, args.store_user, store_password,
            clock=self.env.clock, policy=self.env.policy,
        )  # fmt: skip
        self.say(
            f"Übertragen: {moved} Akten mit Verlauf und Protokoll. Die lokale Datenablage bleibt unverändert; "
            "bitte nach der Kontrolle sicher löschen.",
            f"Moved: {moved} files with history and audit log. The local store is unchanged; delete it "
            "safely after checking.",
        )
        return EXIT_OK

    def _server_setup(self, args: argparse.Namespace) -> int:
        owner_password = read_password(args.password_stdin, self.stdin, prompt=f"Passwort von {args.owner}: ")
        admin_password = read_password(
            args.password_stdin, self.stdin, confirm=True, prompt=f"Neues Passwort für {args.admin}: "
        )
        recovery_key = server_admin.setup_server(
            args.server, args.owner, owner_password, args.admin, admin_password, policy=self.env.policy
        )
        self.say("Büro-Server eingerichtet.", "Office server set up.")
        self._show_recovery_key(recovery_key)
        return EXIT_OK

    def _server_add_user(self, args: argparse.Namespace) -> int:
        admin_password = read_password(args.password_stdin, self.stdin)
        password = read_password(
            args.password_stdin, self.stdin, confirm=True, prompt=f"Erstes Passwort für {args.name}: "
        )
        roles = frozenset(Role(r) for r in args.role)
        server_admin.add_server_user(
            args.server, args.user, admin_password, args.name, roles, password,
            policy=self.env.policy, display_name=args.display_name,
        )  # fmt: skip
        self.say(f"Person angelegt: {args.name}", f"Person added: {args.name}")
        return EXIT_OK

    def run(self, args: argparse.Namespace) -> int:
        """Dispatch one parsed command."""
        if args.server is not None and args.command not in SERVER_READY_COMMANDS:
            code = "local_only_command" if args.command in LOCAL_ONLY_COMMANDS else "server_command_unavailable"
            raise CliError(code, command=args.command or "gui")
        handler = {
            "server": self.cmd_server,
            "init": self.cmd_init,
            "import": self.cmd_import,
            "import-sheet": self.cmd_import_sheet,
            "export": self.cmd_export,
            "verify": self.cmd_verify,
            "stats": self.cmd_stats,
            "stats-trend": self.cmd_stats_trend,
            "stats-bundle": self.cmd_stats_bundle,
            "stats-merge": self.cmd_stats_merge,
            "backup": self.cmd_backup,
            "restore": self.cmd_restore,
            "rekey": self.cmd_rekey,
        }[args.command]
        return handler(args)


def run(
    args: argparse.Namespace,
    env: Environment,
    *,
    out: TextIO | None = None,
    err: TextIO | None = None,
    stdin: TextIO | None = None,
) -> int:
    """Run a non-GUI command; expected problems become one line on stderr."""
    err = err or sys.stderr
    cli = Cli(env, out or sys.stdout, stdin or sys.stdin)
    if args.command not in ("stats-merge", "server") and args.server is None:
        warning = network_warning(cli.store_path(args))
        if warning is not None:
            print(f"jmd-desk: {message(warning, env.lang)}", file=err)
    try:
        return cli.run(args)
    except CliError as exc:
        print(f"jmd-desk: {message(exc.error, env.lang)}", file=err)
        return EXIT_USAGE
    except JmdError as exc:
        log.info("command %s failed: %s", args.command, exc.code)
        print(f"jmd-desk: {message(exc, env.lang)}", file=err)
        return EXIT_FAILED
    except KeyboardInterrupt:
        print("jmd-desk: abgebrochen" if env.lang == "de" else "jmd-desk: interrupted", file=err)
        return 130
