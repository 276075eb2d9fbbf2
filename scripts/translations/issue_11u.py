# ruff: noqa: E501 - one translation a line
"""German texts of issue 11u (ui modules split: strings moved to new classes keep their wording)."""

DE = {
    "Automatic backups in {folder}:": "Automatische Sicherungen in {folder}:",
    "Back up now…": "Jetzt sichern …",
    "Backup saved: {path}": "Sicherung gespeichert: {path}",
    "Backups are encrypted copies of the store together with its key file. An automatic backup is made when the program closes, at most once a day. Keep copies on a second medium as well. A backup is checked completely before it replaces anything; the replaced store is kept.": "Sicherungen sind verschlüsselte Kopien der Datenablage mit ihrer Schlüsseldatei. Beim Beenden des Programms wird höchstens einmal am Tag automatisch gesichert. Bewahren Sie Kopien auch auf einem zweiten Datenträger auf. Eine Sicherung wird vollständig geprüft, bevor sie etwas ersetzt; die ersetzte Datenablage bleibt erhalten.",
    "Navigation": "Navigation",
    "Restore a backup…": "Sicherung zurückspielen …",
    "Restore backup": "Sicherung zurückspielen",
    "Restore this backup? You will be signed out; the backup is checked first and the current store is kept as a backup.": "Diese Sicherung zurückspielen? Sie werden abgemeldet; die Sicherung wird zuerst geprüft, und die jetzige Datenablage wird als Sicherung aufbewahrt.",
    "Save backup": "Sicherung speichern",
}
