"""German translations of the UI strings added for issue 12 (merged by fill_translations.py)."""

DE = {
    "Your password:": "Ihr Passwort:",
    "The backup has other passwords. Your password then, or the recovery key of the backup:": (
        "Die Sicherung hat andere Passwörter. Ihr damaliges Passwort oder der Wiederherstellungsschlüssel "
        "der Sicherung:"
    ),
}
