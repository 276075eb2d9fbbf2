"""German and English labels of the codes and fields added with interchange version 2
(merged into ``labels`` so every caller finds them in one catalogue)."""

from __future__ import annotations

Label = tuple[str, str]

V2_CODE_LABELS: dict[str, dict[str, Label]] = {
    "phase": {
        "clearing": ("Clearing", "clearing"),
        "assessment": ("Kompetenzfeststellung", "assessment"),
        "planning": ("Förderplanung", "planning"),
        "implementation": ("Umsetzung", "implementation"),
        "evaluation": ("Auswertung", "evaluation"),
    },
    "responsible": {
        "young_person": ("junge Person", "young person"),
        "counsellor": ("Fachkraft", "counsellor"),
        "family": ("Familie", "family"),
        "partner": ("Netzwerkpartner", "partner"),
        "other": ("andere", "other"),
    },
    "appointment_status": {
        "planned": ("geplant", "planned"),
        "held": ("stattgefunden", "held"),
        "cancelled": ("abgesagt", "cancelled"),
        "no_show": ("nicht erschienen", "no-show"),
    },
    "group_kind": {
        "course": ("Kurs", "course"),
        "workshop": ("Workshop", "workshop"),
        "school_workshop": ("Workshop in der Schule", "school workshop"),
        "leisure": ("Freizeitangebot", "leisure"),
        "parents": ("Elternangebot", "parents"),
        "information_event": ("Informationsveranstaltung", "information event"),
        "other": ("anderes Angebot", "other"),
    },
    "document_kind": {
        "certificate": ("Zeugnis/Nachweis", "certificate"),
        "notice": ("Bescheid", "notice"),
        "application": ("Antrag", "application"),
        "letter": ("Schreiben", "letter"),
        "consent_form": ("Einwilligungserklärung", "consent form"),
        "other": ("anderes Dokument", "other"),
    },
    "progress_field": {
        "german_level": ("Deutschkenntnisse", "German level"),
        "school_qualification": ("Schulabschluss", "School qualification"),
    },
}
V2_CODE_LABELS["responsible"]["unknown"] = ("keine Angabe", "not stated")

V2_FIELD_LABELS: dict[str, Label] = {
    "school_qualification_note": ("Schulabschluss (Anmerkung)", "School qualification note"),
    "district": ("Stadtteil", "District"),
    "record_key": ("Statistikschlüssel", "Statistics key"),
    "requested_on": ("erste Anfrage am", "First request on"),
    "phase": ("Phase", "Phase"),
    "steps": ("vereinbarte Schritte", "Agreed steps"),
    "responsible": ("zuständig", "Responsible"),
    "review_on": ("Überprüfung am", "Review on"),
    "starts_at": ("Beginn", "Starts at"),
    "place": ("Ort", "Place"),
    "contact_id": ("Kontakt", "Contact"),
    "kind": ("Art", "Kind"),
    "file_name": ("Dateiname", "File name"),
    "media_type": ("Dateityp", "Media type"),
    "added_on": ("hinzugefügt am", "Added on"),
    "size": ("Größe (Bytes)", "Size (bytes)"),
    "field": ("Merkmal", "Field"),
    "value": ("Wert", "Value"),
    "on": ("am", "On"),
    "attendance": ("anwesend", "Attendance"),
    "areas": ("Handlungsfelder", "Areas"),
    "starts_on": ("Beginn", "Starts on"),
    "ends_on": ("Ende", "Ends on"),
    "participants_by_gender": ("Teilnehmende nach Geschlecht", "Participants by gender"),
    "participants_by_age_group": ("Teilnehmende nach Altersgruppe", "Participants by age group"),
    "referred_partner_type": ("verwiesen an", "Referred to"),
}

V2_AUDIT_ACTIONS: dict[str, Label] = {
    "progress_added": ("Fortschritt eingetragen", "progress added"),
    "progress_deleted": ("Fortschritt gelöscht", "progress deleted"),
    "district_saved": ("Stadtteil gespeichert", "district saved"),
    "group_offer_created": ("Gruppenangebot angelegt", "group offer created"),
    "group_offer_updated": ("Gruppenangebot geändert", "group offer changed"),
    "group_offer_deleted": ("Gruppenangebot gelöscht", "group offer deleted"),
    "group_session_added": ("Gruppentermin eingetragen", "group session added"),
    "group_session_updated": ("Gruppentermin geändert", "group session changed"),
    "group_session_deleted": ("Gruppentermin gelöscht", "group session deleted"),
    "group_client_linked": ("Teilnahme am Gruppenangebot eingetragen", "group participation added"),
    "group_client_unlinked": ("Teilnahme am Gruppenangebot entfernt", "group participation removed"),
    "anonymous_contact_added": ("anonyme Kurzberatung eingetragen", "anonymous contact added"),
    "anonymous_contact_deleted": ("anonyme Kurzberatung gelöscht", "anonymous contact deleted"),
    "appointment_added": ("Termin eingetragen", "appointment added"),
    "appointment_updated": ("Termin geändert", "appointment changed"),
    "appointment_held": ("Termin hat stattgefunden", "appointment held"),
    "appointment_deleted": ("Termin gelöscht", "appointment deleted"),
    "calendar_exported": ("Kalender exportiert", "calendar exported"),
    "document_added": ("Dokument hinzugefügt", "document added"),
    "document_updated": ("Dokument geändert", "document changed"),
    "document_opened": ("Dokument geöffnet", "document opened"),
    "document_deleted": ("Dokument gelöscht", "document deleted"),
}

V2_ENTITY_KINDS: dict[str, Label] = {
    "progress": ("Fortschritt", "progress"),
    "group_offer": ("Gruppenangebot", "group offer"),
    "group_session": ("Gruppentermin", "group session"),
    "anonymous_contact": ("anonyme Kurzberatung", "anonymous contact"),
    "appointment": ("Termin", "appointment"),
    "document": ("Dokument", "document"),
}
