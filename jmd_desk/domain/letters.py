"""Letter templates: plain text with ``$platzhalter`` (string.Template), never code.

A template can only name the placeholders listed in ``PLACEHOLDERS``; anything else that
looks like a substitution (``${client.__class__}``, ``{{ … }}``, ``{% include %}``, ``{0.x}``)
refuses the whole template, so that a template file can reach neither Python objects nor files.
"""

from __future__ import annotations

import re
import string
from collections.abc import Mapping
from dataclasses import dataclass

from jmd_desk.domain.errors import FieldError, ValidationError

MAX_TEMPLATE_CHARS = 20_000
TITLE_PREFIX = "Titel:"
SEPARATOR = "---"

# Placeholder → what it holds (German: admins write templates in German).
PLACEHOLDERS: dict[str, str] = {
    "dienststelle": "Name der Dienststelle (Einstellungen)",
    "datum": "heutiges Datum",
    "fachkraft": "Name der zuständigen Fachkraft",
    "vorname": "Vorname der Klient*in",
    "nachname": "Nachname der Klient*in",
    "name": "Vor- und Nachname",
    "geburtsdatum": "Geburtsdatum",
    "adresse": "Anschrift der Klient*in",
    "klientennummer": "Klient*innen-Nummer",
    "vormund": "Vormund / Erziehungsberechtigte",
    "fallart": "Art des aktuellen Falls",
    "fallbeginn": "Beginn des aktuellen Falls",
    "anzahl_kontakte": "Zahl der Beratungskontakte im aktuellen Fall",
    "erster_kontakt": "Datum des ersten Kontakts im aktuellen Fall",
    "letzter_kontakt": "Datum des letzten Kontakts im aktuellen Fall",
    "partner": "Name des Netzwerkpartners (Vermittlung)",
    "partner_ansprechperson": "Ansprechperson beim Netzwerkpartner",
    "partner_adresse": "Anschrift des Netzwerkpartners",
    "vermittlung_datum": "Datum der Vermittlung",
    "vermittlung_bereich": "Handlungsfeld der Vermittlung",
}
REFERRAL_PLACEHOLDERS = frozenset(p for p in PLACEHOLDERS if p.startswith(("partner", "vermittlung")))
# Syntax of other template languages: refused rather than printed, so nobody believes it works.
FOREIGN_SYNTAX = re.compile(r"\{\{|\{%|\{#|\}\}|%\}|(?<!\$)\{[0-9a-zA-Z_.\[\]]*\}")


@dataclass(frozen=True)
class LetterTemplate:
    """A checked template: its title, its text and whether it needs a referral."""

    name: str
    title: str
    body: str

    @property
    def placeholders(self) -> frozenset[str]:
        """The placeholders the text uses."""
        return frozenset(_names(self.body))

    @property
    def needs_referral(self) -> bool:
        """A referral letter: it names the partner and needs a referral-sharing consent."""
        return bool(self.placeholders & REFERRAL_PLACEHOLDERS)

    def fill(self, values: Mapping[str, str]) -> str:
        """The text with every placeholder replaced (missing values become empty)."""
        complete = {name: values.get(name, "") for name in PLACEHOLDERS}
        lines = []
        for line in self.body.split("\n"):
            filled = string.Template(line).substitute(complete)
            if filled.strip() or not _names(line):
                lines.append(filled)  # a line of nothing but empty placeholders is left out
        return "\n".join(lines)


def _names(text: str) -> list[str]:
    found = []
    for match in string.Template.pattern.finditer(text):
        name = match.group("named") or match.group("braced")
        if name:
            found.append(name)
    return found


def parse_template(name: str, text: str) -> LetterTemplate:
    """Check a template file's text; ValidationError naming every bad line otherwise.

    Format: an optional first line ``Titel: …`` (else the file name is the title), an optional
    ``---`` line below it, then the letter text.
    """
    if len(text) > MAX_TEMPLATE_CHARS:
        raise ValidationError([FieldError(name, "template_too_long", {"max": MAX_TEMPLATE_CHARS})])
    lines = text.replace("\r\n", "\n").split("\n")
    title, start = name, 0
    if lines[0].startswith(TITLE_PREFIX):
        title, start = lines[0][len(TITLE_PREFIX) :].strip()[:120] or name, 1
        if len(lines) > 1 and lines[1].strip() == SEPARATOR:
            start = 2
    body = "\n".join(lines[start:])
    errors = _problems(name, body, start)
    if not body.strip():
        errors.append(FieldError(name, "template_empty"))
    if errors:
        raise ValidationError(errors)
    return LetterTemplate(name, title, body.strip("\n"))


def _problems(name: str, body: str, first_line: int) -> list[FieldError]:
    def where(offset: int) -> str:
        return f"{name}:{first_line + body.count(chr(10), 0, offset) + 1}"

    errors = []
    for match in string.Template.pattern.finditer(body):
        placeholder = match.group("named") or match.group("braced")
        if match.group("invalid") is not None:
            text = body[match.start() :][:30].split("\n", maxsplit=1)[0]
            errors.append(FieldError(where(match.start()), "template_bad_placeholder", {"value": text}))
        elif placeholder and placeholder not in PLACEHOLDERS:
            errors.append(FieldError(where(match.start()), "template_unknown_placeholder", {"value": placeholder}))
    for match in FOREIGN_SYNTAX.finditer(body):
        errors.append(FieldError(where(match.start()), "template_foreign_syntax", {"value": match.group(0)}))
    return errors
