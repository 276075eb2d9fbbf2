"""Headings and words of the Art. 15 access export (PDF), German first."""

from __future__ import annotations

HEADINGS: dict[str, tuple[str, str]] = {
    "title": ("Auskunft über gespeicherte Daten (Art. 15 DSGVO)", "Access export (Art. 15 GDPR)"),
    "document_title": ("Auskunft nach Art. 15 DSGVO", "Access export under Art. 15 GDPR"),
    "client": ("Stammdaten", "Master data"),
    "consents": ("Einwilligungen", "Consents"),
    "progress": ("Fortschritt", "Progress"),
    "documents": ("Dokumente", "Documents"),
    "group_offers": ("Gruppenangebote", "Group offers"),
    "case": ("Fall {number}", "Case {number}"),
    "goals": ("Ziele", "Goals"),
    "contacts": ("Kontakte", "Contacts"),
    "follow_ups": ("Wiedervorlagen", "Follow-ups"),
    "appointments": ("Termine", "Appointments"),
    "referrals": ("Vermittlungen", "Referrals"),
    "corrections": ("Berichtigungen", "Corrections"),
    "access_log": ("Zugriffe und Änderungen (Protokoll)", "Access log"),
}
YES_NO: dict[bool, tuple[str, str]] = {True: ("ja", "yes"), False: ("nein", "no")}
