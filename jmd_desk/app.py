"""Composition root: reads the environment, sets up logging, runs the CLI or the desktop client."""

from __future__ import annotations

import logging
import logging.handlers
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from jmd_desk import __version__
from jmd_desk.services.hardening import disable_core_dumps

if TYPE_CHECKING:
    from jmd_desk.services.environment import Environment

LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def setup_logging(env: Environment) -> None:
    """A rotating log file in the log folder. Log lines carry codes and ids, never names."""
    root = logging.getLogger("jmd_desk")
    if root.handlers:
        return
    try:
        env.paths.log_dir.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            env.paths.log_dir / "jmd-desk.log", maxBytes=1_000_000, backupCount=3, encoding="utf-8"
        )
    except OSError:
        handler = logging.NullHandler()
    handler.setFormatter(logging.Formatter(LOG_FORMAT))
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    root.propagate = False


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``jmd-desk`` and ``python -m jmd_desk``."""
    disable_core_dumps()  # before any key or name is in memory
    arguments = sys.argv[1:] if argv is None else list(argv)
    if arguments == ["--version"]:  # answered before the store, services or Qt are imported
        print(f"JMD Desk {__version__}")  # noqa: T201 - the command's output
        return 0
    from jmd_desk.arguments import GUI_COMMANDS, parse  # noqa: PLC0415 - not needed for --version
    from jmd_desk.services.environment import Environment  # noqa: PLC0415

    args = parse(arguments)
    env = Environment.from_env()
    if args.lang:
        env = Environment(env.paths, env.clock, env.policy, args.lang)
    setup_logging(env)
    if args.self_test:
        from jmd_desk.selftest import run_self_test  # noqa: PLC0415 - only for the bundle check

        return run_self_test(env)
    if args.command in (None, *GUI_COMMANDS) and not (args.command == "demo" and args.server is not None):
        from jmd_desk.ui.application import run_gui  # noqa: PLC0415 - Qt only when needed

        return run_gui(args, env)
    from jmd_desk.cli import main as cli  # noqa: PLC0415 - the store and services behind it load slowly

    return cli.run(args, env)


def main_gui() -> int:
    """Entry point of the windowed launcher (no console on Windows)."""
    return main(sys.argv[1:] or ["gui"])
