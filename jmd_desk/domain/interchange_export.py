"""Writing the interchange document of a store (DESIGN §6, version 2), in a stable order, so
that exporting an imported export gives the same document."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from jmd_desk.domain.documents import encode_base64
from jmd_desk.domain.entities import (
    AnonymousContact,
    CaseFile,
    ClientFile,
    District,
    GroupOfferFile,
    Partner,
    Saved,
)
from jmd_desk.domain.fields import to_json
from jmd_desk.domain.interchange import FORMAT, VERSION


def _without(entity: Any, *names: str, flags: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """``to_json`` without some fields and without flags at their default."""
    out = to_json(entity)
    for name in names:
        del out[name]
    for name, default in (flags or {}).items():
        if out.get(name) == default:
            del out[name]
    return out


def _case(cf: CaseFile, ref: str, partner_ref: dict[int, str]) -> dict[str, Any]:
    held = {a.value.contact_id for a in cf.appointments if a.value.contact_id is not None}
    contact_ref = {c.id: f"{ref}/K{i}" for i, c in enumerate(cf.contacts, start=1) if c.id in held}
    contacts = [
        {"ref": contact_ref[c.id], **to_json(c.value)} if c.id in contact_ref else to_json(c.value) for c in cf.contacts
    ]
    appointments = []
    for a in cf.appointments:
        item = _without(a.value, "contact_id")
        if a.value.contact_id in contact_ref:
            item["contact_ref"] = contact_ref[a.value.contact_id]
        appointments.append(item)
    return {
        "ref": ref,
        **to_json(cf.case),
        "goals": [to_json(g.value) for g in cf.goals],
        "contacts": contacts,
        "referrals": [
            {"partner_ref": partner_ref[r.value.partner_id], **_without(r.value, "partner_id")} for r in cf.referrals
        ],
        "follow_ups": [to_json(x.value) for x in cf.follow_ups],
        "appointments": appointments,
    }


def _client(f: ClientFile, partner_ref: dict[int, str], contents: Mapping[int, bytes]) -> dict[str, Any]:
    number = f.client.client_number or str(f.id)
    return {
        "ref": number,
        **to_json(f.client),
        "consents": [to_json(c.value) for c in f.consents],
        "progress": [to_json(p.value) for p in f.progress],
        "documents": [
            {**_without(d.value, "size"), "content_base64": encode_base64(contents[d.id])} for d in f.documents
        ],
        "cases": [_case(cf, f"{number}/{i}", partner_ref) for i, cf in enumerate(f.cases, start=1)],
    }


def _offer(o: GroupOfferFile, ref: str, partner_ref: dict[int, str], client_ref: dict[int, str]) -> dict[str, Any]:
    offer = _without(o.offer, "partner_id")
    offer["partner_ref"] = partner_ref[o.offer.partner_id] if o.offer.partner_id is not None else None
    return {
        "ref": ref,
        **offer,
        "sessions": [to_json(s.value) for s in o.sessions],
        "client_refs": sorted(client_ref[i] for i in o.client_ids),
        "appointments": [_without(a.value, "contact_id") for a in o.appointments],
    }


def build_document(
    partners: Sequence[Saved[Partner]],
    files: Sequence[ClientFile],
    *,
    districts: Sequence[District] = (),
    offers: Sequence[GroupOfferFile] = (),
    anonymous: Sequence[Saved[AnonymousContact]] = (),
    contents: Mapping[int, bytes] | None = None,
) -> dict[str, Any]:
    """The interchange document: partners by name, clients by number, records by date,
    offers by start and title, anonymous contacts by date. ``contents`` maps document ids
    to their bytes."""
    ordered = sorted(partners, key=lambda p: (p.value.name, p.value.partner_type, p.id))
    partner_ref = {p.id: f"P{i:04d}" for i, p in enumerate(ordered, start=1)}
    doc_partners = [{"ref": partner_ref[p.id], **_without(p.value, flags={"active": True})} for p in ordered]
    files = sorted(files, key=lambda f: (f.client.client_number or "", f.id))
    client_ref = {f.id: f.client.client_number or str(f.id) for f in files}
    offers = sorted(offers, key=lambda o: (o.offer.starts_on, o.offer.title, o.id))
    return {
        "format": FORMAT,
        "version": VERSION,
        "districts": [to_json(d) for d in sorted(districts, key=lambda d: d.code)],
        "partners": doc_partners,
        "clients": [_client(f, partner_ref, contents or {}) for f in files],
        "group_offers": [_offer(o, f"G{i:04d}", partner_ref, client_ref) for i, o in enumerate(offers, start=1)],
        "anonymous_contacts": [to_json(a.value) for a in sorted(anonymous, key=lambda a: (a.value.date, a.id))],
    }


def dump_document(document: dict[str, Any]) -> bytes:
    """UTF-8 JSON, readable and stable (umlauts kept as they are)."""
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
