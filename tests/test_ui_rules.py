"""Rules stay in the services (issue 11, acceptance 3): checked on every ui module's source.

No ui module imports the reports or the store, re-derives a permission (``user.has(...)``,
``session.require(...)``) or a consent (``rules.consent_valid_on`` …), or writes audit events or
register entries (``.audit(...)``, ``.uow(...)``, ``publication.record…``). The views ask
``services.capabilities`` and the read models instead.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

UI = Path(__file__).resolve().parents[1] / "jmd_desk" / "ui"

FORBIDDEN_IMPORTS = ("jmd_desk.reports", "jmd_desk.store")
PERMISSION_CALLS = {"has", "require", "require_all"}
CONSENT_NAMES = {"consent_valid_on", "has_valid_consent"}
WRITE_CALLS = {"audit", "uow", "record", "record_report"}


def _imports(tree: ast.AST) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            found += [(node.lineno, node.module)] + [(node.lineno, f"{node.module}.{a.name}") for a in node.names]
    return found


def _called_name(node: ast.Call) -> str:
    func = node.func
    return func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""


def problems(path: Path) -> list[str]:
    """Every place in ``path`` where a view does a service's job."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = [
        f"{path.name}:{line} imports {module}"
        for line, module in _imports(tree)
        if module.startswith(FORBIDDEN_IMPORTS) or module.split(".")[-1] in CONSENT_NAMES
    ]
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = _called_name(node)
            if name in PERMISSION_CALLS:
                found.append(f"{path.name}:{node.lineno} checks a permission ({name})")
            elif name in CONSENT_NAMES:
                found.append(f"{path.name}:{node.lineno} checks a consent ({name})")
            elif name in WRITE_CALLS:
                found.append(f"{path.name}:{node.lineno} writes audit or register entries ({name})")
        elif isinstance(node, ast.Attribute) and node.attr == "roles" and _is_user(node.value):
            found.append(f"{path.name}:{node.lineno} reads the user's roles")
    return found


def _is_user(node: ast.expr) -> bool:
    return isinstance(node, ast.Attribute) and node.attr == "user"


@pytest.mark.parametrize("path", sorted(UI.rglob("*.py")), ids=lambda p: str(p.relative_to(UI)))
def test_ui_module_leaves_rules_to_the_services(path: Path) -> None:
    assert problems(path) == []


def test_checker_catches_each_kind(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text(
        "from jmd_desk.reports.labels import code_label\n"
        "import jmd_desk.store.uow\n"
        "from jmd_desk.domain.rules import has_valid_consent\n"
        "ok = session.user.has(Role.ADMIN)\n"
        "session.require(Role.TEAM_LEAD)\n"
        "rules.consent_valid_on(c, 'statistics', today)\n"
        "session.audit(uow, 'x')\n"
        "with session.uow(write=True): pass\n"
        "publication.record_report(session, report, 'print')\n"
        "roles = session.user.roles\n"
    )
    assert len(problems(bad)) == 11  # the first import counts as module and as name
