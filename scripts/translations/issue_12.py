"""German translations of the UI strings added for issue 12 (merged by fill_translations.py)."""

DE = {
    "Your password:": "Ihr Passwort:",
    "The backup has other passwords. Your password then, or the recovery key of the backup:": (
        "Die Sicherung hat andere Passwörter. Ihr damaliges Passwort oder der Wiederherstellungsschlüssel "
        "der Sicherung:"
    ),
    "Re-key…": "Neu verschlüsseln …",
    "The account is deactivated. Whoever kept an old key file or backup still knows the old key. "
    "Re-key the store now? Everybody then gets a one-time password.": (
        "Das Konto ist deaktiviert. Wer eine alte Schlüsseldatei oder Sicherung aufbewahrt hat, kennt den "
        "alten Schlüssel noch. Die Datenablage jetzt neu verschlüsseln? Alle erhalten dann ein Einmal-Passwort."
    ),
    "Re-key the store? Earlier key files and backups will no longer open it; every account gets a "
    "one-time password and there is a new recovery key.": (
        "Die Datenablage neu verschlüsseln? Frühere Schlüsseldateien und Sicherungen öffnen sie danach nicht "
        "mehr; jedes Konto erhält ein Einmal-Passwort, und es gibt einen neuen Wiederherstellungsschlüssel."
    ),
    "One-time passwords (each person sets her own at the first sign-in):": (
        "Einmal-Passwörter (jede Person setzt bei der ersten Anmeldung ein eigenes):"
    ),
    "New recovery key (the old one no longer works):": "Neuer Wiederherstellungsschlüssel (der alte gilt nicht mehr):",
    "Set your own password": "Eigenes Passwort festlegen",
    "You signed in with a one-time password. Your new password:": (
        "Sie haben sich mit einem Einmal-Passwort angemeldet. Ihr neues Passwort:"
    ),
    "Store re-keyed": "Datenablage neu verschlüsselt",
    "Shown only now. Print it or write it down, then hand each password over in person.": (
        "Wird nur jetzt angezeigt. Ausdrucken oder aufschreiben und jedes Passwort persönlich übergeben."
    ),
    "Backup of {created}.\n\nRestoring it loses everything since:\n"
    "• {events} audit events\n• accounts created since: {users}\n"
    "• {runs} deletion runs since (their erasures are applied again: {erasures} erased files stay erased)\n\n"
    "The current store is kept as a backup. Restore now?": (
        "Sicherung vom {created}.\n\nBeim Zurückspielen geht alles seither verloren:\n"
        "• {events} Protokolleinträge\n• seither angelegte Konten: {users}\n"
        "• {runs} Löschläufe seither (ihre Löschungen werden erneut angewandt: {erasures} gelöschte Akten "
        "bleiben gelöscht)\n\n"
        "Die bisherige Datenablage wird als Sicherung aufbewahrt. Jetzt zurückspielen?"
    ),
    "Restore and lose this": "Trotzdem zurückspielen",
    "Cancel": "Abbrechen",
    "The restore was cancelled. Nothing was changed.": "Das Zurückspielen wurde abgebrochen. Nichts wurde geändert.",
}
