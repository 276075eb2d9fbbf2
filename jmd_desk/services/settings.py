"""Office settings: read by everyone, changed by the admin."""

from __future__ import annotations

from dataclasses import asdict

from jmd_desk.domain.codes import Role
from jmd_desk.domain.errors import ValidationError
from jmd_desk.domain.settings import OfficeSettings
from jmd_desk.services.session import UserSession


def office_settings(session: UserSession) -> OfficeSettings:
    """The current office settings (defaults where nothing was set)."""
    with session.uow() as uow:
        return OfficeSettings.from_values(uow.settings.all())


def save_office_settings(session: UserSession, settings: OfficeSettings) -> None:
    """Store new office settings (admin only)."""
    session.require(Role.ADMIN)
    errors = settings.problems()
    if errors:
        raise ValidationError(errors)
    with session.uow(write=True) as uow:
        for key, value in asdict(settings).items():
            uow.settings.set(key, value)
        session.audit(uow, "settings_changed")
