"""Files shipped with the program (fonts, translations, icons, the user guide).

They live in the repository's ``resources/`` folder; wheels carry them as
``jmd_desk/_resources`` and frozen bundles as ``resources``.
"""

from __future__ import annotations

import contextlib
import sys
from functools import cache
from importlib import resources
from pathlib import Path


@cache
def resource_root() -> Path:
    """The folder that holds ``fonts/``, ``i18n/``, ``icons/`` and ``docs/``."""
    candidates = []
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        candidates.append(Path(bundle) / "resources")
    candidates.append(Path(__file__).resolve().parents[1] / "resources")
    with contextlib.suppress(ModuleNotFoundError, TypeError):
        candidates.append(Path(str(resources.files("jmd_desk") / "_resources")))
    for folder in candidates:
        if (folder / "fonts").is_dir():
            return folder
    raise FileNotFoundError("resources folder not found")


def resource(*parts: str) -> Path:
    """Path of one shipped file, e.g. ``resource("fonts", "DejaVuSans.ttf")``."""
    return resource_root().joinpath(*parts)
