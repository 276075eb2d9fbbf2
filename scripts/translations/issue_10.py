"""German translations of the texts added for issue 10 (keyboard, dates, code lists)."""

DE = {
    "type a name, e.g. Syria": "Namen tippen, z. B. Syrien",
    "e.g. Arabic": "z. B. Arabisch",
    "Not a date: please type DD.MM.YYYY": "Kein Datum: bitte als TT.MM.JJJJ eingeben",
    "Calendar (Alt+Down)": "Kalender (Alt+Pfeil runter)",
    "New &goal…": "Neues &Ziel …",
    "The password is wrong.": "Das Passwort ist falsch.",
    "&Password:": "&Passwort:",
    "Correct &case…": "&Fall korrigieren …",
    "&New referral…": "&Neue Vermittlung …",
    "&New follow-up…": "&Neue Wiedervorlage …",
    "Record &consent…": "Einwilligung e&rfassen …",
    "Minimum cell size k:": "Mindestfallzahl k:",
    "not stated": "keine Angabe",
    "Saved: {path}": "Gespeichert: {path}",
    "only for ages below 12 or above 27": "nur bei Alter unter 12 oder über 27",
    "yes": "ja",
    "no": "nein",
    "Correct case": "Fall korrigieren",
    "Corrections are recorded in the history. Leave the closing date empty for an open case.": (
        "Korrekturen werden im Verlauf festgehalten. Bei einem offenen Fall bleibt das Abschlussdatum leer."
    ),
}
