"""Drive the real program on a real X display with real key events (XTEST through xdotool).

The program runs in a child process, so a segmentation fault shows as its exit status instead of
taking the test run down. A scenario reads like what a user does::

    app = RealApp.start(store, home)            # signs in as berta
    app.key("ctrl+n"); app.wait_window("Neue")
    app.type("Amira"); app.key("Tab")
    ...
    app.quit()                                  # Ctrl+Q, then checks the exit status

``keystrokes`` counts every key press sent with ``key`` and every character typed with
``type(..., counted=True)``, so a test can bound how much work a task takes.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from tests.conftest import PASSWORDS

DISPLAY_ENV = "JMD_DESK_REAL_DISPLAY"
FOCUS_RING_HEX = "#E65100"  # jmd_desk.ui.focus_ring.RING_COLOR
STEP_DELAY_S = 0.15  # let the program react between key presses (2 shared cores)


def display() -> str | None:
    """The X display the real-display tests run on (None: they are skipped)."""
    return os.environ.get(DISPLAY_ENV) or None


def xdotool(*args: str, timeout: float = 20) -> str:
    """Run xdotool on the test display and return its output."""
    env = {**os.environ, "DISPLAY": display() or ""}
    done = subprocess.run(["xdotool", *args], env=env, capture_output=True, text=True, timeout=timeout, check=False)
    return done.stdout.strip()


def shots_dir() -> Path:
    """Where scenario screenshots go: JMD_DESK_SCREENSHOT_DIR (the README's come from
    ``docs/screenshots``), else a throw-away folder."""
    chosen = os.environ.get("JMD_DESK_SCREENSHOT_DIR")
    return Path(chosen) if chosen else Path(tempfile.mkdtemp(prefix="jmd-shots-"))


def german_keyboard() -> None:
    """A German key map, so that umlauts and ß are typed as real key presses."""
    env = {**os.environ, "DISPLAY": display() or ""}
    subprocess.run(["setxkbmap", "de"], env=env, check=True, timeout=20)


class AppDiedError(AssertionError):
    """The program ended while a test was still driving it."""


@dataclass
class RealApp:
    process: subprocess.Popen[bytes]
    log: Path
    keystrokes: int = 0
    screenshots: list[Path] = field(default_factory=list)

    @classmethod
    def start(cls, store: Path, home: Path, user: str = "berta", password: str | None = None) -> RealApp:
        """Start the program on ``store``, sign in, and wait for the main window."""
        app = cls.launch(store, home)
        try:
            app.wait_window("Anmeldung")
            app.key("ctrl+a")
            app.type(user)
            app.key("Tab")
            app.type(password or PASSWORDS[user])
            app.key("Return")
            app.wait_window(r"^JMD Desk –(?!.*Anmeldung)")
        except BaseException:
            app.kill()
            raise
        app.keystrokes = 0
        return app

    @classmethod
    def launch(cls, store: Path, home: Path) -> RealApp:
        """Start the program on ``store`` and return at once (sign-in or set-up is up to the caller)."""
        return cls.launch_with(["--store", str(store), "gui"], home)

    @classmethod
    def launch_with(cls, arguments: list[str], home: Path) -> RealApp:
        """Start ``jmd-desk ARGUMENTS`` (e.g. ``--server PROFILE``) and return at once."""
        env = {
            **os.environ,
            "DISPLAY": display() or "",
            "QT_QPA_PLATFORM": "xcb",
            "JMD_DESK_HOME": str(home),
            "JMD_DESK_LANG": "de",
            "JMD_DESK_INSECURE_FAST_KDF_FOR_TESTS": "1",
        }
        home.mkdir(parents=True, exist_ok=True)
        german_keyboard()
        log = home / "app-output.txt"
        with log.open("wb") as out:
            process = subprocess.Popen(
                [sys.executable, "-m", "jmd_desk", *arguments],
                env=env,
                stdout=out,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
            )
        return cls(process, log)

    # --- state
    def alive(self) -> bool:
        return self.process.poll() is None

    def check_alive(self) -> None:
        if not self.alive():
            raise AppDiedError(f"the program ended with status {self.process.returncode}:\n{self.output()}")

    def output(self) -> str:
        return self.log.read_text(errors="replace")[-4000:]

    def active_title(self) -> str:
        return xdotool("getactivewindow", "getwindowname")

    def wait_window(self, title: str, timeout: float = 20) -> str:
        """Wait until the active window's title matches the regular expression ``title``."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            self.check_alive()
            current = self.active_title()
            if re.search(title, current):
                time.sleep(STEP_DELAY_S)
                return current
            time.sleep(0.1)
        raise AssertionError(f"no window {title!r}; active: {self.active_title()!r}\n{self.output()}")

    def activate(self, title: str) -> None:
        """Bring the window whose title matches ``title`` to the front (as a click on it would)."""
        found = xdotool("search", "--onlyvisible", "--name", title).split()
        assert found, f"no window {title!r}"
        xdotool("windowactivate", "--sync", found[0])
        self.wait_window(title)

    # --- input
    def key(self, *keys: str) -> None:
        """Press keys one after another (xdotool names: Tab, Return, ctrl+k, Down)."""
        for name in keys:
            self.check_alive()
            xdotool("key", "--clearmodifiers", name)
            self.keystrokes += 1
            time.sleep(STEP_DELAY_S)

    def type(self, text: str, *, counted: bool = True, delay_ms: int = 25) -> None:
        """Type ``text`` character by character; ``counted`` adds its length to ``keystrokes``."""
        self.check_alive()
        xdotool("type", "--delay", str(delay_ms), "--", text, timeout=60)
        if counted:
            self.keystrokes += len(text)
        time.sleep(STEP_DELAY_S)

    def screenshot(self, path: Path) -> Path:
        path.parent.mkdir(parents=True, exist_ok=True)
        env = {**os.environ, "DISPLAY": display() or ""}
        subprocess.run(["import", "-window", "root", str(path)], env=env, check=True, timeout=30)
        self.screenshots.append(path)
        return path

    def focus_ring_pixels(self) -> int:
        """How many screen pixels have the focus ring's colour (0: the focus is not visible)."""
        with tempfile.TemporaryDirectory() as folder:
            shot = self.screenshot(Path(folder) / "screen.png")
            self.screenshots.remove(shot)
            done = subprocess.run(
                ["convert", str(shot), "-depth", "8", "-format", "%c", "histogram:info:-"],
                capture_output=True,
                text=True,
                check=True,
                timeout=30,
            )
        line = next((row for row in done.stdout.splitlines() if FOCUS_RING_HEX in row.upper()), "")
        return int(line.split(":")[0]) if line else 0

    # --- end
    def quit(self, timeout: float = 20) -> int:
        """Quit by Ctrl+Q from the main window; fails if the program crashed."""
        self.check_alive()
        self.key("ctrl+q")
        return self.wait_exit(timeout)

    def wait_exit(self, timeout: float = 20) -> int:
        try:
            code = self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            self.kill()
            raise AssertionError(f"the program did not end within {timeout} s\n{self.output()}") from None
        assert code >= 0, f"the program was killed by signal {-code}:\n{self.output()}"
        return code

    def kill(self) -> None:
        if self.alive():
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(10)
