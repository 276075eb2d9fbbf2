"""The command line's arguments (DESIGN §5), apart from the commands themselves so that
starting the desktop client reads its options without importing the CLI, the store or the
services behind it."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from jmd_desk import __version__
from jmd_desk.domain.codes import Role

GUI_COMMANDS = ("gui", "demo")


def _period_options(p: argparse.ArgumentParser) -> None:
    period = p.add_mutually_exclusive_group(required=True)
    period.add_argument("--quarter", help="Quartal JJJJ-Qn")
    period.add_argument("--from", dest="date_from", help="erster Tag JJJJ-MM-TT")
    p.add_argument("--to", dest="date_to", help="letzter Tag JJJJ-MM-TT")


def _with_user(p: argparse.ArgumentParser, required: bool = True) -> argparse.ArgumentParser:
    p.add_argument("--user", required=required, help="Benutzername")
    p.add_argument("--password-stdin", action="store_true", help="Passwort aus der ersten Zeile der Standardeingabe")
    return p


def _global_options(parser: argparse.ArgumentParser) -> None:
    """Options before the command: where the data are, language, version."""
    parser.add_argument("--version", action="version", version=f"JMD Desk {__version__}")
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--store", type=Path, help="Datenablage (Standard: Datenordner des Benutzers)")
    where.add_argument("--server", type=Path, metavar="PROFILE", help="Büro-Server (Verbindungsprofil)")
    parser.add_argument("--lang", choices=("de", "en"), help="Sprache der Meldungen")
    parser.add_argument("--self-test", action="store_true", help=argparse.SUPPRESS)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of ``jmd-desk``."""
    parser = argparse.ArgumentParser(
        prog="jmd-desk",
        description="JMD Desk – verschlüsselte Fallakten für Jugendmigrationsdienste.",
    )
    _global_options(parser)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.add_parser("gui", help="Desktop-Programm starten (Standard)")
    demo = sub.add_parser("demo", help="Desktop-Programm mit Demo-Daten starten")
    demo.add_argument("--clients", type=int, default=120, help="Anzahl Demo-Klient*innen")
    init = _with_user(sub.add_parser("init", help="neue Datenablage anlegen"))
    init.add_argument("--display-name", default="", help="angezeigter Name der ersten Person")
    _add_data_commands(sub)
    _add_statistics_commands(sub)
    backup = _with_user(sub.add_parser("backup", help="verschlüsselte Sicherung anlegen"), required=False)
    backup.add_argument("file", type=Path)
    restore = _with_user(sub.add_parser("restore", help="Sicherung prüfen und zurückspielen"), required=False)
    restore.add_argument("file", type=Path)
    restore.add_argument("--recovery", action="store_true", help="mit dem Wiederherstellungsschlüssel")
    _with_user(sub.add_parser("verify", help="Verschlüsselung, Integrität, Protokollkette prüfen"))
    _with_user(sub.add_parser("rekey", help="neu verschlüsseln: alte Schlüssel und Sicherungs-Schlüssel sperren"))
    _server_commands(sub.add_parser("server", help="Büro-Server einrichten und verwalten (mit --server)"))
    return parser


def _add_data_commands(sub: Any) -> None:
    """import, import-sheet and export."""
    imp = _with_user(sub.add_parser("import", help="Austauschdatei (JSON) importieren"))
    imp.add_argument("file", type=Path)
    imp.add_argument("--counsellor", help="zuständige Fachkraft der Klient*innen ohne Fachkraft")
    sheet = _with_user(sub.add_parser("import-sheet", help="Klient*innen aus einer Tabelle (.xlsx/.csv) übernehmen"))
    sheet.add_argument("file", type=Path)
    sheet.add_argument("--mapping", type=Path, required=True, help="Zuordnungsdatei (JSON)")
    sheet.add_argument("--counsellor", help="zuständige Fachkraft der übernommenen Klient*innen")
    exp = _with_user(sub.add_parser("export", help="vollständiger Export als JSON (Klartext!)"))
    exp.add_argument("file", type=Path)


