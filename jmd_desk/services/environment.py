"""Where the program keeps things, which language it speaks, and the KDF policy in force."""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from platformdirs import PlatformDirs

from jmd_desk.domain.clock import Clock, SystemClock
from jmd_desk.store.keyfile import KdfPolicy

APP_NAME = "jmd-desk"
STORE_NAME = "office.jmd"
# Only the test suite sets this: it makes key slots cheap to derive. Never set it in production.
INSECURE_KDF_ENV = "JMD_DESK_INSECURE_FAST_KDF_FOR_TESTS"
HOME_ENV = "JMD_DESK_HOME"
LANG_ENV = "JMD_DESK_LANG"


@dataclass(frozen=True)
class AppPaths:
    """Data, configuration and log folders (platformdirs; all below JMD_DESK_HOME if set)."""

    data_dir: Path
    config_dir: Path
    log_dir: Path

    @classmethod
    def from_env(cls, env: Mapping[str, str] = os.environ) -> AppPaths:
        """The folders for this user, or below ``JMD_DESK_HOME`` (portable installs, tests)."""
        home = env.get(HOME_ENV)
        if home:
            root = Path(home)
            return cls(root / "data", root / "config", root / "log")
        dirs = PlatformDirs(APP_NAME, appauthor=False)
        return cls(Path(dirs.user_data_dir), Path(dirs.user_config_dir), Path(dirs.user_log_dir))

    @property
    def default_store(self) -> Path:
        """Where the office store lives unless ``--store`` says otherwise."""
        return self.data_dir / STORE_NAME


def language_from_env(env: Mapping[str, str] = os.environ) -> str:
    """``de`` or ``en``: JMD_DESK_LANG, else the locale variables; German unless English is set."""
    explicit = env.get(LANG_ENV, "").lower()
    if explicit in ("de", "en"):
        return explicit
    for name in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = env.get(name, "").lower()
        if value and value not in ("c", "posix", "c.utf-8"):
            return "de" if value.startswith("de") else "en"
    return "de"


def kdf_policy_from_env(env: Mapping[str, str] = os.environ) -> KdfPolicy:
    """Production policy, unless the test suite asked for the insecure fast one. The switch
    works only from a source checkout with its test suite: an installed or bundled program
    ignores it, so nobody can weaken a real office's key slots through the environment."""
    if env.get(INSECURE_KDF_ENV) == "1" and running_from_source_checkout():
        return KdfPolicy.insecure_for_tests()
    return KdfPolicy()


def running_from_source_checkout() -> bool:
    """True when this package is the one in a development checkout (beside pyproject.toml and
    tests/conftest.py), never for an installed wheel or a frozen bundle."""
    if getattr(sys, "frozen", False):
        return False
    root = Path(__file__).resolve().parents[2]
    pyproject = root / "pyproject.toml"
    try:
        return (root / "tests" / "conftest.py").is_file() and 'name = "jmd-desk"' in pyproject.read_text("utf-8")
    except OSError:
        return False


@dataclass(frozen=True)
class Environment:
    """What the composition root hands to the CLI and the UI."""

    paths: AppPaths
    clock: Clock
    policy: KdfPolicy
    lang: str

    @classmethod
    def from_env(cls, env: Mapping[str, str] = os.environ) -> Environment:
        """Everything from the process environment."""
        return cls(AppPaths.from_env(env), SystemClock(), kdf_policy_from_env(env), language_from_env(env))
