"""Paperwork of a client file: letters from templates and the printable Förderplan agreement.

Templates are text files: the shipped ones, plus those an admin puts into the office's
template folder (``vorlagen`` in the settings folder; a file of the same name replaces a
shipped one). Printing is audited; a referral letter needs a valid referral-sharing consent.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from jmd_desk.assets import resource
from jmd_desk.domain import rules
from jmd_desk.domain.codes import Role
from jmd_desk.domain.entities import CaseFile, ClientFile
from jmd_desk.domain.errors import JmdError
from jmd_desk.domain.letters import LetterTemplate, parse_template
from jmd_desk.domain.settings import OfficeSettings
from jmd_desk.reports import paperwork_pdf
from jmd_desk.reports.paperwork_pdf import Letterhead, PlanPrint
from jmd_desk.services.access import require_client
from jmd_desk.services.environment import AppPaths
from jmd_desk.services.session import UserSession
from jmd_desk.store.uow import UnitOfWork
from jmd_desk.texts.labels import code_label

TEMPLATE_SUFFIX = ".txt"
MAX_TEMPLATES = 100
MAX_TEMPLATE_BYTES = 64 * 1024
MAX_LOGO_BYTES = 1024 * 1024
LOGO_KEY = "office_logo"
LOGO_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff")


@dataclass(frozen=True)
class TemplateEntry:
    """A template file as listed for choosing: usable, or refused with the reason."""

    file_name: str
    template: LetterTemplate | None
    problem: JmdError | None = None


# ------------------------------------------------------------------ templates
def office_template_folder(paths: AppPaths | None = None) -> Path:
    """The folder where an admin adds templates (created on first use)."""
    return (paths or AppPaths.from_env()).config_dir / "vorlagen"


def list_templates(folder: Path | None = None) -> list[TemplateEntry]:
    """Shipped templates and the office's own, by title; broken ones carry their problem."""
    files = {p.name: p for p in sorted(resource("templates").glob(f"*{TEMPLATE_SUFFIX}"))}
    own = folder if folder is not None else office_template_folder()
    if own.is_dir():
        files.update({p.name: p for p in sorted(own.glob(f"*{TEMPLATE_SUFFIX}"))[:MAX_TEMPLATES]})
    entries = [_load(path) for path in files.values()]
    return sorted(entries, key=lambda e: (e.template is None, e.template.title if e.template else e.file_name))


def _load(path: Path) -> TemplateEntry:
    try:
        if path.stat().st_size > MAX_TEMPLATE_BYTES:
            raise JmdError("template_file_too_large", name=path.name)
        text = path.read_bytes().decode("utf-8-sig")
        return TemplateEntry(path.name, parse_template(path.name, text))
    except UnicodeDecodeError:
        return TemplateEntry(path.name, None, JmdError("template_not_utf8", name=path.name))
    except OSError as exc:
        return TemplateEntry(path.name, None, JmdError("file_unreadable", path=path.name, reason=exc.strerror))
    except JmdError as exc:  # ValidationError included
        return TemplateEntry(path.name, None, exc)


# ------------------------------------------------------------------ letters
def _current_case(file: ClientFile) -> CaseFile | None:
    """The open case opened last, else the case opened last."""
    cases = sorted(file.cases, key=lambda c: (c.case.is_open, c.case.opened_on, c.id))
    return cases[-1] if cases else None


def _counsellor_name(uow: UnitOfWork, username: str | None) -> str:
    user = uow.users.get(username) if username else None
    return user.display_name if user and user.display_name else (username or "")


def _office(uow: UnitOfWork) -> Letterhead:
    values = uow.settings.all()
    logo = values.get(LOGO_KEY)
    return Letterhead(OfficeSettings.from_values(values).office_name, base64.b64decode(logo) if logo else None)


def _day(value: date | None) -> str:
    return f"{value:%d.%m.%Y}" if value else ""


def _client_values(file: ClientFile, counsellor: str, office: str, today: date) -> dict[str, str]:
    client = file.client
    values = {
        "dienststelle": office,
        "datum": _day(today),
        "fachkraft": counsellor,
        "vorname": client.first_name,
        "nachname": client.last_name,
        "name": client.full_name,
        "geburtsdatum": _day(client.date_of_birth),
        "adresse": client.address or "",
        "klientennummer": client.client_number or "",
        "vormund": client.guardian or "",
    }
    current = _current_case(file)
    if current is not None:
        contacts = sorted(c.value.date for c in current.contacts)
        values |= {
            "fallart": code_label("case_type", current.case.case_type, "de"),
            "fallbeginn": _day(current.case.opened_on),
            "anzahl_kontakte": str(len(contacts)),
            "erster_kontakt": _day(contacts[0]) if contacts else "",
            "letzter_kontakt": _day(contacts[-1]) if contacts else "",
        }
    return values


