"""Texts of the statistics outputs (CSV, JSON labels, PDF, trend PDF), German first."""

from __future__ import annotations

TABLE_TITLES: dict[str, tuple[str, str]] = {
    "caseload": ("Fallzahlen im Zeitraum", "Caseload in the period"),
    "persons_by_age_group": ("Personen nach Altersgruppe", "Persons by age group"),
    "persons_by_gender": ("Personen nach Geschlecht", "Persons by gender"),
    "persons_by_age_group_gender": (
        "Personen nach Altersgruppe und Geschlecht",
        "Persons by age group and gender",
    ),
    "persons_by_residence_status": ("Personen nach Aufenthaltsstatus", "Persons by residence status"),
    "persons_by_country_of_birth": ("Personen nach Geburtsland", "Persons by country of birth"),
    "persons_by_case_type": ("Personen nach Fallart", "Persons by case type"),
    "contacts_by_mode": ("Beratungskontakte nach Kontaktart", "Contacts by mode"),
    "contact_hours_by_mode": ("Beratungsstunden nach Kontaktart", "Contact hours by mode"),
    "goals_by_area_status": ("Ziele nach Handlungsfeld und Stand", "Goals by area and status"),
    "referrals_by_partner_type": ("Vermittlungen nach Art des Netzwerkpartners", "Referrals by partner type"),
    "referrals_by_status": ("Vermittlungen nach Status", "Referrals by status"),
    "closures_by_reason": ("Fallabschlüsse nach Beendigungsgrund", "Closures by reason"),
    "closures_by_destination": ("Fallabschlüsse nach Verbleib", "Closures by destination"),
    "closures_by_duration": ("Fallabschlüsse nach Falldauer", "Closures by duration"),
    "persons_by_district": ("Personen nach Stadtteil", "Persons by district"),
    "closures_by_destination_age_group": (
        "Fallabschlüsse nach Verbleib und Altersgruppe",
        "Closures by destination and age group",
    ),
    "closures_by_german_level_change": (
        "Fallabschlüsse nach Entwicklung des Deutschniveaus",
        "Closures by change in German level",
    ),
    "closures_by_school_qualification_change": (
        "Fallabschlüsse nach Entwicklung des Schulabschlusses",
        "Closures by change in school qualification",
    ),
    "cases_by_waiting_band": ("Neu aufgenommene Fälle nach Wartezeit", "Cases opened by waiting time"),
    "goals_by_field": ("Ziele nach Handlungsfeld der Kommune", "Goals by municipal field of action"),
    "group_offers": ("Gruppenangebote", "Group offers"),
    "group_participants_by_gender": (
        "Teilnehmende an Gruppenangeboten nach Geschlecht",
        "Group participants by gender",
    ),
    "group_participants_by_age_group": (
        "Teilnehmende an Gruppenangeboten nach Altersgruppe",
        "Group participants by age group",
    ),
    "anonymous_contacts_by_mode": ("Anonyme Kurzberatungen nach Kontaktart", "Anonymous contacts by mode"),
    "anonymous_contacts_by_topic": ("Anonyme Kurzberatungen nach Thema", "Anonymous contacts by topic"),
    "anonymous_contacts_by_gender": ("Anonyme Kurzberatungen nach Geschlecht", "Anonymous contacts by gender"),
}
# Labels of the statistics-only dimensions and categories (the shared catalogue holds the rest).
DIMENSION_LABELS: dict[str, tuple[str, str]] = {
    "district": ("Stadtteil", "District"),
    "change": ("Entwicklung", "Change"),
    "waiting_band": ("Wartezeit", "Waiting time"),
    "field": ("Handlungsfeld", "Field of action"),
    "topics": ("Thema", "Topic"),
}
CATEGORY_LABELS: dict[str, dict[str, tuple[str, str]]] = {
    "change": {
        "gained_2_plus": ("um 2 oder mehr Stufen verbessert", "gained 2 or more levels"),
        "gained_1": ("um 1 Stufe verbessert", "gained 1 level"),
        "gained": ("höherer Abschluss", "higher qualification"),
        "no_change": ("keine Verbesserung", "no gain"),
    },
    "waiting_band": {
        "0-7": ("0–7 Tage", "0–7 days"),
        "8-14": ("8–14 Tage", "8–14 days"),
        "15-30": ("15–30 Tage", "15–30 days"),
        ">30": ("über 30 Tage", "over 30 days"),
    },
    "measure": {
        "offers_active": ("aktive Angebote", "offers active"),
        "sessions": ("Termine", "sessions"),
        "session_hours": ("Stunden", "hours"),
        "participants": ("Teilnehmende", "participants"),
    },
}
VALUE_LABELS: dict[str, tuple[str, str]] = {
    "contact_hours_by_mode": ("Stunden", "Hours"),
}
TEXTS: dict[str, tuple[str, str]] = {
    "title": ("Anonymisierte Statistik", "Anonymised statistics"),
    "office": ("Dienststelle", "Office"),
    "period": ("Zeitraum", "Period"),
    "k": ("Mindestfallzahl k", "Minimum cell size k"),
    "basis": ("Grundlage", "Basis"),
    "basis_consent": (
        "Einwilligung in die anonyme Statistik",
        "Consent to anonymous statistics",
    ),
    "basis_legal_basis": (
        "gesetzliche Grundlage (Einstellung der Dienststelle)",
        "Legal basis (office setting)",
    ),
    "basis_mixed": (
        "Einwilligung bzw. gesetzliche Grundlage (zusammengeführt)",
        "Consent or legal basis (merged)",
    ),
    "left_out": ("Nicht berücksichtigte Personen (ohne Einwilligung)", "Persons left out (no consent)"),
    "legend": (
        "„.“ = Wert geheim gehalten: kleiner als k oder zum Schutz eines anderen Wertes.",
        "'.' = value withheld: below k or withheld to protect another value.",
    ),
    "total": ("Insgesamt", "Total"),
    "method": ("Verfahren", "Method"),
    "method_cell_key": ("Cell-Key-Verfahren (Standard für die Weitergabe)", "Cell-key method (default for release)"),
    "method_suppression": ("Geheimhaltung durch Sperrung kleiner Werte", "Suppression of small values"),
    "method_internal": ("Intern: exakte Werte", "Internal: exact values"),
    "method_bundle": ("Bündel (exakte Zahlen, verschlüsselt)", "Bundle (exact counts, encrypted)"),
    "sentence_cell_key": (
        "Die Werte sind geringfügig verändert (höchstens um 2; 1 und 2 kommen nicht vor); Zellen "
        "ergeben deshalb nicht unbedingt die veröffentlichte Summe; dieselbe Gruppe von Datensätzen "
        "erhält in jeder Tabelle und jedem Bericht denselben Wert.",
        "Values are slightly changed (by at most 2; 1 and 2 never appear), so cells need not add up "
        "to the published total, and the same group of records gets the same value in every table "
        "and report.",
    ),
    "sentence_suppression": (
        "„.“ = Wert geheim gehalten: kleiner als k oder zum Schutz eines anderen Wertes.",
        "'.' = value withheld: below k or withheld to protect another value.",
    ),
    "sentence_internal": (
        "Exakte Werte für die Steuerung der Dienststelle.",
        "Exact values for the office's own controlling.",
    ),
    "differs": (
        "Achtung: Dieser Bericht weicht von einem früheren Bericht für denselben Zeitraum und dasselbe "
        "Verfahren ab (veröffentlicht am {when}).",
        "Note: this report differs from an earlier report for the same period and method (published on {when}).",
    ),
    "watermark": ("Intern – nicht zur Weitergabe", "Internal – not for release"),
    "count": ("Anzahl", "Count"),
}

