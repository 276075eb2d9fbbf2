"""Entry point of the frozen program (PyInstaller): the same ``main`` as ``jmd-desk``."""

import sys

from jmd_desk.app import main, main_gui

if __name__ == "__main__":
    windowed = getattr(sys, "frozen", False) and sys.executable.lower().endswith("jmd desk.exe")
    sys.exit(main_gui() if windowed else main())
