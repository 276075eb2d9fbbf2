"""No function in the program is longer than 60 lines and no widget module longer than 400 (issue 11,
acceptance 4): short functions and modules that do one thing are easier to read, test and change."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "jmd_desk"
MAX_LINES = 60
MAX_UI_MODULE_LINES = 400


def long_functions(root: Path, limit: int) -> list[tuple[str, str, int]]:
    """(module path below ``root``, function name, lines) of every function longer than ``limit``,
    decorators included."""
    found = []
    for path in sorted(root.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                first = min([node.lineno, *(d.lineno for d in node.decorator_list)])
                lines = (node.end_lineno or node.lineno) - first + 1
                if lines > limit:
                    found.append((path.relative_to(root).as_posix(), node.name, lines))
    return found


def test_no_function_is_longer_than_60_lines() -> None:
    too_long = [f"{path}: {name} ({lines} lines)" for path, name, lines in long_functions(PACKAGE, MAX_LINES)]
    assert not too_long, "functions over 60 lines:\n" + "\n".join(too_long)


def test_the_check_finds_a_long_function(tmp_path: Path) -> None:
    body = "\n".join(f"    x{i} = {i}" for i in range(MAX_LINES))
    (tmp_path / "long.py").write_text(f"@staticmethod\ndef long():\n{body}\n\n\ndef short():\n    return 1\n")
    assert long_functions(tmp_path, MAX_LINES) == [("long.py", "long", MAX_LINES + 2)]


def test_no_ui_module_is_longer_than_400_lines() -> None:
    sizes = {p.name: len(p.read_text(encoding="utf-8").splitlines()) for p in (PACKAGE / "ui").rglob("*.py")}
    too_long = sorted(f"ui/{name}: {lines} lines" for name, lines in sizes.items() if lines > MAX_UI_MODULE_LINES)
    assert len(sizes) > 20 and not too_long, "ui modules over 400 lines:\n" + "\n".join(too_long)