def _add_statistics_commands(sub: Any) -> None:
    """stats, stats-trend, stats-bundle and stats-merge (DESIGN §5, §7)."""
    stats = _with_user(sub.add_parser("stats", help="anonymisierte Statistik"))
    _period_options(stats)
    stats.add_argument("--format", choices=("json", "csv", "pdf"), required=True)
    stats.add_argument("-o", "--output", type=Path, required=True)
    stats.add_argument("--method", choices=("cell_key", "suppression", "internal"), default="cell_key")
    stats.add_argument("--k", type=int, default=None, metavar="3..10", help="nur mit --method suppression")
    trend = _with_user(sub.add_parser("stats-trend", help="Statistik im Zeitverlauf (bis 12 Quartale)"))
    trend.add_argument("--from-quarter", required=True, help="erstes Quartal JJJJ-Qn")
    trend.add_argument("--to-quarter", required=True, help="letztes Quartal JJJJ-Qn")
    trend.add_argument("--format", choices=("json", "pdf"), required=True)
    trend.add_argument("-o", "--output", type=Path, required=True)
    trend.add_argument("--method", choices=("cell_key", "suppression", "internal"), default="cell_key")
    bundle = _with_user(sub.add_parser("stats-bundle", help="Statistik-Bündel für die Zusammenführung"))
    _period_options(bundle)
    bundle.add_argument("-o", "--output", type=Path, required=True)
    merge = sub.add_parser("stats-merge", help="Statistik-Bündel mehrerer Datenablagen zusammenführen")
    merge.add_argument("bundles", type=Path, nargs="+")
    _period_options(merge)
    merge.add_argument("--format", choices=("json", "csv", "pdf"), required=True)
    merge.add_argument("-o", "--output", type=Path, required=True)
    merge.add_argument("--method", choices=("cell_key", "suppression"), default="cell_key")
    merge.add_argument("--k", type=int, default=None, metavar="3..10", help="nur mit --method suppression")
    merge.add_argument("--office", default="", help="Name der Dienststelle im Bericht")
    merge.add_argument(
        "--passphrase-stdin",
        action="store_true",
        help="Statistik-Passwort aus der ersten Zeile der Standardeingabe",
    )


def _server_commands(server: argparse.ArgumentParser) -> None:
    """``server setup`` and ``server add-user`` (DESIGN §5)."""
    commands = server.add_subparsers(dest="server_command", metavar="SERVER_COMMAND", required=True)
    setup = commands.add_parser("setup", help="leere Datenbank einrichten (Schema, Rollen, Regeln)")
    setup.add_argument("--owner", required=True, help="PostgreSQL-Anmeldung, der die Datenbank gehört")
    setup.add_argument("--admin", required=True, help="erste Person (alle drei Rollen)")
    add_user = commands.add_parser("add-user", help="Person anlegen (nur Verwaltung)")
    add_user.add_argument("name")
    add_user.add_argument("--role", action="append", required=True, choices=[r.value for r in Role])
    add_user.add_argument("--display-name", default="", help="angezeigter Name")
    import_store = commands.add_parser("import-store", help="lokale Datenablage auf den Server übertragen")
    import_store.add_argument("store_file", type=Path, metavar="STORE")
    import_store.add_argument("--store-user", required=True, help="Verwaltung der lokalen Datenablage")
    import_store.add_argument("--user", required=True, help="Benutzername der Verwaltung auf dem Server")
    reapply = commands.add_parser("reapply-erasures", help="Löschlisten nach dem Einspielen einer Sicherung anwenden")
    reapply.add_argument("lists", type=Path, nargs="+", metavar="FILE", help="Löschlisten (JSON)")
    reapply.add_argument("--user", required=True, help="Benutzername der Verwaltung auf dem Server")
    for p in (setup, add_user, import_store, reapply):
        p.add_argument("--password-stdin", action="store_true", help="Passwörter zeilenweise aus der Standardeingabe")
    add_user.add_argument("--user", required=True, help="Benutzername der Verwaltung")


def parse(argv: Sequence[str] | None) -> argparse.Namespace:
    """Parse the command line (argparse exits 2 with a message on bad usage)."""
    return build_parser().parse_args(argv)
