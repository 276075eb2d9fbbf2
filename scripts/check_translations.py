"""CI check: the German translation is complete and up to date with the code.

Fails when lupdate would add or drop a message, when any message is unfinished, or when the
committed .qm differs from what lrelease makes of the .ts. Run from the repository root.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

TS = Path("resources/i18n/jmd_desk_de.ts")
QM = Path("resources/i18n/jmd_desk_de.qm")


def tool(name: str) -> str:
    """A PySide6 tool beside the running interpreter (or on PATH)."""
    beside = Path(sys.executable).with_name(name)
    return str(beside) if beside.exists() else name


def messages(path: Path) -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(path).getroot()
    found = {}
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            found[(name, message.findtext("source") or "")] = message
    return found


def main() -> int:
    sources = sorted(str(p) for p in Path("jmd_desk/ui").glob("*.py"))
    problems: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / TS.name
        shutil.copy(TS, fresh)
        subprocess.run(
            [
                tool("pyside6-lupdate"),
                *sources,
                "-source-language",
                "en",
                "-target-language",
                "de_DE",
                "-ts",
                str(fresh),
            ],
            check=True,
            capture_output=True,
        )
        committed, current = messages(TS), messages(fresh)
        problems += [f"new, not in the .ts: {k}" for k in current.keys() - committed.keys()]
        for key, message in current.items():
            kind = message.find("translation").get("type")  # type: ignore[union-attr]
            if kind == "unfinished":
                problems.append(f"unfinished: {key}")
            elif kind in ("obsolete", "vanished"):
                problems.append(f"obsolete (no longer in the code): {key}")
        qm = Path(tmp) / QM.name
        subprocess.run([tool("pyside6-lrelease"), str(TS), "-qm", str(qm)], check=True, capture_output=True)
        if not QM.exists() or qm.read_bytes() != QM.read_bytes():
            problems.append(f"{QM} is not the lrelease output of {TS}")
    for problem in problems:
        print(problem)
    print("translations: " + ("FAILED" if problems else f"OK ({len(committed)} messages)"))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