SECTIONS: list[tuple[tuple[str, str], tuple[str, ...]]] = [
    (("Fallzahlen", "Caseload"), ("caseload", "cases_by_waiting_band")),
    (
        ("Personen", "Persons"),
        (
            "persons_by_age_group",
            "persons_by_gender",
            "persons_by_age_group_gender",
            "persons_by_residence_status",
            "persons_by_country_of_birth",
            "persons_by_case_type",
            "persons_by_district",
        ),
    ),
    (("Beratungskontakte", "Contacts"), ("contacts_by_mode", "contact_hours_by_mode")),
    (("Integrationsförderplan", "Integration plan"), ("goals_by_field", "goals_by_area_status")),
    (("Vermittlungen", "Referrals"), ("referrals_by_partner_type", "referrals_by_status")),
    (
        ("Fallabschlüsse", "Closures"),
        (
            "closures_by_reason",
            "closures_by_destination",
            "closures_by_destination_age_group",
            "closures_by_duration",
            "closures_by_german_level_change",
            "closures_by_school_qualification_change",
        ),
    ),
    (
        ("Gruppenangebote", "Group offers"),
        ("group_offers", "group_participants_by_gender", "group_participants_by_age_group"),
    ),
    (
        ("Anonyme Kurzberatung", "Anonymous counselling"),
        ("anonymous_contacts_by_mode", "anonymous_contacts_by_topic", "anonymous_contacts_by_gender"),
    ),
]
METHODS_NOTE = (
    "Gezählt werden Personen mit mindestens einem im Zeitraum aktiven Fall (eröffnet spätestens am "
    "letzten Tag des Zeitraums und nicht vor seinem ersten Tag abgeschlossen). {basis_rule} Das Alter"
    " gilt am letzten Tag des Zeitraums. Hat eine Person mehrere aktive Fälle, zählt sie unter der "
    "Fallart des zuletzt eröffneten. Kontakte, Vermittlungen und Fallabschlüsse zählen, wenn ihr "
    "Datum im Zeitraum liegt; Ziele mit ihrem Stand am letzten Tag. Summen und Stunden werden aus den "
    "exakten Werten gebildet (Stunden: Minuten / 60, kaufmännisch gerundet).",
    "Persons are counted when they have at least one case active in the period (opened on or before "
    "its last day and not closed before its first day). {basis_rule} Age is taken on the last day of "
    "the period. A person with several active cases counts under the type of the latest opened one. "
    "Contacts, referrals and closures count when dated in the period; goals with their status on the "
    "last day. Totals and hours are computed from exact values (hours: minutes / 60, rounded half up).",
)
METHOD_NOTES = {
    "cell_key": (
        "Cell-Key-Verfahren: Länder mit weniger als 3 Personen sind unter „Sonstige“ zusammengefasst; "
        "jeder Wert wird aus seiner Fallzahl und dem Schlüssel seiner Datensätze um höchstens 2 "
        "verändert, 1 und 2 werden nie veröffentlicht, nichts wird gesperrt.",
        "Cell-key method: countries with fewer than 3 persons are grouped as 'Other'; every value is "
        "changed by at most 2 from its count and the key of its records; 1 and 2 are never published; "
        "nothing is withheld.",
    ),
    "suppression": (
        "Länder mit weniger als k Personen sind unter „Sonstige“ zusammengefasst. Werte von 1 bis k−1 "
        "werden nicht veröffentlicht, ebenso weitere Werte, aus denen sie sich über Summen errechnen "
        "ließen („.“).",
        "Countries with fewer than k persons are grouped as 'Other'. Values from 1 to k−1 are not "
        "published, nor other values from which they could be derived through totals ('.').",
    ),
    "internal": (
        "Interner Bericht mit exakten Werten, ohne Zusammenfassung von Ländern: nicht zur Weitergabe.",
        "Internal report with exact values, countries not grouped: not for release.",
    ),
}
NO_OFFICE = ("Dienststelle nicht eingetragen", "Office not set")
BASIS_RULES = {
    "consent": (
        "Nur Personen mit einer bis zum Stichtag erteilten und nicht widerrufenen Einwilligung in die "
        "anonyme Statistik werden gezählt.",
        "Only persons whose consent to anonymous statistics was given by the last day and not "
        "withdrawn by then are counted.",
    ),
    "legal_basis": (
        "Grundlage ist eine gesetzliche Erlaubnis (Einstellung der Dienststelle); eine Einwilligung "
        "ist nicht erforderlich.",
        "The office relies on a legal basis (office setting); no consent is required.",
    ),
    "mixed": (
        "Die zusammengeführten Datenablagen verwenden teils Einwilligung, teils gesetzliche Grundlage.",
        "The merged stores use consent or a legal basis.",
    ),
}

WITHHELD_NOTE = (
    "„.“ = Wert geheim gehalten (im Diagramm bei null markiert).",
    "'.' = value withheld (marked at zero in the chart).",
)
PAGE_OF = ("Seite {page} von {pages}", "Page {page} of {pages}")
GENERATED = ("Erstellt am {generated} mit JMD Desk{k}", "Generated on {generated} with JMD Desk{k}")
TREND_HEADING = ("Statistik im Zeitverlauf", "Statistics over time")
# Headline values of the trend report: (table id, measure) -> label.
HEADLINE_LABELS: dict[tuple[str, str | None], tuple[str, str]] = {
    ("caseload", "cases_active"): ("Aktive Fälle", "Active cases"),
    ("caseload", "cases_opened"): ("Neu aufgenommene Fälle", "Cases opened"),
    ("caseload", "cases_closed"): ("Abgeschlossene Fälle", "Cases closed"),
    ("persons_by_gender", None): ("Personen", "Persons"),
    ("contacts_by_mode", None): ("Beratungskontakte", "Contacts"),
    ("contact_hours_by_mode", None): ("Beratungsstunden", "Contact hours"),
}
