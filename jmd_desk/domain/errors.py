"""Typed errors for expected problems. Each carries a code that the UI and CLI translate."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


class JmdError(Exception):
    """An expected problem, identified by ``code``; ``params`` fill the translated message."""

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code)
        self.code = code
        self.params = params

    def __str__(self) -> str:
        extra = ", ".join(f"{k}={v}" for k, v in sorted(self.params.items()))
        return f"{self.code}({extra})" if extra else self.code


class StoreError(JmdError):
    """The store cannot be opened, read or written (environment problem, not a bug)."""


class AuthError(JmdError):
    """Sign-in failed or the signed-in user lacks a permission."""


@dataclass(frozen=True)
class FieldError:
    """One invalid value: where it is (a field name or a JSON path), what is wrong, details."""

    path: str
    code: str
    params: dict[str, Any] = field(default_factory=dict)

    def at(self, prefix: str) -> FieldError:
        """The same error below ``prefix`` (``$.clients[0]`` + ``gender``)."""
        sep = "" if self.path.startswith("[") else "."
        return FieldError(f"{prefix}{sep}{self.path}" if self.path else prefix, self.code, self.params)


class ValidationError(JmdError):
    """Input was rejected; ``errors`` lists every offending value. Nothing was changed."""

    def __init__(self, errors: list[FieldError] | tuple[FieldError, ...]) -> None:
        super().__init__("invalid_input", count=len(errors))
        self.errors = tuple(errors)

    def __str__(self) -> str:
        return "; ".join(f"{e.path}: {e.code}" for e in self.errors)