def _referral_values(uow: UnitOfWork, file: ClientFile, referral_id: int | None, today: date) -> dict[str, str]:
    """The partner of a referral of this file; refused without a valid referral-sharing consent."""
    referrals = {r.id: r.value for cf in file.cases for r in cf.referrals}
    if referral_id is None or referral_id not in referrals:
        raise JmdError("letter_needs_referral")
    if not rules.has_valid_consent([c.value for c in file.consents], "referral_sharing", today):
        raise JmdError("letter_without_consent")
    referral = referrals[referral_id]
    partner = uow.partners.get(referral.partner_id).value
    return {
        "partner": partner.name,
        "partner_ansprechperson": partner.contact_person or "",
        "partner_adresse": partner.address or "",
        "vermittlung_datum": _day(referral.date),
        "vermittlung_bereich": code_label("area", referral.area, "de"),
    }


def fill_letter(session: UserSession, client_id: int, template: LetterTemplate, referral_id: int | None = None) -> str:
    """The template filled from the file, for editing before it is printed."""
    session.require(Role.COUNSELLOR)
    today = session.clock.today()
    with session.uow() as uow:
        require_client(session, uow, client_id, write=True)
        file = uow.clients.file(client_id)
        head = _office(uow)
        values = _client_values(file, _counsellor_name(uow, file.client.counsellor), head.office, today)
        if template.needs_referral:
            values |= _referral_values(uow, file, referral_id, today)
    return template.fill(values)


def letter_pdf(
    session: UserSession,
    client_id: int,
    template: LetterTemplate,
    text: str,
    referral_id: int | None = None,
) -> bytes:
    """The edited letter as PDF; audited. A referral letter is checked for consent again."""
    session.require(Role.COUNSELLOR)
    if not text.strip() or len(text) > 4 * MAX_TEMPLATE_BYTES:
        raise JmdError("letter_empty")
    with session.uow(write=True) as uow:
        require_client(session, uow, client_id, write=True)
        if template.needs_referral:
            _referral_values(uow, uow.clients.file(client_id), referral_id, session.clock.today())
        head = _office(uow)
        session.audit(uow, "letter_printed", "client", client_id, client_id)
    return paperwork_pdf.letter_pdf(head, template.title, text)


def plan_pdf(session: UserSession, client_id: int, case_id: int | None = None) -> bytes:
    """The Förderplan agreement of a case (default: the current one) as PDF; audited."""
    session.require(Role.COUNSELLOR)
    today = session.clock.today()
    with session.uow(write=True) as uow:
        require_client(session, uow, client_id, write=True)
        file = uow.clients.file(client_id)
        chosen = [c for c in file.cases if c.id == case_id]
        current = chosen[0] if chosen else _current_case(file)
        plan = PlanPrint(
            head=_office(uow),
            client=file.client,
            case=current.case if current else None,
            goals=tuple(g.value for g in current.goals) if current else (),
            counsellor=_counsellor_name(uow, file.client.counsellor),
            printed_on=today,
            minor=rules.age_on(file.client.date_of_birth, today) < 18,
        )
        session.audit(uow, "plan_printed", "client", client_id, client_id)
    return paperwork_pdf.plan_pdf(plan)


def referral_choices(session: UserSession, client_id: int) -> list[tuple[int, str]]:
    """(referral id, "date – partner") of the file's referrals, newest first, for a letter."""
    with session.uow() as uow:
        require_client(session, uow, client_id, write=True)
        file = uow.clients.file(client_id)
        names = {p.id: p.value.name for p in uow.partners.all()}
    referrals = sorted((r for cf in file.cases for r in cf.referrals), key=lambda r: (r.value.date, r.id), reverse=True)
    return [(r.id, f"{_day(r.value.date)} – {names.get(r.value.partner_id, '?')}") for r in referrals]


# ------------------------------------------------------------------ logo
def set_office_logo(session: UserSession, data: bytes | None) -> None:
    """Store the logo for printed paperwork (PNG or JPEG up to 1 MB; None removes it)."""
    session.require(Role.ADMIN)
    if data is not None:
        if len(data) > MAX_LOGO_BYTES:
            raise JmdError("logo_too_large", max_kb=MAX_LOGO_BYTES // 1024)
        if not data.startswith(LOGO_MAGIC) or not paperwork_pdf.logo_is_readable(data):
            raise JmdError("logo_not_an_image")
    with session.uow(write=True) as uow:
        uow.settings.set(LOGO_KEY, base64.b64encode(data).decode("ascii") if data else None)
        session.audit(uow, "settings_changed")


def has_office_logo(session: UserSession) -> bool:
    """Whether a logo is set."""
    with session.uow() as uow:
        return bool(uow.settings.all().get(LOGO_KEY))
