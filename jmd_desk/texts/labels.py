"""German and English labels of every code, field and statistics table.

One catalogue for the desktop client, the CSV/PDF statistics and the access export, so a code
reads the same everywhere. German first; English as second language.
"""

from __future__ import annotations

from jmd_desk.texts import pick
from jmd_desk.texts.iso_codes import COUNTRIES, LANGUAGES
from jmd_desk.texts.labels_v2 import V2_AUDIT_ACTIONS, V2_CODE_LABELS, V2_ENTITY_KINDS, V2_FIELD_LABELS

Label = tuple[str, str]

# The two catch-all codes of DESIGN §4 (``domain.codes.UNKNOWN`` / ``OTHER``; texts import nothing).
UNKNOWN = "unknown"
OTHER = "other"

UNKNOWN_LABEL: Label = ("keine Angabe", "not stated")
OTHER_LABEL: Label = ("Sonstige", "Other")

CODE_LABELS: dict[str, dict[str, Label]] = {
    "gender": {
        "female": ("weiblich", "female"),
        "male": ("männlich", "male"),
        "diverse": ("divers", "diverse"),
    },
    "residence_status": {
        "german_citizen": ("deutsche Staatsangehörigkeit", "German citizen"),
        "eu_freedom_of_movement": ("EU-Freizügigkeit", "EU freedom of movement"),
        "settlement_permit": ("Niederlassungserlaubnis / Daueraufenthalt-EU", "Settlement permit"),
        "residence_permit_education": (
            "Aufenthaltserlaubnis: Ausbildung/Studium",
            "Residence permit: education",
        ),
        "residence_permit_employment": (
            "Aufenthaltserlaubnis: Erwerbstätigkeit",
            "Residence permit: employment",
        ),
        "residence_permit_humanitarian": (
            "Aufenthaltserlaubnis: humanitäre Gründe",
            "Residence permit: humanitarian",
        ),
        "residence_permit_family": ("Aufenthaltserlaubnis: familiäre Gründe", "Residence permit: family"),
        "residence_permit_other": ("Aufenthaltserlaubnis: sonstige", "Residence permit: other"),
        "temporary_protection_24": ("vorübergehender Schutz (§ 24 AufenthG)", "Temporary protection (§ 24)"),
        "asylum_pending": ("Aufenthaltsgestattung", "Asylum pending"),
        "toleration": ("Duldung", "Toleration (Duldung)"),
        "no_status": ("ohne Aufenthaltsstatus", "No status"),
    },
    "german_level": {
        "none": ("keine Deutschkenntnisse", "none"),
        **{lvl: (lvl, lvl) for lvl in ("A1", "A2", "B1", "B2", "C1", "C2")},
    },
    "case_type": {
        "case_management": ("Case Management", "Case management"),
        "counselling": ("Beratung", "Counselling"),
        "short_contact": ("Kurzkontakt", "Short contact"),
    },
    "closure_reason": {
        "goals_achieved": ("Ziele erreicht", "Goals achieved"),
        "transition_regular_service": ("Übergang in Regelangebot", "Transition to regular service"),
        "age_limit": ("Altersgrenze erreicht", "Age limit reached"),
        "contact_lost": ("Kontaktabbruch", "Contact lost"),
        "moved_away": ("Umzug / Wegzug", "Moved away"),
        "ended_by_service": ("Beendigung durch den JMD", "Ended by the service"),
        "other": ("sonstiger Grund", "Other reason"),
    },
    "destination": {
        "school": ("Schule", "School"),
        "vocational_training": ("Ausbildung", "Vocational training"),
        "employment": ("Arbeit", "Employment"),
        "studies": ("Studium", "Studies"),
        "language_course": ("Sprachkurs", "Language course"),
        "none": ("ohne Anschluss", "None"),
    },
    "area": {
        "language": ("Sprache", "Language"),
        "school": ("Schule / Bildung", "School / education"),
        "vocational": ("Ausbildung / Beruf", "Vocational"),
        "residence": ("Aufenthalt / Recht", "Residence / legal"),
        "housing": ("Wohnen", "Housing"),
        "health": ("Gesundheit", "Health"),
        "family": ("Familie / soziales Umfeld", "Family"),
        "participation": ("Freizeit / Teilhabe", "Participation"),
        "finances": ("Finanzen / Leistungen", "Finances"),
    },
    "goal_status": {
        "open": ("offen", "open"),
        "in_progress": ("in Arbeit", "in progress"),
        "achieved": ("erreicht", "achieved"),
        "partly_achieved": ("teilweise erreicht", "partly achieved"),
        "not_achieved": ("nicht erreicht", "not achieved"),
        "dropped": ("aufgegeben", "dropped"),
    },
    "mode": {
        "in_person": ("persönlich", "in person"),
        "phone": ("Telefon", "phone"),
        "video": ("Video", "video"),
        "messenger": ("Messenger", "messenger"),
        "email": ("E-Mail", "e-mail"),
        "outreach": ("aufsuchend", "outreach"),
        "accompaniment": ("Begleitung", "accompaniment"),
        "group": ("Gruppe", "group"),
    },
    "participants": {
        "young_person": ("junger Mensch", "young person"),
        "parents": ("Eltern / Sorgeberechtigte", "parents"),
        "third_party": ("Dritte", "third parties"),
    },
    "partner_type": {
        "jobcenter": ("Jobcenter", "Jobcenter"),
        "employment_agency": ("Agentur für Arbeit", "Employment agency"),
        "immigration_office": ("Ausländerbehörde / Migrationsamt", "Immigration office"),
        "school": ("Schule", "School"),
        "school_authority": ("Schulamt", "School authority"),
        "integration_course_provider": ("Integrationskursträger", "Integration course provider"),
        "adult_migration_counselling": ("Migrationsberatung für Erwachsene", "Adult migration counselling"),
        "youth_office": ("Jugendamt", "Youth office"),
        "counselling_centre": ("Beratungsstelle", "Counselling centre"),
        "chamber_recognition": ("Kammer / Anerkennungsstelle", "Chamber / recognition"),
        "housing_office": ("Wohnungsamt", "Housing office"),
        "health": ("Gesundheitswesen", "Health"),
        "migrant_organisation": ("Migrantenorganisation", "Migrant organisation"),
        "other": ("sonstige Stelle", "Other"),
    },
    "referral_status": {
        "requested": ("angefragt", "requested"),
        "accepted": ("angenommen", "accepted"),
        "rejected": ("abgelehnt", "rejected"),
        "completed": ("abgeschlossen", "completed"),
        "withdrawn": ("zurückgezogen", "withdrawn"),
    },
    "scope": {
        "processing": ("Datenverarbeitung", "Processing"),
        "referral_sharing": ("Datenweitergabe bei Vermittlung", "Sharing for referrals"),
        "statistics": ("anonyme Statistik", "Anonymous statistics"),
        "messenger_contact": ("Kontakt per Messenger", "Messenger contact"),
    },
    "given_by": {
        "self": ("junger Mensch selbst", "the young person"),
        "guardian": ("Sorgeberechtigte", "guardian"),
    },
    "role": {
        "counsellor": ("Fachkraft", "Counsellor"),
        "team_lead": ("Teamleitung", "Team lead"),
        "admin": ("Administration", "Administrator"),
    },
    "school_qualification": {
        "none": ("ohne Abschluss", "none"),
        "lower_secondary": ("Hauptschulabschluss", "lower secondary"),
        "intermediate_secondary": ("Mittlerer Schulabschluss", "intermediate secondary"),
        "upper_secondary": ("(Fach-)Hochschulreife", "upper secondary"),
        "foreign_recognised": ("ausländischer Abschluss, anerkannt", "foreign, recognised"),
        "foreign_not_recognised": ("ausländischer Abschluss, nicht anerkannt", "foreign, not recognised"),
        "recognition_pending": ("Anerkennung läuft", "recognition pending"),
    },
    "current_situation": {
        "school": ("Schule", "school"),
        "language_course": ("Sprachkurs", "language course"),
        "integration_course": ("Integrationskurs", "integration course"),
        "vocational_preparation": ("Berufsvorbereitung", "vocational preparation"),
        "vocational_training": ("Ausbildung", "vocational training"),
        "studies": ("Studium", "studies"),
        "employment": ("Arbeit", "employment"),
        "seeking_work": ("arbeits-/ausbildungssuchend", "seeking work"),
        "other": ("sonstige", "other"),
    },
    "access_route": {
        "self_referral": ("selbst gemeldet", "self-referral"),
        "family_friends": ("Familie / Freunde", "family / friends"),
        "community": ("Community", "community"),
        "school": ("Schule", "school"),
        "jobcenter": ("Jobcenter", "Jobcenter"),
        "employment_agency": ("Agentur für Arbeit", "employment agency"),
        "immigration_office": ("Ausländerbehörde", "immigration office"),
        "youth_office": ("Jugendamt", "youth office"),
        "adult_migration_counselling": ("MBE", "adult migration counselling"),
        "other_service": ("andere Beratungsstelle", "other service"),
        "outreach": ("aufsuchende Arbeit", "outreach"),
        "online": ("online", "online"),
    },
    "age_group": {g: (g.replace("-", "–"), g) for g in ("12-14", "15-17", "18-20", "21-24", "25-27")}
    | {OTHER: ("andere Altersgruppe", "other age")},
    "duration_band": {
        "<1m": ("unter 1 Monat", "under 1 month"),
        "1-3m": ("1 bis unter 3 Monate", "1 to 3 months"),
        "3-6m": ("3 bis unter 6 Monate", "3 to 6 months"),
        "6-12m": ("6 bis 12 Monate", "6 to 12 months"),
        ">12m": ("über 12 Monate", "over 12 months"),
    },
    "measure": {
        "cases_opened": ("neu aufgenommene Fälle", "cases opened"),
        "cases_active": ("aktive Fälle", "active cases"),
        "cases_closed": ("abgeschlossene Fälle", "cases closed"),
        "persons_active_at_end": ("Personen mit aktivem Fall am Stichtag", "persons active at end"),
    },
}
AUDIT_ACTIONS: dict[str, Label] = {
    "store_created": ("Datenablage angelegt", "store created"),
    "user_created": ("Konto angelegt", "account created"),
    "user_updated": ("Konto geändert", "account changed"),
    "deputies_changed": ("Vertretung geändert", "deputies changed"),
    "password_changed": ("Passwort geändert", "password changed"),
    "password_reset": ("Passwort zurückgesetzt", "password reset"),
    "signed_in": ("angemeldet", "signed in"),
    "signed_in_with_recovery_key": (
        "mit Wiederherstellungsschlüssel angemeldet",
        "signed in with recovery key",
    ),
    "sign_in_failed": ("Anmeldung fehlgeschlagen", "sign-in failed"),
    "session_locked": ("gesperrt", "locked"),
    "session_unlocked": ("entsperrt", "unlocked"),
    "client_created": ("Akte angelegt", "file created"),
    "client_updated": ("Stammdaten geändert", "master data changed"),
    "client_viewed": ("Akte geöffnet", "file opened"),
    "client_imported": ("Akte importiert", "file imported"),
    "case_opened": ("Fall eröffnet", "case opened"),
    "case_updated": ("Fall geändert", "case changed"),
    "case_closed": ("Fall abgeschlossen", "case closed"),
    "goal_added": ("Ziel angelegt", "goal added"),
    "goal_updated": ("Ziel geändert", "goal changed"),
    "goal_deleted": ("Ziel gelöscht", "goal deleted"),
    "contact_added": ("Kontakt erfasst", "contact logged"),
    "contact_updated": ("Kontakt geändert", "contact changed"),
    "contact_deleted": ("Kontakt gelöscht", "contact deleted"),
    "referral_added": ("Vermittlung angelegt", "referral added"),
    "referral_updated": ("Vermittlung geändert", "referral changed"),
    "referral_deleted": ("Vermittlung gelöscht", "referral deleted"),
    "follow_up_added": ("Wiedervorlage angelegt", "follow-up added"),
    "follow_up_updated": ("Wiedervorlage geändert", "follow-up changed"),
    "follow_up_deleted": ("Wiedervorlage gelöscht", "follow-up deleted"),
    "consent_added": ("Einwilligung erfasst", "consent recorded"),
    "consent_updated": ("Einwilligung geändert", "consent changed"),
    "partner_created": ("Netzwerkpartner angelegt", "partner created"),
    "partner_updated": ("Netzwerkpartner geändert", "partner changed"),
    "settings_changed": ("Einstellungen geändert", "settings changed"),
    "data_imported": ("Daten importiert", "data imported"),
    "data_exported": ("Gesamtexport", "full export"),
    "statistics_exported_json": ("Statistik exportiert (JSON)", "statistics exported (JSON)"),
    "statistics_exported_csv": ("Statistik exportiert (CSV)", "statistics exported (CSV)"),
    "statistics_exported_pdf": ("Statistik exportiert (PDF)", "statistics exported (PDF)"),
    "statistics_bundle_created": ("Statistik-Bündel erstellt", "statistics bundle created"),
    "statistics_printed": ("Statistik gedruckt", "statistics printed"),
    "audit_viewed": ("Protokoll eingesehen", "audit log viewed"),
    "store_verified": ("Datenablage geprüft", "store verified"),
    "store_verify_failed": ("Prüfung mit Fehlern", "verification failed"),
    "backup_created": ("Sicherung erstellt", "backup created"),
    "store_restored": ("Sicherung zurückgespielt", "backup restored"),
    "access_exported": ("Auskunft erteilt (Art. 15)", "access export (Art. 15)"),
    "deletion_proposed": ("Löschlauf vorgeschlagen", "deletion run proposed"),
    "deletion_confirmed": ("Löschlauf bestätigt", "deletion run confirmed"),
    "deletion_cancelled": ("Löschlauf verworfen", "deletion run cancelled"),
    "backup_automatic": ("automatische Sicherung", "automatic backup"),
    "client_deleted": ("Akte gelöscht", "file deleted"),
    "legal_hold_changed": ("Löschsperre geändert", "legal hold changed"),
    "client_reassigned": ("Zuständigkeit geändert", "file reassigned"),
    "letter_printed": ("Schreiben gedruckt", "letter printed"),
    "plan_printed": ("Förderplan gedruckt", "support plan printed"),
}
ENTITY_KINDS: dict[str, Label] = {
    "client": ("Akte", "file"),
    "case": ("Fall", "case"),
    "goal": ("Ziel", "goal"),
    "contact": ("Kontakt", "contact"),
    "referral": ("Vermittlung", "referral"),
    "follow_up": ("Wiedervorlage", "follow-up"),
    "consent": ("Einwilligung", "consent"),
    "partner": ("Netzwerkpartner", "partner"),
    "user": ("Konto", "account"),
    "deletion_run": ("Löschlauf", "deletion run"),
}
AUDIT_ACTIONS.update(V2_AUDIT_ACTIONS)
ENTITY_KINDS.update(V2_ENTITY_KINDS)
CODE_LABELS.update(V2_CODE_LABELS)
CODE_LABELS["action"] = AUDIT_ACTIONS
CODE_LABELS["entity_kind"] = ENTITY_KINDS

