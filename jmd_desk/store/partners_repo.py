"""Network partners."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from jmd_desk.domain.entities import Partner, Saved
from jmd_desk.domain.errors import JmdError
from jmd_desk.domain.readmodels import PartnerChoice
from jmd_desk.domain.text import fold, search_key
from jmd_desk.store.mapping import from_row, to_row
from jmd_desk.store.row_versions import check_version, versions_of
from jmd_desk.store.schema import PartnerRecord
from jmd_desk.store.server.fields import field_cipher


class PartnerRepository:
    """Reads and writes ``partners``."""

    def __init__(self, session: Session) -> None:
        self._s = session

    def add(self, partner: Partner) -> int:
        """Insert; returns the id."""
        record = PartnerRecord(**to_row(partner), search_key=partner_search_key(partner))
        self._s.add(record)
        self._s.flush()
        return record.id

    def update(self, partner_id: int, partner: Partner) -> None:
        """Replace the partner's data."""
        record = self._get(partner_id)
        for name, value in to_row(partner).items():
            setattr(record, name, value)
        record.search_key = partner_search_key(partner)

    def _get(self, partner_id: int) -> PartnerRecord:
        record = self._s.get(PartnerRecord, partner_id)
        if record is None:
            raise JmdError("not_found", kind="partner", id=partner_id)
        return record

    def get(self, partner_id: int) -> Saved[Partner]:
        """One partner (with its version on the office server)."""
        version = versions_of(self._s, "partners", [partner_id]).get(partner_id)
        return Saved(partner_id, from_row(Partner, self._get(partner_id)), version)

    def check_version(self, partner_id: int, seen: int | None) -> None:
        """Refuse a save over a newer one (office server; see ``row_versions``)."""
        check_version(self._s, "partners", partner_id, seen)

    def exists(self, partner_id: int) -> bool:
        """True if the partner exists."""
        return self._s.get(PartnerRecord, partner_id) is not None

    def choices(self) -> list[PartnerChoice]:
        """Every partner's id, name and state by name: what a referral form offers (no sealed
        contact data to open on the office server)."""
        columns = (PartnerRecord.id, PartnerRecord.name, PartnerRecord.active)
        rows = self._s.execute(select(*columns).order_by(PartnerRecord.name, PartnerRecord.id))
        return [PartnerChoice(pid, name, bool(active)) for pid, name, active in rows]

    def all(self, text: str = "", *, active_only: bool = False) -> list[Saved[Partner]]:
        """Partners by name; ``text`` matches name, contact person and type, folded."""
        query = select(PartnerRecord).order_by(PartnerRecord.name, PartnerRecord.id)
        if active_only:
            query = query.where(PartnerRecord.active.is_(True))
        words = fold(text).split()
        if field_cipher(self._s) is not None:  # sealed search keys: filter here, not in SQL
            records = [r for r in self._s.scalars(query) if all(w in r.search_key for w in words)]
            versions = versions_of(self._s, "partners", (r.id for r in records))
            return [Saved(r.id, from_row(Partner, r), versions.get(r.id)) for r in records]
        for word in words:
            query = query.where(PartnerRecord.search_key.contains(word, autoescape=True))
        return [Saved(r.id, from_row(Partner, r)) for r in self._s.scalars(query)]


def partner_search_key(partner: Partner) -> str:
    """What the directory search looks in."""
    return search_key(partner.name, partner.contact_person, partner.partner_type)
