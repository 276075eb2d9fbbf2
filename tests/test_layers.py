"""The layer rules of DESIGN §2, checked on the import statements of every module."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "jmd_desk"

# layer -> jmd_desk layers it may import (besides itself)
# ``texts`` (messages, labels, country names) is a leaf every layer may use.
ALLOWED = {
    "texts": set(),
    "domain": {"texts"},
    "store": {"domain", "texts"},
    "reports": {"domain", "texts"},
    "services": {"domain", "store", "reports", "texts"},
    # the demo office sits beside the services: it creates and fills a store through them
    "demo": {"domain", "store", "services", "texts"},
    "arguments": {"domain", "texts"},
    "cli": {"domain", "services", "reports", "arguments", "texts"},
    "ui": {"domain", "services", "demo", "texts"},
    "app": {"domain", "services", "reports", "cli", "ui", "store", "selftest", "arguments", "texts", "demo"},
    "selftest": {"domain", "services", "reports", "store", "ui", "texts", "demo"},
}
QT = ("PySide6", "shiboken6")
PERSISTENCE = ("sqlalchemy", "sqlcipher3", "alembic", "sqlite3", "psycopg")
QT_ALLOWED = {"ui", "app", "selftest"}
PERSISTENCE_ALLOWED = {"store"}
STDLIB_ONLY = {"domain", "texts"}
THIRD_PARTY_IN_DOMAIN: set[str] = set()


def layer_of(path: Path, package: Path) -> str:
    rel = path.relative_to(package)
    return rel.parts[0].removesuffix(".py") if rel.parts[0] not in ("__init__.py", "__main__.py") else "app"


def imports_of(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module))
    return found


def violations(path: Path, package: Path = PACKAGE) -> list[str]:
    layer = layer_of(path, package)
    problems = []
    for line, module in imports_of(path):
        top = module.split(".")[0]
        where = f"{path.relative_to(package.parent)}:{line} imports {module}"
        if top == "jmd_desk":
            parts = module.split(".")
            if len(parts) == 1:
                continue  # the package itself (its version)
            target = parts[1]
            if target == "assets":
                continue  # shipped files: usable from every layer
            if target != layer and target not in ALLOWED.get(layer, set()):
                problems.append(f"{where} ({layer} may not import {target})")
        elif top in QT and layer not in QT_ALLOWED:
            problems.append(f"{where} (Qt only in ui/ and app.py)")
        elif top in PERSISTENCE and layer not in PERSISTENCE_ALLOWED:
            problems.append(f"{where} (persistence libraries only in store/)")
        elif top == "reportlab" and layer != "reports":
            problems.append(f"{where} (reportlab only in reports/)")
        elif layer in STDLIB_ONLY and top not in sys.stdlib_module_names and top != "jmd_desk":
            problems.append(f"{where} ({layer} is stdlib only)")
    return problems


MODULES = sorted(PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_module_respects_layers(path: Path) -> None:
    assert violations(path) == []


def test_checker_catches_each_kind_of_violation(tmp_path: Path) -> None:
    fake = tmp_path / "jmd_desk"
    (fake / "domain").mkdir(parents=True)
    (fake / "services").mkdir()
    bad_domain = fake / "domain" / "bad.py"
    bad_domain.write_text("import sqlalchemy\nfrom jmd_desk.ui import x\nfrom PySide6 import QtCore\nimport requests\n")
    bad_service = fake / "services" / "bad.py"
    bad_service.write_text("from sqlalchemy import select\nimport reportlab\nfrom jmd_desk.cli import main\n")
    assert len(violations(bad_domain, fake)) == 4
    assert len(violations(bad_service, fake)) == 3