# Fields that share a code list with another field.
CODE_LABELS["status"] = CODE_LABELS["goal_status"]
CODE_LABELS["topics"] = CODE_LABELS["area"]

FIELD_LABELS: dict[str, Label] = {
    "client_number": ("Nr.", "No."),
    "first_name": ("Vorname", "First name"),
    "last_name": ("Nachname", "Last name"),
    "date_of_birth": ("Geburtsdatum", "Date of birth"),
    "dob_estimated": ("Geburtsdatum geschätzt", "Date of birth estimated"),
    "gender": ("Geschlecht", "Gender"),
    "country_of_birth": ("Geburtsland", "Country of birth"),
    "nationalities": ("Staatsangehörigkeiten", "Nationalities"),
    "languages": ("Sprachen", "Languages"),
    "arrival_date": ("Einreisedatum", "Arrival date"),
    "residence_status": ("Aufenthaltsstatus", "Residence status"),
    "german_level": ("Deutschkenntnisse", "German level"),
    "school_qualification": ("Schulabschluss", "School qualification"),
    "current_situation": ("aktuelle Situation", "Current situation"),
    "access_route": ("Zugangsweg", "Access route"),
    "unaccompanied_minor": ("unbegleitet eingereist", "Unaccompanied minor"),
    "guardian": ("Sorgeberechtigte / Vormund", "Guardian"),
    "phone": ("Telefon", "Phone"),
    "email": ("E-Mail", "E-mail"),
    "address": ("Anschrift", "Address"),
    "counsellor": ("Fachkraft", "Counsellor"),
    "eligibility_note": ("Begründung Altersausnahme", "Eligibility note"),
    "case_type": ("Fallart", "Case type"),
    "opened_on": ("Fallbeginn", "Opened on"),
    "closed_on": ("Fallabschluss", "Closed on"),
    "closure_reason": ("Beendigungsgrund", "Closure reason"),
    "destination": ("Verbleib", "Destination"),
    "area": ("Handlungsfeld", "Area"),
    "title": ("Ziel", "Goal"),
    "agreed_on": ("vereinbart am", "Agreed on"),
    "due_on": ("fällig am", "Due on"),
    "status": ("Status", "Status"),
    "status_changed_on": ("Status seit", "Status since"),
    "date": ("Datum", "Date"),
    "minutes": ("Minuten", "Minutes"),
    "mode": ("Kontaktart", "Mode"),
    "participants": ("Beteiligte", "Participants"),
    "topics": ("Themen", "Topics"),
    "interpreter": ("Dolmetschung", "Interpreter"),
    "notes": ("Notiz", "Notes"),
    "name": ("Name", "Name"),
    "partner_type": ("Art", "Type"),
    "contact_person": ("Ansprechperson", "Contact person"),
    "partner_id": ("Netzwerkpartner", "Network partner"),
    "partner_ref": ("Netzwerkpartner", "Network partner"),
    "outcome": ("Ergebnis", "Outcome"),
    "scope": ("Einwilligung für", "Scope"),
    "given_by": ("erteilt von", "Given by"),
    "given_on": ("erteilt am", "Given on"),
    "form_version": ("Formularversion", "Form version"),
    "withdrawn_on": ("widerrufen am", "Withdrawn on"),
    "text": ("Text", "Text"),
    "done": ("erledigt", "Done"),
    "active": ("aktiv", "Active"),
    "username": ("Benutzername", "User name"),
    "password": ("Passwort", "Password"),
    "roles": ("Rollen", "Roles"),
    "age_group": ("Altersgruppe", "Age group"),
    "measure": ("Kennzahl", "Measure"),
    "duration_band": ("Falldauer", "Case duration"),
    "referral_status": ("Status der Vermittlung", "Referral status"),
}


FIELD_LABELS.update(V2_FIELD_LABELS)


def _table_for(field: str) -> dict[str, Label]:
    if field in ("country_of_birth", "nationalities", "country"):
        return COUNTRIES
    if field == "languages":
        return LANGUAGES
    return CODE_LABELS.get(field, {})


def code_label(field: str, code: str | None, lang: str = "de") -> str:
    """The label of ``code`` in ``field`` (countries and languages included)."""
    if code is None:
        return ""
    label = {UNKNOWN: UNKNOWN_LABEL, OTHER: OTHER_LABEL}.get(code)
    label = _table_for(field).get(code, label)
    return pick(label, lang) if label else code


def field_label(field: str, lang: str = "de") -> str:
    """The label of a field name (falls back to the name)."""
    label = FIELD_LABELS.get(field)
    return pick(label, lang) if label else field
