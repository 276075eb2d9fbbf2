"""What the main window needs of a page in its navigation."""

from __future__ import annotations

from typing import Protocol, runtime_checkable


@runtime_checkable
class Page(Protocol):
    """A page of the main window: reloads when shown, forgets its data when the program locks."""

    def refresh(self) -> None:
        """Reload what the page shows (it is being shown, or colleagues changed something)."""

    def clear(self) -> None:
        """Forget the shown data (lock)."""
