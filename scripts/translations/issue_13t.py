"""German translations of issue 13t (the team lead's office files on the server)."""

DE = {
    "Office files": "Büro",
    "no case": "kein Fall",
    "open": "offen",
    "closed on {date}": "abgeschlossen am {date}",
    "Name": "Name",
    "Counsellor": "Fachkraft",
    "Status": "Status",
    "Change counsellor": "Zuständigkeit ändern",
    "File {number} ({name}), now with {counsellor}.": "Akte {number} ({name}), zurzeit bei {counsellor}.",
    "New counsellor": "Neue Fachkraft",
    "Search client number, name or counsellor": "Suche nach Nr., Name oder Fachkraft",
    "Change &counsellor…": "&Zuständigkeit ändern…",
    "&Legal hold on/off": "&Sperre gegen Löschung an/aus",
    "{shown} of {total} files": "{shown} von {total} Akten",
    "Lift the legal hold of file {number}? It can then be deleted when due.": (
        "Die Sperre gegen Löschung der Akte {number} aufheben? Sie kann dann gelöscht werden, wenn sie fällig ist."
    ),
    "Protect file {number} from deletion (legal hold)?": "Die Akte {number} gegen Löschung sperren?",
    "File {number} is protected from deletion.": "Die Akte {number} ist gegen Löschung gesperrt.",
    "File {number} is no longer protected from deletion.": "Die Akte {number} ist nicht mehr gegen Löschung gesperrt.",
}
