"""Parsing the additions of interchange version 2 (DESIGN §4/§6): districts, progress,
documents, appointments, group offers and anonymous contacts.

A mixin of the document parser: it uses the parser's ``obj``, ``items``, ``ref``, ``error``
and ``cross`` and adds every problem with its JSON path.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from jmd_desk.domain import codes, rules
from jmd_desk.domain.documents import content_errors, decode_base64, file_name_errors
from jmd_desk.domain.entities import (
    AnonymousContact,
    Appointment,
    Client,
    District,
    DocumentInfo,
    GroupOffer,
    GroupSession,
    Progress,
)
from jmd_desk.domain.errors import FieldError
from jmd_desk.domain.fields import (
    ANONYMOUS_CONTACT_FIELDS,
    APPOINTMENT_ENTITY_FIELDS,
    APPOINTMENT_FIELDS,
    DISTRICT_FIELDS,
    DOCUMENT_FIELDS,
    GROUP_OFFER_FIELDS,
    GROUP_SESSION_FIELDS,
    PROGRESS_FIELDS,
    FieldSpec,
)
from jmd_desk.domain.interchange_model import DocumentBundle, GroupOfferBundle

# Keys that would point to a person; an anonymous contact must not carry any of them.
PERSONAL_KEYS = frozenset(
    {
        "ref",
        "client_ref",
        "client_number",
        "first_name",
        "last_name",
        "name",
        "date_of_birth",
        "phone",
        "email",
        "address",
        "guardian",
        "notes",
    }
)


class AdditionsParser:
    """Version-2 parts of the document parser (mixed into ``interchange.DocumentReader``)."""

    errors: list[FieldError]
    district_codes: set[str]
    office_districts: frozenset[str]

    # Provided by the parser this is mixed into.
    def error(self, path: str, code: str, **params: Any) -> None:
        raise NotImplementedError

    def obj(self, raw: Any, specs: Sequence[FieldSpec], path: str, extra: Any = ()) -> dict[str, Any] | None:
        raise NotImplementedError

    def items(self, raw: Any, key: str, path: str) -> list[tuple[str, Any]]:
        raise NotImplementedError

    def ref(self, raw: Any, path: str, seen: set[str]) -> str:
        raise NotImplementedError

    def cross(self, errors: list[FieldError], path: str) -> None:
        raise NotImplementedError

    # --------------------------------------------------------------- districts
    def districts(self, raw: dict[str, Any]) -> list[District]:
        """The file's list of districts (codes unique)."""
        result = []
        for path, item in self.items(raw, "districts", "$"):
            values = self.obj(item, DISTRICT_FIELDS, path)
            if values is None:
                continue
            district = District(**values)
            if district.code in self.district_codes or district.code == codes.UNKNOWN:
                self.error(f"{path}.code", "duplicate_code", value=district.code)
            self.district_codes.add(district.code)
            result.append(district)
        return result

    def client_district(self, client: Client, path: str) -> None:
        """A client's district must be in the file's list or in the office's list."""
        district = client.district
        known = district in self.district_codes or district in self.office_districts
        if district is not None and district != codes.UNKNOWN and not known:
            self.error(f"{path}.district", "unknown_district", value=district)

    # ---------------------------------------------------------------- progress
    def progress(self, raw: Any, path: str, client: Client | None) -> list[Progress]:
        """Progress entries; the client's field must equal the latest entry of each field."""
        entries = []
        for ppath, item in self.items(raw, "progress", path):
            values = self.obj(item, PROGRESS_FIELDS, ppath)
            if values is None:
                continue
            entry = Progress(**values)
            problems = rules.progress_errors(entry)
            self.cross(problems, ppath)
            if not problems:
                entries.append(entry)
        if client is not None:
            self.cross(rules.progress_mismatch(client, entries), path)
        return entries

    # --------------------------------------------------------------- documents
    def documents(self, raw: Any, path: str) -> list[DocumentBundle]:
        """Documents with decoded, checked contents."""
        result = []
        for dpath, item in self.items(raw, "documents", path):
            values = self.obj(item, DOCUMENT_FIELDS, dpath, extra=("content_base64",))
            content, problem = decode_base64(item.get("content_base64") if isinstance(item, dict) else None)
            if problem is not None:
                self.cross([problem], dpath)
            if values is None or content is None:
                continue
            info = DocumentInfo(**values, size=len(content))
            problems = file_name_errors(info.file_name) + content_errors(info.media_type, content)
            self.cross(
                [FieldError("content_base64", e.code, e.params) if e.path == "content" else e for e in problems], dpath
            )
            if not problems:
                result.append(DocumentBundle(info, content))
        return result

    # ------------------------------------------------------------ appointments
    def case_appointments(self, raw: Any, path: str, contact_refs: dict[str, int]) -> list[Appointment]:
        """Appointments of a case; a held one may name its contact by ``contact_ref``."""
        result = []
        for apath, item in self.items(raw, "appointments", path):
            values = self.obj(item, APPOINTMENT_FIELDS, apath)
            if values is None:
                continue
            contact_ref = values.pop("contact_ref", None)
            appointment = Appointment(**values)
            if contact_ref is not None:
                if appointment.status != "held":
                    self.error(f"{apath}.contact_ref", "only_when_held")
                elif contact_ref not in contact_refs:
                    self.error(f"{apath}.contact_ref", "unknown_contact_ref", value=contact_ref)
                else:
                    appointment = Appointment(**values, contact_id=contact_refs[contact_ref])
            result.append(appointment)
        return result

    def offer_appointments(self, raw: Any, path: str) -> list[Appointment]:
        """Appointments of a group offer (no contact: a held one became a session)."""
        result = []
        for apath, item in self.items(raw, "appointments", path):
            values = self.obj(item, APPOINTMENT_ENTITY_FIELDS, apath)
            if values is not None:
                result.append(Appointment(**values))
        return result

    # ------------------------------------------------------------ group offers
    def group_offers(
        self, raw: dict[str, Any], partner_refs: dict[str, int], client_refs: dict[str, int]
    ) -> list[GroupOfferBundle]:
        """Every group offer of the file."""
        seen: set[str] = set()
        result = []
        for path, item in self.items(raw, "group_offers", "$"):
            bundle = self.group_offer(item, path, seen, partner_refs, client_refs)
            if bundle is not None:
                result.append(bundle)
        return result

    def group_offer(
        self, raw: Any, path: str, seen: set[str], partner_refs: dict[str, int], client_refs: dict[str, int]
    ) -> GroupOfferBundle | None:
        values = self.obj(raw, GROUP_OFFER_FIELDS, path, extra=("ref", "sessions", "client_refs", "appointments"))
        ref = self.ref(raw, path, seen)
        indexes = self.client_indexes(raw, path, client_refs)
        appointments = self.offer_appointments(raw, path)
        sessions = [
            (spath, GroupSession(**svalues))
            for spath, item in self.items(raw, "sessions", path)
            if (svalues := self.obj(item, GROUP_SESSION_FIELDS, spath)) is not None
        ]
        if values is None:
            return None
        partner_ref = values.pop("partner_ref", None)
        if partner_ref is not None and partner_ref not in partner_refs:
            self.error(f"{path}.partner_ref", "unknown_partner_ref", value=partner_ref)
        offer = GroupOffer(**values, partner_id=partner_refs.get(partner_ref) if partner_ref else None)
        self.cross(rules.group_offer_errors(offer), path)
        for spath, group_session in sessions:
            self.cross(rules.group_session_errors(offer, group_session), spath)
        return GroupOfferBundle(ref, offer, tuple(s for _, s in sessions), tuple(appointments), tuple(indexes))

    def client_indexes(self, raw: Any, path: str, client_refs: dict[str, int]) -> list[int]:
        """The offer's ``client_refs`` as indexes of the file's clients."""
        indexes: list[int] = []
        for rpath, ref in self.items(raw, "client_refs", path):
            if not isinstance(ref, str) or ref not in client_refs:
                self.error(rpath, "unknown_client_ref", value=str(ref)[:100])
            elif client_refs[ref] in indexes:
                self.error(rpath, "duplicate_value", value=ref)
            else:
                indexes.append(client_refs[ref])
        return indexes

    # ------------------------------------------------------ anonymous contacts
    def anonymous_contacts(self, raw: dict[str, Any]) -> list[AnonymousContact]:
        """Anonymous contacts: nothing in them may point to a person."""
        result = []
        for path, item in self.items(raw, "anonymous_contacts", "$"):
            personal = sorted(k for k in item if k in PERSONAL_KEYS) if isinstance(item, dict) else []
            for key in personal:
                self.error(f"{path}.{key}", "personal_field_not_allowed")
            values = self.obj(item, ANONYMOUS_CONTACT_FIELDS, path, extra=personal)
            if values is not None and not personal:
                result.append(AnonymousContact(**values))
        return result
