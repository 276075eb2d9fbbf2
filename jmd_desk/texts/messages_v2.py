"""Messages of the errors added with interchange version 2 (merged into ``messages``)."""

from __future__ import annotations

V2_MESSAGES: dict[str, tuple[str, str]] = {
    "not_permitted_offer": (
        "Keine Berechtigung für dieses Gruppenangebot.",
        "You are not permitted to change this group offer.",
    ),
    "appointment_already_held": (
        "Dieser Termin ist schon als stattgefunden eingetragen.",
        "This appointment is already recorded as held.",
    ),
}

V2_FIELD_MESSAGES: dict[str, tuple[str, str]] = {
    "after_opened": ("liegt nach dem Fallbeginn", "lies after the case was opened"),
    "only_case_management": ("nur bei Case Management", "only for case management"),
    "not_a_level": ("{value!r} ist keine Sprachniveaustufe", "{value!r} is not a language level"),
    "differs_from_progress": (
        "weicht vom letzten Fortschritt ({latest}) ab – bitte Fortschritt eintragen",
        "differs from the latest progress ({latest}) – record progress instead",
    ),
    "unknown_district": ("Stadtteil {value!r} steht nicht in der Liste", "district {value!r} is not in the list"),
    "reserved_code": ("{value!r} ist reserviert", "{value!r} is reserved"),
    "duplicate_code": ("Code {value!r} kommt doppelt vor", "code {value!r} is used twice"),
    "before_start": ("liegt vor dem Beginn", "lies before the start"),
    "outside_offer_period": ("liegt außerhalb des Angebotszeitraums", "lies outside the offer's period"),
    "above_participants": (
        "mehr Anwesende als Teilnehmende ({participants})",
        "more present than participants ({participants})",
    ),
    "personal_field_not_allowed": (
        "anonyme Kurzberatung darf keine Angaben zur Person enthalten",
        "an anonymous contact must not contain personal data",
    ),
    "unknown_client_ref": ("verweist auf unbekannte Akte {value!r}", "refers to unknown client {value!r}"),
    "unknown_contact_ref": ("verweist auf unbekannten Kontakt {value!r}", "refers to unknown contact {value!r}"),
    "only_when_held": ("nur bei stattgefundenem Termin", "only for a held appointment"),
    "bad_datetime": ("ist kein Zeitpunkt JJJJ-MM-TTTHH:MM", "is not a time YYYY-MM-DDTHH:MM"),
    "set_when_held": ("wird beim Eintragen als stattgefunden gesetzt", "is set when marked held"),
    "use_mark_held": ("bitte „stattgefunden“ verwenden", "use “held” instead"),
    "empty_document": ("Datei ist leer", "file is empty"),
    "document_too_large": ("Datei ist größer als 20 MB", "file is larger than 20 MB"),
    "content_not_media_type": (
        "Dateiinhalt passt nicht zum Typ {value}",
        "file content does not match {value}",
    ),
    "bad_base64": ("ist kein gültiges Base64", "is not valid base64"),
    "not_a_file_name": ("ist kein Dateiname", "is not a file name"),
}
